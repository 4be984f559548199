"""A readable dump of a Word handout's body: one line per paragraph, one per table row.

Each paragraph is ``Style name | text``; what the text shows besides its characters is
written in brackets, so a fixture says what a reader of the handout sees:

- a list paragraph starts with its marker as Word draws it (``3.``, ``•``), worked out
  from ``word/numbering.xml``: the numbering instance, its start override, the level;
- a run in a character style is ``[Style: text]`` (``+b``/``+i`` for direct bold and
  italic), a line break is ``↵``, a picture ``[picture "description" title "title" W x H pt]``;
- a link is ``[link -> target "tooltip": text]``, the target a URL or ``#bookmark``;
- a table row is ``Table style | header`` or ``| row`` then ``Style align: text`` per cell.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator

from docx.styles import BabelFish
from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
EMU_PER_PT = 12_700
NS = {"w": W_NS, "r": R_NS, "wp": WP_NS}


def w(name: str) -> str:
    """The Clark name of a WordprocessingML element or attribute (``w("p")``)."""
    return f"{{{W_NS}}}{name}"


class Package:
    """The parts of a .docx the dump needs: body, style names, numbering, link targets."""

    def __init__(self, data: bytes):
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            self.body = etree.fromstring(package.read("word/document.xml")).find(w("body"))
            styles = etree.fromstring(package.read("word/styles.xml"))
            numbering = etree.fromstring(package.read("word/numbering.xml"))
            rels = etree.fromstring(package.read("word/_rels/document.xml.rels"))
        # Word's own names for its built-in styles ("heading 1") as its menus show them.
        self.style_names = {
            s.get(w("styleId")): BabelFish.internal2ui(s.find(w("name")).get(w("val")))
            for s in styles.iter(w("style"))
        }
        self.targets = {r.get("Id"): r.get("Target") for r in rels}
        self.numbering = Numbering(numbering)

    def style(self, element: etree._Element, prop: str, style: str) -> str:
        """The style name of a paragraph or run (``prop`` is ``pPr`` or ``rPr``), "" when none."""
        found = element.find(f"w:{prop}/w:{style}", NS)
        return "" if found is None else self.style_names.get(found.get(w("val")), found.get(w("val")))


class Numbering:
    """Word's list numbering, enough to say which marker each list paragraph shows."""

    def __init__(self, root: etree._Element):
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}
        for abstract in root.findall("w:abstractNum", NS):
            for lvl in abstract.findall("w:lvl", NS):
                key = (abstract.get(w("abstractNumId")), int(lvl.get(w("ilvl"))))
                self.levels[key] = (
                    lvl.find("w:numFmt", NS).get(w("val")),
                    lvl.find("w:lvlText", NS).get(w("val")),
                    int(lvl.find("w:start", NS).get(w("val"))),
                )
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        for num in root.findall("w:num", NS):
            starts = {
                int(o.get(w("ilvl"))): int(o.find("w:startOverride", NS).get(w("val")))
                for o in num.findall("w:lvlOverride", NS)
                if o.find("w:startOverride", NS) is not None
            }
            self.nums[num.get(w("numId"))] = (num.find("w:abstractNumId", NS).get(w("val")), starts)
        self.counters: dict[str, dict[int, int]] = {}

    def marker(self, num_id: str, level: int) -> str:
        """The marker of the next paragraph of list ``num_id`` at ``level``, counting it."""
        abstract, starts = self.nums[num_id]
        counters = self.counters.setdefault(num_id, {})
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]  # a higher level restarts the levels below it
        start = starts.get(level, self.levels[abstract, level][2])
        counters[level] = counters.get(level, start - 1) + 1
        fmt, text, _ = self.levels[abstract, level]
        if fmt == "bullet":
            return text
        assert fmt == "decimal", f"the dump knows bullets and decimals, not {fmt}"
        return re.sub(r"%(\d)", lambda m: str(counters.get(int(m.group(1)) - 1, 0)), text)


def dump_body(data: bytes, after: str = "") -> str:
    """The body of a .docx as dump lines; with ``after``, only what follows the paragraph with that text."""
    package = Package(data)
    lines = []
    for element in package.body:
        if element.tag == w("p"):
            lines.append(paragraph_line(package, element))
        elif element.tag == w("tbl"):
            lines.extend(table_lines(package, element))
    if after:
        texts = [line.split(" | ", 1)[-1] for line in lines]
        lines = lines[texts.index(after) + 1 :]
    return "".join(line.rstrip() + "\n" for line in lines)


def paragraph_line(package: Package, p: etree._Element) -> str:
    """``Style | marker text`` for one body paragraph."""
    marker = ""
    num_pr = p.find("w:pPr/w:numPr", NS)
    if num_pr is not None:
        num_id = num_pr.find("w:numId", NS).get(w("val"))
        level = int(num_pr.find("w:ilvl", NS).get(w("val")))
        marker = package.numbering.marker(num_id, level) + " "
    return f"{package.style(p, 'pPr', 'pStyle') or 'Normal'} | {marker}{inline_text(package, p)}"


def table_lines(package: Package, tbl: etree._Element) -> Iterator[str]:
    """One line per row: the table style, header or row, then each cell's style, alignment and text."""
    style = package.style(tbl, "tblPr", "tblStyle") or "no style"
    for tr in tbl.findall("w:tr", NS):
        kind = "header" if tr.find("w:trPr/w:tblHeader", NS) is not None else "row"
        cells = []
        for p in tr.findall("w:tc/w:p", NS):
            jc = p.find("w:pPr/w:jc", NS)
            align = "" if jc is None else " " + jc.get(w("val"))
            cells.append(f"{package.style(p, 'pPr', 'pStyle') or 'Normal'}{align}: {inline_text(package, p)}")
        yield " | ".join([style, kind, *cells])


def inline_text(package: Package, parent: etree._Element) -> str:
    """The runs and links of a paragraph (or of a link) as text with bracketed marks."""
    parts = []
    for child in parent:
        if child.tag == w("r"):
            parts.append(run_text(package, child))
        elif child.tag == w("hyperlink"):
            r_id = child.get(f"{{{R_NS}}}id")
            target = package.targets[r_id] if r_id else "#" + child.get(w("anchor"))
            tooltip = f' "{child.get(w("tooltip"))}"' if child.get(w("tooltip")) else ""
            parts.append(f"[link -> {target}{tooltip}: {inline_text(package, child)}]")
    return "".join(parts)


def run_text(package: Package, r: etree._Element) -> str:
    """One run: its text, line breaks and pictures, bracketed when it has a character style."""
    text = []
    for child in r:
        if child.tag == w("t"):
            text.append(child.text or "")
        elif child.tag == w("br"):
            text.append("↵")
        elif child.tag == w("tab"):
            text.append("\t")
        elif child.tag == w("drawing"):
            extent = child.find(".//wp:extent", NS)
            size = " x ".join(f"{int(extent.get(a)) / EMU_PER_PT:g}" for a in ("cx", "cy"))
            doc_pr = child.find(".//wp:docPr", NS)
            title = f' title "{doc_pr.get("title")}"' if doc_pr.get("title") else ""
            text.append(f'[picture "{doc_pr.get("descr")}"{title} {size} pt]')
    marks = [package.style(r, "rPr", "rStyle")]
    marks += [name for name, tag in (("+b", "b"), ("+i", "i")) if r.find(f"w:rPr/w:{tag}", NS) is not None]
    joined = "".join(text)
    if not any(marks) or not joined:
        return joined
    return f"[{''.join(marks)}: {joined}]"
