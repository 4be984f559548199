"""Real Word numbering for the handout's lists (``word/numbering.xml``).

Two abstract definitions of nine levels each, one for bullets and one for numbers,
are added to whatever numbering the base document has. Every ordered list gets a
``w:num`` of its own with a ``w:startOverride`` for the level it sits at: that is
how Word itself restarts numbering ("Restart at 1"), and how a list starting at 3
starts at 3. Bullet lists share one ``w:num``: there is nothing to restart.
"""

from __future__ import annotations

import zlib
from typing import cast

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml.ns import qn
from docx.oxml.numbering import CT_Numbering
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.parts.document import DocumentPart
from docx.parts.numbering import NumberingPart

from publisher.renderers.docx.xml import PPR_ORDER, attr, fragment, insert_in_order, make

LEVELS = 9
LIST_INDENT = 432
"""Twips of indentation per nesting level (0.3 inch); list styles use the same step."""
BULLETS = ("\u2022", "\u25e6", "\u25aa")
"""Bullet, white bullet, small square: characters every common font has."""
EMPTY_NUMBERING = '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'


def numbering_root(part: DocumentPart) -> CT_Numbering:
    """The document's ``w:numbering`` element, adding a numbering part when it has none."""
    try:
        related = part.part_related_by(RT.NUMBERING)
    except KeyError:
        # python-docx cannot create a numbering part itself (NumberingPart.new is not
        # implemented), and a clinic's reference document may have none.
        numbering = NumberingPart.load(
            PackURI("/word/numbering.xml"), CT.WML_NUMBERING, EMPTY_NUMBERING.encode(), part.package
        )
        part.relate_to(numbering, RT.NUMBERING)
        return numbering.element
    # python-docx loads the target of a numbering relationship as a NumberingPart.
    return cast(NumberingPart, related).element


def clear_numbering(root: CT_Numbering) -> None:
    """Remove every definition (our default look starts from none of the template's)."""
    for child in list(root):
        root.remove(child)


class ListNumbering:
    """Allocates numbering instances for lists; ids are what ``w:numPr`` refers to."""

    def __init__(self, root: CT_Numbering):
        self._root = root
        existing = [int(n) for n in root.xpath("w:num/@w:numId")]
        self._next_num_id = max(existing, default=0) + 1
        self._bullets = self._add_abstract("bullet")
        self._decimal = self._add_abstract("decimal")
        self.bullet_num = self._add_num(self._bullets)
        """Shared by every bullet list, and by the List Bullet styles."""
        self.number_style_num = self._add_num(self._decimal)
        """Used only by the List Number styles, so a list typed in Word numbers itself."""

    def num_for(self, ordered: bool, level: int, start: int) -> int:
        """The ``numId`` for a new list at nesting ``level``: bullets, or numbers from ``start``."""
        if not ordered:
            return self.bullet_num
        return self._add_num(self._decimal, level, start)

    def _add_abstract(self, kind: str) -> int:
        existing = [int(a) for a in self._root.xpath("w:abstractNum/@w:abstractNumId")]
        abstract_id = max(existing, default=-1) + 1
        element = fragment(abstract_xml(kind, abstract_id))
        # The schema wants every w:abstractNum before the first w:num.
        following = self._root.xpath("w:num | w:numIdMacAtCleanup")
        if following:
            following[0].addprevious(element)
        else:
            self._root.append(element)
        return abstract_id

    def _add_num(self, abstract_id: int, level: int | None = None, start: int = 1) -> int:
        num_id, self._next_num_id = self._next_num_id, self._next_num_id + 1
        num = make("w:num", numId=str(num_id))
        num.append(make("w:abstractNumId", val=str(abstract_id)))
        if level is not None:
            override = make("w:lvlOverride", ilvl=str(min(level, LEVELS - 1)))
            override.append(make("w:startOverride", val=str(start)))
            num.append(override)
        cleanup = self._root.find(qn("w:numIdMacAtCleanup"))
        if cleanup is None:
            self._root.append(num)
        else:
            cleanup.addprevious(num)
        return num_id


def abstract_xml(kind: str, abstract_id: int) -> str:
    """A nine-level ``w:abstractNum`` of ``kind`` "bullet" or "decimal"."""
    name = "FAQ bullets" if kind == "bullet" else "FAQ numbers"
    # nsid identifies the definition when lists are pasted between documents; derive it
    # from the name so builds stay byte-identical.
    nsid = f"{zlib.crc32(name.encode()):08X}"
    levels = "".join(level_xml(kind, level) for level in range(LEVELS))
    return (
        f'<w:abstractNum w:abstractNumId="{abstract_id}"><w:nsid w:val="{nsid}"/>'
        f'<w:multiLevelType w:val="multilevel"/><w:name w:val="{name}"/>{levels}</w:abstractNum>'
    )


def level_xml(kind: str, level: int) -> str:
    """One ``w:lvl``: a bullet character, or this level's own number ("3." not "1.3.")."""
    if kind == "bullet":
        fmt, text = "bullet", BULLETS[level % len(BULLETS)]
    else:
        fmt, text = "decimal", f"%{level + 1}."
    left = LIST_INDENT * (level + 1)
    return (
        f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f"<w:lvlText w:val={attr(text)}/>"
        f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{left}" w:hanging="{LIST_INDENT}"/></w:pPr></w:lvl>'
    )


def add_num_pr(p: BaseOxmlElement, num_id: int, level: int) -> None:
    """Number paragraph ``p`` with list ``num_id`` at nesting ``level``."""
    num_pr = make("w:numPr")
    num_pr.append(make("w:ilvl", val=str(min(level, LEVELS - 1))))
    num_pr.append(make("w:numId", val=str(num_id)))
    insert_in_order(p.get_or_add_pPr(), num_pr, PPR_ORDER)
