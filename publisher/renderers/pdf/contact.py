"""The handout's closing contact block: the clinic's details and a QR code leading back online.

A printed leaflet cannot be clicked, so the QR code is how a patient gets from paper
to the FAQ's web page (or the clinic's home page when the FAQ has no ``url``). It is
drawn by segno as vector SVG, so it stays sharp at any printer resolution, and it is
deterministic: the same address always gives the same bytes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from publisher.brand import Brand
from publisher.colors import contrast_ratio
from publisher.contact import ContactItem
from publisher.labels import Labels
from publisher.model import Document

QR_MODULE_PT = 2.25
"""Printed size of one QR module (0.79 mm): phone cameras read that easily at arm's length.

A power-of-two fraction, so sizes in the SVG are exact ("74.25pt", not "26.400000000000002mm")."""
QR_BORDER = 4
"""The quiet zone the QR specification asks for, in modules."""
QR_LIGHT = "#ffffff"
"""Always white behind the code, whatever the brand's background: readers need the contrast."""
QR_BLACK = "#000000"
WEB_ADDRESS = re.compile(r"https?://\S+$", re.IGNORECASE)
QR_MIN_CONTRAST = 7.0
"""Below this contrast against white the brand's text colour is too pale for a reliable scan."""


@dataclass(frozen=True)
class QrCode:
    """A QR code ready for an ``<img>``: where it leads, its image and its alternative text."""

    url: str
    """The address it encodes."""
    src: str
    """A ``data:image/svg+xml`` URI of the code."""
    alt: str
    """Alternative text naming the address, for screen readers."""


@dataclass(frozen=True)
class ContactBlock:
    """What the contact block shows; ``fields`` may be empty when only the QR code is known."""

    name: str
    """The clinic's full name ("" without a brand)."""
    fields: tuple[ContactItem, ...]
    """Phone, email, address and hours, only those the brand sets (``theme.facts.contact``)."""
    qr: QrCode | None
    """The QR code, or None when there is no address to lead to."""

    @property
    def has_details(self) -> bool:
        """True when there is something about the clinic itself to show."""
        return bool(self.name or self.fields)


def contact_block(
    document: Document, brand: Brand, contact: tuple[ContactItem, ...], labels: Labels
) -> ContactBlock | None:
    """The contact block for a handout, or None when there is nothing to put in it (the neutral look)."""
    url = qr_target(document, brand)
    qr = qr_code(url, qr_dark(brand), labels) if url else None
    block = ContactBlock(brand.name, contact, qr)
    return block if block.has_details or qr else None


def qr_target(document: Document, brand: Brand) -> str:
    """The address the printed code leads to: the FAQ's own page, else the clinic's home page.

    Only a web address: a phone reading the code would open anything else blindly.
    """
    url = document.meta.url or brand.home
    return url if WEB_ADDRESS.match(url) else ""


def qr_dark(brand: Brand) -> str:
    """The colour of the code's dark modules: the brand's text colour when it is dark enough."""
    if contrast_ratio(brand.foreground, QR_LIGHT) >= QR_MIN_CONTRAST:
        return brand.foreground
    return QR_BLACK


def qr_code(url: str, dark: str, labels: Labels) -> QrCode:
    """A QR code for ``url`` as a vector SVG ``data:`` URI, sized in points for print."""
    import segno  # only handouts with an address need it

    # make_qr, not make: segno's make may choose a Micro QR code, which phones cannot read.
    code = segno.make_qr(url, error="m")
    src = code.svg_data_uri(
        dark=dark,
        light=QR_LIGHT,
        border=QR_BORDER,
        scale=QR_MODULE_PT,
        unit="pt",  # width and height in pt, with a viewBox, so the image has a printed size
        xmldecl=False,
    )
    return QrCode(url, src, labels.qr_alt.format(url=url))
