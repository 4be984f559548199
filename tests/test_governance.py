"""Trusted information: version, review dates, reviewers and sources, checked and shown in every format."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from publisher.brand import Brand
from publisher.errors import SourceError
from publisher.facts import source_facts
from publisher.lint import Checks, document_warnings
from publisher.model import Reference
from publisher.parse import parse
from publisher.renderers import FORMATS, Theme
from publisher.renderers.html.fragment import render_html
from publisher.renderers.json.entries import SCHEMA_PATH, entries_data
from tests.helpers.paths import CLINIC_FAQ

HEAD = """---
title: T
version: 2026.10
reviewed: 2026-11-23
reviewed_by: [Dr A. Example (example reviewer), B. Sample (example nurse)]
sources:
  - title: Example guidance
    publisher: Example Health Body
    year: 2024
    url: https://example.org/guidance
  - title: Example book
    author: C. Author
---

## Is it safe?

Yes.
"""


R = "reviewed: 2026-11-23"


def parsed(text: str = HEAD):
    return parse(text, Path("faq.md"))


def problems(text: str) -> list[str]:
    with pytest.raises(SourceError) as caught:
        parsed(text)
    return [str(p) for p in caught.value.problems]


def theme_for(document) -> Theme:
    brand = Brand(name="Example Clinic")
    return Theme(brand=brand, facts=source_facts(document, brand, None))


def test_front_matter_values_become_meta():
    meta = parsed().meta
    assert meta.version == "2026.10"  # as written, not the number 2026.1
    assert meta.updated == meta.reviewed == dt.date(2026, 11, 23)
    assert meta.review_by == dt.date(2029, 11, 23)  # three years by default
    assert meta.reviewed_by == ("Dr A. Example (example reviewer)", "B. Sample (example nurse)")
    assert meta.sources[1] == Reference("Example book", author="C. Author")


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        ("review_every: 12 months", dt.date(2027, 11, 23)),
        ("review_every: 2 years", dt.date(2028, 11, 23)),
        ("review_by: 2027-05-01", dt.date(2027, 5, 1)),
    ],
)
def test_next_review(setting, expected):
    assert (
        parsed(HEAD.replace("reviewed: 2026-11-23", f"reviewed: 2026-11-23\n{setting}")).meta.review_by
        == expected
    )


def test_updated_stays_an_alias():
    assert parsed(HEAD.replace("reviewed:", "updated:")).meta.review_by == dt.date(2029, 11, 23)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            (R, R + "\nupdated: 2026-11-23"),
            "faq.md:4:11: 'reviewed' and",
        ),
        (
            (R, R + "\nreview_every: often"),
            "faq.md:5:15: 'review_every' must",
        ),
        (
            (R, R + "\nreview_by: 2020-01-01"),
            "faq.md:5:12: 'review_by' must come",
        ),
        ((R, "review_every: 1 year"), "faq.md:4:15: 'review_every' counts from"),
        (("    year: 2024", "    yeer: 2024"), "faq.md:9:5: unknown key 'yeer' in a source"),
        (("  - title: Example book", "  - titel: Example book"), "faq.md:11:5: unknown key 'titel'"),
        (
            ("    url: https://example.org/guidance", "    url: javascript:alert(1)"),
            "faq.md:10:5: a source's 'url'",
        ),
        (("reviewed_by: [", "reviewed_by: {a: 1}\nx: ["), "faq.md:5:14: 'reviewed_by' must be"),
        (("version: 2026.10", "version: [1]"), "faq.md:3:10: 'version' must be text"),
    ],
)
def test_mistakes_are_located(change, expected):
    found = problems(HEAD.replace(*change))
    assert any(p.startswith(expected) for p in found), found


def test_edition_facts_in_each_language():
    english = source_facts(parsed(), Brand(), None)
    assert english.edition == "Version 2026.10 · Reviewed November 2026 · Next review November 2029"
    assert english.reviewers.startswith("Reviewed by Dr A. Example")
    spanish = source_facts(parsed(HEAD.replace("title: T", "title: T\nlang: es")), Brand(), None)
    assert spanish.edition == (
        "Versión 2026.10 · Revisado en noviembre de 2026 · Próxima revisión: noviembre de 2029"
    )
    german = source_facts(parsed(HEAD.replace("title: T", "title: T\nlang: de")), Brand(), None)
    assert german.edition == "Version 2026.10 · Geprüft im November 2026 · Nächste Prüfung im November 2029"


def test_fragment_ends_with_sources_and_edition_and_jsonld_says_so():
    document = parsed()
    html = render_html(document, theme_for(document)).data.decode()
    assert html.index("faqp-sources") < html.index("faqp-edition")
    assert '<a href="https://example.org/guidance">' in html
    assert "Version 2026.10 · Reviewed November 2026 · Next review November 2029<br>Reviewed by" in html
    jsonld = json.loads(html.split('<script type="application/ld+json">')[1].split("</script>")[0])
    assert jsonld["lastReviewed"] == "2026-11-23"
    assert jsonld["reviewedBy"][0] == {"@type": "Person", "name": "Dr A. Example (example reviewer)"}
    assert jsonld["citation"][0]["publisher"]["name"] == "Example Health Body"
    assert jsonld["author"] == {"@type": "Organization", "name": "Example Clinic"}


def test_json_carries_the_fields_and_meets_the_schema():
    import jsonschema

    data = entries_data(parsed(), Brand(name="Example Clinic"))
    assert data["version"] == "2026.10" and data["review_by"] == "2029-11-23"
    assert data["author"] == "Example Clinic"
    assert data["sources"][1] == {
        **{"title": "Example book", "author": "C. Author"},
        **{"publisher": None, "year": None, "url": None},
    }
    schema = json.loads(SCHEMA_PATH.read_text())
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(data)


def test_word_footer_has_the_edition_line_and_the_body_the_sources():
    document = parsed()
    word = docx.Document(io.BytesIO(FORMATS["docx"].load()(document, theme_for(document)).data))
    footer = [p.text for p in word.sections[0].footer.paragraphs]
    assert "Version 2026.10 · Reviewed November 2026 · Next review November 2029" in footer
    body = [(p.style.name, p.text) for p in word.paragraphs]
    assert ("Heading 1", "Sources") in body
    assert ("List Number", "Example book. C. Author.") not in body  # author first: "C. Author. Example book."
    assert ("List Number", "C. Author. Example book.") in body
    assert body[-1][1].startswith("Reviewed by Dr A. Example")


def test_pdf_closes_with_sources_and_edition_line():
    document = parsed()
    pdf = PdfReader(io.BytesIO(FORMATS["pdf"].load()(document, theme_for(document)).data))
    text = " ".join(" ".join(page.extract_text().split()) for page in pdf.pages)
    assert "Sources Example guidance. Example Health Body, 2024. https://example.org/guidance" in text
    assert "Version 2026.10 · Reviewed November 2026 · Next review November 2029" in text


def test_clinic_faq_has_an_edition():
    document = parse(CLINIC_FAQ.read_text(), CLINIC_FAQ)
    edition = source_facts(document, Brand(), None).edition
    assert edition == "Version 1 · Reviewed November 2026 · Next review November 2029"


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (dt.date(2029, 11, 24), "faq.md:4:1: warning: the review date 2029-11-23 has passed"),
        (dt.date(2029, 11, 3), "faq.md:4:1: warning: the review date 2029-11-23 is 20 days away"),
        (dt.date(2029, 10, 1), None),
        (None, None),
    ],
)
def test_review_date_warning(today, expected):
    found = [str(p) for p in document_warnings(parsed(), HEAD, Checks(today=today))]
    found = [p for p in found if "review date" in p]
    assert found == ([] if expected is None else [found[0]]) and (
        expected is None or found[0].startswith(expected)
    )


def test_a_review_more_than_three_years_away_is_a_warning():
    text = HEAD.replace(R, R + "\nreview_by: 2030-11-23")
    found = [str(p) for p in document_warnings(parsed(text), text, Checks())]
    assert "faq.md:5:1: warning: the next review is more than three years after the last one" in found
