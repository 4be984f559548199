"""Speed-up: a line of text is broken once per layout, not again at every try; the PDF's bytes stay the same.

WeasyPrint 70 balances columns and keeps blocks together by laying the same content out
again and again at other heights, and each time it asks Pango where the same line of
the same paragraph, at the same width, breaks (``split_first_line``): on the clinic's
leaflet 488 such calls, 145 of them distinct, a third of the render's time.

``split_first_line`` gives the same answer to the same question within one layout: its
text, the style object, the width, the justification spacing and the two flags are all
it reads, besides the hyphenation dictionaries it caches on the layout context. So its
answers are kept on that context and handed back. The layout object it returns holds no
Pango state once returned (WeasyPrint deactivates it, and drawing makes its Pango layout
again from the text and style, then lets it go), so two text boxes may share one. Texts
longer than ``LONGEST_TEXT`` characters are not kept: their keys would hold megabytes.
"""

from __future__ import annotations

import logging

log = logging.getLogger("publisher.speed")

WRITTEN_FOR = "70.0"
"""The WeasyPrint whose ``split_first_line`` this reasons about (pinned in pyproject.toml)."""
LONGEST_TEXT = 4_000
"""The longest rest of a paragraph whose line breaks are kept (a long answer's paragraph is 1,500)."""


def install() -> bool:
    """Route WeasyPrint's layout through the kept line breaks; False (nothing changed) for another version."""
    import weasyprint
    from weasyprint.layout import inline, preferred

    if weasyprint.__version__ != WRITTEN_FOR:
        log.debug("WeasyPrint %s is not %s: lines broken as installed", weasyprint.__version__, WRITTEN_FOR)
        return False
    if not getattr(inline.split_first_line, "kept_lines", False):
        inline.split_first_line = kept(inline.split_first_line)
        preferred.split_first_line = kept(preferred.split_first_line)
    return True


def kept(split_first_line):
    """``split_first_line`` answering a question it was asked before in this layout from its answer then."""

    def split(text, style, context, max_width, justification_spacing, is_line_start=True, minimum=False):
        rest = (max_width, justification_spacing, is_line_start, minimum)
        if len(text) > LONGEST_TEXT:
            return split_first_line(text, style, context, *rest)
        answers = context.__dict__.setdefault("_publisher_lines", {})
        # Styles are dicts, so their id is in the key; the style kept with the answer stays
        # alive, so its id is never another style's.
        key = (text, id(style), *rest)
        found = answers.get(key)
        if found is None or found[0] is not style:
            found = answers[key] = (style, split_first_line(text, style, context, *rest))
        return found[1]

    split.kept_lines = True  # type: ignore[attr-defined]
    return split
