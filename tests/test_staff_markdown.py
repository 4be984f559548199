"""What clinic staff naturally write (issue 13): ``<br>``, a section introduction, ``---``
between questions, bare addresses and site-relative links, parsed and shown in every format."""

from __future__ import annotations

import io
import json
from functools import cache
from pathlib import Path

import docx
import pytest

from publisher.errors import SourceError
from publisher.facts import with_facts
from publisher.model import Break, Document, Link, Paragraph, Strong, Table, Text
from publisher.parse import parse
from publisher.renderers import Theme
from publisher.walk import answer_blocks, document_images
from tests.helpers.images import tiny_png
from tests.helpers.pdf import all_text, read

HEAD = "---\ntitle: T\n---\n"
SITE_HEAD = "---\ntitle: T\nurl: https://clinic.example/help/faq\n---\n"
STAFF_FAQ = """---
title: Opening hours
url: https://clinic.example/faq
---

# Visiting us

Opening hours changed in May.<br>Please check before you travel.

## When are you open?

| Day | Hours |
|---|---|
| Monday | 8:00–13:00<br>14:00–18:30 |
| Sunday | closed<BR />(see below) |

See [our services](/services) or www.nhs.uk for advice.

---

## How do I reach you?

Write to info@clinic.co.uk.
"""


def parsed(text: str, folder: Path = Path("/nonexistent")) -> Document:
    return parse(text, folder / "faq.md")


def problems(text: str) -> list[tuple[int, int, str]]:
    with pytest.raises(SourceError) as caught:
        parsed(text)
    return [(p.line, p.col, p.message) for p in caught.value.problems]


def answer(markdown: str, head: str = HEAD) -> tuple:
    """The blocks of a one-question document's answer."""
    return parsed(head + "\n## Q?\n\n" + markdown).entries[0].answer


def first_inlines(markdown: str, head: str = HEAD) -> tuple:
    block = answer(markdown, head)[0]
    assert isinstance(block, Paragraph)
    return block.children


# --- <br> -------------------------------------------------------------------------------


@pytest.mark.parametrize("tag", ["<br>", "<br/>", "<br />", "<BR>", "<Br/>"])
def test_br_in_a_paragraph_is_a_hard_break(tag: str):
    assert first_inlines(f"One{tag}two") == (Text("One"), Break(), Text("two"))


def test_br_at_a_line_end_adds_no_space_before_the_next_line():
    assert first_inlines("One<br>\ntwo <br> three") == (
        Text("One"),
        Break(),
        Text("two "),
        Break(),
        Text("three"),
    )


def test_br_at_the_end_of_a_paragraph_or_cell_adds_nothing():
    assert first_inlines("One<br>") == (Text("One"),)
    table = answer("| a | b |\n|---|---|\n| 1<br> | <br/> |\n")[0]
    assert isinstance(table, Table)
    assert [cell.children for cell in table.rows[0]] == [(Text("1"),), ()]


def test_br_in_table_cells_is_a_hard_break():
    table = answer("| a | b |\n|---|---|\n| 1<br>2 | x |\n| **2** | 3<br/>4 |\n")[0]
    assert isinstance(table, Table)
    assert table.rows[0][0].children == (Text("1"), Break(), Text("2"))
    assert table.rows[1][1].children == (Text("3"), Break(), Text("4"))
    # ``**2**`` alone in a cell: no empty text around the strong (Word wrote empty runs for them).
    assert table.rows[1][0].children == (Strong((Text("2"),)),)


def test_every_other_tag_in_a_table_row_is_reported_at_its_own_column():
    row = "| 1<br>2 <b>x</b> | <i>y</i> <b>z</b> |"
    found = problems(HEAD + "\n## Q?\n\n| a | b |\n|---|---|\n" + row + "\n")
    columns = [(line, col) for line, col, _ in found]
    expected = [row.index("<b>") + 1, row.index("</b>") + 1, row.index("<i>") + 1]
    expected += [row.index("</i>") + 1, row.rindex("<b>") + 1, row.rindex("</b>") + 1]
    assert columns == [(9, col) for col in expected], found
    assert all("raw HTML is not allowed" in message and "<br>" in message for _, _, message in found)


def test_tags_in_later_rows_are_found_in_their_own_row():
    table = "| a | b |\n|---|---|\n| <b>1</b> | x |\n| y | <b>2</b> |\n"
    found = problems(HEAD + "\n## Q?\n\n" + table)
    assert [(line, col) for line, col, _ in found] == [(9, 3), (9, 7), (10, 7), (10, 11)]


def test_other_raw_html_keeps_its_error():
    found = problems(HEAD + "\n## Q?\n\nSay <span>hi</span>.\n")
    assert found[0][:2] == (7, 5) and "raw HTML is not allowed: <span>" in found[0][2]


# --- section introductions and --- --------------------------------------------------------


def test_text_under_a_section_heading_is_its_introduction():
    document = parsed(STAFF_FAQ)
    section = document.sections[0]
    assert section.intro[0] == Paragraph(
        (Text("Opening hours changed in May."), Break(), Text("Please check before you travel.")), 8
    )
    assert [entry.id for entry in section.entries] == ["when-are-you-open", "how-do-i-reach-you"]


def test_images_in_a_section_introduction_are_found(tmp_path: Path):
    (tmp_path / "map.png").write_bytes(tiny_png())
    document = parsed(HEAD + "\n# S\n\n![Map of the car park](map.png)\n\n## Q?\n\nA.\n", tmp_path)
    assert document.sections[0].intro[0] in answer_blocks(document)
    assert [image.src for image in document_images(document)] == ["map.png"]


def test_a_section_with_only_an_introduction_still_needs_questions():
    found = problems(HEAD + "\n# S\n\nIntro.\n\n# T\n\n## Q?\n\nA.\n")
    assert (5, 1, "section has no questions (## headings)") in found


def test_rules_between_questions_and_sections_are_separators():
    text = (
        HEAD
        + "\nIntro.\n\n---\n\n# S\n\n## Q?\n\nA.\n\n***\n\n---\n\n## R?\n\nB.\n\n___\n\n# T\n\n## U?\n\nC.\n"
    )
    document = parsed(text)
    assert [len(s.entries) for s in document.sections] == [2, 1]
    assert document.entries[0].answer == (Paragraph((Text("A."),), 13),)


def test_a_rule_inside_an_answer_or_after_the_last_one_is_an_error():
    found = problems(HEAD + "\n## Q?\n\nA.\n\n---\n\nB.\n\n## R?\n\nC.\n\n---\n")
    assert [(line, col) for line, col, _ in found] == [(9, 1), (17, 1)]
    assert all("allowed only between questions and sections" in message for _, _, message in found)


def test_a_rule_inside_a_list_is_an_error():
    found = problems(HEAD + "\n## Q?\n\n- a\n\n  ---\n")
    assert found[0][0] == 9 and "not inside an answer" in found[0][2]


# --- links --------------------------------------------------------------------------------


def test_a_bare_web_address_is_a_link_without_the_full_stop_after_it():
    assert first_inlines("Book at https://clinic.example/book.") == (
        Text("Book at "),
        Link("https://clinic.example/book", (Text("https://clinic.example/book"),)),
        Text("."),
    )


def test_a_bare_address_in_brackets_leaves_the_brackets_outside():
    inlines = first_inlines("Leaflets (https://clinic.example/leaflets) are free.")
    assert inlines[0] == Text("Leaflets (") and inlines[2] == Text(") are free.")
    assert isinstance(inlines[1], Link) and inlines[1].href == "https://clinic.example/leaflets"


def test_a_www_address_gets_https():
    inlines = first_inlines("See www.nhs.uk/conditions, then call.")
    assert inlines[1] == Link("https://www.nhs.uk/conditions", (Text("www.nhs.uk/conditions"),))
    assert inlines[2] == Text(", then call.")


def test_a_bare_e_mail_address_is_a_mailto_link():
    inlines = first_inlines("Write to info@clinic.co.uk.")
    assert inlines == (
        Text("Write to "),
        Link("mailto:info@clinic.co.uk", (Text("info@clinic.co.uk"),)),
        Text("."),
    )


@pytest.mark.parametrize(
    "text",
    [
        "Read README.md and node.js first.",  # a file name is not an address, whatever its "TLD"
        "Old files on ftp://files.example/a stay text.",  # a bare address of a forbidden scheme
        "Take 1.5 tablets, e.g. at 8.30.",
    ],
)
def test_what_is_not_plainly_an_address_stays_text(text: str):
    assert first_inlines(text) == (Text(text),)


def test_a_bare_address_too_long_to_publish_stays_text_whole():
    from publisher.limits import MAX_URL_CHARS

    address = "https://clinic.example/" + "a" * MAX_URL_CHARS
    assert first_inlines(f"See {address} now.") == (Text(f"See {address} now."),)


def test_linkify_is_shown_one_address_at_a_time_not_the_rest_of_the_paragraph():
    """markdown-it's own rule handed linkify-it the paragraph's rest at every "://" (25 s for 1 MB)."""
    from publisher.limits import MAX_URL_CHARS
    from publisher.parse import make_parser

    md = make_parser()
    shown: list[int] = []
    match_at_start = md.linkify.match_at_start
    md.linkify.match_at_start = lambda text: shown.append(len(text)) or match_at_start(text)
    line = "see http://x.example/( " * 390  # 8,970 characters, within the longest line allowed
    md.parse("\n".join([line] * 5))
    assert len(shown) == 5 * 390 and max(shown) <= len("http://") + MAX_URL_CHARS


def test_an_address_in_a_question_stays_text():
    document = parsed(HEAD + "\n## Is www.nhs.uk reliable?\n\nYes.\n")
    assert document.entries[0].question == (Text("Is www.nhs.uk reliable?"),)


def test_a_site_relative_link_resolves_against_the_origin_of_url():
    inlines = first_inlines("See [our services](/services?x=1#top).", SITE_HEAD)
    assert inlines[1] == Link("https://clinic.example/services?x=1#top", (Text("our services"),))


def test_a_site_relative_link_without_url_is_an_error_that_says_so():
    line_text = "See [a](https://a.example) and [our services](/services)."
    found = problems(HEAD + "\n## Q?\n\n" + line_text + "\n")
    assert len(found) == 1
    line, col, message = found[0]
    assert (
        (line, col) == (7, line_text.index("/services") + 1)
        and "'/services'" in message
        and "'url'" in message
    )


@pytest.mark.parametrize("href", ["services.html", "../services", "//other.example/x"])
def test_other_relative_links_are_still_errors(href: str):
    found = problems(SITE_HEAD + f"\n## Q?\n\nSee [x]({href}).\n")
    assert found[0][:2] == (8, 9) and "forbidden" in found[0][2], found


# --- every format -------------------------------------------------------------------------


@cache
def staff_document() -> Document:
    return parsed(STAFF_FAQ)


def theme() -> Theme:
    return with_facts(staff_document(), Theme())


def test_fragment_shows_the_intro_breaks_and_links():
    from publisher.renderers.html.fragment import render_html
    from tests.test_fragment import text_of, tree

    root = tree(render_html(staff_document(), theme()).data.decode("utf-8"))
    section = root.find(".//section")
    assert section is not None
    children = [child.get("class") for child in section]
    assert children[:3] == ["faqp-section-title", "faqp-section-intro", "faqp-entry"]
    intro = section[1]
    assert "Opening hours changed in May." in text_of(intro) and intro.find(".//br") is not None
    cells = [cell for cell in root.iter("td") if cell.find("br") is not None]
    assert [text_of(cell) for cell in cells] == ["8:00–13:0014:00–18:30", "closed(see below)"]
    hrefs = {a.get("href") for a in root.iter("a")}
    assert {"https://clinic.example/services", "https://www.nhs.uk", "mailto:info@clinic.co.uk"} <= hrefs


def test_json_has_the_section_intro_and_fits_the_schema():
    import jsonschema

    from publisher.renderers.json.entries import SCHEMA_PATH, render_json

    data = json.loads(render_json(staff_document(), theme()).data)
    jsonschema.validate(data, json.loads(SCHEMA_PATH.read_text()))
    intro = data["sections"][0]["intro"]
    assert intro["text"] == "Opening hours changed in May.\nPlease check before you travel."
    assert "<br>" in intro["html"]
    assert 'href="https://clinic.example/services"' in data["entries"][0]["answer_html"]
    assert "Monday | 8:00–13:00 14:00–18:30" in data["entries"][0]["answer_text"]


def test_word_shows_the_intro_under_the_section_heading_breaks_and_links():
    from publisher.renderers.docx.render import render_docx

    word = docx.Document(io.BytesIO(render_docx(staff_document(), theme()).data))
    styles = [(p.style.name, p.text) for p in word.paragraphs if p.text]
    heading = styles.index(("Heading 1", "Visiting us"))
    assert styles[heading + 1] == ("Normal", "Opening hours changed in May.\nPlease check before you travel.")
    assert styles[heading + 2][0] == "Heading 2"
    cell = word.tables[0].rows[1].cells[1]
    assert cell.text == "8:00–13:00\n14:00–18:30"
    assert not any(
        run.text == ""
        for row in word.tables[0].rows
        for c in row.cells
        for p in c.paragraphs
        for run in p.runs
    )
    targets = {rel.target_ref for rel in word.part.rels.values() if rel.is_external}
    assert {"https://clinic.example/services", "https://www.nhs.uk", "mailto:info@clinic.co.uk"} <= targets


def test_pdf_shows_the_intro_before_the_first_question_and_links_the_addresses():
    from publisher.renderers.pdf.render import render_pdf

    reader = read(render_pdf(staff_document(), theme()).data)
    text = all_text(reader)
    intro = text.index("Opening hours changed in May. Please check before you travel.")
    assert text.upper().index("VISITING US") < intro < text.index("When are you open?")
    assert "8:00–13:00 14:00–18:30" in text and "closed (see below)" in text
    uris = {
        annotation.get_object()["/A"].get("/URI")
        for page in reader.pages
        for annotation in page.get("/Annots", [])
        if "/A" in annotation.get_object()
    }
    assert {"https://clinic.example/services", "https://www.nhs.uk", "mailto:info@clinic.co.uk"} <= uris


def test_braille_has_the_intro_between_the_section_heading_and_the_question():
    from tests.test_brf import back, body_braille, require_liblouis

    require_liblouis()
    from publisher.renderers.brf.render import render_brf

    text = back(body_braille(render_brf(staff_document(), theme()).data.decode("ascii")))
    intro = text.index("opening hours changed in may.")
    assert text.index("visiting us") < intro < text.index("when are you open?")
