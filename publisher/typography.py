"""Typography by language: the spaces that must not break, applied once to the parsed model.

Every format shows the model's ``Text``, so the rules run once, on the parsed document
(after ids are made, so slugs never change), and the PDF, Word handout, fragment, JSON
and braille all get them. Code is left exactly as typed. Correct quotes and dashes are
the author's business, not ours.

- In every language a number and its unit (``5 mm``, ``20 %``, ``37 °C``) are joined by
  a no-break space (U+00A0), so a unit never starts a line alone; only the short list of
  units in ``UNITS``, and only where the author typed a space.
- In French (``lang`` ``fr`` or ``fr-XX``) the space the author typed before ``? ! : ;``
  becomes a narrow no-break space (U+202F), so the mark never lands alone on a line. Where
  the author typed no space none is added: ``14:30``, an address's ``https:`` and the
  Swiss habit of no space before ``? ! ;`` stay as written. Inside guillemets the space
  is always narrow and no-break, typed or not (« » are never anything but quotes).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from publisher.model import (
    Document,
    Emph,
    Entry,
    Heading,
    Inline,
    Link,
    List,
    ListItem,
    Node,
    Paragraph,
    Quote,
    Section,
    Strong,
    Table,
    TableCell,
    Text,
)
from publisher.visitor import Visitor

NO_BREAK_SPACE = "\u00a0"
NARROW_NO_BREAK_SPACE = "\u202f"
UNITS = (
    *("%", "‰", "°C", "°F", "mm", "cm", "km", "m", "mg", "µg", "mcg", "kg", "g"),
    *("ml", "mL", "cl", "dl", "l", "L", "mmHg", "mmol", "UI", "IU", "h", "min"),
)
# Longest first, so "mm" is not read as "m"; a unit ends where no letter or digit follows.
_UNIT = "|".join(re.escape(unit) for unit in sorted(UNITS, key=len, reverse=True))
NUMBER_UNIT = re.compile(rf"(?<=\d) (?=(?:{_UNIT})(?![^\W_]))")
SPACE_BEFORE_MARK = re.compile(r"[ \u00a0\u2009]+(?=[?!:;])")
AFTER_OPENING_GUILLEMET = re.compile(r"«[ \u00a0\u2009]*")
BEFORE_CLOSING_GUILLEMET = re.compile(r"[ \u00a0\u2009]*»")
PHONE_NUMBER = re.compile(r"\+?[\d(][\d\s().\-\u2010\u2011/]*\d")


def is_phone_number(text: str) -> bool:
    """True for text that is a phone number however written (``+44 20 7946 0000``, ``01-99``).

    Such text never breaks across lines in any format; words ("call us") may.
    """
    return bool(PHONE_NUMBER.fullmatch(text.strip()))


def is_french(lang: str) -> bool:
    """True for French in any region (``fr``, ``fr-CA``, ``FR-ch``)."""
    return lang.lower().split("-")[0] == "fr"


def join_number_and_unit(text: str) -> str:
    """``5 mm`` with a no-break space, for the units in ``UNITS``."""
    return NUMBER_UNIT.sub(NO_BREAK_SPACE, text)


def french_punctuation_spaces(text: str) -> str:
    """A typed space before ``? ! : ;`` made narrow and no-break (none added where none was typed)."""
    return SPACE_BEFORE_MARK.sub(NARROW_NO_BREAK_SPACE, text)


def french_guillemet_spaces(text: str) -> str:
    """A narrow no-break space inside « », replacing any typed one."""
    text = AFTER_OPENING_GUILLEMET.sub("«" + NARROW_NO_BREAK_SPACE, text)
    return BEFORE_CLOSING_GUILLEMET.sub(NARROW_NO_BREAK_SPACE + "»", text)


def typeset_text(text: str, lang: str) -> str:
    """Every rule for ``lang`` applied to a run of text."""
    text = join_number_and_unit(text)
    if is_french(lang):
        text = french_guillemet_spaces(french_punctuation_spaces(text))
    return text


def typeset(document: Document) -> Document:
    """The document with every ``Text`` (and the title and subtitle) typeset for its language."""
    lang = document.meta.lang
    setter = Typesetter(lang)
    meta = replace(
        document.meta,
        title=typeset_text(document.meta.title, lang),
        subtitle=typeset_text(document.meta.subtitle, lang),
        disclaimer=setter.inlines(document.meta.disclaimer),
    )
    sections = tuple(setter.section(section) for section in document.sections)
    return replace(document, meta=meta, intro=setter.blocks(document.intro), sections=sections)


class Typesetter(Visitor[Node]):
    """Rebuilds a tree with its ``Text`` typeset; every other node keeps its content."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def inlines(self, nodes: tuple[Inline, ...]) -> tuple[Inline, ...]:
        """The inlines, typeset."""
        return tuple(self.visit_all(nodes))  # type: ignore[arg-type]

    def blocks(self, nodes: tuple) -> tuple:
        """The blocks, typeset."""
        return tuple(self.visit_all(nodes))

    def section(self, section: Section) -> Section:
        """A section's title, introduction and entries, typeset."""
        entries = tuple(self.entry(entry) for entry in section.entries)
        changes: dict[str, Any] = {"title": self.inlines(section.title), "entries": entries}
        if hasattr(section, "intro"):  # the blocks between a section's title and its first question
            changes["intro"] = self.blocks(section.intro)
        return replace(section, **changes)

    def entry(self, entry: Entry) -> Entry:
        """A question and its answer, typeset."""
        return replace(entry, question=self.inlines(entry.question), answer=self.blocks(entry.answer))

    def visit_text(self, node: Text) -> Node:
        return Text(typeset_text(node.text, self.lang))

    def _same(self, node: Node) -> Node:
        return node

    visit_code = visit_break = visit_image = visit_code_block = _same

    def _children(self, node: Strong | Emph | Link | Paragraph | Heading | TableCell) -> Node:
        return replace(node, children=self.inlines(node.children))

    visit_strong = visit_emph = visit_link = visit_paragraph = visit_heading = _children
    visit_table_cell = _children

    def visit_list(self, node: List) -> Node:
        return replace(node, items=self.blocks(node.items))

    def visit_list_item(self, node: ListItem) -> Node:
        return replace(node, children=self.blocks(node.children))

    def visit_quote(self, node: Quote) -> Node:
        return replace(node, children=self.blocks(node.children))

    def visit_table(self, node: Table) -> Node:
        rows = tuple(self.blocks(row) for row in node.rows)
        return replace(node, header=self.blocks(node.header), rows=rows)
