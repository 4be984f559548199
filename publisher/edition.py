"""The edition's own words: its version line, its reviewers and its numbered sources.

Worked out once per source (``publisher.facts``) so every format says the same:
"Version 3 · Reviewed November 2026 · Next review November 2029", "Reviewed by ...",
and the "Sources" list. The list is built as model blocks (an ordered list of
paragraphs with links), so each renderer draws it with the code that draws answers.
"""

from __future__ import annotations

from publisher.labels import Labels
from publisher.model import Inline, Link, List, ListItem, Meta, Paragraph, Reference, Text

SEPARATOR = " · "


def edition_line(meta: Meta, labels: Labels) -> str:
    """ "Version 3 · Reviewed November 2026 · Next review November 2029" (the parts known)."""
    parts = [
        labels.version.format(version=meta.version) if meta.version else "",
        labels.reviewed_in.format(date=labels.format_month(meta.updated)) if meta.updated else "",
        labels.next_review.format(date=labels.format_month(meta.review_by)) if meta.review_by else "",
    ]
    return SEPARATOR.join(part for part in parts if part)


def reviewers_line(meta: Meta, labels: Labels) -> str:
    """ "Reviewed by Dr A (role); B (role)", or empty when nobody is named."""
    return labels.reviewed_by.format(names="; ".join(meta.reviewed_by)) if meta.reviewed_by else ""


def sources_list(meta: Meta) -> List | None:
    """The references as a numbered list (None when there are none)."""
    if not meta.sources:
        return None
    items = tuple(ListItem((Paragraph(reference_inlines(ref)),)) for ref in meta.sources)
    return List(ordered=True, items=items)


def reference_inlines(ref: Reference) -> tuple[Inline, ...]:
    """One reference as a citation: "Author. Title. Publisher, Year. https://..." (the parts known)."""
    by = ", ".join(part for part in (ref.publisher, ref.year) if part)
    text = " ".join(sentence(part) for part in (ref.author, ref.title, by) if part)
    if not ref.url:
        return (Text(text),)
    return (Text(text + " "), Link(ref.url, (Text(ref.url),)))


def sentence(text: str) -> str:
    """Text closed with a full stop unless it already ends with punctuation."""
    return text if text[-1:] in ".?!" else text + "."
