"""The document model: a small, frozen, typed tree that every renderer walks.

Data flows one way: the parser builds these objects, renderers only read them.
Blocks carry the 1-based source line they started on, so later stages (and
tests) can point back at the source.
"""

from __future__ import annotations

import datetime as dt
import typing
from dataclasses import dataclass, field
from pathlib import Path

# --- inlines -----------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """Plain text; soft line breaks are already folded into single spaces."""

    text: str


@dataclass(frozen=True)
class Code:
    """Inline code (monospace)."""

    text: str


@dataclass(frozen=True)
class Break:
    """A hard line break inside a paragraph."""


@dataclass(frozen=True)
class Strong:
    """Strong emphasis around its children."""

    children: tuple[Inline, ...]


@dataclass(frozen=True)
class Emph:
    """Emphasis around its children."""

    children: tuple[Inline, ...]


@dataclass(frozen=True)
class Link:
    """A link. ``href`` is http(s), mailto:, tel: or ``#id`` of a question or section."""

    href: str
    children: tuple[Inline, ...]
    title: str = ""

    @property
    def internal(self) -> bool:
        """True when the link points at an id inside this document."""
        return self.href.startswith("#")


@dataclass(frozen=True)
class Image:
    """A local image named by the source. ``src`` is as written; ``path`` is resolved."""

    src: str
    alt: str
    path: Path
    title: str = ""

    @property
    def media_type(self) -> str:
        """The MIME type implied by the file's extension."""
        return IMAGE_TYPES[self.path.suffix.lower()]


IMAGE_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".svg": "image/svg+xml",
}

Inline = Text | Code | Break | Strong | Emph | Link | Image

# --- blocks ------------------------------------------------------------------


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of inlines."""

    children: tuple[Inline, ...]
    line: int = 0


@dataclass(frozen=True)
class Heading:
    """A sub-heading inside an answer (level 3 or 4)."""

    level: int
    children: tuple[Inline, ...]
    line: int = 0


@dataclass(frozen=True)
class ListItem:
    """One item of a list: a sequence of blocks."""

    children: tuple[Block, ...]
    line: int = 0


@dataclass(frozen=True)
class List:
    """A bullet list, or an ordered list with its start number."""

    ordered: bool
    items: tuple[ListItem, ...]
    start: int = 1
    tight: bool = True
    line: int = 0


@dataclass(frozen=True)
class Quote:
    """A block quote holding blocks."""

    children: tuple[Block, ...]
    line: int = 0


@dataclass(frozen=True)
class CodeBlock:
    """Preformatted text (a fenced or indented code block)."""

    text: str
    line: int = 0


@dataclass(frozen=True)
class TableCell:
    """One cell of a table: inlines and the column's alignment."""

    children: tuple[Inline, ...]
    align: str = ""  # "", "left", "center" or "right"


@dataclass(frozen=True)
class Table:
    """A GFM table: one header row and body rows of equal width."""

    header: tuple[TableCell, ...]
    rows: tuple[tuple[TableCell, ...], ...]
    line: int = 0


Block = Paragraph | Heading | List | Quote | CodeBlock | Table

INLINE_TYPES: tuple[type, ...] = typing.get_args(Inline)
"""Every inline node type, in a fixed order (the visitor builds its dispatch table from it)."""
BLOCK_TYPES: tuple[type, ...] = typing.get_args(Block)
"""Every block node type that may stand in a sequence of blocks."""
NODE_TYPES: tuple[type, ...] = (*INLINE_TYPES, *BLOCK_TYPES, ListItem, TableCell)
"""Every node type of an answer's tree; ListItem and TableCell live only inside List and Table."""
Node = Inline | Block | ListItem | TableCell

# --- the document ------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One question and its answer."""

    id: str
    """Stable, unique id: a slug of the question or the ``{#id}`` given."""
    question: tuple[Inline, ...]
    """The question; it may hold emphasis and code only."""
    answer: tuple[Block, ...]
    """The answer: every block up to the next level 1 or 2 heading."""
    line: int = 0
    """Source line of the question's heading."""


@dataclass(frozen=True)
class Section:
    """A group of entries under a level 1 heading (``title`` empty when untitled)."""

    id: str
    """Stable, unique id (empty for the untitled leading group)."""
    title: tuple[Inline, ...]
    """The heading's inlines; empty for questions before the first section."""
    entries: tuple[Entry, ...]
    """The questions of this section, in source order."""
    line: int = 0
    """Source line of the section heading (0 when untitled)."""
    intro: tuple[Block, ...] = ()
    """Blocks between the section heading and its first question (always empty when untitled)."""


@dataclass(frozen=True)
class Reference:
    """One source the FAQ rests on, as the front matter's ``sources`` lists it (all text)."""

    title: str
    """The work's title (required)."""
    publisher: str = ""
    """The organisation that published it."""
    author: str = ""
    """Its author, when named."""
    year: str = ""
    """The year it was published."""
    url: str = ""
    """Where to read it (http or https)."""


@dataclass(frozen=True)
class Meta:
    """Front matter, validated."""

    title: str
    """Document title (required)."""
    subtitle: str = ""
    """Optional subtitle."""
    lang: str = "en"
    """BCP 47 language tag."""
    updated: dt.date | None = None
    """Date of the last review: the front matter's ``reviewed`` (or its older name ``updated``)."""
    url: str = ""
    """Where the FAQ lives online."""
    disclaimer: tuple[Inline, ...] = ()
    """Closing disclaimer, parsed as inline Markdown."""
    version: str = ""
    """The edition ("3", "2026.1"), as written."""
    review_by: dt.date | None = None
    """Date of the next review: ``review_by``, or ``review_every`` (default three years) after ``updated``."""
    reviewed_by: tuple[str, ...] = ()
    """Who reviewed it: names and roles."""
    author: str = ""
    """Who wrote it; empty means the clinic (the brand's name)."""
    sources: tuple[Reference, ...] = ()
    """The references it rests on, listed as numbered "Sources" at the end of every format."""
    reading_grade: float | None = None
    """Reading-grade target of the plain-language check (None: the brand's, else 8)."""
    alternative_formats: tuple[str, ...] | None = None
    """The other formats the statement names (``publisher.alternatives``): () turns it off,
    None leaves the choice to the build (large print and braille, when there is a phone)."""
    alternative_links: tuple[tuple[str, str], ...] = ()
    """(format, address) of the alternative files the fragment links to (``large-pdf``, ``brf`` ...)."""

    @property
    def reviewed(self) -> dt.date | None:
        """The date of the last review (``updated`` by its newer name)."""
        return self.updated


@dataclass(frozen=True)
class Document:
    """A parsed FAQ: metadata, an optional introduction and its sections."""

    meta: Meta
    """Validated front matter."""
    intro: tuple[Block, ...]
    """Blocks before the first heading."""
    sections: tuple[Section, ...]
    """Sections in source order; at least one entry each."""
    source: Path = field(default=Path("faq.md"))
    """The source file the document was parsed from."""

    @property
    def entries(self) -> tuple[Entry, ...]:
        """Every entry, in source order across sections."""
        return tuple(e for s in self.sections for e in s.entries)

    @property
    def has_titled_sections(self) -> bool:
        """True when at least one section has a heading of its own."""
        return any(s.title for s in self.sections)
