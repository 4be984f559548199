"""Which way a language is written: right to left for Arabic, Hebrew, Persian, Urdu and a few more.

Every format asks here: the print HTML and the fragment set ``dir``, the Word handout
sets its right-to-left properties, and the labels pick their digits by language.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

RTL_LANGUAGES = frozenset({"ar", "ckb", "dv", "fa", "he", "ks", "ku", "ps", "sd", "ug", "ur", "yi"})
"""Primary language subtags written right to left (``ku`` in Arabic script, as Sorani is)."""


def primary_language(lang: str) -> str:
    """The language subtag of a BCP 47 tag, lower case (``es`` for ``es-MX``)."""
    return lang.split("-", 1)[0].lower()


def is_rtl(lang: str) -> bool:
    """True when ``lang`` (a BCP 47 tag) is written right to left."""
    return primary_language(lang) in RTL_LANGUAGES


def text_direction(lang: str) -> str:
    """``"rtl"`` or ``"ltr"``: the HTML ``dir`` value for ``lang``."""
    return "rtl" if is_rtl(lang) else "ltr"


# A left-to-right run inside right-to-left text: Latin letters and ASCII digits with the
# separators of numbers, times, phone numbers, e-mail and web addresses between them (a
# separator counts only before another letter or digit, so a sentence's full stop stays out).
LTR_RUN = re.compile(
    r"\+?[0-9A-Za-z\u00C0-\u024F]"
    r"(?:[0-9A-Za-z\u00C0-\u024F]|[-._:@%#?=&~+,/\u200b](?=[0-9A-Za-z\u00C0-\u024F/])|/"
    r"|(?<=[0-9]) (?=\+?[0-9]))*"
)
LETTERS_ONLY = re.compile(r"[0-9A-Za-z\u00C0-\u024F]+")


def isolate_ltr_runs(text: str) -> Markup:
    """``text`` escaped as HTML, each left-to-right run holding separators in ``<span dir="ltr">``.

    The Unicode bidirectional algorithm alone reverses a phone number's groups ("555 0123"
    shows as "0123 555") and WeasyPrint swaps the parts of "555-0123" in right-to-left text;
    an element with ``dir="ltr"`` keeps them in order (browsers isolate it, WeasyPrint lays
    it out on its own). Runs of letters or digits alone need no help and stay plain.
    """
    pieces, last = [], 0
    for start, end in ltr_run_spans(text):
        pieces += [escape(text[last:start]), Markup('<span dir="ltr">'), escape(text[start:end])]
        pieces.append(Markup("</span>"))
        last = end
    pieces.append(escape(text[last:]))
    return Markup("").join(pieces)


def ltr_run_spans(text: str) -> list[tuple[int, int]]:
    """Where the left-to-right runs holding separators are in ``text`` (start, end)."""
    return [m.span() for m in LTR_RUN.finditer(text) if not LETTERS_ONLY.fullmatch(m.group())]


LRE, PDF = "\u202a", "\u202c"
"""Left-to-right embedding and its end: the plain-text ``dir="ltr"``, for the Word handout."""


def embed_ltr_runs(text: str) -> str:
    """``text`` with each left-to-right run holding separators between LRE and PDF marks.

    Word and LibreOffice lay a handout out by the bidirectional algorithm alone, which shows
    "555 0123" in a right-to-left paragraph as "0123 555"; the embedding keeps the order
    (LibreOffice 7.4 measured: isolates U+2066/U+2069 work too, but older Word lacks them).
    """
    for start, end in reversed(ltr_run_spans(text)):
        text = text[:start] + LRE + text[start:end] + PDF + text[end:]
    return text


def is_ltr_run(text: str) -> bool:
    """True when the whole of ``text`` is one left-to-right run (a number, an address)."""
    return LTR_RUN.fullmatch(text) is not None
