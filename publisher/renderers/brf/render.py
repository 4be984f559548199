"""The braille file (BRF): a title page, then the FAQ, in the source language's braille code.

Sections are centred headings, questions cell-5 headings, answers paragraphs, lists and
listed tables (see ``layout`` and ``writer``); the disclaimer and the clinic's contact
details close the file. liblouis is loaded when this renders, never before.
"""

from __future__ import annotations

from publisher.labels import labels_for
from publisher.model import Document, Section
from publisher.renderers import Rendered, Theme
from publisher.renderers.brf.layout import (
    CONTINUATION,
    LogicalLine,
    brf_bytes,
    finished_pages,
    paginate,
    title_page,
)
from publisher.renderers.brf.louis import NO_CONTRACT, PLAIN
from publisher.renderers.brf.tables import Transcriber, table_for
from publisher.renderers.brf.words import words_for
from publisher.renderers.brf.writer import BrailleWriter, Run, framed


def render_brf(document: Document, theme: Theme) -> Rendered:
    """The document as a BRF file: 40 cells by 25 lines, North American Braille ASCII."""
    pages = braille_pages(document, theme)
    return Rendered(brf_bytes(pages), pages=len(pages))


def braille_pages(document: Document, theme: Theme) -> list[list[str]]:
    """Every page of the braille edition, its lines in Braille ASCII: the title page, then the FAQ."""
    table, own = table_for(document.meta.lang)
    writer = BrailleWriter(Transcriber(table), words_for(document.meta.lang))
    # UEB marks a word split over lines with its continuation indicator; other codes have none.
    split_mark = CONTINUATION if table.startswith("en-ueb") else ""
    front = title_page(*title_lines(document, theme, writer, own), split_mark=split_mark)
    body = paginate(body_lines(document, theme, writer), split_mark=split_mark)
    return finished_pages(front, body, lambda number: writer.transcriber.braille([(str(number), PLAIN)]))


def title_lines(
    document: Document, theme: Theme, writer: BrailleWriter, own: bool
) -> tuple[list[LogicalLine], list[LogicalLine]]:
    """The title page's top (title, subtitle, clinic, review date, address) and its notes."""
    meta, labels, words = document.meta, labels_for(document.meta.lang), words_for(document.meta.lang)
    top = centred(writer, meta.title)
    for text in (meta.subtitle, theme.brand.name):
        top += framed(centred(writer, text), blank_before=True)
    if meta.updated:
        top += framed(centred(writer, labels.reviewed_on(meta.updated)), blank_before=True)
    if meta.url:
        runs: list[Run] = [(labels.online_label + " ", PLAIN), (meta.url, NO_CONTRACT)]
        top += writer.lines(runs, 0, 2, blank_before=True)
    table = writer.transcriber.table
    before, _, after = words.produced.partition("{table}")
    notes = writer.lines([(before, PLAIN), (table.split(".")[0], NO_CONTRACT), (after, PLAIN)], 0, 2)
    if not own:
        notes = writer.lines([(words.fallback.format(lang=meta.lang), PLAIN)], 0, 2) + notes
    return top, notes


def centred(writer: BrailleWriter, text: str) -> list[LogicalLine]:
    """A centred line of plain text (none when the text is empty)."""
    if not text.strip():
        return []
    return [LogicalLine(writer.transcriber.braille([(text, PLAIN)]), centred=True)]


def body_lines(document: Document, theme: Theme, writer: BrailleWriter) -> list[LogicalLine]:
    """The introduction, every section and question, the disclaimer and the contact details."""
    lines = writer.blocks(document.intro)
    for section in document.sections:
        lines += section_lines(section, writer)
    if document.meta.disclaimer:
        lines += writer.lines(writer.inline.runs(document.meta.disclaimer), 2, 0, blank_before=True)
    return lines + contact_lines(document, theme, writer) + edition_lines(document, theme, writer)


def section_lines(section: Section, writer: BrailleWriter) -> list[LogicalLine]:
    """A section: its centred heading and introduction, then each question in cell 5 with its answer."""
    lines: list[LogicalLine] = []
    if section.title:
        heading = LogicalLine(writer.transcriber.braille(writer.inline.runs(section.title)), centred=True)
        lines += framed([heading], blank_before=True, blank_after=True, heading=True)
    lines += writer.blocks(section.intro)
    for entry in section.entries:
        lines += writer.lines(writer.inline.runs(entry.question), 4, 4, blank_before=True, heading=True)
        lines += writer.blocks(entry.answer)
    return lines


def contact_lines(document: Document, theme: Theme, writer: BrailleWriter) -> list[LogicalLine]:
    """The clinic's contact details (``theme.facts.contact``) as "label: value" lines under a heading."""
    lines = []
    for item in theme.facts.contact:
        # Numbers and addresses are read character by character: never contracted.
        form = NO_CONTRACT if item.kind in ("phone", "email") else PLAIN
        lines += writer.lines([(f"{item.label}: ", PLAIN), (" ".join(item.text.split()), form)], 0, 2)
    if not lines:
        return []
    contact = labels_for(document.meta.lang).contact
    heading = LogicalLine(writer.transcriber.braille([(contact, PLAIN)]), centred=True)
    return framed([heading], blank_before=True, blank_after=True, heading=True) + lines


def edition_lines(document: Document, theme: Theme, writer: BrailleWriter) -> list[LogicalLine]:
    """The closing lines: the numbered sources under a heading, the edition line and the reviewers."""
    facts, lines = theme.facts, []
    if facts.sources:
        label = labels_for(document.meta.lang).sources
        heading = LogicalLine(writer.transcriber.braille([(label, PLAIN)]), centred=True)
        lines += framed([heading], blank_before=True, blank_after=True, heading=True)
        lines += writer.blocks((facts.sources,))
    for text in (facts.edition, facts.reviewers):
        if text:
            lines += writer.lines([(text, PLAIN)], 0, 2, blank_before=True)
    return lines
