"""Cells a GFM table would drop: counted where markdown-it splits each row.

GFM gives a table as many columns as its header row and silently drops the cells
of a longer row. We promise never to drop content, so this wraps markdown-it's
table rule to record, on the ``table_open`` token, each row that has more cells
than the header (its line and cell count), using markdown-it's own view of the
line (inside a list or quote its prefix is already skipped) and its own splitting.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.common.utils import mdTrim
from markdown_it.rules_block.state_block import StateBlock
from markdown_it.rules_block.table import escapedSplit, getLine


def cell_count(state: StateBlock, line: int) -> int:
    """How many cells markdown-it finds on a table row (before it drops any)."""
    cells = escapedSplit(mdTrim(getLine(state, line)))
    if cells and cells[0] == "":
        cells.pop(0)
    if cells and cells[-1] == "":
        cells.pop()
    return len(cells)


def record_long_rows(md: MarkdownIt) -> None:
    """Make ``md`` note rows longer than their header in ``table_open.meta["long_rows"]``.

    Each entry is (0-based line, cells found, columns kept).
    """
    rule = md.block.ruler.__rules__[md.block.ruler.__find__("table")]
    original = rule.fn

    def table(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        first = len(state.tokens)
        found = original(state, start, end, silent)
        if not found or silent:
            return found
        opening = state.tokens[first]
        columns = cell_count(state, start)
        rows = [token.map[0] for token in state.tokens[first:] if token.type == "tr_open" and token.map]
        long_rows = [(line, cells, columns) for line in rows if (cells := cell_count(state, line)) > columns]
        opening.meta = {**(opening.meta or {}), "long_rows": long_rows}
        return found

    md.block.ruler.at("table", table, {"alt": list(rule.alt)})  # a table may still end a paragraph
