"""The PDF leaflet read back with pypdf: its text, page sizes and the sizes text is drawn at."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader

A4 = (595.3, 841.9)
LETTER = (612.0, 792.0)
"""Page sizes in points, as pypdf reports them."""


def read(data: bytes) -> PdfReader:
    """A PDF's bytes opened with pypdf."""
    return PdfReader(io.BytesIO(data))


def flat(text: str) -> str:
    """Text as one line: whitespace runs become one space, a line ending in a hyphen is joined.

    A hyphen typed at a line end is a real one ("micro-needles") and stays; the hyphen
    WeasyPrint adds where it hyphenates a word (``hyphens: auto``) is U+2010, and goes
    with its line break ("illu‐" + "sion"); soft hyphens are dropped.
    """
    joined = re.sub(r"-\n", "-", text.replace("\u00ad", "").replace("\u2010\n", ""))
    return re.sub(r"\s+", " ", joined).strip()


def all_text(reader: PdfReader) -> str:
    """The text of every page, flattened to one line."""
    return flat(" ".join(page.extract_text() for page in reader.pages))


def page_size(reader: PdfReader, index: int = 0) -> tuple[float, float]:
    """(width, height) of a page in points."""
    box = reader.pages[index].mediabox
    return float(box.width), float(box.height)


def body_sizes(reader: PdfReader) -> list[tuple[float, str]]:
    """(font size in pt, text) of every run of text drawn."""
    runs: list[tuple[float, str]] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            scale = (tm[0] * cm[0] + tm[1] * cm[2]) or 1
            runs.append((round(size * abs(scale), 2), text.strip()))

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    return runs
