"""Importing a translator's PO file into the translation source (``faq.ar.md``).

Only the entries the PO file translates are touched: an existing entry's heading and
answer are replaced in place, a missing one is inserted after the entry that precedes it
in the original; every other byte of the file stays as it was (its BOM and line endings
too). A message left empty or ``fuzzy`` is not imported. Placeholders that do not match the
original's are an error naming the entry, and nothing is written. The edition record gets
the imported entries whose original has not changed since the export.

A translation that does not exist yet is created: the original's front matter with the
new ``lang`` (its ``url`` left out, as each language has its own page) and the translated
title, then the sections, headings translated when the PO file has them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from publisher.placeholders import mismatch, parse_description, restore
from publisher.translation_po import (
    ANSWER,
    QUESTION,
    SECTION,
    TITLE,
    EntryParts,
    entries_parts,
    export,
    translation_path,
)
from publisher.translations import HEADING, Parsed, entry_texts, mark, parsed

if TYPE_CHECKING:
    import polib  # type: ignore[import-untyped]


class ImportProblem(ValueError):
    """A PO file that cannot be imported (its message names the file, line and entry)."""


@dataclass(frozen=True)
class Imported:
    """What an import did: the translation written, entries imported, and entries left out."""

    translation: Path
    entries: tuple[str, ...]
    skipped: tuple[str, ...]
    created: bool


def translated_texts(po_path: Path, po: polib.POFile) -> dict[str, str]:
    """``msgctxt`` -> the translated Markdown, placeholders restored; checked against each msgid."""
    texts = {}
    for entry in po:
        if not entry.msgctxt or not entry.msgstr.strip() or entry.fuzzy or entry.obsolete:
            continue
        wrong = mismatch(entry.msgid, entry.msgstr)
        name = entry.msgctxt.replace("/", " ")
        if wrong:
            raise ImportProblem(f"{po_path}:{entry.linenum}:1: #{name}: the translation {wrong}")
        if entry.msgctxt.endswith("/" + ANSWER) and any(HEADING.match(x) for x in entry.msgstr.split("\n")):
            raise ImportProblem(f"{po_path}:{entry.linenum}:1: #{name}: an answer cannot hold a # heading")
        texts[entry.msgctxt] = restore(entry.msgstr, parse_description(entry.comment)).strip("\n")
    return texts


def import_po(po_path: Path, original_path: Path, lang: str) -> Imported:
    """Write the PO file's translated entries into the translation of ``original_path`` into ``lang``."""
    import polib

    try:
        po = polib.pofile(str(po_path), wrapwidth=0)
    except (OSError, ValueError) as error:
        raise ImportProblem(f"{po_path}: not a PO file ({error})") from None
    texts = translated_texts(po_path, po)
    target = translation_path(original_path, lang)
    original = parsed(original_path)
    parts = entries_parts(original)
    ready = [i for i in parts if f"{i}/{QUESTION}" in texts and f"{i}/{ANSWER}" in texts]
    skipped = tuple(i for i in parts if i not in ready and any(k.startswith(i + "/") for k in po_keys(po)))
    created = not target.is_file()
    if created:
        updated = new_translation(original, lang, texts, ready)
    else:
        raw = target.read_bytes().decode("utf-8-sig")
        updated = with_entries(raw, parsed_text(target, raw), parts, texts, ready)
    from publisher import parse as parsing

    parsing.parse(updated.replace("\r\n", "\n"), target)  # a SourceError leaves the file untouched
    bom = "\ufeff" if not created and target.read_bytes().startswith(b"\xef\xbb\xbf") else ""
    target.write_bytes((bom + updated).encode("utf-8"))
    unchanged = unchanged_since_export(po, original_path, lang, ready)
    if unchanged:
        mark(target, tuple(unchanged))
    return Imported(target, tuple(ready), skipped, created)


def po_keys(po: polib.POFile) -> list[str]:
    """Every message context of a PO file."""
    return [entry.msgctxt or "" for entry in po]


def parsed_text(path: Path, raw: str) -> Parsed:
    """A translation's text parsed as the tool reads it (LF line endings)."""
    from publisher import parse as parsing

    text = raw.replace("\r\n", "\n")
    return Parsed(path, text, parsing.parse(text, path))


def unchanged_since_export(po: polib.POFile, original: Path, lang: str, ids: list[str]) -> list[str]:
    """The imported entries whose original text is still what the PO file was made from."""
    fresh = {e.msgctxt: e.msgid for e in export(original, lang, everything=True)}
    exported = {e.msgctxt: e.msgid for e in po}
    contexts = [(i, [f"{i}/{QUESTION}", f"{i}/{ANSWER}"]) for i in ids]
    return [i for i, keys in contexts if all(exported.get(k) == fresh.get(k) for k in keys)]


def with_entries(
    raw: str, own: Parsed, parts: dict[str, EntryParts], texts: dict[str, str], ready: list[str]
) -> str:
    """``raw`` with the ``ready`` entries replaced or inserted; the rest byte for byte."""
    newline = "\r\n" if "\r\n" in raw else "\n"
    lines = raw.replace("\r\n", "\n").split("\n")
    spans = {i: (line, md.count("\n") + 1) for i, (line, md) in entry_texts(own.document, own.text).items()}
    order = list(parts)
    edits: list[tuple[int, int, int, list[str]]] = []  # (start index, order, lines removed, lines added)
    for rank, entry_id in enumerate(order):
        if entry_id not in ready:
            continue
        block = entry_lines(parts[entry_id], entry_id, texts)
        if entry_id in spans:
            line, count = spans[entry_id]
            old = lines[line - 1 : line - 1 + count]
            trailing = len(old) - len("\n".join(old).rstrip("\n").split("\n"))
            edits.append((line - 1, rank, count, block + [""] * trailing))
            continue
        edits.append((insertion_point(entry_id, order, spans, lines), rank, 0, block + [""]))
    for start, _, removed, added in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        lines[start : start + removed] = added
    return newline.join(lines)


def entry_lines(original: EntryParts, entry_id: str, texts: dict[str, str]) -> list[str]:
    """A translated entry's lines: its heading with the shared id, a blank line, its answer."""
    question = texts[f"{entry_id}/{QUESTION}"].replace("\n", " ")
    return [f"{original.marks} {question} {{#{entry_id}}}", "", *texts[f"{entry_id}/{ANSWER}"].split("\n")]


def insertion_point(
    entry_id: str, order: list[str], spans: dict[str, tuple[int, int]], lines: list[str]
) -> int:
    """Where a missing entry goes: after the nearest earlier entry the translation has, else first."""
    earlier = [i for i in order[: order.index(entry_id)] if i in spans]
    if earlier:
        line, count = spans[earlier[-1]]
        return line - 1 + count
    if spans:
        return min(line for line, _ in spans.values()) - 1
    return len(lines)


def new_translation(original: Parsed, lang: str, texts: dict[str, str], ready: list[str]) -> str:
    """A new translation: the original's front matter for ``lang``, then its sections and ready entries."""
    lines = original.text.split("\n")
    end = lines.index("---", 1) if lines and lines[0] == "---" and "---" in lines[1:] else 0
    front = [line for line in lines[1:end] if not re.match(r"^(lang|url)\s*:", line)]
    title = texts.get(TITLE)
    if title:
        quoted = f"title: {json.dumps(title, ensure_ascii=False)}"
        front = [quoted if line.startswith("title:") else line for line in front]
    out = ["---", *front, f"lang: {lang}", "---", ""] if end else []
    parts = entries_parts(original)
    for section in original.document.sections:
        if section.title and section.line:
            heading = texts.get(f"{section.id}/{SECTION}")
            marks = lines[section.line - 1].split(" ", 1)[0]
            out += [f"{marks} {heading} {{#{section.id}}}" if heading else lines[section.line - 1], ""]
        for entry in section.entries:
            if entry.id in ready:
                out += [*entry_lines(parts[entry.id], entry.id, texts), ""]
    return "\n".join(out)
