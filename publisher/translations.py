"""Translations of a FAQ: ``faq.ar.md`` beside ``faq.md``, sharing its question ids.

A source named ``X.LANG.md`` (``LANG`` a BCP 47 tag such as ``ar`` or ``pt-BR``) beside
``X.md`` is a translation of it. Which edition of each original entry a translation was
made from is kept by the tool in ``X.LANG.md.lock`` beside the translation (JSON, not for
editing by hand): a short hash of each original entry's Markdown, written by
``publisher translate mark`` (a translator says "these entries are up to date") and by
``publisher translate import``. ``check`` compares the translation with the original and
warns, with lines, about questions it lacks, questions the original lacks, and entries
whose original changed after they were translated (stale).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from publisher.errors import Problem, display_path, warning
from publisher.model import Document

TRANSLATION_NAME = re.compile(r"^(?P<stem>.+)\.(?P<lang>[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\.md$")
LOCK_SUFFIX = ".lock"
HASH_LENGTH = 12
HEADING = re.compile(r"^ {0,3}#{1,2}(?:\s|$)")


def original_of(path: Path) -> Path | None:
    """The original a source translates (``faq.md`` for ``faq.ar.md``), or None when it is one."""
    match = TRANSLATION_NAME.match(path.name)
    if not match:
        return None
    original = path.with_name(match["stem"] + ".md")
    return original if original.is_file() else None


def translations_of(path: Path) -> list[Path]:
    """The translations beside an original source, sorted by name."""
    if original_of(path) is not None:
        return []
    candidates = sorted(path.parent.glob(path.stem + ".*.md"))
    return [c for c in candidates if original_of(c) == path]


def with_translations(sources: list[Path]) -> list[Path]:
    """``sources`` each followed by its translations (once each), for ``check`` and ``build``."""
    result: list[Path] = []
    for source in sources:
        for path in (source, *translations_of(source)):
            if path not in result:
                result.append(path)
    return result


def lock_path(translation: Path) -> Path:
    """Where the edition record of a translation is kept."""
    return translation.with_name(translation.name + LOCK_SUFFIX)


def entry_texts(document: Document, text: str) -> dict[str, tuple[int, str]]:
    """Each entry's id -> (line, its Markdown from the question's heading to the next heading)."""
    lines = text.split("\n")
    starts = sorted({e.line for e in document.entries} | {s.line for s in document.sections if s.line})
    spans = {}
    for entry in document.entries:
        later = [line for line in starts if line > entry.line]
        end = later[0] - 1 if later else len(lines)
        spans[entry.id] = (entry.line, "\n".join(lines[entry.line - 1 : end]))
    return spans


def fingerprint(markdown: str) -> str:
    """A short hash of an entry's Markdown, blind to trailing spaces and blank lines."""
    lines = [line.rstrip() for line in markdown.replace("\r\n", "\n").split("\n")]
    kept = "\n".join(line for line in lines if line)
    import hashlib  # only for a FAQ with translations: 4 ms of every check otherwise

    return hashlib.sha256(kept.encode("utf-8")).hexdigest()[:HASH_LENGTH]


def fingerprints(document: Document, text: str) -> dict[str, str]:
    """Each entry's id -> the fingerprint of its Markdown."""
    return {
        entry_id: fingerprint(markdown) for entry_id, (_, markdown) in entry_texts(document, text).items()
    }


def read_lock(translation: Path) -> dict[str, str]:
    """The recorded original fingerprints of a translation's entries ({} without a record)."""
    try:
        data = json.loads(lock_path(translation).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    entries = data.get("entries") if isinstance(data, dict) else None
    return {str(k): str(v) for k, v in entries.items()} if isinstance(entries, dict) else {}


def write_lock(translation: Path, original: Path, recorded: dict[str, str]) -> None:
    """Write a translation's edition record: sorted keys, one entry a line, so diffs stay small."""
    data = {"original": original.name, "entries": dict(sorted(recorded.items()))}
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    lock_path(translation).write_text(text, encoding="utf-8")


@dataclass(frozen=True)
class Parsed:
    """A source read and parsed: its path, text and document."""

    path: Path
    text: str
    document: Document


def parsed(path: Path) -> Parsed:
    """Read and parse a source (raises SourceError on mistakes)."""
    from publisher.lint import read_and_parse  # imported here: lint's rules import this module

    return Parsed(path, *read_and_parse(path))


def translation_problems(original: Parsed, translation: Parsed) -> list[Problem]:
    """Missing, extra and stale entries of a translation, as warnings located in the translation."""
    where = display_path(translation.path)
    home = display_path(original.path)
    source_entries = entry_texts(original.document, original.text)
    current = {entry_id: fingerprint(markdown) for entry_id, (_, markdown) in source_entries.items()}
    recorded = read_lock(translation.path)
    translated = {entry.id: entry for entry in translation.document.entries}
    problems = []
    for entry_id, (line, _) in source_entries.items():
        if entry_id not in translated:
            problems.append(warning(where, 1, 1, f"question #{entry_id} ({home}:{line}) is not translated"))
    for entry_id, entry in translated.items():
        if entry_id not in current:
            problems.append(warning(where, entry.line, 1, f"#{entry_id} is not a question of {home}"))
        elif entry_id not in recorded:
            problems.append(
                warning(
                    where,
                    entry.line,
                    1,
                    f"#{entry_id} has no record of the {home} it was translated from "
                    f"(publisher translate mark {where} once it is up to date)",
                )
            )
        elif recorded[entry_id] != current[entry_id]:
            line = source_entries[entry_id][0]
            problems.append(
                warning(
                    where,
                    entry.line,
                    1,
                    f"stale: #{entry_id} changed in {home}:{line} after it was translated",
                )
            )
    return problems


def translation_warnings(context) -> list[Problem]:  # context: publisher.lint.Context
    """The lint rule: a translation compared with its original (nothing for other sources)."""
    from publisher.errors import SourceError

    path = context.document.source
    original = original_of(path) if path is not None else None
    if original is None:
        return []
    try:
        base = parsed(original)
    except SourceError:
        return [context.warn(1, 1, f"the original {display_path(original)} has mistakes: check it first")]
    return translation_problems(base, Parsed(path, "\n".join(context.lines), context.document))


def mark(translation: Path, ids: tuple[str, ...] = ()) -> list[str]:
    """Record the original's current edition of a translation's entries (``ids``, else all).

    Returns the ids recorded. Entries the original no longer has leave the record.
    """
    original = original_of(translation)
    if original is None:
        raise ValueError(f"{display_path(translation)} is not named X.LANG.md beside an X.md")
    base, own = parsed(original), parsed(translation)
    current = fingerprints(base.document, base.text)
    present = [e.id for e in own.document.entries if e.id in current]
    chosen = [i for i in present if not ids or i in ids]
    recorded = read_lock(translation) | {i: current[i] for i in chosen}
    write_lock(translation, original, {k: v for k, v in recorded.items() if k in current})
    return chosen
