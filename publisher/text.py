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
    Paragraph,
    Quote,
    Strong,
    Table,
    Text,
)


def inline_text(inlines: Iterable[Inline]) -> str:
    """The text of inlines with markup removed (images give their alt text)."""
    parts: list[str] = []
    for node in inlines:
        if isinstance(node, (Text, Code)):
            parts.append(node.text)
        elif isinstance(node, Break):
            parts.append("\n")
        elif isinstance(node, (Strong, Emph, Link)):
            parts.append(inline_text(node.children))
        elif isinstance(node, Image):
            parts.append(node.alt)
    return "".join(parts)


def block_text(blocks: Iterable[Block]) -> str:
    """The text of blocks, paragraphs separated by blank lines, list items by '- ' lines."""
    return "\n\n".join(_block_lines(b) for b in blocks)


def _block_lines(block: Block) -> str:
    if isinstance(block, (Paragraph, Heading)):
        return inline_text(block.children)
    if isinstance(block, CodeBlock):
        return block.text.rstrip("\n")
    if isinstance(block, Quote):
        return block_text(block.children)
    if isinstance(block, List):
        lines = []
        for number, item in enumerate(block.items, start=block.start):
            marker = f"{number}. " if block.ordered else "- "
            body = block_text(item.children).replace("\n\n", "\n")
            indented = body.replace("\n", "\n" + " " * len(marker))
            lines.append(marker + indented)
        return "\n".join(lines)
    if isinstance(block, Table):
        rows = [block.header, *block.rows]
        return "\n".join(" | ".join(inline_text(c.children) for c in row) for row in rows)
    raise TypeError(f"unknown block {block!r}")
