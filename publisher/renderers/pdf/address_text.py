"""Web addresses as the leaflet prints them: readable (IRI form) and broken only between parts.

A browser copies ``https://clinic.example/questions-fr%C3%A9quentes``; a patient reads
and types ``clinic.example/questions-fréquentes``, so printed addresses are decoded. The
link itself keeps the address exactly as written.

Pango breaks lines by Unicode's rules (UAX #14): after the ``//`` of ``https://`` and
after every hyphen, so an address could wrap as ``https://`` + ``clinic.example`` or
``dermato-`` + ``parc.example`` (a reader takes that hyphen for a hyphenation). Here an
address may break only after ``/ . ? & =``: a zero-width space (U+200B) marks those
places and a word joiner (U+2060) forbids the others. Both are invisible, and both are
dropped from the PDF's text, so copying the address from the PDF gives it back
(``<wbr>`` would do the same in print but WeasyPrint gives it a box of its own, and with
it a link annotation outside the Link structure element, which PDF/UA forbids).
"""

from __future__ import annotations

import re

from publisher.link_address import iri  # noqa: F401  (where the leaflet decodes addresses)

ZERO_WIDTH_SPACE = "\u200b"
WORD_JOINER = "\u2060"
BREAK_AFTER = "/.?&="
SEGMENT = re.compile(rf"[^{re.escape(BREAK_AFTER)}]*[{re.escape(BREAK_AFTER)}]*")
SCHEME = re.compile(r"[a-z][a-z0-9+.-]*://", re.IGNORECASE)
LONG_SEGMENT = 40
"""A part of an address longer than this (a column holds about 45 characters) may also
break every PIECE characters: WeasyPrint lays out a long unbreakable run in quadratic
time. A narrower box (the QR code's caption) falls back on ``overflow-wrap``."""
PIECE = 15


def address_breaks(address: str) -> str:
    """The address with breaks allowed only after ``/ . ? & =`` (never inside ``https://``).

    A part longer than LONG_SEGMENT between two such places may also break every PIECE
    characters, so it never runs out of its column.
    """
    scheme = SCHEME.match(address)
    head = scheme.group() if scheme else ""
    segments = [segment_text(part) for part in SEGMENT.findall(address[len(head) :]) if part]
    # The scheme stays with what follows it.
    return (
        joined(head) + WORD_JOINER + ZERO_WIDTH_SPACE.join(segments)
        if head
        else ZERO_WIDTH_SPACE.join(segments)
    )


def segment_text(segment: str) -> str:
    """One part of an address: unbreakable, or in PIECE-character pieces when too long."""
    if len(segment) > LONG_SEGMENT:
        pieces = (segment[i : i + PIECE] for i in range(0, len(segment), PIECE))
        return ZERO_WIDTH_SPACE.join(joined(piece) for piece in pieces)
    return joined(segment)


def joined(text: str) -> str:
    """The text with a word joiner wherever a line could break: beside every non-alphanumeric."""
    out = []
    for index, char in enumerate(text):
        if index and not (char.isalnum() and text[index - 1].isalnum()):
            out.append(WORD_JOINER)
        out.append(char)
    return "".join(out)
