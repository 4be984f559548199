"""The print HTML behind the PDF: golden files, escaping, and the helpers that shape it."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from markupsafe import Markup

from publisher.brand import Brand
from publisher.brandfile import find_brand
from publisher.cli import main
from publisher.errors import RenderError
from publisher.facts import with_facts
from publisher.labels import labels_for
from publisher.model import Document, Entry, Link, Meta, Paragraph, Section, Text
from publisher.parse import parse_source
from publisher.renderers import Theme
from publisher.renderers.pdf.print_html import (
    css_colour,
    css_string,
    is_short,
    page_counter,
    print_html,
    printed_address,
)
from publisher.resources import templates_dir
from tests.helpers.golden import assert_golden
from tests.helpers.paths import BRANDED_FAQ, CLINIC_FAQ, FEATURES_FAQ


def portable(html: str) -> str:
    """The print HTML with this checkout's templates URL replaced, so golden files travel.

    Pictures are data: URIs; the golden file keeps their start, which names the type,
    and a digest of the rest instead of kilobytes of base64.
    """
    html = html.replace(templates_dir().as_uri(), "TEMPLATES")
    return re.sub(
        r"(data:image/(?:png|jpeg|svg\+xml);base64,)([^\"]+)",
        lambda m: m.group(1) + "..." + hashlib.sha256(m.group(2).encode()).hexdigest()[:16],
        html,
    )


@pytest.mark.parametrize(
    "source, golden", [(CLINIC_FAQ, "print/clinic.html"), (FEATURES_FAQ, "print/features.html")]
)
def test_print_html_golden(source, golden):
    assert_golden(golden, portable(print_html(parse_source(source), Theme())))


def test_branded_print_html_golden():
    document = parse_source(BRANDED_FAQ)
    theme = with_facts(document, Theme(brand=find_brand(None, BRANDED_FAQ)))
    assert_golden("print/branded.html", portable(print_html(document, theme)))


def test_letter_paper_changes_only_the_page_size():
    document = parse_source(CLINIC_FAQ)
    a4 = print_html(document, Theme())
    letter = print_html(document, Theme(paper="letter"))
    assert a4.replace("size: A4;", "size: letter;") == letter


def test_stylesheets_are_real_files():
    html = print_html(parse_source(FEATURES_FAQ), Theme())
    links = re.findall(r'<link rel="stylesheet" href="file://([^"]+)">', html)
    assert [Path(link).name for link in links] == ["print.css", "code.css"]
    assert all(Path(link).is_file() for link in links)
    # The clinic's FAQ has no code: the monospace font is not even loaded.
    assert "code.css" not in print_html(parse_source(CLINIC_FAQ), Theme())


def hostile_document() -> Document:
    evil = '</style><script>alert("x")</script>'
    meta = Meta(title=evil, subtitle=evil, url="https://x.example/?a=1&b=<2>", disclaimer=(Text(evil),))
    entry = Entry("q", (Text(evil),), (Paragraph((Link('https://x.example/"><script>', (Text(evil),)),)),))
    return Document(meta, (), (Section("s", (Text(evil),), (entry,)),))


def test_source_text_is_escaped_everywhere():
    html = print_html(hostile_document(), Theme())
    assert "<script" not in html
    assert html.count("</style>") == 1
    assert "&lt;/style&gt;&lt;script&gt;" in html


def test_brand_values_cannot_break_out_of_the_stylesheet():
    brand = Brand(
        base_font='X"; } @import url(http://evil.example/x.css); body { x: "',
        headings_font="</style>",
        short_name='"; } </style><script>',
    )
    html = print_html(hostile_document(), Theme(brand=brand))
    style = html.split("<style>")[1].split("</style>")[0]
    assert "@import" not in style.replace("\\40 import", "")
    assert '"X\\22 ' in style
    assert "</" not in style
    with pytest.raises(RenderError, match="brand colour"):
        print_html(hostile_document(), Theme(brand=Brand(primary="red; } body { display: none")))


def test_css_helpers():
    assert css_string('a "b" \\ </style>') == Markup('"a \\22 b\\22  \\5c  \\3c \\2f style\\3e "')
    assert css_colour("#1D4F73") == "#1D4F73"
    assert css_colour("navy") == "navy"
    assert page_counter("Page {page} of {pages}") == '"Page " counter(page) " of " counter(pages)'


@pytest.mark.parametrize(
    "href, text, shown",
    [
        ("https://clinic.example/contact", "https://clinic.example/contact", ""),
        ("https://clinic.example/", "clinic.example", ""),
        ("https://clinic.example", "our site", "clinic.example"),
        ("https://booking.clinic.example/?a=1&b=2", "booking", "booking.clinic.example/?a=1&b=2"),
        ("mailto:hello@clinic.example", "hello@clinic.example", ""),
        ("mailto:hello@clinic.example?subject=Hi", "write to us", "hello@clinic.example"),
        ("tel:+44123456789", "0123 456 789", ""),
        ("tel:+44123456789", "call us", "+44123456789"),
        ("#prepare", "how to prepare", ""),
    ],
)
def test_printed_address(href, text, shown):
    assert printed_address(Link(href, (Text(text),))) == shown


def test_short_answers_are_kept_whole():
    document = parse_source(FEATURES_FAQ)
    shortness = {entry.id: is_short(entry) for entry in document.entries}
    assert shortness["what-does-a-session-cost"] is True
    assert shortness["prepare"] is False
    assert all(is_short(entry) for entry in parse_source(CLINIC_FAQ).entries)


@pytest.mark.parametrize(
    "lang, expected",
    [
        ("en", "23 November 2026"),
        ("en-GB", "23 November 2026"),
        ("en-US", "November 23, 2026"),
        ("es", "23 de noviembre de 2026"),
        ("tlh", "23 November 2026"),
    ],
)
def test_review_date_is_written_out(lang, expected):
    assert labels_for(lang).format_date(dt.date(2026, 11, 23)) == expected


def test_keep_html_writes_the_print_html(tmp_path):
    result = CliRunner().invoke(
        main, ["build", str(CLINIC_FAQ), "-f", "pdf", "--keep-html", "-o", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "faq.pdf").read_bytes().startswith(b"%PDF-1.7")
    kept = (tmp_path / "faq.print.html").read_text(encoding="utf-8")
    # The build picks up source/_brand.yml, the repository's placeholder clinic.
    document = parse_source(CLINIC_FAQ)
    assert kept == print_html(document, with_facts(document, Theme(brand=find_brand(None, CLINIC_FAQ))))
    assert "Example Clinic (sample, not a real clinic)" in kept


def test_print_templates_only_read_fields():
    # The views hold the HTML and the flags; a template that calls a function is doing their job.
    import jinja2

    from publisher.renderers.pdf.print_html import environment

    env = environment()
    for name in env.list_templates(extensions=["j2"]):
        tree = env.parse(env.loader.get_source(env, name)[0])
        calls = [call.node for call in tree.find_all(jinja2.nodes.Call)]
        assert calls == [], f"{name} calls {calls}"
