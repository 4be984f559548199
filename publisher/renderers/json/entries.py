"""The entries as JSON, for a website's FAQ app or a chatbot.

The shape is described by the JSON Schema shipped as ``publisher/schemas/faq.schema.json``:
front matter values (absent ones are ``null``), the intro and disclaimer as HTML and plain
text, the titled sections (each with its own intro, or ``null``), and every entry with its
section's id, the question and the answer, each as HTML and plain text. Entries before
the first section heading have ``"section": null``.

Answer HTML is the same HTML the fragment uses, without the fragment's wrappers: headings
keep their source level (h3, h4), internal links stay ``#id`` (each entry also carries its
absolute ``url`` when the front matter names one), and images are embedded as data: URIs
so the JSON is self-contained like the fragment and needs no image files beside it.

Output is deterministic: fixed key order, UTF-8 (no ``\\u`` escapes), two-space indent
and a trailing newline.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from publisher.brand import Brand
from publisher.contact import CONTACT_KINDS, ContactItem
from publisher.languages import LanguageVersion
from publisher.model import Block, Document, Entry, Inline, Section
from publisher.renderers import Rendered, Theme
from publisher.renderers.html.nodes import HtmlRenderer
from publisher.text import block_text, inline_text

SCHEMA_PATH = Path(__file__).resolve().parent.parent.parent / "schemas" / "faq.schema.json"


def render_json(document: Document, theme: Theme) -> Rendered:
    """The document as indented UTF-8 JSON with a trailing newline."""
    data = entries_data(document, theme.brand, theme.facts.contact, theme.facts.languages)
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return Rendered((text + "\n").encode("utf-8"))


def entries_data(
    document: Document,
    brand: Brand | None = None,
    contact: tuple[ContactItem, ...] = (),
    languages: tuple[LanguageVersion, ...] = (),
) -> dict[str, Any]:
    """The document as plain data, in the order the schema lists the keys.

    ``contact`` is the clinic's details as every format shows them (``theme.facts.contact``).
    """
    meta = document.meta
    return {
        "title": meta.title,
        "subtitle": meta.subtitle or None,
        "lang": meta.lang,
        "updated": meta.updated.isoformat() if meta.updated else None,
        **governance_data(document, brand or Brand()),
        "url": meta.url or None,
        "languages": languages_data(languages),
        "intro": blocks_value(document.intro),
        "disclaimer": inlines_value(meta.disclaimer),
        "clinic": clinic_data(brand or Brand(), contact),
        "sections": [section_data(section) for section in document.sections if section.title],
        "entries": [
            entry_data(entry, section, meta.url) for section in document.sections for entry in section.entries
        ],
    }


def languages_data(languages: tuple[LanguageVersion, ...]) -> list[dict[str, Any]]:
    """Every language version of the FAQ (``theme.facts.languages``), the original first."""
    return [{"lang": v.lang, "dir": v.dir, "title": v.title, "url": v.url or None} for v in languages]


def governance_data(document: Document, brand: Brand) -> dict[str, Any]:
    """Edition, review dates, reviewers, author (the clinic by default) and sources."""
    meta = document.meta
    return {
        "version": meta.version or None,
        "review_by": meta.review_by.isoformat() if meta.review_by else None,
        "reviewed_by": list(meta.reviewed_by),
        "author": meta.author or brand.name or None,
        "sources": [
            {key: getattr(ref, key) or None for key in ("title", "author", "publisher", "year", "url")}
            for ref in meta.sources
        ],
    }


def clinic_data(brand: Brand, contact: tuple[ContactItem, ...]) -> dict[str, str | None] | None:
    """The clinic's name, site and contact details, or None when there are none."""
    details = {item.kind: item.text for item in contact}
    values = {
        "name": brand.name,
        "short_name": brand.short_name,
        "home": brand.home,
        **{kind: details.get(kind, "") for kind in CONTACT_KINDS},
    }
    if not any(values.values()):
        return None
    return {key: value or None for key, value in values.items()}


def section_data(section: Section) -> dict[str, Any]:
    """A titled section: its id, title as text and HTML, its introduction, and its questions' ids."""
    return {
        "id": section.id,
        "title": inline_text(section.title),
        "title_html": str(HtmlRenderer().inlines(section.title)),
        "intro": blocks_value(section.intro),
        "entries": [entry.id for entry in section.entries],
    }


def entry_data(entry: Entry, section: Section, base_url: str) -> dict[str, Any]:
    """One question and answer, each as plain text and HTML."""
    renderer = HtmlRenderer()
    return {
        "id": entry.id,
        "section": section.id or None,
        "url": f"{base_url.split('#', 1)[0]}#{entry.id}" if base_url else None,
        "question": inline_text(entry.question),
        "question_html": str(renderer.inlines(entry.question)),
        "answer_html": str(renderer.blocks(entry.answer)),
        "answer_text": block_text(entry.answer),
    }


def blocks_value(blocks: tuple[Block, ...]) -> dict[str, str] | None:
    """Blocks as ``{"html", "text"}``, or None when there are none."""
    if not blocks:
        return None
    return {"html": str(HtmlRenderer().blocks(blocks)), "text": block_text(blocks)}


def inlines_value(inlines: tuple[Inline, ...]) -> dict[str, str] | None:
    """Inlines as ``{"html", "text"}``, or None when there are none."""
    if not inlines:
        return None
    return {"html": str(HtmlRenderer().inlines(inlines)), "text": inline_text(inlines)}


def load_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that every ``render_json`` output satisfies."""
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
