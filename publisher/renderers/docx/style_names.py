"""Every Word style name the handout uses, in one place.

Names are the ones Word stores in styles.xml (``heading 2`` is shown as "Heading 2");
a clinic's reference document is matched by them, so they are part of the handout's
contract. Styles Word does not ship use pandoc's names (Source Code, Verbatim Char,
Compact, Table), so a reference document made for pandoc works here too.
"""

from __future__ import annotations

from enum import StrEnum


class Style(StrEnum):
    """A style's stored name; a plain string wherever a name is expected."""

    # The defaults every document has.
    NORMAL = "Normal"
    DEFAULT_PARAGRAPH_FONT = "Default Paragraph Font"
    NORMAL_TABLE = "Normal Table"
    NO_LIST = "No List"
    # The title block.
    TITLE = "Title"
    SUBTITLE = "Subtitle"
    DATE = "Date"
    """The "Last reviewed" line."""
    # Page furniture (Word stores these two in lower case).
    HEADER = "header"
    FOOTER = "footer"
    CLINIC_NAME = "Clinic Name"
    # Sections, questions and the headings inside answers.
    HEADING_1 = "heading 1"
    HEADING_2 = "heading 2"
    HEADING_3 = "heading 3"
    HEADING_4 = "heading 4"
    # Lists: the first level; deeper levels add a number (see ``level_name``).
    LIST_BULLET = "List Bullet"
    LIST_NUMBER = "List Number"
    LIST_CONTINUE = "List Continue"
    # Blocks.
    QUOTE = "Quote"
    SOURCE_CODE = "Source Code"
    COMPACT = "Compact"
    """Paragraphs in table cells."""
    AFTER_LIST_OR_TABLE = "After List or Table"
    """Body text that follows a list or a table."""
    DISCLAIMER = "Disclaimer"
    ALTERNATIVE_FORMATS = "Alternative Formats"
    """ "Also available in large print and braille ...": 16pt, large print's smallest size."""
    TABLE = "Table"
    # Characters.
    HYPERLINK = "Hyperlink"
    VERBATIM_CHAR = "Verbatim Char"
    STRONG = "Strong"
    EMPHASIS = "Emphasis"


HEADINGS = {1: Style.HEADING_1, 2: Style.HEADING_2, 3: Style.HEADING_3, 4: Style.HEADING_4}
LIST_LEVELS = 5
"""Word ships List Bullet, List Bullet 2 ... List Bullet 5 (and the same for the others)."""


def level_name(base: Style, level: int) -> str:
    """``List Bullet`` for nesting level 0, ``List Bullet 2`` for level 1 ... up to 5."""
    number = min(level, LIST_LEVELS - 1) + 1
    return str(base) if number == 1 else f"{base} {number}"
