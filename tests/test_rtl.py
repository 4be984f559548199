"""Right-to-left FAQs (Arabic, Hebrew): the leaflet mirrored with numbers and addresses in order,
the Word handout's right-to-left properties, the fragment's dir, and the labels of more languages.

The PDF is read back with pdftotext's word boxes (their positions are where the words are
drawn), the DOCX as XML, the fragment with lxml. LibreOffice's and Chromium's pictures are
in tests/clients/test_rtl_clients.py.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from functools import cache

import pytest
from lxml import etree

from publisher.direction import isolate_ltr_runs, text_direction
from publisher.facts import source_date_epoch, with_facts
from publisher.glyphs import drawable
from publisher.labels import Labels, labels_for
from publisher.parse import parse_source
from publisher.renderers import Theme
from publisher.renderers.pdf.print_html import print_html
from tests.helpers.layout import pdftotext
from tests.helpers.paths import EPOCH, FIXTURES
from tests.helpers.word import W, render
from tests.test_word_ooxml import SEQUENCES

ARABIC = FIXTURES / "rtl-ar" / "faq.md"
HEBREW = FIXTURES / "rtl-he" / "faq.md"
WORD_BOX = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>')
NEW_LANGUAGES = ("ar", "he", "fa", "ur", "tr", "it", "pt", "nl", "pl", "zh")


def themed(source):
    document = parse_source(source)
    return document, with_facts(document, Theme(), source_date_epoch({"SOURCE_DATE_EPOCH": EPOCH}))


@cache
def pdf_words(source) -> list[tuple[float, float, float, str]]:
    """(x left, y top, x right, text) of every word pdftotext finds in the leaflet."""
    from publisher.renderers.pdf.render import render_pdf

    data = render_pdf(*themed(source)).data
    return [(float(a), float(b), float(c), t) for a, b, c, t in WORD_BOX.findall(pdftotext(data, "-bbox"))]


def word(source, text: str) -> tuple[float, float, float, str]:
    found = [w for w in pdf_words(source) if w[3] == text]
    assert found, f"{text!r} not among {[w[3] for w in pdf_words(source)]}"
    return found[0]


# --- print HTML and PDF --------------------------------------------------------------------------------


def test_print_html_is_right_to_left_with_numbers_and_addresses_isolated():
    html = print_html(*themed(ARABIC))
    assert '<html lang="ar" dir="rtl">' in html
    assert '<span dir="ltr">+971 4 123 4567</span>' in html
    assert '<span dir="ltr">9:00-17:00</span>' in html
    # The phone link is isolated left to right and (class "phone", print.css) never broken.
    assert '<a class="phone" dir="ltr" href="tel:+9718001234">800-1234</a>' in html
    assert "counter(page, " not in html  # Arabic without a region writes 0-9 (CLDR)


def test_left_to_right_print_html_has_no_direction_markup():
    from tests.helpers.paths import CLINIC_FAQ

    html = print_html(*themed(CLINIC_FAQ))
    assert 'dir="' not in html


@pytest.mark.parametrize("text, wrapped", [
    ("على الرقم 555-0123. نخصص", '<span dir="ltr">555-0123</span>.'),
    ("الرقم +971 4 123 4567 أو", '<span dir="ltr">+971 4 123 4567</span>'),
    ("من 3 إلى 6 و SMP", "من 3 إلى 6 و SMP"),
    ("<b> 2026-11-23", '&lt;b&gt; <span dir="ltr">2026-11-23</span>'),
])  # fmt: skip
def test_ltr_runs_are_isolated_and_escaped(text, wrapped):
    assert wrapped in isolate_ltr_runs(text)


@pytest.mark.parametrize("source", [ARABIC, HEBREW], ids=["ar", "he"])
def test_pdf_columns_and_title_block_are_mirrored(source):
    words = pdf_words(source)
    page_width = 595.3
    title_line = [w for w in words if w[1] == words[0][1]]
    assert max(w[2] for w in title_line) > page_width - 60, (
        f"the title does not end at the right margin: {title_line}"
    )
    assert min(w[0] for w in title_line) > page_width / 2, "the title does not start at the right"
    # The first question's heading is in the right column, the footer's page number at the left.
    question = max(words[:40], key=lambda w: w[0])
    assert question[0] > page_width / 2
    footer = [w for w in words if w[1] > 780]
    assert min(footer)[3].isdigit(), f"the page number is not at the left: {footer}"


def test_pdf_keeps_numbers_phone_numbers_and_addresses_in_order():
    parts = [word(ARABIC, text) for text in ("+971", "4", "123", "4567")]
    assert [p[0] for p in parts] == sorted(p[0] for p in parts), parts
    for text in ("9:00-17:00", "800-1234", "info@alnoor.example", "alnoor.example/ar/faq"):
        word(ARABIC, text)
    word(HEBREW, "03-555-1234")


def test_pdf_list_numbers_and_table_columns_run_right_to_left():
    first_item = word(ARABIC, ".1")
    assert first_item[0] > 500, "the list's numbers are not at the right of the column"
    service, price = word(ARABIC, "ةمدخلا"), word(ARABIC, "رعسلا")  # pdftotext spells Arabic visually
    assert service[0] > price[0], "the table's first column is not at the right"


def test_pdf_embeds_the_shipped_arabic_and_hebrew_fonts():
    import subprocess

    from publisher.renderers.pdf.render import render_pdf

    for source, family in ((ARABIC, "Noto-Sans-Arabic"), (HEBREW, "Noto-Sans-Hebrew")):
        data = render_pdf(*themed(source)).data
        fonts = subprocess.run(["pdffonts", "-"], input=data, capture_output=True, check=True).stdout.decode()
        assert family in fonts, fonts


# --- Word --------------------------------------------------------------------------------------------


@cache
def word_parts(source) -> dict[str, etree._Element]:
    with zipfile.ZipFile(io.BytesIO(render(source))) as package:
        names = [
            n
            for n in package.namelist()
            if re.fullmatch(r"word/(document|styles|header\d*|footer\d*)\.xml", n)
        ]
        return {name: etree.fromstring(package.read(name)) for name in names}


@pytest.mark.parametrize("source", [ARABIC, HEBREW], ids=["ar", "he"])
def test_docx_paragraphs_runs_tables_and_section_are_right_to_left(source):
    body = word_parts(source)["word/document.xml"]
    paragraphs = body.findall(f".//{W}p")
    assert all(p.find(f"{W}pPr/{W}bidi") is not None for p in paragraphs)
    rtl_runs = [r for r in body.iter(f"{W}r") if re.search("[\u0590-\u06ff]", "".join(r.itertext()))]
    assert rtl_runs and all(r.find(f"{W}rPr/{W}rtl") is not None for r in rtl_runs)
    latin_runs = [r for r in body.iter(f"{W}r") if "".join(r.itertext()).strip() == "alnoor.example/ar/book"]
    assert all(r.find(f"{W}rPr/{W}rtl") is None for r in latin_runs)
    assert all(t.find(f"{W}tblPr/{W}bidiVisual") is not None for t in body.iter(f"{W}tbl"))
    assert body.find(f".//{W}body/{W}sectPr/{W}bidi") is not None


def test_docx_styles_have_complex_script_bold_italic_size_and_language():
    styles = word_parts(ARABIC)["word/styles.xml"]
    for props in styles.iter(f"{W}rPr"):
        for name, twin in (("b", "bCs"), ("i", "iCs"), ("sz", "szCs")):
            if props.find(f"{W}{name}") is not None:
                assert props.find(f"{W}{twin}") is not None, etree.tostring(props)
    languages = {lang.get(f"{W}bidi") for lang in styles.iter(f"{W}lang")}
    assert languages == {"ar"}


def test_docx_right_to_left_properties_keep_the_schema_order():
    for name, root in word_parts(ARABIC).items():
        for tag in ("pPr", "rPr", "tblPr"):
            order = SEQUENCES[tag].split()
            for props in root.iter(f"{W}{tag}"):
                names = [etree.QName(c).localname for c in props]
                assert names == sorted(names, key=order.index), f"{name}: {names}"


# --- fragment ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("source", [ARABIC, HEBREW], ids=["ar", "he"])
def test_fragment_root_is_right_to_left(source):
    import lxml.html

    from publisher.renderers.html.fragment import render_html

    root = lxml.html.fragment_fromstring(render_html(*themed(source)).data.decode())
    assert root.get("dir") == "rtl"
    assert root.get("lang") == parse_source(source).meta.lang


# --- labels and glyphs ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", NEW_LANGUAGES)
def test_new_languages_have_their_own_words(lang):
    labels, english = labels_for(lang), Labels()
    assert labels.lang == lang
    for name in ("reviewed", "page", "online", "scan", "qr_alt", "phone", "hours", "logo"):
        assert getattr(labels, name) != getattr(english, name), name
    assert "{page}" in labels.page and "{pages}" in labels.page


@pytest.mark.parametrize("lang, expected, style", [
    ("ar", "23 نوفمبر 2026", "decimal"),
    ("ar-SA", "٢٣ نوفمبر ٢٠٢٦", "arabic-indic"),
    ("fa", "۲۳ نوامبر ۲۰۲۶", "persian"),
    ("he", "23 בנובמבר 2026", "decimal"),
    ("pl", "23 listopada 2026", "decimal"),
    ("tr", "23 Kasım 2026", "decimal"),
    ("zh", "2026年11月23日", "decimal"),
    ("en", "23 November 2026", "decimal"),
])  # fmt: skip
def test_dates_and_page_numbers_use_the_languages_digits(lang, expected, style):
    labels = labels_for(lang)
    assert labels.format_date(dt.date(2026, 11, 23)) == expected
    assert labels.counter_style == style


def test_persian_page_numbers_are_persian_digits_in_the_pdf():
    from publisher.renderers.pdf.print_html import page_counter

    assert "counter(page, persian)" in page_counter(labels_for("fa").page, labels_for("fa").counter_style)


@pytest.mark.parametrize("text", ["مرحبا بكم", "سلام، خوش آمدید", "اردو میں خوش آمدید ے ں ٹ ڈ", "שלום ₪"])
def test_arabic_persian_urdu_and_hebrew_letters_are_drawable(text):
    assert all(drawable(char) for char in text)


@pytest.mark.parametrize(
    "lang, direction",
    [("ar", "rtl"), ("he-IL", "rtl"), ("fa", "rtl"), ("ur", "rtl"), ("en", "ltr"), ("tr", "ltr")],
)
def test_text_direction(lang, direction):
    assert text_direction(lang) == direction
