"""What the print templates read: plain fields, the HTML already made from the model.

The templates in ``templates/print/`` get one ``PrintView`` (its fields are their
variables) and call nothing: answers, questions and titles arrive as ``Markup`` made by
the PrintRenderer, and the choices about them (which answers are kept whole) as flags.
``print_html.print_view`` fills these in, as ``html.fragment`` does for the fragment.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from publisher.brand import Brand
from publisher.labels import Labels
from publisher.renderers.pdf.contact import ContactBlock


@dataclass(frozen=True)
class PrintEntry:
    """One question and its answer."""

    id: str
    question: Markup
    answer: Markup
    short: bool
    """True for an answer kept whole in one column (``print_html.is_short``)."""
    wide: bool = False
    """True for an answer holding a table too wide for a column (``wide.is_wide``): set across the page."""


@dataclass(frozen=True)
class PrintSection:
    """One section and its questions; ``title`` is empty for questions before any section."""

    id: str
    title: Markup
    entries: tuple[PrintEntry, ...]
    opens: bool = True
    """False for the later parts of a section cut around a wide entry: the title is shown once."""
    wide: bool = False
    """True for a part that is one wide entry, set across the page."""
    intro: Markup = Markup("")
    """The section's introduction, shown below its title (in the part that opens it)."""


@dataclass(frozen=True)
class PrintRun:
    """Sections, or parts of them, laid out together: in two columns, or one wide entry across the page."""

    sections: tuple[PrintSection, ...]
    wide: bool = False


@dataclass(frozen=True)
class PrintView:
    """Everything the leaflet's templates show."""

    lang: str
    title: str
    subtitle: str
    url: str
    """Where the FAQ lives online ("" when the front matter names no address)."""
    updated: str
    """The review date in ISO form for ``<time datetime>``, "" without one."""
    reviewed: str
    """The review date written out for readers ("23 November 2026"), "" without one."""
    intro: Markup
    disclaimer: Markup
    runs: tuple[PrintRun, ...]
    """The sections in reading order, cut around wide entries (``wide.column_runs``)."""
    switches: bool
    """True when some run is a wide entry: the layout switches between two columns and one."""
    closing_in_columns: bool
    """True to set the closing block at the end of the last column (render.py's second try)."""
    brand: Brand
    """Colours, fonts and names for the title block and the stylesheet (through CSS filters)."""
    logo: str
    """The logo as a ``data:`` URI, "" without one."""
    logo_alt: str
    contact: ContactBlock | None
    labels: Labels
    paper: str
    """The CSS ``@page`` size."""
    stylesheets: tuple[str, ...]
    """``file:`` URLs of the shipped stylesheets this document needs."""
    alternatives: Markup = Markup("")
    """ "Also available in large print and braille ..." (``publisher.alternatives``), "" when not shown."""
    edition: str = ""
    """ "Version 3 · Reviewed November 2026 · Next review November 2029", "" when nothing is known."""
    reviewers: str = ""
    """ "Reviewed by ...", "" when the front matter names nobody."""
    sources: Markup = Markup("")
    """The numbered list of references, "" without any."""
