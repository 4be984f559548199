"""Inlines of the model as Word runs: text, character styles, links, pictures.

Emphasis, strong, code and links are character styles (Emphasis, Strong, Verbatim
Char, Hyperlink), so staff can restyle them all at once. A run has one character
style; when marks nest (strong text inside a link) the outer one keeps the style
and the inner one is added as bold or italic.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.xmlchemy import BaseOxmlElement

from publisher.errors import RenderError, display_path
from publisher.model import INLINE_TYPES, Break, Code, Emph, Image, Inline, Link, Strong, Text
from publisher.renderers.docx.context import WordContext
from publisher.renderers.docx.links import encode_url
from publisher.renderers.docx.phone import keep_together
from publisher.renderers.docx.style_names import Style
from publisher.renderers.docx.xml import break_run, hyperlink, run
from publisher.text import inline_text
from publisher.typography import is_phone_number
from publisher.visitor import Visitor


@dataclass(frozen=True)
class Marks:
    """The marks around an inline: each adds a character style or bold/italic."""

    strong: bool = False
    emph: bool = False
    code: bool = False
    link: bool = False


class InlineWriter(Visitor[None]):
    """Appends runs, hyperlinks and pictures for model inlines to a paragraph element."""

    handles = INLINE_TYPES

    def __init__(self, context: WordContext):
        self.context = context

    def write(self, parent: BaseOxmlElement, inlines: tuple[Inline, ...], marks: Marks = Marks()) -> None:
        """Append the runs of ``inlines`` to ``parent`` (a ``w:p`` or ``w:hyperlink``)."""
        for node in inlines:
            self.visit(node, parent, marks)

    def visit_text(self, node: Text, parent: BaseOxmlElement, marks: Marks) -> None:
        parent.append(self.text_run(node.text, marks))

    def visit_code(self, node: Code, parent: BaseOxmlElement, marks: Marks) -> None:
        parent.append(self.text_run(node.text, replace(marks, code=True)))

    def visit_break(self, node: Break, parent: BaseOxmlElement, marks: Marks) -> None:
        parent.append(break_run())

    def visit_strong(self, node: Strong, parent: BaseOxmlElement, marks: Marks) -> None:
        self.write(parent, node.children, replace(marks, strong=True))

    def visit_emph(self, node: Emph, parent: BaseOxmlElement, marks: Marks) -> None:
        self.write(parent, node.children, replace(marks, emph=True))

    def visit_image(self, node: Image, parent: BaseOxmlElement, marks: Marks) -> None:
        parent.append(self.picture_run(node))

    def text_run(self, text: str, marks: Marks) -> BaseOxmlElement:
        """A run of ``text`` with the character style (and bold/italic) its marks call for."""
        if marks.link:
            style = Style.HYPERLINK
        elif marks.code:
            style = Style.VERBATIM_CHAR
        elif marks.strong:
            style = Style.STRONG
        elif marks.emph:
            style = Style.EMPHASIS
        else:
            return run(text)
        bold = marks.strong and style != Style.STRONG
        italic = marks.emph and style != Style.EMPHASIS
        if not self.context.italics:  # large print: emphasis is bold, never italic
            bold, italic = bold or italic, False
        return run(text, self.context.styles[style], bold=bold, italic=italic)

    def visit_link(self, node: Link, parent: BaseOxmlElement, marks: Marks) -> None:
        """A clickable link: to a bookmark for ``#id``, else through a hyperlink relationship."""
        if node.internal:
            name = self.context.bookmarks.get(node.href[1:])
            if name is None:
                raise RenderError(f"{display_path(self.context.source)}: link to unknown id {node.href!r}")
            link = hyperlink(anchor=name, tooltip=node.title)
        else:
            r_id = self.context.part.relate_to(encode_url(node.href), RT.HYPERLINK, is_external=True)
            link = hyperlink(r_id=r_id, tooltip=node.title)
        parent.append(link)
        self.write(link, node.children, replace(marks, link=True))
        if node.href.startswith("tel:") and is_phone_number(inline_text(node.children)):
            keep_together(link)  # a phone number never wraps; words ("call us") may

    def picture_run(self, image: Image) -> BaseOxmlElement:
        """A run holding the picture, at most as wide as the text, described by its alt text."""
        context = self.context
        return context.pictures.run(
            context.part, image.path, image.alt, image.title, width=context.text_width
        )
