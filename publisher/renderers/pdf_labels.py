"""The handout's own words ("Last reviewed", "Page 1 of 2") and dates, in the FAQ's language.

Only the languages the clinics use have labels; any other language falls back to
English labels, so the handout is never missing words.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

ENGLISH_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
SPANISH_MONTHS = (
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
)


@dataclass(frozen=True)
class Labels:
    """Words the print template adds around the clinic's text."""

    reviewed: str = "Last reviewed"
    """Before the review date in the title block."""
    page: str = "Page {page} of {pages}"
    """Running footer; ``{page}`` and ``{pages}`` become the page counters."""
    online: str = "Online:"
    """Before the FAQ's web address (``meta.url``)."""
    months: tuple[str, ...] = ENGLISH_MONTHS
    """Month names, January first."""
    date: str = "{day} {month} {year}"
    """Date pattern with ``{day}``, ``{month}`` (a name) and ``{year}``."""


LABELS = {
    "en": Labels(),
    "en-us": Labels(date="{month} {day}, {year}"),
    "es": Labels(
        "Última revisión",
        "Página {page} de {pages}",
        "En línea:",
        SPANISH_MONTHS,
        "{day} de {month} de {year}",
    ),
}


def labels_for(lang: str) -> Labels:
    """Labels for a BCP 47 tag: the exact tag, then its language, then English."""
    tag = lang.lower()
    return LABELS.get(tag) or LABELS.get(tag.split("-")[0]) or LABELS["en"]


def format_date(date: dt.date, labels: Labels) -> str:
    """A date written out for readers ("23 November 2026"), not in ISO form."""
    return labels.date.format(day=date.day, month=labels.months[date.month - 1], year=date.year)
