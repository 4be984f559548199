"""The print HTML: the clinic's FAQ laid into Jinja2 templates for WeasyPrint.

Kept apart from the WeasyPrint call so ``--keep-html`` and the golden tests do not
need WeasyPrint at all. Templates live in ``templates/print/``; every one of them is
autoescaped whatever its name, and values that end up inside the ``<style>`` element
go through the CSS filters below (HTML escaping means nothing inside ``<style>``).
"""

from __future__ import annotations

import math
import re
from dataclasses import fields, replace
from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from publisher.brand import FONT_STYLES
from publisher.colors import CSS_COLOUR
from publisher.direction import is_ltr_run, is_rtl, isolate_ltr_runs, text_direction
from publisher.errors import RenderError
from publisher.labels import Labels, labels_for
from publisher.link_address import bare_url, iri, printed_address
from publisher.model import (
    Block,
    Code,
    CodeBlock,
    Document,
    Entry,
    Image,
    Link,
    List,
    Meta,
    Paragraph,
    Section,
    Table,
    Text,
)
from publisher.renderers import Rendered, Theme
from publisher.renderers.html.nodes import HtmlRenderer, data_uri
from publisher.renderers.pdf.address_text import address_breaks
from publisher.renderers.pdf.contact import contact_block
from publisher.renderers.pdf.views import PrintEntry, PrintSection, PrintView
from publisher.renderers.pdf.wide import column_runs, has_wide_table, is_cramped, is_long
from publisher.resources import templates_dir
from publisher.text import block_text, inline_text
from publisher.typography import is_phone_number
from publisher.walk import answer_blocks, block_inlines, nested_blocks, nested_inlines

PAPER_SIZES = {"a4": "A4", "letter": "letter"}
CHARS_PER_LINE = 45
"""About how many characters of 12pt Inter fit on a line of one column."""
SHORT_ANSWER_LINES = 8
"""Answers up to this many lines are kept whole in one column, never split."""
SHIPPED_FONT = "Inter"
LONG_RUN = re.compile(r"\S{41,}")
"""Characters without a space, about as many as a line of a column holds."""
RUN_PIECE = 15
ZERO_WIDTH_SPACE = "\u200b"
WEB_ADDRESS_TEXT = re.compile(r"(?:https?://)?[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}(?:/\S*)?", re.IGNORECASE)
"""Link text that reads as a web address (``clinic.example/booking``): printed as one."""
FONT_FORMATS = {".ttf": "truetype", ".otf": "opentype", ".woff": "woff", ".woff2": "woff2"}


class PrintRenderer(HtmlRenderer):
    """Answer HTML for paper: links also print their address, since paper cannot be clicked.

    The address follows the link in a ``<span class="address">``, a link of its own (so
    it is clickable in the PDF too); it is left out when the reader already sees it: an
    internal ``#id`` link, a URL or email address that is the link's own text, or a
    ``tel:`` link whose text already holds digits (it is the number, however spaced).
    """

    def __init__(self) -> None:
        # Answer sub-headings (### and ####) sit under the question's <h3>. Images stay
        # data: URIs (the default): WeasyPrint names a picture in the PDF after its URL,
        # so a file: URL would make the bytes depend on where the checkout is.
        super().__init__(heading_offset=1)

    def visit_paragraph(self, node: Paragraph) -> str:
        # A picture on its own is a figure: set apart, as wide as the column at most, and
        # its title (invisible on paper as a tooltip) printed as a caption.
        image = node.children[0] if is_picture(node) else None
        if isinstance(image, Image):
            caption = f"\n<figcaption>{escape(image.title)}</figcaption>" if image.title else ""
            return f'<figure class="picture">\n{self.visit_image(image)}{caption}\n</figure>'
        return super().visit_paragraph(node)

    def visit_text(self, node: Text) -> str:
        text = breakable(node.text)
        return str(isolate_ltr_runs(text) if self.isolate_ltr else escape(text))

    def visit_code(self, node: Code) -> str:
        return f"<code>{escape(breakable(node.text))}</code>"

    def visit_code_block(self, node: CodeBlock) -> str:
        return f"<pre><code>{escape(breakable(node.text))}</code></pre>"

    def visit_link(self, node: Link) -> str:
        title = f' title="{escape(node.title)}"' if node.title else ""
        opening = f'<a href="{escape(node.href)}"{title}>'
        text = inline_text(node.children)
        is_address = [type(c) for c in node.children] == [Text] and looks_like_address(text, node.href)
        shown = escape(address_breaks(iri(text))) if is_address else self.inlines(node.children)
        # Right to left, a link that is an address or a number keeps its order in a
        # link set dir="ltr" (not a span inside it: that would get an annotation of its own).
        ltr_link = self.isolate_ltr and (is_address or is_ltr_run(text))
        if ltr_link and not is_address:
            shown = escape(breakable(text))
        link = f"{opening}{shown}</a>"
        link = link.replace("<a ", '<a dir="ltr" ', 1) if ltr_link else link
        if node.href.startswith("tel:") and is_phone_number(text):
            link = link.replace("<a ", '<a class="phone" ', 1)  # never broken (print.css)
        address = printed_address(node)
        if not address:
            return link
        # The printed address is a link of its own, outside the first: WeasyPrint gives a
        # box inside a link (a <span>) its own annotation, outside any Link structure element.
        printed = escape(address if node.href.startswith("tel:") else address_breaks(address))
        ltr = ' dir="ltr"' if self.isolate_ltr else ""
        return f'{link} <span class="address">(<a{ltr}{opening[2:]}{printed}</a>)</span>'

    def visit_table(self, node: Table) -> str:
        # A long table may split between rows (print.css), its header row repeated; a
        # cramped one breaks words anywhere in a smaller font rather than run off the page.
        html = super().visit_table(node)
        marks = (("long", is_long(node)), ("cramped", is_cramped(node)))
        classes = " ".join(name for name, on in marks if on)
        return html.replace("<table>", f'<table class="{classes}">', 1) if classes else html

    def visit_list(self, node: List) -> str:
        html = super().visit_list(node)
        if node.ordered and node.start != 1:
            # WeasyPrint 70 ignores <ol start>; resetting the list-item counter does the same.
            opening = f'<ol start="{node.start}">'
            html = (
                f'<ol start="{node.start}" style="counter-reset: list-item {node.start - 1}">'
                + html.removeprefix(opening)
            )
        return html


def breakable(text: str) -> str:
    """Text with a place to break every RUN_PIECE characters of a run longer than a column.

    WeasyPrint breaks a long word or address only with ``overflow-wrap: anywhere``, and
    lays that out in time quadratic in its length (a 1,000-character address took 27 s);
    without it the run is clipped at the page edge. A zero-width space is invisible in
    print and gives Pango an ordinary break.
    """

    def pieces(match: re.Match[str]) -> str:
        run = match.group()
        return ZERO_WIDTH_SPACE.join(run[i : i + RUN_PIECE] for i in range(0, len(run), RUN_PIECE))

    return LONG_RUN.sub(pieces, text)


def looks_like_address(text: str, href: str) -> bool:
    """True for a link's text that is a web address (its own or another), printed as one."""
    return text in (href, iri(href), bare_url(href), iri(bare_url(href))) or (
        href.startswith(("http://", "https://")) and bool(WEB_ADDRESS_TEXT.fullmatch(text))
    )


def printed_url(url: str) -> str:
    """A web address as the leaflet prints it: bare, decoded, breaking only between its parts."""
    return address_breaks(iri(bare_url(url)))


def css_string(value: str) -> Markup:
    """A CSS string literal, safe inside ``<style>`` (no quote, backslash or ``</style>`` breakout)."""
    escaped = "".join(ch if ch.isalnum() or ch in " -_.,:;!?()'&" else f"\\{ord(ch):x} " for ch in value)
    return Markup(f'"{escaped}"')


def css_colour(value: str) -> Markup:
    """A brand colour, accepted only as a hex or named colour so it cannot inject CSS."""
    if not CSS_COLOUR.fullmatch(value):
        raise RenderError(f"brand colour {value!r} is not a hex colour (#1d4f73) or a colour name")
    return Markup(value)


def css_url(path: Path) -> Markup:
    """A CSS ``url()`` of a local file; ``as_uri`` percent-encodes quotes, so nothing breaks out."""
    uri = path.resolve().as_uri()
    if re.search(r"[\"'\\\s<>()]", uri):
        raise RenderError(f"cannot refer to {path} from the stylesheet")
    return Markup(f'url("{uri}")')


def font_format(path: Path) -> Markup:
    """The CSS ``format()`` hint of a font file, from its extension."""
    return css_string(FONT_FORMATS.get(path.suffix.lower(), "opentype"))


def css_font_style(value: str) -> Markup:
    """A brand font's style, accepted only as a CSS keyword so it cannot inject CSS."""
    if value not in FONT_STYLES:
        raise RenderError(f"font style {value!r} must be one of {', '.join(FONT_STYLES)}")
    return Markup(value)


def page_counter(label: str, style: str = "decimal") -> Markup:
    """CSS ``content`` for a label such as "Page {page} of {pages}", numbers in a counter ``style``."""
    parts = re.split(r"(\{pages?\})", label)
    shown = "" if style == "decimal" else f", {css_identifier(style)}"
    tokens = {"{page}": f"counter(page{shown})", "{pages}": f"counter(pages{shown})"}
    return Markup(" ".join(tokens.get(part) or css_string(part) for part in parts if part))


def css_identifier(value: str) -> str:
    """A counter style name, accepted only as letters and hyphens so it cannot inject CSS."""
    if not re.fullmatch(r"[a-z][a-z-]*", value):
        raise RenderError(f"counter style {value!r} is not a CSS identifier")
    return value


def ltr_in_rtl(lang: str) -> Markup:
    """`` dir="ltr"`` for an address or number shown in a right-to-left document, else nothing."""
    return Markup(' dir="ltr"' if is_rtl(lang) else "")


def is_short(entry: Entry) -> bool:
    """True for an answer short enough to keep whole rather than split across columns.

    That is up to ``SHORT_ANSWER_LINES`` lines of text and at most one picture: even the
    tallest picture the stylesheet allows still fits a column with that much text.
    """
    text = block_text(block for block in entry.answer if not is_picture(block))
    lines = sum(max(1, math.ceil(len(line) / CHARS_PER_LINE)) for line in text.splitlines())
    # The addresses printed after links take lines too (WeasyPrint took 27 s to keep a
    # 1,000-character one whole in a column).
    printed = sum(len(printed_address(i)) for i in block_inlines(entry.answer) if isinstance(i, Link))
    lines += printed // CHARS_PER_LINE
    pictures = sum(isinstance(inline, Image) for inline in block_inlines(entry.answer))
    return lines <= SHORT_ANSWER_LINES and pictures <= 1


def is_picture(block: Block) -> bool:
    """True for a paragraph that holds nothing but one image (printed as a figure)."""
    return isinstance(block, Paragraph) and len(block.children) == 1 and isinstance(block.children[0], Image)


def print_font_stack(family: str) -> Markup:
    """The PDF's font stack: a brand font family, then the shipped font (it has every weight we use).

    Only embedded fonts: WeasyPrint sees no system font (the fragment's is ``web_font_stack``).
    """
    names = dict.fromkeys((family, SHIPPED_FONT))
    return Markup(", ".join(css_string(name) for name in names))


def has_code(document: Document) -> bool:
    """True when the text holds code, which needs the shipped monospace font."""
    blocks = answer_blocks(document)
    inlines = [*document.meta.disclaimer, *(i for e in document.entries for i in e.question)]
    return any(isinstance(b, CodeBlock) for b in nested_blocks(blocks)) or any(
        isinstance(i, Code) for i in (*block_inlines(blocks), *nested_inlines(inlines))
    )


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The Jinja2 environment for ``templates/print/`` (built once per process)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir() / "print"),
        autoescape=True,  # every template, whatever its suffix
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        bare_url=printed_url,
        breakable=breakable,
        css_string=css_string,
        css_colour=css_colour,
        css_font_style=css_font_style,
        css_url=css_url,
        font_format=font_format,
        print_font_stack=print_font_stack,
        page_counter=page_counter,
        text_direction=text_direction,
        ltr_in_rtl=ltr_in_rtl,
    )
    return env


def render_print_html(document: Document, theme: Theme) -> Rendered:
    """The print HTML as UTF-8 bytes (``--keep-html`` writes it as ``X.print.html``)."""
    return Rendered(print_html(document, theme).encode("utf-8"))


def print_html(document: Document, theme: Theme, closing_in_columns: bool = False) -> str:
    """The print HTML of a document, as WeasyPrint will lay it out.

    ``closing_in_columns`` puts the closing block at the end of the last column instead
    of across the page after the columns (render.py tries it when the block sits alone).
    """
    view = replace(print_view(document, theme), closing_in_columns=closing_in_columns)
    context = {field.name: getattr(view, field.name) for field in fields(view)}
    return environment().get_template("leaflet.html.j2").render(context)


def print_view(document: Document, theme: Theme) -> PrintView:
    """What the templates show of a document, with its HTML made from the model."""
    meta, brand = document.meta, theme.brand
    labels = labels_for(meta.lang)
    html = PrintRenderer()
    html.isolate_ltr = is_rtl(meta.lang)
    runs = column_runs(tuple(section_view(section, html, theme.paper) for section in document.sections))
    return PrintView(
        lang=meta.lang,
        title=meta.title,
        subtitle=meta.subtitle,
        url=meta.url,
        updated=meta.updated.isoformat() if meta.updated else "",
        reviewed=labels.format_date(meta.updated) if meta.updated else "",
        intro=html.blocks(document.intro),
        disclaimer=html.inlines(meta.disclaimer),
        runs=runs,
        switches=any(run.wide for run in runs),
        closing_in_columns=False,
        brand=brand,
        logo=data_uri(Image(brand.logo.name, "", brand.logo)) if brand.logo else "",
        # The logo stands for the clinic's name; "Logo" (the same word in our four
        # languages) only for a brand with a logo and no name, since PDF/UA needs some alt.
        logo_alt=brand.name or brand.short_name or "Logo",
        contact=contact_block(document, brand, theme.facts.contact, labels),
        labels=labels,
        paper=PAPER_SIZES[theme.paper],
        stylesheets=tuple(stylesheet_urls(document)),
        alternatives=alternatives_html(theme, html),
        edition=months_kept_whole(theme.facts.edition, meta, labels),
        reviewers=theme.facts.reviewers,
        sources=html.blocks((theme.facts.sources,)) if theme.facts.sources else Markup(""),
    )


def months_kept_whole(edition: str, meta: Meta, labels: Labels) -> str:
    """The edition line with its review months unbreakable ("marzo 2029" is never split over two lines)."""
    for day in (meta.updated, meta.review_by):
        if day:
            month = labels.format_month(day)
            edition = edition.replace(month, month.replace(" ", "\u00a0"))
    return edition


def alternatives_html(theme: Theme, html: PrintRenderer) -> Markup:
    """ "Also available in large print and braille ..." (``publisher.alternatives``), or ""."""
    statement = theme.facts.alternatives
    return html.inlines(statement.printed) if statement else Markup("")


def section_view(section: Section, html: PrintRenderer, paper: str) -> PrintSection:
    """A section and its questions, their HTML made and each answer's length and width judged."""
    # Questions outside any section are <h2> (_section.html.j2): no heading level skipped (PDF/UA).
    html.heading_offset = 1 if section.title else 0
    entries = tuple(
        PrintEntry(
            entry.id,
            html.inlines(entry.question),
            html.blocks(entry.answer),
            is_short(entry),
            has_wide_table(entry, paper),
        )
        for entry in section.entries
    )
    return PrintSection(section.id, html.inlines(section.title), entries, intro=html.blocks(section.intro))


def stylesheet_urls(document: Document) -> list[str]:
    """Absolute ``file:`` URLs of the stylesheets, so the kept HTML also opens in a browser."""
    folder = templates_dir() / "print"
    names = ["print.css", "code.css"] if has_code(document) else ["print.css"]
    return [(folder / name).as_uri() for name in names]
