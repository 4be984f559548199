"""Tables in large print: a wide table is set out row by row, not squeezed into narrow columns.

At 18pt a page holds about fifty characters a line: a seven-column vaccination schedule
left words such as "Hepatitis" broken over two lines of a narrow cell. RNIB's and the
UKAAF's large-print guidance is to present such a table as a list; braille does the
same (BANA's listed tables, ``brf/writer.py``). Each row becomes its first cell in bold,
then one "column: entry" line per other cell that says something. A table that fits the
line (two or three columns of short words, a price list) stays a table.
"""

from __future__ import annotations

from dataclasses import replace

from publisher.model import (
    Block,
    Document,
    Entry,
    List,
    ListItem,
    Paragraph,
    Quote,
    Section,
    Strong,
    Table,
    Text,
)
from publisher.renderers.pdf.wide import COLUMN_TABLE_COLUMNS, narrowest_width
from publisher.text import inline_text

LARGE_SCALE = 18 / 12
"""Large print's body size over the leaflet's, by which the leaflet's width estimates grow."""
LARGE_LINE_PT = (210 - 2 * 20) * 72 / 25.4
"""The large-print page's line: A4 less its 20 mm side margins (large.css), 482 pt; Letter's is wider."""


def linear_tables(document: Document) -> Document:
    """The document with every table too wide for large print set out row by row."""
    sections = tuple(linear_section(section) for section in document.sections)
    return replace(document, intro=linear_blocks(document.intro), sections=sections)


def linear_section(section: Section) -> Section:
    """A section with its introduction's and answers' wide tables set out row by row."""
    entries = tuple(linear_entry(entry) for entry in section.entries)
    return replace(section, intro=linear_blocks(section.intro), entries=entries)


def linear_entry(entry: Entry) -> Entry:
    """An entry with its answer's wide tables set out row by row."""
    return replace(entry, answer=linear_blocks(entry.answer))


def linear_blocks(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """Blocks with each wide table, also inside lists and quotes, replaced by its rows."""
    found: list[Block] = []
    for block in blocks:
        if isinstance(block, Table) and too_wide(block):
            found.extend(table_rows(block))
        elif isinstance(block, List):
            items = tuple(replace(item, children=linear_blocks(item.children)) for item in block.items)
            found.append(replace(block, items=items))
        elif isinstance(block, Quote):
            found.append(replace(block, children=linear_blocks(block.children)))
        else:
            found.append(block)
    return tuple(found)


def too_wide(table: Table) -> bool:
    """True for a table large print cannot show as a grid: many columns, or words too long side by side."""
    if len(table.header) > COLUMN_TABLE_COLUMNS:
        return True
    return narrowest_width(table) * LARGE_SCALE > LARGE_LINE_PT


def table_rows(table: Table) -> list[Block]:
    """Each row as its first cell in bold, then a list of "column: entry" for the others.

    Every column's heading is said with its entry ("Vaccine: Hepatitis A", "Doses: 2"), as
    braille says it: a reader never needs the grid, and no word of the table is lost.
    """
    labels = [inline_text(cell.children).strip() for cell in table.header]
    blocks: list[Block] = []
    for row in table.rows:
        first, *others = row
        blocks.append(Paragraph((Strong(labelled(labels[0], first.children)),), line=table.line))
        items = tuple(
            ListItem((Paragraph(labelled(label, cell.children), line=table.line),), line=table.line)
            for label, cell in zip(labels[1:], others, strict=False)
            if inline_text(cell.children).strip()
        )
        if items:
            blocks.append(List(ordered=False, items=items, line=table.line))
    return blocks


def labelled(label: str, children: tuple) -> tuple:
    """A cell's inlines after its column's heading ("Doses: 2"), or alone when the heading is empty."""
    return (Text(f"{label}: "), *children) if label else children
