"""The branded handout read back: clinic name, logo, colours, fonts, pictures with alt text, QR code."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from publisher.brand import Brand, Contact, FontFace
from publisher.brandfile import find_brand, load_brand
from publisher.contact import contact_items
from publisher.errors import RenderError
from publisher.facts import source_date_epoch, with_facts
from publisher.labels import labels_for
from publisher.parse import parse_source
from publisher.renderers import Theme
from publisher.renderers.pdf.contact import contact_block, qr_dark
from publisher.renderers.pdf.fetcher import LocalFetcher
from publisher.renderers.pdf.print_html import print_html
from publisher.renderers.pdf.render import brand_folders, lay_out, render_pdf
from publisher.resources import templates_dir
from tests.helpers.paths import BRANDED_FAQ, CLINIC_FAQ, EPOCH
from tests.helpers.pdf import LETTER, all_text, body_sizes, flat, page_size
from tests.helpers.tools import require_tool

HARBOUR = load_brand(BRANDED_FAQ.parent / "_brand.yml")
SAMPLE = find_brand(None, CLINIC_FAQ)  # the repository's placeholder clinic, as `publisher build` uses it
PX_PER_MM = 96 / 25.4
"""WeasyPrint writes a Figure's /BBox in CSS pixels."""


def build(source: Path, brand: Brand, **theme) -> bytes:
    """Render a source with a brand as the build does, SOURCE_DATE_EPOCH pinned."""
    document = parse_source(source)
    epoch = source_date_epoch({"SOURCE_DATE_EPOCH": EPOCH})
    return render_pdf(document, with_facts(document, Theme(brand=brand, **theme), epoch)).data


def branded_html(source: Path, brand: Brand) -> str:
    """The print HTML of a source with a brand, its contact details filled in as the build does."""
    document = parse_source(source)
    return print_html(document, with_facts(document, Theme(brand=brand)))


def block_for(document, brand: Brand, lang: str = "en"):
    """The contact block of a document with a brand, from the contact list every format shares."""
    labels = labels_for(lang)
    return contact_block(document, brand, contact_items(brand, labels), labels)


def read(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


@pytest.fixture(scope="module")
def branded_pdf(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("brand") / "branded.pdf"
    path.write_bytes(build(BRANDED_FAQ, HARBOUR))
    return path


@pytest.fixture(scope="module")
def branded(branded_pdf) -> PdfReader:
    return PdfReader(branded_pdf)


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("brand") / "sample.pdf"
    path.write_bytes(build(CLINIC_FAQ, SAMPLE))
    return path


def figures(reader: PdfReader) -> list[tuple[str, list[float]]]:
    """(alt text, bounding box) of every Figure in the PDF's structure tree, in reading order."""
    found = []

    def walk(node):
        node = node.get_object()
        if isinstance(node, dict):
            if node.get("/S") == "/Figure":
                found.append((str(node.get("/Alt", "")), [float(v) for v in node["/A"]["/BBox"]]))
            kids = node.get("/K", [])
            for kid in kids if isinstance(kids, list) else [kids]:
                if hasattr(kid, "get_object"):
                    walk(kid)

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return found


def decoded_qr_codes(pdf: Path, page: int) -> list[str]:
    """The text of every QR code a reader finds on a page rendered the way a phone sees paper."""
    import zxingcpp
    from PIL import Image

    prefix = pdf.with_name(f"{pdf.stem}-qr")
    subprocess.run(
        [require_tool("pdftoppm"), "-png", "-r", "150", "-f", str(page), "-l", str(page), pdf, prefix],
        check=True,
    )
    (png,) = pdf.parent.glob(f"{prefix.name}*.png")
    with Image.open(png) as image:
        return [
            code.text
            for code in zxingcpp.read_barcodes(image)
            if code.format == zxingcpp.BarcodeFormat.QRCode
        ]


# --- the clinic's identity -------------------------------------------------------


def test_clinic_name_and_contact_details_are_text(branded):
    text = all_text(branded)
    assert text.startswith("Harbour Hair Clinic (test fixture) Harbour Clinic FAQ Scalp micropigmentation")
    contact = text[text.index("Always consult a qualified practitioner.") :]
    for part in (
        "CONTACT Harbour Hair Clinic (test fixture)",  # set in capitals by the stylesheet
        "Phone +44 20 0000 0000",
        "Email care@harbour.example",
        "Address 1 Quay Street, Harbourtown",
        "Opening hours Tue-Sat 10:00-18:00",
        "Scan to read this FAQ online harbour.example/faq",
    ):
        assert part in contact, part


def test_footer_names_the_clinic(branded):
    assert "Harbour Clinic · Harbour Clinic FAQ Page 1 of 1" in flat(branded.pages[0].extract_text())


def test_logo_is_an_image_on_page_one_with_the_clinic_name_as_alt(branded):
    images = [x.get_object() for x in branded.pages[0]["/Resources"]["/XObject"].values()]
    sizes = {(x["/Width"], x["/Height"]) for x in images if x["/Subtype"] == "/Image"}
    assert (240, 240) in sizes  # images/logo.png
    alt, box = figures(branded)[0]
    assert alt == "Harbour Hair Clinic (test fixture)"
    assert box[3] - box[1] <= 18 * PX_PER_MM  # at most 18 mm high


def test_contact_links_are_clickable(branded):
    annotations = [a.get_object() for page in branded.pages for a in page.get("/Annots", [])]
    uris = {a["/A"]["/URI"] for a in annotations if "/A" in a}
    assert {"tel:+442000000000", "mailto:care@harbour.example", "https://harbour.example/faq"} <= uris


def rgb(colour) -> tuple[int, ...]:
    return tuple(round(channel * 255) for channel in colour.coordinates)


def test_headings_in_the_brand_colour_and_text_in_the_foreground():
    html = branded_html(BRANDED_FAQ, HARBOUR)
    assert "--primary: #6b2d5c;" in html and "--foreground: #222222;" in html
    folder = BRANDED_FAQ.parent.resolve()
    fetcher = LocalFetcher([templates_dir(), folder, *brand_folders(HARBOUR)])
    colours: dict[str, set] = {}
    for page in lay_out(html, fetcher, base_url=folder).pages:
        for box in boxes(page._page_box):
            if box.element_tag in ("h1", "h2", "h3", "p") and type(box).__name__ == "BlockBox":
                colours.setdefault(box.element_tag, set()).add(rgb(box.style["color"]))
    plum, text = (0x6B, 0x2D, 0x5C), (0x22, 0x22, 0x22)
    assert colours["h1"] == {plum}
    assert colours["h3"] == {plum}
    assert plum in colours["h2"]  # section titles and "Contact"
    assert text in colours["p"]


def boxes(box):
    yield box
    for child in getattr(box, "children", ()):
        yield from boxes(child)


def test_brand_colours_reach_the_pdf(branded):
    stream = branded.pages[0].get_contents().get_data()
    assert b"0.419608 0.176471 0.360784 rg" in stream  # primary #6b2d5c: headings
    assert b"0.133333 0.133333 0.133333 rg" in stream  # foreground #222222: body text


# --- the QR code ------------------------------------------------------------------


@pytest.mark.clients
def test_qr_code_decodes_to_the_faq_url(branded_pdf):
    assert decoded_qr_codes(branded_pdf, 1) == ["https://harbour.example/faq"]


@pytest.mark.clients
def test_qr_code_leads_home_when_the_faq_has_no_url(sample_pdf):
    assert decoded_qr_codes(sample_pdf, 2) == ["https://clinic.example"]


def test_qr_code_is_vector_with_alt_text(branded):
    alts = [alt for alt, _ in figures(branded)]
    assert alts[-1] == "QR code for https://harbour.example/faq"
    # Drawn as paths, not a bitmap: only the logo and the photo are image XObjects.
    images = [x.get_object() for x in branded.pages[0]["/Resources"]["/XObject"].values()]
    assert sum(x["/Subtype"] == "/Image" for x in images) == 2


def test_qr_dark_colour_stays_scannable():
    assert qr_dark(HARBOUR) == "#222222"
    assert qr_dark(Brand(foreground="#6a6a6a")) == "#000000"  # AA for text, too pale for a scan


def test_phone_links_dial_only_the_number():
    assert Contact(phone="+1 000 000 0000 (example)").phone_href == "tel:+10000000000"
    assert Contact(phone="020 7946 0000").phone_href == "tel:02079460000"
    assert Contact(phone="ask at reception").phone_href == ""


# --- pictures in answers ---------------------------------------------------------


def test_pictures_carry_their_alt_text_into_the_tags(branded):
    alts = [alt for alt, _ in figures(branded)]
    assert alts == [
        "Harbour Hair Clinic (test fixture)",
        "Close-up of a treated scalp with fine pigment dots",
        "Three steps: consultation, sessions, aftercare",
        "QR code for https://harbour.example/faq",
    ]


def test_pictures_fit_the_column(branded):
    column = (210 - 2 * 15 - 9) / 2 * PX_PER_MM  # A4, page margins 15 mm, column gap 9 mm
    pictures = figures(branded)[1:3]
    for _, (x1, _, x2, _) in pictures:
        assert 0 < x2 - x1 <= column + 0.5
    photo = pictures[0][1]
    assert photo[2] - photo[0] == pytest.approx(column, abs=0.5)  # 480 px wide: scaled down to the column


def test_pictures_are_never_split_or_lost(tmp_path):
    source = copy_branded(tmp_path / "many")
    answer = "![Close-up of a treated scalp](images/scalp.jpg)\n\nThe pigment dots imitate hair follicles.\n"
    questions = "".join(f"## Picture {n}?\n\n{answer}\n" for n in range(1, 13))
    source.write_text("---\ntitle: Pictures\n---\n\n" + questions, encoding="utf-8")
    reader = read(build(source, Brand()))
    pictures = [box for alt, box in figures(reader) if alt == "Close-up of a treated scalp"]
    assert len(pictures) == 12 and len(reader.pages) > 1
    bottom = (297 - 18) * PX_PER_MM  # A4 less the bottom margin
    assert all(0 <= y1 < y2 <= bottom for _, y1, _, y2 in pictures)


def test_picture_title_is_printed_as_a_caption(branded):
    assert "The three steps Most clients need two or three sessions." in all_text(branded)


def test_print_html_holds_the_pictures_and_names_no_source_file():
    html = branded_html(BRANDED_FAQ, HARBOUR)
    assert '<img src="data:image/jpeg;base64,' in html
    assert '<img src="data:image/svg+xml;base64,' in html
    assert '<img class="logo" src="data:image/png;base64,' in html
    assert BRANDED_FAQ.parent.resolve().as_uri() not in html


# --- the sample clinic: what `publisher build` produces --------------------------


def test_sample_clinic_fits_one_sheet_on_a4(sample_pdf):
    reader = PdfReader(sample_pdf)
    assert len(reader.pages) == 2
    text = all_text(reader)
    assert text.startswith("Example Clinic (sample, not a real clinic) Frequently Asked Questions")
    assert "hello@clinic.example" in text


def test_sample_clinic_fits_one_sheet_on_letter():
    reader = read(build(CLINIC_FAQ, SAMPLE, paper="letter"))
    assert len(reader.pages) == 2
    assert page_size(reader) == pytest.approx(LETTER, abs=0.5)


def test_sample_clinic_body_text_is_at_least_12_pt(sample_pdf):
    sizes = body_sizes(PdfReader(sample_pdf))
    assert min(size for size, text in sizes if text.startswith("SMP is")) == 12
    assert min(size for size, text in sizes if "Example Street" in text) == 12
    small = {flat(text) for size, text in sizes if size < 12}
    # Only page furniture is smaller, run for run: the running footer, the review date,
    # the QR code's caption and the edition line (issue 15); no question or answer text.
    assert small == {
        "Example Clinic · Frequently Asked Questions",
        "Page 1 of 2",
        "Page 2 of 2",
        "Last reviewed",
        "23 November 2026",
        "Scan to read this FAQ online",
        "clinic.example",
        "Version 1 · Reviewed November 2026 · Next review November 2029",
    }


def test_sample_logo_is_vector_with_alt_text(sample_pdf):
    alt, box = figures(PdfReader(sample_pdf))[0]
    assert alt == "Example Clinic (sample, not a real clinic)"
    assert box[3] - box[1] == pytest.approx(16 * PX_PER_MM, abs=0.1)


# --- the neutral look --------------------------------------------------------------


def test_neutral_look_has_no_contact_block_and_no_qr_code():
    document = parse_source(CLINIC_FAQ)
    assert block_for(document, Brand()) is None
    html = print_html(document, Theme())
    assert 'class="contact' not in html and 'class="masthead' not in html
    reader = read(build(CLINIC_FAQ, Brand()))
    assert figures(reader) == []
    assert "Scan to read" not in all_text(reader)


def test_an_address_alone_gives_a_qr_code_without_details():
    document = parse_source(BRANDED_FAQ)
    block = block_for(document, Brand())
    assert block and block.qr and not block.has_details
    html = print_html(document, Theme())
    assert 'class="contact-details' not in html and 'class="qr"' in html


def test_qr_code_only_for_web_addresses():
    document = parse_source(CLINIC_FAQ)  # no url of its own
    assert block_for(document, Brand(home="javascript:alert(1)")) is None
    block = block_for(document, Brand(home="https://clinic.example/"))
    assert block and block.qr and block.qr.url == "https://clinic.example/"


def test_only_the_details_a_brand_sets_are_shown():
    brand = Brand(name="Clinic", contact=Contact(email="a@b.example"))
    block = block_for(parse_source(CLINIC_FAQ), brand, "de")
    assert block and block.qr is None
    assert [(f.label, f.text, f.href) for f in block.fields] == [
        ("E-Mail", "a@b.example", "mailto:a@b.example")
    ]


# --- fonts, folders, reproducibility ---------------------------------------------


def copy_branded(folder: Path) -> Path:
    shutil.copytree(BRANDED_FAQ.parent, folder)
    return folder / "faq.md"


def test_brand_font_files_are_loaded_and_embedded(tmp_path):
    fonts = tmp_path / "brand" / "fonts"
    fonts.mkdir(parents=True)
    shutil.copy(templates_dir() / "fonts" / "DejaVuSansMono.ttf", fonts / "house.ttf")
    (tmp_path / "brand" / "_brand.yml").write_text("meta:\n  name: House\n", encoding="utf-8")
    brand = Brand(
        name="House",
        base_font="House Sans",
        fonts=(FontFace("House Sans", fonts / "house.ttf"),),
        source=tmp_path / "brand" / "_brand.yml",
    )
    reader = read(build(CLINIC_FAQ, brand))
    fonts = {
        font["/BaseFont"].split("+", 1)[1]: font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        for page in reader.pages
        for font in (f.get_object() for f in page["/Resources"]["/Font"].values())
    }
    # WeasyPrint names an embedded @font-face font after its family: the body is in the brand's
    # TrueType file (the shipped Inter is OpenType/CFF, embedded as FontFile3).
    assert "/FontFile2" in fonts["House-Sans"].get_object()
    assert any(name.startswith("Inter") for name in fonts)  # headings fall back to the shipped font


def test_brand_families_without_files_fall_back_to_the_shipped_font():
    reader = read(build(CLINIC_FAQ, Brand(base_font="Georgia", headings_font="Playfair Display")))
    names = {
        font.get_object()["/BaseFont"].split("+", 1)[1]
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert names == {"Inter", "Inter-Bold", "Inter-Italic"}


def test_brand_files_outside_the_source_folder_are_allowed(tmp_path):
    source = copy_branded(tmp_path / "faq")
    brand_folder = tmp_path / "elsewhere"
    brand_folder.mkdir()
    shutil.move(source.parent / "_brand.yml", brand_folder / "_brand.yml")
    shutil.copytree(source.parent / "images", brand_folder / "images")
    brand = load_brand(brand_folder / "_brand.yml")
    assert brand.logo == (brand_folder / "images" / "logo.png").resolve()
    assert read(build(source, brand)).pages


def test_font_style_cannot_inject_css():
    brand = Brand(fonts=(FontFace("X", templates_dir() / "fonts" / "Inter-Regular.otf", 400, "x; } *{"),))
    with pytest.raises(RenderError, match="font style"):
        branded_html(CLINIC_FAQ, brand)


def test_same_bytes_from_any_folder(tmp_path):
    # The print HTML names files by absolute path; the PDF must not depend on where they are.
    first = copy_branded(tmp_path / "one")
    second = copy_branded(tmp_path / "two" / "deeper")
    pdfs = [build(source, load_brand(source.parent / "_brand.yml")) for source in (first, second)]
    assert pdfs[0] == pdfs[1]
    assert pdfs[0] == build(first, load_brand(first.parent / "_brand.yml"))


@pytest.mark.clients
def test_poppler_sees_tags_and_embedded_fonts(branded_pdf):
    info = subprocess.run([require_tool("pdfinfo"), branded_pdf], capture_output=True, text=True, check=True)
    assert re.search(r"^Tagged:\s+yes$", info.stdout, re.M)
    fonts = subprocess.run(
        [require_tool("pdffonts"), branded_pdf], capture_output=True, text=True, check=True
    ).stdout
    assert all(row.split()[-5] == "yes" for row in fonts.splitlines()[2:]), fonts
