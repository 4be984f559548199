"""The few words only the braille file adds, in the languages ``labels.py`` knows.

Shared words ("Last reviewed", "Contact", "Phone") come from ``publisher.labels``;
these are the transcription notes BANA asks for on a title page, and the word
that introduces a picture's description.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Words:
    """Phrases with ``{table}``, ``{lang}`` and ``{alt}`` placeholders."""

    produced: str = "Produced by computer with liblouis ({table}) and not checked by a braille transcriber."
    """The production note every computer-made braille file should carry."""
    fallback: str = (
        "liblouis has no braille table chosen for the language {lang}: "
        "this file is in uncontracted Unified English Braille."
    )
    """Said when the source's language has no table of its own."""
    picture: str = "Picture: {alt}"
    """A picture, by its description."""


WORDS = {
    "en": Words(),
    "es": Words(
        produced="Braille producido por ordenador con liblouis ({table}), sin revisar por un transcriptor.",
        picture="Imagen: {alt}",
    ),
    "fr": Words(
        produced="Braille produit par ordinateur avec liblouis ({table}), non relu par un transcripteur.",
        picture="Image : {alt}",
    ),
    "de": Words(
        produced="Maschinell mit liblouis ({table}) erstellt, nicht von Braille-Fachleuten geprüft.",
        picture="Bild: {alt}",
    ),
}


def words_for(lang: str) -> Words:
    """The words for a BCP 47 tag's language, else English."""
    return WORDS.get(lang.split("-")[0].lower(), WORDS["en"])
