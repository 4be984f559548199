"""The clinic's brand in the Word handout: logo and name in the header, contact line in the
footer, colours and fonts in the styles, the clinic as author, pictures of every kind."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx.shared import Mm

from publisher.brand import Brand
from publisher.brandfile import load_brand
from tests.helpers.paths import BRANDED_FAQ, CLINIC_FAQ, FIXTURES, ROOT
from tests.helpers.tools import convert_with_libreoffice
from tests.helpers.word import W, field_codes, open_docx, part_xml, render, svg_file

BRANDED = load_brand(FIXTURES / "branded" / "_brand.yml")
SAMPLE = load_brand(ROOT / "source" / "_brand.yml")
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
SVG_BLIP = "{http://schemas.microsoft.com/office/drawing/2016/SVG/main}svgBlip"
BRANDED_EDITION = "Reviewed October 2026 · Next review October 2029"
"""The branded fixture's edition line: its ``updated`` date, the default three years on, no version."""
CLINIC_EDITION = "Version 1 · Reviewed November 2026 · Next review November 2029"
CONTACT_LINE = "+44 20 0000 0000 · care@harbour.example · 1 Quay Street, Harbourtown · Tue-Sat 10:00-18:00"


@pytest.fixture(scope="module")
def branded() -> bytes:
    return render(BRANDED_FAQ, brand=BRANDED)


@pytest.fixture(scope="module")
def neutral() -> bytes:
    return render(BRANDED_FAQ)


def rels(data: bytes, part: str) -> dict[str, tuple[str, str]]:
    """Relationship id -> (type's last word, target) of one part."""
    folder, _, name = part.rpartition("/")
    tree = part_xml(data, f"{folder}/_rels/{name}.rels")
    return {rel.get("Id"): (rel.get("Type").rsplit("/", 1)[1], rel.get("Target")) for rel in tree}


def media(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {name: package.read(name) for name in package.namelist() if name.startswith("word/media/")}


# --- header and footer ------------------------------------------------------------------


def test_header_shows_logo_clinic_name_and_title(branded):
    header = open_docx(branded).sections[0].header
    (paragraph,) = header.paragraphs
    # The short name beside the logo; the title at the right margin (a tab of the Header style).
    assert paragraph.text == "\u2003Harbour Clinic\tHarbour Clinic FAQ"
    assert paragraph.style.name == "Header"
    name_run = next(run for run in paragraph.runs if run.text == "Harbour Clinic")
    assert name_run.style.name == "Clinic Name"
    tabs = part_xml(branded, "word/styles.xml").find(f"{W}style[@{W}styleId='Header']/{W}pPr/{W}tabs")
    assert tabs[0].get(f"{W}val") == "right" and tabs[0].get(f"{W}pos") == "9638"  # 170 mm


def test_header_logo_is_the_brand_logo_described_by_the_clinic_name(branded):
    header = part_xml(branded, "word/header1.xml")
    (inline,) = header.iter(f"{WP}inline")
    assert inline.find(f"{WP}docPr").get("descr") == "Harbour Hair Clinic (test fixture)"
    assert round(int(inline.find(f"{WP}extent").get("cy")) / 36_000) == 12  # mm high
    r_id = next(inline.iter(f"{A}blip")).get(f"{R}embed")
    kind, target = rels(branded, "word/header1.xml")[r_id]
    assert kind == "image"
    assert media(branded)["word/" + target] == (FIXTURES / "branded" / "images" / "logo.png").read_bytes()


def test_footer_has_the_contact_line_above_page_numbers(branded):
    """Contact line, then the edition line (issue 15), then the page numbers: the reader's order."""
    footer = open_docx(branded).sections[0].footer
    contact, edition, pages = footer.paragraphs
    # The phone number holds no-break spaces (it never wraps); compared as a reader sees it.
    assert contact.text.replace("\u00a0", " ") == CONTACT_LINE
    assert contact.text.startswith("+44\u00a020\u00a00000\u00a00000 · ")
    assert edition.text == BRANDED_EDITION
    assert field_codes(pages) == ["PAGE", "NUMPAGES"]
    assert pages.text == "Page 1 of 1"
    assert {p.style.name for p in footer.paragraphs} == {"Footer"}


def test_footer_phone_and_email_are_links(branded):
    targets = {target for kind, target in rels(branded, "word/footer1.xml").values() if kind == "hyperlink"}
    assert targets == {"tel:+442000000000", "mailto:care@harbour.example"}


def test_long_contact_details_wrap_onto_a_second_line():
    footer = open_docx(render(CLINIC_FAQ, brand=SAMPLE)).sections[0].footer
    contact = footer.paragraphs[0]
    assert contact.text.replace("\u00a0", " ") == (
        "+1 000 000 0000 (example) · hello@clinic.example\n"
        "1 Example Street, Example Town (placeholder address) · Mon-Fri 9:00-17:00"
    )
    # The line breaks between details, never inside the phone number.
    assert contact.text.startswith("+1\u00a0000\u00a0000\u00a00000\u00a0(example) · ")


def test_header_with_only_a_logo_or_only_a_name():
    logo = FIXTURES / "branded" / "images" / "logo.png"
    unnamed = render(CLINIC_FAQ, brand=Brand(logo=logo))
    (inline,) = part_xml(unnamed, "word/header1.xml").iter(f"{WP}inline")
    assert inline.find(f"{WP}docPr").get("descr") == "Clinic logo"
    assert open_docx(unnamed).sections[0].header.paragraphs[0].text == "\u2003\tFrequently Asked Questions"
    named = open_docx(render(CLINIC_FAQ, brand=Brand(name="Hill Clinic"))).sections[0]
    assert named.header.paragraphs[0].text == "Hill Clinic\tFrequently Asked Questions"
    # No contact details: the footer is the edition line and the page numbers.
    assert [p.text for p in named.footer.paragraphs] == [CLINIC_EDITION, "Page 1 of 1"]


def test_wide_word_mark_takes_at_most_a_third_of_the_line(tmp_path: Path):
    mark = svg_file(tmp_path / "mark.svg", "800", "50")
    data = render(CLINIC_FAQ, brand=Brand(name="Hill Clinic", logo=mark))
    extent = next(part_xml(data, "word/header1.xml").iter(f"{WP}extent"))
    section = open_docx(data).sections[0]
    assert int(extent.get("cx")) == (section.page_width - section.left_margin - section.right_margin) // 3
    assert int(extent.get("cy")) < Mm(12)


def test_neutral_header_and_footer_stay_plain(neutral):
    section = open_docx(neutral).sections[0]
    assert [p.text for p in section.header.paragraphs] == ["Harbour Clinic FAQ"]
    assert [p.text for p in section.footer.paragraphs] == [BRANDED_EDITION, "Page 1 of 1"]
    assert not list(part_xml(neutral, "word/header1.xml").iter(f"{WP}inline"))


def test_footer_without_version_or_review_dates_has_no_edition_line(tmp_path: Path):
    """A source with no version and no review date: no edition line, the page numbers alone."""
    source = tmp_path / "faq.md"
    source.write_text("---\ntitle: Plain FAQ\n---\n\n## Is this dated?\n\nNo.\n", encoding="utf-8")
    footer = open_docx(render(source, brand=Brand(name="Hill Clinic"))).sections[0].footer
    assert [p.text for p in footer.paragraphs] == ["Page 1 of 1"]


# --- styles and properties --------------------------------------------------------------


def style(data: bytes, style_id: str):
    return part_xml(data, "word/styles.xml").find(f"{W}style[@{W}styleId='{style_id}']")


@pytest.mark.parametrize("style_id", ["Title", "Heading1", "Heading2", "Heading3", "Heading4", "ClinicName"])
def test_headings_in_the_brand_primary_and_headings_font(branded, style_id):
    properties = style(branded, style_id).find(f"{W}rPr")
    assert properties.find(f"{W}color").get(f"{W}val") == "6B2D5C"
    if style_id != "ClinicName":
        assert properties.find(f"{W}rFonts").get(f"{W}ascii") == "Inter"


def test_body_text_in_the_brand_foreground(branded, neutral):
    body = style(branded, "Normal").find(f"{W}rPr")
    assert body.find(f"{W}color").get(f"{W}val") == "222222"
    assert body.find(f"{W}rFonts").get(f"{W}ascii") == "Inter"
    # The neutral look leaves body text "automatic".
    assert style(neutral, "Normal").find(f"{W}rPr/{W}color") is None
    assert str(open_docx(branded).styles["Subtitle"].font.color.rgb) == "2F6F73"


def test_clinic_is_the_author_and_nothing_else_leaks(branded):
    properties = open_docx(branded).core_properties
    assert properties.author == "Harbour Hair Clinic (test fixture)"
    assert properties.last_modified_by == "Harbour Hair Clinic (test fixture)"
    assert b"<Company>Harbour Hair Clinic (test fixture)</Company>" in part_raw(branded, "docProps/app.xml")
    with zipfile.ZipFile(io.BytesIO(branded)) as package:
        everything = b"".join(
            package.read(name) for name in package.namelist() if not name.startswith("word/media")
        )
    for leftover in (b"_brand.yml", b"fixtures", str(ROOT).encode(), b"python-docx"):
        assert leftover not in everything


def part_raw(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read(name)


# --- pictures -----------------------------------------------------------------------------


def test_both_answer_images_are_embedded_with_their_descriptions(branded):
    body = part_xml(branded, "word/document.xml")
    relations = rels(branded, "word/document.xml")
    found = []
    for inline in body.iter(f"{WP}inline"):
        blip = next(inline.iter(f"{A}blip"))
        svg = [relations[b.get(f"{R}embed")][1] for b in blip.iter(SVG_BLIP)]
        doc_pr = inline.find(f"{WP}docPr")
        found.append((doc_pr.get("descr"), doc_pr.get("title"), relations[blip.get(f"{R}embed")][1], svg))
    assert found == [
        ("Close-up of a treated scalp with fine pigment dots", None, "media/image1.jpg", []),
        (
            "Three steps: consultation, sessions, aftercare",
            "The three steps",
            "media/image2.png",
            ["media/image1.svg"],
        ),
    ]
    stored = media(branded)
    assert stored["word/media/image1.svg"] == (FIXTURES / "branded" / "images" / "steps.svg").read_bytes()
    assert stored["word/media/image2.png"].startswith(b"\x89PNG")


def test_svg_part_has_its_content_type(branded):
    types = part_raw(branded, "[Content_Types].xml")
    assert b'PartName="/word/media/image1.svg" ContentType="image/svg+xml"' in types


def test_drawing_ids_are_unique_across_body_and_header(branded):
    ids = [
        inline.find(f"{WP}docPr").get("id")
        for part in ("word/document.xml", "word/header1.xml")
        for inline in part_xml(branded, part).iter(f"{WP}inline")
    ]
    assert len(ids) == 3 and len(set(ids)) == 3


def test_branded_build_is_byte_identical(branded):
    assert render(BRANDED_FAQ, brand=BRANDED) == branded


# --- the repository's sample clinic (an SVG logo) ---------------------------------------


@pytest.fixture(scope="module")
def sample() -> bytes:
    return render(CLINIC_FAQ, brand=SAMPLE)


def test_sample_logo_is_an_svg_with_a_png_stand_in(sample):
    header = part_xml(sample, "word/header1.xml")
    (inline,) = header.iter(f"{WP}inline")
    assert inline.find(f"{WP}docPr").get("descr") == "Example Clinic (sample, not a real clinic)"
    blip = next(inline.iter(f"{A}blip"))
    relations = rels(sample, "word/header1.xml")
    assert relations[blip.get(f"{R}embed")][1].endswith(".png")
    (svg,) = blip.iter(SVG_BLIP)
    assert relations[svg.get(f"{R}embed")][1].endswith(".svg")


def test_sample_handout_is_small_enough_to_email(sample):
    assert len(sample) < 30_000


@pytest.mark.clients
def test_libreoffice_shows_the_brand(tmp_path: Path, branded, sample):
    for name, data in (("branded", branded), ("sample", sample)):
        (tmp_path / f"{name}.docx").write_bytes(data)
    convert_with_libreoffice([tmp_path / "branded.docx", tmp_path / "sample.docx"], tmp_path)
    from pypdf import PdfReader

    branded_pdf = PdfReader(tmp_path / "branded.pdf")
    text = branded_pdf.pages[0].extract_text()
    for expected in ("Harbour Clinic", "care@harbour.example", "Page 1 of 1", "Most clients need"):
        assert expected in text
    # The logo, the JPEG and the SVG's stand-in: LibreOffice drew every picture.
    assert len(branded_pdf.pages[0].images) == 3
    sample_pdf = PdfReader(tmp_path / "sample.pdf")
    assert "Example Clinic" in sample_pdf.pages[0].extract_text()
    assert len(sample_pdf.pages[0].images) == 1
