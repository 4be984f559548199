"""Pictures in the Word handout: embedded, at most as wide as the text, described by alt text."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import mammoth
import pytest

from publisher.brand import Brand
from publisher.errors import RenderError, SourceError
from tests.helpers.word import MAMMOTH_STYLES, W, open_docx, part_xml, picture_source, render, svg_file

Image = pytest.importorskip("PIL.Image")
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
PIC = "{http://schemas.openxmlformats.org/drawingml/2006/picture}"
EMU_PER_MM = 36_000


def drawings(data: bytes) -> list:
    """Every wp:inline of the document, in order."""
    return list(part_xml(data, "word/document.xml").iter(f"{WP}inline"))


@pytest.fixture
def pictures(tmp_path: Path) -> bytes:
    body = (
        "![A scalp after three sessions](wide.png)\n\n"
        '- Before: ![A thinning crown](small.jpg "Before")\n'
        "- Again: ![The same crown](small.jpg)\n"
    )
    return render(picture_source(tmp_path, body))


def test_pictures_carry_their_alt_text(pictures):
    described = [
        (d.find(f"{WP}docPr").get("descr"), d.find(f"{WP}docPr").get("title")) for d in drawings(pictures)
    ]
    assert described == [
        ("A scalp after three sessions", None),
        ("A thinning crown", "Before"),
        ("The same crown", None),
    ]


def test_picture_properties_repeat_the_description_and_leave_no_gap(pictures):
    for drawing in drawings(pictures):
        (picture,) = drawing.iter(f"{PIC}cNvPr")
        assert picture.get("descr") == drawing.find(f"{WP}docPr").get("descr")
        assert picture.get("id") == drawing.find(f"{WP}docPr").get("id")
        assert [drawing.get(side) for side in ("distT", "distB", "distL", "distR")] == ["0"] * 4


def test_wide_picture_is_scaled_to_the_text_width(pictures):
    wide, small, _ = (d.find(f"{WP}extent") for d in drawings(pictures))
    width, height = int(wide.get("cx")), int(wide.get("cy"))
    section = open_docx(pictures).sections[0]
    assert width == section.page_width - section.left_margin - section.right_margin
    assert round(width / EMU_PER_MM) == 170  # A4 less two 20 mm margins
    assert abs(width / height - 5) < 0.001
    # A picture narrower than the text keeps its own size (120 px at 72 dpi).
    assert int(small.get("cx")) == 120 * 914400 // 72


def test_drawing_ids_are_unique_and_images_stored_once(pictures):
    ids = [d.find(f"{WP}docPr").get("id") for d in drawings(pictures)]
    assert len(set(ids)) == 3
    with zipfile.ZipFile(io.BytesIO(pictures)) as package:
        media = [name for name in package.namelist() if name.startswith("word/media/")]
        types = package.read("[Content_Types].xml")
    assert len(media) == 2
    assert b"image/png" in types and b"image/jpeg" in types
    assert len(open_docx(pictures).inline_shapes) == 3


def test_mammoth_shows_pictures_with_alt_text(pictures):
    result = mammoth.convert_to_html(io.BytesIO(pictures), style_map=MAMMOTH_STYLES)
    assert result.messages == []
    assert 'alt="A scalp after three sessions"' in result.value


def test_picture_in_a_numbered_item_keeps_its_number(pictures):
    item = next(p for p in open_docx(pictures).paragraphs if p.text.startswith("Before"))
    assert item.style.name == "List Bullet"
    assert item._p.find(f".//{W}drawing") is not None


# --- SVG: a PNG stand-in in a:blip, the SVG itself in Word's svgBlip extension ---------

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
SVG_BLIP = "{http://schemas.microsoft.com/office/drawing/2016/SVG/main}svgBlip"
SVG_EXTENSION = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"


@pytest.fixture
def svgs(tmp_path: Path) -> bytes:
    svg_file(tmp_path / "small.svg", "200", "50", text="Clinic")
    svg_file(tmp_path / "wide.svg", "2000", "500")
    body = (
        '![A small diagram](small.svg "Diagram")\n\n'
        "![A wide diagram](wide.svg)\n\n"
        "Again: ![The small diagram again](small.svg)\n"
    )
    return render(picture_source(tmp_path, body))


def package_files(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {name: package.read(name) for name in package.namelist()}


def blip_targets(data: bytes, drawing) -> tuple[str, list[str]]:
    """The PNG (a:blip) and SVG (svgBlip) part names a drawing shows."""
    relations = {
        rel.get("Id"): "word/" + rel.get("Target") for rel in part_xml(data, "word/_rels/document.xml.rels")
    }
    blip = next(drawing.iter(f"{A}blip"))
    return relations[blip.get(f"{R}embed")], [relations[b.get(f"{R}embed")] for b in blip.iter(SVG_BLIP)]


def test_svg_goes_in_as_word_stores_it(svgs):
    files = package_files(svgs)
    small, wide, again = drawings(svgs)
    png, (svg,) = blip_targets(svgs, small)
    assert files[png].startswith(b"\x89PNG")
    assert files[svg].startswith(b"<svg") and b"Clinic" in files[svg]
    (extension,) = next(small.iter(f"{A}blip")).iter(f"{A}ext")
    assert extension.get("uri") == SVG_EXTENSION
    assert b'ContentType="image/svg+xml"' in files["[Content_Types].xml"]
    # The same SVG shown twice at the same size is stored once, stand-in included.
    assert blip_targets(svgs, again) == (png, [svg])
    assert len([name for name in files if name.endswith(".svg")]) == 2


def test_svg_carries_alt_text_and_title(svgs):
    described = [
        (d.find(f"{WP}docPr").get("descr"), d.find(f"{WP}docPr").get("title")) for d in drawings(svgs)
    ]
    assert described == [
        ("A small diagram", "Diagram"),
        ("A wide diagram", None),
        ("The small diagram again", None),
    ]


def test_svg_keeps_its_size_or_fits_the_text_width(svgs):
    small, wide, _ = (d.find(f"{WP}extent") for d in drawings(svgs))
    assert (int(small.get("cx")), int(small.get("cy"))) == (200 * 9525, 50 * 9525)  # CSS pixels
    text = open_docx(svgs).sections[0]
    assert int(wide.get("cx")) == text.page_width - text.left_margin - text.right_margin
    assert abs(int(wide.get("cx")) / int(wide.get("cy")) - 4) < 0.0001


def test_svg_stand_in_is_rendered_at_twice_its_shown_size(svgs):
    files = package_files(svgs)
    colours = []
    for drawing in drawings(svgs)[:2]:
        png, _ = blip_targets(svgs, drawing)
        shown = int(drawing.find(f"{WP}extent").get("cx"))
        with Image.open(io.BytesIO(files[png])) as picture:
            assert picture.width == round(shown / 9525 * 2)
            colours.append(len(picture.getcolors(1_000_000)))
    # Text inside the small SVG is drawn with the shipped font (no system font is loaded);
    # the wide one is a plain rectangle.
    assert colours[0] > 2 and colours[1] == 1


def test_svg_stand_in_is_the_same_bytes_every_time(tmp_path: Path):
    svg_file(tmp_path / "small.svg", "200", "50", text="Clinic")
    source = picture_source(tmp_path, "![A small diagram](small.svg)")
    assert render(source) == render(source)


def test_mammoth_reads_an_svg_picture(svgs):
    result = mammoth.convert_to_html(io.BytesIO(svgs), style_map=MAMMOTH_STYLES)
    assert result.messages == []
    assert 'alt="A small diagram"' in result.value


def test_svg_without_a_size_is_refused_with_a_clear_message(tmp_path: Path):
    (tmp_path / "broken.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="0" height="0"/>', encoding="utf-8"
    )
    source = picture_source(tmp_path, "![Broken](broken.svg)")
    # Refused when the source is read, so `check` finds it before a build would fail.
    with pytest.raises(SourceError, match=r":7:11: image 'broken\.svg' has a size that cannot be drawn"):
        render(source)


def test_logo_svg_that_refers_to_other_files_is_refused(tmp_path: Path):
    logo = tmp_path / "logo.svg"
    logo.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><image href="secret.png"/></svg>',
        encoding="utf-8",
    )
    source = picture_source(tmp_path, "Text only.")
    with pytest.raises(RenderError, match=r"logo\.svg: .*may not refer to other files"):
        render(source, brand=Brand(name="Clinic", logo=logo))
