"""Plain-language warnings: long answers and sentences, vague links, reading grade and jargon.

Thresholds follow plain-language guidance for patient information (NHS, PIF): a
sentence of at most 25 words, an answer a patient can take in (250 words), link text
that says where it goes, and a reading grade at or below the target (default 8).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from publisher import readability
from publisher.errors import Problem
from publisher.lint import Context
from publisher.model import Block, Entry, Heading, Link, Paragraph, Table
from publisher.text import block_text, inline_text
from publisher.walk import nested_blocks, nested_inlines

MAX_ANSWER_WORDS = 250
MAX_SENTENCE_WORDS = 25
DEFAULT_READING_GRADE = 8.0
MIN_SCORED_WORDS = 10
"""Shorter answers get no grade: a formula over one or two sentences says little."""
LONG_ADDRESS = 40
"""A link whose text is its own address longer than this reads as noise aloud."""
VAGUE_LINK_WORDING = (
    "click here|here|click|this link|link|read more|more|more info|more information|this page|this|"
    "find out more|learn more|aquí|haga clic aquí|pulse aquí|clic aquí|más|más información|este enlace|"
    "enlace|ici|cliquez ici|en savoir plus|plus|ce lien|lien|hier|hier klicken|klicken sie hier|mehr|"
    "mehr erfahren|weiterlesen|dieser link"
)
VAGUE_LINK_TEXT = frozenset(VAGUE_LINK_WORDING.split("|"))
"""Link text that means nothing out of context, in English, Spanish, French and German."""


def text_units(blocks: tuple[Block, ...]) -> Iterator[tuple[Block, str]]:
    """Each paragraph and sub-heading (in lists and quotes too) with its text: what is read as prose."""
    for block in nested_blocks(blocks):
        if isinstance(block, Paragraph | Heading):
            yield block, inline_text(block.children)


def long_answers(context: Context) -> list[Problem]:
    """An answer of more than MAX_ANSWER_WORDS words."""
    found = []
    for entry in context.document.entries:
        total = len(readability.words(block_text(entry.answer)))
        if total > MAX_ANSWER_WORDS:
            message = f"the answer is {total} words long, past {MAX_ANSWER_WORDS}: split it or cut it"
            found.append(context.warn(entry.line, 1, message))
    return found


def long_sentences(context: Context) -> list[Problem]:
    """A sentence of more than MAX_SENTENCE_WORDS words, at the line of its paragraph."""
    found = []
    for entry in context.document.entries:
        for block, text in text_units(entry.answer):
            for sentence in readability.sentences(text):
                total = len(readability.words(sentence))
                if total > MAX_SENTENCE_WORDS:
                    line = block.line or entry.line
                    message = f"a sentence of {total} words, past {MAX_SENTENCE_WORDS}: {quoted(sentence)}"
                    found.append(context.warn(line, 1, message))
    return found


def vague_links(context: Context) -> list[Problem]:
    """Link text that says nothing out of context ("click here"), or a long bare address."""
    found = []
    blocks = (*context.document.intro, *(b for e in context.document.entries for b in e.answer))
    for block in nested_blocks(blocks):
        children = inline_children(block)
        for link in (node for node in nested_inlines(children) if isinstance(node, Link)):
            text = " ".join(inline_text(link.children).split())
            message = link_problem(link, text)
            if message:
                line, col = locate(context, block.line, text)
                found.append(context.warn(line, col, message))
    return found


def inline_children(block: Block) -> tuple:
    """The inlines directly inside a block: a paragraph's or heading's, or every table cell's."""
    if isinstance(block, Paragraph | Heading):
        return block.children
    if isinstance(block, Table):
        return tuple(i for row in (block.header, *block.rows) for cell in row for i in cell.children)
    return ()


def link_problem(link: Link, text: str) -> str | None:
    """Why a link's text fails a reader of a list of links (a screen reader's), else None."""
    if text.lower().strip(" .:!»«\"'") in VAGUE_LINK_TEXT:
        return f"link text '{text}' says nothing out of context: name where the link goes"
    bare = re.sub(r"^(https?://)?(www\.)?", "", text.lower()).rstrip("/")
    address = re.sub(r"^(https?://)?(www\.)?", "", link.href.lower()).rstrip("/")
    if link.href.startswith(("http://", "https://")) and bare == address and len(text) > LONG_ADDRESS:
        return f"link text is the bare address ({len(text)} characters): give it words that say where it goes"
    return None


def locate(context: Context, line: int, text: str) -> tuple[int, int]:
    """The line and column of ``text`` at or after ``line`` (the block's line, column 1, when not found)."""
    if line and text:
        for number in range(line, min(line + 50, len(context.lines) + 1)):
            col = context.lines[number - 1].find(text)
            if col >= 0:
                return number, col + 1
    return line or 1, 1


def reading_grade(context: Context) -> list[Problem]:
    """An answer whose reading grade is above the target, with its score and longest sentence."""
    meta = context.document.meta
    target = meta.reading_grade or context.checks.reading_grade or DEFAULT_READING_GRADE
    found = []
    for entry in context.document.entries:
        summary = answer_readability(entry, meta.lang)
        if summary.grade is None or summary.grade <= target:
            continue
        message = (
            f"the answer reads at grade {summary.grade:.1f} ({summary.formula}), above the target of "
            f"{target:g}; its longest sentence: {quoted(summary.longest)}"
        )
        found.append(context.warn(entry.line, 1, message))
    return found


class Summary:
    """One answer's words, sentences, grade and longest sentence."""

    def __init__(self, counts: readability.Counts, score: readability.Score, longest: str):
        self.words, self.sentences = counts.words, counts.sentences
        self.formula, self.value = score.formula, score.value
        self.grade = score.grade if counts.words >= MIN_SCORED_WORDS else None
        self.longest = longest


def answer_readability(entry: Entry, lang: str) -> Summary:
    """The reading measures of one answer's prose (tables and code are not prose)."""
    units = [text for _, text in text_units(entry.answer)]
    counts = readability.count(units, lang)
    every = [sentence for unit in units for sentence in readability.sentences(unit)]
    longest = max(every, key=lambda s: len(readability.words(s)), default="")
    return Summary(counts, readability.score(counts, lang), longest)


def quoted(sentence: str, limit: int = 80) -> str:
    """A sentence in quotation marks, cut to ``limit`` characters."""
    text = " ".join(sentence.split())
    return f'"{text if len(text) <= limit else text[: limit - 1].rstrip() + "…"}"'


RULES = (long_answers, long_sentences, vague_links, reading_grade)
