"""Plain-language measures, offline: sentences, words, syllables and a reading grade per language.

Health leaflets aim at a reading age of 9 to 11, about US grade 6 to 8. Each language
has its own formula, fitted to its own texts:

- English: Flesch-Kincaid grade, a US school grade.
- Spanish: Fernández-Huerta reading ease; French: Kandel-Moles reading ease. Both are
  Flesch's 0-100 scale adapted; the grade is read off Flesch's own table
  (90 = grade 5, 80 = 6, 70 = 7, 60 = 8-9, 50 = 10-12, 30 = college), interpolated.
- German: the first Wiener Sachtextformel, a German school year (4 to 15).

Syllables come from pyphen's hyphenation patterns in the source's language (installed
with WeasyPrint; nothing is downloaded). Hyphenation skips some syllables (it never
splits "area"), so English words get at least their count of vowel groups. Other
languages have no formula here: their grade is None and nothing is judged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Protocol

from publisher import hyphenation

WORD = re.compile(r"[^\W_](?:[\w'’.\-@/:]*[^\W_])?")
"""A word: letters or digits, with inner apostrophes, hyphens, dots (2.5, e-mail, www.x.org)."""
SENTENCE_END = re.compile(r"(?<=[.!?…。！？])[\"'”’»)\]]*\s+")
ABBREVIATION_LIST = (
    "e.g i.e dr mr mrs ms st etc vs approx no nr fig z.b u.a bzw ca sr sra srta p.ej dra m mme mlle env cf"
    " incl min max tel"
)
ABBREVIATIONS = frozenset(ABBREVIATION_LIST.split())
"""Words whose full stop ends no sentence ("Dr. Smith", "z.B. heute")."""
ENGLISH_VOWELS = re.compile(r"[aeiouy]+")
PYPHEN_LANGS = {"en": "en_US", "es": "es", "fr": "fr", "de": "de_DE"}


@dataclass(frozen=True)
class Counts:
    """What a text holds: sentences, words, syllables and the words' lengths."""

    sentences: int
    words: int
    syllables: int
    long_words: int = 0
    """Words of three syllables or more."""
    one_syllable: int = 0
    """Words of one syllable."""
    six_letters: int = 0
    """Words of more than six letters."""


@dataclass(frozen=True)
class Score:
    """A text's reading grade by its language's formula (grade None: no formula for it)."""

    formula: str
    value: float | None
    """The formula's own figure (a grade, or a 0-100 reading ease)."""
    grade: float | None
    """The US school grade it stands for."""


def sentences(text: str) -> list[str]:
    """The sentences of a text; a full stop after an abbreviation or an initial ends none."""
    found, start = [], 0
    for match in SENTENCE_END.finditer(text):
        before = text[start : match.start()].split()
        last = before[-1].rstrip(".").lower() if before else ""
        if text[match.start() - 1] == "." and (last in ABBREVIATIONS or len(last) == 1):
            continue
        found.append(text[start : match.start()].strip())
        start = match.end()
    found.append(text[start:].strip())
    return [sentence for sentence in found if WORD.search(sentence)]


def words(text: str) -> list[str]:
    """The words of a text (numbers and addresses count as one word each)."""
    return WORD.findall(text)


class Hyphenator(Protocol):
    """What the syllable count needs of a hyphenation dictionary."""

    def positions(self, word: str) -> list[int]: ...


@cache
def hyphenator(lang: str) -> Hyphenator | None:
    """Hyphenation points for a language tag (pyphen's patterns), None when pyphen has none."""
    name = PYPHEN_LANGS.get(lang.split("-")[0].lower())
    if name == hyphenation.LANGUAGE and (shipped := hyphenation.english()):
        return shipped  # English patterns parsed ahead of time: pyphen is not even imported
    if not name:
        return None
    import pyphen

    return pyphen.Pyphen(lang=name, left=1, right=1)


def syllables(word: str, lang: str) -> int:
    """Syllables in one word: hyphenation points plus one (English: at least its vowel groups)."""
    dictionary = hyphenator(lang)
    count = len(dictionary.positions(word)) + 1 if dictionary else 1
    if lang.split("-")[0].lower() == "en":
        lower = word.lower()
        groups = len(ENGLISH_VOWELS.findall(lower))
        if lower.endswith("e") and not lower.endswith(("le", "ee")) and groups > 1:
            groups -= 1  # a silent final e: "care", "time"
        count = max(count, groups)
    return max(count, 1)


def count(units: Iterable[str], lang: str) -> Counts:
    """Sentences, words and syllables over text units (paragraphs, list items) of one language."""
    n_sentences = n_words = n_syllables = long = one = six = 0
    for unit in units:
        n_sentences += len(sentences(unit))
        for word in words(unit):
            number = syllables(word, lang)
            n_words += 1
            n_syllables += number
            long += number >= 3
            one += number == 1
            six += len(word) > 6
    return Counts(n_sentences, n_words, n_syllables, long, one, six)


def flesch_kincaid(c: Counts) -> float:
    """Flesch-Kincaid grade level (English): 0.39 W/S + 11.8 Sy/W - 15.59."""
    return 0.39 * c.words / c.sentences + 11.8 * c.syllables / c.words - 15.59


def fernandez_huerta(c: Counts) -> float:
    """Fernández-Huerta reading ease (Spanish): 206.84 - 0.60 P - 1.02 F, per 100 words."""
    return 206.84 - 0.60 * (100 * c.syllables / c.words) - 1.02 * (100 * c.sentences / c.words)


def kandel_moles(c: Counts) -> float:
    """Kandel-Moles reading ease (French): 207 - 1.015 W/S - 73.6 Sy/W."""
    return 207 - 1.015 * c.words / c.sentences - 73.6 * c.syllables / c.words


def wiener_sachtextformel(c: Counts) -> float:
    """First Wiener Sachtextformel (German), a school year.

    0.1935 MS + 0.1672 SL + 0.1297 IW - 0.0327 ES - 0.875, with MS the percentage of words
    of three syllables or more, SL words per sentence, IW the percentage of words of more
    than six letters and ES the percentage of one-syllable words.
    """
    ms, iw, es = (100 * n / c.words for n in (c.long_words, c.six_letters, c.one_syllable))
    return 0.1935 * ms + 0.1672 * c.words / c.sentences + 0.1297 * iw - 0.0327 * es - 0.875


EASE_TO_GRADE = (
    *((100.0, 4.0), (90.0, 5.0), (80.0, 6.0), (70.0, 7.0)),
    *((60.0, 9.0), (50.0, 12.0), (30.0, 16.0), (0.0, 18.0)),
)
"""Flesch's table of reading ease against school grade, as points to interpolate between."""


def ease_grade(ease: float) -> float:
    """The US school grade of a Flesch-scale reading ease (Flesch's table, interpolated)."""
    points = EASE_TO_GRADE
    if ease >= points[0][0]:
        return points[0][1]
    for (high, high_grade), (low, low_grade) in zip(points, points[1:], strict=False):
        if ease >= low:
            return low_grade + (high_grade - low_grade) * (ease - low) / (high - low)
    return points[-1][1]


def score(c: Counts, lang: str) -> Score:
    """The reading grade of counted text by its language's formula."""
    primary = lang.split("-")[0].lower()
    if c.words == 0 or c.sentences == 0:
        return Score("", None, None)
    if primary == "en":
        grade = flesch_kincaid(c)
        return Score("Flesch-Kincaid", grade, grade)
    if primary == "es":
        ease = fernandez_huerta(c)
        return Score("Fernández-Huerta", ease, ease_grade(ease))
    if primary == "fr":
        ease = kandel_moles(c)
        return Score("Kandel-Moles", ease, ease_grade(ease))
    if primary == "de":
        grade = wiener_sachtextformel(c)
        return Score("Wiener Sachtextformel", grade, grade)
    return Score("", None, None)
