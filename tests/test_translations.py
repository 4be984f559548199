"""Translations (faq.ar.md beside faq.md): found by name, checked against the original with located
warnings (missing, extra, stale), their edition recorded by ``publisher translate mark``, built with it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from publisher.cli import main
from publisher.translations import lock_path, original_of, translations_of, with_translations

ORIGINAL = """---
title: FAQ
lang: en
---

# About

## Is it painful? {#pain}

Most clients feel **little** discomfort.

## How long does it last? {#duration}

Four to six years.

## What does it cost? {#cost}

From 1,500 GBP.
"""
SPANISH = """---
title: Preguntas
lang: es
---

# Acerca de

## ¿Duele? {#pain}

La mayoría siente **poca** molestia.

## ¿Cuánto dura? {#duration}

De cuatro a seis años.

## ¿Otra? {#extra}

Sí.
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "faq.md").write_text(ORIGINAL, encoding="utf-8")
    (tmp_path / "faq.es.md").write_text(SPANISH, encoding="utf-8")
    (tmp_path / "notes.es.md").write_text(SPANISH, encoding="utf-8")  # no notes.md: not a translation
    return tmp_path


def run(folder: Path, *args: str):
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def test_translations_are_found_by_name(folder):
    assert original_of(folder / "faq.es.md") == folder / "faq.md"
    assert original_of(folder / "notes.es.md") is None
    assert original_of(folder / "faq.md") is None
    assert translations_of(folder / "faq.md") == [folder / "faq.es.md"]
    assert with_translations([folder / "faq.md", folder / "faq.es.md"]) == [
        folder / "faq.md",
        folder / "faq.es.md",
    ]


def test_check_reports_missing_extra_and_unrecorded_entries_with_lines(folder, monkeypatch):
    monkeypatch.chdir(folder)
    code, output = run(folder, "check", "faq.md")
    assert code == 0
    assert "faq.es.md:1:1: warning: question #cost (faq.md:16) is not translated" in output
    assert "faq.es.md:16:1: warning: #extra is not a question of faq.md" in output
    assert "faq.es.md:8:1: warning: #pain has no record" in output


def test_an_edited_original_answer_makes_its_translation_stale(folder, monkeypatch):
    monkeypatch.chdir(folder)
    code, output = run(folder, "translate", "mark", "faq.es.md")
    assert code == 0 and "2 entries recorded" in output
    record = json.loads(lock_path(folder / "faq.es.md").read_text(encoding="utf-8"))
    assert record["original"] == "faq.md" and set(record["entries"]) == {"pain", "duration"}
    _, output = run(folder, "check", "faq.md")
    assert "stale" not in output and "no record" not in output
    # Blank lines and trailing spaces are no change; a word is.
    original = folder / "faq.md"
    original.write_text(ORIGINAL.replace("Four to six years.", "Four to six years.  \n"), encoding="utf-8")
    assert "stale" not in run(folder, "check", "faq.md")[1]
    original.write_text(ORIGINAL.replace("Four to six years.", "Five years."), encoding="utf-8")
    _, output = run(folder, "check", "faq.md")
    assert "faq.es.md:12:1: warning: stale: #duration changed in faq.md:12 after it was translated" in output
    assert "#pain" not in output.split("stale")[0].split("warning")[-1]
    assert run(folder, "check", "--strict", "faq.md")[0] == 1
    # Marking the one entry again clears it.
    run(folder, "translate", "mark", "faq.es.md", "--id", "duration")
    assert "stale" not in run(folder, "check", "faq.md")[1]


def test_mark_refuses_a_source_that_is_no_translation(folder, monkeypatch):
    monkeypatch.chdir(folder)
    code, output = run(folder, "translate", "mark", "notes.es.md")
    assert code == 2 and "is not named X.LANG.md beside an X.md" in output


def test_build_of_the_original_builds_its_translations(folder, monkeypatch):
    monkeypatch.chdir(folder)
    code, output = run(folder, "build", "faq.md", "-o", "out", "-f", "html", "-f", "json")
    assert code == 0, output
    assert sorted(p.name for p in (folder / "out").glob("faq*")) == [
        "faq.es.html",
        "faq.es.json",
        "faq.html",
        "faq.json",
    ]
    assert json.loads((folder / "out" / "faq.es.json").read_text(encoding="utf-8"))["lang"] == "es"
