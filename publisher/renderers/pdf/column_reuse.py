"""Speed-up: WeasyPrint lays a page's columns out once instead of twice; the PDF's bytes stay the same.

WeasyPrint 70's ``columns_layout`` first lays the columns out to find their height (the
page's full height when the content goes on to the next page; the balanced height on the
last page), then lays them out again at that height to keep. The second layout repeats a
first-pass call with the same arguments, only for a column box moved sideways: here the
first pass's result is kept and handed back, moved by the same distance, instead of being
laid out again. On the 1,000-entry benchmark that is a third of the layout's time.

A result is kept only when the call left no trace in the layout context (no float or
footnote: those register themselves there), and handed back only to a call whose arguments
all match (the same children, skip stack, space, emptiness and styles), with the positioned
boxes it found (a list item's marker is one) added to that call's lists as its own layout
would have; anything else is laid out as before.
"""

from __future__ import annotations

import logging
from typing import Any

from publisher.renderers.pdf.column_fit import FailingHeights, prober

log = logging.getLogger("publisher.speed")

WRITTEN_FOR = "70.0"
"""The WeasyPrint whose ``columns_layout`` this reasons about (pinned in pyproject.toml)."""

ARGUMENTS = (
    "context", "box", "bottom_space", "skip_stack", "containing_block", "page_is_empty", "absolute_boxes",
    "fixed_boxes", "adjoining_margins", "first_letter_style", "first_line_style", "discard", "max_lines",
)  # fmt: skip
"""The parameters of WeasyPrint 70's ``block_box_layout``, in order."""

_kept: list[dict[tuple, tuple[Any, float, list, list]]] = []
"""One table of kept column layouts per ``columns_layout`` call under way (innermost last)."""
_failing: list[FailingHeights] = []
"""The heights at which nothing fits, per ``columns_layout`` call under way (column_fit.py)."""


def install() -> bool:
    """Wrap WeasyPrint's column and block layout; False (and nothing changed) for another WeasyPrint."""
    import weasyprint
    from weasyprint.layout import block

    if weasyprint.__version__ != WRITTEN_FOR:
        log.debug(
            "WeasyPrint %s is not %s: columns laid out as installed", weasyprint.__version__, WRITTEN_FOR
        )
        return False
    if getattr(block.block_box_layout, "reuses_columns", False):
        return True
    block.block_box_layout = reusing(block.block_box_layout)
    block.columns_layout = keeping(block.columns_layout)
    return True


def keeping(columns_layout):
    """``columns_layout`` with a table of kept column layouts for its duration."""

    def layout(*args, **kwargs):
        _kept.append({})
        _failing.append(FailingHeights())
        try:
            return columns_layout(*args, **kwargs)
        finally:
            _kept.pop()
            _failing.pop()

    return layout


def reusing(block_box_layout):
    """``block_box_layout`` that keeps a column's layout and hands it back to the same call."""

    def layout(*args, **named):
        if not _kept or not (args[1] if len(args) > 1 else named["box"]).is_column:
            return block_box_layout(*args, **named)  # not a column: most calls
        given = dict(zip(ARGUMENTS, args, strict=False)) | named
        box, absolute_boxes, fixed_boxes = given["box"], given["absolute_boxes"], given["fixed_boxes"]
        if given["adjoining_margins"]:
            return block_box_layout(*args, **named)
        kept, failing, bottom_space = _kept[-1], _failing[-1], given["bottom_space"]
        call = (
            tuple(map(id, box.children)),
            box.position_y,
            box.width,
            repr(given["skip_stack"]),
            given["page_is_empty"],
            id(given["containing_block"]),
            id(given["first_letter_style"]),
            id(given["first_line_style"]),
            given["discard"],
            given["max_lines"],
        )
        key = (*call, bottom_space)
        found = kept.pop(key, None)
        if found is not None:
            result, position_x, absolute, fixed = found
            result[0].translate(box.position_x - position_x, 0)
            absolute_boxes.extend(absolute)
            fixed_boxes.extend(fixed)
            return result
        known_failure = failing.answer(call, bottom_space)
        if known_failure is not None:
            return known_failure
        context = given["context"]
        before = traces(context), len(absolute_boxes), len(fixed_boxes)
        result = block_box_layout(*args, **named)
        if traces(context) != before[0]:
            return result
        if result[0] is not None:  # kept with the positioned boxes it found (list markers), to hand on
            absolute, fixed = absolute_boxes[before[1] :], fixed_boxes[before[2] :]
            kept[key] = (result, box.position_x, absolute, fixed)
        elif (len(absolute_boxes), len(fixed_boxes)) == before[1:]:  # a failure that left nothing
            failing.learn(call, bottom_space, result, prober(block_box_layout, given, traces))
        return result

    layout.reuses_columns = True  # type: ignore[attr-defined]
    return layout


def traces(context) -> tuple[int, ...]:
    """How many floats, footnotes and broken-out boxes the layout context holds."""
    return (
        len(context.broken_out_of_flow),
        len(context.excluded_shapes),
        len(context.footnotes),
        len(context.current_page_footnotes),
        len(context.reported_footnotes),
    )
