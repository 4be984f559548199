"""Walking the model: every block and inline of a document, and the files it names."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from publisher.model import Block, Document, Image, Inline, List, Quote, Table


def answer_blocks(document: Document) -> list[Block]:
    """The introduction's and every answer's top-level blocks, in source order."""
    return [*document.intro, *(block for entry in document.entries for block in entry.answer)]


def nested_blocks(blocks: Iterable[Block]) -> Iterator[Block]:
    """The blocks and, recursively, the blocks inside lists and quotes."""
    for block in blocks:
        yield block
        if isinstance(block, List):
            for item in block.items:
                yield from nested_blocks(item.children)
        elif isinstance(block, Quote):
            yield from nested_blocks(block.children)


def block_inlines(blocks: Iterable[Block]) -> Iterator[Inline]:
    """Every inline inside the blocks, depth first, nested inlines included."""
    for block in blocks:
        if isinstance(block, List):
            for item in block.items:
                yield from block_inlines(item.children)
        elif isinstance(block, Quote):
            yield from block_inlines(block.children)
        elif isinstance(block, Table):
            for row in (block.header, *block.rows):
                for cell in row:
                    yield from nested_inlines(cell.children)
        else:
            yield from nested_inlines(getattr(block, "children", ()))


def nested_inlines(inlines: Iterable[Inline]) -> Iterator[Inline]:
    """The inlines and, recursively, their children."""
    for inline in inlines:
        yield inline
        yield from nested_inlines(getattr(inline, "children", ()))


def document_images(document: Document) -> list[Image]:
    """Every image the document names, in source order."""
    return [i for i in block_inlines(answer_blocks(document)) if isinstance(i, Image)]
