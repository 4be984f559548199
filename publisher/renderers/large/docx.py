"""The large-print handout (``-f large-docx``): the Word handout with its styles enlarged.

Every style keeps its name, so staff edit it as they edit the standard handout; only
sizes, line spacing and italics change (``large_style``). A clinic's reference document
(``--docx-reference``) is not used here: its styles would bring back 11pt text. Wide
tables are set out row by row (``linear.py``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from publisher.model import Document
from publisher.renderers import Rendered, Theme
from publisher.renderers.docx.look import Look
from publisher.renderers.docx.render import render_docx
from publisher.renderers.docx.style_names import Style
from publisher.renderers.docx.styles import StyleSpec
from publisher.renderers.large.linear import linear_tables

BODY_POINTS = 18
"""Body text: the UKAAF's and RNIB's usual large print size (never under 16)."""
MOST_POINTS = 36
"""The largest heading: bigger only means fewer words a line."""
LINE = 360
"""Line spacing in 240ths of a line: 1.5."""
SIZE = re.compile(r'<w:(sz|szCs) w:val="(\d+)"/>')
LINE_SPACING = re.compile(r'w:line="\d+"')


def render_large_docx(document: Document, theme: Theme) -> Rendered:
    """The large-print Word handout of ``document`` (the same input gives the same bytes)."""
    return render_docx(linear_tables(document), replace(theme, docx_reference=None), LARGE_PRINT)


def large_points(points: float) -> float:
    """A standard size in large print: body text and smaller become 18pt, headings grow with them."""
    if points <= 11:
        return BODY_POINTS
    return min(MOST_POINTS, BODY_POINTS + (points - 11) * 1.2)


def large_style(spec: StyleSpec) -> StyleSpec:
    """A style of the standard handout in large print: bigger, 1.5 lines apart, never italic."""

    def enlarged(match: re.Match[str]) -> str:
        half_points = round(large_points(int(match.group(2)) / 2) * 2)
        return f'<w:{match.group(1)} w:val="{half_points}"/>'

    properties = SIZE.sub(enlarged, spec.properties)
    properties = LINE_SPACING.sub(f'w:line="{LINE}"', properties)
    # Emphasis becomes bold (<w:b/> where <w:i/> was keeps the schema's order: b, bCs, i, iCs);
    # other italic styles (Quote, Heading 4) are set upright.
    bold = spec.name == Style.EMPHASIS and "<w:b/>" not in properties
    properties = properties.replace("<w:i/>", "<w:b/>" if bold else "")
    properties = properties.replace("<w:iCs/>", "<w:bCs/>" if bold else "")
    return replace(spec, properties=properties)


LARGE_PRINT = Look(body_points=BODY_POINTS, footer_points=BODY_POINTS, restyle=large_style, italics=False)
"""The handout's look in large print."""
