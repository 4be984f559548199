"""pyphen's English patterns shipped parsed: the same syllables as pyphen's own parse, faster."""

from __future__ import annotations

import subprocess
import sys

import pyphen

from publisher import hyphenation
from tests.helpers.paths import ROOT


def test_shipped_patterns_are_exactly_what_make_hyphenation_writes() -> None:
    """Fails after a pyphen upgrade until `make hyphenation` is run (then the speed-up applies again)."""
    assert hyphenation.GENERATED.read_text(encoding="utf-8") == hyphenation.generated_source()


def test_preloaded_patterns_hyphenate_every_corpus_word_as_pyphen_does() -> None:
    assert hyphenation.preload()
    fast = pyphen.Pyphen(lang=hyphenation.LANGUAGE, left=1, right=1)
    slow = pyphen.Pyphen(lang=hyphenation.LANGUAGE, left=1, right=1, cache=False)
    assert fast.hd is not slow.hd
    sources = [ROOT / "source" / "faq.md", *sorted((ROOT / "tests" / "corpus").glob("*/faq.md"))]
    words = {word for source in sources for word in source.read_text(encoding="utf-8").split()}
    assert len(words) > 1000
    assert [w for w in words if fast.positions(w) != slow.positions(w)] == []


def test_another_dictionary_gets_pyphens_own_parse(tmp_path, monkeypatch) -> None:
    changed = tmp_path / "hyph_en_US.dic"
    changed.write_bytes(hyphenation.dictionary_path().read_bytes() + b"\n")
    monkeypatch.setattr(hyphenation, "dictionary_path", lambda: changed)
    monkeypatch.setattr(pyphen, "hdcache", {})
    assert hyphenation.preload() is False
    assert changed not in pyphen.hdcache


def test_check_counts_syllables_without_parsing_the_dictionary() -> None:
    """``check`` of the clinic FAQ (reading grades of English answers) never parses hyph_en_US.dic."""
    code = (
        "import sys, pyphen\n"
        "def refuse(self, path):\n    raise AssertionError(f'parsed {path}')\n"
        "pyphen.HyphDict.__init__ = refuse\n"
        "from publisher import cli\n"
        "sys.argv = ['publisher', 'check', 'source/faq.md']\n"
        "cli.main()\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "Flesch-Kincaid" in result.stderr  # the reading grades were worked out
