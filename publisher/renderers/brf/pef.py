"""The braille edition as PEF (Portable Embosser Format, DAISY's PEF 1.0, version 2008-1).

The same pages as the BRF, in Unicode braille inside XML: embossers and braille
software that read PEF need not guess the character set, page size or duplexing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from xml.sax.saxutils import escape

from publisher.model import Document
from publisher.renderers import Rendered, Theme
from publisher.renderers.brf.layout import HEIGHT, WIDTH, brf_bytes
from publisher.renderers.brf.render import braille_pages

BRAILLE_ASCII = " A1B'K2L@CIF/MSP\"E3H9O6R^DJG>NTQ,*5<-U8V.%[$+X!&;:4\\0Z7(_?W]#Y)="
"""North American Braille ASCII by dot pattern: the character at index n is U+2800 + n."""
UNICODE_BRAILLE = {char: chr(0x2800 + dots) for dots, char in enumerate(BRAILLE_ASCII)}


def render_pef(document: Document, theme: Theme) -> Rendered:
    """The document as a PEF file: one volume, single-sided pages of 40 cells by 25 rows."""
    pages = braille_pages(document, theme)
    # PEF requires an identifier: a hash of the braille itself is stable and unique to this edition.
    identifier = "urn:sha256:" + hashlib.sha256(brf_bytes(pages)).hexdigest()
    meta = [
        "<dc:format>application/x-pef+xml</dc:format>",
        f"<dc:identifier>{identifier}</dc:identifier>",
        f"<dc:title>{escape(document.meta.title)}</dc:title>",
        f"<dc:language>{escape(document.meta.lang)}</dc:language>",
    ]
    if theme.facts.date:  # the build date (SOURCE_DATE_EPOCH, else the front matter's updated)
        day = theme.facts.date
        meta.append(f"<dc:date>{(day.date() if isinstance(day, dt.datetime) else day).isoformat()}</dc:date>")
    body = "\n".join(pef_page(page) for page in pages)
    text = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<pef version="2008-1" xmlns="http://www.daisy.org/ns/2008/pef">\n'
        '<head><meta xmlns:dc="http://purl.org/dc/elements/1.1/">\n' + "\n".join(meta) + "\n</meta></head>\n"
        f'<body><volume cols="{WIDTH}" rows="{HEIGHT}" rowgap="0" duplex="false"><section>\n'
        + body
        + "\n</section></volume></body>\n</pef>\n"
    )
    return Rendered(text.encode("utf-8"), pages=len(pages))


def pef_page(lines: list[str]) -> str:
    """One page: a row per line, in Unicode braille (trailing blank rows may be left out)."""
    rows = "".join(f"<row>{''.join(UNICODE_BRAILLE[char] for char in line)}</row>" for line in lines)
    return f"<page>{rows}</page>"
