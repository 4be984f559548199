"""The outputs' own words in every language the labels know: none left in English."""

from __future__ import annotations

import datetime as dt
from dataclasses import fields

import pytest
from lxml import html as lxml_html

from publisher.facts import with_facts
from publisher.label_languages import MORE_LABELS
from publisher.labels import FORMAT_NAMES, Labels, labels_for
from publisher.parse import parse
from publisher.renderers import Theme
from publisher.renderers.html.fragment import render_html

WORDED_BY_CLDR = {"lang", "tag", "date", "month_year", "comma"}
"""Fields the ten more languages leave to CLDR (dates), that are not words, or that most share (", ")."""

SAME_WORD = {("it", "online_label"), ("pl", "online_label"), ("pt", "online_label"), ("nl", "online_label")}
SAME_WORD |= {("nl", "contact")}
"""Phrases these languages write as English does ("Online:", Dutch "Contact")."""


@pytest.mark.parametrize("lang", sorted(MORE_LABELS))
def test_every_phrase_is_translated(lang):
    """A leaflet in Italian said "Reviewed marzo 2026 · Next review marzo 2029" and "Sources"."""
    phrases = {field.name for field in fields(Labels)} - WORDED_BY_CLDR
    assert phrases <= set(MORE_LABELS[lang]), sorted(phrases - set(MORE_LABELS[lang]))
    english = Labels()
    labels = labels_for(lang)
    same = [
        name
        for name in phrases
        if getattr(labels, name) == getattr(english, name) and (lang, name) not in SAME_WORD
    ]
    assert not same, f"{lang} still says in English: {same}"
    assert set(FORMAT_NAMES[lang]) == set(FORMAT_NAMES["en"])


@pytest.mark.parametrize(
    ("lang", "edition", "statement"),
    [
        (
            "it",
            "Versione 2 · Revisione: marzo 2026 · Prossima revisione: marzo 2029",
            "Queste informazioni sono disponibili anche in caratteri grandi e in braille. "
            "Chieda alla reception.",
        ),
        (
            "pl",
            "Wersja 2 · Sprawdzono: marzec 2026 · Następne sprawdzenie: marzec 2029",
            "Te informacje są dostępne także w dużym druku i w alfabecie Braille’a. "
            "Prosimy zapytać w rejestracji.",
        ),
        (
            "zh",
            "第2版 · 审核：2026年3月 · 下次审核：2029年3月",
            "本信息还提供大字版和盲文版。 请向前台询问。",
        ),
    ],
)
def test_edition_line_and_statement_in_the_fragment_speak_the_faq_language(
    tmp_path, lang, edition, statement
):
    source = tmp_path / "faq.md"
    source.write_text(
        f"---\ntitle: FAQ\nlang: {lang}\nversion: 2\nreviewed: 2026-03-02\nreview_every: 3 years\n"
        "alternative_formats: [large print, braille]\n---\n\n## Q?\n\nA.\n",
        encoding="utf-8",
    )
    document = parse(source.read_text(encoding="utf-8"), source)
    fragment = render_html(document, with_facts(document, Theme(), dt.date(2026, 3, 2))).data.decode()
    page = lxml_html.fragment_fromstring(fragment, create_parent="div")
    text = " ".join(" ".join(p.text_content() for p in page.iter("p")).split())
    assert edition in text
    assert statement in text


def test_the_leaflet_never_splits_a_review_month_from_its_year(tmp_path):
    """ "Prossima revisione: marzo / 2029" ended one line and started the next in a column."""
    from publisher.renderers.pdf.print_html import print_html

    source = tmp_path / "faq.md"
    source.write_text(
        "---\ntitle: FAQ\nlang: it\nreviewed: 2026-03-02\nreview_every: 3 years\n---\n\n## Q?\n\nA.\n",
        encoding="utf-8",
    )
    document = parse(source.read_text(encoding="utf-8"), source)
    html = print_html(document, with_facts(document, Theme(), dt.date(2026, 3, 2)))
    assert "Revisione: marzo\u00a02026 · Prossima revisione: marzo\u00a02029" in html
