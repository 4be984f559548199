"""Front matter: split it off, load it as safe YAML within limits, check keys and values."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from publisher import alternatives
from publisher.addresses import shorten, web_address_problem
from publisher.errors import Problem
from publisher.governance import GOVERNANCE_KEYS, governance_problems
from publisher.limits import MAX_LANG_CHARS, MAX_TEXT_CHARS
from publisher.source import NON_XML_CHARS
from publisher.yamlsafe import compose_and_load, duplicate_keys, yaml_error_position

KEYS = ("title", "subtitle", "lang", "updated", "url", "disclaimer", *alternatives.KEYS, *GOVERNANCE_KEYS)
STRING_KEYS = ("title", "subtitle", "lang", "url", "disclaimer")
# BCP 47 in its common shape: language, optional script, region and variants.
LANG_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?(-[A-Za-z0-9]{5,8})*$")
FENCE = "---"

__all__ = ["FrontMatter", "compose_and_load", "load_front_matter", "split_front_matter"]


@dataclass
class FrontMatter:
    """Validated front matter values, the line of each key, and problems found."""

    values: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Split ``text`` into (front matter or None, body, line where the body starts).

    The body keeps its line numbers: front matter lines are replaced by empty lines,
    so a parser's line numbers are the file's line numbers. Raises ValueError when
    the front matter is opened but never closed.
    """
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != FENCE:
        return None, text, 1
    for index in range(1, len(lines)):
        if lines[index].rstrip() in (FENCE, "..."):
            yaml_text = "\n".join(lines[1:index])
            body = "\n" * (index + 1) + "\n".join(lines[index + 1 :])
            return yaml_text, body, index + 2
    raise ValueError("front matter opened with '---' on line 1 is never closed")


def load_front_matter(yaml_text: str | None, path: str) -> FrontMatter:
    """Parse and validate front matter YAML (safe loading only, within the YAML limits)."""
    result = FrontMatter()
    if yaml_text is None:
        result.problems.append(Problem(path, 1, 1, "missing front matter with a 'title'"))
        return result
    try:
        node, data = compose_and_load(yaml_text)
    except yaml.YAMLError as error:
        line, col, reason = yaml_error_position(error, yaml_text)
        result.problems.append(Problem(path, line + 1, col, f"bad YAML in front matter: {reason}"))
        return result
    if data is None:
        data, node = {}, None
    if not isinstance(data, dict):
        result.problems.append(Problem(path, 2, 1, "front matter must be 'key: value' lines"))
        return result
    for key, first, line, col in duplicate_keys(node):
        message = f"'{shorten(key)}' is given twice (first on line {first + 1}); keep one"
        result.problems.append(Problem(path, line + 1, col, message))
    positions = _key_positions(node)
    for key, value in data.items():
        line, col = positions.get(str(key), (2, 1))
        result.lines[str(key)] = line
        problem = _check_value(str(key), value)
        if problem:
            result.problems.append(Problem(path, line, col, problem))
        else:
            result.values[str(key)] = value.strip() if isinstance(value, str) else value
            if key in alternatives.KEYS:  # Meta holds them as tuples
                result.values[key] = alternatives.front_matter_value(key, value)
    clash = alternatives.conflict(result.values)
    if clash:
        line, col = positions.get(alternatives.LINKS_KEY, (2, 1))
        result.problems.append(Problem(path, line, col, clash))
    if "title" not in data:
        result.problems.append(Problem(path, 1, 1, "missing 'title' in front matter"))
    result.problems += governance_problems(node, result.values, path)
    return result


def _key_positions(node: Any) -> dict[str, tuple[int, int]]:
    """File line and column of every top-level key (front matter starts on line 2)."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(key.value): (key.start_mark.line + 2, key.start_mark.column + 1) for key, _ in node.value}


def _check_value(key: str, value: Any) -> str | None:
    """A message when the key is unknown or its value has the wrong shape, else None."""
    if key not in KEYS:
        close = difflib.get_close_matches(key[:100], KEYS, n=1, cutoff=0.6)
        hint = f"; did you mean '{close[0]}'?" if close else f"; known keys: {', '.join(KEYS)}"
        return f"unknown front matter key '{shorten(key)}'{hint}"
    if key in GOVERNANCE_KEYS:  # checked together, item by item: governance_problems
        return None
    if key in alternatives.KEYS:
        return alternatives.front_matter_problem(key, value)
    if key == "updated":
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return None
        return "'updated' must be a date written as YYYY-MM-DD"
    if key in STRING_KEYS and not isinstance(value, str):
        return f"'{key}' must be text"
    return _check_text(key, value)


def _check_text(key: str, value: str) -> str | None:
    """A message when a text value is empty, too long or not what its key needs, else None."""
    bad = NON_XML_CHARS.search(value)
    if bad:  # a YAML escape such as "\x01" gets past the check of the raw text
        return f"'{key}' holds character U+{ord(bad.group()):04X}, which cannot appear in XML; remove it"
    value = value.strip()
    if not value:
        return f"'{key}' is empty"
    if len(value) > MAX_TEXT_CHARS:
        return f"'{key}' is {len(value):,} characters long, past the limit of {MAX_TEXT_CHARS:,}"
    if key == "lang" and (len(value) > MAX_LANG_CHARS or not LANG_TAG.match(value)):
        return f"'lang' must be a BCP 47 language tag such as 'en' or 'es-MX', not '{shorten(value)}'"
    if key == "url":
        problem = web_address_problem(value)
        return f"'url' must be the http:// or https:// address of the FAQ: {problem}" if problem else None
    return None
