"""Folded leaflets read back: the tri-fold, the A5 booklet, its imposed sheets, the print shop's copies.

Page sizes and boxes with pypdf; which panel holds what with poppler's ``pdftotext``
cropped to each panel; every question of the source (read without the product's parser)
in every layout, in order; the booklet's page count and the imposed sheets' order read
back from their text; the print shop's copies checked for what PDF/X-4 asks (output
intent, trim and bleed boxes, embedded fonts, version, dates) and for the same bytes twice.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from publisher.brandfile import find_brand
from publisher.cli import main
from publisher.facts import source_date_epoch, with_facts
from publisher.parse import parse_source
from publisher.renderers import FORMATS, Theme
from publisher.renderers.fold.impose import saddle_stitch_order
from tests.helpers.layout import normalise, source_questions
from tests.helpers.paths import CLINIC_FAQ, EPOCH, ROOT
from tests.helpers.tools import require_tool

LONG_FAQ = ROOT / "tests" / "corpus" / "ivf-en-40" / "faq.md"
"""40 questions: more than a tri-fold holds."""
MM = 72 / 25.4
A4_LANDSCAPE = (841.9, 595.3)
A5 = (419.5, 595.3)
BLEED_PT = 3 * MM
OUTSIDE_PANELS_MM = {"flap": (0, 97), "back": (97, 197), "front": (197, 297)}
INSIDE_PANELS_MM = ((0, 100), (100, 200), (200, 297))


@cache
def render(source: Path, fmt: str) -> bytes:
    """One format of a source, rendered as the build renders it (its brand file beside it)."""
    document = parse_source(source)
    theme = Theme(brand=find_brand(None, source))
    facts = with_facts(document, theme, source_date_epoch({"SOURCE_DATE_EPOCH": EPOCH}))
    return FORMATS[fmt].load()(document, facts).data


def reader(source: Path, fmt: str) -> PdfReader:
    """A rendered format opened with pypdf."""
    return PdfReader(io.BytesIO(render(source, fmt)))


def size(box) -> tuple[float, float]:
    """A box's width and height in points, rounded to 0.1."""
    return round(float(box.width), 1), round(float(box.height), 1)


def region_text(pdf: bytes, page: int, left_mm: float, right_mm: float) -> str:
    """The normalised text of a vertical strip of a page (1-based), cropped by pdftotext."""
    tool = require_tool("pdftotext")
    left, width = round(left_mm * MM), round((right_mm - left_mm) * MM)
    crop = ["-x", str(left), "-y", "0", "-W", str(width), "-H", "2000"]
    args = [tool, "-q", "-f", str(page), "-l", str(page), *crop, "-", "-"]
    return normalise(subprocess.run(args, input=pdf, capture_output=True, check=True).stdout.decode())


def page_text(pdf: bytes, page: int) -> str:
    """The normalised text of a whole page (1-based)."""
    return region_text(pdf, page, 0, 1000)


def in_order(text: str, questions: list[str]) -> list[str]:
    """The questions not found in ``text`` after the one before them (empty when all are in order)."""
    missing, position = [], 0
    for question in questions:
        found = text.find(normalise(question), position)
        if found < 0:
            missing.append(question)
        else:
            position = found
    return missing


def questions_of(source: Path) -> list[str]:
    """The source's questions, read without the product's parser."""
    return source_questions(source.read_text(encoding="utf-8"))


# --- the tri-fold ----------------------------------------------------------------------


def test_trifold_is_two_a4_landscape_sides_without_bleed():
    pdf = reader(CLINIC_FAQ, "trifold")
    assert len(pdf.pages) == 2
    for page in pdf.pages:
        assert size(page.mediabox) == A4_LANDSCAPE
        assert size(page.trimbox) == A4_LANDSCAPE


def test_trifold_panels_hold_front_back_and_questions_in_reading_order():
    pdf = render(CLINIC_FAQ, "trifold")
    outside = {name: region_text(pdf, 1, *span) for name, span in OUTSIDE_PANELS_MM.items()}
    assert normalise("Frequently Asked Questions") in outside["front"]
    assert normalise("Scalp Micropigmentation (SMP)") in outside["front"]
    for words in ("Contact", "Scan to read this FAQ online", "Last reviewed 23 November 2026"):
        assert normalise(words) in outside["back"], words
        assert normalise(words) not in outside["front"] + outside["flap"]
    questions = questions_of(CLINIC_FAQ)
    assert normalise(questions[0]) in outside["flap"]
    inside = [region_text(pdf, 2, *span) for span in INSIDE_PANELS_MM]
    assert all(inside), "an inside panel is empty"
    # The flap, then the three inside panels left to right: the source's order.
    assert in_order(outside["flap"] + "".join(inside), questions) == []


def test_trifold_is_tagged_with_bookmarks_and_links():
    pdf = reader(CLINIC_FAQ, "trifold")
    catalog = pdf.trailer["/Root"]
    assert "/StructTreeRoot" in catalog and catalog["/MarkInfo"]["/Marked"]
    titles = [item.title for item in pdf.outline if not isinstance(item, list)]
    assert titles[:1] == ["About SMP"]
    links = [
        a.get_object()["/A"]["/URI"]
        for p in pdf.pages
        for a in p.get("/Annots", ())
        if "/A" in a.get_object()
    ]
    assert "https://clinic.example" in links


def test_trifold_of_a_long_faq_says_how_many_questions_fit(tmp_path: Path):
    result = CliRunner().invoke(main, ["build", "-q", "-f", "trifold", "-o", str(tmp_path), str(LONG_FAQ)])
    assert result.exit_code == 1
    message = result.output.strip().splitlines()[-1]
    found = re.search(r"the tri-fold holds (\d+) of 40 questions", message)
    assert found and 0 < int(found.group(1)) < 40, message
    assert "-f booklet" in message and "10pt" in message
    assert "Traceback" not in result.output
    assert not (tmp_path / "faq.trifold.pdf").exists()


def test_trifold_refuses_a_table_too_wide_for_a_panel(tmp_path: Path):
    source = ROOT / "tests" / "corpus" / "travel-vaccination-en-15-wide-table" / "faq.md"
    result = CliRunner().invoke(main, ["build", "-q", "-f", "trifold", "-o", str(tmp_path), str(source)])
    assert result.exit_code == 1
    assert re.search(r"trifold: line \d+: .* table too wide for a tri-fold panel.*-f booklet", result.output)
    assert "Traceback" not in result.output


# --- the booklet -------------------------------------------------------------------------


@pytest.mark.parametrize("source", [CLINIC_FAQ, LONG_FAQ], ids=["clinic", "ivf-en-40"])
def test_booklet_is_a5_in_a_multiple_of_four_with_covers(source: Path):
    pdf = reader(source, "booklet")
    data = render(source, "booklet")
    pages = len(pdf.pages)
    assert pages % 4 == 0 and pages >= 4
    assert {size(page.mediabox) for page in pdf.pages} == {A5}
    assert "/StructTreeRoot" in pdf.trailer["/Root"] and pdf.outline
    title = source.read_text(encoding="utf-8").split("title:", 1)[1].splitlines()[0].strip()
    assert normalise(title) in page_text(data, 1)
    assert normalise("Last reviewed") in page_text(data, pages)
    body = "".join(page_text(data, number) for number in range(2, pages))
    assert in_order(body, questions_of(source)) == []


def test_saddle_stitch_order():
    assert saddle_stitch_order(8) == [(8, 1), (2, 7), (6, 3), (4, 5)]
    assert saddle_stitch_order(4) == [(4, 1), (2, 3)]
    assert sorted(p for side in saddle_stitch_order(12) for p in side) == list(range(1, 13))


@pytest.mark.parametrize("source", [CLINIC_FAQ, LONG_FAQ], ids=["clinic", "ivf-en-40"])
def test_imposed_booklet_puts_pages_two_up_in_saddle_stitch_order(source: Path):
    booklet, imposed = render(source, "booklet"), render(source, "booklet-imposed")
    sheets = PdfReader(io.BytesIO(imposed))
    pages = len(PdfReader(io.BytesIO(booklet)).pages)
    assert len(sheets.pages) == pages // 2
    assert {size(page.mediabox) for page in sheets.pages} == {A4_LANDSCAPE}
    for side, (left, right) in enumerate(saddle_stitch_order(pages), start=1):
        assert region_text(imposed, side, 0, 148.5) == page_text(booklet, left), (side, left)
        assert region_text(imposed, side, 148.5, 297) == page_text(booklet, right), (side, right)


# --- the print shop's copies -------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["trifold-print-shop", "booklet-print-shop"])
def test_print_shop_copy_is_pdf_x4(fmt: str):
    data = render(CLINIC_FAQ, fmt)
    pdf = PdfReader(io.BytesIO(data))
    assert data.startswith(b"%PDF-1.6")
    intent = pdf.trailer["/Root"]["/OutputIntents"][0].get_object()
    assert intent["/S"] == "/GTS_PDFX"
    assert intent["/DestOutputProfile"].get_object()["/N"] == 4  # CMYK
    assert b"<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>" in pdf.xmp_metadata.stream.get_data()
    for page in pdf.pages:
        media, trim, bleed = page.mediabox, page.trimbox, page.bleedbox
        assert "/ArtBox" not in page
        assert abs(float(trim.left) - float(media.left) - BLEED_PT) < 0.1
        assert abs(float(media.right) - float(trim.right) - BLEED_PT) < 0.1
        assert float(bleed.left) <= float(trim.left) and float(bleed.right) >= float(trim.right)
    patients = reader(CLINIC_FAQ, fmt.removesuffix("-print-shop"))
    assert size(pdf.pages[0].trimbox) == size(patients.pages[0].mediabox)
    assert pdf.metadata["/CreationDate"] == patients.metadata["/CreationDate"]
    assert pdf.metadata["/ModDate"] == patients.metadata["/ModDate"]


@pytest.mark.parametrize("fmt", ["trifold-print-shop", "booklet-print-shop"])
def test_print_shop_copy_embeds_every_font(fmt: str, tmp_path: Path):
    path = tmp_path / "copy.pdf"
    path.write_bytes(render(CLINIC_FAQ, fmt))
    listing = subprocess.run(
        [require_tool("pdffonts"), str(path)], capture_output=True, text=True, check=True
    )
    rows = listing.stdout.splitlines()[2:]
    assert rows and all(row.split()[-5] == "yes" for row in rows), listing.stdout


def test_print_shop_copy_is_reproducible():
    first = render(CLINIC_FAQ, "trifold-print-shop")
    render.cache_clear()
    assert render(CLINIC_FAQ, "trifold-print-shop") == first


@pytest.mark.parametrize("fmt", ["trifold", "booklet", "trifold-print-shop", "booklet-print-shop"])
def test_every_layout_holds_every_question(fmt: str):
    data = render(CLINIC_FAQ, fmt)
    pages = len(PdfReader(io.BytesIO(data)).pages)
    text = "".join(page_text(data, number) for number in range(1, pages + 1))
    assert [q for q in questions_of(CLINIC_FAQ) if normalise(q) not in text] == []


@pytest.mark.parametrize("fmt", ["trifold", "booklet"])
def test_patients_copies_have_no_pdfua_errors(fmt: str, tmp_path: Path):
    pytest.importorskip("outloud", reason="outloud is in the test extra: pip install -e '.[test]'")
    outloud = shutil.which("outloud", path=str(Path(sys.executable).parent))
    assert outloud, "outloud is installed beside this Python"
    path = tmp_path / f"faq.{fmt}.pdf"
    path.write_bytes(render(CLINIC_FAQ, fmt))
    checked = subprocess.run(
        [outloud, "--json", "-", "--fail-on", "never", str(path)], capture_output=True, text=True, timeout=600
    )
    result = json.loads(checked.stdout)["results"][0]
    assert result["error"] is None and result["stats"]["tagged"]
    assert [f"{f['rule']}: {f['message']}" for f in result["findings"] if f["severity"] == "error"] == []
