"""The edition record (``build --record``): a clinic's "job bag" for one edition, as ``X.record.json``.

It says which edition was published (version, review dates, reviewers, sources), from
which source (its SHA-256), into which files (each output's SHA-256), how it read
(the reading report) and what was left to look at (the warnings); and it lists each
question with a fingerprint of its Markdown, so ``publisher diff`` can compare the
next edition with this one.

The record is reproducible like every output: its warnings are those of the content,
worked out without the calendar (whether the review date has passed depends on the day
the build runs; ``check`` says so on that day).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from publisher import __version__
from publisher.errors import Problem
from publisher.model import Document
from publisher.text import inline_text

RECORD_SUFFIX = ".record.json"
FORMAT_VERSION = 1


def record_path(out_dir: Path, source: Path) -> Path:
    """Where a source's record is written: ``DIR/X.record.json``."""
    return out_dir / (source.stem + RECORD_SUFFIX)


def edition_record(
    document: Document, text: str, outputs: dict[Path, bytes], warnings: list[Problem], target: float | None
) -> bytes:
    """The record of one build as indented UTF-8 JSON (the same inputs give the same bytes)."""
    from publisher.report import readability_data
    from publisher.translations import fingerprints

    meta = document.meta
    report = readability_data(document, warnings, target)
    prints = fingerprints(document, text)
    data: dict[str, Any] = {
        "record": FORMAT_VERSION,
        "publisher": __version__,
        "source": document.source.name,
        "source_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "title": meta.title,
        "lang": meta.lang,
        "version": meta.version or None,
        "reviewed": meta.updated.isoformat() if meta.updated else None,
        "review_by": meta.review_by.isoformat() if meta.review_by else None,
        "reviewed_by": list(meta.reviewed_by),
        "author": meta.author or None,
        "sources": [
            {k: getattr(ref, k) or None for k in ("title", "author", "publisher", "year", "url")}
            for ref in meta.sources
        ],
        "outputs": {
            path.name: {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
            for path, data in sorted(outputs.items())
        },
        "readability": {key: report[key] for key in ("formula", "target", "mean_grade", "above_target")},
        "questions": [
            {
                "id": entry.id,
                "question": inline_text(entry.question),
                "fingerprint": prints[entry.id],
                **{key: q[key] for key in ("words", "sentences", "grade")},
            }
            for entry, q in zip(document.entries, report["questions"], strict=True)
        ],
        "warnings": [str(p) for p in warnings],
    }
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def read_record(path: Path) -> dict[str, Any]:
    """A record written by ``build --record``; ValueError when the file is not one."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValueError(f"{path}: not a readable edition record ({error})") from None
    if not isinstance(data, dict) or data.get("record") != FORMAT_VERSION:
        raise ValueError(f"{path}: not an edition record written by 'publisher build --record'")
    questions = data.get("questions")
    if not isinstance(questions, list) or not all(
        isinstance(q, dict) and isinstance(q.get("id"), str) for q in questions
    ):
        raise ValueError(f"{path}: the record's 'questions' are not a list of questions")
    return data
