"""Which liblouis table a language gets, and text to BRF braille through it.

English is Unified English Braille grade 2 (contracted), the code of every
English-speaking braille authority. Other languages get the literary table their
readers are taught; a language liblouis has no table for (in this list) falls back
to uncontracted UEB, and the title page says so.

Every table is paired with ``en-us-brf.dis``, the North American Braille ASCII code
that BRF files are written in (64 characters, ``A`` is dot 1).
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Sequence

from publisher.renderers.brf import louis

DISPLAY = "en-us-brf.dis"
BRF_CHARACTERS = frozenset(chr(code) for code in range(0x20, 0x60))
"""The 64 cells of Braille ASCII (space is the empty cell)."""

FALLBACK = "en-ueb-g1.ctb"

# Typographic punctuation some tables lack, as the plain marks every table has.
PLAIN_PUNCTUATION = str.maketrans(
    {"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "‚": "'", "–": "-", "—": "-"}
    | {"…": "...", "•": "-", "¿": "", "¡": "", "\u00ad": ""}
)


TABLES = {
    "en": "en-ueb-g2.ctb",
    # Spanish readers are taught integral (uncontracted) braille; liblouis's es.tbl is es-g1 too.
    "es": "es-g1.ctb",
    "fr": "fr-bfu-g2.ctb",
    "de": "de-g2.ctb",
    "pt": "pt-pt-g1.utb",
    "pl": "Pl-Pl-g1.utb",
    "ar": "ar-ar-g1.utb",
    "he": "he-IL.utb",
    # Italian is left out: liblouis 3.24's it-it-comp6.utb has no hyphen.
}
"""The liblouis table per language (the primary subtag of the source's ``lang``)."""


def table_for(lang: str) -> tuple[str, bool]:
    """The liblouis table for a BCP 47 tag, and whether it is the language's own."""
    table = TABLES.get(lang.split("-")[0].lower())
    return (table, True) if table else (FALLBACK, False)


class Transcriber:
    """Print text to BRF braille with one code; undefined characters are spelled out first."""

    def __init__(self, table: str):
        self.table = table
        self.tables = f"{DISPLAY},{table}"
        if not louis.has_table(self.tables):
            raise louis.LouisMissing(f"the liblouis table {table} is missing: {louis.INSTALL_HINT}")

    def braille(self, runs: Sequence[tuple[str, int]]) -> str:
        """Runs of (text, liblouis formtype) translated together, in BRF characters."""
        text, typeform = "", []
        for part, form in runs:
            part = self.spell_undefined(part)
            text += part
            typeform += [form] * len(part)
        result = louis.translate(self.tables, text, typeform)
        stray = set(result) - BRF_CHARACTERS
        if stray:  # a table wrote a cell outside six-dot Braille ASCII: never write it to a BRF
            raise louis.LouisError(f"{self.table} wrote cells outside Braille ASCII: {sorted(stray)}")
        return result

    def plain(self, text: str) -> str:
        """Plain text (no emphasis) in BRF characters."""
        return self.braille([(text, louis.PLAIN)])

    def is_defined(self, char: str) -> bool:
        """True when the code has braille for the character (not liblouis's escape)."""
        return _defined(self.tables, char)

    def spell_undefined(self, text: str) -> str:
        """Characters the code lacks replaced: by their letters without accents, else their name."""
        # A no-break or thin space is a plain space in braille (lines break at spaces anyway).
        text = "".join(" " if unicodedata.category(ch) == "Zs" else ch for ch in text)
        return "".join(ch if self.is_defined(ch) else self._spelled(ch) for ch in text)

    def _spelled(self, char: str) -> str:
        plain = char.translate(PLAIN_PUNCTUATION)
        if plain != char:
            return plain
        base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
        if base and base != char and all(self.is_defined(c) for c in base):
            return base
        # An emoji or a symbol the code has no sign for: its Unicode name, as a transcriber would describe it.
        return f"({unicodedata.name(char, 'symbol').lower()})"


@functools.cache
def _defined(tables: str, char: str) -> bool:
    try:
        # noUndefined drops what the table lacks: a character whose braille changes with it is undefined.
        plain = louis.translate(tables, char)
        quiet = louis.translate(tables, char, mode=louis.NO_UNDEFINED)
    except louis.LouisError:
        return False  # some tables refuse the whole string rather than escape one character
    return plain == quiet and bool(plain) and set(plain) <= BRF_CHARACTERS
