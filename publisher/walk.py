"""Walking the model: every block and inline of a document, and the files it names.

Each helper filters the one depth-first walk of ``publisher.visitor.Walker``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from publisher.model import BLOCK_TYPES, INLINE_TYPES, Block, Document, Image, Inline
from publisher.visitor import walk


def answer_blocks(document: Document) -> list[Block]:
    """The top-level blocks of the introduction, section introductions and answers, in source order."""
    blocks = [*document.intro]
    for section in document.sections:
        blocks += section.intro
        blocks += (block for entry in section.entries for block in entry.answer)
    return blocks


def nested_blocks(blocks: Iterable[Block]) -> Iterator[Block]:
    """The blocks and, recursively, the blocks inside lists and quotes."""
    return (node for node in walk(blocks) if isinstance(node, BLOCK_TYPES))  # type: ignore[misc]


def block_inlines(blocks: Iterable[Block]) -> Iterator[Inline]:
    """Every inline inside the blocks, depth first, nested inlines included."""
    return nested_inlines(blocks)  # type: ignore[arg-type]


def nested_inlines(nodes: Iterable[Inline]) -> Iterator[Inline]:
    """The inlines and, recursively, their children."""
    return (node for node in walk(nodes) if isinstance(node, INLINE_TYPES))  # type: ignore[misc]


def document_images(document: Document) -> list[Image]:
    """Every image the document names, in source order."""
    return [i for i in block_inlines(answer_blocks(document)) if isinstance(i, Image)]
