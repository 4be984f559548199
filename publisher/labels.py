"""The few words our outputs add themselves ("Last reviewed", "Page 1 of 2"), and dates.

One table for every format, so the leaflet, the handout and the web page say the
same thing. The exact tag is tried first (``en-US`` writes dates month first), then
its language, then English; ``known`` tells whether the fallback was used, so the
HTML can mark English words with ``lang="en"`` inside a page in another language.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from publisher.label_languages import MORE_FORMAT_NAMES, MORE_LABELS

MONTHS = {
    "en": "January February March April May June July August September October November December",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
}

# The alternative formats the statement may name (``publisher.alternatives.FORMAT_KINDS``),
# worded to fit the ``also_available`` sentence of each language.
FORMAT_NAMES = {
    "en": {"large print": "large print", "braille": "braille", "audio": "audio", "easy read": "easy read"},
    "es": {
        "large print": "letra grande",
        "braille": "braille",
        "audio": "audio",
        "easy read": "lectura fácil",
    },
    "fr": {
        "large print": "en gros caractères",
        "braille": "en braille",
        "audio": "en version audio",
        "easy read": "en version facile à lire",
    },
    "de": {
        "large print": "in Großdruck",
        "braille": "in Brailleschrift",
        "audio": "als Hörfassung",
        "easy read": "in Leichter Sprache",
    },
    **MORE_FORMAT_NAMES,
}


@dataclass(frozen=True)
class Labels:
    """Phrases with ``{date}``, ``{url}``, ``{page}`` and ``{pages}`` placeholders."""

    lang: str = "en"
    """The language these words are in."""
    reviewed: str = "Last reviewed"
    """Before the review date."""
    version: str = "Version {version}"
    """The edition, first in the edition line ("Version 3 · Reviewed ... · Next review ...")."""
    reviewed_in: str = "Reviewed {date}"
    """The month of the last review, in the edition line."""
    next_review: str = "Next review {date}"
    """The month of the next review, in the edition line."""
    month_year: str = "{month} {year}"
    """A month of a year ("November 2026"), for review dates."""
    reviewed_by: str = "Reviewed by {names}"
    """Who reviewed the edition."""
    sources: str = "Sources"
    """Heading of the numbered list of references."""
    online_label: str = "Online:"
    """Before the FAQ's web address in a title block."""
    online: str = "The latest version of this FAQ is online at {url}"
    """A sentence pointing at the FAQ's web address."""
    page: str = "Page {page} of {pages}"
    """Running footer."""
    date: str = "{day} {month} {year}"
    """Date pattern with ``{day}``, ``{month}`` (a name) and ``{year}``."""
    contact: str = "Contact"
    """Heading of the clinic's contact block."""
    scan: str = "Scan to read this FAQ online"
    """Caption of the printed QR code."""
    qr_alt: str = "QR code for {url}"
    """Alternative text of the printed QR code, for screen readers."""
    phone: str = "Phone"
    """Before the clinic's phone number in a contact block."""
    email: str = "Email"
    """Before the clinic's email address in a contact block."""
    address: str = "Address"
    """Before the clinic's postal address in a contact block."""
    hours: str = "Opening hours"
    """Before the clinic's opening hours in a contact block."""
    logo: str = "Clinic logo"
    """Alternative text of the logo when the brand file names no clinic."""
    tag: str = ""
    """The BCP 47 tag asked for, for languages dated by CLDR: its region picks the digits."""
    also_available: str = "This leaflet is also available in {formats}."
    """The statement on alternative formats in the leaflet and handout (``publisher.alternatives``)."""
    also_available_web: str = "This information is also available in {formats}."
    """The same statement in the web fragment."""
    ask_or_call: str = "Ask at reception or call {phone}."
    """How to ask for an alternative format, with the clinic's phone number."""
    ask: str = "Ask at reception."
    """How to ask for an alternative format when the clinic gives no phone number."""
    and_: str = " and "
    """Joins the last two formats named ("large print and braille"), with its spaces (Arabic's
    " و" and Hebrew's " ו" join the next word; Chinese's "和" has none)."""
    comma: str = ", "
    """Between the formats named before the last two."""

    def format_name(self, kind: str) -> str:
        """The name of an alternative format ("large print") as the statement says it."""
        return FORMAT_NAMES.get(self.lang, FORMAT_NAMES["en"])[kind]

    def format_date(self, day: dt.date) -> str:
        """A date written out for readers ("23 November 2026"), not in ISO form."""
        if self.lang not in MONTHS:  # the languages of label_languages.py: CLDR knows their dates
            from publisher.cldr import long_date

            return long_date(day, self.tag or self.lang)
        month = MONTHS[self.lang].split()[day.month - 1]
        return self.date.format(day=day.day, month=month, year=day.year)

    def format_month(self, day: dt.date) -> str:
        """A month written out for readers ("November 2026")."""
        if self.lang not in MONTHS:  # the languages of label_languages.py: CLDR knows their months
            from publisher.cldr import month_year

            return month_year(day, self.tag or self.lang)
        month = MONTHS[self.lang].split()[day.month - 1]
        return self.month_year.format(month=month, year=day.year)

    def reviewed_on(self, day: dt.date) -> str:
        """ "Last reviewed 23 November 2026" in the labels' language."""
        return f"{self.reviewed} {self.format_date(day)}"

    @property
    def counter_style(self) -> str:
        """The CSS counter style of page numbers: the digits the language writes (CLDR)."""
        if self.lang in MONTHS:
            return "decimal"
        from publisher.cldr import counter_style

        return counter_style(self.tag or self.lang)


LABELS = {
    "en": Labels(),
    "en-us": Labels(date="{month} {day}, {year}"),
    "es": Labels(
        lang="es",
        reviewed="Última revisión:",
        version="Versión {version}",
        reviewed_in="Revisado en {date}",
        next_review="Próxima revisión: {date}",
        month_year="{month} de {year}",
        reviewed_by="Revisado por {names}",
        sources="Fuentes",
        online_label="En línea:",
        online="La versión más reciente de estas preguntas está en {url}",
        page="Página {page} de {pages}",
        date="{day} de {month} de {year}",
        contact="Contacto",
        scan="Escanee para leer estas preguntas en línea",
        qr_alt="Código QR de {url}",
        phone="Teléfono",
        email="Correo electrónico",
        address="Dirección",
        hours="Horario",
        logo="Logotipo de la clínica",
        also_available="Este folleto también está disponible en {formats}.",
        also_available_web="Esta información también está disponible en {formats}.",
        ask_or_call="Pregunte en recepción o llame al {phone}.",
        ask="Pregunte en recepción.",
        and_=" y ",
    ),
    "fr": Labels(
        lang="fr",
        reviewed="Dernière révision\u202f:",  # narrow no-break space (typography.py)
        version="Version {version}",
        reviewed_in="Révisé en {date}",
        next_review="Prochaine révision\u202f: {date}",
        reviewed_by="Relu par {names}",
        sources="Sources",
        online_label="En ligne\u202f:",
        online="La version la plus récente de cette FAQ est en ligne\u202f: {url}",
        page="Page {page} sur {pages}",
        contact="Contact",
        scan="Scannez pour lire cette FAQ en ligne",
        qr_alt="Code QR menant à {url}",
        phone="Téléphone",
        email="E-mail",
        address="Adresse",
        hours="Horaires",
        logo="Logo de la clinique",
        also_available="Ce dépliant est aussi disponible {formats}.",
        also_available_web="Ces informations sont aussi disponibles {formats}.",
        ask_or_call="Demandez à l'accueil ou appelez le {phone}.",
        ask="Demandez à l'accueil.",
        and_=" et ",
    ),
    "de": Labels(
        lang="de",
        reviewed="Zuletzt geprüft am",
        version="Version {version}",
        reviewed_in="Geprüft im {date}",
        next_review="Nächste Prüfung im {date}",
        reviewed_by="Geprüft von {names}",
        sources="Quellen",
        online="Die aktuelle Fassung dieser FAQ finden Sie unter {url}",
        page="Seite {page} von {pages}",
        date="{day}. {month} {year}",
        contact="Kontakt",
        scan="Scannen, um diese FAQ online zu lesen",
        qr_alt="QR-Code für {url}",
        phone="Telefon",
        email="E-Mail",
        address="Adresse",
        hours="Öffnungszeiten",
        logo="Logo der Praxis",
        also_available="Dieses Merkblatt gibt es auch {formats}.",
        also_available_web="Diese Informationen gibt es auch {formats}.",
        ask_or_call="Fragen Sie am Empfang oder rufen Sie uns an: {phone}.",
        ask="Fragen Sie am Empfang.",
        and_=" und ",
    ),
}


LABELS.update({lang: Labels(lang=lang, **words) for lang, words in MORE_LABELS.items()})


def labels_for(lang: str) -> Labels:
    """Labels for a BCP 47 tag: the exact tag, then its language, then English."""
    tag = lang.lower()
    found = LABELS.get(tag) or LABELS.get(tag.split("-")[0]) or LABELS["en"]
    return found if found.lang in MONTHS else replace(found, tag=lang)


def split_placeholders(template: str, *names: str) -> list[str]:
    """Split ``template`` into literal text and ``{name}`` placeholders, in order.

    ``split_placeholders("Page {page} of {pages}", "page", "pages")`` gives
    ``["Page ", "{page}", " of ", "{pages}", ""]``, so fields can replace placeholders.
    """
    pattern = "(" + "|".join(re.escape("{" + name + "}") for name in names) + ")"
    return re.split(pattern, template)
