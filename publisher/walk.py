"""Walking the model: every inline of a document, and the files it names."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from publisher.model import Block, Document, Image, Inline, List, Quote, Table


def block_inlines(blocks: Iterable[Block]) -> Iterator[Inline]:
    """Every inline inside the blocks, depth first, nested inlines included."""
    for block in blocks:
        if isinstance(block, (List,)):
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
    blocks = [*document.intro, *(b for e in document.entries for b in e.answer)]
    return [i for i in block_inlines(blocks) if isinstance(i, Image)]
