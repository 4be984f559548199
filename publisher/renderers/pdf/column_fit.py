"""Speed-up: the column heights at which nothing fits are found by halving, not one pixel at a time.

WeasyPrint 70 balances a page's columns by laying them out at a height and raising it
until the content fits. When the first column can hold nothing at the height tried (its
first block, kept whole, is taller), it raises the height by one CSS pixel and lays the
column out again: 442 layouts of one column (4 s) on a page of the corpus's IVF FAQ, whose
closing block is 440 px tall.

Nothing fitting is monotonic: a column that holds nothing at one height holds nothing at any
lower one. So when the same column fails a second time (the loop is stepping), this module
finds, by doubling then halving the height (about ten layouts), the least height at which
something fits; the balancing loop's calls below it are answered with the failure they
would get, without a layout. A single failure, the common case, costs nothing more. The calls at and
above it are laid out as before: the PDF's bytes stay the same (tests/test_column_reuse.py).

Only where the failing layouts leave no trace in WeasyPrint's layout context (floats,
footnotes and broken-out boxes register themselves there); a probe that leaves one stops
the search, and the loop goes on as installed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

FARTHEST_PROBE_PX = 4096.0
"""How much higher than a failing height a probe goes to find one that fits (a page is about 1,100 px)."""


class FailingHeights:
    """For one multi-column layout: the least failing ``bottom_space`` known for each column call.

    A larger ``bottom_space`` is a lower column, so every call at or above a known failure fails.
    """

    def __init__(self) -> None:
        self.known: dict[tuple, tuple[float, tuple]] = {}
        """Column call (its arguments but the height) -> (least failing bottom_space, the failure)."""

    def answer(self, call: tuple, bottom_space: float) -> tuple | None:
        """The failure a call would get, when a known failure at a greater height proves it; else None."""
        found = self.known.get(call)
        if found is not None and bottom_space >= found[0]:
            return found[1]
        return None

    def learn(
        self, call: tuple, bottom_space: float, failure: tuple, fits: Callable[[float], bool | None]
    ) -> None:
        """Record a failed layout at ``bottom_space``; at the call's second failure, search for the least one.

        The first failure may be the loop's only one (most pages): searching then would lay the
        column out ten times for nothing. A second means the loop is raising the height step by
        step. ``fits(bottom_space)`` lays the column out at that height: True when something
        fits, False when nothing does, None when the layout left a trace (the search stops there).
        """
        failing = least_failing(bottom_space, fits) if call in self.known else bottom_space
        self.known[call] = (min(failing, bottom_space), failure)


def least_failing(failed_at: float, fits: Callable[[float], bool | None]) -> float:
    """The least ``bottom_space`` found to fail, within a pixel of the greatest that fits.

    Never below 0: the balancing loop stops at the page's full height (``bottom_space`` 0
    or the space kept below the columns), so a taller column is never asked for.
    """
    failing, step, fitting = failed_at, 2.0, None
    while step <= FARTHEST_PROBE_PX and failing > 0:
        outcome = fits(max(failed_at - step, 0.0))
        if outcome is None:
            return failing
        if outcome:
            fitting = max(failed_at - step, 0.0)
            break
        failing, step = max(failed_at - step, 0.0), step * 2
    if fitting is None:
        return failing
    while failing - fitting > 1:
        middle = (failing + fitting) / 2
        outcome = fits(middle)
        if outcome is None:
            return failing
        if outcome:
            fitting = middle
        else:
            failing = middle
    return failing


def prober(block_box_layout: Callable, given: dict[str, Any], traces: Callable[[Any], tuple]) -> Callable:
    """``fits(bottom_space)`` for a column call: lays it out at that height and throws the result away."""
    from weasyprint.layout.block import remove_placeholders

    context = given["context"]

    def fits(bottom_space: float) -> bool | None:
        before = traces(context)
        arguments = {**given, "bottom_space": bottom_space, "absolute_boxes": [], "fixed_boxes": []}
        box = block_box_layout(**arguments)[0]
        if box is not None:
            remove_placeholders(context, [box], [], [])  # as the balancing loop does with its columns
        if traces(context) != before:
            return None
        return box is not None

    return fits
