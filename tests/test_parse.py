"""The parser: golden model dumps, ids, structure and the clinic's FAQ against the seed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from publisher.model import Emph, Link, List, Quote, Table, Text
from publisher.parse import parse, parse_source
from publisher.text import block_text, inline_text
from tests.helpers.golden import assert_golden
from tests.helpers.model_dump import dump_document
from tests.helpers.paths import CLINIC_FAQ, FEATURES_FAQ, ROOT, SPANISH_FAQ

# A copy of ../shared/seed/smp-faq-page.txt, the clinic's current page, so the test always runs.
SEED = ROOT / "tests" / "fixtures" / "seed" / "smp-faq-page.txt"


@pytest.mark.parametrize(
    ("source", "golden"),
    [
        (CLINIC_FAQ, "model/clinic.json"),
        (FEATURES_FAQ, "model/features.json"),
        (SPANISH_FAQ, "model/spanish.json"),
    ],
)
def test_model_matches_golden(source: Path, golden: str):
    document = parse_source(source)
    assert_golden(golden, dump_document(document, ROOT))


def seed_pairs() -> list[tuple[str, str]]:
    """Question/answer pairs from the clinic's current web page (bullets alternate Q, A)."""
    bullets = [
        line.strip().removeprefix("•").strip()
        for line in SEED.read_text(encoding="utf-8").splitlines()
        if line.strip().startswith("•")
    ]
    disclaimer = bullets.pop()
    assert disclaimer.startswith("Always consult")
    return list(zip(bullets[0::2], bullets[1::2], strict=True))


def test_clinic_faq_carries_the_seed_word_for_word():
    document = parse_source(CLINIC_FAQ)
    pairs = seed_pairs()
    assert len(pairs) == 13
    assert len(document.entries) == 13
    for entry, (question, answer) in zip(document.entries, pairs, strict=True):
        assert inline_text(entry.question) == question
        assert block_text(entry.answer) == answer
    last_line = [line for line in SEED.read_text().splitlines() if "Always consult" in line][0]
    assert inline_text(document.meta.disclaimer) == last_line.strip().removeprefix("•").strip()


def test_clinic_faq_metadata_and_sections():
    document = parse_source(CLINIC_FAQ)
    assert document.meta.title == "Frequently Asked Questions"
    assert document.meta.subtitle == "Scalp Micropigmentation (SMP)"
    assert document.meta.lang == "en"
    assert [s.id for s in document.sections] == [
        "about-smp",
        "the-procedure",
        "results-and-aftercare",
        "cost",
    ]
    assert document.entries[0].id == "what-is-scalp-micropigmentation-smp"


def count_level2_headings(text: str) -> int:
    """ATX level 2 headings outside fenced code, counted by hand, not by the parser."""
    count, fenced = 0, False
    for line in text.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and re.match(r"^ {0,3}## ", line):
            count += 1
    return count


@pytest.mark.parametrize("source", [CLINIC_FAQ, FEATURES_FAQ, SPANISH_FAQ])
def test_every_level2_heading_is_a_question(source: Path):
    text = source.read_text(encoding="utf-8")
    assert len(parse_source(source).entries) == count_level2_headings(text)


def test_feature_fixture_structure():
    document = parse_source(FEATURES_FAQ)
    bring, prepare, cost, contact, tattoo = document.entries
    assert [e.id for e in document.entries][:2] == ["bring", "prepare"]
    assert isinstance(bring.question[1], Emph)
    steps = prepare.answer[1]
    assert isinstance(steps, List) and steps.ordered and steps.start == 3
    nested = steps.items[1].children[1]
    assert isinstance(nested, List) and nested.ordered and nested.start == 1
    assert isinstance(prepare.answer[2], Quote)
    table = cost.answer[0]
    assert isinstance(table, Table)
    assert [c.align for c in table.header] == ["left", "center", "right"]
    assert len(table.rows) == 3
    hrefs = [
        n.href
        for b in contact.answer
        if isinstance(b, List)
        for i in b.items
        for p in i.children
        for n in getattr(p, "children", ())
        if isinstance(n, Link)
    ]
    assert hrefs[:4] == [
        "https://clinic.example/contact",
        "mailto:hello@clinic.example",
        "tel:+44123456789",
        "https://booking.clinic.example/?a=1&b=2",
    ]
    assert not tattoo.answer[1].tight


def test_spanish_slugs_keep_accents_and_stay_unique():
    ids = [e.id for e in parse_source(SPANISH_FAQ).entries]
    assert ids == [
        "qué-es-la-micropigmentación-capilar",
        "duele-la-micropigmentación",
        "qué-es-la-micropigmentación-capilar-2",
    ]


def test_bom_and_crlf_are_accepted(tmp_path: Path):
    source = tmp_path / "faq.md"
    text = "---\ntitle: T\n---\n\n## Q one?\n\nAnswer  \nline two.\n"
    source.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    document = parse_source(source)
    assert document.meta.title == "T"
    assert inline_text(document.entries[0].answer[0].children) == "Answer\nline two."
    assert document.entries[0].line == 5


def test_questions_before_the_first_section_form_an_untitled_group(tmp_path: Path):
    text = "---\ntitle: T\n---\n## First?\n\nA.\n\n# Later\n\n## Second?\n\nB.\n"
    document = parse(text, tmp_path / "faq.md")
    assert [s.title for s in document.sections] == [(), (Text("Later"),)]
    assert [len(s.entries) for s in document.sections] == [1, 1]


def test_disclaimer_is_inline_markdown():
    document = parse_source(FEATURES_FAQ)
    kinds = [type(n).__name__ for n in document.meta.disclaimer]
    assert kinds == ["Text", "Emph", "Text", "Link", "Text", "Link", "Text"]


def test_internal_links_to_non_ascii_ids(tmp_path: Path):
    text = "---\ntitle: T\n---\n## ¿Dolor ñ?\n\nVer [otra](#otra).\n\n## Otra {#otra}\n\n[x](#dolor-ñ)\n"
    document = parse(text, tmp_path / "faq.md")
    link = document.entries[1].answer[0].children[0]
    assert isinstance(link, Link) and link.href == "#dolor-ñ"
