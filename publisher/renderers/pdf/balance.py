"""Even column ends on the leaflet's last page, read from WeasyPrint's layout tree.

WeasyPrint balances the last page's columns, but a short answer is kept whole
(``.entry.short``): with a few of them the columns can end many lines apart. When they
do, last_page.py makes that page again with the short answers named here allowed to split,
and keeps the more even page.

Only answers of four lines or more are loosened (a split leaves two lines on each side at
least), and never the page's first entry, which WeasyPrint placed first and kept whole.
"""

from __future__ import annotations

from collections.abc import Iterator

PX_PER_PT = 4 / 3
TWO_LINES_PX = 29.0 * PX_PER_PT
"""Two lines of 12pt text at line-height 1.4 (33.6 pt), less a little: the unevenness tolerated."""
ONE_LINE_PX = 16.8 * PX_PER_PT
"""The least gain worth splitting answers for."""
MIN_SPLIT_LINES = 4


def uneven_end(page_box) -> float:
    """How far apart, in CSS px, the last column set of a page ends its two columns."""
    ends = column_ends(last_column_set(page_box))
    return max(ends) - min(ends) if len(ends) > 1 else 0.0


def column_ends(columns: list) -> list[float]:
    """Where the text of each column ends (its top when it holds none), in CSS px."""
    if not columns:
        return []
    top = min(column.position_y for column in columns)
    return [lowest(column, default=top) for column in columns]


def lowest(box, default: float = 0.0) -> float:
    """Where the last line (table row, picture) inside a box ends."""
    return max((bottom(inner) for inner in descendants(box)), default=default)


def loosened(page_box) -> frozenset[str]:
    """Ids of the short entries on the last page that may split to even its columns (none: no try).

    WeasyPrint fills the first column as far as the balanced height allows, so only an entry
    that can give way there helps: one of the first column reaching more than a line below
    the second column's end, or, when the second column is the longer, its first entry.
    None when the columns already end within two lines.
    """
    columns = last_column_set(page_box)
    ends = column_ends(columns)
    if len(ends) < 2 or abs(ends[0] - ends[1]) <= TWO_LINES_PX:
        return frozenset()
    page_top = next(iter(entry_boxes(columns[0])), None)  # kept whole, as it was placed first
    if ends[0] > ends[1]:
        candidates = [entry for entry in entry_boxes(columns[0]) if lowest(entry) > ends[1] + ONE_LINE_PX]
    else:
        candidates = list(entry_boxes(columns[1]))[:1]
    return frozenset(
        question_id(entry)
        for entry in candidates
        if entry is not page_top
        and "short" in classes(entry)
        and answer_lines(entry) >= MIN_SPLIT_LINES
        and question_id(entry)
    )


def more_even(first, second) -> bool:
    """True when the second layout of a last page ends its columns at least a line more evenly."""
    return uneven_end(second) <= uneven_end(first) - ONE_LINE_PX


def last_column_set(page_box) -> list:
    """The column boxes of the last multi-column block on a page, in order."""
    sets = [column_children(box) for box in descendants(page_box)]
    sets = [columns for columns in sets if columns]
    return sets[-1] if sets else []


def column_children(box) -> list:
    """The column boxes directly inside a box (a multi-column block once laid out)."""
    return [child for child in getattr(box, "children", ()) if getattr(child, "is_column", False)]


def descendants(box, skip: str = "") -> Iterator:
    """A box and every box below it, in tree order; ``skip`` leaves out boxes whose tag ends so."""
    stack = [box]
    while stack:
        current = stack.pop()
        if skip and current.element_tag.endswith(skip):
            continue  # a list item's marker: a line of its own beside the item's first line
        yield current
        stack.extend(reversed(getattr(current, "children", ())))


def bottom(box) -> float:
    """Where a line of text (or a table row, a picture) ends; 0 for other boxes."""
    kind = type(box).__name__
    if kind in ("LineBox", "TableRowBox") or kind.endswith("ReplacedBox"):
        return box.position_y + box.margin_height()
    return 0.0


def entry_boxes(column) -> Iterator:
    """The boxes of the questions-and-answers (``article.entry``) in a column."""
    for box in descendants(column):
        if box.element_tag == "article" and "entry" in classes(box):
            yield box


def classes(box) -> list[str]:
    """The classes of a box's element."""
    element = getattr(box, "element", None)
    return (element.get("class") or "").split() if element is not None else []


def question_id(entry) -> str:
    """The id of an entry's question heading ("" when it has none)."""
    for box in descendants(entry):
        if "question" in classes(box):
            return box.element.get("id") or ""
    return ""


def answer_lines(entry) -> int:
    """How many lines the answer of an entry box takes on its page."""
    for box in descendants(entry):
        if "answer" in classes(box):
            return sum(type(line).__name__ == "LineBox" for line in descendants(box, skip="::marker"))
    return 0
