"""The PDF handout, read back with pypdf (and poppler where installed): never judged by bytes alone."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from pypdf import PdfReader

from publisher.errors import RenderError
from publisher.facts import source_date_epoch, with_facts
from publisher.model import Link, Paragraph
from publisher.parse import parse_source
from publisher.renderers import Theme
from publisher.renderers.pdf.fetcher import LocalFetcher
from publisher.renderers.pdf.print_html import print_html
from publisher.renderers.pdf.render import lay_out, render_pdf
from publisher.resources import templates_dir
from publisher.text import block_text, inline_text
from tests.helpers.paths import CLINIC_FAQ, EPOCH, FEATURES_FAQ, SPANISH_FAQ
from tests.helpers.pdf import A4, LETTER, all_text, body_sizes, flat, page_size, read
from tests.helpers.tools import require_tool


def build(source, epoch: str | None = EPOCH, **theme) -> bytes:
    """Render a source to PDF as the build does, with SOURCE_DATE_EPOCH ``epoch``."""
    document = parse_source(source)
    moment = source_date_epoch({"SOURCE_DATE_EPOCH": epoch} if epoch else {})
    return render_pdf(document, with_facts(document, Theme(**theme), moment)).data


@pytest.fixture(scope="module")
def clinic_pdf(tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "clinic.pdf"
    path.write_bytes(build(CLINIC_FAQ))
    return path


@pytest.fixture(scope="module")
def clinic(clinic_pdf):
    return PdfReader(clinic_pdf)


@pytest.fixture(scope="module")
def features_pdf(tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "features.pdf"
    path.write_bytes(build(FEATURES_FAQ))
    return path


@pytest.fixture(scope="module")
def features(features_pdf):
    return PdfReader(features_pdf)


def outline_titles(reader: PdfReader) -> list[tuple[int, str]]:
    """(level, title) of every bookmark, depth first."""
    found: list[tuple[int, str]] = []

    def walk(items, level):
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                found.append((level, item.title))

    walk(reader.outline, 1)
    return found


# --- pages ---------------------------------------------------------------------


def test_clinic_faq_fits_one_sheet_on_a4(clinic):
    assert len(clinic.pages) <= 2
    for index in range(len(clinic.pages)):
        assert page_size(clinic, index) == pytest.approx(A4, abs=0.5)


def test_letter_paper():
    reader = read(build(CLINIC_FAQ, paper="letter"))
    assert len(reader.pages) <= 2
    assert page_size(reader) == pytest.approx(LETTER, abs=0.5)


def test_running_footer_numbers_pages(clinic):
    pages = len(clinic.pages)
    for number, page in enumerate(clinic.pages, start=1):
        assert f"Page {number} of {pages}" in flat(page.extract_text())


def test_footer_and_dates_follow_the_language():
    reader = read(build(SPANISH_FAQ))
    text = all_text(reader)
    assert "Página 1 de 1" in text
    assert "Last reviewed" not in text  # the Spanish fixture has no `updated`


def test_title_block_and_disclaimer_last(clinic):
    document = parse_source(CLINIC_FAQ)
    text = all_text(clinic)
    assert text.startswith(
        "Frequently Asked Questions Scalp Micropigmentation (SMP) Last reviewed 23 November 2026"
    )
    disclaimer = inline_text(document.meta.disclaimer)
    last_answer = flat(block_text(document.entries[-1].answer))
    assert text.index(disclaimer) > text.index(last_answer)


# --- text ----------------------------------------------------------------------


def test_every_question_and_answer_in_order(clinic):
    text = all_text(clinic)
    position = 0
    for entry in parse_source(CLINIC_FAQ).entries:
        for part in (inline_text(entry.question), block_text(entry.answer)):
            found = text.find(flat(part), position)
            assert found >= 0, f"missing or out of order: {part!r}"
            position = found + len(flat(part))


def test_feature_answers_are_real_text(features):
    text = all_text(features)
    document = parse_source(FEATURES_FAQ)
    for entry in document.entries:
        assert flat(inline_text(entry.question)) in text
        for block in entry.answer:
            if isinstance(block, Paragraph) and not any(isinstance(i, Link) for i in block.children):
                assert flat(inline_text(block.children)) in text
    assert "Full scalp 3 £1,800" in text


def test_link_addresses_printed_for_paper(features):
    text = all_text(features)
    # An address may break after / . ? & = (a line break that all_text makes a space).
    assert "booking(booking.clinic.example/?a=1&b=2)" in text.replace(" ", "")
    assert "our site (clinic.example)" in text
    # The text already is the address or the number: printed once.
    assert "hello@clinic.example (" not in text
    assert "+44 123 456 789 (" not in text


def test_body_text_is_at_least_12_pt(clinic):
    small = {text for size, text in body_sizes(clinic) if size < 12}
    # Only the running footer, the review date and the edition line (small print, 10 pt) are smaller.
    allowed = "Frequently Asked Questions Page 1 of 2 Page 2 of 2 Last reviewed 23 November 2026"
    allowed += " Version 1 · Reviewed November 2026 · Next review November 2029"
    assert small and all(flat(text) in allowed for text in small), small
    answer_sizes = {size for size, text in body_sizes(clinic) if text.startswith("SMP is")}
    assert min(answer_sizes) == 12


# --- structure -----------------------------------------------------------------


def long_faq(tmp_path):
    """A FAQ long enough to break across many columns and pages, with long and short answers.

    The lengths are chosen so that with ``break-after: auto`` on questions (WeasyPrint's
    own default is ``avoid``) a question does end up alone at the foot of a column.
    """
    sentence = "Pigment is placed in the upper dermis with a fine needle, dot by dot, to match the hair. "
    lines = ["---", "title: Long FAQ", "---", ""]
    for number in range(1, 31):
        if number % 8 == 1:
            lines += [f"# Part {number // 8 + 1}", ""]
        lines += [f"## Question {number}: how does step {number} of the treatment work?", ""]
        if number % 3 == 0:
            lines += [sentence * (3 + number * 4 % 5), "", "- first point\n- second point\n- third point"]
            lines += ["", sentence * 4, ""]
        else:
            lines += [sentence, ""]
    source = tmp_path / "long.md"
    source.write_text("\n".join(lines), encoding="utf-8")
    return source


def boxes(box):
    yield box
    for child in getattr(box, "children", ()):
        yield from boxes(child)


def line_count(box) -> int:
    return sum(1 for b in boxes(box) if type(b).__name__ == "LineBox")


def paragraph_fragments(box, found: dict[int, list[int]]) -> None:
    """Line counts of each piece of every paragraph and list item, keyed by element."""
    if box.element_tag in ("p", "li") and type(box).__name__ == "BlockBox":
        found.setdefault(id(box.element), []).append(line_count(box))
        return  # a list item's own inner boxes are not pieces of it
    for child in getattr(box, "children", ()):
        paragraph_fragments(child, found)


def test_questions_stay_with_their_answers_and_no_line_is_stranded(tmp_path):
    source = long_faq(tmp_path)
    html = print_html(parse_source(source), Theme())
    pages = lay_out(html, LocalFetcher([templates_dir(), tmp_path]), base_url=tmp_path).pages
    assert len(pages) >= 3
    fragments: dict[int, list[int]] = {}
    for page in pages:
        paragraph_fragments(page._page_box, fragments)
        for box in boxes(page._page_box):
            if box.element_tag == "article":
                tags = [child.element_tag for child in box.children]
                if "h3" in tags:
                    answer = box.children[tags.index("h3") + 1 :]
                    assert answer and line_count(answer[0]) >= 1, "question alone at the foot of a column"
    split = [counts for counts in fragments.values() if len(counts) > 1]
    assert split, "the fixture should split some paragraphs"
    assert all(min(counts) >= 2 for counts in split), split


@pytest.mark.parametrize("source", [CLINIC_FAQ, FEATURES_FAQ], ids=["clinic", "features"])
def test_bookmarks_list_sections_and_questions(source):
    reader = read(build(source))
    document = parse_source(source)
    expected = []
    for section in document.sections:
        expected.append((1, inline_text(section.title)))
        expected += [(2, inline_text(e.question)) for e in section.entries]
    assert outline_titles(reader) == expected


def test_questions_before_any_section_are_top_level_bookmarks(tmp_path):
    source = tmp_path / "faq.md"
    source.write_text(
        "---\ntitle: T\n---\n\n## First?\n\nYes.\n\n# Later\n\n## Second?\n\nNo.\n", encoding="utf-8"
    )
    reader = read(build(source))
    assert outline_titles(reader) == [(1, "First?"), (1, "Later"), (2, "Second?")]


def test_internal_and_external_links(features):
    annotations = [a.get_object() for page in features.pages for a in page.get("/Annots", [])]
    uris = {a["/A"]["/URI"] for a in annotations if "/A" in a}
    assert {
        "https://clinic.example/contact",
        "mailto:hello@clinic.example",
        "tel:+44123456789",
        "https://booking.clinic.example/?a=1&b=2",
        "https://clinic.example/faq",
    } <= uris
    internal = [a["/Dest"] for a in annotations if "/Dest" in a]
    assert internal == ["prepare"]
    names = features.trailer["/Root"]["/Names"]["/Dests"]["/Names"]
    destinations = dict(zip(names[::2], names[1::2], strict=True))
    assert {"prepare", "bring", "before-your-visit"} <= set(destinations)


def test_metadata_title_language_and_dates(clinic):
    assert clinic.metadata.title == "Frequently Asked Questions"
    assert clinic.trailer["/Root"]["/Lang"] == "en"
    assert clinic.metadata["/CreationDate"].startswith("D:20251123")
    assert 'pdfuaid:part="1"' in clinic.trailer["/Root"]["/Metadata"].get_object().get_data().decode()


def test_fonts_embedded_and_shipped(clinic, features):
    for reader, families in ((clinic, {"Inter"}), (features, {"Inter", "DejaVu-Sans-Mono"})):
        seen = set()
        for page in reader.pages:
            for font in page["/Resources"]["/Font"].values():
                font = font.get_object()
                descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
                assert {"/FontFile2", "/FontFile3"} & set(descriptor), font["/BaseFont"]
                name = font["/BaseFont"].split("+", 1)[1]
                seen.add("Inter" if name.startswith("Inter") else name)
        assert seen == families


def test_small_file(clinic_pdf):
    # Subset fonts: the four Inter files are over 1 MB, the handout is a few dozen KB.
    assert clinic_pdf.stat().st_size < 120_000


# --- reproducible, safe --------------------------------------------------------


def test_same_input_same_bytes():
    assert build(FEATURES_FAQ) == build(FEATURES_FAQ)
    assert read(build(FEATURES_FAQ)).metadata["/CreationDate"] == "D:20251123000000Z"
    unpinned = build(FEATURES_FAQ, epoch=None)
    assert unpinned == build(FEATURES_FAQ, epoch=None)
    assert read(unpinned).metadata["/CreationDate"] == "D:20261101"  # the front matter's updated
    document = parse_source(FEATURES_FAQ)
    assert "/CreationDate" not in read(render_pdf(document, Theme()).data).metadata  # no date given


def test_glyph_missing_from_shipped_fonts_fails(tmp_path, monkeypatch):
    # `check` reports such characters first (tests/test_glyphs.py); past it, the render still fails.
    monkeypatch.setattr("publisher.parse.undrawable_chars", lambda *args: [])
    source = tmp_path / "faq.md"
    source.write_text("---\ntitle: T\n---\n\n## Japanese?\n\n日本語\n", encoding="utf-8")
    with pytest.raises(RenderError, match="U\\+65E5"):
        render_pdf(parse_source(source), Theme())


def test_local_image_is_drawn(tmp_path):
    png = (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"
        b"\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92\xef"
        b"\x00\x00\x00\x00IEND\xaeB`\x82"
    )
    (tmp_path / "dot.png").write_bytes(png)
    source = tmp_path / "faq.md"
    source.write_text("---\ntitle: T\n---\n\n## Picture?\n\n![A dot](dot.png)\n", encoding="utf-8")
    reader = read(render_pdf(parse_source(source), Theme()).data)
    xobjects = reader.pages[0]["/Resources"]["/XObject"]
    assert any(x.get_object()["/Subtype"] == "/Image" for x in xobjects.values())


def test_print_html_needs_no_weasyprint():
    code = (
        "import sys; from pathlib import Path; from publisher.parse import parse_source; "
        "from publisher.renderers import Theme; "
        "from publisher.renderers.pdf.print_html import render_print_html; "
        f"render_print_html(parse_source(Path({str(CLINIC_FAQ)!r})), Theme()); "
        "assert 'weasyprint' not in sys.modules, 'weasyprint imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# --- real clients --------------------------------------------------------------


@pytest.mark.clients
def test_poppler_sees_tags_and_embedded_fonts(clinic_pdf):
    info = subprocess.run([require_tool("pdfinfo"), clinic_pdf], capture_output=True, text=True, check=True)
    assert re.search(r"^Tagged:\s+yes$", info.stdout, re.M)
    assert re.search(r"^Pages:\s+[12]$", info.stdout, re.M)
    fonts = subprocess.run([require_tool("pdffonts"), clinic_pdf], capture_output=True, text=True, check=True)
    rows = fonts.stdout.splitlines()[2:]
    assert rows and all(row.split()[-5] == "yes" for row in rows), fonts.stdout


@pytest.mark.clients
def test_list_numbers_survive(features_pdf):
    # pypdf leaves list markers out of its text; poppler reads them.
    text = subprocess.run(
        [require_tool("pdftotext"), "-layout", features_pdf, "-"], capture_output=True, text=True, check=True
    ).stdout
    assert re.search(r"3\. Wash your hair the evening before\.", text)  # <ol start="3">
    assert re.search(r"5\. Arrive ten minutes early\.", text)


@pytest.mark.clients
def test_qpdf_finds_no_structural_errors(clinic_pdf):
    result = subprocess.run([require_tool("qpdf"), "--check", clinic_pdf], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
