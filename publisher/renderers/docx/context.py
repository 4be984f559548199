"""What every writer of one Word handout shares (blocks, inlines, the renderer)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from pathlib import Path

from docx.parts.document import DocumentPart

from publisher.renderers.docx.pictures import Pictures


@dataclass
class WordContext:
    """What every writer of one handout shares: the document part, style ids and counters."""

    part: DocumentPart
    styles: dict[str, str]
    """Style name (see style_names.py) -> the id to use in this document."""
    bookmarks: dict[str, str]
    """Question and section id -> bookmark name."""
    text_width: int
    """Width between the margins in EMU: the widest a picture may be."""
    source: Path
    """The source file, for error messages."""
    pictures: Pictures
    """Embeds images and numbers their drawings across the whole document."""
    bookmark_ids: itertools.count = field(default_factory=itertools.count)
    """Numbers bookmarks in document order."""
    italics: bool = True
    """False in large print: emphasis that gets no Emphasis style is set bold instead of italic."""
