"""The Word handout in tests: render a source, open the result again, read its parts.

Also the sources and reference documents several ``test_word_*`` modules build.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.shared import Pt, RGBColor
from lxml import etree

from publisher.facts import source_date_epoch, with_facts
from publisher.parse import parse_source
from publisher.renderers import Theme
from publisher.renderers.docx.render import render_docx
from tests.helpers.paths import EPOCH

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def render(source: Path, epoch: str | None = EPOCH, **theme) -> bytes:
    """The .docx bytes of a source, with the given Theme options, dated as the build dates it.

    ``epoch`` is the SOURCE_DATE_EPOCH the build would read (None: not set). It is passed
    in rather than read here: module-scoped fixtures run before conftest pins the variable.
    """
    document = parse_source(source)
    moment = source_date_epoch({"SOURCE_DATE_EPOCH": epoch} if epoch else {})
    return render_docx(document, with_facts(document, Theme(**theme), moment)).data


def open_docx(data: bytes) -> docx.document.Document:
    """The .docx opened again with python-docx."""
    return docx.Document(io.BytesIO(data))


def part_xml(data: bytes, name: str) -> etree._Element:
    """One XML part of the .docx (``word/document.xml``) as an lxml tree."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return etree.fromstring(package.read(name))


def field_codes(paragraph) -> list[str]:
    """The instructions of the complex fields in a paragraph, checking each is well formed."""
    kinds = [c.get(f"{W}fldCharType") for c in paragraph._p.iter(f"{W}fldChar")]
    assert kinds == ["begin", "separate", "end"] * (len(kinds) // 3)
    return [t.text.strip() for t in paragraph._p.iter(f"{W}instrText")]


def numbered(data: bytes) -> dict[str, tuple[int, int]]:
    """Paragraph text -> (numId, ilvl) of every paragraph numbered directly."""
    found = {}
    for p in open_docx(data).paragraphs:
        num_pr = p._p.pPr.numPr if p._p.pPr is not None else None
        if num_pr is not None:
            found[p.text] = (num_pr.numId.val, num_pr.ilvl.val)
    return found


# What a web developer would tell mammoth about our styles; unknown styles are warnings.
MAMMOTH_STYLES = """
p[style-name='Title'] => p.title:fresh
p[style-name='Subtitle'] => p.subtitle:fresh
p[style-name='Date'] => p.date:fresh
p[style-name='Quote'] => blockquote > p:fresh
p[style-name='Source Code'] => pre:fresh
p[style-name='Compact'] => p:fresh
p[style-name='After List or Table'] => p:fresh
p[style-name='List Continue'] => p:fresh
p[style-name='Disclaimer'] => p.disclaimer:fresh
r[style-name='Emphasis'] => em
r[style-name='Verbatim Char'] => code
"""


def picture_source(folder: Path, body: str) -> Path:
    """A source with a wide PNG (20 inches at 150 dpi) and a small JPEG beside it."""
    image = pytest.importorskip("PIL.Image")
    image.new("RGB", (3000, 600), "steelblue").save(folder / "wide.png", dpi=(150, 150))
    image.new("RGB", (120, 80), "white").save(folder / "small.jpg", dpi=(72, 72))
    source = folder / "faq.md"
    source.write_text(
        f"---\ntitle: Pictures\n---\n\n## What does it look like?\n\n{body}\n", encoding="utf-8"
    )
    return source


def svg_file(path: Path, width: str, height: str, text: str = "") -> Path:
    """A small self-contained SVG: a blue rectangle, with text in the shipped font if given."""
    label = f'<text x="4" y="30" font-size="24">{text}</text>' if text else ""
    path.write_text(
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 200 50">'
        f'<rect width="200" height="50" fill="#1d4f73"/>{label}</svg>',
        encoding="utf-8",
    )
    return path


def make_reference(path: Path, letterhead: str = "Clinic letterhead", numbering: bool = True) -> Path:
    """A clinic's Word file: its own Heading 2, a letterhead, some old content."""
    reference = docx.Document()
    heading = reference.styles["Heading 2"]
    heading.font.color.rgb = RGBColor(0xAA, 0x11, 0x22)
    heading.font.name = "Georgia"
    heading.font.size = Pt(15)
    reference.add_paragraph("Old content that must go", style="Heading 1")
    reference.add_paragraph("More old content")
    if letterhead:
        reference.sections[0].header.paragraphs[0].text = letterhead
    if not numbering:
        rels = reference.part.rels
        for r_id in [r_id for r_id, rel in rels.items() if rel.reltype == RT.NUMBERING]:
            del rels[r_id]
    reference.save(path)
    return path
