"""HTML for the model's blocks and inlines, shared by the fragment, print HTML and JSON.

One ``visit_<node>`` method per node type on the model's visitor, as mistune's renderers
have. Every piece of source text goes through ``escape``; the only markup produced is
this class's own, so the result may be marked safe for Jinja2.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Iterable

from markupsafe import Markup, escape

from publisher.direction import isolate_ltr_runs
from publisher.model import (
    Block,
    Break,
    Code,
    CodeBlock,
    Emph,
    Heading,
    Image,
    Inline,
    Link,
    List,
    ListItem,
    Paragraph,
    Quote,
    Strong,
    Table,
    TableCell,
    Text,
)
from publisher.visitor import Visitor


def data_uri(image: Image) -> str:
    """The image file as a self-contained ``data:`` URI."""
    payload = base64.b64encode(image.path.read_bytes()).decode("ascii")
    return f"data:{image.media_type};base64,{payload}"


class HtmlRenderer(Visitor[str]):
    """Renders model nodes to HTML strings, one ``visit_<node>`` method per node type.

    ``image_src`` decides how images are referenced (a data: URI by default);
    ``heading_offset`` shifts answer sub-headings so they nest under the page's own
    headings (a level 3 heading in an answer under a level 2 question stays h3 by default).
    """

    isolate_ltr = False
    """True in right-to-left documents: numbers and addresses in the text keep their order."""

    def __init__(self, image_src: Callable[[Image], str] = data_uri, heading_offset: int = 0):
        self.image_src = image_src
        self.heading_offset = heading_offset

    # --- entry points ---------------------------------------------------

    def blocks(self, blocks: Iterable[Block]) -> Markup:
        """HTML for a sequence of blocks, one per line."""
        return Markup("\n".join(self.visit_all(blocks)))

    def inlines(self, inlines: Iterable[Inline]) -> Markup:
        """HTML for a sequence of inlines."""
        return Markup("".join(self.visit_all(inlines)))

    # --- blocks ---------------------------------------------------------

    def visit_paragraph(self, node: Paragraph) -> str:
        return f"<p>{self.inlines(node.children)}</p>"

    def visit_heading(self, node: Heading) -> str:
        level = min(node.level + self.heading_offset, 6)
        return f"<h{level}>{self.inlines(node.children)}</h{level}>"

    def visit_list(self, node: List) -> str:
        tag = "ol" if node.ordered else "ul"
        start = f' start="{node.start}"' if node.ordered and node.start != 1 else ""
        items = "\n".join(self.visit(item, node.tight) for item in node.items)
        return f"<{tag}{start}>\n{items}\n</{tag}>"

    def visit_list_item(self, node: ListItem, tight: bool = False) -> str:
        # Tight lists hold their text directly in <li>, as CommonMark renders them.
        if tight:
            parts = (
                str(self.inlines(b.children)) if isinstance(b, Paragraph) else self.visit(b)
                for b in node.children
            )
            return "<li>" + "\n".join(parts) + "</li>"
        return f"<li>{self.blocks(node.children)}</li>"

    def visit_quote(self, node: Quote) -> str:
        return f"<blockquote>\n{self.blocks(node.children)}\n</blockquote>"

    def visit_code_block(self, node: CodeBlock) -> str:
        return f"<pre><code>{escape(node.text)}</code></pre>"

    def visit_table(self, node: Table) -> str:
        head = "".join(self.visit(c, "th", ' scope="col"') for c in node.header)
        rows = "\n".join("<tr>" + "".join(self.visit(c, "td") for c in row) + "</tr>" for row in node.rows)
        return f"<table>\n<thead>\n<tr>{head}</tr>\n</thead>\n<tbody>\n{rows}\n</tbody>\n</table>"

    def visit_table_cell(self, node: TableCell, tag: str = "td", extra: str = "") -> str:
        align = f' style="text-align: {node.align}"' if node.align else ""
        return f"<{tag}{extra}{align}>{self.inlines(node.children)}</{tag}>"

    # --- inlines --------------------------------------------------------

    def visit_text(self, node: Text) -> str:
        return str(isolate_ltr_runs(node.text) if self.isolate_ltr else escape(node.text))

    def visit_code(self, node: Code) -> str:
        return f"<code>{escape(node.text)}</code>"

    def visit_break(self, node: Break) -> str:
        return "<br>"

    def visit_strong(self, node: Strong) -> str:
        return f"<strong>{self.inlines(node.children)}</strong>"

    def visit_emph(self, node: Emph) -> str:
        return f"<em>{self.inlines(node.children)}</em>"

    def visit_link(self, node: Link) -> str:
        title = f' title="{escape(node.title)}"' if node.title else ""
        return f'<a href="{escape(node.href)}"{title}>{self.inlines(node.children)}</a>'

    def visit_image(self, node: Image) -> str:
        title = f' title="{escape(node.title)}"' if node.title else ""
        return f'<img src="{escape(self.image_src(node))}" alt="{escape(node.alt)}"{title}>'
