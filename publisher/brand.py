"""The clinic's identity (Quarto brand.yml keys plus ``contact``), as renderers see it.

Loading and checking ``_brand.yml`` lives elsewhere; this is only the frozen value
with the neutral default look used when a clinic has no brand file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

BRAND_NAME = "_brand.yml"
FONT_STYLES = ("normal", "italic", "oblique")
# Family names end up inside CSS and Word styles: plain names only.
FONT_FAMILY = re.compile(r"\w[\w \-]*")


def brand_file_for(explicit: Path | None, source: Path) -> Path | None:
    """The brand file for a source: ``--brand``, else ``_brand.yml`` beside it, else None."""
    if explicit:
        return explicit
    beside = source.parent / BRAND_NAME
    return beside if beside.is_file() else None


@dataclass(frozen=True)
class Contact:
    """How patients reach the clinic (our extension to brand.yml)."""

    phone: str = ""
    email: str = ""
    address: str = ""
    hours: str = ""

    @property
    def phone_href(self) -> str:
        """A ``tel:`` link for the number as people write it ("+1 000 000 0000 (example)"), or ""."""
        # Only the leading + and the digits of the number itself: a remark in brackets is not dialled.
        digits = re.sub(r"[^\d+]", "", re.sub(r"\(.*?\)", "", self.phone))
        digits = digits[:1] + digits[1:].replace("+", "")
        return f"tel:{digits}" if any(ch.isdigit() for ch in digits) else ""


@dataclass(frozen=True)
class FontFace:
    """One font file of a family named by the brand file."""

    family: str
    path: Path
    weight: int = 400
    style: str = "normal"


@dataclass(frozen=True)
class Brand:
    """Colours, fonts, logo and details of a clinic; the defaults are the neutral look."""

    name: str = ""
    """The clinic's full name (``meta.name`` or ``meta.name.full``)."""
    short_name: str = ""
    """Short name (``meta.name.short``), for headers."""
    home: str = ""
    """The clinic's home page (``meta.link.home``)."""
    logo: Path | None = None
    """Logo image file (PNG, JPEG or SVG)."""
    primary: str = "#1d4f73"
    """Headings and accents."""
    secondary: str = "#4a5a68"
    """Secondary text such as subtitles and footers."""
    foreground: str = "#1b1b1b"
    """Body text."""
    background: str = "#ffffff"
    """Page background."""
    base_font: str = "Inter"
    """Body font family."""
    headings_font: str = "Inter"
    """Headings font family."""
    fonts: tuple[FontFace, ...] = ()
    """Font files named by the brand file (the shipped fonts are always available)."""
    contact: Contact = Contact()
    """Phone, email, address and opening hours."""
    source: Path | None = None
    """The brand file these values came from (None for the default look)."""
    reading_grade: float | None = None
    """The clinic's plain-language target (``plain_language.reading_grade``); a FAQ's front matter wins."""
