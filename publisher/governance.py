"""Front matter that makes health information trustworthy: edition, review dates, reviewers, sources.

The PIF TICK and NHS leaflet policies ask every copy to say which version it is, when
it was reviewed and will be next (at least every three years), who reviewed it and
what it rests on. These keys are checked here, after the front matter's own shape
checks, so each problem points at its line (a source's item at that item's line).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any

import yaml

from publisher.errors import Problem
from publisher.limits import MAX_TEXT_CHARS
from publisher.model import Reference
from publisher.source import NON_XML_CHARS

GOVERNANCE_KEYS = (
    "version",
    "reviewed",
    "review_by",
    "review_every",
    "reviewed_by",
    "author",
    "sources",
    "reading_grade",
)
DEFAULT_REVIEW_MONTHS = 36
"""PIF TICK: health information is reviewed at least every three years."""
MAX_SOURCES = 100
REFERENCE_KEYS = ("title", "publisher", "author", "year", "url")
PERIOD = re.compile(r"^\s*([0-9]{1,3})\s*(month|months|year|years)\s*$", re.IGNORECASE)


def governance_problems(node: Any, values: dict[str, Any], path: str) -> list[Problem]:
    """Check and normalise the governance keys in ``values`` (changed in place); the problems found.

    ``reviewed`` lands in ``updated`` (its alias, the name the model keeps), and
    ``review_every`` (or the three-year default) becomes a ``review_by`` date.
    """
    positions = value_nodes(node)
    problems: list[Problem] = []

    def problem(key: str, message: str, at: Any = None) -> None:
        mark = (at or positions.get(key) or node).start_mark
        problems.append(Problem(path, mark.line + 2, mark.column + 1, message))

    for key in GOVERNANCE_KEYS:
        if key in values:
            message = check_key(key, values, positions.get(key), problem)
            if message:
                problem(key, message)
    if problems:
        return problems
    review_dates(values, problem)
    return problems


def check_key(key: str, values: dict[str, Any], node: Any, problem) -> str | None:
    """Check (and normalise) one governance value; a message when its shape is wrong."""
    value = values[key]
    if key == "version":
        if not isinstance(node, yaml.ScalarNode) or isinstance(value, bool | dt.date):
            return "'version' must be text such as '3' or '2026.1'"
        values[key] = str(node.value).strip()  # as written: 2026.10 is not the number 2026.1
        return text_problem(key, str(node.value))
    if key in ("reviewed", "review_by"):
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return None
        return f"'{key}' must be a date written as YYYY-MM-DD"
    if key == "review_every":
        if isinstance(value, str) and PERIOD.match(value) and months_of(value) > 0:
            return None
        return "'review_every' must be a period such as '12 months' or '2 years'"
    if key == "reading_grade":
        if isinstance(value, int | float) and not isinstance(value, bool) and 1 <= value <= 20:
            return None
        return "'reading_grade' must be a school grade from 1 to 20, such as 8"
    if key == "author":
        return "'author' must be text" if not isinstance(value, str) else text_problem(key, value)
    if key == "reviewed_by":
        return reviewers(values, value)
    return references(values, value, node, problem)


def text_problem(key: str, value: str) -> str | None:
    """A message for empty or overlong text, or text holding a character XML cannot carry."""
    bad = NON_XML_CHARS.search(value)
    if bad:  # a YAML escape such as "\x01" gets past the check of the raw text
        return f"'{key}' holds character U+{ord(bad.group()):04X}, which cannot appear in XML; remove it"
    if not value.strip():
        return f"'{key}' is empty"
    if len(value) > MAX_TEXT_CHARS:
        return f"'{key}' is {len(value):,} characters long, past the limit of {MAX_TEXT_CHARS:,}"
    return None


def reviewers(values: dict[str, Any], value: Any) -> str | None:
    """``reviewed_by``: one name and role as text, or a list of them; stored as a tuple."""
    names = [value] if isinstance(value, str) else value
    if not isinstance(names, list) or not names or not all(isinstance(n, str) for n in names):
        return "'reviewed_by' must be a name and role, or a list of them"
    for name in names:
        message = text_problem("reviewed_by", name)
        if message:
            return message
    values["reviewed_by"] = tuple(name.strip() for name in names)
    return None


def references(values: dict[str, Any], value: Any, node: Any, problem) -> str | None:
    """``sources``: a list of references, each with a title; stored as a tuple of Reference."""
    if not isinstance(value, list) or not value:
        return "'sources' must be a list of references, each with a 'title'"
    if len(value) > MAX_SOURCES:
        return f"'sources' lists {len(value)} references, past the limit of {MAX_SOURCES}"
    items = node.value if isinstance(node, yaml.SequenceNode) else [None] * len(value)
    found = []
    for item, item_node in zip(value, items, strict=True):
        message, key = reference_problem(item)
        if message:
            problem("sources", message, key_node(item_node, key) or item_node)
            continue
        fields = {k: str(item[k]).strip() for k in REFERENCE_KEYS if item.get(k) is not None}
        found.append(Reference(**fields))
    values["sources"] = tuple(found)
    return None


def reference_problem(item: Any) -> tuple[str | None, Any]:
    """(message, the key it is about) when one reference is not a mapping of known keys with a title."""
    if not isinstance(item, dict):
        return "each source must be 'title:', with 'publisher:', 'author:', 'year:' and 'url:' if known", None
    unknown = [k for k in item if k not in REFERENCE_KEYS]
    if unknown:
        known = ", ".join(REFERENCE_KEYS)
        return f"unknown key '{str(unknown[0])[:40]}' in a source; known keys: {known}", unknown[0]
    if not isinstance(item.get("title"), str) or not item["title"].strip():
        return "a source needs a 'title'", "title"
    for key in REFERENCE_KEYS:
        if isinstance(item.get(key), dict | list):
            return f"a source's '{key}' must be text", key
        message = text_problem(f"{key}' of a source", str(item[key])) if item.get(key) is not None else None
        if message:
            return message, key
    url = item.get("url")
    if url is not None:
        from publisher.addresses import web_address_problem

        reason = web_address_problem(str(url).strip())
        if reason:
            return f"a source's 'url' must be an http:// or https:// address: {reason}", "url"
    return None, None


def key_node(mapping: Any, key: Any) -> Any:
    """The node of ``key`` in a YAML mapping node, None when absent."""
    if key is None or not isinstance(mapping, yaml.MappingNode):
        return None
    return next((k for k, _ in mapping.value if k.value == str(key)), None)


def review_dates(values: dict[str, Any], problem) -> None:
    """Cross-key rules: one review date, one way of giving the next, and the next after it."""
    if "reviewed" in values and "updated" in values:
        problem("reviewed", "'reviewed' and its older name 'updated' are both given; keep 'reviewed'")
        return
    if "reviewed" in values:
        values["updated"] = values.pop("reviewed")
    reviewed = values.get("updated")
    if "review_by" in values and "review_every" in values:
        problem("review_every", "give 'review_by' (a date) or 'review_every' (a period), not both")
    elif "review_every" in values and reviewed is None:
        problem("review_every", "'review_every' counts from 'reviewed': give the date it was reviewed")
    elif "review_by" in values and reviewed is not None and values["review_by"] <= reviewed:
        problem("review_by", f"'review_by' must come after the review date ({reviewed.isoformat()})")
    elif reviewed is not None and "review_by" not in values:
        months = months_of(values["review_every"]) if "review_every" in values else DEFAULT_REVIEW_MONTHS
        values["review_by"] = add_months(reviewed, months)
    values.pop("review_every", None)


def months_of(period: str) -> int:
    """``12 months`` -> 12, ``2 years`` -> 24."""
    match = PERIOD.match(period)
    if not match:
        return 0
    number = int(match.group(1))
    return number * 12 if match.group(2).lower().startswith("year") else number


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (the month's last day when it is shorter: 31 Jan -> 28 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def value_nodes(node: Any) -> dict[str, Any]:
    """The YAML node of each top-level value (for raw text and item lines)."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(key.value): value for key, value in node.value}
