"""Dates and digits from Unicode CLDR (through Babel) for the languages labels.py has no month table for.

Babel is imported on first use, never by ``check`` for a source in English, Spanish,
French or German, so ``check`` stays fast. A tag's region picks its digits as CLDR
says: ``ar`` and ``ar-AE`` write 0-9, ``ar-SA`` and ``ar-EG`` Arabic-Indic digits, ``fa``
(and ``ur-IN``) extended Arabic-Indic ones.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

DIGITS = {"arab": "٠١٢٣٤٥٦٧٨٩", "arabext": "۰۱۲۳۴۵۶۷۸۹"}
"""CLDR numbering systems our fonts draw besides 0-9."""
COUNTER_STYLES = {"arab": "arabic-indic", "arabext": "persian"}
"""The CSS counter style (WeasyPrint's user-agent sheet defines both) of each of those systems."""


@cache
def locale(tag: str):  # -> babel.Locale, untyped to keep Babel out of import time
    """Babel's locale for a BCP 47 tag, else its language's, else English."""
    from babel import Locale, UnknownLocaleError

    for candidate in (tag.replace("-", "_"), tag.split("-")[0]):
        try:
            return Locale.parse(candidate)
        except (UnknownLocaleError, ValueError):
            continue
    return Locale.parse("en")


def numbering(tag: str) -> str:
    """The CLDR default numbering system of ``tag`` (``latn`` for 0-9)."""
    return locale(tag).default_numbering_system


def native_digits(text: str, tag: str) -> str:
    """``text`` with 0-9 written in the digits ``tag`` uses."""
    digits = DIGITS.get(numbering(tag))
    return text.translate(str.maketrans("0123456789", digits)) if digits else text


def counter_style(tag: str) -> str:
    """The CSS counter style for page numbers in ``tag``'s digits."""
    return COUNTER_STYLES.get(numbering(tag), "decimal")


def long_date(day: dt.date, tag: str) -> str:
    """A date written out as CLDR's long format for ``tag`` ("23 listopada 2026"), in its digits."""
    from babel.dates import format_date

    return native_digits(format_date(day, "long", locale=locale(tag)), tag)


def month_year(day: dt.date, tag: str) -> str:
    """A month of a year as CLDR writes it for ``tag`` ("listopad 2026"), in its digits."""
    from babel.dates import format_skeleton

    return native_digits(format_skeleton("yMMMM", day, locale=locale(tag)), tag)
