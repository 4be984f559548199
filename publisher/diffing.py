"""``publisher diff OLD NEW``: what changed between two editions, for the reviewer who signs off.

Each side is a source (``X.md``) or the record of a published edition
(``X.record.json``). Questions are matched by id; a question is changed when the
fingerprint of its Markdown (question and answer, as translations compare them) differs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from publisher.errors import PublisherError


@dataclass(frozen=True)
class Edition:
    """One side of a comparison: its edition facts and its questions by id."""

    name: str
    facts: dict[str, Any]
    questions: dict[str, dict[str, Any]]
    """id -> {"question", "fingerprint", "line" (0 from a record)}."""


def load_edition(path: Path) -> Edition:
    """An edition from a source (parsed, errors raised) or from a record."""
    from publisher.record import RECORD_SUFFIX, read_record

    if path.name.endswith(RECORD_SUFFIX):
        try:
            data = read_record(path)
        except ValueError as error:
            raise PublisherError(str(error)) from None
        questions = {q["id"]: {**q, "line": 0} for q in data["questions"]}
        return Edition(str(path), edition_facts(data), questions)
    return source_edition(path)


def source_edition(path: Path) -> Edition:
    """An edition read from its Markdown source."""
    from publisher import parse as parsing
    from publisher.source import read_source
    from publisher.text import inline_text
    from publisher.translations import fingerprints

    text = read_source(path)
    document = parsing.parse(text, path)
    prints = fingerprints(document, text)
    meta = document.meta
    facts = {
        "version": meta.version or None,
        "reviewed": meta.updated.isoformat() if meta.updated else None,
        "review_by": meta.review_by.isoformat() if meta.review_by else None,
    }
    questions = {
        e.id: {"question": inline_text(e.question), "fingerprint": prints[e.id], "line": e.line}
        for e in document.entries
    }
    return Edition(str(path), facts, questions)


def edition_facts(data: dict[str, Any]) -> dict[str, Any]:
    """The edition facts a record holds."""
    return {key: data.get(key) for key in ("version", "reviewed", "review_by")}


def compare(old: Edition, new: Edition) -> dict[str, Any]:
    """Questions added, removed, changed and unchanged, and the edition facts that changed."""
    added = [{**q, "id": i} for i, q in new.questions.items() if i not in old.questions]
    removed = [{**q, "id": i} for i, q in old.questions.items() if i not in new.questions]
    changed, same = [], 0
    for i, q in new.questions.items():
        before = old.questions.get(i)
        if before is None:
            continue
        if before.get("fingerprint") != q["fingerprint"]:
            changed.append({"id": i, **q, "was": before.get("question")})
        else:
            same += 1
    facts = {
        k: [old.facts.get(k), new.facts.get(k)] for k in new.facts if old.facts.get(k) != new.facts.get(k)
    }
    return {
        "old": old.name,
        "new": new.name,
        "edition": facts,
        "added": added,
        "removed": removed,
        "changed": changed,
        "unchanged": same,
    }


def diff_text(result: dict[str, Any]) -> str:
    """The comparison as lines for a terminal."""
    lines = [f"{result['old']} -> {result['new']}"]
    for key, (before, after) in result["edition"].items():
        lines.append(f"  {key}: {before or '-'} -> {after or '-'}")
    for title, mark, items in (
        ("added", "+", result["added"]),
        ("removed", "-", result["removed"]),
        ("changed", "~", result["changed"]),
    ):
        lines.append(f"{title} ({len(items)}):")
        for item in items:
            where = f" (line {item['line']})" if item.get("line") else ""
            renamed = f" (was: {item['was']})" if item.get("was") and item["was"] != item["question"] else ""
            lines.append(f"  {mark} {item['id']}: {item['question']}{where}{renamed}")
    lines.append(f"unchanged: {result['unchanged']}")
    return "\n".join(lines)
