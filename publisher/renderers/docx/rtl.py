"""Right-to-left Word handouts (Arabic, Hebrew, Persian, Urdu): the properties Word and LibreOffice read.

Applied to the finished document, over every part holding text (body, header, footer,
styles), so the writers above stay unaware of direction:

- each paragraph is right to left (``w:bidi``), and so is the section (columns, gutter);
- each run holding right-to-left letters is a complex-script run (``w:rtl``): Word then
  takes its bold, italic and size from ``w:bCs``, ``w:iCs`` and ``w:szCs``, which are set
  beside every ``w:b``, ``w:i`` and ``w:sz`` (runs and styles alike);
- each table runs right to left, its first column at the right (``w:bidiVisual``);
- the language of complex-script text is the document's (``w:lang w:bidi``), for Word's
  spell-checker and its choice of digits and shaping.

Paragraph indents and alignment need no change: in a right-to-left paragraph Word and
LibreOffice read ``left`` as the start side.
"""

from __future__ import annotations

import re

from docx.document import Document as WordDocument
from docx.opc.part import XmlPart
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

from publisher.direction import LRE, PDF, embed_ltr_runs, is_ltr_run
from publisher.renderers.docx.phone import NO_BREAK_SPACE
from publisher.renderers.docx.xml import PPR_ORDER, RPR_ORDER, insert_in_order, make

RTL_LETTERS = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
"""Hebrew, Arabic, Syriac, Thaana and their presentation forms."""
TBLPR_ORDER = ("tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize")
SECTPR_TAIL = ("textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange")
COMPLEX_TWINS = {"b": "bCs", "i": "iCs", "sz": "szCs"}
"""A run property and its complex-script twin, which right-to-left text reads instead."""


def make_right_to_left(word: WordDocument, lang: str) -> None:
    """Turn the handout ``word`` right to left, its complex-script language ``lang``."""
    for part in text_parts(word):
        root = part.element
        for paragraph_props in paragraph_properties(root):
            add_once(paragraph_props, "bidi", PPR_ORDER)
        for run in root.iter(qn("w:r")):
            if RTL_LETTERS.search("".join(t.text or "" for t in run.iter(qn("w:t")))):
                add_once(run.get_or_add_rPr(), "rtl", RPR_ORDER)
        whole = {id(text) for run in root.iter(qn("w:r")) for text in embed_phone_run(run)}
        for text in root.iter(qn("w:t")):
            if id(text) not in whole:
                text.text = embed_ltr_runs(text.text or "")  # numbers and addresses keep their order
        for table_props in root.iter(qn("w:tblPr")):
            add_once(table_props, "bidiVisual", TBLPR_ORDER)
        for run_props in root.iter(qn("w:rPr")):
            add_complex_twins(run_props)
        for language in root.iter(qn("w:lang")):
            language.set(qn("w:bidi"), lang)
    for section_props in word.element.body.iter(qn("w:sectPr")):
        add_once(section_props, "bidi", SECTPR_TAIL, last_known=True)


def embed_phone_run(run: BaseOxmlElement) -> list[BaseOxmlElement]:
    """Embed a phone number Word must not wrap as one left-to-right run; its ``w:t`` pieces, or none.

    ``phone.keep_together`` cuts "800-1234" into "800", ``w:noBreakHyphen``, "1234": each
    piece alone is plain digits, which the embedding of single texts leaves alone, and the
    bidirectional algorithm then shows "1234-800". The marks go around the whole number.
    """
    pieces = [child for child in run if child.tag in (qn("w:t"), qn("w:noBreakHyphen"))]
    texts = [child for child in pieces if child.tag == qn("w:t")]
    if not texts or (len(texts) == len(pieces) and not any(NO_BREAK_SPACE in (t.text or "") for t in texts)):
        return []
    number = "".join("-" if child.tag == qn("w:noBreakHyphen") else (child.text or "") for child in pieces)
    if not is_ltr_run(number.replace(NO_BREAK_SPACE, " ")):
        return []
    texts[0].text = LRE + (texts[0].text or "")
    texts[-1].text = (texts[-1].text or "") + PDF
    return texts


def text_parts(word: WordDocument) -> list[XmlPart]:
    """The body, styles, headers and footers of ``word``: every part whose text has a direction."""
    names = ("/word/document.xml", "/word/styles.xml", "/word/header", "/word/footer")
    parts = [p for p in word.part.package.iter_parts() if isinstance(p, XmlPart)]
    return [p for p in parts if str(p.partname).startswith(names)]


def paragraph_properties(root: BaseOxmlElement) -> list[BaseOxmlElement]:
    """The ``w:pPr`` of every paragraph and of every paragraph style, created where missing."""
    props = [p.get_or_add_pPr() for p in root.iter(qn("w:p"))]
    for style in root.iter(qn("w:style")):
        if style.get(qn("w:type")) == "paragraph":
            props.append(style.get_or_add_pPr())
    return props


def add_once(parent: BaseOxmlElement, name: str, order: tuple[str, ...], last_known: bool = False) -> None:
    """Add the empty element ``w:name`` to ``parent`` in schema order, unless it is there."""
    if parent.find(qn(f"w:{name}")) is not None:
        return
    if last_known:  # order lists only the tail of the sequence: insert before the first of it that follows
        following = order[order.index(name) + 1 :]
        for index, child in enumerate(parent):
            if child.tag.rpartition("}")[2] in following:
                parent.insert(index, make(f"w:{name}"))
                return
        parent.append(make(f"w:{name}"))
        return
    insert_in_order(parent, make(f"w:{name}"), order)


def add_complex_twins(run_props: BaseOxmlElement) -> None:
    """Beside ``w:b``, ``w:i`` and ``w:sz``, their complex-script twins with the same value."""
    for name, twin in COMPLEX_TWINS.items():
        original = run_props.find(qn(f"w:{name}"))
        if original is None or run_props.find(qn(f"w:{twin}")) is not None:
            continue
        copy = make(f"w:{twin}")
        for key, value in original.attrib.items():
            copy.set(key, value)
        insert_in_order(run_props, copy, RPR_ORDER)
