"""Large print (-f large-pdf, -f large-docx) read back, and the statement telling patients about it.

The large-print leaflet and handout of the clinic's FAQ and of every corpus source: every
run of text in the PDF at 16pt or more (the size pypdf reports times the text and
transformation matrices' scale), no italic font (pdffonts), one column (every question
starts at the left margin); the Word styles at 16pt or more, none italic, one column.
The statement ("This leaflet is also available in large print and braille. Ask at
reception or call ...") in the standard leaflet, handout and fragment, at 16pt or more on
paper, worded per language, turned off or changed by the front matter.
"""

from __future__ import annotations

import io
import math
import re
import subprocess
from functools import cache
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from lxml import html as lxml_html
from pypdf import PdfReader

from publisher.brandfile import find_brand
from publisher.cli import main
from publisher.facts import source_date_epoch, with_facts
from publisher.parse import parse_source
from publisher.renderers import Theme
from tests.helpers.layout import normalise, source_questions, starts
from tests.helpers.paths import CLINIC_FAQ, EPOCH, ROOT
from tests.helpers.pdf import all_text
from tests.helpers.tools import require_tool

CORPUS = ROOT / "tests" / "corpus"
SOURCES = {"clinic": CLINIC_FAQ} | {
    folder.name: folder / "faq.md" for folder in sorted(CORPUS.iterdir()) if (folder / "faq.md").is_file()
}
SMALLEST_PT = 16.0
"""Nothing in large print under this (UKAAF, RNIB; the NHS Accessible Information Standard)."""
LEFT_MARGIN_PT = 20 * 72 / 25.4
"""large.css's side margins: 20 mm."""
PHONE = "020 7946 0000"
BRAND = f'meta:\n  name: Harbour Clinic\ncontact:\n  phone: "{PHONE}"\n'
STATEMENT = f"This leaflet is also available in large print and braille. Ask at reception or call {PHONE}."


def render(source: Path, fmt: str, brand: bool = True) -> bytes:
    """One format of a source, rendered as the build renders it (its brand file beside it)."""
    from publisher.renderers import FORMATS

    document = parse_source(source)
    theme = Theme(brand=find_brand(None, source) if brand else Theme().brand)
    facts = with_facts(document, theme, source_date_epoch({"SOURCE_DATE_EPOCH": EPOCH}))
    return FORMATS[fmt].load()(document, facts).data


@cache
def large(name: str, fmt: str) -> bytes:
    """The large-print file of a source, rendered once per test session."""
    return render(SOURCES[name], fmt)


def text_runs(data: bytes) -> list[tuple[float, str, str]]:
    """(size in pt as printed, font name, text) of every run of text drawn in a PDF.

    pypdf hands over the size set by Tf and the text and transformation matrices; the
    printed size is the Tf size times the vertical scale of their product.
    """
    runs: list[tuple[float, str, str]] = []

    def visit(text, cm, tm, font, size):
        if not text.strip():
            return
        # The text matrix times the CTM: only the linear part matters for the size.
        c = tm[2] * cm[0] + tm[3] * cm[2]
        d = tm[2] * cm[1] + tm[3] * cm[3]
        name = str(font.get("/BaseFont", "")) if font else ""
        runs.append((round(size * math.hypot(c, d), 2), name, text.strip()))

    for page in PdfReader(io.BytesIO(data)).pages:
        page.extract_text(visitor_text=visit)
    return runs


def pdf_fonts(data: bytes, tmp_path: Path) -> list[str]:
    """The names of the fonts a PDF uses, as poppler's pdffonts lists them."""
    path = tmp_path / "read.pdf"
    path.write_bytes(data)
    listing = subprocess.run([require_tool("pdffonts"), str(path)], capture_output=True, check=True)
    lines = listing.stdout.decode("latin-1").splitlines()[2:]  # names are bytes, not always UTF-8
    return [line.split()[0] for line in lines if line.strip()]


def lines_with_x(data: bytes, tmp_path: Path) -> list[tuple[float, float, str]]:
    """(xMin, xMax, text) of every line poppler finds, page by page."""
    path = tmp_path / "lines.pdf"
    path.write_bytes(data)
    command = [require_tool("pdftotext"), "-bbox-layout", str(path), "-"]
    xml = subprocess.run(command, capture_output=True, check=True).stdout.decode("utf-8", "replace")
    found = []
    for line in re.finditer(
        r'<line xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>(.*?)</line>', xml, re.S
    ):
        words = re.findall(r">([^<]*)</word>", line.group(3))
        found.append((float(line.group(1)), float(line.group(2)), " ".join(words)))
    return found


# --- the large-print leaflet --------------------------------------------------------------------


@pytest.mark.parametrize("name", SOURCES)
def test_every_run_of_text_in_the_large_print_leaflet_is_16pt_or_more(name: str) -> None:
    runs = text_runs(large(name, "large-pdf"))
    assert runs
    small = [(size, text) for size, _, text in runs if size < SMALLEST_PT - 0.01]
    assert not small, f"text under {SMALLEST_PT}pt: {small[:5]}"
    body = sorted(size for size, _, _ in runs)[len(runs) // 2]
    assert body == pytest.approx(18, abs=0.1)  # the median run is body text


@pytest.mark.parametrize("name", SOURCES)
def test_the_large_print_leaflet_uses_no_italic_font(name: str, tmp_path: Path) -> None:
    fonts = pdf_fonts(large(name, "large-pdf"), tmp_path)
    assert fonts
    assert not [font for font in fonts if re.search(r"italic|oblique", font, re.I)]


@pytest.mark.parametrize("name", [name for name in SOURCES if not name.endswith("-rtl")])
def test_every_question_of_the_large_print_leaflet_starts_at_the_left_margin(
    name: str, tmp_path: Path
) -> None:
    # In two columns, half the questions would start in the middle of the page.
    lines = lines_with_x(large(name, "large-pdf"), tmp_path)
    questions = source_questions(SOURCES[name].read_text(encoding="utf-8"))
    found = 0
    for question in questions:
        line = next((line for line in lines if starts(normalise(question), normalise(line[2]))), None)
        if line is None:
            continue  # a question poppler splits oddly; the others still prove the layout
        found += 1
        assert line[0] == pytest.approx(LEFT_MARGIN_PT, abs=3), (question, line)
    assert found >= len(questions) * 0.8


def test_the_large_print_leaflet_is_tagged_with_bookmarks_and_the_brand(tmp_path: Path) -> None:
    data = large("clinic", "large-pdf")
    reader = PdfReader(io.BytesIO(data))
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    assert len(reader.outline) >= 4  # the sections, with their questions below
    text = all_text(reader)
    assert text.startswith("Example Clinic (sample, not a real clinic) Frequently Asked Questions")
    assert "hello@clinic.example" in text and "Scan to read this FAQ online" in text
    assert re.search(r"Page 1 of \d", text)
    footer = [size for size, _, text in text_runs(data) if text.startswith("Page 1 of")]
    assert footer and min(footer) >= 18 - 0.01  # page numbers as large as the body text


def test_the_build_writes_large_print_and_braille_beside_the_standard_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    formats = ["-f", "large-pdf", "-f", "large-docx", "-f", "brf", "-f", "pdf"]
    result = CliRunner().invoke(main, ["build", str(CLINIC_FAQ), "-o", str(out), *formats, "-j", "1"])
    assert result.exit_code == 0, result.output
    written = sorted(path.name for path in out.iterdir() if not path.name.startswith("."))
    assert written == ["faq.brf", "faq.large.docx", "faq.large.pdf", "faq.pdf"]
    built = PdfReader(out / "faq.large.pdf")
    assert all_text(built) == all_text(PdfReader(io.BytesIO(large("clinic", "large-pdf"))))


def test_large_print_is_built_only_when_asked_for(tmp_path: Path) -> None:
    from publisher.renderers import DEFAULT_FORMATS, OFFERED_FORMATS

    assert {"large-pdf", "large-docx"} <= set(OFFERED_FORMATS) - set(DEFAULT_FORMATS)


# --- the large-print handout ----------------------------------------------------------------------


@pytest.mark.parametrize("name", SOURCES)
def test_the_large_print_handout_styles_are_16pt_or_more_and_never_italic(name: str) -> None:
    word = docx.Document(io.BytesIO(large(name, "large-docx")))
    normal = word.styles["Normal"].font.size.pt
    assert normal == 18
    for style in word.styles:
        font = getattr(style, "font", None)
        if font is None:
            continue
        assert font.size is None or font.size.pt >= SMALLEST_PT, style.name
        assert not font.italic, style.name
    # Text runs carry no italic of their own either (emphasis inside a link is bold).
    body = word.element.body.xml
    assert "<w:i/>" not in body and "<w:i " not in body
    assert all(len(section._sectPr.xpath("./w:cols[@w:num > 1]")) == 0 for section in word.sections)


def test_the_large_print_handout_keeps_the_standard_styles_names_and_text() -> None:
    standard = docx.Document(io.BytesIO(render(CLINIC_FAQ, "docx")))
    enlarged = docx.Document(io.BytesIO(large("clinic", "large-docx")))
    assert [p.text for p in enlarged.paragraphs] == [p.text for p in standard.paragraphs]
    assert [p.style.name for p in enlarged.paragraphs] == [p.style.name for p in standard.paragraphs]
    assert standard.styles["Normal"].font.size.pt == 11
    assert enlarged.styles["heading 2"].font.size.pt > enlarged.styles["Normal"].font.size.pt


def test_a_reference_document_does_not_shrink_the_large_print_handout(tmp_path: Path) -> None:
    from publisher.renderers.large.docx import render_large_docx
    from tests.helpers.word import make_reference

    reference = make_reference(tmp_path / "reference.docx")
    document = parse_source(CLINIC_FAQ)
    theme = with_facts(document, Theme(docx_reference=reference))
    word = docx.Document(io.BytesIO(render_large_docx(document, theme).data))
    assert word.styles["Normal"].font.size.pt == 18


# --- telling patients -----------------------------------------------------------------------------


def source(tmp_path: Path, front: str = "", lang: str = "en", brand: str = BRAND) -> Path:
    """A small FAQ with ``front`` added to its front matter, beside a brand file with a phone number."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    path = tmp_path / "faq.md"
    path.write_text(
        f"---\ntitle: Clinic FAQ\nlang: {lang}\n{front}---\n\n## Is it safe?\n\nYes, *very* safe.\n",
        encoding="utf-8",
    )
    if brand:
        (tmp_path / "_brand.yml").write_text(brand, encoding="utf-8")
    return path


def fragment_statement(path: Path) -> lxml_html.HtmlElement | None:
    """The fragment's statement paragraph, or None."""
    root = lxml_html.fromstring(render(path, "html"))
    found = root.xpath('//p[@class="faqp-alternatives"]')
    return found[0] if found else None


def handout_statement(path: Path, fmt: str = "docx") -> tuple[list[str], docx.document.Document]:
    """The texts in the Alternative Formats style (spaces made plain), and the handout."""
    word = docx.Document(io.BytesIO(render(path, fmt)))
    found = [plain(p.text) for p in word.paragraphs if p.style.name == "Alternative Formats"]
    return found, word


def plain(text: str) -> str:
    """Text with no-break spaces (phone numbers hold them, so they never break) as spaces."""
    return text.replace("\xa0", " ")


def test_the_leaflet_tells_patients_at_16pt_or_more_with_the_clinics_phone(tmp_path: Path) -> None:
    data = render(source(tmp_path), "pdf")
    assert STATEMENT in plain(all_text(PdfReader(io.BytesIO(data))))
    # The phone number also stands in the contact block, at the leaflet's own size.
    sizes = [size for size, _, text in text_runs(data) if plain(text) in STATEMENT.replace(PHONE, "@")]
    assert sizes and min(sizes) >= SMALLEST_PT - 0.01
    body = [size for size, _, text in text_runs(data) if "very" in text or "Yes" in text]
    assert max(body) < SMALLEST_PT  # the rest of the standard leaflet stays at its size


def test_the_handout_and_the_fragment_tell_patients_too(tmp_path: Path) -> None:
    path = source(tmp_path)
    paragraphs, word = handout_statement(path)
    assert paragraphs == [STATEMENT]
    assert word.styles["Alternative Formats"].font.size.pt >= SMALLEST_PT
    assert plain(word.paragraphs[-1].text) == STATEMENT  # near the end
    statement = fragment_statement(path)
    assert statement is not None
    assert plain(statement.text_content()) == STATEMENT.replace("This leaflet is", "This information is")
    assert statement.xpath(".//a/@href") == ["tel:02079460000"]
    assert statement.getparent().index(statement) > statement.getparent().index(
        statement.getparent().xpath('.//*[contains(@class, "faqp-section")]')[-1]
    )


def test_front_matter_false_turns_the_statement_off(tmp_path: Path) -> None:
    path = source(tmp_path, "alternative_formats: false\n")
    assert "also available" not in all_text(PdfReader(io.BytesIO(render(path, "pdf"))))
    assert handout_statement(path)[0] == []
    assert fragment_statement(path) is None


def test_without_a_phone_number_the_statement_appears_only_when_asked_for(tmp_path: Path) -> None:
    quiet = source(tmp_path / "quiet", brand="")
    assert fragment_statement(quiet) is None
    asked = source(tmp_path / "asked", "alternative_formats: [large print, braille, easy read]\n", brand="")
    paragraphs, _ = handout_statement(asked)
    assert paragraphs == [
        "This leaflet is also available in large print, braille and easy read. Ask at reception."
    ]


def test_front_matter_names_the_formats_and_links_the_files_from_the_fragment(tmp_path: Path) -> None:
    front = (
        "alternative_formats: [braille]\n"
        "alternative_links:\n"
        "  large-pdf: https://clinic.example/faq.large.pdf\n"
        "  brf: https://clinic.example/faq.brf\n"
    )
    path = source(tmp_path, front)
    statement = fragment_statement(path)
    assert statement is not None
    assert plain(statement.text_content()) == (
        f"This information is also available in large print (PDF) and braille (BRF). "
        f"Ask at reception or call {PHONE}."
    )
    links = [(a.text, a.get("href")) for a in statement.iter("a")]
    assert links == [
        ("PDF", "https://clinic.example/faq.large.pdf"),
        ("BRF", "https://clinic.example/faq.brf"),
        (PHONE, "tel:02079460000"),
    ]
    paragraphs, _ = handout_statement(path)  # paper names the formats, without the addresses
    assert paragraphs[0].startswith("This leaflet is also available in large print and braille.")


WORDING = {
    "es": "Este folleto también está disponible en letra grande y braille. "
    f"Pregunte en recepción o llame al {PHONE}.",
    "fr": "Ce dépliant est aussi disponible en gros caractères et en braille. "
    f"Demandez à l'accueil ou appelez le {PHONE}.",
    "de": "Dieses Merkblatt gibt es auch in Großdruck und in Brailleschrift. "
    f"Fragen Sie am Empfang oder rufen Sie uns an: {PHONE}.",
}


@pytest.mark.parametrize(("lang", "words"), WORDING.items())
def test_the_statement_is_worded_in_the_faqs_language(tmp_path: Path, lang: str, words: str) -> None:
    path = source(tmp_path, lang=lang)
    paragraphs, _ = handout_statement(path)
    assert paragraphs == [words]
    statement = fragment_statement(path)
    assert statement is not None and statement.get("lang") is None


def test_a_language_without_wording_gets_english_marked_as_such(tmp_path: Path) -> None:
    statement = fragment_statement(source(tmp_path, lang="sv"))  # no labels in Swedish yet
    assert statement is not None and statement.get("lang") == "en"
    assert plain(statement.text_content()).startswith(
        "This information is also available in large print and braille."
    )


@pytest.mark.parametrize(
    ("front", "line", "message"),
    [
        ("alternative_formats: [large print, sign language]\n", 4, "cannot name 'sign language'"),
        ("alternative_formats: yes\n", 4, "must be false or a list"),
        ("alternative_formats: []\n", 4, "must be false or a list"),
        ("alternative_links:\n  large-pdf: ftp://clinic.example/x\n", 4, "must be an http:// or https://"),
        ("alternative_links:\n  daisy: https://clinic.example/x\n", 4, "cannot name 'daisy'"),
        ("alternative_links: https://clinic.example/x\n", 4, "must be lines such as"),
        (
            "alternative_formats: false\nalternative_links:\n  brf: https://clinic.example/x.brf\n",
            5,
            "is given but 'alternative_formats' is false",
        ),
        ("alternative_format: false\n", 4, "did you mean 'alternative_formats'?"),
    ],
)
def test_mistakes_in_the_front_matter_keys_are_located(
    tmp_path: Path, front: str, line: int, message: str
) -> None:
    path = source(tmp_path, front)
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 1
    assert re.search(rf"faq\.md:{line}:1: .*{re.escape(message)}", result.output), result.output


def test_a_wide_table_is_set_out_row_by_row_in_large_print(tmp_path: Path) -> None:
    """Seven columns at 18pt broke "Hepatitis" inside narrow cells; each row is now a titled list."""
    require_tool("pdftotext")
    name = "travel-vaccination-en-15-wide-table"
    pdf = tmp_path / "large.pdf"
    pdf.write_bytes(large(name, "large-pdf"))
    found = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    text = " ".join(found.stdout.split())
    for line in (
        "Vaccine: Hepatitis A",
        "Doses: 1 (+1)",
        "Schedule (days): 0, then 6–12 months",
        "Price per dose: £55",
    ):
        assert line in text, line
    assert "Vaccine: Japanese encephalitis" in text and "Hepatiti s" not in text
    handout = docx.Document(io.BytesIO(large(name, "large-docx")))
    assert not handout.tables
    paragraphs = [paragraph.text for paragraph in handout.paragraphs]
    assert "Vaccine: Yellow fever" in paragraphs and "Booster: not usually" in paragraphs
    title = next(p for p in handout.paragraphs if p.text == "Vaccine: Yellow fever")
    assert all(run.style.name == "Strong" for run in title.runs)


def test_a_table_that_fits_the_line_stays_a_table_in_large_print() -> None:
    """A two-column price list reads well as a grid at 18pt."""
    handout = docx.Document(io.BytesIO(large("dental-en-8-price-list", "large-docx")))
    assert handout.tables
    standard = docx.Document(io.BytesIO(render(SOURCES["travel-vaccination-en-15-wide-table"], "docx")))
    assert standard.tables  # only large print sets the wide table out row by row
