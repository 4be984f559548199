"""WordprocessingML pieces python-docx has no API for: runs, hyperlinks, bookmarks, fields.

Elements are made with python-docx's own element classes (``OxmlElement``), whose
``get_or_add_*`` methods keep the children of ``w:pPr`` and ``w:rPr`` in the order
Word's schema demands (Word reports a damaged file otherwise).
"""

from __future__ import annotations

import re
from xml.sax.saxutils import quoteattr

from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.text.paragraph import CT_P
from docx.oxml.text.run import CT_R
from docx.oxml.xmlchemy import BaseOxmlElement

# Child order of w:pPr and w:rPr in the WordprocessingML schema (ECMA-376 17.3.1.26 and
# 17.3.2.28); Word rejects a file whose properties come in another order.
PPR_ORDER = tuple(
    [
        "pStyle",
        "keepNext",
        "keepLines",
        "pageBreakBefore",
        "framePr",
        "widowControl",
        "numPr",
        "suppressLineNumbers",
        "pBdr",
        "shd",
        "tabs",
        "suppressAutoHyphens",
        "kinsoku",
        "wordWrap",
        "overflowPunct",
        "topLinePunct",
        "autoSpaceDE",
        "autoSpaceDN",
        "bidi",
        "adjustRightInd",
        "snapToGrid",
        "spacing",
        "ind",
        "contextualSpacing",
        "mirrorIndents",
        "suppressOverlap",
        "jc",
        "textDirection",
        "textAlignment",
        "textboxTightWrap",
        "outlineLvl",
        "divId",
        "cnfStyle",
        "rPr",
        "sectPr",
        "pPrChange",
    ]
)
RPR_ORDER = tuple(
    [
        "rStyle",
        "rFonts",
        "b",
        "bCs",
        "i",
        "iCs",
        "caps",
        "smallCaps",
        "strike",
        "dstrike",
        "outline",
        "shadow",
        "emboss",
        "imprint",
        "noProof",
        "snapToGrid",
        "vanish",
        "webHidden",
        "color",
        "spacing",
        "w",
        "kern",
        "position",
        "sz",
        "szCs",
        "highlight",
        "u",
        "effect",
        "bdr",
        "shd",
        "fitText",
        "vertAlign",
        "rtl",
        "cs",
        "em",
        "lang",
        "eastAsianLayout",
        "specVanish",
        "oMath",
    ]
)


def make(tag: str, **attrs: str) -> BaseOxmlElement:
    """An element ``tag`` (``"w:bookmarkStart"``) with ``w:`` attributes (``name="x"``)."""
    return OxmlElement(tag, attrs={qn("w:" + key): value for key, value in attrs.items()})


def fragment(xml: str) -> BaseOxmlElement:
    """Parse one element written with the ``w:`` and ``r:`` prefixes (declared here)."""
    name_end = re.match(r"<[\w:]+", xml).end()
    return parse_xml(xml[:name_end] + " " + nsdecls("w", "r") + xml[name_end:])


def attr(value: str) -> str:
    """An attribute value, quoted and escaped for an XML string."""
    return quoteattr(value)


def paragraph(style_id: str | None = None) -> CT_P:
    """A new ``w:p``, with its paragraph style when given."""
    p = OxmlElement("w:p")
    if style_id:
        p.get_or_add_pPr().style = style_id
    return p


def run(text: str, style_id: str | None = None, bold: bool = False, italic: bool = False) -> CT_R:
    """A ``w:r`` holding ``text`` (tabs and newlines become ``w:tab`` and ``w:br``)."""
    r = OxmlElement("w:r")
    if style_id or bold or italic:
        rpr = r.get_or_add_rPr()
        if style_id:
            rpr.style = style_id
        if bold:
            rpr.get_or_add_b()
        if italic:
            rpr.get_or_add_i()
    r.text = text
    return r


def break_run() -> CT_R:
    """A run holding a hard line break."""
    r = OxmlElement("w:r")
    r.append(OxmlElement("w:br"))
    return r


def hyperlink(r_id: str = "", anchor: str = "", tooltip: str = "") -> BaseOxmlElement:
    """An empty ``w:hyperlink`` to a relationship (external) or a bookmark (internal)."""
    link = OxmlElement("w:hyperlink")
    if r_id:
        link.set(qn("r:id"), r_id)
    if anchor:
        link.set(qn("w:anchor"), anchor)
    if tooltip:
        link.set(qn("w:tooltip"), tooltip)
    # history="1" tells Word to add the target to its list of visited links.
    link.set(qn("w:history"), "1")
    return link


def add_bookmark(p: CT_P, bookmark_id: int, name: str) -> None:
    """Surround the content of paragraph ``p`` with a bookmark named ``name``."""
    start = make("w:bookmarkStart", id=str(bookmark_id), name=name)
    ppr = p.pPr
    if ppr is None:
        p.insert(0, start)
    else:
        ppr.addnext(start)
    p.append(make("w:bookmarkEnd", id=str(bookmark_id)))


def field_runs(instruction: str, cached: str) -> list[CT_R]:
    """A complex field (``PAGE``, ``NUMPAGES``) as runs, showing ``cached`` until updated.

    Complex fields (begin / instrText / separate / result / end) are what Word itself
    writes; readers that do not compute fields still show the cached result.
    """
    begin, separate, end = (OxmlElement("w:r") for _ in range(3))
    begin.append(make("w:fldChar", fldCharType="begin"))
    code = OxmlElement("w:r")
    instr = OxmlElement("w:instrText")
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr.text = f" {instruction} "
    code.append(instr)
    separate.append(make("w:fldChar", fldCharType="separate"))
    end.append(make("w:fldChar", fldCharType="end"))
    return [begin, code, separate, run(cached), end]


def set_keep_lines(p: CT_P) -> None:
    """Keep the lines of paragraph ``p`` on one page."""
    p.get_or_add_pPr().keepLines_val = True


def insert_in_order(parent: BaseOxmlElement, child: BaseOxmlElement, sequence: tuple[str, ...]) -> None:
    """Insert ``child`` into ``parent`` before the first sibling the schema puts after it."""
    position = _schema_position(child, sequence)
    for index, sibling in enumerate(parent):
        if _schema_position(sibling, sequence) > position:
            parent.insert(index, child)
            return
    parent.append(child)


def _schema_position(element: BaseOxmlElement, sequence: tuple[str, ...]) -> int:
    local = element.tag.rpartition("}")[2]
    return sequence.index(local) if local in sequence else len(sequence)
