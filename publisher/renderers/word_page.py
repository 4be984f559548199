"""Page furniture of the Word handout: paper size and margins, header and footer.

The header carries the document title and the footer "Page X of Y" built from the
PAGE and NUMPAGES fields, so the numbers stay right after staff edit the handout.
A clinic's reference document keeps a header or footer of its own (its letterhead).
"""

from __future__ import annotations

from docx.section import Section, _Footer, _Header
from docx.shared import Emu, Mm

from publisher.labels import Labels, split_placeholders
from publisher.renderers.word_xml import field_runs, paragraph, run

PAPER = {"a4": (Mm(210), Mm(297)), "letter": (Emu(7772400), Emu(10058400))}
MARGIN = Mm(20)
HEADER_DISTANCE = Mm(10)
FIELDS = {"{page}": "PAGE", "{pages}": "NUMPAGES"}


def set_up_page(section: Section, paper: str) -> None:
    """Paper size (the same option as the PDF's) and margins for our default look."""
    section.page_width, section.page_height = PAPER.get(paper, PAPER["a4"])
    section.left_margin = section.right_margin = MARGIN
    section.top_margin = section.bottom_margin = MARGIN
    section.header_distance = section.footer_distance = HEADER_DISTANCE


def text_width(section: Section) -> int:
    """The width between the margins, in EMU (images are scaled to fit it)."""
    return int(section.page_width - section.left_margin - section.right_margin)


def has_content(furniture: _Header | _Footer) -> bool:
    """True when a header or footer exists (not linked) and shows text or a picture."""
    if furniture.is_linked_to_previous:
        return False
    element = furniture.part.element
    return bool("".join(element.itertext()).strip() or element.xpath(".//w:drawing | .//w:pict"))


def write_header(section: Section, title: str, style_id: str, keep_existing: bool) -> None:
    """The document title on every page (unless the reference document has its own header)."""
    header = section.header
    if keep_existing and has_content(header):
        return
    p = _replace_content(header, style_id)
    p.append(run(title))


def write_footer(section: Section, labels: Labels, style_id: str, keep_existing: bool) -> None:
    """ "Page X of Y" on every page, as fields (unless the reference document has its own footer)."""
    footer = section.footer
    if keep_existing and has_content(footer):
        return
    p = _replace_content(footer, style_id)
    for piece in split_placeholders(labels.page, "page", "pages"):
        if piece in FIELDS:
            p.extend(field_runs(FIELDS[piece], "1"))
        elif piece:
            p.append(run(piece))


def _replace_content(furniture: _Header | _Footer, style_id: str):
    """Empty a header or footer (creating it when linked) and give it one styled paragraph."""
    furniture.is_linked_to_previous = False
    element = furniture.part.element
    for child in list(element):
        element.remove(child)
    p = paragraph(style_id)
    element.append(p)
    return p
