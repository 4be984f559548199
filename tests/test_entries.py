"""The JSON entries: golden files, the shipped JSON Schema, and agreement with the model."""

from __future__ import annotations

import base64
import json
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from publisher.cli import main
from publisher.facts import with_facts
from publisher.model import Document, Entry, Meta, Paragraph, Section, Text
from publisher.parse import parse_source
from publisher.renderers import Theme
from publisher.renderers.json.entries import SCHEMA_PATH, entries_data, load_schema, render_json
from publisher.text import block_text, inline_text
from tests.helpers.golden import assert_golden
from tests.helpers.paths import CLINIC_FAQ, FEATURES_FAQ, FIXTURES, SPANISH_FAQ

HOSTILE_FAQ = FIXTURES / "html" / "hostile.md"
ALL_SOURCES = [CLINIC_FAQ, FEATURES_FAQ, SPANISH_FAQ, HOSTILE_FAQ]
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


def rendered(source: Path) -> str:
    return render_json(parse_source(source), Theme()).data.decode("utf-8")


def data_of(source: Path) -> dict:
    return json.loads(rendered(source))


def validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(load_schema(), format_checker=jsonschema.FormatChecker())


@pytest.mark.parametrize(("name", "source"), [("clinic", CLINIC_FAQ), ("features", FEATURES_FAQ)])
def test_golden(name, source):
    assert_golden(f"json/{name}.json", rendered(source))


@pytest.mark.parametrize("source", ALL_SOURCES)
def test_same_input_gives_same_bytes_in_a_stable_layout(source):
    document = parse_source(source)
    first = render_json(document, Theme()).data
    assert first == render_json(document, Theme()).data
    text = first.decode("utf-8")
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"


def test_text_is_written_as_utf8_not_escapes():
    text = rendered(FEATURES_FAQ)
    assert "£1,800" in text and "\\u00a3" not in text


# --- the schema ----------------------------------------------------------------


def test_schema_is_shipped_in_the_package_and_valid_2020_12():
    assert SCHEMA_PATH.parent.parent.name == "publisher", "hatchling ships everything under publisher/"
    schema = load_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("source", ALL_SOURCES)
def test_output_satisfies_the_schema(source):
    errors = sorted(validator().iter_errors(data_of(source)), key=str)
    assert errors == []


@pytest.mark.parametrize(
    "breakage",
    [
        lambda d: d.pop("entries"),
        lambda d: d.update(entries=[]),
        lambda d: d.update(updated="23/11/2026"),
        lambda d: d.update(extra=1),
        lambda d: d["entries"][0].pop("answer_text"),
        lambda d: d["entries"][0].update(id="has space"),
        lambda d: d["sections"][0].update(title=""),
        lambda d: d.update(disclaimer={"html": "x"}),
    ],
)
def test_schema_rejects_malformed_output(breakage):
    data = data_of(FEATURES_FAQ)
    breakage(data)
    assert list(validator().iter_errors(data))


def test_schema_rejects_a_partial_clinic_block():
    data = data_of(CLINIC_FAQ)
    data["clinic"] = {"name": "SMP Clinic", "phone": "+44 1"}
    assert list(validator().iter_errors(data)) != []


# --- agreement with the model --------------------------------------------------


@pytest.mark.parametrize("source", ALL_SOURCES)
def test_front_matter_values(source):
    meta = parse_source(source).meta
    data = data_of(source)
    assert data["title"] == meta.title
    assert data["subtitle"] == (meta.subtitle or None)
    assert data["lang"] == meta.lang
    assert data["updated"] == (meta.updated.isoformat() if meta.updated else None)
    assert data["url"] == (meta.url or None)
    if meta.disclaimer:
        assert data["disclaimer"]["text"] == inline_text(meta.disclaimer)
    else:
        assert data["disclaimer"] is None


@pytest.mark.parametrize("source", ALL_SOURCES)
def test_sections_and_entries_match_the_model(source):
    document = parse_source(source)
    data = data_of(source)
    titled = [s for s in document.sections if s.title]
    assert [s["id"] for s in data["sections"]] == [s.id for s in titled]
    assert [s["title"] for s in data["sections"]] == [inline_text(s.title) for s in titled]
    assert [s["entries"] for s in data["sections"]] == [[e.id for e in s.entries] for s in titled]
    pairs = [(section, entry) for section in document.sections for entry in section.entries]
    assert len(data["entries"]) == len(pairs)
    for item, (section, entry) in zip(data["entries"], pairs, strict=True):
        assert item["id"] == entry.id
        assert item["section"] == (section.id or None)
        assert item["question"] == inline_text(entry.question)
        assert item["answer_text"] == block_text(entry.answer)


def test_clinic_values():
    data = data_of(CLINIC_FAQ)
    assert data["subtitle"] == "Scalp Micropigmentation (SMP)"
    assert data["updated"] == "2026-11-23"
    assert data["url"] is None and data["intro"] is None
    assert all(item["url"] is None for item in data["entries"])
    assert data["disclaimer"]["text"].startswith("Always consult with a qualified SMP practitioner")


def test_html_keeps_inline_emphasis_and_links():
    data = data_of(FEATURES_FAQ)
    bring = data["entries"][0]
    assert bring["question"] == "What should I bring to my first appointment?"
    assert bring["question_html"] == "What should I <em>bring</em> to my first appointment?"
    assert '<a href="#prepare">how to prepare</a>' in bring["answer_html"]
    assert bring["url"] == "https://clinic.example/faq#bring"
    assert data["intro"]["html"].startswith("<p>Welcome to the <strong>Feature Clinic</strong>")


def test_entries_before_any_section_have_no_section():
    entries = (Entry("first", (Text("First?"),), (Paragraph((Text("Yes."),)),)),)
    data = entries_data(Document(Meta("T"), (), (Section("", (), entries),)))
    assert data["sections"] == []
    assert data["entries"][0]["section"] is None
    assert list(validator().iter_errors(data)) == []


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def test_images_are_data_uris_in_answer_html(tmp_path):
    (tmp_path / "dot.png").write_bytes(PNG)
    source = tmp_path / "faq.md"
    source.write_text("---\ntitle: T\n---\n\n## Where?\n\nHere: ![A dot](dot.png)\n", encoding="utf-8")
    item = data_of(source)["entries"][0]
    tags = Tags()
    tags.feed(item["answer_html"])
    ((tag, attrs),) = [t for t in tags.found if t[0] == "img"]
    assert attrs["src"] == "data:image/png;base64," + base64.b64encode(PNG).decode()
    assert attrs["alt"] == "A dot"
    assert item["answer_text"] == "Here: A dot"


def test_hostile_text_is_escaped_in_html_values():
    data = data_of(HOSTILE_FAQ)
    question = data["entries"][0]
    assert question["question"].startswith('Is </script><script>alert("q")</script> a <b onclick')
    for html in (question["question_html"], question["answer_html"], data["disclaimer"]["html"]):
        tags = Tags()
        tags.feed(html)
        names = {tag for tag, _ in tags.found}
        assert names <= {"p", "code", "a", "table", "thead", "tbody", "tr", "th", "td", "blockquote", "pre"}
        assert not any(name.startswith("on") for _, attrs in tags.found for name in attrs)


def test_cli_writes_the_json(tmp_path):
    result = CliRunner().invoke(main, ["build", str(FEATURES_FAQ), "-f", "json", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    written = (tmp_path / "faq.json").read_text(encoding="utf-8")
    assert written == rendered(FEATURES_FAQ)


def test_clinic_block_from_the_brand_file():
    from publisher.brandfile import load_brand

    branded = FIXTURES / "branded"
    brand = load_brand(branded / "_brand.yml")
    document = parse_source(branded / "faq.md")
    data = json.loads(render_json(document, with_facts(document, Theme(brand=brand))).data)
    jsonschema.validate(data, load_schema())
    assert data["clinic"] == {
        "name": "Harbour Hair Clinic (test fixture)",
        "short_name": "Harbour Clinic",
        "home": "https://harbour.example",
        "phone": "+44 20 0000 0000",
        "email": "care@harbour.example",
        "address": "1 Quay Street, Harbourtown",
        "hours": "Tue-Sat 10:00-18:00",
    }
    images = [e["answer_html"] for e in data["entries"]]
    assert 'src="data:image/jpeg;base64,' in images[0] and 'alt="Close-up of a treated scalp' in images[0]
    assert 'src="data:image/svg+xml;base64,' in images[1]


def test_no_brand_gives_a_null_clinic():
    data = json.loads(render_json(parse_source(CLINIC_FAQ), Theme()).data)
    assert data["clinic"] is None
