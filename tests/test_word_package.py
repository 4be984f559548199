"""The Word handout as a file: header and footer, properties, language, reproducible bytes,
and other readers (mammoth, LibreOffice) opening it."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import mammoth
import pytest
from click.testing import CliRunner

from publisher.brand import Brand
from publisher.brandfile import load_brand
from publisher.cli import main
from publisher.parse import parse_source
from publisher.text import inline_text
from tests.helpers.paths import CLINIC_FAQ, FEATURES_FAQ, SPANISH_FAQ
from tests.helpers.tools import convert_with_libreoffice
from tests.helpers.word import MAMMOTH_STYLES, W, field_codes, open_docx, part_xml, render


@pytest.fixture(scope="module")
def clinic() -> bytes:
    return render(CLINIC_FAQ)


def zip_names(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.namelist()


# --- header and footer ------------------------------------------------------------------


def test_header_shows_the_title(clinic):
    section = open_docx(clinic).sections[0]
    assert [p.text for p in section.header.paragraphs] == ["Frequently Asked Questions"]
    assert section.header.paragraphs[0].style.name == "Header"


def test_footer_counts_pages_with_fields(clinic):
    footer = open_docx(clinic).sections[0].footer
    edition, paragraph = footer.paragraphs  # the edition line above the page numbers
    assert edition.text == "Version 1 · Reviewed November 2026 · Next review November 2029"
    assert field_codes(paragraph) == ["PAGE", "NUMPAGES"]
    # Readers that do not compute fields show the cached values.
    assert paragraph.text == "Page 1 of 1"
    assert paragraph.style.name == "Footer"


def test_footer_and_date_speak_the_documents_language():
    document = open_docx(render(SPANISH_FAQ))
    assert document.sections[0].footer.paragraphs[0].text == "Página 1 de 1"
    # No review date in the Spanish fixture: no "Last reviewed" line.
    assert [p.style.name for p in document.paragraphs][:2] == ["Title", "Heading 1"]


def test_paper_size_follows_the_option(clinic):
    a4 = open_docx(clinic).sections[0]
    assert (round(a4.page_width.mm), round(a4.page_height.mm)) == (210, 297)
    letter = open_docx(render(CLINIC_FAQ, paper="letter")).sections[0]
    assert (letter.page_width.inches, letter.page_height.inches) == (8.5, 11)


# --- properties and language ------------------------------------------------------------


def test_core_properties(clinic):
    properties = open_docx(clinic).core_properties
    assert properties.title == "Frequently Asked Questions"
    assert properties.subject == "Scalp Micropigmentation (SMP)"
    assert properties.language == "en"
    expected = dt.datetime(2025, 11, 23, 0, 0, tzinfo=dt.UTC)  # SOURCE_DATE_EPOCH, not updated
    assert properties.created == expected
    assert properties.modified == expected
    for leftover in ("author", "comments", "keywords", "category", "last_modified_by", "content_status"):
        assert getattr(properties, leftover) == "", leftover
    assert properties.last_printed is None


def test_nothing_left_from_python_docx_template(clinic):
    names = zip_names(clinic)
    assert "docProps/thumbnail.jpeg" not in names
    assert not [name for name in names if name.startswith("customXml/")]
    assert "word/stylesWithEffects.xml" not in names
    with zipfile.ZipFile(io.BytesIO(clinic)) as package:
        metadata = b"".join(package.read(n) for n in names if n.startswith("docProps/"))
        settings = package.read("word/settings.xml")
    for leftover in (b"python-docx", b"Microsoft", b"Normal.dotm"):
        assert leftover not in metadata
    assert b"w:rsid" not in settings and b"proofState" not in settings
    assert (
        b'w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"' in settings
    )


def test_clinic_is_author_only_when_branded(clinic):
    assert open_docx(clinic).core_properties.author == ""
    branded = open_docx(render(CLINIC_FAQ, brand=Brand(name="Example Hair Clinic")))
    assert branded.core_properties.author == "Example Hair Clinic"


def test_language_is_set_on_the_styles():
    data = render(FEATURES_FAQ)
    styles = part_xml(data, "word/styles.xml")
    default = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert default.get(f"{W}val") == "en-GB"
    assert {lang.get(f"{W}val") for lang in styles.iter(f"{W}lang")} == {"en-GB"}
    settings = part_xml(data, "word/settings.xml")
    assert settings.find(f"{W}themeFontLang").get(f"{W}val") == "en-GB"
    assert open_docx(data).core_properties.language == "en-GB"


def test_dates_come_from_source_date_epoch_even_without_a_review_date():
    # The Spanish fixture has no review date.
    properties = open_docx(render(SPANISH_FAQ)).core_properties
    assert properties.created == dt.datetime(2025, 11, 23, 0, 0, tzinfo=dt.UTC)


def test_dates_fall_back_to_the_review_date():
    properties = open_docx(render(CLINIC_FAQ, epoch=None)).core_properties
    assert properties.created == properties.modified == dt.datetime(2026, 11, 23, 0, 0, tzinfo=dt.UTC)


def test_no_dates_without_any_source():
    data = render(SPANISH_FAQ, epoch=None)
    assert open_docx(data).core_properties.created is None
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert {info.date_time for info in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}


# --- reproducible bytes -----------------------------------------------------------------


@pytest.mark.parametrize(
    "source", [CLINIC_FAQ, FEATURES_FAQ, SPANISH_FAQ], ids=["clinic", "features", "spanish"]
)
def test_two_builds_are_byte_identical(source):
    assert render(source) == render(source)


@pytest.mark.parametrize("source", [CLINIC_FAQ, SPANISH_FAQ], ids=["clinic", "spanish"])
def test_byte_identical_without_source_date_epoch(source):
    first = render(source, epoch=None)
    assert render(source, epoch=None) == first


def test_zip_entries_carry_a_fixed_time(clinic):
    with zipfile.ZipFile(io.BytesIO(clinic)) as package:
        infos = package.infolist()
    assert {info.date_time for info in infos} == {(2025, 11, 23, 0, 0, 0)}
    assert {info.compress_type for info in infos} == {zipfile.ZIP_DEFLATED}
    assert infos[0].filename == "[Content_Types].xml"


def test_cli_builds_the_handout(tmp_path):
    result = CliRunner().invoke(main, ["build", "-f", "docx", "-o", str(tmp_path), str(CLINIC_FAQ)])
    assert result.exit_code == 0, result.output
    written = tmp_path / "faq.docx"
    # The build brands the handout with the _brand.yml beside the source.
    assert written.read_bytes() == render(CLINIC_FAQ, brand=load_brand(CLINIC_FAQ.parent / "_brand.yml"))


# --- other readers ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "source", [CLINIC_FAQ, FEATURES_FAQ, SPANISH_FAQ], ids=["clinic", "features", "spanish"]
)
def test_mammoth_reads_every_question(source):
    result = mammoth.convert_to_html(io.BytesIO(render(source)), style_map=MAMMOTH_STYLES)
    assert result.messages == []
    html = result.value
    for entry in parse_source(source).entries:
        assert f"{inline_text(entry.question)}</h2>" in html.replace("<em>", "").replace("</em>", "")


def test_mammoth_sees_lists_links_and_tables():
    html = mammoth.convert_to_html(io.BytesIO(render(FEATURES_FAQ)), style_map=MAMMOTH_STYLES).value
    assert "<li>Do not use hair products on the day.<ol><li>No gel</li><li>No spray</li></ol></li>" in html
    assert '<a href="#q_prepare">how to prepare</a>' in html
    # The author's link text, its spaces no-break so the number never wraps (docx/phone.py).
    assert '<a href="tel:+44123456789">+44\u00a0123\u00a0456\u00a0789</a>' in html
    assert '<a href="tel:+44123456789">0123\u00a0456\u00a0789</a>' in html  # the disclaimer's
    assert "<th><p>Treatment</p></th>" in html
    assert "<blockquote><p>Tip: wear a loose, button-up shirt.</p></blockquote>" in html


@pytest.mark.clients
def test_libreoffice_converts_without_complaint(tmp_path):
    source = tmp_path / "features.docx"
    source.write_bytes(render(FEATURES_FAQ))
    convert_with_libreoffice([source], tmp_path)
    from pypdf import PdfReader

    text = "\n".join(page.extract_text() for page in PdfReader(tmp_path / "features.pdf").pages)
    for line in ("What does a session cost?", "3. Wash your hair", "1. No gel", "Page 1 of 2"):
        assert line in text
