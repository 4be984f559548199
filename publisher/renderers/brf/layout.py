"""Braille lines and pages: logical lines (already in braille) wrapped at 40 cells, 25 lines a page.

The formats follow BANA's *Braille Formats* (2016), which UKAAF's differ from only in
detail: paragraphs in 3-1 (first line in cell 3, runovers in cell 1), lists in 1-3,
headings centred or in cell 5 or cell 7 with a blank line before, a heading never
alone at the foot of a page, and no blank line at the top of a page.

Page numbers: the braille page number sits at the right of line 25, the last line,
as BANA places it when a book has no print page numbers to show at the top. That
line holds nothing else, so a page has 24 lines of text. The title page shows no
number (BANA counts it as a preliminary page); the body is numbered from 1.

A BRF file is the pages' lines ended by CR LF, each page ended by a form feed; a PEF
file (``pef.py``) holds the same pages as Unicode braille in XML.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

WIDTH = 40
"""Cells per line."""
HEIGHT = 25
"""Lines per page, the last one holding the page number."""
CONTINUATION = '"'
"""UEB's continuation indicator (dot 5), ending a line where a long word is split."""
PREFIX_CELLS = frozenset(',#@^_".;')
"""Cells that begin a multi-cell sign in UEB (dots 6, 3456, 4, 45, 456, 5, 46, 56)."""
MIN_ROOM = 20
"""Cells a line keeps for text however deeply it is indented."""
KEEP_LINES = 2
"""Lines of text that must follow a heading on its page."""


@dataclass(frozen=True)
class LogicalLine:
    """A paragraph, heading or list item in braille, before it is cut into lines.

    ``first`` and ``runover`` are the indents (in cells, 0 is cell 1) of its first
    line and of the lines after it.
    """

    braille: str
    first: int = 0
    runover: int = 0
    centred: bool = False
    blank_before: bool = False
    blank_after: bool = False
    heading: bool = False
    """Kept on a page with at least ``KEEP_LINES`` of what follows."""


def wrap(line: LogicalLine, width: int = WIDTH, split_mark: str = CONTINUATION) -> list[str]:
    """The physical lines of a logical line: cut at braille spaces, indented, at most ``width`` cells.

    A word longer than a line (a web address, say) is split with ``split_mark`` ending
    each piece. Centred lines leave at least three blank cells on each side.
    """
    pieces: list[str] = []
    # Deeply nested lists and quotes stop indenting where a line would keep fewer than MIN_ROOM cells.
    first, runover = min(line.first, width - MIN_ROOM), min(line.runover, width - MIN_ROOM)

    def room() -> int:
        return width - 6 if line.centred else width - (runover if pieces else first)

    words = line.braille.split()
    current = ""
    while words:
        candidate = f"{current} {words[0]}" if current else words[0]
        if len(candidate) <= room():
            current = candidate
            words.pop(0)
        elif current:
            pieces.append(current)
            current = ""
        else:  # one word longer than a whole line
            cut = cut_at(words[0], room() - len(split_mark))
            pieces.append(words[0][:cut] + split_mark)
            words[0] = words[0][cut:]
    if current:
        pieces.append(current)
    if line.centred:
        return [" " * ((width - len(piece)) // 2) + piece for piece in pieces]
    return [" " * (runover if i else first) + piece for i, piece in enumerate(pieces)]


def cut_at(word: str, most: int) -> int:
    """Where to split a word too long for a line: at most ``most`` cells, never after a prefix cell.

    Braille ASCII's indicator cells (capital, number, the dot 4, 5, 45, 456, 46 and 56
    prefixes) belong with the cell after them; a piece ending in one would split a sign.
    """
    cut = most
    while cut > most // 2 and word[cut - 1] in PREFIX_CELLS:
        cut -= 1
    return cut if word[cut - 1] not in PREFIX_CELLS else most


def paginate(
    lines: list[LogicalLine], height: int = HEIGHT - 1, split_mark: str = CONTINUATION
) -> list[list[str]]:
    """The lines laid out on pages of ``height`` lines of text (``split_mark``: see ``wrap``).

    Blank lines before and after are dropped at the top of a page, and a heading moves
    to the next page when the first lines of what it heads would not fit under it.
    """
    rows = [wrap(line, WIDTH, split_mark) for line in lines]
    pages: list[list[str]] = [[]]
    blank_pending = False
    for index, line in enumerate(lines):
        page = pages[-1]
        blank = (line.blank_before or blank_pending) and bool(page)
        # Text flows on to the next page; a heading moves there unless text fits under it.
        need = kept_rows(lines, rows, index) if line.heading else 1
        if page and len(page) + blank + need > height:
            pages.append([])
            page, blank = pages[-1], False
        if blank:
            page.append("")
        for row in rows[index]:
            if len(page) == height:
                pages.append([])
                page = pages[-1]
            page.append(row)
        blank_pending = line.blank_after
    return [page for page in pages if page]


def kept_rows(lines: list[LogicalLine], rows: list[list[str]], index: int) -> int:
    """Rows a heading needs on its page: itself, headings right under it, and text after them."""
    need = len(rows[index])
    for line, wrapped in zip(lines[index + 1 :], rows[index + 1 :], strict=True):
        need += line.blank_before
        if not line.heading:
            return need + min(KEEP_LINES, len(wrapped))
        need += len(wrapped)
    return need


def title_page(
    top: list[LogicalLine], bottom: list[LogicalLine], split_mark: str = CONTINUATION
) -> list[list[str]]:
    """The title page: ``top`` from line 1, ``bottom`` ending on the last line (pages if too long)."""
    head, foot = paginate(top, HEIGHT, split_mark), paginate(bottom, HEIGHT, split_mark)
    if len(head) == 1 and len(foot) == 1 and len(head[0]) + 1 + len(foot[0]) <= HEIGHT:
        return [head[0] + [""] * (HEIGHT - len(head[0]) - len(foot[0])) + foot[0]]
    return paginate([*top, replace(bottom[0], blank_before=True), *bottom[1:]], HEIGHT, split_mark)


def finished_pages(
    front: list[list[str]], body: list[list[str]], number: Callable[[int], str]
) -> list[list[str]]:
    """Every page as embossed: front pages unnumbered, body pages numbered from 1 by ``number``."""
    return [*front_pages(front), *numbered_pages(body, number)]


def brf_bytes(pages: list[list[str]]) -> bytes:
    """The BRF file: lines ended by CR LF, each page by a form feed."""
    return "".join("\r\n".join(page) + "\r\n\f" for page in pages).encode("ascii")


def front_pages(pages: Iterable[list[str]]) -> Iterator[list[str]]:
    """Pages without a number, as they are."""
    for page in pages:
        yield [row.rstrip() for row in page]


def numbered_pages(pages: Iterable[list[str]], number: Callable[[int], str]) -> Iterator[list[str]]:
    """Pages filled to line 24, with the braille page number at the right of line 25."""
    for count, page in enumerate(pages, start=1):
        label = number(count)
        yield [row.rstrip() for row in page] + [""] * (HEIGHT - 1 - len(page)) + [label.rjust(WIDTH)]
