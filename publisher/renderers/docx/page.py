"""Page furniture of the Word handout: paper size and margins, header and footer.

The header carries the clinic's logo and name (when it has a brand) and the document
title; the footer the clinic's contact line and "Page X of Y" built from the PAGE and
NUMPAGES fields, so the numbers stay right after staff edit the handout. A clinic's
reference document keeps a header or footer of its own (its letterhead).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.section import Section, _Footer, _Header
from docx.shared import Emu, Mm, Pt

from publisher.brand import Brand
from publisher.contact import ContactItem
from publisher.labels import Labels, split_placeholders
from publisher.renderers.docx.links import encode_url
from publisher.renderers.docx.phone import keep_together
from publisher.renderers.docx.pictures import Pictures
from publisher.renderers.docx.style_names import Style
from publisher.renderers.docx.xml import break_run, field_runs, hyperlink, paragraph, run

PAPER = {"a4": (Mm(210), Mm(297)), "letter": (Emu(7772400), Emu(10058400))}
MARGIN = Mm(20)
HEADER_DISTANCE = Mm(10)
FIELDS = {"{page}": "PAGE", "{pages}": "NUMPAGES"}
LOGO_HEIGHT = Mm(12)
"""The logo in the header: recognisable, yet no taller than two lines of text."""
FOOTER_POINTS = 9
"""Size of the footer's text (the Footer style), used to guess how much fits on a line."""
AVERAGE_CHAR = 0.55
"""Width of an average character in em: Inter measures 0.5, a substitute font a little more."""
CONTACT_LINES = 2
"""At most this many lines of contact details above the page numbers."""
SEPARATOR = " \u00b7 "
"""A middle dot between contact details, as on a letterhead."""


@dataclass(frozen=True)
class Letterhead:
    """What the header and footer show besides the page numbers."""

    title: str
    clinic: str = ""
    """The clinic's short name, else its full name ("" without a brand)."""
    logo: Path | None = None
    logo_alt: str = ""
    """The logo's description for screen readers: the clinic's full name."""
    contact: tuple[ContactItem, ...] = ()
    edition: str = ""
    """ "Version 3 · Reviewed November 2026 · Next review November 2029", above the page numbers."""


def letterhead(title: str, brand: Brand, contact: tuple[ContactItem, ...], labels: Labels) -> Letterhead:
    """The header's and footer's content: a document ``title``, the clinic's ``brand`` and ``contact``.

    ``contact`` is the list every format shows (``theme.facts.contact``).
    """
    return Letterhead(
        title=title,
        clinic=brand.short_name or brand.name,
        logo=brand.logo,
        logo_alt=brand.name or brand.short_name or labels.logo,
        contact=contact,
    )


def set_up_page(section: Section, paper: str) -> None:
    """Paper size (the same option as the PDF's) and margins for our default look."""
    section.page_width, section.page_height = PAPER.get(paper, PAPER["a4"])
    section.left_margin = section.right_margin = MARGIN
    section.top_margin = section.bottom_margin = MARGIN
    section.header_distance = section.footer_distance = HEADER_DISTANCE


def text_width(section: Section) -> int:
    """The width between the margins, in EMU (images are scaled to fit it).

    A reference document that leaves its page width or a margin unset gets ours for it.
    """
    width = PAPER["a4"][0] if section.page_width is None else section.page_width
    left = MARGIN if section.left_margin is None else section.left_margin
    right = MARGIN if section.right_margin is None else section.right_margin
    return int(width - left - right)


def has_content(furniture: _Header | _Footer) -> bool:
    """True when a header or footer exists (not linked) and shows text or a picture."""
    if furniture.is_linked_to_previous:
        return False
    element = furniture.part.element
    return bool("".join(element.itertext()).strip() or element.xpath(".//w:drawing | .//w:pict"))


def write_header(
    section: Section, head: Letterhead, styles: dict[str, str], pictures: Pictures, keep_existing: bool
) -> None:
    """Logo and clinic name, then the title at the right margin (a tab stop of the Header style).

    Without a brand only the title, as before. A reference document's own header wins.
    """
    header = section.header
    if keep_existing and has_content(header):
        return
    p = _replace_content(header, styles[Style.HEADER])
    if head.logo is not None:
        # A wide word mark stays narrower than a third of the line, beside the name and title.
        widest = text_width(section) // 3
        p.append(pictures.run(header.part, head.logo, head.logo_alt, width=widest, height=LOGO_HEIGHT))
        # An em space: inline pictures have no margin of their own in Word.
        p.append(run("\u2003"))
    if head.clinic:
        p.append(run(head.clinic, styles[Style.CLINIC_NAME]))
    if head.logo is not None or head.clinic:
        p.append(run("\t"))
    p.append(run(head.title))


def write_footer(
    section: Section,
    head: Letterhead,
    labels: Labels,
    styles: dict[str, str],
    keep_existing: bool,
    points: float = FOOTER_POINTS,
) -> None:
    """The contact line (when the brand has one) above "Page X of Y", in the Footer style (``points`` big).

    A reference document's own footer wins.
    """
    footer = section.footer
    if keep_existing and has_content(footer):
        return
    p = _replace_content(footer, styles[Style.FOOTER])
    if head.contact:
        lines = contact_lines(head.contact, text_width(section), points)
        link = _footer_link(footer, styles[Style.HYPERLINK])
        write_contact(p, lines, link)
        p = paragraph(styles[Style.FOOTER])
        footer.part.element.append(p)
    if head.edition:  # every printed page says which edition it is (PIF TICK)
        p.append(run(head.edition))
        p = paragraph(styles[Style.FOOTER])
        footer.part.element.append(p)
    for piece in split_placeholders(labels.page, "page", "pages"):
        if piece in FIELDS:
            p.extend(field_runs(FIELDS[piece], "1"))
        elif piece:
            p.append(run(piece))


def contact_lines(
    items: tuple[ContactItem, ...], width: int, points: float = FOOTER_POINTS
) -> list[list[ContactItem]]:
    """Contact details packed into lines of ``points`` text that fit ``width`` (EMU), in order.

    Details that would need a third line are left out (the opening hours, when the
    address is long): a footer that grows down the page reads as clutter.
    """
    budget = int(width / Pt(1) / (points * AVERAGE_CHAR))
    lines: list[list[ContactItem]] = [[]]
    for item in items:
        line = lines[-1]
        length = sum(len(i.text) + len(SEPARATOR) for i in line) + len(item.text)
        if line and length > budget:
            if len(lines) == CONTACT_LINES:
                break
            lines.append(line := [])
        line.append(item)
    return lines


def write_contact(p, lines: list[list[ContactItem]], link: Callable) -> None:
    """Contact lines into paragraph ``p``, separated by middle dots and line breaks."""
    for number, line in enumerate(lines):
        if number:
            p.append(break_run())
        for index, item in enumerate(line):
            if index:
                p.append(run(SEPARATOR))
            p.append(link(item) if item.href else run(item.text))


def _footer_link(footer: _Footer, style_id: str) -> Callable:
    """A maker of clickable phone and email links, related from the footer's own part."""

    def make_link(item: ContactItem):
        r_id = footer.part.relate_to(encode_url(item.href), RT.HYPERLINK, is_external=True)
        element = hyperlink(r_id=r_id)
        element.append(run(item.text, style_id))
        return keep_together(element) if item.href.startswith("tel:") else element

    return make_link


def _replace_content(furniture: _Header | _Footer, style_id: str):
    """Empty a header or footer (creating it when linked) and give it one styled paragraph."""
    furniture.is_linked_to_previous = False
    element = furniture.part.element
    for child in list(element):
        element.remove(child)
    p = paragraph(style_id)
    element.append(p)
    return p
