"""The A5 booklet (``-f booklet``) and its sheets imposed for saddle stitching (``-f booklet-imposed``).

The booklet is A4 sheets folded once: A5 pages (half Letter on Letter paper), the cover
first and the back cover last, with blank pages before the back cover to make the count
a multiple of four. It is laid out twice when it needs padding: once to count, once padded.
The booklet is the patients' PDF (tagged, bookmarks, links); the imposed file is the same
booklet on sheets, for printing.
"""

from __future__ import annotations

import hashlib

from publisher.model import Document
from publisher.renderers import Rendered, Theme
from publisher.renderers.fold.html import fold_html
from publisher.renderers.fold.impose import impose
from publisher.renderers.fold.sections import joined_sections
from publisher.renderers.fold.weasy import PRINT_SHOP_VARIANT, fold_session
from publisher.renderers.pdf.print_html import print_view
from publisher.renderers.pdf.render import PDF_VARIANT
from publisher.renderers.pdf.render import prepare as prepare
from publisher.renderers.pdf.render import warm_up as warm_up

PAGE_SIZES = {"a4": "A5", "letter": "5.5in 8.5in"}
"""The booklet's page: half the sheet it is printed on."""
SHEETS_PT = {"a4": (841.89, 595.276), "letter": (792.0, 612.0)}
"""The imposed sheets, landscape, in PDF points."""


def render_booklet(document: Document, theme: Theme, print_shop: bool = False) -> Rendered:
    """The booklet of a document: its pages in reading order, a multiple of four.

    ``print_shop`` makes the print shop's copy (print_shop.py): bleed, crop marks, PDF/X-4.
    """
    view = print_view(document, theme)
    sections = joined_sections(view)

    def html(padding: int) -> str:
        # One item per blank page: templates only read fields, they call nothing (not range).
        blank_pages: tuple[int, ...] = tuple(range(padding))
        return fold_html(
            "booklet.html.j2",
            view,
            print_shop,
            sections=sections,
            blank_pages=blank_pages,
            page_size=PAGE_SIZES[theme.paper],
        )

    with fold_session(document, theme, PRINT_SHOP_VARIANT if print_shop else PDF_VARIANT) as session:
        unpadded = html(0)
        rendering = session.lay_out(unpadded)
        padding = -len(rendering.pages) % 4
        if not padding:
            return session.write(rendering, unpadded)
        padded = html(padding)
        return session.write(session.lay_out(padded), padded)


def render_booklet_imposed(document: Document, theme: Theme) -> Rendered:
    """The booklet's pages two-up on A4 (or Letter) landscape sheets, in saddle-stitch order."""
    booklet = render_booklet(document, theme)
    imposed = impose(booklet.data, SHEETS_PT[theme.paper], booklet_identifier(booklet.data))
    return Rendered(imposed, pages=(booklet.pages or 0) // 2)


def booklet_identifier(pdf: bytes) -> bytes:
    """A file identifier for the imposed file, from the booklet's bytes."""
    return hashlib.sha256(pdf).hexdigest()[:32].encode("ascii")
