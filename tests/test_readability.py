"""Plain language: the formulas against hand-computed values, and the warnings and report built on them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from publisher import readability as r
from publisher.cli import main
from publisher.errors import SourceError
from publisher.jargon import load_jargon
from publisher.lint import Checks, document_warnings
from publisher.parse import parse


def warnings_of(text: str, **checks) -> list[str]:
    return [str(p) for p in document_warnings(parse(text, Path("faq.md")), text, Checks(**checks))]


def test_sentences_skip_abbreviations_and_initials():
    text = "Dr. Smith sees you, e.g. on Mondays. Is it safe? Yes! A. Example signs."
    assert r.sentences(text) == [
        "Dr. Smith sees you, e.g. on Mondays.",
        "Is it safe?",
        "Yes!",
        "A. Example signs.",
    ]


def test_words_keep_numbers_and_addresses_whole():
    assert r.words("It costs £2.50 at www.clinic.example, don’t worry.") == [
        *("It", "costs", "2.50", "at", "www.clinic.example", "don’t", "worry")
    ]


@pytest.mark.parametrize(
    ("lang", "word", "count"),
    [
        ("en", "the", 1),
        ("en", "every", 3),  # vowel groups: pyphen alone says 1
        ("en", "care", 1),  # a silent final e
        ("en", "recover", 3),
        ("es", "pescado", 3),
        ("de", "Katze", 2),
        ("fr", "poisson", 2),
    ],
)
def test_syllables(lang, word, count):
    assert r.syllables(word, lang) == count


def test_flesch_kincaid_by_hand():
    # 9 words, 2 sentences, 13 syllables: 0.39 * 9/2 + 11.8 * 13/9 - 15.59 = 3.209
    counts = r.count(["The cat sat on the mat. Patients recover quickly."], "en")
    assert (counts.words, counts.sentences, counts.syllables) == (9, 2, 13)
    assert r.score(counts, "en").grade == pytest.approx(3.2094, abs=1e-3)


def test_fernandez_huerta_by_hand():
    # el(1) ga-to(2) co-me(2) pes-ca-do(3): 206.84 - 0.60 * 200 - 1.02 * 25 = 61.34, grade 9 - 2 * 0.134
    score = r.score(r.count(["El gato come pescado."], "es"), "es")
    assert score.value == pytest.approx(61.34)
    assert score.grade == pytest.approx(8.732)


def test_kandel_moles_by_hand():
    # 5 words, 6 syllables: 207 - 1.015 * 5 - 73.6 * 6/5 = 113.605 (above 100: grade 4)
    score = r.score(r.count(["Le chat mange du poisson."], "fr"), "fr")
    assert score.value == pytest.approx(113.605)
    assert score.grade == 4.0


def test_wiener_sachtextformel_by_hand():
    # MS 0 %, SL 5, IW 20 % ("schläft"), ES 80 %: 0.1672 * 5 + 0.1297 * 20 - 0.0327 * 80 - 0.875
    score = r.score(r.count(["Die Katze schläft im Haus."], "de"), "de")
    assert score.value == pytest.approx(-0.061)


def test_a_language_without_a_formula_gets_no_grade():
    assert r.score(r.count(["Il gatto dorme."], "it"), "it").grade is None


HARD = (
    "Postoperative pigmentation irregularities necessitate supplementary consultations "
    "with appropriately qualified dermatological practitioners. "
    "Subsequent individualised treatment recommendations consider comorbidities."
)


def source(answer: str, extra: str = "") -> str:
    return f"---\ntitle: T\n{extra}---\n\n## Is it safe?\n\n{answer}\n"


def test_an_answer_above_the_target_is_a_warning_with_score_and_longest_sentence():
    found = warnings_of(source(HARD))
    assert len(found) == 1
    assert found[0].startswith("faq.md:5:1: warning: the answer reads at grade ")
    assert '(Flesch-Kincaid), above the target of 8; its longest sentence: "Postoperative' in found[0]
    assert "above the target of 20;" in warnings_of(source(HARD, "reading_grade: 20\n"))[0]
    assert "above the target of 12;" in warnings_of(source(HARD), reading_grade=12)[0]
    assert (
        warnings_of(source("It is safe. Most people feel fine the next day. Ask us if you are not sure."))
        == []
    )


def test_long_sentences_answers_and_vague_links():
    sentence = " ".join(["word"] * 26) + "."
    assert warnings_of(source(sentence)) == [
        f'faq.md:7:1: warning: a sentence of 26 words, past 25: "{sentence[:79]}…"'
    ]
    long_answer = "\n\n".join(["Short plain words here. " * 2] * 33)  # 264 words
    assert any("the answer is 264 words long, past 250" in w for w in warnings_of(source(long_answer)))
    links = (
        "Read [click here](https://a.example/x) or https://clinic.example/services/aftercare/instructions."
    )
    found = warnings_of(source(links))
    assert "faq.md:7:7: warning: link text 'click here' says nothing out of context" in found[0]
    assert "faq.md:7:43: warning: link text is the bare address (54 characters)" in found[1]


def test_jargon_file_is_read_beside_the_source_and_flagged(tmp_path: Path):
    (tmp_path / "_jargon.yml").write_text("pigmentation: colour\ncomorbidities:\n")
    faq = tmp_path / "faq.md"
    faq.write_text(source("The pigmentation fades.\n\nOther comorbidities matter."))
    result = CliRunner().invoke(main, ["check", str(faq)])
    assert f"{faq}:7:5: warning: 'pigmentation' is on the clinic's jargon list: say 'colour'" in result.stderr
    assert f"{faq}:9:7: warning: 'comorbidities' is on the clinic's jargon list: explain it" in result.stderr


def test_a_bad_jargon_file_is_a_located_error(tmp_path: Path):
    (tmp_path / "_jargon.yml").write_text("pigmentation: colour\nlist: [a, b]\n")
    with pytest.raises(SourceError) as caught:
        load_jargon(tmp_path / "_jargon.yml")
    assert str(caught.value.problems[0]).endswith(
        "_jargon.yml:2:1: each line must be 'word: plain word' (or 'word:')"
    )


def test_build_stops_at_a_bad_jargon_file_and_writes_nothing(tmp_path: Path):
    """The warnings are worked out while the leaflet renders; a broken jargon file still stops the build."""
    (tmp_path / "_jargon.yml").write_text("pigmentation: colour\nlist: [a, b]\n")
    faq = tmp_path / "faq.md"
    faq.write_text(source("The pigmentation fades."))
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(faq), "-o", str(out), "-f", "pdf", "-f", "html"])
    assert result.exit_code == 1
    assert "_jargon.yml:2:1: each line must be 'word: plain word' (or 'word:')" in result.stderr
    assert not out.exists() or not any(out.iterdir())


def test_check_report_as_table_and_json(tmp_path: Path):
    faq = tmp_path / "faq.md"
    faq.write_text(source(HARD))
    table = CliRunner().invoke(main, ["check", "--report", str(faq)]).stdout
    assert "reading report (Flesch-Kincaid)" in table
    assert "1 question, mean grade" in table and "1 above the target of 8, 1 warning\n" in table
    data = json.loads(CliRunner().invoke(main, ["check", "--report", "--format", "json", str(faq)]).stdout)
    question = data[0]["questions"][0]
    assert (question["id"], question["words"], question["sentences"]) == ("is-it-safe", 17, 2)
    assert question["grade"] > 8 and len(question["warnings"]) == 1
