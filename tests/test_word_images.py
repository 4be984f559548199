"""Pictures in the Word handout: embedded, at most as wide as the text, described by alt text."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import mammoth
import pytest
from test_word import W, open_docx, part_xml, render
from test_word_package import MAMMOTH_STYLES

from publisher.errors import RenderError

Image = pytest.importorskip("PIL.Image")
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
PIC = "{http://schemas.openxmlformats.org/drawingml/2006/picture}"
EMU_PER_MM = 36_000


def picture_source(folder: Path, body: str) -> Path:
    """A source with a wide PNG (20 inches at 150 dpi) and a small JPEG beside it."""
    Image.new("RGB", (3000, 600), "steelblue").save(folder / "wide.png", dpi=(150, 150))
    Image.new("RGB", (120, 80), "white").save(folder / "small.jpg", dpi=(72, 72))
    source = folder / "faq.md"
    source.write_text(
        f"---\ntitle: Pictures\n---\n\n## What does it look like?\n\n{body}\n", encoding="utf-8"
    )
    return source


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


def test_svg_is_refused_with_a_clear_message(tmp_path: Path):
    (tmp_path / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>',
        encoding="utf-8",
    )
    source = picture_source(tmp_path, "![Our logo](logo.svg)")
    with pytest.raises(RenderError, match=r"logo\.svg: SVG images cannot go into the Word handout yet"):
        render(source)
