"""Translators' round trip: a translation's entries out to a PO file and back.

Each entry is two messages, its question and its answer, with ``msgctxt`` ``ID/question``
and ``ID/answer`` (``ID`` the question id both files share). The answer is one message
holding its whole Markdown (paragraphs, lists, tables): a translator sees the structure and
keeps it. The original's text is the ``msgid``, the translation's current text (if any) the
``msgstr``; entries whose original changed since they were translated, or that have no
record, are ``fuzzy``. Pieces a translation must keep (``publisher.placeholders``) are
``{1}``-style placeholders with their meaning in the message's comment.

When the translation does not exist yet, its title and section headings are exported too
(``title`` and ``SECTION-ID/section``), so the import can create the whole file.

polib is imported here only, and this module only by ``publisher translate``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from publisher.placeholders import PIECE, describe, protect
from publisher.translations import (
    Parsed,
    entry_texts,
    fingerprint,
    original_of,
    parsed,
    read_lock,
)

if TYPE_CHECKING:
    import polib  # type: ignore[import-untyped]

QUESTION, ANSWER, SECTION, TITLE = "question", "answer", "section", "title"
HEADING_ID = re.compile(r"^(?P<marks> {0,3}#{1,6})\s+(?P<text>.*?)(?:\s+\{#[^{}]*\})?\s*$")
SOURCE_HEADER = "X-Publisher-Source"


@dataclass(frozen=True)
class EntryParts:
    """One entry's Markdown split for translators: heading marks, question and answer."""

    marks: str
    question: str
    answer: str


def split_entry(markdown: str) -> EntryParts:
    """An entry's Markdown (its heading line, then its answer) as its parts, blank edges trimmed."""
    heading, _, answer = markdown.partition("\n")
    match = HEADING_ID.match(heading)
    marks, question = (match["marks"], match["text"]) if match else ("##", heading)
    return EntryParts(marks.strip(), question, answer.strip("\n"))


def entries_parts(source: Parsed) -> dict[str, EntryParts]:
    """Each entry's id -> its parts, in document order."""
    return {i: split_entry(md) for i, (_, md) in entry_texts(source.document, source.text).items()}


def translation_path(original: Path, lang: str) -> Path:
    """Where the translation of ``original`` into ``lang`` lives: ``faq.ar.md`` beside ``faq.md``."""
    return original.with_name(f"{original.stem}.{lang}.md")


def export(original_path: Path, lang: str, everything: bool = False) -> polib.POFile:
    """The PO file of the entries of a translation that need work (all of them with ``everything``)."""
    import polib

    target = translation_path(original_path, lang)
    original = parsed(original_path)
    own = parsed(target) if target.is_file() else None
    recorded = read_lock(target) if own else {}
    current = entries_parts(own) if own else {}
    po = polib.POFile(wrapwidth=0)
    po.metadata = po_metadata(original_path, lang, target)
    if own is None:
        add_structure(po, original)
    for entry_id, (line, markdown) in entry_texts(original.document, original.text).items():
        state = entry_state(entry_id, fingerprint(markdown), current, recorded)
        if state == "current" and not everything:
            continue
        parts, theirs = split_entry(markdown), current.get(entry_id)
        where = f"{original_path.name}:{line}"
        for kind, text, translated in (
            (QUESTION, parts.question, theirs.question if theirs else ""),
            (ANSWER, parts.answer, theirs.answer if theirs else ""),
        ):
            po.append(message(f"{entry_id}/{kind}", text, translated, where, state))
    return po


def entry_state(entry_id: str, now: str, current: dict[str, EntryParts], recorded: dict[str, str]) -> str:
    """``missing``, ``stale`` (changed or never recorded) or ``current``."""
    if entry_id not in current:
        return "missing"
    return "current" if recorded.get(entry_id) == now else "stale"


def message(context: str, text: str, translated: str, where: str, state: str) -> polib.POEntry:
    """One message: placeholders in both texts, their meaning as a comment, ``fuzzy`` when stale."""
    import polib

    msgid, mapping = protect(text)
    msgstr = protect_like(translated, mapping) if translated else ""
    note = describe(mapping)
    entry = polib.POEntry(
        msgctxt=context,
        msgid=msgid,
        msgstr=msgstr,
        comment=note,
        occurrences=[(where.rsplit(":", 1)[0], where.rsplit(":", 1)[1])],
    )
    if state == "stale":
        entry.flags.append("fuzzy")
    return entry


def protect_like(text: str, mapping: dict[str, str]) -> str:
    """A translation's text with the original's pieces as the original's placeholder numbers.

    Pieces of the translation's own (a link to an Arabic page) stay as written.
    """
    numbers = {piece: number for number, piece in mapping.items()}
    return PIECE.sub(lambda m: "{" + numbers[m.group()] + "}" if m.group() in numbers else m.group(), text)


def add_structure(po: polib.POFile, original: Parsed) -> None:
    """The title and section headings, for a translation that does not exist yet."""
    name = original.path.name
    po.append(message(TITLE, original.document.meta.title, "", f"{name}:1", "missing"))
    for section in original.document.sections:
        if section.title and section.id:
            line = section.line
            raw = original.text.split("\n")[line - 1]
            match = HEADING_ID.match(raw)
            text = match["text"] if match else raw
            po.append(message(f"{section.id}/{SECTION}", text, "", f"{name}:{line}", "missing"))


def po_metadata(original: Path, lang: str, target: Path) -> dict[str, str]:
    """The PO header: language, encoding, and which original it came from (for ``import``)."""
    return {
        "Project-Id-Version": original.name,
        "Language": lang,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        SOURCE_HEADER: original.name,
    }


def original_for_po(po_path: Path, po: polib.POFile, into: Path | None) -> tuple[Path, Path]:
    """(original, translation) a PO file updates: ``--into``, else the original it names beside it."""
    lang = po.metadata.get("Language", "").strip()
    if into is not None:
        original = original_of(into)
        if original is None:
            raise ValueError(f"{into} is not named X.LANG.md beside an X.md")
        return original, into
    name = po.metadata.get(SOURCE_HEADER, "").strip()
    if not name or not lang or "/" in name or "\\" in name:
        raise ValueError(f"{po_path}: the header names no {SOURCE_HEADER} and Language (use --into)")
    original = po_path.with_name(name)
    if not original.is_file():
        raise ValueError(f"{po_path}: its original {original} does not exist (use --into)")
    return original, translation_path(original, lang)
