"""schema.org FAQPage JSON-LD, built from the same entries as the fragment.

Google reads an Answer's ``text`` as HTML but only honours h1-h6, br, ol, ul, li, a,
p, div, b, strong, i and em, so ``GoogleAnswerRenderer`` turns every other node into
one of those (code into text, tables into a list of rows, quotes into divs) and writes
no attribute but ``href``. The JSON is escaped for a ``<script>`` element: ``<``, ``>``
and ``&`` become ``\\u003c`` and friends, so no text can close the element early.
"""

from __future__ import annotations

import json
from typing import Any

from markupsafe import escape

from publisher.model import Code, CodeBlock, Document, Image, Link, List, Quote, Reference, Table, TableCell
from publisher.renderers.html.nodes import HtmlRenderer
from publisher.text import inline_text

ALLOWED_TAGS = frozenset(
    ("h1", "h2", "h3", "h4", "h5", "h6", "br", "ol", "ul", "li", "a", "p", "div", "b", "strong", "i", "em")
)
# JSON never needs these characters outside strings, and inside strings the \u form
# is the same value, so replacing them everywhere keeps the JSON equal.
SCRIPT_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


class GoogleAnswerRenderer(HtmlRenderer):
    """HTML restricted to the tags Google allows in FAQ answers, with ``href`` the only attribute.

    ``base_url`` (the FAQ's own address) makes internal ``#id`` links absolute, since
    a search result shows the answer away from the page that holds the ids.
    """

    def __init__(self, base_url: str = ""):
        super().__init__()
        self.base_url = base_url.split("#", 1)[0]

    def visit_list(self, node: List) -> str:
        # No ``start`` attribute: only href is allowed; the numbers restart at one.
        tag = "ol" if node.ordered else "ul"
        items = "\n".join(self.visit(item, node.tight) for item in node.items)
        return f"<{tag}>\n{items}\n</{tag}>"

    def visit_quote(self, node: Quote) -> str:
        return f"<div>\n{self.blocks(node.children)}\n</div>"

    def visit_code_block(self, node: CodeBlock) -> str:
        lines = node.text.rstrip("\n").split("\n")
        return "<div>" + "<br>".join(str(escape(line)) for line in lines) + "</div>"

    def visit_table(self, node: Table) -> str:
        # Each body row becomes "Header: value; Header: value", which reads well aloud too.
        rows = "\n".join(f"<li>{self.table_row(node.header, row)}</li>" for row in node.rows)
        return f"<ul>\n{rows}\n</ul>"

    def table_row(self, header: tuple[TableCell, ...], row: tuple[TableCell, ...]) -> str:
        """One table row as ``Header: value`` pairs separated by semicolons."""
        pairs = []
        for head, cell in zip(header, row, strict=False):
            label = self.inlines(head.children)
            value = self.inlines(cell.children)
            pairs.append(f"{label}: {value}" if inline_text(head.children).strip() else str(value))
        return "; ".join(pairs)

    def visit_code(self, node: Code) -> str:
        return str(escape(node.text))

    def visit_link(self, node: Link) -> str:
        href = node.href
        if node.internal and self.base_url:
            href = self.base_url + href
        return f'<a href="{escape(href)}">{self.inlines(node.children)}</a>'

    def visit_image(self, node: Image) -> str:
        # Images are not allowed; their alt text keeps the sentence whole, as in plain text.
        return str(escape(node.alt))


def faq_page(document: Document, clinic: str = "") -> dict[str, Any]:
    """The FAQPage object: one Question per entry, in source order.

    ``clinic`` (the brand's name) is the author when the front matter names none.
    """
    meta = document.meta
    answers = GoogleAnswerRenderer(meta.url)
    page: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "name": meta.title,
        "inLanguage": meta.lang,
    }
    if meta.url:
        page["url"] = meta.url
    if meta.updated:
        page["dateModified"] = meta.updated.isoformat()
    page.update(governance(document, clinic))
    page["mainEntity"] = [
        {
            "@type": "Question",
            "name": inline_text(entry.question),
            "acceptedAnswer": {"@type": "Answer", "text": str(answers.blocks(entry.answer))},
        }
        for entry in document.entries
    ]
    return page


def governance(document: Document, clinic: str) -> dict[str, Any]:
    """Edition, review and sources as schema.org says them: version, lastReviewed, reviewedBy, citation."""
    meta = document.meta
    found: dict[str, Any] = {}
    if meta.version:
        found["version"] = meta.version
    if meta.author or clinic:
        found["author"] = {"@type": "Organization", "name": meta.author or clinic}
    if meta.updated:
        found["lastReviewed"] = meta.updated.isoformat()
    if meta.reviewed_by:
        found["reviewedBy"] = [{"@type": "Person", "name": name} for name in meta.reviewed_by]
    if meta.sources:
        found["citation"] = [citation(ref) for ref in meta.sources]
    return found


def citation(ref: Reference) -> dict[str, Any]:
    """One reference as a schema.org CreativeWork."""
    work: dict[str, Any] = {"@type": "CreativeWork", "name": ref.title}
    if ref.author:
        work["author"] = ref.author
    if ref.publisher:
        work["publisher"] = {"@type": "Organization", "name": ref.publisher}
    if ref.year:
        work["datePublished"] = ref.year
    if ref.url:
        work["url"] = ref.url
    return work


def script_json(data: Any) -> str:
    """JSON text that is safe as the content of a ``<script>`` element."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return text.translate(SCRIPT_ESCAPES)
