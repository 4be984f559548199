"""The one visitor: every renderer and walk handles every node type, and a new one fails loudly."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from publisher.model import (
    BLOCK_TYPES,
    INLINE_TYPES,
    NODE_TYPES,
    CodeBlock,
    ListItem,
    Paragraph,
    TableCell,
    Text,
)
from publisher.parse import parse_source
from publisher.renderers.docx.blocks import BlockWriter
from publisher.renderers.docx.inlines import InlineWriter
from publisher.renderers.html.fragment import FragmentRenderer
from publisher.renderers.html.jsonld import GoogleAnswerRenderer
from publisher.renderers.html.nodes import HtmlRenderer
from publisher.renderers.pdf.print_html import PrintRenderer
from publisher.text import PlainText, block_text
from publisher.visitor import NodeTypeError, Visitor, Walker, method_name, walk
from publisher.walk import answer_blocks

FIXTURES = Path(__file__).parent / "fixtures"
FEATURES = FIXTURES / "features" / "faq.md"
BRANDED = FIXTURES / "branded" / "faq.md"


def all_visitors(cls: type = Visitor) -> list[type]:
    """Every subclass of Visitor in the project, found by walking the class tree."""
    found = []
    for sub in cls.__subclasses__():
        if sub.__module__.startswith("publisher."):
            found.append(sub)
        found.extend(all_visitors(sub))
    return found


VISITORS = all_visitors()


def test_every_renderer_and_walk_is_a_visitor() -> None:
    expected = {
        HtmlRenderer,
        FragmentRenderer,
        GoogleAnswerRenderer,
        PrintRenderer,
        PlainText,
        Walker,
        BlockWriter,
        InlineWriter,
    }
    assert expected <= set(VISITORS)


@pytest.mark.parametrize("visitor", VISITORS, ids=lambda cls: cls.__qualname__)
def test_visitor_handles_every_node_type_it_declares(visitor: type[Visitor]) -> None:
    assert set(visitor.handles) <= set(NODE_TYPES)
    assert visitor.missing() == []


def test_node_types_cover_the_model() -> None:
    assert set(NODE_TYPES) - {*INLINE_TYPES, *BLOCK_TYPES} == {ListItem, TableCell}
    assert method_name(CodeBlock) == "visit_code_block"


def test_a_node_type_the_model_does_not_know_fails_loudly() -> None:
    @dataclass(frozen=True)
    class Footnote:
        text: str

    with pytest.raises(NodeTypeError, match="PlainText cannot handle Footnote: no visit_footnote"):
        block_text([Paragraph((Text("a"),)), Footnote("b")])  # type: ignore[list-item]
    with pytest.raises(NodeTypeError, match="HtmlRenderer cannot handle Footnote"):
        HtmlRenderer().blocks([Footnote("b")])  # type: ignore[list-item]


def test_a_visitor_missing_a_method_is_reported() -> None:
    class Partial(Visitor[str]):
        def visit_text(self, node: Text) -> str:
            return node.text

    assert "visit_code_block" in Partial.missing()
    assert "visit_text" not in Partial.missing()


def test_the_fixtures_hold_every_node_type() -> None:
    """The renderers' golden tests use these fixtures, so together they exercise every node type."""
    documents = [parse_source(FEATURES), parse_source(BRANDED)]
    found = {type(node) for document in documents for node in walk(answer_blocks(document))}
    assert found == set(NODE_TYPES)


def test_walk_is_depth_first_in_document_order() -> None:
    document = parse_source(FEATURES)
    texts = [node.text for node in walk(answer_blocks(document)) if isinstance(node, Text)]
    plain = block_text(answer_blocks(document))
    position = 0
    for text in texts:  # each text is found after the one before it
        position = plain.index(text, position)
