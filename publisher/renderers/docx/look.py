"""Our default look for the Word handout, as style definitions in the brand's colours and fonts.

Sizes follow the PDF leaflet's scale: 11 pt body, headings from 16 pt down, generous
spacing for patients reading on paper or a phone. A clinic's reference document
replaces any of these by defining a style of the same name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from publisher.brand import Brand
from publisher.renderers.docx.numbering import LIST_INDENT
from publisher.renderers.docx.page import FOOTER_POINTS
from publisher.renderers.docx.style_names import HEADINGS, LIST_LEVELS, Style, level_name
from publisher.renderers.docx.styles import (
    BOLD,
    ITALIC,
    KEEP,
    StyleSpec,
    border,
    color,
    font,
    ppr,
    rpr,
    shade,
    size,
    spacing,
    tint,
    word_colour,
)

BODY_POINTS = 11
CODE_FONT = "Courier New"
"""Monospace font every Word, LibreOffice and phone viewer has (or maps to its twin)."""
CONTEXTUAL = "<w:contextualSpacing/>"
"""No space between paragraphs of the same style (the closing block reads as one)."""
NO_PROOF = "<w:noProof/>"
"""Spell-checking code only draws red lines under it."""
ALTERNATIVES_POINTS = 16
"""The statement on other formats is set at large print's smallest size, whatever the look."""


def same(spec: StyleSpec) -> StyleSpec:
    """The standard look keeps every style as ``default_styles`` makes it."""
    return spec


@dataclass(frozen=True)
class Look:
    """The standard handout, or a variant of it (large print: ``renderers/large/docx.py``)."""

    body_points: float = BODY_POINTS
    """The document default size, for text no style sizes."""
    footer_points: float = FOOTER_POINTS
    """The footer's size, which decides how much of the contact line fits."""
    restyle: Callable[[StyleSpec], StyleSpec] = same
    """Applied to each of our styles (not to a reference document's)."""
    italics: bool = True
    """False: emphasis nested in a link or bold text is set bold, not italic."""


STANDARD = Look()
"""The handout as ``-f docx`` makes it."""


def default_styles(brand: Brand, bullet_num: int, number_num: int, text_width: int) -> list[StyleSpec]:
    """Every style the handout uses, in the brand's colours and fonts.

    ``bullet_num`` and ``number_num`` are the numbering instances the List Bullet and
    List Number styles point at, so a list started by hand in Word numbers itself.
    ``text_width`` (twips) places the header's right tab stop at the right margin.
    """
    primary, secondary = word_colour(brand.primary), word_colour(brand.secondary)
    # The neutral look leaves body text "automatic" (black, or white in a dark-mode viewer).
    foreground = word_colour(brand.foreground) if brand.foreground != Brand().foreground else ""
    return [
        *base_styles(brand.base_font, foreground),
        *title_styles(brand.headings_font, primary, secondary),
        *furniture_styles(primary, secondary, text_width),
        *heading_styles(brand.headings_font, primary),
        *list_styles(bullet_num, number_num),
        *block_styles(primary, secondary),
        *character_styles(primary),
        table_style(primary, secondary),
    ]


def base_styles(base_font: str, foreground: str) -> list[StyleSpec]:
    """The defaults every document needs (Normal, and the defaults of each style type)."""
    body = ppr(spacing(0, 140, 276)) + rpr(
        font(base_font), color(foreground) if foreground else "", size(BODY_POINTS)
    )
    cell_margins = "".join(
        f'<w:{side} w:w="{width}" w:type="dxa"/>'
        for side, width in (("top", 0), ("left", 108), ("bottom", 0), ("right", 108))
    )
    return [
        StyleSpec(
            "paragraph", Style.NORMAL, "Normal", based_on="", properties=body, default=True, quick=True
        ),
        StyleSpec(
            "character", Style.DEFAULT_PARAGRAPH_FONT, "DefaultParagraphFont", based_on="", default=True
        ),
        StyleSpec(
            "table",
            Style.NORMAL_TABLE,
            "TableNormal",
            based_on="",
            default=True,
            properties=f'<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>{cell_margins}'
            "</w:tblCellMar></w:tblPr>",
        ),
        StyleSpec("numbering", Style.NO_LIST, "NoList", based_on="", default=True),
    ]


def title_styles(headings_font: str, primary: str, secondary: str) -> list[StyleSpec]:
    """Title, Subtitle and Date (the "Last reviewed" line) at the top of the handout."""
    quiet = rpr(color(secondary), size(10))
    return [
        StyleSpec(
            "paragraph",
            Style.TITLE,
            "Title",
            next=Style.NORMAL,
            quick=True,
            properties=ppr(KEEP, spacing(0, 80)) + rpr(font(headings_font), BOLD, color(primary), size(24)),
        ),
        StyleSpec(
            "paragraph",
            Style.SUBTITLE,
            "Subtitle",
            next=Style.NORMAL,
            quick=True,
            properties=ppr(KEEP, spacing(0, 80)) + rpr(font(headings_font), color(secondary), size(14)),
        ),
        StyleSpec(
            "paragraph", Style.DATE, "Date", next=Style.NORMAL, properties=ppr(spacing(0, 320)) + quiet
        ),
    ]


def furniture_styles(primary: str, secondary: str, text_width: int) -> list[StyleSpec]:
    """Header (title at a right tab stop), Footer, and the clinic's name in the header."""
    right_tab = f'<w:tabs><w:tab w:val="right" w:pos="{text_width}"/></w:tabs>'
    # Space below the header: a 12 mm logo reaches past the top margin, and the title
    # would otherwise touch it.
    return [
        StyleSpec(
            "paragraph",
            Style.HEADER,
            "Header",
            properties=ppr(right_tab, spacing(0, 240)) + rpr(color(secondary), size(10)),
        ),
        StyleSpec(
            "paragraph",
            Style.FOOTER,
            "Footer",
            properties=ppr(spacing(0, 0), '<w:jc w:val="center"/>')
            + rpr(color(secondary), size(FOOTER_POINTS)),
        ),
        StyleSpec(
            "character",
            Style.CLINIC_NAME,
            "ClinicName",
            based_on=Style.DEFAULT_PARAGRAPH_FONT,
            builtin=False,
            properties=rpr(BOLD, color(primary), size(12)),
        ),
    ]


def heading_styles(headings_font: str, primary: str) -> list[StyleSpec]:
    """Heading 1 (sections), Heading 2 (questions), Heading 3 and 4 (inside answers)."""
    sizes = {1: 16, 2: 13, 3: 12, 4: 11}
    before = {1: 400, 2: 280, 3: 200, 4: 160}
    specs = []
    for level, name in HEADINGS.items():
        rule = f"<w:pBdr>{border('bottom', primary, 8, 4)}</w:pBdr>" if level == 1 else ""
        paragraph = ppr(KEEP, rule, spacing(before[level], 80), f'<w:outlineLvl w:val="{level - 1}"/>')
        run = rpr(font(headings_font), BOLD, ITALIC if level == 4 else "", color(primary), size(sizes[level]))
        specs.append(
            StyleSpec(
                "paragraph",
                name,
                f"Heading{level}",
                next=Style.NORMAL,
                quick=True,
                properties=paragraph + run,
            )
        )
    return specs


def list_styles(bullet_num: int, number_num: int) -> list[StyleSpec]:
    """List Bullet, List Number and List Continue, five levels each, on our numbering."""
    specs = []
    for level in range(LIST_LEVELS):
        left = LIST_INDENT * (level + 1)
        hanging = f'<w:ind w:left="{left}" w:hanging="{LIST_INDENT}"/>'
        for base, num in ((Style.LIST_BULLET, bullet_num), (Style.LIST_NUMBER, number_num)):
            numbered = f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>'
            name = level_name(base, level)
            properties = ppr(numbered, spacing(0, 60), hanging)
            specs.append(StyleSpec("paragraph", name, name.replace(" ", ""), properties=properties))
        name = level_name(Style.LIST_CONTINUE, level)
        properties = ppr(spacing(0, 60), f'<w:ind w:left="{left}"/>')
        specs.append(StyleSpec("paragraph", name, name.replace(" ", ""), properties=properties))
    return specs


def block_styles(primary: str, secondary: str) -> list[StyleSpec]:
    """Quote, Source Code, Compact (table cells) and the Disclaimer set apart at the end."""
    quote_bar = f"<w:pBdr>{border('left', primary, 18, 8)}</w:pBdr>"
    closing_rule = f"<w:pBdr>{border('top', secondary, 4, 6)}</w:pBdr>"
    return [
        StyleSpec(
            "paragraph",
            Style.QUOTE,
            "Quote",
            quick=True,
            properties=ppr(quote_bar, spacing(120, 120), '<w:ind w:left="360" w:right="360"/>')
            + rpr(ITALIC, color(secondary)),
        ),
        StyleSpec(
            "paragraph",
            Style.SOURCE_CODE,
            "SourceCode",
            builtin=False,
            properties=ppr(shade("F3F4F6"), spacing(60, 140, 240)) + rpr(font(CODE_FONT), NO_PROOF, size(10)),
        ),
        StyleSpec("paragraph", Style.COMPACT, "Compact", builtin=False, properties=ppr(spacing(40, 40))),
        # Tables and lists end without the paragraph gap of body text (a table has no
        # spacing of its own), so the paragraph after one brings that gap along.
        StyleSpec(
            "paragraph",
            Style.AFTER_LIST_OR_TABLE,
            Style.AFTER_LIST_OR_TABLE.replace(" ", ""),
            builtin=False,
            next=Style.NORMAL,
            properties=ppr(spacing(140, 140, 276)),
        ),
        StyleSpec(
            "paragraph",
            Style.DISCLAIMER,
            "Disclaimer",
            builtin=False,
            quick=True,
            properties=ppr(
                "<w:keepLines/>", closing_rule, shade(tint(primary, 0.08)), spacing(360, 120), CONTEXTUAL
            )
            + rpr(size(10)),
        ),
        StyleSpec(
            "paragraph",
            Style.ALTERNATIVE_FORMATS,
            "AlternativeFormats",
            builtin=False,
            properties=ppr("<w:keepLines/>", spacing(240, 120, 276)) + rpr(BOLD, size(ALTERNATIVES_POINTS)),
        ),
    ]


def character_styles(primary: str) -> list[StyleSpec]:
    """Hyperlink, Verbatim Char (inline code), Strong and Emphasis."""
    return [
        StyleSpec(
            "character",
            Style.HYPERLINK,
            "Hyperlink",
            based_on=Style.DEFAULT_PARAGRAPH_FONT,
            properties=rpr(color(primary), '<w:u w:val="single"/>'),
        ),
        StyleSpec(
            "character",
            Style.VERBATIM_CHAR,
            "VerbatimChar",
            based_on=Style.DEFAULT_PARAGRAPH_FONT,
            builtin=False,
            properties=rpr(font(CODE_FONT), NO_PROOF),
        ),
        StyleSpec(
            "character", Style.STRONG, "Strong", based_on=Style.DEFAULT_PARAGRAPH_FONT, properties=rpr(BOLD)
        ),
        StyleSpec(
            "character",
            Style.EMPHASIS,
            "Emphasis",
            based_on=Style.DEFAULT_PARAGRAPH_FONT,
            properties=rpr(ITALIC),
        ),
    ]


def table_style(primary: str, secondary: str) -> StyleSpec:
    """Thin grey rules, and a tinted bold header row (the row itself repeats on each page)."""
    rule = tint(secondary, 0.45)
    borders = "".join(
        border(side, rule, 4, 0) for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    margins = "".join(
        f'<w:{side} w:w="{width}" w:type="dxa"/>'
        for side, width in (("top", 40), ("left", 108), ("bottom", 40), ("right", 108))
    )
    header = (
        f'<w:tblStylePr w:type="firstRow">{rpr(BOLD)}'
        f"<w:tcPr>{shade(tint(primary, 0.15))}</w:tcPr></w:tblStylePr>"
    )
    properties = (
        f"<w:tblPr><w:tblBorders>{borders}</w:tblBorders><w:tblCellMar>{margins}</w:tblCellMar></w:tblPr>"
    )
    return StyleSpec(
        "table",
        Style.TABLE,
        "Table",
        based_on=Style.NORMAL_TABLE,
        builtin=False,
        properties=properties + header,
    )
