"""The HTML fragment: golden files, structure, scoped CSS, safety, JSON-LD and the CLI switches."""

from __future__ import annotations

import base64
import datetime as dt
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from xml.etree.ElementTree import Element

import pytest
import tinycss2
import tinyhtml5
from click.testing import CliRunner

from publisher.brand import Brand
from publisher.cli import main
from publisher.colors import contrast_ratio
from publisher.errors import RenderError
from publisher.model import Document, Entry, Heading, Meta, Paragraph, Section, Table, TableCell, Text
from publisher.parse import parse_source
from publisher.renderers import Theme
from publisher.renderers.html.fragment import ROOT_CLASS, render_html, reviewed_label
from publisher.renderers.html.jsonld import ALLOWED_TAGS
from publisher.resources import templates_dir
from publisher.text import inline_text
from tests.helpers.golden import assert_golden
from tests.helpers.paths import CLINIC_FAQ, FEATURES_FAQ, FIXTURES, SPANISH_FAQ

HOSTILE_FAQ = FIXTURES / "html" / "hostile.md"
STYLESHEET = templates_dir() / "fragment" / "fragment.css"
SCRIPT = templates_dir() / "fragment" / "reveal.js"
# A 1x1 PNG, enough to check that images are embedded, not linked.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


def fragment(source: Path, **options) -> str:
    """The fragment of a source as text."""
    return render_html(parse_source(source), Theme(**options)).data.decode("utf-8")


def tree(html: str) -> Element:
    """The fragment's root element, parsed as a browser would (HTML5 algorithm)."""
    body = tinyhtml5.parse(html, namespace_html_elements=False).find("body")
    assert body is not None
    assert len(body) == 1, "the fragment must have exactly one root element"
    assert not (body.text or "").strip() and not (body[0].tail or "").strip(), "text outside the root"
    return body[0]


def text_of(element: Element) -> str:
    """All the text inside an element."""
    return "".join(element.itertext())


def write_source(folder: Path, body: str, front: str = "title: Test FAQ") -> Path:
    """A source file in ``folder`` with the given front matter lines and body."""
    path = folder / "faq.md"
    path.write_text(f"---\n{front}\n---\n\n{body}", encoding="utf-8")
    return path


def entry(entry_id: str, question: str, *answer) -> Entry:
    return Entry(entry_id, (Text(question),), answer or (Paragraph((Text("Yes."),)),))


# --- golden files --------------------------------------------------------------


@pytest.mark.parametrize(("name", "source"), [("clinic", CLINIC_FAQ), ("features", FEATURES_FAQ)])
def test_golden(name, source):
    assert_golden(f"fragment/{name}.html", fragment(source))


@pytest.mark.parametrize("source", [CLINIC_FAQ, FEATURES_FAQ, SPANISH_FAQ, HOSTILE_FAQ])
def test_same_input_gives_same_bytes(source):
    document = parse_source(source)
    assert render_html(document, Theme()) == render_html(document, Theme())


# --- structure -----------------------------------------------------------------


class TagCollector(HTMLParser):
    """Start tags exactly as written (a browser parser would invent html/head/body)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def start_tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    collector = TagCollector()
    collector.feed(html)
    collector.close()
    return collector.tags


@pytest.mark.parametrize("source", [CLINIC_FAQ, FEATURES_FAQ, SPANISH_FAQ])
def test_is_one_root_with_lang_and_no_document_elements(source):
    html = fragment(source)
    tags = {tag for tag, _ in start_tags(html)}
    assert not tags & {"html", "head", "body", "link", "meta", "title", "iframe", "base"}
    root = tree(html)
    assert root.tag == "div"
    assert root.get("class") == ROOT_CLASS
    assert root.get("lang") == parse_source(source).meta.lang
    assert html.endswith("</div>\n")


@pytest.mark.parametrize("source", [CLINIC_FAQ, FEATURES_FAQ, SPANISH_FAQ, HOSTILE_FAQ])
def test_every_id_from_the_source_and_no_other(source):
    document = parse_source(source)
    ids = [element.get("id") for element in tree(fragment(source)).iter() if element.get("id")]
    expected = [s.id for s in document.sections if s.id] + [e.id for e in document.entries]
    assert sorted(ids) == sorted(expected)
    assert len(set(ids)) == len(ids)


@pytest.mark.parametrize("source", [CLINIC_FAQ, FEATURES_FAQ, SPANISH_FAQ, HOSTILE_FAQ])
def test_each_question_is_details_with_a_heading_in_summary(source):
    document = parse_source(source)
    details = {d.get("id"): d for d in tree(fragment(source)).iter("details")}
    assert list(details) == [e.id for e in document.entries]
    for entry_ in document.entries:
        element = details[entry_.id]
        summary = element[0]
        assert summary.tag == "summary", "summary must be the first child so details works without script"
        assert element.get("open") is None, "questions start closed"
        (heading,) = list(summary)
        assert re.fullmatch("h[3-4]", heading.tag)
        assert text_of(heading) == inline_text(entry_.question)
        assert element.find("div[@class='faqp-answer']") is not None


@pytest.mark.parametrize("source", [CLINIC_FAQ, FEATURES_FAQ, SPANISH_FAQ])
def test_section_headings_are_real_headings(source):
    document = parse_source(source)
    titles = {h.get("id"): text_of(h) for h in tree(fragment(source)).iter("h3") if h.get("id")}
    assert titles == {s.id: inline_text(s.title) for s in document.sections if s.title}


def heading_levels(root: Element) -> list[int]:
    return [int(e.tag[1]) for e in root.iter() if re.fullmatch("h[1-6]", e.tag)]


@pytest.mark.parametrize("source", [CLINIC_FAQ, FEATURES_FAQ, SPANISH_FAQ, HOSTILE_FAQ])
def test_heading_levels_start_at_two_and_never_skip(source):
    levels = heading_levels(tree(fragment(source)))
    assert levels[0] == 2, "the host page owns the h1"
    assert all(later <= earlier + 1 for earlier, later in zip(levels, levels[1:], strict=False))


def test_answer_sub_headings_nest_under_the_question():
    root = tree(fragment(FEATURES_FAQ))
    answer = root.find(".//details[@id='prepare']/div")
    assert [e.tag for e in answer if e.tag.startswith("h")] == ["h5", "h6"]


def test_questions_before_any_section_sit_one_level_higher():
    sections = (
        Section("", (), (entry("first", "First?", Heading(3, (Text("Sub"),))),)),
        Section("later", (Text("Later"),), (entry("second", "Second?"),)),
    )
    html = render_html(Document(Meta("T"), (), sections), Theme()).data.decode()
    root = tree(html)
    assert root.find(".//details[@id='first']/summary/h3") is not None
    assert root.find(".//details[@id='first']/div/h4") is not None
    assert root.find(".//details[@id='second']/summary/h4") is not None
    assert heading_levels(root) == [2, 3, 4, 3, 4]


@pytest.mark.parametrize("source", [FEATURES_FAQ, HOSTILE_FAQ])
def test_internal_links_name_ids_in_the_fragment(source):
    root = tree(fragment(source))
    ids = {e.get("id") for e in root.iter() if e.get("id")}
    internal = [a.get("href") for a in root.iter("a") if a.get("href", "").startswith("#")]
    assert internal
    assert {href[1:] for href in internal} <= ids


def test_intro_title_block_and_disclaimer():
    root = tree(fragment(FEATURES_FAQ))
    assert text_of(root.find(".//h2[@class='faqp-title']")) == "Feature Clinic FAQ"
    assert text_of(root.find(".//p[@class='faqp-subtitle']")) == "Every construct the source format allows"
    time = root.find(".//p[@class='faqp-updated']/span/time")
    assert time.get("datetime") == "2026-11-01"
    assert text_of(time) == "1 November 2026"
    assert "Welcome to the Feature Clinic" in text_of(root.find("div[@class='faqp-intro']"))
    disclaimer = root.find("p[@class='faqp-disclaimer']")
    assert text_of(disclaimer).startswith("This leaflet is general information")
    assert [a.get("href") for a in disclaimer.iter("a")] == ["https://clinic.example", "tel:+44123456789"]


def test_review_label_in_the_fragment_language():
    day = dt.date(2026, 11, 23)
    assert reviewed_label("es-MX", day) == {
        "text": "Última revisión:",
        "date": "23 de noviembre de 2026",
        "lang": "",
    }
    assert reviewed_label("ja", day) == {"text": "Last reviewed", "date": "23 November 2026", "lang": "en"}
    document = Document(Meta("T", lang="ja", updated=parse_source(CLINIC_FAQ).meta.updated), (), ())
    html = render_html(document, Theme()).data.decode()
    assert '<span lang="en">Last reviewed <time datetime="2026-11-23">23 November 2026</time></span>' in html


def test_right_to_left_languages_get_dir():
    document = Document(Meta("T", lang="ar"), (), (Section("", (), (entry("q", "Q?"),)),))
    assert tree(render_html(document, Theme()).data.decode()).get("dir") == "rtl"
    assert tree(fragment(CLINIC_FAQ)).get("dir") is None


def test_tables_scroll_in_a_focusable_labelled_region():
    root = tree(fragment(FEATURES_FAQ))
    (region,) = [e for e in root.iter("div") if e.get("class") == "faqp-table"]
    assert region.get("role") == "region"
    assert region.get("tabindex") == "0"
    assert region.get("aria-label") == "What does a session cost?"
    assert region[0].tag == "table"


def test_second_table_region_gets_a_distinct_name():
    table = Table((TableCell((Text("A"),)),), ((TableCell((Text("1"),)),),))
    sections = (Section("", (), (entry("q", "Prices?", table, table),)),)
    root = tree(render_html(Document(Meta("T"), (), sections), Theme()).data.decode())
    labels = [e.get("aria-label") for e in root.iter("div") if e.get("role") == "region"]
    assert labels == ["Prices?", "Prices? (2)"]


def test_images_are_embedded_as_data_uris(tmp_path):
    (tmp_path / "dot.png").write_bytes(PNG)
    source = write_source(tmp_path, "## Where is it?\n\nHere: ![A red dot](dot.png)\n")
    root = tree(fragment(source))
    (image,) = root.iter("img")
    assert image.get("src") == "data:image/png;base64," + base64.b64encode(PNG).decode()
    assert image.get("alt") == "A red dot"


def test_logo_only_when_asked_for(tmp_path):
    logo = tmp_path / "logo.png"
    logo.write_bytes(PNG)
    brand = Brand(name="Clinic & Co", logo=logo)
    assert not list(tree(fragment(CLINIC_FAQ, brand=brand)).iter("img"))
    (image,) = tree(fragment(CLINIC_FAQ, brand=brand, logo=True)).iter("img")
    assert image.get("src").startswith("data:image/png;base64,")
    assert image.get("alt") == "Clinic & Co"


@pytest.mark.parametrize("source", [CLINIC_FAQ, FEATURES_FAQ, HOSTILE_FAQ])
def test_no_blank_lines_between_elements(source):
    # Editors such as WordPress's classic editor turn blank lines into <p> tags; they
    # leave style, script and pre alone, so blank lines are harmless only inside those.
    html = re.sub(r"<(style|script|pre)\b.*?</\1>", "<kept>", fragment(source), flags=re.DOTALL)
    assert "\n\n" not in html


@pytest.mark.parametrize("source", [CLINIC_FAQ, FEATURES_FAQ])
def test_nothing_is_loaded_from_elsewhere(source):
    for tag, attrs in start_tags(fragment(source)):
        for name in ("src", "srcset", "poster", "data", "action", "formaction"):
            assert attrs.get(name) is None or attrs[name].startswith("data:"), (tag, name)
        if tag != "a":
            assert "href" not in attrs, tag


# --- the stylesheet ------------------------------------------------------------


def unscoped_selectors(css: str) -> list[str]:
    """Selectors (also inside @media and @supports) that could match outside the root.

    A selector is scoped when its first compound starts with ``.faqp`` and is not
    followed by a sibling combinator (``.faqp + p`` styles the host page).
    """
    bad: list[str] = []
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if rule.type == "error":
            bad.append(f"parse error: {rule.message}")
        elif rule.type == "at-rule":
            if rule.lower_at_keyword not in ("media", "supports") or rule.content is None:
                bad.append(f"@{rule.at_keyword}")
            else:
                bad += unscoped_selectors(tinycss2.serialize(rule.content))
        else:
            bad += [s for s in split_selectors(rule.prelude) if not is_scoped(s)]
    return bad


def split_selectors(prelude: list) -> list[list]:
    """A selector list split on its top-level commas, whitespace trimmed."""
    selectors: list[list] = [[]]
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            selectors.append([])
        elif token.type != "comment":
            selectors[-1].append(token)
    return [trim(s) for s in selectors]


def trim(tokens: list) -> list:
    while tokens and tokens[0].type == "whitespace":
        tokens = tokens[1:]
    while tokens and tokens[-1].type == "whitespace":
        tokens = tokens[:-1]
    return tokens


def is_scoped(tokens: list) -> bool:
    if len(tokens) < 2 or tokens[0].type != "literal" or tokens[0].value != ".":
        return False
    if tokens[1].type != "ident" or tokens[1].value != ROOT_CLASS:
        return False
    # Skip the rest of the root's compound (``.faqp[dir=rtl]``), then look at the first combinator.
    rest = tokens[2:]
    while rest and rest[0].type != "whitespace" and not is_combinator(rest[0]):
        rest = rest[1:]
    rest = trim(rest)
    return not (rest and rest[0].type == "literal" and rest[0].value in ("+", "~"))


def is_combinator(token) -> bool:
    return token.type == "literal" and token.value in (">", "+", "~")


@pytest.mark.parametrize(
    "css",
    [
        "p { color: red }",
        ".faqp-title { color: red }",
        ".faqp, h2 { color: red }",
        ".faqp + p { color: red }",
        ".faqp ~ div { color: red }",
        "@media (min-width: 1px) { body { margin: 0 } }",
        "@import url(x.css);",
        "@font-face { font-family: X }",
        "* { margin: 0 }",
        ":root { --x: 1 }",
        "div .faqp { color: red }",
    ],
)
def test_scope_checker_catches_unscoped_rules(css):
    assert unscoped_selectors(css)


def test_scope_checker_accepts_scoped_rules():
    css = ".faqp, .faqp h2, .faqp[dir=rtl] summary::before, .faqp > p, .faqp h2 + p { color: red }"
    assert unscoped_selectors(css + "@media (max-width: 30em) { .faqp a:focus { outline: 0 } }") == []


def test_shipped_stylesheet_is_scoped_under_the_root_class():
    css = STYLESHEET.read_text(encoding="utf-8")
    assert tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    assert unscoped_selectors(css) == []


def style_text(html: str) -> str:
    (style,) = tree(html).iter("style")
    return style.text or ""


@pytest.mark.parametrize("source", [CLINIC_FAQ, FEATURES_FAQ, HOSTILE_FAQ])
def test_inlined_styles_are_scoped_and_load_nothing(source):
    css = style_text(fragment(source))
    assert unscoped_selectors(css) == []
    lowered = css.lower()
    assert "url(" not in lowered and "@import" not in lowered and "@font-face" not in lowered
    assert "&#" not in css and "&quot;" not in css, "CSS must not be HTML-escaped inside <style>"


def test_brand_colours_and_fonts_are_custom_properties_on_the_root():
    colours = {"primary": "#7a1f3d", "secondary": "#444", "foreground": "#111111", "background": "#fffdf8"}
    brand = Brand(**colours, base_font="Source Sans 3")
    css = style_text(fragment(CLINIC_FAQ, brand=brand))
    rule = css.split("}", 1)[0].strip()
    assert rule.startswith(".faqp {")
    for declaration in (
        "--faqp-primary: #7a1f3d;",
        "--faqp-secondary: #444;",
        "--faqp-fg: #111111;",
        "--faqp-bg: #fffdf8;",
        '--faqp-font: "Source Sans 3", system-ui',
    ):
        assert declaration in rule
    assert "--faqp-font-size:" in css, "sizes are custom properties too"


@pytest.mark.parametrize(
    "brand",
    [
        Brand(primary="red;}</style><script>alert(1)</script>"),
        Brand(background="url(https://evil.example/x.png)"),
        Brand(base_font='Inter"; } .x { background: url(https://evil.example/)'),
    ],
)
def test_brand_values_that_could_escape_are_refused(brand):
    with pytest.raises(RenderError):
        fragment(CLINIC_FAQ, brand=brand)


def test_default_colours_meet_wcag_aa():
    brand = Brand()
    for colour in (brand.foreground, brand.primary, brand.secondary):
        assert contrast_ratio(colour, brand.background) >= 4.5, colour
    assert contrast_ratio(brand.primary, brand.background) >= 3, "focus outline (non-text contrast)"


def test_focus_outline_on_summary_and_links():
    css = STYLESHEET.read_text(encoding="utf-8")
    rule = re.search(r"([^{}]*)\{[^}]*outline: var\(--faqp-focus-width\) solid", css)
    assert rule is not None
    assert ".faqp a:focus" in rule.group(1) and ".faqp summary:focus" in rule.group(1)


def test_stylesheet_keeps_the_page_from_scrolling_sideways():
    css = STYLESHEET.read_text(encoding="utf-8")
    assert re.search(r"\.faqp \.faqp-table \{[^}]*overflow-x: auto", css)
    assert re.search(r"\.faqp img \{[^}]*max-width: 100%", css)
    assert re.search(r"\.faqp pre \{[^}]*white-space: pre-wrap", css)


# --- the script ----------------------------------------------------------------


def scripts(root: Element) -> dict[str, str]:
    return {element.get("type") or "classic": element.text or "" for element in root.iter("script")}


def test_script_opens_questions_named_in_the_address():
    found = scripts(tree(fragment(FEATURES_FAQ)))
    assert set(found) == {"classic", "application/ld+json"}
    assert found["classic"].strip() == SCRIPT.read_text(encoding="utf-8").strip()
    for needle in ("hashchange", "DOMContentLoaded", "location.hash", ".open = true"):
        assert needle in found["classic"]


def test_script_and_jsonld_can_be_left_out():
    assert set(scripts(tree(fragment(FEATURES_FAQ, script=False)))) == {"application/ld+json"}
    assert set(scripts(tree(fragment(FEATURES_FAQ, jsonld=False)))) == {"classic"}
    assert scripts(tree(fragment(FEATURES_FAQ, script=False, jsonld=False))) == {}


@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        ([], {"classic", "application/ld+json"}),
        (["--no-script"], {"application/ld+json"}),
        (["--no-jsonld"], {"classic"}),
        (["--no-script", "--no-jsonld"], set()),
    ],
)
def test_cli_switches(tmp_path, flags, expected):
    result = CliRunner().invoke(main, ["build", str(FEATURES_FAQ), "-f", "html", *flags, "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    html = (tmp_path / "faq.html").read_text(encoding="utf-8")
    assert set(scripts(tree(html))) == expected


# --- JSON-LD -------------------------------------------------------------------


def jsonld(html: str) -> dict:
    (element,) = [e for e in tree(html).iter("script") if e.get("type") == "application/ld+json"]
    return json.loads(element.text)


class AnswerTags(HTMLParser):
    """Every tag and attribute used in an answer."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attributes: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attributes |= {name for name, _ in attrs}
        self.hrefs += [value for name, value in attrs if name == "href"]


def answer_tags(text: str) -> AnswerTags:
    parser = AnswerTags()
    parser.feed(text)
    parser.close()
    return parser


@pytest.mark.parametrize("source", [CLINIC_FAQ, FEATURES_FAQ, SPANISH_FAQ, HOSTILE_FAQ])
def test_jsonld_matches_the_model_entry_by_entry(source):
    document = parse_source(source)
    data = jsonld(fragment(source))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "FAQPage"
    assert data["name"] == document.meta.title
    assert data["inLanguage"] == document.meta.lang
    assert len(data["mainEntity"]) == len(document.entries)
    for question, entry_ in zip(data["mainEntity"], document.entries, strict=True):
        assert question["@type"] == "Question"
        assert question["name"] == inline_text(entry_.question)
        answer = question["acceptedAnswer"]
        assert answer["@type"] == "Answer"
        tags = answer_tags(answer["text"])
        assert tags.tags <= ALLOWED_TAGS, tags.tags - ALLOWED_TAGS
        assert tags.attributes <= {"href"}


def test_jsonld_turns_unsupported_markup_into_allowed_tags():
    data = jsonld(fragment(FEATURES_FAQ))
    answers = {q["name"]: q["acceptedAnswer"]["text"] for q in data["mainEntity"]}
    row = "<li>Treatment: Full scalp; Sessions: 3; Price: £1,800</li>"
    assert row in answers["What does a session cost?"]
    prepare = answers["How do I prepare for the treatment?"]
    assert "<div>\n<p>Tip: wear a loose, button-up shirt.</p>\n</div>" in prepare
    assert "Use the P2 car park." in prepare
    assert "<div>Session 1: base layer<br>Session 2: density</div>" in answers["Is SMP the same as a tattoo?"]


def test_jsonld_internal_links_are_absolute_with_url(tmp_path):
    data = jsonld(fragment(FEATURES_FAQ))
    bring = answer_tags(data["mainEntity"][0]["acceptedAnswer"]["text"])
    assert bring.hrefs == ["https://clinic.example/faq#prepare"]
    source = write_source(tmp_path, "## One?\n\nSee [two](#two).\n\n## Two? {#two}\n\nYes.\n")
    kept = answer_tags(jsonld(fragment(source))["mainEntity"][0]["acceptedAnswer"]["text"])
    assert kept.hrefs == ["#two"]


def test_jsonld_images_become_their_alt_text(tmp_path):
    (tmp_path / "dot.png").write_bytes(PNG)
    source = write_source(tmp_path, "## Where is it?\n\nHere: ![A red dot](dot.png)\n")
    text = jsonld(fragment(source))["mainEntity"][0]["acceptedAnswer"]["text"]
    assert text == "<p>Here: A red dot</p>"


# --- safety --------------------------------------------------------------------


def test_hostile_text_produces_no_live_markup():
    html = fragment(HOSTILE_FAQ)
    root = tree(html)
    assert not list(root.iter("img")) and not list(root.iter("iframe")) and not list(root.iter("svg"))
    assert len(list(root.iter("style"))) == 1
    for element in root.iter():
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), (element.tag, name)
            assert not value.strip().lower().startswith(("javascript:", "vbscript:", "data:text")), value
    found = scripts(root)
    assert set(found) == {"classic", "application/ld+json"}
    assert found["classic"].strip() == SCRIPT.read_text(encoding="utf-8").strip()


def test_hostile_text_is_shown_as_text():
    document = parse_source(HOSTILE_FAQ)
    root = tree(fragment(HOSTILE_FAQ))
    assert text_of(root.find(".//h2")) == document.meta.title
    assert text_of(root.find(".//p[@class='faqp-subtitle']")) == document.meta.subtitle
    assert text_of(root.find("p[@class='faqp-disclaimer']")) == inline_text(document.meta.disclaimer)
    questions = [text_of(s) for s in root.iter("summary")]
    assert questions == [inline_text(e.question) for e in document.entries]
    (link,) = [a for a in root.iter("a") if text_of(a) == "link"]
    assert link.get("title") == 'title "><svg onload=alert(4)>'
    assert link.get("href") == "https://clinic.example/%22onmouseover=%22alert(3)"


def test_hostile_text_cannot_end_the_jsonld_block():
    html = fragment(HOSTILE_FAQ)
    raw = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in raw and ">" not in raw and "&" not in raw
    data = json.loads(raw)
    assert data["name"] == parse_source(HOSTILE_FAQ).meta.title
    assert data["mainEntity"][0]["name"].startswith('Is </script><script>alert("q")</script> a <b')


@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "file:///etc/passwd",
    ],
)
def test_forbidden_link_schemes_fail_the_build(tmp_path, href):
    source = write_source(tmp_path, f"## Click?\n\n[here]({href})\n")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(source), "-f", "html", "-f", "json", "-o", str(out)])
    assert result.exit_code == 1
    assert "forbidden" in result.output
    assert not (out / "faq.html").exists() and not (out / "faq.json").exists()


def test_raw_html_fails_the_build(tmp_path):
    source = write_source(tmp_path, '## Click?\n\n<img src=x onerror="alert(1)">\n')
    result = CliRunner().invoke(main, ["build", str(source), "-f", "html", "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "raw HTML is not allowed" in result.output


def test_every_template_is_autoescaped():
    from publisher.renderers.html.fragment import environment

    env = environment()
    assert env.autoescape is True
    assert env.from_string("{{ x }}").render(x="<b>") == "&lt;b&gt;"


def test_branded_build_carries_the_brand_colours_and_images(tmp_path):
    branded = FIXTURES / "branded"
    runner = CliRunner()
    result = runner.invoke(main, ["build", str(branded / "faq.md"), "-f", "html", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    html = (tmp_path / "faq.html").read_text()
    root = tree(html)
    assert "--faqp-primary: #6b2d5c;" in html and "--faqp-secondary: #2f6f73;" in html
    assert "--faqp-fg: #222222;" in html
    images = {img.get("alt"): img.get("src") for img in root.iter("img")}
    assert images["Close-up of a treated scalp with fine pigment dots"].startswith("data:image/jpeg;base64,")
    assert images["Three steps: consultation, sessions, aftercare"].startswith("data:image/svg+xml;base64,")
    assert "Harbour Hair Clinic (test fixture)" not in images  # no logo unless --logo
    args = ["build", str(branded / "faq.md"), "-f", "html", "-o", str(tmp_path), "--logo"]
    assert runner.invoke(main, args).exit_code == 0
    logo = tree((tmp_path / "faq.html").read_text()).find(".//img[@alt='Harbour Hair Clinic (test fixture)']")
    assert logo is not None and logo.get("src").startswith("data:image/png;base64,")
