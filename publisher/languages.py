"""The languages a FAQ is published in: the original and its translations, for links between them.

Each format of a source with translations (or of a translation) learns every language
version: its tag, direction, title, the language's own name, and where it lives online
(the front matter's ``url`` of that version). The fragment links to the other versions
only when they have a ``url``: it is pasted into pages whose addresses we cannot guess.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from publisher.direction import text_direction
from publisher.model import Document
from publisher.translations import original_of, translations_of


@dataclass(frozen=True)
class LanguageVersion:
    """One language a FAQ is published in."""

    lang: str
    dir: str
    """``"ltr"`` or ``"rtl"``."""
    title: str
    url: str
    """Where this version lives online (its front matter's ``url``), or empty."""
    name: str
    """The language's name in that language ("العربية", "español")."""
    current: bool = False
    """True for the version being rendered."""


def language_sources(source: Path | None) -> list[Path]:
    """The original of ``source`` and all its translations (``[]`` when it has none)."""
    if source is None:
        return []
    original = original_of(source) or source
    siblings = translations_of(original)
    return [original, *siblings] if siblings else []


def language_versions(document: Document) -> tuple[LanguageVersion, ...]:
    """Every language version of ``document`` (itself included), original first; () without translations.

    A sibling that does not parse is left out: ``check`` reports its mistakes.
    """
    from publisher.errors import PublisherError
    from publisher.translations import parsed

    source = document.source
    versions = []
    for path in language_sources(source):
        try:
            meta = document.meta if path == source else parsed(path).document.meta
        except PublisherError:
            continue
        versions.append(
            LanguageVersion(
                meta.lang,
                text_direction(meta.lang),
                meta.title,
                meta.url,
                language_name(meta.lang),
                path == source,
            )
        )
    return tuple(versions)


def language_name(lang: str) -> str:
    """A language's own name from CLDR ("العربية" for ``ar``), else the tag."""
    from publisher.cldr import locale

    try:
        name = locale(lang).display_name
    except (ValueError, AttributeError):
        return lang
    return name or lang
