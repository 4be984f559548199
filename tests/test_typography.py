"""Typography by language: no-break spaces in the parsed model, so every format gets them."""

from __future__ import annotations

from pathlib import Path

import pytest

from publisher.model import Code, Link, Paragraph, Table, Text
from publisher.parse import parse
from publisher.text import inline_text
from publisher.typography import (
    french_guillemet_spaces,
    french_punctuation_spaces,
    is_french,
    is_phone_number,
    join_number_and_unit,
    typeset_text,
)
from publisher.walk import answer_blocks, block_inlines

NBSP, NNBSP = "\u00a0", "\u202f"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5 mm", f"5{NBSP}mm"),
        ("20 %", f"20{NBSP}%"),
        ("10 kg, 3 mg", f"10{NBSP}kg, 3{NBSP}mg"),
        ("37 °C.", f"37{NBSP}°C."),
        ("de 9 h à 17 h", f"de 9{NBSP}h à 17{NBSP}h"),
        ("15 min", f"15{NBSP}min"),
        ("2 mL", f"2{NBSP}mL"),
    ],
)
def test_a_number_and_its_unit_are_joined(text: str, expected: str) -> None:
    assert join_number_and_unit(text) == expected


@pytest.mark.parametrize(
    "text",
    ["5 mmol/l is a unit", "5 more days", "2 gel caps", "3 hours", "5mm", "room 5 Level", "a m"],
)
def test_only_a_listed_unit_after_a_number_is_joined(text: str) -> None:
    # "mmol" is listed, so the first is joined; the others are words, not units.
    expected = text.replace("5 mmol", f"5{NBSP}mmol")
    assert join_number_and_unit(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Comment prendre rendez-vous ?", f"Comment prendre rendez-vous{NNBSP}?"),
        ("Attention ! Non ; oui : si", f"Attention{NNBSP}! Non{NNBSP}; oui{NNBSP}: si"),
        (f"Déjà insécable{NBSP}?", f"Déjà insécable{NNBSP}?"),
        ("Deux espaces  ?", f"Deux espaces{NNBSP}?"),
        # No space typed, none added: times, addresses and the Swiss habit stay as written.
        ("à 14:30, https://a.example?x=1 ou Vraiment?", "à 14:30, https://a.example?x=1 ou Vraiment?"),
    ],
)
def test_french_space_before_high_punctuation(text: str, expected: str) -> None:
    assert french_punctuation_spaces(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("« bonjour »", f"«{NNBSP}bonjour{NNBSP}»"),
        ("«bonjour»", f"«{NNBSP}bonjour{NNBSP}»"),
        (f"«{NBSP}bonjour{NBSP}»", f"«{NNBSP}bonjour{NNBSP}»"),
    ],
)
def test_french_guillemets(text: str, expected: str) -> None:
    assert french_guillemet_spaces(text) == expected


def test_french_rules_only_in_french() -> None:
    assert is_french("fr") and is_french("fr-CA") and is_french("FR-ch")
    assert not is_french("en") and not is_french("fri") and not is_french("de-CH")
    assert typeset_text("Why ? 5 mm", "en") == f"Why ? 5{NBSP}mm"
    assert typeset_text("Pourquoi ? 5 mm", "fr-CA") == f"Pourquoi{NNBSP}? 5{NBSP}mm"


SOURCE = """---
title: "Questions : fréquentes"
subtitle: Un « cabinet »
lang: fr
disclaimer: "En cas de doute : appelez."
---

Intro : bienvenue.

# Tarifs ?

## Comment prendre rendez-vous ?

Par **téléphone** : [le secrétariat ?](tel:+33199001234), `a ; b` et 5 mm.

| Acte ? | Dose |
|---|---|
| Gel : | 3 mg |
"""


def test_parse_typesets_every_text_and_keeps_ids_and_code(tmp_path: Path) -> None:
    document = parse(SOURCE, tmp_path / "faq.md")
    section = document.sections[0]
    entry = section.entries[0]
    assert document.meta.title == f"Questions{NNBSP}: fréquentes"
    assert document.meta.subtitle == f"Un «{NNBSP}cabinet{NNBSP}»"
    assert inline_text(document.meta.disclaimer) == f"En cas de doute{NNBSP}: appelez."
    assert inline_text(section.title) == f"Tarifs{NNBSP}?"
    assert inline_text(entry.question) == f"Comment prendre rendez-vous{NNBSP}?"
    # Ids come from the text as typed.
    assert (section.id, entry.id) == ("tarifs", "comment-prendre-rendez-vous")
    inlines = list(block_inlines(answer_blocks(document)))
    texts = "".join(i.text for i in inlines if isinstance(i, Text))
    assert f"Intro{NNBSP}: bienvenue." in texts
    assert f"{NNBSP}: " in texts and f"5{NBSP}mm" in texts
    link = next(i for i in inlines if isinstance(i, Link))
    assert link.href == "tel:+33199001234" and inline_text(link.children) == f"le secrétariat{NNBSP}?"
    assert next(i for i in inlines if isinstance(i, Code)).text == "a ; b"  # code as typed
    paragraph, table = entry.answer
    assert isinstance(paragraph, Paragraph) and isinstance(table, Table)
    assert inline_text(table.header[0].children) == f"Acte{NNBSP}?"
    assert [inline_text(cell.children) for cell in table.rows[0]] == [f"Gel{NNBSP}:", f"3{NBSP}mg"]


def test_english_source_keeps_its_punctuation_spaces(tmp_path: Path) -> None:
    document = parse(SOURCE.replace("lang: fr", "lang: en"), tmp_path / "faq.md")
    assert document.meta.title == "Questions : fréquentes"
    assert inline_text(document.sections[0].entries[0].question) == "Comment prendre rendez-vous ?"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("01 99 00 12 34", True), ("+44 (0)20 7946 0000", True), ("01-99-00-12-35", True), ("call us", False)],
)
def test_phone_numbers_are_recognised(text: str, expected: bool) -> None:
    assert is_phone_number(text) is expected
