"""The model's answers as braille logical lines: two visitors, one for inlines and one for blocks.

Inlines become runs of (text, liblouis formtype), so a whole paragraph is translated at
once (contractions depend on the words around them) with its emphasis marked the way
the braille code marks it. Blocks become ``LogicalLine``s with BANA's indents.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from publisher.link_address import printed_address
from publisher.model import (
    BLOCK_TYPES,
    INLINE_TYPES,
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
from publisher.renderers.brf.layout import LogicalLine
from publisher.renderers.brf.louis import BOLD, ITALIC, NO_CONTRACT, PLAIN
from publisher.renderers.brf.tables import Transcriber
from publisher.renderers.brf.words import Words
from publisher.text import inline_text
from publisher.visitor import Visitor

Run = tuple[str, int]
"""Print text and the liblouis formtype of all its characters."""


class InlineRuns(Visitor[list[Run]]):
    """Inlines as runs; ``form`` carries the emphasis of the nodes around them."""

    handles = (*INLINE_TYPES, TableCell)

    def __init__(self, words: Words):
        self.words = words

    def runs(self, inlines: Iterable[Inline | TableCell], form: int = PLAIN) -> list[Run]:
        """The runs of a sequence of inlines (or of table cells, which hold inlines)."""
        return [run for node in inlines for run in self.visit(node, form)]

    def visit_text(self, node: Text, form: int) -> list[Run]:
        return [(node.text, form)]

    def visit_code(self, node: Code, form: int) -> list[Run]:
        return [(node.text, form | NO_CONTRACT)]  # contracting `P2` or a file name would garble it

    def visit_break(self, node: Break, form: int) -> list[Run]:
        return [("\n", form)]

    def visit_strong(self, node: Strong, form: int) -> list[Run]:
        return self.runs(node.children, form | BOLD)

    def visit_emph(self, node: Emph, form: int) -> list[Run]:
        return self.runs(node.children, form | ITALIC)

    def visit_link(self, node: Link, form: int) -> list[Run]:
        address = printed_address(node)
        if node.internal or address:
            text = self.runs(node.children, form)
        else:  # the text is the address itself: read letter by letter, so never contracted
            text = self.runs(node.children, form | NO_CONTRACT)
        return [*text, (" (", form), (address, form | NO_CONTRACT), (")", form)] if address else text

    def visit_image(self, node: Image, form: int) -> list[Run]:
        return [(self.words.picture.format(alt=node.alt), form)]

    def visit_table_cell(self, node: TableCell, form: int) -> list[Run]:
        return self.runs(node.children, form)


class BrailleWriter(Visitor[list[LogicalLine]]):
    """Blocks as logical lines; ``margin`` is the indent of the list or quote they sit in."""

    handles = (*BLOCK_TYPES, ListItem)

    def __init__(self, transcriber: Transcriber, words: Words):
        self.transcriber = transcriber
        self.inline = InlineRuns(words)
        self.bullet = "•" if transcriber.is_defined("•") else "-"

    def blocks(self, blocks: Iterable[Block], margin: int = 0) -> list[LogicalLine]:
        """The logical lines of a sequence of blocks."""
        return [line for block in blocks for line in self.visit(block, margin)]

    def lines(self, runs: list[Run], first: int, runover: int, **flags: bool) -> list[LogicalLine]:
        """Runs translated to braille; a hard break starts a new line at the runover indent."""
        segments: list[list[Run]] = [[]]
        for text, form in runs:
            for index, part in enumerate(text.split("\n")):
                if index:
                    segments.append([])
                segments[-1].append((part, form))
        lines = [
            LogicalLine(self.transcriber.braille(segment), first if not index else runover, runover)
            for index, segment in enumerate(segments)
        ]
        return framed(lines, **flags)

    def visit_paragraph(self, node: Paragraph, margin: int) -> list[LogicalLine]:
        return self.lines(self.inline.runs(node.children), margin + 2, margin)

    def visit_heading(self, node: Heading, margin: int) -> list[LogicalLine]:
        # BANA's third level, the cell-7 heading: sections are centred and questions in cell 5.
        runs = self.inline.runs(node.children)
        return self.lines(runs, margin + 6, margin + 6, blank_before=True, heading=True)

    def visit_code_block(self, node: CodeBlock, margin: int) -> list[LogicalLine]:
        code = [[(line, NO_CONTRACT)] for line in node.text.rstrip("\n").split("\n")]
        lines = [LogicalLine(self.transcriber.braille(runs), margin + 2, margin + 4) for runs in code]
        return framed(lines, blank_before=True, blank_after=True)

    def visit_quote(self, node: Quote, margin: int) -> list[LogicalLine]:
        # BANA's displayed material: set apart by blank lines, paragraphs in 7-5 (a cell-5 start
        # would read as a question).
        return framed(self.blocks(node.children, margin + 4), blank_before=True, blank_after=True)

    def visit_list(self, node: List, margin: int) -> list[LogicalLine]:
        lines = []
        for number, item in enumerate(node.items, start=node.start):
            lines += self.visit(item, margin, f"{number}." if node.ordered else self.bullet)
        return lines

    def visit_list_item(self, node: ListItem, margin: int, marker: str = "-") -> list[LogicalLine]:
        # BANA's list format, 1-3: the marker in the list's cell, runovers two cells in.
        first, rest = (node.children[0], node.children[1:]) if node.children else (None, ())
        if isinstance(first, Paragraph):
            lines = self.lines([(marker + " ", PLAIN), *self.inline.runs(first.children)], margin, margin + 2)
        else:
            lines = self.lines([(marker, PLAIN)], margin, margin + 2)
            rest = node.children
        return lines + self.blocks(rest, margin + 2)

    def visit_table(self, node: Table, margin: int) -> list[LogicalLine]:
        # Linearised as BANA's listed tables: one "column: entry" line per cell, a row's first cell
        # in the list's cell and the others two cells in, so a reader never needs the grid.
        lines = []
        for row in node.rows:
            for column, (label, cell) in enumerate(zip(node.header, row, strict=False)):
                runs = self.inline.runs([cell])
                if not column or inline_text(cell.children).strip():
                    label_runs = self.inline.runs([label])
                    if inline_text(label.children).strip():
                        runs = [*label_runs, (": ", PLAIN), *runs]
                    lines += self.lines(runs, margin + 2 * bool(column), margin + 4)
        return framed(lines, blank_before=True, blank_after=True)


def framed(lines: list[LogicalLine], **flags: bool) -> list[LogicalLine]:
    """The lines with ``blank_before`` on the first, ``blank_after`` on the last, ``heading`` on all."""
    if not lines:
        return lines
    heading = flags.get("heading", False)
    lines = [replace(line, heading=line.heading or heading) for line in lines]
    lines[0] = replace(lines[0], blank_before=lines[0].blank_before or flags.get("blank_before", False))
    lines[-1] = replace(lines[-1], blank_after=lines[-1].blank_after or flags.get("blank_after", False))
    return lines
