"""Telling patients about the other formats: "This leaflet is also available in large print ...".

The NHS Accessible Information Standard asks that patients with sight loss learn that
information comes in formats they can read. The statement is worked out once per source
(``publisher.facts``) and every format that shows it (the leaflet, the handout, the web
fragment) prints the same words from ``publisher.labels``.

Two front matter keys control it:

- ``alternative_formats``: ``false`` leaves the statement out; a list (``[large print,
  braille]``) names the formats it offers, and shows it even without a phone number.
  Unset, the statement names large print and braille, and appears only when the clinic's
  brand file gives a phone number (or the FAQ links to its alternative files): a FAQ
  with neither belongs to no clinic a patient could ask.
- ``alternative_links``: addresses of the alternative files (``large-pdf``, ``brf`` ...),
  linked from the web fragment after the format's name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from publisher.addresses import shorten, web_address_problem
from publisher.contact import ContactItem
from publisher.labels import FORMAT_NAMES, Labels
from publisher.model import Inline, Link, Meta, Text

FORMAT_KINDS = ("large print", "braille", "audio", "easy read")
"""The formats the statement may name, in the order it names them."""
DEFAULT_KINDS = ("large print", "braille")
"""What the publisher itself makes (``-f large-pdf``, ``-f brf``): named when the front matter is silent."""
LINK_KINDS = {
    "large-pdf": ("large print", "PDF"),
    "large-docx": ("large print", "Word"),
    "brf": ("braille", "BRF"),
    "pef": ("braille", "PEF"),
    "audio": ("audio", "MP3"),
    "easy-read": ("easy read", "PDF"),
}
"""``alternative_links`` keys: the format each file is in, and the link's text in the fragment."""
FORMATS_KEY = "alternative_formats"
LINKS_KEY = "alternative_links"
KEYS = (FORMATS_KEY, LINKS_KEY)


@dataclass(frozen=True)
class Statement:
    """The statement as model inlines, so each renderer writes it as it writes an answer."""

    printed: tuple[Inline, ...]
    """For paper (the leaflet and the handout): the phone number is a ``tel:`` link."""
    web: tuple[Inline, ...]
    """For the fragment: each format's name followed by links to its files, when given."""


def statement_language(labels: Labels) -> str:
    """The language the statement is written in: the labels', or English where they have no wording."""
    return labels.lang if labels.lang in FORMAT_NAMES else "en"


def front_matter_problem(key: str, value: Any) -> str | None:
    """Why ``alternative_formats`` or ``alternative_links`` has the wrong shape, or None."""
    if key == FORMATS_KEY:
        return formats_problem(value)
    if not isinstance(value, dict) or not value:
        return f"'{LINKS_KEY}' must be lines such as 'large-pdf: https://clinic.example/faq.large.pdf'"
    for name, url in value.items():
        if name not in LINK_KINDS:
            return f"'{LINKS_KEY}' cannot name '{shorten(str(name))}'; it may name {', '.join(LINK_KINDS)}"
        problem = web_address_problem(url) if isinstance(url, str) else "it is not text"
        if problem:
            return f"'{LINKS_KEY}' of '{name}' must be an http:// or https:// address: {problem}"
    return None


def formats_problem(value: Any) -> str | None:
    """Why an ``alternative_formats`` value is neither ``false`` nor a list of known formats, or None."""
    if value is False:
        return None
    usage = f"'{FORMATS_KEY}' must be false or a list such as [large print, braille]"
    if not isinstance(value, list) or not value:
        return usage
    for item in value:
        if not isinstance(item, str) or item.strip().lower() not in FORMAT_KINDS:
            shown = shorten(str(item))
            return f"'{FORMATS_KEY}' cannot name '{shown}'; it may name {', '.join(FORMAT_KINDS)}"
    return None


def front_matter_value(key: str, value: Any) -> tuple:
    """A checked value as ``Meta`` holds it: format kinds in our order, or (key, url) pairs."""
    if key == FORMATS_KEY:
        named = {str(item).strip().lower() for item in value or ()}
        return tuple(kind for kind in FORMAT_KINDS if kind in named)
    return tuple((name, value[name].strip()) for name in LINK_KINDS if name in value)


def conflict(values: dict[str, Any]) -> str | None:
    """Why the two keys disagree (links to files the statement is told not to mention), or None."""
    if values.get(FORMATS_KEY) == () and values.get(LINKS_KEY):
        return f"'{LINKS_KEY}' is given but '{FORMATS_KEY}' is false; remove one"
    return None


def statement(meta: Meta, contact: tuple[ContactItem, ...], labels: Labels) -> Statement | None:
    """The statement for a document, or None when it is turned off or no patient could ask."""
    phone = next((item for item in contact if item.kind == "phone"), None)
    links = meta.alternative_links
    if meta.alternative_formats is None and not (phone or links):
        return None
    named = set(meta.alternative_formats if meta.alternative_formats is not None else DEFAULT_KINDS)
    named |= {LINK_KINDS[name][0] for name, _ in links}
    kinds = [kind for kind in FORMAT_KINDS if kind in named]
    if not kinds:
        return None
    ask = asking(phone, labels)
    names: list[Inline | tuple[Inline, ...]] = [Text(labels.format_name(kind)) for kind in kinds]
    printed = sentence(labels.also_available, names, labels)
    linked = [with_links(kind, links, labels) for kind in kinds]
    web = sentence(labels.also_available_web, linked, labels)
    return Statement(merged([*printed, Text(" "), *ask]), merged([*web, Text(" "), *ask]))


def with_links(kind: str, links: tuple[tuple[str, str], ...], labels: Labels) -> Inline | tuple[Inline, ...]:
    """A format's name, then "(PDF, Word)" linking to its files when the front matter gives them."""
    files = [Link(url, (Text(LINK_KINDS[name][1]),)) for name, url in links if LINK_KINDS[name][0] == kind]
    if not files:
        return Text(labels.format_name(kind))
    inlines: list[Inline] = [Text(f"{labels.format_name(kind)} (")]
    for index, link in enumerate(files):
        inlines += [Text(", ")] if index else []
        inlines.append(link)
    return (*inlines, Text(")"))


def sentence(template: str, phrases: list[Inline | tuple[Inline, ...]], labels: Labels) -> tuple[Inline, ...]:
    """``template`` with ``{formats}`` replaced by the phrases joined as a list ("a, b and c")."""
    before, _, after = template.partition("{formats}")
    inlines: list[Inline] = [Text(before)]
    last = len(phrases) - 1
    for index, phrase in enumerate(phrases):
        if index:
            inlines.append(Text(labels.comma if index < last else labels.and_))
        inlines.extend(phrase if isinstance(phrase, tuple) else (phrase,))
    inlines.append(Text(after))
    return merged(inlines)


def asking(phone: ContactItem | None, labels: Labels) -> tuple[Inline, ...]:
    """ "Ask at reception or call <phone>." with the number as a ``tel:`` link, or "Ask at reception."."""
    if phone is None:
        return (Text(labels.ask),)
    before, _, after = labels.ask_or_call.partition("{phone}")
    number: Inline = Link(phone.href, (Text(phone.text),)) if phone.href else Text(phone.text)
    return merged([Text(before), number, Text(after)])


def merged(inlines: list[Inline]) -> tuple[Inline, ...]:
    """Neighbouring texts joined and empty ones dropped, so every format gets the same runs."""
    out: list[Inline] = []
    for inline in inlines:
        if isinstance(inline, Text) and out and isinstance(out[-1], Text):
            out[-1] = Text(out[-1].text + inline.text)
        elif not (isinstance(inline, Text) and not inline.text):
            out.append(inline)
    return tuple(out)
