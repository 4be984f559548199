"""The tri-fold (``-f trifold``): one A4 or Letter sheet, landscape, both sides, folded in three.

A roll fold: the inside flap is ``FLAP_SHORTER`` narrower than the other panels so it folds
in under them (97/100/100 mm on A4). WeasyPrint makes equal columns only, so the three
text columns are equal and the folds are met by the page margins instead: each gutter is
centred on a fold, the outside page shifted one way and the inside page the other.

The questions flow from the inside flap (page 1) on through the three inside panels
(page 2). The flap is measured first (the page laid out with every question in it): it
holds the questions that fit it whole, and the rest go inside. When they do not all fit
inside, the build stops saying how many fit: a tri-fold never shrinks text or drops questions.
"""

from __future__ import annotations

from dataclasses import dataclass

from publisher.errors import RenderError
from publisher.model import Document
from publisher.renderers import Rendered, Theme
from publisher.renderers.fold.html import fold_html
from publisher.renderers.fold.sections import cut_sections, joined_sections, question_count
from publisher.renderers.fold.weasy import PRINT_SHOP_VARIANT, entries_within, fold_session
from publisher.renderers.pdf.print_html import print_view
from publisher.renderers.pdf.render import PDF_VARIANT
from publisher.renderers.pdf.render import prepare as prepare
from publisher.renderers.pdf.render import warm_up as warm_up
from publisher.renderers.pdf.views import PrintSection, PrintView
from publisher.text import inline_text

SHEET_MM = {"a4": (297.0, 210.0), "letter": (279.4, 215.9)}
"""Landscape sheet sizes."""
FLAP_SHORTER = 3.0
"""How much narrower the inside flap is than the other panels (a roll fold's allowance)."""
FOLD_MARGIN = 9.0
"""Text keeps this far from each fold: a gutter is twice this, centred on the fold."""
TOP_MM = BOTTOM_MM = 10.0
TYPE_SIZES = (10.5, 10.0)
"""Body sizes tried in turn (pt): a FAQ that does not fit at 10.5pt may at 10pt, never smaller."""


@dataclass(frozen=True)
class TrifoldGeometry:
    """The millimetres of a tri-fold on a sheet (see the module's docstring)."""

    panel: float
    flap: float
    column: float
    gutter: float
    outside_left: float
    outside_right: float
    inside_left: float
    inside_right: float
    top: float = TOP_MM
    bottom: float = BOTTOM_MM


def trifold_geometry(paper: str) -> TrifoldGeometry:
    """Panels and margins for ``paper``: on A4, panels 100/100/97 mm and columns of 82 mm."""
    width, _height = SHEET_MM[paper]
    panel = round((width + FLAP_SHORTER) / 3, 2)
    flap = round(width - 2 * panel, 2)
    gutter = 2 * FOLD_MARGIN
    column = round(panel - gutter, 2)
    # Outside, left to right: flap | back | front; the first fold lies at ``flap``.
    edge = round(flap - column - FOLD_MARGIN, 2)
    return TrifoldGeometry(panel, flap, column, gutter, edge, FOLD_MARGIN, FOLD_MARGIN, edge)


def render_trifold(document: Document, theme: Theme, print_shop: bool = False) -> Rendered:
    """The tri-fold of a document, or a RenderError saying how many questions it holds.

    ``print_shop`` makes the print shop's copy (print_shop.py): bleed, crop marks, PDF/X-4.
    """
    view = print_view(document, theme)
    sections = joined_sections(view)
    refuse_wide_tables(document, sections)
    geometry = trifold_geometry(theme.paper)
    fitting = 0
    with fold_session(document, theme, PRINT_SHOP_VARIANT if print_shop else PDF_VARIANT) as session:
        for size in TYPE_SIZES:
            # First the flap alone: every question in it, to see how many it holds whole.
            measured = session.lay_out(trifold_html(view, geometry, size, sections, (), print_shop))
            flap, inside = cut_sections(sections, entries_within(measured, 0))
            html = trifold_html(view, geometry, size, flap, inside, print_shop)
            rendering = session.lay_out(html)
            if len(rendering.pages) <= 2:
                return session.write(rendering, html)
            fitting = max(fitting, entries_within(rendering, 1))
    raise RenderError(too_long(fitting, question_count(sections)))


def trifold_html(
    view: PrintView, geometry: TrifoldGeometry, size: float, flap: tuple, inside: tuple, print_shop: bool
) -> str:
    """The tri-fold's print HTML at a body size: ``flap`` sections on the outside, ``inside`` inside."""
    return fold_html(
        "trifold.html.j2",
        view,
        print_shop,
        g=geometry,
        type_size=size,
        flap_sections=flap,
        inside_sections=inside,
    )


def refuse_wide_tables(document: Document, sections: tuple[PrintSection, ...]) -> None:
    """Stop at the first question holding a table too wide for a panel (``wide.is_wide``).

    The leaflet sets such a table across the page; a tri-fold has no page-wide place.
    """
    wide = {entry.id for section in sections for entry in section.entries if entry.wide}
    for entry in document.entries:
        if entry.id in wide:
            raise RenderError(
                f"line {entry.line}: the answer to {inline_text(entry.question)!r} holds a table "
                "too wide for a tri-fold panel; build the A5 booklet instead (-f booklet)"
            )


def too_long(fitting: int, total: int) -> str:
    """Why the tri-fold was not built, and what to do instead."""
    return (
        f"the tri-fold holds {fitting} of {total} questions, even at {min(TYPE_SIZES):g}pt "
        "(the smallest type it uses); build the A5 booklet instead (-f booklet), "
        "or shorten the FAQ"
    )
