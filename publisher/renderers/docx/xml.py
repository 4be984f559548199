"""WordprocessingML pieces python-docx has no API for: runs, hyperlinks, bookmarks, fields.

Elements are python-docx's own element classes, so its ``get_or_add_*`` methods work
on them; children are added in the order Word's schema demands (Word reports a
damaged file otherwise).
"""

from __future__ import annotations

import functools
import re
from xml.sax.saxutils import quoteattr

from docx.oxml import parse_xml
from docx.oxml.ns import NamespacePrefixedTag, nsdecls, qn
from docx.oxml.parser import oxml_parser
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
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


@functools.cache
def _clark(tag: str) -> tuple[str, dict[str, str]]:
    prefixed = NamespacePrefixedTag(tag)
    return prefixed.clark_name, prefixed.nsmap


@functools.cache
def _w_attribute(name: str) -> str:
    return qn("w:" + name)


def element(tag: str) -> BaseOxmlElement:
    """A new, empty element ``tag`` (``"w:p"``) of python-docx's class for it.

    python-docx's ``OxmlElement`` parses the tag on every call, which shows in the
    time of a 1,000-question handout; the lookups are cached here.
    """
    clark, nsmap = _clark(tag)
    return oxml_parser.makeelement(clark, nsmap=nsmap)


def make(tag: str, **attrs: str) -> BaseOxmlElement:
    """An element ``tag`` (``"w:bookmarkStart"``) with ``w:`` attributes (``name="x"``)."""
    new = element(tag)
    for key, value in attrs.items():
        new.set(_w_attribute(key), value)
    return new


def fragment(xml: str) -> BaseOxmlElement:
    """Parse one element written with the ``w:`` and ``r:`` prefixes (declared here)."""
    opening = re.match(r"<[\w:]+", xml)
    if opening is None:
        raise ValueError(f"not an element: {xml[:40]!r}")
    name_end = opening.end()
    return parse_xml(xml[:name_end] + " " + nsdecls("w", "r") + xml[name_end:])


def attr(value: str) -> str:
    """An attribute value, quoted and escaped for an XML string."""
    return quoteattr(value)


def paragraph(style_id: str | None = None) -> CT_P:
    """A new ``w:p``, with its paragraph style when given."""
    p = element("w:p")
    if style_id:
        properties = element("w:pPr")
        properties.append(make("w:pStyle", val=style_id))
        p.append(properties)
    return p


def run(text: str, style_id: str | None = None, bold: bool = False, italic: bool = False) -> CT_R:
    """A ``w:r`` holding ``text`` (tabs and newlines become ``w:tab`` and ``w:br``)."""
    r = element("w:r")
    if style_id or bold or italic:
        # Built child by child in schema order: python-docx's ordered insertion looks up
        # every possible successor and dominates the time of a large handout.
        properties = element("w:rPr")
        if style_id:
            properties.append(make("w:rStyle", val=style_id))
        if bold:
            properties.append(element("w:b"))
        if italic:
            properties.append(element("w:i"))
        r.append(properties)
    if "\t" in text or "\n" in text:
        r.text = text
    else:
        t = element("w:t")
        t.text = text
        if text != text.strip():
            t.set(XML_SPACE, "preserve")
        r.append(t)
    return r


def break_run() -> CT_R:
    """A run holding a hard line break."""
    r = element("w:r")
    r.append(element("w:br"))
    return r


def hyperlink(r_id: str = "", anchor: str = "", tooltip: str = "") -> BaseOxmlElement:
    """An empty ``w:hyperlink`` to a relationship (external) or a bookmark (internal)."""
    link = element("w:hyperlink")
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
    begin, separate, end = (element("w:r") for _ in range(3))
    begin.append(make("w:fldChar", fldCharType="begin"))
    code = element("w:r")
    instr = element("w:instrText")
    instr.set(XML_SPACE, "preserve")
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


def _schema_position(node: BaseOxmlElement, sequence: tuple[str, ...]) -> int:
    local = node.tag.rpartition("}")[2]
    return sequence.index(local) if local in sequence else len(sequence)
