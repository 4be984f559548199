"""The few words the Word handout adds itself, in the document's language.

Languages without an entry fall back to English; the primary subtag decides
(``en-GB`` and ``en`` share one entry).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Labels:
    """Phrases with ``{date}``, ``{url}``, ``{page}`` and ``{pages}`` placeholders."""

    reviewed: str
    online: str
    page: str
    date: str
    months: tuple[str, ...]

    def reviewed_on(self, day: dt.date) -> str:
        """ "Last reviewed 23 November 2026" in the document's language."""
        when = self.date.format(day=day.day, month=self.months[day.month - 1], year=day.year)
        return self.reviewed.format(date=when)


LABELS = {
    "en": Labels(
        reviewed="Last reviewed {date}",
        online="The latest version of this FAQ is online at {url}",
        page="Page {page} of {pages}",
        date="{day} {month} {year}",
        months=[
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
        ],
    ),
    "es": Labels(
        reviewed="Última revisión: {date}",
        online="La versión más reciente de estas preguntas está en {url}",
        page="Página {page} de {pages}",
        date="{day} de {month} de {year}",
        months=[
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
        ],
    ),
    "fr": Labels(
        reviewed="Dernière révision : {date}",
        online="La version la plus récente de cette FAQ est en ligne : {url}",
        page="Page {page} sur {pages}",
        date="{day} {month} {year}",
        months=[
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ],
    ),
    "de": Labels(
        reviewed="Zuletzt geprüft am {date}",
        online="Die aktuelle Fassung dieser FAQ finden Sie unter {url}",
        page="Seite {page} von {pages}",
        date="{day}. {month} {year}",
        months=[
            "Januar",
            "Februar",
            "März",
            "April",
            "Mai",
            "Juni",
            "Juli",
            "August",
            "September",
            "Oktober",
            "November",
            "Dezember",
        ],
    ),
}


def labels_for(lang: str) -> Labels:
    """The labels of a BCP 47 language tag, English when we have none for it."""
    return LABELS.get(lang.split("-")[0].lower(), LABELS["en"])


def split_placeholders(template: str, *names: str) -> list[str]:
    """Split ``template`` into literal text and ``{name}`` placeholders, in order.

    ``split_placeholders("Page {page} of {pages}", "page", "pages")`` gives
    ``["Page ", "{page}", " of ", "{pages}", ""]``, so fields can replace placeholders.
    """
    pattern = "(" + "|".join(re.escape("{" + name + "}") for name in names) + ")"
    return re.split(pattern, template)
