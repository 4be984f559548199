"""pyphen's English patterns shipped parsed: the same syllables as pyphen's own parse, faster."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyphen

from publisher import hyphenation, readability
from tests.helpers.paths import ROOT


def test_shipped_patterns_are_exactly_what_make_hyphenation_writes() -> None:
    """Fails after a pyphen upgrade until `make hyphenation` is run (then the speed-up applies again)."""
    assert hyphenation.GENERATED.read_text(encoding="utf-8") == hyphenation.generated_source()


def test_the_file_is_found_where_pyphen_keeps_it() -> None:
    assert hyphenation.dictionary_path() == Path(pyphen.LANGUAGES[hyphenation.LANGUAGE])


def test_shipped_patterns_hyphenate_every_corpus_word_as_pyphen_does() -> None:
    shipped = hyphenation.english()
    assert shipped is not None
    own = pyphen.Pyphen(lang=hyphenation.LANGUAGE, left=1, right=1, cache=False)
    sources = [ROOT / "source" / "faq.md", *sorted((ROOT / "tests" / "corpus").glob("*/faq.md"))]
    words = {word for source in sources for word in source.read_text(encoding="utf-8").split()}
    words |= {"a", "I", "x", "hyphenation", "ALL-CAPS", "micro-needles", "Ünïcödé", "co-operate"}
    assert len(words) > 1000
    assert [w for w in words if shipped.positions(w) != own.positions(w)] == []


def test_another_dictionary_gets_pyphens_own_parse(tmp_path, monkeypatch) -> None:
    changed = tmp_path / "hyph_en_US.dic"
    changed.write_bytes(hyphenation.dictionary_path().read_bytes() + b"\n")
    monkeypatch.setattr(hyphenation, "dictionary_path", lambda: changed)
    hyphenation.english.cache_clear()
    readability.hyphenator.cache_clear()
    try:
        assert hyphenation.english() is None
        assert isinstance(readability.hyphenator("en"), pyphen.Pyphen)
    finally:
        hyphenation.english.cache_clear()
        readability.hyphenator.cache_clear()


def test_check_counts_english_syllables_without_importing_pyphen() -> None:
    """``check`` of the clinic FAQ (reading grades of English answers) neither imports pyphen nor parses."""
    code = (
        "import sys\n"
        "from publisher import cli\n"
        "sys.argv = ['publisher', 'check', 'source/faq.md']\n"
        "try:\n    cli.main()\nexcept SystemExit:\n    pass\n"
        "assert 'pyphen' not in sys.modules, 'pyphen was imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "Flesch-Kincaid" in result.stderr  # the reading grades were worked out
