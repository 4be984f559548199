"""Plain-text views of the model, shared by every renderer and the JSON output."""

from __future__ import annotations

from collections.abc import Iterable

from publisher.model import (
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
from publisher.visitor import Visitor


class PlainText(Visitor[str]):
    """The text of model nodes with markup removed.

    Paragraphs are separated by blank lines, list items start with ``- `` or their
    number, table rows are cells joined by `` | ``; images give their alt text.
    """

    def inlines(self, inlines: Iterable[Inline]) -> str:
        """The text of a sequence of inlines."""
        return "".join(self.visit_all(inlines))

    def blocks(self, blocks: Iterable[Block]) -> str:
        """The text of a sequence of blocks, separated by blank lines."""
        return "\n\n".join(self.visit_all(blocks))

    def visit_text(self, node: Text) -> str:
        return node.text

    def visit_code(self, node: Code) -> str:
        return node.text

    def visit_break(self, node: Break) -> str:
        return "\n"

    def visit_strong(self, node: Strong) -> str:
        return self.inlines(node.children)

    def visit_emph(self, node: Emph) -> str:
        return self.inlines(node.children)

    def visit_link(self, node: Link) -> str:
        return self.inlines(node.children)

    def visit_image(self, node: Image) -> str:
        return node.alt

    def visit_paragraph(self, node: Paragraph) -> str:
        return self.inlines(node.children)

    def visit_heading(self, node: Heading) -> str:
        return self.inlines(node.children)

    def visit_code_block(self, node: CodeBlock) -> str:
        return node.text.rstrip("\n")

    def visit_quote(self, node: Quote) -> str:
        return self.blocks(node.children)

    def visit_list(self, node: List) -> str:
        lines = []
        for number, item in enumerate(node.items, start=node.start):
            marker = f"{number}. " if node.ordered else "- "
            indented = self.visit(item).replace("\n", "\n" + " " * len(marker))
            lines.append(marker + indented)
        return "\n".join(lines)

    def visit_list_item(self, node: ListItem) -> str:
        return self.blocks(node.children).replace("\n\n", "\n")

    def visit_table(self, node: Table) -> str:
        rows = [node.header, *node.rows]
        return "\n".join(" | ".join(self.visit_all(row)) for row in rows)

    def visit_table_cell(self, node: TableCell) -> str:
        # A row stays one line: a <br> in a cell reads as a space.
        return self.inlines(node.children).replace("\n", " ")


PLAIN_TEXT = PlainText()


def inline_text(inlines: Iterable[Inline]) -> str:
    """The text of inlines with markup removed (images give their alt text)."""
    return PLAIN_TEXT.inlines(inlines)


def block_text(blocks: Iterable[Block]) -> str:
    """The text of blocks, paragraphs separated by blank lines, list items by '- ' lines."""
    return PLAIN_TEXT.blocks(blocks)
