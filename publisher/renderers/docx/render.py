"""The Word handout (.docx) that staff email to patients, built with python-docx.

Layout: title, subtitle and "Last reviewed" line; the introduction; a Heading 1
per section and a Heading 2 per question (bookmarked, so ``#id`` links and Word's
navigation pane find them); the link to the online FAQ and the disclaimer set apart
at the end. Header: the clinic's logo and name, and the title. Footer: the clinic's
contact line and "Page X of Y".

Helpers in this package, one job each: package (base document, properties,
reproducible zip), style_names, styles and look (styles), numbering (lists), page
(header, footer, paper), pictures (images, SVG), blocks and inlines (content) and
the context they share, links (URLs, bookmark names), xml (elements python-docx has
no API for); publisher.labels (wording).
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from pathlib import Path

from docx.document import Document as WordDocument
from docx.oxml.text.paragraph import CT_P

from publisher.direction import is_rtl
from publisher.facts import Facts
from publisher.labels import Labels, labels_for, split_placeholders
from publisher.model import Document, Entry, Inline, Link, Meta, Section, Text
from publisher.renderers import Rendered, Theme
from publisher.renderers.docx.blocks import BlockWriter
from publisher.renderers.docx.context import WordContext
from publisher.renderers.docx.links import bookmark_names
from publisher.renderers.docx.look import CODE_FONT, STANDARD, Look, default_styles
from publisher.renderers.docx.numbering import ListNumbering, clear_numbering, numbering_root
from publisher.renderers.docx.package import (
    build_time,
    clean_settings,
    declare_fonts,
    open_base,
    save_reproducibly,
    set_properties,
)
from publisher.renderers.docx.page import letterhead, set_up_page, text_width, write_footer, write_header
from publisher.renderers.docx.pictures import Pictures
from publisher.renderers.docx.rtl import make_right_to_left
from publisher.renderers.docx.style_names import Style
from publisher.renderers.docx.styles import install_styles, replace_doc_defaults, set_language
from publisher.renderers.docx.xml import add_bookmark, set_keep_lines
from publisher.resources import templates_dir

EMU_PER_TWIP = 635


def render_docx(document: Document, theme: Theme, look: Look = STANDARD) -> Rendered:
    """The Word handout of ``document`` as .docx bytes (the same input gives the same bytes).

    ``look`` is the standard one, or a variant's (``renderers/large``: large print).
    """
    meta, labels = document.meta, labels_for(document.meta.lang)
    from_reference = theme.docx_reference is not None
    word = open_base(theme.docx_reference)
    page = word.sections[-1]
    if not from_reference:
        set_up_page(page, theme.paper)
    numbering = prepare_numbering(word, from_reference)
    context = WordContext(
        part=word.part,
        styles=prepare_styles(word, theme, meta.lang, numbering, text_width(page), from_reference, look),
        bookmarks=bookmark_names(anchors(document)),
        text_width=text_width(page),
        source=document.source,
        pictures=Pictures(itertools.count(first_free_id(word)), svg_fonts(theme)),
        italics=look.italics,
    )
    writer = BlockWriter(context, numbering, word.element.body)
    write_content(writer, document, labels)
    write_alternatives(writer, theme.facts)
    write_edition(writer, theme.facts, labels)
    # A reference document's own letterhead or footer wins over ours.
    head = letterhead(meta.title, theme.brand, theme.facts.contact, labels)
    head = replace(head, edition=theme.facts.edition)
    write_header(page, head, context.styles, context.pictures, keep_existing=from_reference)
    write_footer(page, head, labels, context.styles, keep_existing=from_reference, points=look.footer_points)
    if is_rtl(meta.lang):
        make_right_to_left(word, meta.lang)
    clean_settings(word, meta.lang)
    declare_fonts(word, font_families(theme))
    when = build_time(theme.facts.date)
    set_properties(word, meta, theme.brand.name, when)
    return Rendered(save_reproducibly(word, when))


def write_content(writer: BlockWriter, document: Document, labels: Labels) -> None:
    """The body: title block, introduction, sections with their questions, closing block."""
    write_title_block(writer, document.meta, labels)
    writer.blocks(document.intro)
    for section in document.sections:
        write_section(writer, section)
    write_closing(writer, document.meta, labels)


def write_edition(writer: BlockWriter, facts: Facts, labels: Labels) -> None:
    """Last in the body: the numbered sources under a heading, then who reviewed this edition.

    The edition line itself ("Version 3 · Reviewed ...") is in the footer, on every page.
    """
    if facts.sources:
        writer.styled_paragraph(Style.HEADING_1, (Text(labels.sources),))
        writer.blocks((facts.sources,))
    if facts.reviewers:
        writer.styled_paragraph(Style.DATE, (Text(facts.reviewers),))


def prepare_numbering(word: WordDocument, from_reference: bool) -> ListNumbering:
    """Our list definitions, added to the reference's numbering or replacing the template's."""
    root = numbering_root(word.part)
    if not from_reference:
        clear_numbering(root)
    return ListNumbering(root)


def prepare_styles(
    word: WordDocument,
    theme: Theme,
    lang: str,
    numbering: ListNumbering,
    width: int,
    from_reference: bool,
    look: Look = STANDARD,
) -> dict[str, str]:
    """Install our styles (all of them, or only those the reference lacks), in ``look``; name -> id.

    ``width`` is the text width in EMU (the header's right tab stop).
    """
    root = word.styles.element
    brand = theme.brand
    if not from_reference:
        replace_doc_defaults(root, brand.base_font, look.body_points)
    specs = default_styles(brand, numbering.bullet_num, numbering.number_style_num, width // EMU_PER_TWIP)
    specs = [look.restyle(spec) for spec in specs]
    ids = install_styles(root, specs, replace=not from_reference)
    set_language(root, lang)
    return ids


def font_families(theme: Theme) -> dict[str, tuple[str, str]]:
    """Our styles' fonts with their family and a stand-in, for readers without them."""
    brand = theme.brand
    return {
        brand.base_font: ("swiss", "Arial"),
        brand.headings_font: ("swiss", "Arial"),
        CODE_FONT: ("modern", "Courier"),
    }


def svg_fonts(theme: Theme) -> tuple[Path, ...]:
    """The font files text inside an SVG image may use: the shipped fonts and the brand's."""
    shipped = sorted((templates_dir() / "fonts").glob("*.[ot]tf"))
    return (*shipped, *(face.path for face in theme.brand.fonts))


def anchors(document: Document) -> list[tuple[str, str]]:
    """Every bookmark target in document order: sections (``s_``) and questions (``q_``)."""
    found = []
    for section in document.sections:
        if section.title:
            found.append(("s_", section.id))
        found.extend(("q_", entry.id) for entry in section.entries)
    return found


def first_free_id(word: WordDocument) -> int:
    """The first drawing id no part of the base document uses (a reference's logo has one)."""
    used = [0]
    for part in word.part.package.iter_parts():
        element = getattr(part, "element", None)
        if element is not None:
            used.extend(int(v) for v in element.xpath("//@id") if v.isdigit())
    return max(used) + 1


def write_title_block(writer: BlockWriter, meta: Meta, labels: Labels) -> None:
    """Title, subtitle and the "Last reviewed" line."""
    writer.styled_paragraph(Style.TITLE, (Text(meta.title),))
    if meta.subtitle:
        writer.styled_paragraph(Style.SUBTITLE, (Text(meta.subtitle),))
    if meta.updated is not None:
        writer.styled_paragraph(Style.DATE, (Text(labels.reviewed_on(meta.updated)),))


def write_section(writer: BlockWriter, section: Section) -> None:
    """A bookmarked Heading 1 (when the section has a title), its introduction, then its questions."""
    if section.title:
        heading = writer.styled_paragraph(Style.HEADING_1, section.title)
        bookmark(writer, heading, section.id)
    writer.blocks(section.intro)
    for entry in section.entries:
        write_entry(writer, entry)


def write_entry(writer: BlockWriter, entry: Entry) -> None:
    """The question as a bookmarked Heading 2, then its answer, kept together."""
    heading = writer.styled_paragraph(Style.HEADING_2, entry.question)
    bookmark(writer, heading, entry.id)
    writer.blocks(entry.answer)
    # Heading 2 keeps with the next paragraph (its style); keeping that paragraph's
    # lines together stops a question from ending a page with one line of answer.
    first = heading.getnext()
    if first is not None and first.tag == heading.tag:
        set_keep_lines(first)


def bookmark(writer: BlockWriter, heading: CT_P, anchor_id: str) -> None:
    """Place the bookmark of ``anchor_id`` around a heading's text."""
    context = writer.context
    add_bookmark(heading, next(context.bookmark_ids), context.bookmarks[anchor_id])


def write_closing(writer: BlockWriter, meta: Meta, labels: Labels) -> None:
    """Where the FAQ lives online and the disclaimer, set apart in the Disclaimer style."""
    if meta.url:
        inlines: list[Inline] = []
        for piece in split_placeholders(labels.online, "url"):
            if piece == "{url}":
                inlines.append(Link(meta.url, (Text(meta.url),)))
            elif piece:
                inlines.append(Text(piece))
        writer.styled_paragraph(Style.DISCLAIMER, tuple(inlines))
    if meta.disclaimer:
        writer.styled_paragraph(Style.DISCLAIMER, meta.disclaimer)


def write_alternatives(writer: BlockWriter, facts: Facts) -> None:
    """ "Also available in large print and braille ..." at the very end (``publisher.alternatives``)."""
    if facts.alternatives:
        writer.styled_paragraph(Style.ALTERNATIVE_FORMATS, facts.alternatives.printed)
