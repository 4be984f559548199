"""Safe YAML within limits, for the front matter and the brand file.

PyYAML's safe loader still has three ways to fall over on hostile text: its composer
recurses once per nesting level (5,000 ``[`` end in RecursionError), aliases share
nodes so a 7-line file can stand for a billion values (any walk over them runs for
ever), and its constructors raise plain ValueError for dates such as 2026-13-45 or
integers of 5,000 digits. This loader refuses the first two and turns the third into
a located YAML error; it also finds keys given twice, which PyYAML silently drops.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import yaml
from yaml.composer import ComposerError
from yaml.constructor import ConstructorError

from publisher.limits import MAX_YAML_DEPTH


class LimitedLoader(yaml.SafeLoader):
    """A SafeLoader refusing aliases and nesting deeper than MAX_YAML_DEPTH."""

    def __init__(self, stream: str):
        super().__init__(stream)
        self.depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        """Compose one node, refusing aliases and counting depth (checked before recursing)."""
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise ComposerError(
                None, None, "aliases (*name) are not allowed; write the value out", event.start_mark
            )
        self.depth += 1
        try:
            if self.depth > MAX_YAML_DEPTH:
                message = f"values are nested more than {MAX_YAML_DEPTH} levels deep"
                raise ComposerError(None, None, message, event.start_mark)
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def _guarded(construct):
    """A constructor whose ValueError and OverflowError become located YAML errors."""

    def guarded(loader: LimitedLoader, node: yaml.Node) -> Any:
        try:
            return construct(loader, node)
        except (ValueError, OverflowError) as error:
            value = str(node.value)[:40]
            reason = str(error).split(";")[0]  # Python's advice on int digits is not the user's
            raise ConstructorError(
                None, None, f"'{value}' cannot be read ({reason})", node.start_mark
            ) from None

    return guarded


for _tag in ("timestamp", "int", "float"):
    _full = f"tag:yaml.org,2002:{_tag}"
    LimitedLoader.add_constructor(_full, _guarded(yaml.SafeLoader.yaml_constructors[_full]))


def compose_and_load(text: str) -> tuple[yaml.Node | None, Any]:
    """The YAML text's node tree (for line numbers) and its data, from one safe parse.

    ``yaml.compose`` then ``yaml.safe_load`` would parse the text twice; the data is
    built from the node tree instead, as ``safe_load`` itself does. Raises YAMLError
    (with a mark) for bad YAML and for anything past the loader's limits.
    """
    loader = LimitedLoader(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


def yaml_error_position(error: yaml.YAMLError, text: str = "") -> tuple[int, int, str]:
    """1-based line and column within the YAML ``text``, and the reason (one line), of a YAML error."""
    if isinstance(error, yaml.reader.ReaderError):  # no mark, a character offset instead
        before = text[: error.position]
        line, col = before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1
        return line, col, f"character U+{error.character:04X} is not allowed in YAML"
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    reason = getattr(error, "problem", None) or str(error)
    return line, col, str(reason).split("\n")[0]


def duplicate_keys(node: Any) -> Iterator[tuple[str, int, int, int]]:
    """Every key given twice in one mapping: (dotted key, first line, line, column), 1-based.

    Walks the node tree without recursion (its depth is already bounded, but this
    costs nothing). Aliases are refused, so the tree is a tree and each node is seen once.
    """
    stack: list[tuple[Any, str]] = [(node, "")]
    while stack:
        current, prefix = stack.pop()
        if isinstance(current, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key, value in current.value:
                name = f"{prefix}{key.value}" if isinstance(key, yaml.ScalarNode) else f"{prefix}?"
                line = key.start_mark.line + 1
                if name in seen:
                    yield name, seen[name], line, key.start_mark.column + 1
                else:
                    seen[name] = line
                stack.append((value, name + "."))
        elif isinstance(current, yaml.SequenceNode):
            stack.extend((item, f"{prefix}{index}.") for index, item in enumerate(current.value))
