"""The HTML fragment a clinic pastes into its website (Wix, WordPress, Squarespace ...).

One root ``<div class="faqp" lang=...>`` holds an inline stylesheet whose every rule is
scoped under ``.faqp``, the title block, each question as ``<details>``/``<summary>``,
the disclaimer, an optional script that opens a question named in the URL, and optional
schema.org FAQPage JSON-LD. Nothing is loaded from elsewhere: images are data: URIs.

Heading levels assume the host page owns the ``<h1>``: the title is an ``<h2>``,
section headings ``<h3>``, questions ``<h4>`` inside their ``<summary>`` (``<h3>`` for
questions before the first section), and answer sub-headings are shifted below those.

Safety: Jinja2 autoescapes every template whatever its name; the only strings marked
safe are the HtmlRenderer's output from the typed model, the shipped CSS and script,
the brand's CSS values after they are checked, and JSON escaped for a script element.
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from publisher.alternatives import statement_language
from publisher.brand import FONT_FAMILY, Brand
from publisher.colors import CSS_COLOUR
from publisher.direction import is_rtl
from publisher.errors import RenderError
from publisher.labels import labels_for
from publisher.languages import LanguageVersion
from publisher.model import IMAGE_TYPES, Block, Document, Section, Table
from publisher.renderers import Rendered, Theme
from publisher.renderers.html.jsonld import faq_page, script_json
from publisher.renderers.html.nodes import HtmlRenderer
from publisher.resources import templates_dir
from publisher.text import inline_text

ROOT_CLASS = "faqp"
TITLE_LEVEL = 2
# Brand values end up inside <style>, where nothing is escaped: accept only plain shapes.
# After the system's text font, its emoji and symbol fonts, so emoji (and symbols the text
# font lacks) show in colour on Windows, macOS, Android and Linux alike.
FALLBACK_FONTS = (
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif, '
    '"Apple Color Emoji", "Segoe UI Emoji", "Segoe UI Symbol", "Noto Color Emoji"'
)


class FragmentRenderer(HtmlRenderer):
    """Answer HTML for the fragment: each table sits in a labelled, scrollable region.

    The region scrolls sideways instead of the page on a narrow phone, and takes
    keyboard focus so it can be scrolled without a mouse (WCAG 2.1.1).
    """

    def __init__(self, heading_offset: int, table_label: str, isolate_ltr: bool = False):
        super().__init__(heading_offset=heading_offset)
        self.table_label = table_label
        self.isolate_ltr = isolate_ltr
        self.tables = 0

    def visit_table(self, node: Table) -> str:
        self.tables += 1
        # Number the second and later tables so region names stay unique.
        label = self.table_label if self.tables == 1 else f"{self.table_label} ({self.tables})"
        wrapper = f'<div class="{ROOT_CLASS}-table" role="region" tabindex="0" aria-label="{escape(label)}">'
        return f"{wrapper}\n{super().visit_table(node)}\n</div>"


@dataclass(frozen=True)
class EntryView:
    """What the template needs of one question."""

    id: str
    level: int
    question: Markup
    answer: Markup


@dataclass(frozen=True)
class SectionView:
    """What the template needs of one section (``title`` empty when untitled)."""

    id: str
    title: Markup
    entries: tuple[EntryView, ...]
    intro: Markup = Markup("")
    """The blocks between the section heading and its first question."""


def render_html(document: Document, theme: Theme) -> Rendered:
    """The fragment as UTF-8 bytes, ending with a newline."""
    template = environment().get_template("fragment.html.j2")
    return Rendered(template.render(fragment_context(document, theme)).encode("utf-8"))


@functools.cache
def environment() -> Environment:
    """Jinja2 over ``templates/fragment``, autoescaping every template whatever its name.

    Built once per process: watch and preview render on every save, and compiling the
    template took 23 ms of each. Jinja reloads a template whose file changed.
    """
    return Environment(
        loader=FileSystemLoader(templates_dir() / "fragment"),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def fragment_context(document: Document, theme: Theme) -> dict[str, Any]:
    """Every value the template uses, with HTML already rendered from the model."""
    meta = document.meta
    rtl = is_rtl(meta.lang)
    plain = inline_renderer(rtl)
    return {
        "root_class": ROOT_CLASS,
        "lang": meta.lang,
        "dir": "rtl" if rtl else "",
        "languages": other_languages(theme),
        "css": stylesheet(theme.brand),
        "logo": logo(theme),
        "title_level": TITLE_LEVEL,
        "title": meta.title,
        "subtitle": meta.subtitle,
        "updated": meta.updated.isoformat() if meta.updated else "",
        "reviewed": reviewed_label(meta.lang, meta.updated) if meta.updated else {},
        "intro": blocks_html(document.intro, 0, meta.title, rtl),
        "sections": tuple(section_view(section, rtl) for section in document.sections),
        "disclaimer": plain.inlines(meta.disclaimer),
        "edition": edition_view(document, theme),
        "alternatives": alternatives_view(document, theme),
        "script": Markup(shipped_text("reveal.js", ("</script", "<!--"))) if theme.script else "",
        "jsonld": Markup(script_json(faq_page(document, theme.brand.name))) if theme.jsonld else "",
    }


def section_view(section: Section, rtl: bool = False) -> SectionView:
    """A section with its questions; questions before any section heading sit one level higher."""
    level = TITLE_LEVEL + 2 if section.title else TITLE_LEVEL + 1
    plain = inline_renderer(rtl)
    entries = tuple(
        EntryView(
            entry.id,
            level,
            plain.inlines(entry.question),
            # Answer sub-headings (### and ####) nest under the question's own level.
            blocks_html(entry.answer, level - 2, inline_text(entry.question), rtl),
        )
        for entry in section.entries
    )
    # The introduction's ### headings nest under the section heading (level TITLE_LEVEL + 1).
    intro = blocks_html(section.intro, TITLE_LEVEL - 1, inline_text(section.title), rtl)
    return SectionView(section.id, plain.inlines(section.title), entries, intro)


def blocks_html(
    blocks: tuple[Block, ...], heading_offset: int, table_label: str, rtl: bool = False
) -> Markup:
    """Blocks rendered for the fragment; tables are named after ``table_label``.

    Right to left, numbers and addresses holding separators are ``<span dir="ltr">`` (the
    same runs the leaflet isolates, ``publisher.direction``): a browser would show
    "555 0123" as "0123 555" otherwise.
    """
    return FragmentRenderer(heading_offset, table_label, rtl).blocks(blocks)


def inline_renderer(rtl: bool) -> HtmlRenderer:
    """A renderer for questions, titles and the disclaimer, isolating left-to-right runs when ``rtl``."""
    renderer = HtmlRenderer()
    renderer.isolate_ltr = rtl
    return renderer


def other_languages(theme: Theme) -> tuple[LanguageVersion, ...]:
    """The FAQ's other language versions that say where they live online (``url``), to link to.

    The fragment is pasted into pages whose addresses we do not know: without a ``url`` no link.
    """
    return tuple(v for v in theme.facts.languages if not v.current and v.url)


def primary_language(lang: str) -> str:
    """The language subtag of a BCP 47 tag, lower case (``es`` for ``es-MX``)."""
    return lang.split("-", 1)[0].lower()


def edition_view(document: Document, theme: Theme) -> dict[str, Any]:
    """The fragment's end: the numbered sources, the edition line and the reviewers (from the facts)."""
    facts, lang = theme.facts, document.meta.lang
    labels = labels_for(lang)
    sources = blocks_html((facts.sources,), TITLE_LEVEL - 1, labels.sources) if facts.sources else ""
    return {
        "line": facts.edition,
        "reviewers": facts.reviewers,
        "sources_heading": labels.sources,
        "sources": sources,
        "lang": "" if labels.lang == primary_language(lang) else labels.lang,
    }


def alternatives_view(document: Document, theme: Theme) -> dict[str, Any]:
    """ "Also available in large print (PDF) ...", linking to the files the front matter names."""
    statement = theme.facts.alternatives
    if statement is None:
        return {"html": "", "lang": ""}
    own = statement_language(labels_for(document.meta.lang))
    lang = "" if own == primary_language(document.meta.lang) else own
    return {"html": HtmlRenderer().inlines(statement.web), "lang": lang}


def reviewed_label(lang: str, updated: dt.date) -> dict[str, str]:
    """ "Last reviewed <date>" in the fragment's language; ``lang`` set when English stands in."""
    labels = labels_for(lang)
    own = "" if labels.lang == primary_language(lang) else labels.lang
    return {"text": labels.reviewed, "date": labels.format_date(updated), "lang": own}


def stylesheet(brand: Brand) -> Markup:
    """The brand's custom properties on the root, then the shipped stylesheet."""
    return Markup(brand_properties(brand) + "\n" + shipped_text("fragment.css", ("</",)))


def brand_properties(brand: Brand) -> str:
    """A ``.faqp`` rule setting the brand's colours and fonts as custom properties."""
    colours = {
        "primary": brand.primary,
        "secondary": brand.secondary,
        "fg": brand.foreground,
        "bg": brand.background,
    }
    lines = [f"  --{ROOT_CLASS}-{name}: {checked_colour(value)};" for name, value in colours.items()]
    lines.append(f"  --{ROOT_CLASS}-font: {web_font_stack(brand.base_font)};")
    lines.append(f"  --{ROOT_CLASS}-heading-font: {web_font_stack(brand.headings_font)};")
    return f".{ROOT_CLASS} {{\n" + "\n".join(lines) + "\n}"


def checked_colour(value: str) -> str:
    """A colour value that cannot break out of its declaration, or RenderError."""
    if not CSS_COLOUR.fullmatch(value.strip()):
        raise RenderError(f"brand colour {value!r} is not a CSS colour such as #1d4f73")
    return value.strip()


def web_font_stack(name: str) -> str:
    """The fragment's font stack: the brand font, then fonts every visitor already has.

    Nothing is downloaded (the PDF's, which embeds its fonts, is ``print_font_stack``).
    """
    if not name.strip():
        return FALLBACK_FONTS
    if not FONT_FAMILY.fullmatch(name.strip()):
        raise RenderError(f"brand font {name!r} must be a font family name (letters, digits, spaces)")
    return f'"{name.strip()}", {FALLBACK_FONTS}'


def shipped_text(name: str, forbidden: tuple[str, ...]) -> str:
    """A shipped CSS or script file, checked not to hold text that would end its element early."""
    text = (templates_dir() / "fragment" / name).read_text(encoding="utf-8").strip()
    for needle in forbidden:
        if needle in text.lower():
            raise RenderError(f"shipped file {name} must not contain {needle!r}")
    return text


def logo(theme: Theme) -> dict[str, str] | None:
    """The brand logo as a data: URI and its alt text, when asked for and available."""
    brand = theme.brand
    if not (theme.logo and brand.logo):
        return None
    media_type = IMAGE_TYPES.get(brand.logo.suffix.lower())
    if media_type is None:
        raise RenderError(f"logo {brand.logo} must be a PNG, JPEG or SVG file")
    try:
        payload = base64.b64encode(brand.logo.read_bytes()).decode("ascii")
    except OSError as error:
        raise RenderError(f"cannot read logo {brand.logo}: {error.strerror}") from None
    return {"src": f"data:{media_type};base64,{payload}", "alt": brand.name or brand.short_name}
