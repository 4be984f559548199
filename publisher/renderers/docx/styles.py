"""The handout's Word styles: our clean default look, brand colours and fonts, language.

Staff edit the handout before sending it, so every look comes from a named style
(no direct formatting). The default look replaces every style of python-docx's
template with the ones below. With a clinic's reference document, its styles win
and only the styles it lacks are added (as pandoc's ``--reference-doc`` does).

Every style name is in style_names.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

from publisher.renderers.docx.style_names import Style
from publisher.renderers.docx.xml import PPR_ORDER, RPR_ORDER, attr, fragment, insert_in_order, make


@dataclass(frozen=True)
class StyleSpec:
    """One style: its type, stored name, preferred id, relations (by name) and properties."""

    kind: str
    name: str
    style_id: str
    based_on: str = Style.NORMAL
    next: str = ""
    properties: str = ""
    """``w:pPr``, ``w:rPr``, ``w:tblPr`` and ``w:tblStylePr`` XML, in schema order."""
    builtin: bool = True
    default: bool = False
    quick: bool = False
    """Shown in Word's style gallery (``w:qFormat``)."""

    def xml(self, ids: dict[str, str]) -> str:
        """The ``w:style`` element, relations resolved through ``ids`` (name -> id)."""
        head = f'<w:style w:type="{self.kind}" w:styleId={attr(ids[self.name.lower()])}'
        head += ' w:default="1"' if self.default else ""
        head += "" if self.builtin else ' w:customStyle="1"'
        parts = [head + ">", f"<w:name w:val={attr(self.name)}/>"]
        if self.based_on:
            parts.append(f"<w:basedOn w:val={attr(ids[self.based_on.lower()])}/>")
        if self.next:
            parts.append(f"<w:next w:val={attr(ids[self.next.lower()])}/>")
        if self.quick:
            parts.append("<w:qFormat/>")
        return "".join(parts) + self.properties + "</w:style>"


# --- property XML: children are sorted into python-docx's (the schema's) order ---------


FIRST_TAG = re.compile(r"<w:(\w+)")


def _ordered(tag: str, sequence: tuple[str, ...], parts: tuple[str, ...]) -> str:
    children = sorted((p for p in parts if p), key=lambda p: sequence.index(_first_tag(p)))
    return f"<{tag}>{''.join(children)}</{tag}>" if children else ""


def _first_tag(xml: str) -> str:
    """The local name of the ``w:`` element ``xml`` starts with (``rFonts`` for ``<w:rFonts .../>``)."""
    match = FIRST_TAG.match(xml)
    if match is None:
        raise ValueError(f"not a w: element: {xml[:40]!r}")
    return match.group(1)


def ppr(*parts: str) -> str:
    """A ``w:pPr`` holding ``parts`` in schema order."""
    return _ordered("w:pPr", PPR_ORDER, parts)


def rpr(*parts: str) -> str:
    """A ``w:rPr`` holding ``parts`` in schema order."""
    return _ordered("w:rPr", RPR_ORDER, parts)


def font(name: str) -> str:
    """Typeface for Latin and complex scripts (East Asian text keeps the theme's font)."""
    return f"<w:rFonts w:ascii={attr(name)} w:hAnsi={attr(name)} w:cs={attr(name)}/>"


def color(hex_colour: str) -> str:
    """Text colour."""
    return f'<w:color w:val="{hex_colour}"/>'


def size(points: float) -> str:
    """Font size (Word counts half points)."""
    half = round(points * 2)
    return f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>'


def spacing(before: int = 0, after: int = 0, line: int = 0) -> str:
    """Space before and after the paragraph, and line spacing, in twips (240 = single)."""
    line_attr = f' w:line="{line}" w:lineRule="auto"' if line else ""
    return f'<w:spacing w:before="{before}" w:after="{after}"{line_attr}/>'


def border(side: str, hex_colour: str, eighths: int = 4, space: int = 4) -> str:
    """One single-line paragraph or table border."""
    return f'<w:{side} w:val="single" w:sz="{eighths}" w:space="{space}" w:color="{hex_colour}"/>'


def shade(fill: str) -> str:
    """A background fill."""
    return f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>'


BOLD = "<w:b/><w:bCs/>"
ITALIC = "<w:i/><w:iCs/>"
KEEP = "<w:keepNext/><w:keepLines/>"


def word_colour(css: str) -> str:
    """``#1d4f73`` (or ``#abc``) as Word's ``1D4F73``."""
    value = css.strip().lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    return value.upper()


def tint(hex_colour: str, amount: float) -> str:
    """``hex_colour`` mixed with white: a light fill that keeps dark text readable."""
    channels = [int(hex_colour[i : i + 2], 16) for i in (0, 2, 4)]
    return "".join(f"{round(255 - (255 - c) * amount):02X}" for c in channels)


# --- installing styles into a styles part ----------------------------------------------


def install_styles(root: BaseOxmlElement, specs: list[StyleSpec], replace: bool) -> dict[str, str]:
    """Add ``specs`` to ``w:styles``; returns the style id to use for each spec's name.

    ``replace`` removes every existing style first (our own default look). Otherwise
    existing styles win: a spec is added only when no style of that name exists.
    """
    if replace:
        for style in root.findall(qn("w:style")):
            root.remove(style)
    ids = {name.lower(): style_id for name, style_id in existing_styles(root).items()}
    taken = set(ids.values())
    missing = [spec for spec in specs if spec.name.lower() not in ids]
    for spec in missing:
        style_id, number = spec.style_id, 2
        while style_id in taken:
            style_id, number = f"{spec.style_id}{number}", number + 1
        taken.add(style_id)
        ids[spec.name.lower()] = style_id
    for spec in missing:
        root.append(fragment(spec.xml(ids)))
    return {spec.name: ids[spec.name.lower()] for spec in specs}


def existing_styles(root: BaseOxmlElement) -> dict[str, str]:
    """Name -> id of every style in ``w:styles``."""
    found = {}
    for style in root.findall(qn("w:style")):
        name = style.find(qn("w:name"))
        if name is not None:
            found[name.get(qn("w:val"))] = style.get(qn("w:styleId"))
    return found


def replace_doc_defaults(root: BaseOxmlElement, base_font: str, points: float) -> None:
    """Our document defaults: the body font and size, and single paragraph spacing."""
    for old in root.findall(qn("w:docDefaults")):
        root.remove(old)
    defaults = fragment(
        f"<w:docDefaults><w:rPrDefault>{rpr(font(base_font), size(points))}</w:rPrDefault>"
        f"<w:pPrDefault>{ppr(spacing(0, 0))}</w:pPrDefault></w:docDefaults>"
    )
    root.insert(0, defaults)


def set_language(root: BaseOxmlElement, lang: str) -> None:
    """Make ``lang`` the language of all text, so Word's spell-checker uses it.

    It goes on the document defaults, and replaces any language a (reference)
    style sets, which would otherwise win over the defaults.
    """
    defaults = root.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = make("w:docDefaults")
        root.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = make("w:rPrDefault")
        defaults.insert(0, rpr_default)
    run_props = rpr_default.find(qn("w:rPr"))
    if run_props is None:
        run_props = make("w:rPr")
        rpr_default.append(run_props)
    if run_props.find(qn("w:lang")) is None:
        insert_in_order(run_props, make("w:lang"), RPR_ORDER)
    for element in root.iter(qn("w:lang")):
        element.set(qn("w:val"), lang)
