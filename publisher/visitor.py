"""One visitor over the model: every renderer and every walk dispatches through it.

As mistune's ``BaseRenderer`` and Sphinx's ``dispatch_visit`` do, a subclass writes one
``visit_<node>`` method per node type it handles (``visit_paragraph``, ``visit_code_block``,
``visit_table_cell`` ...). The dispatch table is built once per class from the model's own
node types, so a node type without a method fails loudly, in one place, with one message:
``NodeTypeError``. ``tests/test_visitor.py`` proves that every visitor handles every node
type it declares in ``handles``; a new node type added to the model fails there first.

``Walker`` is the one place that knows where a node keeps its children: it yields every
node depth first, and the helpers in ``publisher.walk`` are built on it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any, ClassVar, Generic, TypeVar

from publisher.model import (
    BLOCK_TYPES,
    INLINE_TYPES,
    NODE_TYPES,
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
    Node,
    Paragraph,
    Quote,
    Strong,
    Table,
    TableCell,
    Text,
)

__all__ = ["BLOCK_TYPES", "INLINE_TYPES", "NODE_TYPES", "NodeTypeError", "Visitor", "Walker", "method_name"]

Result = TypeVar("Result")


class NodeTypeError(TypeError):
    """A visitor met a node type it has no ``visit_`` method for: a bug, never a user's mistake."""


def method_name(node_type: type) -> str:
    """The visit method for a node type: ``CodeBlock`` -> ``visit_code_block``."""
    return "visit_" + re.sub(r"(?<!^)(?=[A-Z])", "_", node_type.__name__).lower()


class Visitor(Generic[Result]):
    """Dispatches a model node to the subclass's ``visit_<node>`` method.

    ``handles`` names the node types a subclass promises to handle: every inline and
    block by default, only inlines for a visitor of inline content. Extra positional
    arguments of ``visit`` are passed on to the method (the Word writers pass the
    element they write into).
    """

    handles: ClassVar[tuple[type, ...]] = NODE_TYPES
    _dispatch: ClassVar[dict[type, Callable[..., Any]]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        methods = ((t, getattr(cls, method_name(t), None)) for t in NODE_TYPES)
        cls._dispatch = {t: m for t, m in methods if m is not None}

    @classmethod
    def missing(cls) -> list[str]:
        """Names of the methods this visitor lacks for the node types it ``handles``."""
        return [method_name(t) for t in cls.handles if t not in cls._dispatch]

    def visit(self, node: Node, *args: Any) -> Result:
        """Call the method for the node's type, or raise ``NodeTypeError``."""
        method = self._dispatch.get(type(node))
        if method is None:
            name = method_name(type(node))
            raise NodeTypeError(f"{type(self).__name__} cannot handle {type(node).__name__}: no {name}()")
        return method(self, node, *args)

    def visit_all(self, nodes: Iterable[Node], *args: Any) -> list[Result]:
        """Visit each node in order; the results in a list."""
        return [self.visit(node, *args) for node in nodes]


class Walker(Visitor[Iterator[Node]]):
    """Yields every node depth first: the node itself, then the nodes inside it."""

    def walk(self, nodes: Iterable[Node]) -> Iterator[Node]:
        """Every node of ``nodes`` and, recursively, of their children, in document order."""
        for node in nodes:
            yield from self.visit(node)

    def _leaf(self, node: Node) -> Iterator[Node]:
        yield node

    def _parent(self, node: Node, children: Iterable[Node]) -> Iterator[Node]:
        yield node
        yield from self.walk(children)

    # --- inlines --------------------------------------------------------

    def visit_text(self, node: Text) -> Iterator[Node]:
        return self._leaf(node)

    def visit_code(self, node: Code) -> Iterator[Node]:
        return self._leaf(node)

    def visit_break(self, node: Break) -> Iterator[Node]:
        return self._leaf(node)

    def visit_image(self, node: Image) -> Iterator[Node]:
        return self._leaf(node)

    def visit_strong(self, node: Strong) -> Iterator[Node]:
        return self._parent(node, node.children)

    def visit_emph(self, node: Emph) -> Iterator[Node]:
        return self._parent(node, node.children)

    def visit_link(self, node: Link) -> Iterator[Node]:
        return self._parent(node, node.children)

    # --- blocks ---------------------------------------------------------

    def visit_paragraph(self, node: Paragraph) -> Iterator[Node]:
        return self._parent(node, node.children)

    def visit_heading(self, node: Heading) -> Iterator[Node]:
        return self._parent(node, node.children)

    def visit_code_block(self, node: CodeBlock) -> Iterator[Node]:
        return self._leaf(node)

    def visit_list(self, node: List) -> Iterator[Node]:
        return self._parent(node, node.items)

    def visit_list_item(self, node: ListItem) -> Iterator[Node]:
        return self._parent(node, node.children)

    def visit_quote(self, node: Quote) -> Iterator[Node]:
        return self._parent(node, node.children)

    def visit_table(self, node: Table) -> Iterator[Node]:
        return self._parent(node, (*node.header, *(cell for row in node.rows for cell in row)))

    def visit_table_cell(self, node: TableCell) -> Iterator[Node]:
        return self._parent(node, node.children)


WALKER = Walker()


def walk(nodes: Iterable[Block | Inline]) -> Iterator[Node]:
    """Every node of ``nodes`` and everything inside them, depth first in document order."""
    return WALKER.walk(nodes)
