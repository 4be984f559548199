"""The Word handout, read back with python-docx: styles and text paragraph by paragraph.

Helpers shared with the other ``test_word_*`` files (``render``, ``open_docx``,
``part_xml``) are in ``tests/helpers/word.py``.
"""

from __future__ import annotations

import pytest
from docx.oxml.ns import qn

from publisher.brand import Brand
from tests.helpers.paths import CLINIC_FAQ, FEATURES_FAQ, ROOT
from tests.helpers.word import W, open_docx, part_xml, render

SEED = ROOT / "tests" / "fixtures" / "seed" / "smp-faq-page.txt"


def styled_paragraphs(document) -> list[tuple[str, str]]:
    """(style name, text) of every body paragraph, in order (table cells excluded)."""
    return [(p.style.name, p.text) for p in document.paragraphs]


@pytest.fixture(scope="module")
def clinic() -> bytes:
    return render(CLINIC_FAQ)


@pytest.fixture(scope="module")
def features() -> bytes:
    return render(FEATURES_FAQ)


# --- the clinic's FAQ -------------------------------------------------------------------


def seed_pairs() -> tuple[list[tuple[str, str]], str]:
    """Question/answer pairs and the disclaimer from the clinic's current web page."""
    bullets = [
        line.strip().removeprefix("•").strip()
        for line in SEED.read_text(encoding="utf-8").splitlines()
        if line.strip().startswith("•")
    ]
    disclaimer = bullets.pop()
    return list(zip(bullets[0::2], bullets[1::2], strict=True)), disclaimer


def test_clinic_faq_paragraph_by_paragraph(clinic):
    pairs, disclaimer = seed_pairs()
    sections = [("About SMP", 3), ("The procedure", 4), ("Results and aftercare", 5), ("Cost", 1)]
    expected = [
        ("Title", "Frequently Asked Questions"),
        ("Subtitle", "Scalp Micropigmentation (SMP)"),
        ("Date", "Last reviewed 23 November 2026"),
    ]
    questions = iter(pairs)
    for title, count in sections:
        expected.append(("Heading 1", title))
        for question, answer in (next(questions) for _ in range(count)):
            expected += [("Heading 2", question), ("Normal", answer)]
    expected.append(("Disclaimer", disclaimer))
    assert styled_paragraphs(open_docx(clinic)) == expected


def test_every_question_keeps_with_its_answer(clinic):
    document = open_docx(clinic)
    heading = document.styles["Heading 2"]
    assert heading.paragraph_format.keep_with_next
    assert heading.paragraph_format.keep_together
    answers = [
        following
        for p, following in zip(document.paragraphs, document.paragraphs[1:], strict=False)
        if p.style.name == "Heading 2"
    ]
    assert len(answers) == 13
    assert all(answer.paragraph_format.keep_together for answer in answers)


def test_clinic_faq_is_small_enough_to_email(clinic):
    assert len(clinic) < 100_000
    # The default look must not drag python-docx's whole template along (its styles
    # alone are 440 KB of XML).
    assert len(clinic) < 30_000


def test_brand_colours_and_fonts_are_in_the_styles():
    brand = Brand(primary="#aa3300", secondary="#445566", base_font="Verdana", headings_font="Georgia")
    document = open_docx(render(CLINIC_FAQ, brand=brand))
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3", "Heading 4"):
        style = document.styles[name]
        assert str(style.font.color.rgb) == "AA3300", name
        assert style.font.name == "Georgia", name
    assert document.styles["Normal"].font.name == "Verdana"
    assert str(document.styles["Subtitle"].font.color.rgb) == "445566"


def test_default_look_has_no_direct_formatting(clinic):
    body = part_xml(clinic, "word/document.xml")
    # Paragraphs say which style they are in; runs carry no fonts, sizes or colours.
    for tag in ("rFonts", "sz", "color", "spacing", "ind"):
        assert body.find(f".//{W}{tag}") is None, tag


# --- the feature-rich fixture -----------------------------------------------------------

FEATURE_PARAGRAPHS = [
    ("Title", "Feature Clinic FAQ"),
    ("Subtitle", "Every construct the source format allows"),
    ("Date", "Last reviewed 1 November 2026"),
    ("Normal", "Welcome to the Feature Clinic. Read this before your first visit."),
    ("Heading 1", "Before your visit"),
    ("Heading 2", "What should I bring to my first appointment?"),
    ("Normal", "Please bring:"),
    ("List Bullet", "a photo ID"),
    ("List Bullet", "your list of medicines"),
    ("List Bullet 2", "prescription medicines"),
    ("List Bullet 2", "supplements and vitamins"),
    ("List Bullet", "any previous scan results"),
    ("After List or Table", "See also how to prepare."),
    ("Heading 2", "How do I prepare for the treatment?"),
    ("Normal", "Follow these steps in order:"),
    ("List Number", "Wash your hair the evening before."),
    ("List Number", "Do not use hair products on the day."),
    ("List Number 2", "No gel"),
    ("List Number 2", "No spray"),
    ("List Number", "Arrive ten minutes early."),
    ("Quote", "Tip: wear a loose, button-up shirt."),
    ("Heading 3", "On the day"),
    ("Normal", "Eat a light meal. Bring something to read.\nWe have free Wi-Fi."),
    ("Heading 4", "Parking"),
    ("Normal", "Use the P2 car park."),
    ("Heading 1", "Prices and contact"),
    ("Heading 2", "What does a session cost?"),
    ("After List or Table", "Prices include a free consultation."),
    ("Heading 2", "How can I contact the clinic?"),
    ("List Bullet", "Web: https://clinic.example/contact"),
    ("List Bullet", "Email: hello@clinic.example"),
    ("List Bullet", "Phone: +44\u00a0123\u00a0456\u00a0789"),
    ("List Bullet", "Secure site: booking"),
    ("After List or Table", "Two new lists follow, each numbered from one:"),
    ("List Number", "first list, one"),
    ("List Number", "first list, two"),
    ("List Bullet", "a bullet between them"),
    ("List Number", "second list, one"),
    ("List Number", "second list, two"),
    ("Heading 2", "Is SMP the same as a tattoo?"),
    ("Normal", "Not quite. The needles are finer and the pigment sits shallower:"),
    ("List Number", "Finer needles"),
    ("List Continue", "Micro-needles make dots the size of a hair follicle."),
    ("List Number", "Shallower pigment"),
    ("List Continue", "It stays in the upper dermis."),
    ("Source Code", "Session 1: base layer\nSession 2: density"),
    ("Disclaimer", "The latest version of this FAQ is online at https://clinic.example/faq"),
    ("Disclaimer", "This leaflet is general information; see our site or call 0123\u00a0456\u00a0789."),
]


def test_features_paragraph_by_paragraph(features):
    assert styled_paragraphs(open_docx(features)) == FEATURE_PARAGRAPHS


def run_styles(paragraph) -> list[tuple[str, str]]:
    """(character style name or "", text) of the runs of a paragraph, links included."""
    runs = paragraph.iter_inner_content()
    found = []
    for item in runs:
        for run in getattr(item, "runs", [item]):
            found.append((run.style.name if run.style.name != "Default Paragraph Font" else "", run.text))
    return found


def test_inline_marks_are_character_styles(features):
    paragraphs = {p.text: p for p in open_docx(features).paragraphs}
    welcome = paragraphs["Welcome to the Feature Clinic. Read this before your first visit."]
    assert ("Strong", "Feature Clinic") in run_styles(welcome)
    question = paragraphs["What should I bring to my first appointment?"]
    assert ("Emphasis", "bring") in run_styles(question)
    assert ("Verbatim Char", "P2") in run_styles(paragraphs["Use the P2 car park."])
    assert ("Hyperlink", "how to prepare") in run_styles(paragraphs["See also how to prepare."])
    disclaimer = paragraphs[
        "This leaflet is general information; see our site or call 0123\u00a0456\u00a0789."
    ]
    assert ("Emphasis", "general information") in run_styles(disclaimer)


def test_hard_break_is_a_line_break_not_a_new_paragraph(features):
    paragraph = next(p for p in open_docx(features).paragraphs if p.style.name == "Heading 3")
    following = paragraph._p.getnext()
    assert len(following.findall(f".//{W}br")) == 1


def test_table_with_a_repeating_header_row(features):
    document = open_docx(features)
    (table,) = document.tables
    assert table.style.name == "Table"
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows == [
        ["Treatment", "Sessions", "Price"],
        ["Full scalp", "3", "£1,800"],
        ["Scar camouflage", "1–2", "£450"],
        ["Touch-up", "1", "£250"],
    ]
    header, *body = table.rows
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(row._tr.trPr.find(qn("w:tblHeader")) is None for row in body)
    alignments = [str(cell.paragraphs[0].alignment) for cell in header.cells]
    assert alignments == ["LEFT (0)", "CENTER (1)", "RIGHT (2)"]
    assert {cell.paragraphs[0].style.name for row in table.rows for cell in row.cells} == {"Compact"}
    style = part_xml(features, "word/styles.xml").find(f'{W}style[@{W}styleId="Table"]')
    assert style.find(f'{W}tblStylePr[@{W}type="firstRow"]/{W}rPr/{W}b') is not None


def test_every_style_used_is_defined(features):
    document = open_docx(features)
    defined = {style.style_id for style in document.styles}
    used = set(
        part_xml(features, "word/document.xml").xpath(
            "//@w:val[parent::w:pStyle or parent::w:rStyle]", namespaces={"w": W[1:-1]}
        )
    )
    assert used <= defined


def test_paragraph_after_a_list_or_table_keeps_the_paragraph_gap(features):
    # A table has no spacing of its own and list items little: the style brings the gap.
    styles = open_docx(features).styles
    after = styles["After List or Table"]
    assert after.base_style.name == "Normal"
    assert after.paragraph_format.space_before == styles["Normal"].paragraph_format.space_after > 0
