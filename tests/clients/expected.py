"""What a reader must find in an output, taken from the parsed model, and an in-order text match.

Clients extract text with their own spacing: line breaks, hyphenation at line ends, list
markers and printed link addresses. So the expected text is cut into runs (between links,
breaks and block boundaries), and both sides are compared with whitespace and hyphens
removed and Unicode compatibility forms folded (ligatures, typographic quotes).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

from publisher.model import (
    Block,
    Break,
    CodeBlock,
    Document,
    Heading,
    Image,
    Inline,
    Link,
    List,
    Paragraph,
    Quote,
    Table,
)
from publisher.parse import parse_source
from publisher.text import block_text, inline_text

IGNORED = re.compile(r"[\s\-\u00ad\u2010\u2011\u2012\u2013]+")
QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def normalise(text: str) -> str:
    """Text with spacing, hyphens, case and compatibility forms folded away, for comparison.

    Case goes too: a stylesheet may set headings in capitals (``text-transform``).
    """
    return IGNORED.sub("", unicodedata.normalize("NFKC", text).translate(QUOTES)).casefold()


def inline_runs(inlines: Iterable[Inline]) -> Iterator[str]:
    """The text of inlines in runs split at links, breaks and images (clients may add text there)."""
    run: list[Inline] = []
    for node in inlines:
        if isinstance(node, (Link, Break, Image)):
            yield inline_text(run)
            run = []
            if not isinstance(node, Break):
                yield inline_text([node])
        else:
            run.append(node)
    yield inline_text(run)


def block_runs(blocks: Iterable[Block]) -> Iterator[str]:
    """The runs of text of answer blocks, in reading order (list markers left out)."""
    for block in blocks:
        if isinstance(block, (Paragraph, Heading)):
            yield from inline_runs(block.children)
        elif isinstance(block, (Quote,)):
            yield from block_runs(block.children)
        elif isinstance(block, List):
            for item in block.items:
                yield from block_runs(item.children)
        elif isinstance(block, Table):
            for row in (block.header, *block.rows):
                for cell in row:
                    yield from inline_runs(cell.children)
        elif isinstance(block, CodeBlock):
            yield from block_text([block]).splitlines()


def document_runs(document: Document) -> list[str]:
    """Title, intro, each section title, question and answer, and the disclaimer, in order."""
    runs = [document.meta.title, *block_runs(document.intro)]
    for section in document.sections:
        runs += inline_runs(section.title)
        for entry in section.entries:
            runs += [inline_text(entry.question), *block_runs(entry.answer)]
    runs += inline_runs(document.meta.disclaimer)
    # Runs without a letter or digit ("." after a link) would match anywhere: leave them out.
    return [run for run in runs if any(ch.isalnum() for ch in run)]


def expected_runs(source: Path) -> list[str]:
    """``document_runs`` of a source file."""
    return document_runs(parse_source(source))


def missing_in_order(text: str, runs: Iterable[str]) -> list[str]:
    """Each run not found after the previous one's match, saying if it is elsewhere (empty: all fine)."""
    haystack = normalise(text)
    position, problems = 0, []
    for run in runs:
        wanted = normalise(run)
        found = haystack.find(wanted, position)
        if found >= 0:
            position = found + len(wanted)
        elif wanted in haystack:
            problems.append(f"out of order: {run!r}")
        else:
            problems.append(f"missing: {run!r}")
    return problems
