"""Phone numbers that Word never wraps: no-break spaces and no-break hyphens inside them.

Word breaks a line at any space or after any hyphen, so "01 99 00 12 34" could end a
line at "01 99" and go on with "00 12 34" (a patient dials the first half). Inside a
``tel:`` link and the footer's phone number every space becomes U+00A0 and every hyphen
``w:noBreakHyphen``, which Word draws as a hyphen and never breaks after (and copies as
a plain hyphen).
"""

from __future__ import annotations

from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

from publisher.renderers.docx.xml import XML_SPACE, element

NO_BREAK_SPACE = "\u00a0"
HYPHENS = "-\u2010\u2011"


def keep_together(parent: BaseOxmlElement) -> BaseOxmlElement:
    """``parent`` (a run or a hyperlink) with every ``w:t`` inside made unbreakable."""
    for text in list(parent.iter(qn("w:t"))):
        run = text.getparent()
        position = run.index(text)
        run.remove(text)
        for offset, child in enumerate(unbreakable_text(text.text or "")):
            run.insert(position + offset, child)
    return parent


def unbreakable_text(text: str) -> list[BaseOxmlElement]:
    """``w:t`` pieces of ``text`` with no-break spaces, between ``w:noBreakHyphen`` elements."""
    pieces: list[BaseOxmlElement] = []
    current: list[str] = []
    for char in text:
        if char in HYPHENS:
            pieces.append(_text(current))
            pieces.append(element("w:noBreakHyphen"))
            current = []
        else:
            current.append(NO_BREAK_SPACE if char == " " else char)
    pieces.append(_text(current))
    return [piece for piece in pieces if piece.tag != qn("w:t") or piece.text]


def _text(chars: list[str]) -> BaseOxmlElement:
    t = element("w:t")
    t.text = "".join(chars)
    if t.text != t.text.strip():
        t.set(XML_SPACE, "preserve")
    return t
