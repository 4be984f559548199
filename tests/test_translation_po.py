"""publisher translate export / import: the translators' PO round trip, placeholders kept."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from click.testing import CliRunner

from publisher.cli import main
from publisher.placeholders import protect, restore
from publisher.translations import read_lock

ORIGINAL = """---
title: FAQ
lang: en
url: https://clinic.example/faq
---

# About

## Is it painful? {#pain}

Most clients feel **little** discomfort. See [our guide](https://clinic.example/pain "Pain").

## What does it cost? {#cost}

| Item | Price |
| --- | --- |
| Visit | 50 |

Call 555 0123, write to info@clinic.example or run `faq --help`.
"""
SPANISH = """---
title: Preguntas
lang: es
---

# Acerca de

## ¿Duele? {#pain}

La mayoría siente **poca** molestia.
"""


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


@pytest.fixture
def folder(tmp_path: Path, monkeypatch) -> Path:
    (tmp_path / "faq.md").write_text(ORIGINAL, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def untouched(path: Path) -> None:
    """msgstr = msgid everywhere, nothing fuzzy: as if the translator copied the original."""
    po = polib.pofile(str(path))
    for entry in po:
        entry.msgstr = entry.msgid
        if entry.fuzzy:
            entry.flags.remove("fuzzy")
    po.save(str(path))


def test_placeholders_hide_addresses_and_code_and_come_back():
    text = 'See [guide](https://a.example/x "T") and `code`, `code` again, mail a@b.example {#x}.'
    protected, mapping = protect(text)
    assert protected == "See [guide]{1} and {2}, {2} again, mail {3} {4}."
    assert restore(protected, mapping) == text


def test_an_untouched_export_imported_back_gives_the_original_text(folder):
    code, output = run("translate", "export", "faq.md", "--lang", "ar", "-o", "faq.ar.po")
    assert code == 0 and "2 entries to translate" in output
    po = polib.pofile("faq.ar.po")
    assert [e.msgctxt for e in po] == [
        "title",
        "about/section",
        "pain/question",
        "pain/answer",
        "cost/question",
        "cost/answer",
    ]
    answer = po.find("pain/answer", by="msgctxt")
    assert answer.msgid == "Most clients feel **little** discomfort. See [our guide]{1}."
    assert answer.comment == '{1} = (https://clinic.example/pain "Pain")'
    untouched(folder / "faq.ar.po")
    code, output = run("translate", "import", "faq.ar.po")
    assert code == 0 and "faq.ar.md: created with 2 entries" in output, output
    created = (folder / "faq.ar.md").read_text(encoding="utf-8")
    assert "lang: ar" in created and "url:" not in created
    body = ORIGINAL.split("# About", 1)[1]
    assert created.split("# About {#about}", 1)[1].strip() == body.strip()
    assert set(read_lock(folder / "faq.ar.md")) == {"pain", "cost"}
    code, output = run("check", "faq.md")
    assert code == 0 and "faq.ar.md:" not in output.split("faq.ar.md: 2 questions")[0], output


def test_an_edited_translation_replaces_only_its_entries(folder):
    spanish = folder / "faq.es.md"
    spanish.write_bytes(SPANISH.replace("\n", "\r\n").encode("utf-8"))
    run("translate", "mark", "faq.es.md")
    code, _ = run("translate", "export", "faq.md", "--lang", "es")
    po = polib.pofile("faq.es.po")
    assert [e.msgctxt for e in po] == ["cost/question", "cost/answer"]  # pain is up to date
    po[0].msgstr = "¿Cuánto cuesta?"
    po[1].msgstr = po[1].msgid.replace("Call", "Llame al").replace("write to", "escriba a")
    po.save()
    code, output = run("translate", "import", "faq.es.po")
    assert code == 0, output
    written = spanish.read_bytes().decode("utf-8")
    assert written.startswith(SPANISH.replace("\n", "\r\n").rstrip("\r\n"))  # the rest byte for byte
    assert "## ¿Cuánto cuesta? {#cost}\r\n\r\n| Item | Price |" in written
    assert "Llame al 555 0123, escriba a info@clinic.example or run `faq --help`." in written
    assert set(read_lock(spanish)) == {"pain", "cost"}


def test_tampered_placeholders_are_an_error_naming_the_entry(folder):
    run("translate", "export", "faq.md", "--lang", "es")
    po = polib.pofile("faq.es.po")
    answer = po.find("pain/answer", by="msgctxt")
    answer.msgstr = "La mayoría siente poca molestia. Vea [nuestra guía]{2}."
    po.find("pain/question", by="msgctxt").msgstr = "¿Duele?"
    po.save()
    code, output = run("translate", "import", "faq.es.po")
    assert code == 1
    assert (
        f"faq.es.po:{answer.linenum}:1: #pain answer: the translation lacks {{1}} and has unknown {{2}}"
        in output
    )
    assert not (folder / "faq.es.md").exists()


def test_fuzzy_messages_are_left_out(folder):
    (folder / "faq.es.md").write_text(SPANISH, encoding="utf-8")
    run("translate", "export", "faq.md", "--lang", "es", "--all")
    po = polib.pofile("faq.es.po")
    assert po.find("pain/answer", by="msgctxt").fuzzy  # never recorded
    assert po.find("pain/answer", by="msgctxt").msgstr == "La mayoría siente **poca** molestia."
    code, output = run("translate", "import", "faq.es.po")
    assert code == 0 and "updated: 0 entries" in output
    assert (folder / "faq.es.md").read_text(encoding="utf-8") == SPANISH
