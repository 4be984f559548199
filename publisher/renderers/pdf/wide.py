"""Tables too wide for a leaflet column, and the runs of columns around them (issue 13).

A table a column cannot show is set across the page: the leaflet switches to one column
around the entry that holds it, with runs of two columns before and after. WeasyPrint 70
crashes (IndexError) when a ``column-span: all`` block breaks across pages, so the print
HTML cuts the columns instead of spanning them (``templates/print/print.css``,
``.column-set``). A FAQ without such a table is one run, laid out as before.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from publisher.model import Entry, Table, TableCell
from publisher.renderers.pdf.views import PrintRun, PrintSection
from publisher.text import inline_text
from publisher.walk import nested_blocks

COLUMN_WIDTH_PT = {"a4": 242.4, "letter": 250.7}
"""One column's width: the paper less the 15 mm side margins and the 9 mm gap, halved."""
COLUMN_TABLE_COLUMNS = 3
"""A table with more columns than this is wide whatever its words: a column cannot show it."""
CHAR_WIDTH_PT = 0.55 * 12
"""About how wide one character of 12pt Inter is (0.55 em): enough to estimate a word."""
CELL_PADDING_PT = 3 * 72 / 25.4
"""A cell's left and right padding together (1.5 mm each side, print.css)."""
PAGE_WIDTH_PT = 2 * COLUMN_WIDTH_PT["a4"] + 9 * 72 / 25.4
"""The page's width less its margins, on the narrower paper (A4): all a wide table has."""
CRAMPED_SLACK = 1.25
"""How far the estimate may exceed the page before a table is cramped: it counts 0.55 em a
character and no hyphenation, so it is generous (the corpus's German seven-column table,
estimated at 522 pt, fits the 510 pt page at 12pt by hyphenating its compounds)."""
LONG_TABLE_ROWS = 12
"""A table with more body rows than this may split between rows, even in a column: kept
whole, it leaves the rest of a column (or a page) empty before it."""


def is_wide(table: Table, paper: str) -> bool:
    """True for a table a column cannot show: too many columns, or words too long to fit.

    Its narrowest width is estimated from the longest word of each of its columns
    (lines break between words, not inside them).
    """
    if len(table.header) > COLUMN_TABLE_COLUMNS:
        return True
    return narrowest_width(table) > COLUMN_WIDTH_PT[paper]


def is_cramped(table: Table) -> bool:
    """True for a table whose longest words do not fit side by side even across the page.

    Set across the page as it is, its cells break words anywhere in a smaller font
    (print.css, ``table.cramped``): without that, the columns past the page's edge
    (twelve columns of long numbers) are cut off and lost.
    """
    return narrowest_width(table, unbroken) > CRAMPED_SLACK * PAGE_WIDTH_PT


def unbroken(chars: int) -> int:
    """How much of a word of ``chars`` characters print_html.breakable leaves unbroken.

    A run longer than a column's line (40) gets a break every 15 characters: an address
    or a long word in a table never stops it fitting the page.
    """
    return chars if chars <= 40 else 15


def narrowest_width(table: Table, shown: Callable[[int], int] = int) -> float:
    """About how narrow the table can be, in points, breaking lines between words only.

    ``shown`` gives the characters of a word that cannot break (all of them by default).
    """
    rows = (table.header, *table.rows)
    words = [max(shown(longest_word(cell)) for cell in column) for column in zip(*rows, strict=True)]
    return sum(chars * CHAR_WIDTH_PT + CELL_PADDING_PT for chars in words)


def longest_word(cell: TableCell) -> int:
    """Characters in the longest word of a cell."""
    return max((len(word) for word in inline_text(cell.children).split()), default=0)


def has_wide_table(entry: Entry, paper: str) -> bool:
    """True when an answer holds a table that needs the page's width."""
    return any(isinstance(block, Table) and is_wide(block, paper) for block in nested_blocks(entry.answer))


def is_long(table: Table) -> bool:
    """True for a table long enough to split between its rows (``LONG_TABLE_ROWS``)."""
    return len(table.rows) > LONG_TABLE_ROWS


def column_runs(sections: tuple[PrintSection, ...]) -> tuple[PrintRun, ...]:
    """The sections cut around entries with a wide table, in reading order.

    A wide entry is a section part of its own; it shows the section's title when it is
    the section's first entry, so the heading stays with the table. The section's other
    parts keep its class (its questions' bookmark level) without repeating the title.
    """
    runs: list[PrintRun] = []
    columns: list[PrintSection] = []
    for section in sections:
        opens, pending = True, []
        for entry in section.entries:
            if not entry.wide:
                pending.append(entry)
                continue
            if pending:
                columns.append(replace(section, entries=tuple(pending), opens=opens))
                opens, pending = False, []
            if columns:
                runs.append(PrintRun(tuple(columns)))
                columns = []
            part = replace(section, entries=(entry,), opens=opens, wide=True)
            runs.append(PrintRun((part,), wide=True))
            opens = False
        if pending or opens:  # a section with no entry still shows its title
            columns.append(replace(section, entries=tuple(pending), opens=opens))
    if columns:
        runs.append(PrintRun(tuple(columns)))
    return tuple(runs)
