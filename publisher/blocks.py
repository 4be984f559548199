"""Convert markdown-it syntax tree nodes into the model's blocks and inlines.

The converter never drops content: anything the model cannot hold becomes a
Problem naming the source line and column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from markdown_it.tree import SyntaxTreeNode

from publisher.addresses import shorten, web_address_problem
from publisher.errors import Problem
from publisher.imagecheck import image_file_problem
from publisher.limits import MAX_EMBEDDED_IMAGE_BYTES, MAX_TABLE_COLUMNS, MAX_URL_CHARS
from publisher.model import (
    IMAGE_TYPES,
    Block,
    Break,
    Code,
    CodeBlock,
    Emph,
    Heading,
    Image,
    Inline,
    Link,
    List,
    ListItem,
    Paragraph,
    Quote,
    Strong,
    Table,
    TableCell,
    Text,
)
from publisher.text import inline_text

LINK_SCHEMES = ("http://", "https://", "mailto:", "tel:")
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
ALIGN = re.compile(r"text-align:\s*(left|center|right)")
LINE_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
"""``<br>``, ``<br/>`` and ``<br />`` in any case: the one HTML tag allowed (a hard break)."""
RULE_MESSAGE = (
    "a horizontal rule (---) is allowed only between questions and sections, "
    "not inside an answer; use a ### heading there instead"
)


@dataclass
class Converter:
    """Turns syntax tree nodes into model nodes, collecting problems on the way."""

    path: str
    """The source path as shown in messages."""
    lines: list[str]
    """The source's lines, for locating columns."""
    base_dir: Path
    """The source's folder: images must live inside it."""
    problems: list[Problem] = field(default_factory=list)
    internal_links: list[tuple[str, int, int]] = field(default_factory=list)
    """Every ``#id`` link as (id, line, column), checked once all ids are known."""
    embedded_bytes: int = 0
    """The image bytes every use so far embeds (the fragment holds a copy per use)."""
    site: str = ""
    """The origin of the front matter's ``url`` (``https://clinic.example``), for site-relative links."""
    bare_links: bool = True
    """Whether bare web and e-mail addresses become links (not in headings)."""
    _cursor: tuple[int, int] = (0, 0)
    """(line, 0-based column) just past the last inline located, so repeats get their own column."""
    _cursor_span: tuple[int, int] = (0, 0)
    """The line span the cursor belongs to; a new span starts the search afresh."""

    # --- locating -------------------------------------------------------

    def problem(self, line: int, col: int, message: str) -> None:
        """Record a problem at a line and column."""
        self.problems.append(Problem(self.path, line, col, message))

    def locate(self, needle: str, span: tuple[int, int]) -> tuple[int, int]:
        """Line and column of ``needle`` within the 1-based inclusive line span."""
        first, last = span
        for number in range(first, min(last, len(self.lines)) + 1):
            col = self.lines[number - 1].find(needle) if needle else -1
            if col >= 0:
                return number, col + 1
        return first, 1

    def locate_next(self, needle: str, span: tuple[int, int]) -> tuple[int, int]:
        """Like ``locate``, but searching on from the last inline located in this span."""
        line, start = self._cursor if self._cursor_span == span else (span[0], 0)
        for number in range(line, min(span[1], len(self.lines)) + 1):
            col = self.lines[number - 1].find(needle, start if number == line else 0) if needle else -1
            if col >= 0:
                self._cursor, self._cursor_span = (number, col + len(needle)), span
                return number, col + 1
        return self.locate(needle, span)

    # --- blocks ---------------------------------------------------------

    def blocks(self, nodes: list[SyntaxTreeNode], tight: bool = False) -> tuple[Block, ...]:
        """Convert a run of block nodes."""
        converted = (self.block(node, tight) for node in nodes)
        return tuple(b for b in converted if b is not None)

    def block(self, node: SyntaxTreeNode, tight: bool = False) -> Block | None:
        """Convert one block node, or record why it cannot be held."""
        line = node.map[0] + 1 if node.map else 0
        span = (line, node.map[1]) if node.map else (line, line)
        kind = node.type
        if kind == "paragraph":
            return Paragraph(self.inlines(node.children[0], span), line)
        if kind == "heading":
            return self.heading(node, line, span)
        if kind in ("bullet_list", "ordered_list"):
            return self.list(node, line)
        if kind == "blockquote":
            return Quote(self.blocks(node.children), line)
        if kind in ("fence", "code_block"):
            return CodeBlock(node.content, line)
        if kind == "table":
            return self.table(node, line, span)
        if kind == "html_block":
            self.problem(line, 1, "raw HTML is not allowed; write it in Markdown")
        elif kind == "hr":
            self.problem(line, 1, RULE_MESSAGE)
        else:
            self.problem(line, 1, f"unsupported Markdown ({kind})")
        return None

    def heading(self, node: SyntaxTreeNode, line: int, span: tuple[int, int]) -> Heading | None:
        level = int(node.tag[1])
        col = self.locate(node.markup, (line, line))[1]
        if level in (1, 2):
            self.problem(line, col, "a level 1 or 2 heading cannot stand inside a list or quote")
        elif level > 4:
            self.problem(line, col, f"level {level} headings are not supported in answers; use ### or ####")
        else:
            return Heading(level, self.inlines(node.children[0], span), line)
        return None

    def list(self, node: SyntaxTreeNode, line: int) -> List:
        items = []
        tight = all(p.hidden for item in node.children for p in item.children if p.type == "paragraph")
        for item in node.children:
            item_line = item.map[0] + 1 if item.map else line
            items.append(ListItem(self.blocks(item.children), item_line))
        start = int(node.attrs.get("start", 1)) if node.type == "ordered_list" else 1
        return List(node.type == "ordered_list", tuple(items), start, tight, line)

    def table(self, node: SyntaxTreeNode, line: int, span: tuple[int, int]) -> Table:
        for row_line, cells, columns in (node.meta or {}).get("long_rows", ()):
            message = f"this row has {cells} cells but the header row has {columns}; the rest would be lost"
            self.problem(row_line + 1, 1, message)
        rows = []
        for part in node.children:  # thead, tbody
            for row in part.children:
                # Each row's own lines, so a tag or link is found in its row, not the first one's.
                row_span = (row.map[0] + 1, row.map[1]) if row.map else span
                rows.append(tuple(self.cell(cell, row_span) for cell in row.children))
        if len(rows[0]) > MAX_TABLE_COLUMNS:
            self.problem(line, 1, f"table has {len(rows[0])} columns, past the limit of {MAX_TABLE_COLUMNS}")
        return Table(rows[0], tuple(rows[1:]), line)

    def cell(self, node: SyntaxTreeNode, span: tuple[int, int]) -> TableCell:
        match = ALIGN.search(str(node.attrs.get("style", "")))
        children = self.inlines(node.children[0], span) if node.children else ()
        return TableCell(children, match.group(1) if match else "")

    # --- inlines --------------------------------------------------------

    def inlines(self, inline: SyntaxTreeNode, span: tuple[int, int]) -> tuple[Inline, ...]:
        """Convert the children of an ``inline`` node, merging adjacent text."""
        converted = self.inline_children(inline.children, span)
        while converted and isinstance(converted[-1], Break):
            converted.pop()  # a <br> ending a paragraph or cell would only add an empty line
        return merge_text(converted)

    def inline_children(self, nodes: list[SyntaxTreeNode], span: tuple[int, int]) -> list[Inline]:
        result: list[Inline] = []
        for node in nodes:
            after_break = bool(result) and isinstance(result[-1], Break)
            if after_break and node.type == "softbreak":
                continue  # a <br> ending the line: the break already starts the next one
            converted = self.inline(node, span)
            if isinstance(converted, Text) and after_break:
                converted = Text(converted.text.lstrip(" "))
            # markdown-it leaves empty text around emphasis (``**2**``): Word would write empty runs.
            if converted is not None and converted != Text(""):
                result.append(converted)
        return result

    def inline(self, node: SyntaxTreeNode, span: tuple[int, int]) -> Inline | None:
        kind = node.type
        if kind == "text":
            return Text(node.content)
        if kind == "softbreak":
            return Text(" ")
        if kind == "hardbreak":
            return Break()
        if kind == "code_inline":
            return Code(node.content)
        if kind == "em":
            return Emph(merge_text(self.inline_children(node.children, span)))
        if kind == "strong":
            return Strong(merge_text(self.inline_children(node.children, span)))
        if kind == "link":
            return self.link(node, span)
        if kind == "image":
            return self.image(node, span)
        if kind == "html_inline":
            line, col = self.locate_next(node.content, span)
            if LINE_BREAK_TAG.fullmatch(node.content):
                return Break()
            self.problem(line, col, f"raw HTML is not allowed: {node.content} (<br> is the one tag allowed)")
            return None
        line, col = self.locate("", span)
        self.problem(line, col, f"unsupported Markdown ({kind})")
        return None

    def link(self, node: SyntaxTreeNode, span: tuple[int, int]) -> Inline | None:
        href = str(node.attrs.get("href", ""))
        children = merge_text(self.inline_children(node.children, span))
        if node.markup == "linkify":
            return self.bare_address(href, children)
        line, col = self.locate_next(_raw_href(href), span)
        if href.startswith("#") and len(href) > 1:
            # markdown-it percent-encodes non-ASCII; ids are compared (and rendered) as written.
            href = "#" + _raw_href(href[1:])
            self.internal_links.append((href[1:], line, col))
        elif href.startswith("/") and not href.startswith("//"):
            if not self.site:
                self.problem(line, col, f"site-relative link '{shorten(href)}' {NO_SITE}")
                return None
            return self.checked_link(self.site + href, children, node, line, col)
        elif not href.lower().startswith(LINK_SCHEMES):
            what = f"scheme '{shorten(href.split(':')[0])}:'" if SCHEME.match(href) else "relative link"
            allowed = "http(s), mailto:, tel:, a site path (/services) or #id of a question"
            self.problem(line, col, f"link '{shorten(href)}' has a forbidden {what}; use {allowed}")
            return None
        return self.checked_link(href, children, node, line, col)

    def checked_link(
        self, href: str, children: tuple[Inline, ...], node: SyntaxTreeNode, line: int, col: int
    ) -> Link | None:
        """The link, or None with a problem when its address cannot be published."""
        if (problem := address_problem(href)) is not None:
            self.problem(line, col, f"link {problem}")
            return None
        return Link(href, children, str(node.attrs.get("title") or ""))

    def bare_address(self, href: str, children: tuple[Inline, ...]) -> Inline:
        """A web or e-mail address written as plain text: a link, or the text when it is not one.

        Only what is plainly an address becomes a link: one with its scheme, one starting
        ``www.`` (given ``https://``, not markdown-it's ``http://``) or an e-mail address.
        ``README.md`` or ``node.js`` stay text, as does an address no browser could open.
        """
        text = inline_text(children)
        lowered = text.lower()
        if lowered.startswith("www.") and href.startswith("http://"):
            href = "https://" + href[len("http://") :]
        plainly = lowered.startswith(("http://", "https://", "mailto:", "www.")) or (
            href.startswith("mailto:") and "://" not in text
        )
        if not self.bare_links or not plainly or address_problem(href) is not None:
            return Text(text)
        return Link(href, children)

    def image(self, node: SyntaxTreeNode, span: tuple[int, int]) -> Image | None:
        # markdown-it percent-encodes the address; the file is named as the author wrote it.
        src = _raw_href(str(node.attrs.get("src", "")))
        alt = inline_text(self.inline_children(node.children, span)).strip()
        line, col = self.locate(src, span)
        message = self.image_problem(src, alt)
        if message:
            self.problem(line, col, message)
            return None
        return Image(src, alt, (self.base_dir / src).resolve(), str(node.attrs.get("title") or ""))

    def image_problem(self, src: str, alt: str) -> str | None:
        """Why an image cannot be used, or None when it is fine."""
        if len(src) > MAX_URL_CHARS:
            return f"image name is {len(src):,} characters long, past the limit of {MAX_URL_CHARS:,}"
        if SCHEME.match(src) or src.startswith("//"):
            return f"image '{shorten(src)}' is remote; save it beside the source and link it by file name"
        try:
            target = (self.base_dir / src).resolve()
            if src.startswith("/") or not target.is_relative_to(self.base_dir.resolve()):
                return f"image '{shorten(src)}' is outside the source's folder"
            if not target.is_file():
                return f"image '{shorten(src)}' is missing"
        except (OSError, ValueError) as error:  # a NUL in the name, a name too long for the disk
            reason = error.strerror if isinstance(error, OSError) else "the name holds a NUL character"
            return f"image '{shorten(src)}' cannot be read: {reason}"
        if target.suffix.lower() not in IMAGE_TYPES:
            return f"image '{src}' must be a PNG, JPEG or SVG file"
        if not alt:
            return f"image '{src}' has no alt text; describe it in the brackets: ![description]({src})"
        return image_file_problem(target, src) or self.embedding_problem(target, src)

    def embedding_problem(self, target: Path, src: str) -> str | None:
        """Why one more use of an image would make the web fragment too large, or None."""
        before = self.embedded_bytes
        self.embedded_bytes += target.stat().st_size
        if self.embedded_bytes <= MAX_EMBEDDED_IMAGE_BYTES or before > MAX_EMBEDDED_IMAGE_BYTES:
            return None  # within the limit, or past it and already reported
        return (
            f"image '{shorten(src)}': the pictures used so far come to {self.embedded_bytes:,} bytes, past "
            f"the limit of {MAX_EMBEDDED_IMAGE_BYTES:,} (the web fragment holds a copy for every use)"
        )


NO_SITE = (
    "needs the front matter's 'url' (url: https://clinic.example/faq), whose origin it "
    "resolves against; add it, or write the full address"
)


def site_origin(url: str) -> str:
    """The scheme and host of ``url`` (``https://clinic.example``), or '' without one."""
    from urllib.parse import urlsplit

    parts = urlsplit(url.strip())
    return f"{parts.scheme.lower()}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def address_problem(href: str) -> str | None:
    """Why an allowed link's address cannot be published (too long, or no such web host), or None."""
    if len(href) > MAX_URL_CHARS:
        return f"address is {len(href):,} characters long, past the limit of {MAX_URL_CHARS:,}"
    if href.lower().startswith(("http://", "https://")):
        return web_address_problem(href)
    return None


def _raw_href(href: str) -> str:
    """The href as it was probably written (markdown-it percent-encodes it)."""
    from urllib.parse import unquote

    return unquote(href)


def merge_text(nodes: list[Inline]) -> tuple[Inline, ...]:
    """Join adjacent Text nodes so renderers see one run of text."""
    merged: list[Inline] = []
    for node in nodes:
        if isinstance(node, Text) and merged and isinstance(merged[-1], Text):
            merged[-1] = Text(merged[-1].text + node.text)
        else:
            merged.append(node)
    return tuple(merged)
