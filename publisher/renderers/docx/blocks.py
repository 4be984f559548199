"""Blocks of the model as Word paragraphs and tables, each in a named style.

One ``visit_<node>`` method per block type on the model's visitor, as the HTML renderer
has. ``depth`` is the nesting level a list met here would get: 0 at the top, one more
inside each list item.
"""

from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tbl
from docx.oxml.text.paragraph import CT_P
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Emu

from publisher.model import (
    BLOCK_TYPES,
    Block,
    CodeBlock,
    Heading,
    Inline,
    List,
    ListItem,
    Paragraph,
    Quote,
    Table,
    TableCell,
)
from publisher.renderers.docx.context import WordContext
from publisher.renderers.docx.inlines import InlineWriter
from publisher.renderers.docx.numbering import ListNumbering, add_num_pr
from publisher.renderers.docx.style_names import HEADINGS, Style, level_name
from publisher.renderers.docx.xml import PPR_ORDER, insert_in_order, make, paragraph, run
from publisher.visitor import Visitor

ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
}
# python-docx's new tables enable first-column formatting too (tblLook 04A0); we
# want only the header row: firstRow (0x0020) + noVBand (0x0400).
TABLE_LOOK = {"firstRow": "1", "lastRow": "0", "firstColumn": "0", "lastColumn": "0", "noHBand": "0"}
TABLE_LOOK.update({"noVBand": "1", "val": "0420"})


class BlockWriter(Visitor[None]):
    """Appends the paragraphs and tables of model blocks to a story (the body, a cell)."""

    handles = (*BLOCK_TYPES, ListItem, TableCell)

    def __init__(self, context: WordContext, numbering: ListNumbering, container: BaseOxmlElement):
        self.context = context
        self.numbering = numbering
        self.inlines = InlineWriter(context)
        self._container = container
        self._last: BaseOxmlElement | None = None
        """The block appended last (the paragraph a list may keep with)."""
        # The body ends with its section properties: content goes before them.
        self._before = container.find(qn("w:sectPr"))
        self._quote_depth = 0

    # --- entry points ---------------------------------------------------

    def blocks(self, blocks: tuple[Block, ...], depth: int = 0) -> None:
        """Append every block, in order; each knows the block before it (for its spacing)."""
        previous = None
        for block in blocks:
            self.visit(block, depth, previous)
            previous = block

    def styled_paragraph(self, style: str, inlines: tuple[Inline, ...] = ()) -> CT_P:
        """Append a paragraph in style ``style`` (a name) holding ``inlines``."""
        p = paragraph(self.context.styles[style])
        self.inlines.write(p, inlines)
        self.append(p)
        return p

    def append(self, element: BaseOxmlElement) -> None:
        """Append a ``w:p`` or ``w:tbl`` to the story."""
        self._last = element
        if self._before is None:
            self._container.append(element)
        else:
            self._before.addprevious(element)

    # --- blocks ---------------------------------------------------------

    def _body_style(self, depth: int, previous: Block | None) -> str:
        if self._quote_depth:
            return Style.QUOTE
        if depth:
            # A paragraph inside a list item, after its first, lines up with the item's text.
            return level_name(Style.LIST_CONTINUE, depth - 1)
        return Style.AFTER_LIST_OR_TABLE if isinstance(previous, (List, Table)) else Style.NORMAL

    def visit_paragraph(self, node: Paragraph, depth: int, previous: Block | None) -> None:
        self.styled_paragraph(self._body_style(depth, previous), node.children)

    def visit_heading(self, node: Heading, depth: int, previous: Block | None) -> None:
        self.styled_paragraph(HEADINGS.get(node.level, HEADINGS[4]), node.children)

    def visit_list(self, node: List, depth: int, previous: Block | None) -> None:
        """Numbered or bulleted paragraphs on a numbering instance of this list's own.

        The paragraph that introduces a list ("Remember ABCD:") keeps with its first item:
        Word never ends a page with it.
        """
        if isinstance(previous, Paragraph) and isinstance(self._last, CT_P):
            props = self._last.get_or_add_pPr()
            if props.find(qn("w:keepNext")) is None:
                insert_in_order(props, make("w:keepNext"), PPR_ORDER)
        num_id = self.numbering.num_for(node.ordered, depth, node.start)
        style = level_name(Style.LIST_NUMBER if node.ordered else Style.LIST_BULLET, depth)
        for item in node.items:
            self.visit(item, depth, style, num_id)

    def visit_list_item(self, node: ListItem, depth: int, style: str, num_id: int) -> None:
        """The item's first paragraph carries its number; the rest line up under its text."""
        first, rest = node.children[:1], node.children[1:]
        if first and isinstance(first[0], Paragraph):
            p = self.styled_paragraph(style, first[0].children)
        else:
            # An item that opens with a list or code still shows its number.
            p, rest = self.styled_paragraph(style), node.children
        add_num_pr(p, num_id, depth)
        self.blocks(rest, depth + 1)

    def visit_quote(self, node: Quote, depth: int, previous: Block | None) -> None:
        """The quote's paragraphs in the Quote style."""
        self._quote_depth += 1
        try:
            self.blocks(node.children, depth)
        finally:
            self._quote_depth -= 1

    def visit_code_block(self, node: CodeBlock, depth: int, previous: Block | None) -> None:
        """One Source Code paragraph; its lines are kept apart by line breaks."""
        p = paragraph(self.context.styles[Style.SOURCE_CODE])
        p.append(run(node.text.rstrip("\n")))
        self.append(p)

    def visit_table(self, node: Table, depth: int, previous: Block | None) -> None:
        """A table in the Table style whose header row repeats on every page."""
        rows = (node.header, *node.rows)
        tbl = CT_Tbl.new_tbl(len(rows), len(node.header), Emu(self.context.text_width))
        tbl.tblStyle_val = self.context.styles[Style.TABLE]
        look = tbl.tblPr.find(qn("w:tblLook"))
        for key, value in TABLE_LOOK.items():
            look.set(qn("w:" + key), value)
        for index, (tr, cells) in enumerate(zip(tbl.tr_lst, rows, strict=True)):
            row_properties = tr.get_or_add_trPr()
            row_properties.append(make("w:cantSplit"))
            if index == 0:
                row_properties.append(make("w:tblHeader"))
            for tc, cell in zip(tr.tc_lst, cells, strict=True):
                self.visit(cell, tc.p_lst[0])
        self.append(tbl)

    def visit_table_cell(self, node: TableCell, p: CT_P) -> None:
        """Fill a cell's paragraph: the Compact style, the column's alignment, the inlines."""
        properties = p.get_or_add_pPr()
        properties.style = self.context.styles[Style.COMPACT]
        if node.align in ALIGN:
            # Alignment is part of the table's content (numbers right-aligned), not a look.
            properties.jc_val = ALIGN[node.align]
        self.inlines.write(p, node.children)
