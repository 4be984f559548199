"""Warnings: what a source may publish but a reviewer should look at again.

Errors stop a build (``parse`` raises them); warnings do not. They are worked out
here, from the parsed document, so every command (check, build, watch, preview)
reports the same ones: ``check_source`` parses and checks in one call. ``--strict``
(for a clinic's CI) makes any warning fail the command, with nothing written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from publisher.errors import Problem, display_path, warning
from publisher.model import Document


@dataclass(frozen=True)
class Checks:
    """What the warnings are measured against; the command line fills it in."""

    today: dt.date | None = None
    """The real calendar's date, for "review date passed"; None checks no dates."""
    reading_grade: float | None = None
    """The brand's reading-grade target (the front matter's ``reading_grade`` wins; default 8)."""
    jargon: tuple[tuple[str, str], ...] = ()
    """(term, plain word or "") from the clinic's ``_jargon.yml`` (``publisher.jargon``)."""
    brand_file: Path | None = None
    """``--brand``; without it each source's own ``_brand.yml`` gives the reading-grade target."""


@dataclass(frozen=True)
class Context:
    """One document being checked: where it is, its lines and the settings."""

    document: Document
    path: str
    lines: tuple[str, ...]
    checks: Checks

    def warn(self, line: int, col: int, message: str) -> Problem:
        """A warning located in this document."""
        return warning(self.path, line, col, message)


def check_source(path: Path, checks: Checks) -> tuple[Document, list[Problem]]:
    """Parse a source (raises SourceError for errors) and return it with its warnings."""
    _, document, warnings = check_source_text(path, checks)
    return document, warnings


def check_source_text(path: Path, checks: Checks) -> tuple[str, Document, list[Problem]]:
    """``check_source``, also returning the text read (the edition record hashes it)."""
    text, document = read_and_parse(path)
    return text, document, source_warnings(path, document, text, checks)


def read_and_parse(path: Path) -> tuple[str, Document]:
    """A source's text and document (raises SourceError): what a render needs, before the warnings.

    Separate from ``source_warnings`` so that build, watch and preview start the slow renders
    first and work out the warnings (reading grades, jargon) while those run.
    """
    # Imported here: an up-to-date build imports this module, not the parser.
    from publisher import parse as parsing
    from publisher.source import read_source

    text = read_source(path)
    return text, parsing.parse(text, path)  # the text read once serves the parser and the warnings


def source_warnings(path: Path, document: Document, text: str, checks: Checks) -> list[Problem]:
    """The warnings of a parsed source, with its brand's reading-grade target and its jargon file."""
    from publisher.jargon import jargon_file_for, load_jargon

    checks = replace(checks_for(path, checks), jargon=checks.jargon or load_jargon(jargon_file_for(path)))
    return document_warnings(document, text, checks)


def checks_for(path: Path, checks: Checks) -> Checks:
    """The checks of one source: the reading-grade target of its brand file filled in.

    A brand file with problems gives no target here: its problems are reported where
    it is read (check reads it first, build stops on it).
    """
    if checks.reading_grade is not None:
        return checks
    from publisher.brand import brand_file_for
    from publisher.brandfile import load_brand
    from publisher.errors import SourceError

    brand_file = brand_file_for(checks.brand_file, path)
    if brand_file is None:
        return checks
    try:
        return replace(checks, reading_grade=load_brand(brand_file).reading_grade)
    except SourceError:
        return checks


def is_calendar_warning(problem: Problem) -> bool:
    """True for a warning about today's date (the review is due), not about the content."""
    from publisher.lint_rules import REVIEW_DUE

    return problem.message.startswith(REVIEW_DUE)


def document_warnings(document: Document, text: str, checks: Checks) -> list[Problem]:
    """Every warning of a parsed document, in line order."""
    context = Context(document, display_path(document.source), tuple(text.split("\n")), checks)
    found: list[Problem] = []
    for rule in rules():
        found.extend(rule(context))
    return sorted(set(found))


def rules() -> tuple[Callable[[Context], list[Problem]], ...]:
    """Each check, a function of the context (imported here: the rule modules import this one)."""
    from publisher import jargon, lint_language, lint_rules, translations

    return (*lint_rules.RULES, *lint_language.RULES, jargon.jargon_words, translations.translation_warnings)


def strict_failure(source: Path, warnings: list[Problem]) -> str:
    """The message of a ``--strict`` run stopped by warnings: them, then why nothing was written."""
    count = f"{len(warnings)} warning{'s' * (len(warnings) != 1)}"
    lines = [str(problem) for problem in warnings]
    return "\n".join([*lines, f"{source}: {count}, and --strict makes warnings errors"])
