"""The Word handout against the rules Word enforces with a repair prompt.

Word validates child order inside properties, unique drawing and bookmark ids, and
that every relationship and part is declared. The sequences below are copied from
ECMA-376 Part 1 (the schema), independently of the renderer's own constants.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from publisher.brandfile import load_brand
from tests.helpers.paths import BRANDED_FAQ, CLINIC_FAQ, FEATURES_FAQ, SPANISH_FAQ
from tests.helpers.word import W, make_reference, picture_source, render

R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
SEQUENCES = {
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr "
    "shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN "
    "bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc "
    "textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
    "rPr": "ins del moveFrom moveTo rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow "
    "emboss imprint noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u "
    "effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath rPrChange",
    "style": "name aliases basedOn next link autoRedefine hidden uiPriority semiHidden unhideWhenUsed "
    "qFormat locked personal personalCompose personalReply rsid pPr rPr tblPr trPr tcPr tblStylePr",
    "abstractNum": "nsid multiLevelType tmpl name styleLink numStyleLink lvl",
    "lvl": "start numFmt lvlRestart pStyle isLgl suff lvlText lvlPicBulletId legacy lvlJc pPr rPr",
    "num": "abstractNumId lvlOverride",
    "numbering": "numPicBullet abstractNum num numIdMacAtCleanup",
    "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc "
    "tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription",
    "tblBorders": "top left start bottom right end insideH insideV",
    "pBdr": "top left bottom right between bar",
    "tcPr": "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText vAlign "
    "hideMark",
    "tbl": "bookmarkStart bookmarkEnd tblPr tblGrid tr",
    "tblStylePr": "pPr rPr tblPr trPr tcPr",
    "styles": "docDefaults latentStyles style",
    "numPr": "ilvl numId numberingChange ins",
}
PARTS = ("word/document.xml", "word/header1.xml", "word/footer1.xml", "word/styles.xml", "word/numbering.xml")


@pytest.fixture(
    scope="module",
    params=["clinic", "features", "spanish", "pictures", "reference", "branded", "sample"],
)
def handout(request, tmp_path_factory) -> bytes:
    folder = tmp_path_factory.mktemp(request.param)
    if request.param in ("branded", "sample"):
        source = BRANDED_FAQ if request.param == "branded" else CLINIC_FAQ
        return render(source, brand=load_brand(source.parent / "_brand.yml"))
    if request.param == "pictures":
        return render(picture_source(folder, "![A wide photo](wide.png)\n\n![A small one](small.jpg)"))
    if request.param == "reference":
        return render(FEATURES_FAQ, docx_reference=make_reference(folder / "reference.docx"))
    return render({"clinic": CLINIC_FAQ, "features": FEATURES_FAQ, "spanish": SPANISH_FAQ}[request.param])


def parts(data: bytes) -> dict[str, etree._Element]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {name: etree.fromstring(package.read(name)) for name in PARTS if name in package.namelist()}


def local(element: etree._Element) -> str:
    return etree.QName(element).localname


def out_of_order(root: etree._Element) -> list[str]:
    """Every element whose children break the schema's sequence for it."""
    problems = []
    for element in root.iter(f"{W}*"):
        sequence = SEQUENCES.get(local(element), "").split()
        if not sequence:
            continue
        positions = [sequence.index(local(c)) if local(c) in sequence else -1 for c in element]
        if -1 in positions or positions != sorted(positions):
            problems.append(f"{local(element)}: {[local(c) for c in element]}")
    return problems


def test_children_come_in_schema_order(handout):
    for name, root in parts(handout).items():
        assert out_of_order(root) == [], name


def test_paragraph_properties_come_first(handout):
    for name, root in parts(handout).items():
        for p in root.iter(f"{W}p"):
            properties = p.findall(f"{W}pPr")
            assert len(properties) <= 1 and (not properties or p[0] is properties[0]), name


def test_ids_are_unique(handout):
    body = parts(handout)["word/document.xml"]
    # Drawing ids are unique across the body, header and footer (the logo is a drawing too).
    drawing_ids = [
        value
        for root in parts(handout).values()
        for value in root.xpath(
            "//wp:docPr/@id",
            namespaces={"wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"},
        )
    ]
    assert len(drawing_ids) == len(set(drawing_ids))
    bookmark_ids = [b.get(f"{W}id") for b in body.iter(f"{W}bookmarkStart")]
    assert len(bookmark_ids) == len(set(bookmark_ids))
    bookmark_names = [b.get(f"{W}name").lower() for b in body.iter(f"{W}bookmarkStart")]
    assert len(bookmark_names) == len(set(bookmark_names))


@pytest.mark.parametrize("story", ["document", "header1", "footer1"])
def test_every_reference_and_part_is_declared(handout, story):
    with zipfile.ZipFile(io.BytesIO(handout)) as package:
        names = set(package.namelist())
        rels_name = f"word/_rels/{story}.xml.rels"
        rels = etree.fromstring(package.read(rels_name)) if rels_name in names else []
        types = etree.fromstring(package.read("[Content_Types].xml"))
        body = etree.fromstring(package.read(f"word/{story}.xml"))
    declared = {r.get("Id"): r for r in rels}
    used = {value for el in body.iter() for key, value in el.attrib.items() if key.startswith(R)}
    assert used <= set(declared)
    for rel in declared.values():
        if rel.get("TargetMode") != "External":
            assert posixpath.normpath("word/" + rel.get("Target")) in names, rel.get("Target")
    defaults = {d.get("Extension").lower() for d in types.iter(f"{CT}Default")}
    overrides = {o.get("PartName").lstrip("/") for o in types.iter(f"{CT}Override")}
    for name in names - {"[Content_Types].xml"}:
        assert name in overrides or name.rpartition(".")[2].lower() in defaults, name


def test_every_part_is_utf8_xml(handout):
    with zipfile.ZipFile(io.BytesIO(handout)) as package:
        for name in package.namelist():
            if name.endswith((".xml", ".rels")):
                head = package.read(name)[:60].lower()
                assert head.startswith(b"<?xml") and b"utf-8" in head, name


def test_sources_of_every_kind_render(tmp_path: Path):
    # Empty list items, code in list items, quotes holding lists, and an untitled leading group.
    source = tmp_path / "odd.md"
    source.write_text(
        "---\ntitle: Odd shapes\n---\n\n## First?\n\n-\n- ```\n  code\n  ```\n\n"
        "> - quoted item\n>\n>   more\n\n# Later\n\n## Second?\n\n1. one\n\n   > quoted inside\n",
        encoding="utf-8",
    )
    root = parts(render(source))["word/document.xml"]
    assert out_of_order(root) == []
