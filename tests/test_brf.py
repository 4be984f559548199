"""Braille (BRF): read back with liblouis, measured against BANA's 40 by 25 page, and its failure modes."""

from __future__ import annotations

import ctypes.util
import os
import re
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner

from publisher.cli import main
from publisher.model import Document
from publisher.parse import parse_source
from publisher.renderers import Theme
from publisher.text import block_text, inline_text
from tests.helpers.paths import CLINIC_FAQ, FEATURES_FAQ, ROOT, SPANISH_FAQ

CORPUS = ROOT / "tests" / "corpus"
BRF_CELLS = set(map(chr, range(0x20, 0x60)))
UEB = "en-us-brf.dis,en-ueb-g2.ctb"


def require_liblouis() -> None:
    """Skip without liblouis and its tables, but fail when CI=true (.ci/run installs them)."""
    tables = Path("/usr/share/liblouis/tables/en-ueb-g2.ctb")
    if ctypes.util.find_library("louis") and tables.is_file():
        return
    message = "liblouis is not installed (apt-get install liblouis20; CI installs it through .ci/run)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@cache
def rendered(source: Path) -> tuple[Document, str]:
    """A source parsed and rendered to BRF (once per test session)."""
    from publisher.renderers.brf.render import render_brf

    require_liblouis()
    document = parse_source(source)
    return document, render_brf(document, Theme()).data.decode("ascii")


def pages_of(brf: str) -> list[list[str]]:
    """The BRF's pages as lists of lines (every page ends with a form feed)."""
    assert brf.endswith("\r\n\f")
    return [page.removesuffix("\r\n").split("\r\n") for page in brf.split("\f")[:-1]]


def body_braille(brf: str) -> str:
    """The braille after the title page, page numbers left out, lines joined by spaces."""
    pages = pages_of(brf)[1:]
    return " ".join(line.strip() for page in pages for line in page[:-1] if line.strip())


def back(braille: str, tables: str = UEB) -> str:
    """Braille back-translated to print, lowercased, emphasis indicators and spacing dropped."""
    from publisher.renderers.brf import louis

    # liblouis 3.24 back-translates UEB's bold and italic indicators (dots 45 or 46, then 2 for a
    # word or 3 to end) as an escape and a comma or apostrophe: drop them.
    text = re.sub(r"\\4[56]/[,']?", "", louis.back_translate(tables, braille))
    return " ".join(re.sub(r"\\\d+/", "", text).lower().split())


def words(text: str) -> list[str]:
    """The words of print text, lowercased."""
    return re.findall(r"\w[\w'’-]*", text.lower())


# --- the page ---------------------------------------------------------------------------------

CORPUS_SOURCES = sorted(CORPUS.glob("*/faq.md"))


@pytest.mark.parametrize(
    "source",
    [CLINIC_FAQ, FEATURES_FAQ, SPANISH_FAQ, *CORPUS_SOURCES],
    ids=lambda path: path.parent.name if path.parent.parent == CORPUS else path.parent.name + "/faq",
)
def test_no_line_over_40_cells_no_page_over_25_lines(source: Path) -> None:
    from publisher.errors import SourceError

    try:
        _, brf = rendered(source)
    except SourceError:
        pytest.skip("the corpus source has mistakes of its own (see test_corpus.py)")
    pages = pages_of(brf)
    assert len(pages) >= 2
    for number, page in enumerate(pages):
        assert len(page) <= 25, f"page {number} has {len(page)} lines"
        for line in page:
            assert len(line) <= 40, f"page {number}: {line!r}"
            assert set(line) <= BRF_CELLS, f"page {number}: not Braille ASCII: {line!r}"
            assert line == line.rstrip()
        assert page[0].strip(), f"page {number} starts with a blank line"


def test_body_pages_carry_braille_page_numbers_at_the_foot() -> None:
    _, brf = rendered(CLINIC_FAQ)
    title, *body = pages_of(brf)
    assert len(body) >= 3
    # The title page is unnumbered; body pages number from 1, right-aligned on line 25.
    assert not re.fullmatch(r" +#[A-J]+", title[-1])
    for number, page in enumerate(body, start=1):
        assert len(page) == 25
        assert page[-1] == back_number(number).rjust(40)


def back_number(number: int) -> str:
    """A page number in UEB: the numeric indicator and the letters a-j for the digits."""
    return "#" + "".join("JABCDEFGHI"[int(digit)] for digit in str(number))


def test_title_page_centres_the_title_and_says_no_transcriber_checked_it() -> None:
    document, brf = rendered(CLINIC_FAQ)
    title = pages_of(brf)[0]
    first = title[0]
    left, right = len(first) - len(first.lstrip()), 40 - len(first)
    assert abs(left - right) <= 1 and left >= 3
    assert back(first.strip()) == document.meta.title.lower()
    assert back(title[2].strip()) == document.meta.subtitle.lower()
    notes = back(" ".join(line.strip() for line in title[-4:] if line.strip()))
    assert "produced by computer" in notes and "not checked by a braille transcriber" in notes
    assert "en-ueb-g2" in notes


# --- what it says ---------------------------------------------------------------------------


@pytest.mark.parametrize("source", [CLINIC_FAQ, FEATURES_FAQ], ids=["clinic", "features"])
def test_back_translation_finds_every_question_and_the_answers_words(source: Path) -> None:
    document, brf = rendered(source)
    text = back(body_braille(brf))
    found = set(words(text))
    for entry in document.entries:
        question = " ".join(inline_text(entry.question).lower().split())
        assert question in text, question
        answer = [word for word in words(block_text(entry.answer)) if word not in ("https",)]
        missing = [word for word in answer if word not in found]
        assert len(missing) <= len(answer) // 20, f"{entry.id}: {missing}"


def test_clinic_answers_read_back_word_for_word() -> None:
    document, brf = rendered(CLINIC_FAQ)
    text = back(body_braille(brf))
    for entry in document.entries:
        assert " ".join(block_text(entry.answer).lower().split()) in text, entry.id
    assert " ".join(inline_text(document.meta.disclaimer).lower().split()) in text


GRADE_2_WORDS = ("the", "and", "for", "with", "of", "that", "can", "you", "this", "from", "which", "be")
G1 = "en-us-brf.dis,en-ueb-g1.ctb"


def test_grade_2_contractions_are_applied() -> None:
    from publisher.renderers.brf import louis

    document, brf = rendered(CLINIC_FAQ)
    body = body_braille(brf)
    # Braille words without their capital indicators and closing punctuation (, . : ?).
    tokens = {token.lstrip(",").rstrip("1348") for token in body.split()}
    text = " ".join(inline_text(e.question) + " " + block_text(e.answer) for e in document.entries)
    used = [word for word in GRADE_2_WORDS if re.search(rf"\b{word}\b", text, re.I)]
    assert len(used) >= 8
    for word in used:
        contracted, spelled = louis.translate(UEB, word), louis.translate(G1, word)
        assert len(contracted) == 1 and len(spelled) == len(word), word  # a one-cell wordsign
        assert contracted in tokens, word
        assert spelled not in tokens, f"{word} spelled letter by letter: {spelled}"
    # Overall, grade 2 takes far fewer cells than the same words uncontracted.
    titles = " ".join(inline_text(section.title) for section in document.sections)
    uncontracted = louis.translate(G1, f"{titles} {text} {inline_text(document.meta.disclaimer)}")
    assert len(body.replace(" ", "")) < 0.85 * len(uncontracted.replace(" ", ""))


def test_spanish_source_is_in_the_spanish_table(tmp_path: Path) -> None:
    from tests.helpers.tools import require_tool

    lou_translate = require_tool("lou_translate")
    document, brf = rendered(SPANISH_FAQ)
    body = body_braille(brf)
    for entry in document.entries:
        question = inline_text(entry.question)
        direct = subprocess.run(
            [lou_translate, "--forward", "en-us-brf.dis,es-g1.ctb"],
            input=question,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        assert direct in body, question
        ueb = subprocess.run(
            [lou_translate, "--forward", UEB], input=question, capture_output=True, text=True, check=True
        ).stdout.strip()
        assert ueb != direct and ueb not in body
    assert "es-g1" in back(" ".join(pages_of(brf)[0]), "en-us-brf.dis,es-g1.ctb")


def test_a_language_without_a_table_falls_back_to_uncontracted_ueb_and_says_so() -> None:
    _, brf = rendered(CORPUS / "smp-it-8" / "faq.md")
    notes = back(" ".join(line.strip() for line in pages_of(brf)[0]), "en-us-brf.dis,en-ueb-g1.ctb")
    assert "no braille table chosen for the language it" in notes
    assert "uncontracted unified english braille" in notes and "en-ueb-g1" in notes


def test_emoji_are_described_by_name() -> None:
    _, brf = rendered(CORPUS / "injectables-en-15-emoji" / "faq.md")
    assert "(syringe)" in back(body_braille(brf))


# --- formats ----------------------------------------------------------------------------------


def test_questions_in_cell_5_sections_centred_paragraphs_in_3_1() -> None:
    document, brf = rendered(CLINIC_FAQ)
    lines = [line for page in pages_of(brf)[1:] for line in page[:-1]]
    question = next(i for i, line in enumerate(lines) if back(line.strip()).startswith("what is scalp"))
    assert lines[question].startswith("    ,") and not lines[question].startswith("     ")
    assert lines[question - 1] == ""  # a blank line sets a question apart
    answer = question + 2  # the question takes two lines
    assert lines[answer].startswith("  ,,SMP") and not lines[answer + 1].startswith(" ")
    section = next(line for line in lines if back(line.strip()) == "the procedure")
    assert abs(len(section) - len(section.lstrip()) - (40 - len(section))) <= 1


@pytest.mark.parametrize("source", [CLINIC_FAQ, FEATURES_FAQ, CORPUS / "gp-en-60" / "faq.md"])
def test_a_question_never_ends_a_page(source: Path) -> None:
    document, brf = rendered(source)
    questions = [" ".join(inline_text(entry.question).lower().split()) for entry in document.entries]
    for page in pages_of(brf)[1:]:
        last = [line for line in page[:-1] if line.strip()][-1]
        in_cell_5 = last.startswith("    ") and not last.startswith("     ")
        assert not (in_cell_5 and any(back(last) in question for question in questions)), last


def test_lists_keep_their_markers_and_nesting() -> None:
    _, brf = rendered(FEATURES_FAQ)
    lines = [line for page in pages_of(brf)[1:] for line in page[:-1]]
    bullets = [back(line.strip()) for line in lines if line.startswith("_4 ")]
    assert bullets[:2] == ["• a photo id", "• your list of medicines"]
    assert [line for line in lines if line.startswith("  _4 ")][:1]  # nested bullets two cells in
    ordered = [line.split()[0] for line in lines if re.match(r"#[A-J]+4 ", line)]
    assert ordered[:3] == ["#C4", "#D4", "#E4"]  # the list's start number, 3, is kept
    assert any(re.match(r"  #A4 ,NO GEL", line) for line in lines)


def test_tables_become_label_value_lines() -> None:
    _, brf = rendered(FEATURES_FAQ)
    lines = [line for page in pages_of(brf)[1:] for line in page[:-1]]
    start = next(i for i, line in enumerate(lines) if back(line) == "treatment: full scalp")
    assert [back(line.strip()) for line in lines[start : start + 4]] == [
        "treatment: full scalp",
        "sessions: 3",
        "price: £1,800",
        "treatment: scar camouflage",
    ]
    assert [len(line) - len(line.lstrip()) for line in lines[start : start + 4]] == [0, 2, 2, 0]


def test_links_print_their_address_uncontracted() -> None:
    _, brf = rendered(FEATURES_FAQ)
    body = body_braille(brf)
    assert "HTTPS3_/_/CLINIC4EXAMPLE_/CONTACT" in body  # "clinic" uncontracted would be CL9IC
    assert "HELLO@ACLINIC4EXAMPLE" in body


def test_writer_handles_every_node_type() -> None:
    from publisher.renderers.brf.writer import BrailleWriter, InlineRuns

    assert BrailleWriter.missing() == [] and InlineRuns.missing() == []


def test_wrap_splits_a_long_word_with_the_continuation_indicator() -> None:
    from publisher.renderers.brf.layout import LogicalLine, wrap

    lines = wrap(LogicalLine("X " + "A" * 50 + " ,B", first=2, runover=0))
    assert lines == ["  X", "A" * 39 + '"', "A" * 11 + " ,B"]
    assert wrap(LogicalLine("AB CD", centred=True)) == [" " * 17 + "AB CD"]
    # Never end a piece with a prefix cell (capital, number...): it belongs with the next cell.
    assert wrap(LogicalLine("A" * 38 + ",B" + "C" * 20))[0] == "A" * 38 + '"'
    assert wrap(LogicalLine("#" * 50))[0] == "#" * 39 + '"'
    # However deep the nesting, a line keeps 20 cells for its text.
    assert wrap(LogicalLine("ABC " * 12, first=60, runover=62)) == [" " * 20 + ("ABC " * 5).strip()] * 2 + [
        " " * 20 + "ABC ABC"
    ]
    assert wrap(LogicalLine("A" * 30 + ",B" + "C" * 20))[0] == "A" * 30 + ",B" + "C" * 7 + '"'


def test_paginate_keeps_a_heading_with_its_text_and_lets_text_flow() -> None:
    from publisher.renderers.brf.layout import LogicalLine, paginate

    filler = [LogicalLine(f"P{n}") for n in range(21)]
    heading = LogicalLine("H", first=4, runover=4, blank_before=True, heading=True)
    long_text = LogicalLine(" ".join(["WORD"] * 40))  # five lines
    pages = paginate([*filler, heading, long_text])
    # 21 lines + blank + heading + 1 line of text would fit, but two must follow a heading.
    assert pages[0] == [f"P{n}" for n in range(21)]
    assert pages[1][0] == "    H" and len(pages[1]) == 6
    flowing = paginate([*filler, long_text])
    assert len(flowing[0]) == 24 and len(flowing[1]) == 2  # text is split across the page break
    # A blank line after or before: kept inside a page, dropped at the top of one.
    pages = paginate([LogicalLine("A", blank_after=True), *filler, LogicalLine("B", blank_before=True)])
    assert pages[0][:3] == ["A", "", "P0"] and pages[1] == ["B"]


def test_pef_holds_the_same_pages_in_unicode_braille() -> None:
    from xml.etree import ElementTree

    from publisher.renderers.brf import louis
    from publisher.renderers.brf.pef import render_pef

    document, brf = rendered(CLINIC_FAQ)
    root = ElementTree.fromstring(render_pef(document, Theme()).data)
    ns = {"p": "http://www.daisy.org/ns/2008/pef", "dc": "http://purl.org/dc/elements/1.1/"}
    assert root.tag == "{http://www.daisy.org/ns/2008/pef}pef" and root.get("version") == "2008-1"
    assert root.findtext("p:head/p:meta/dc:title", namespaces=ns) == document.meta.title
    assert root.findtext("p:head/p:meta/dc:identifier", namespaces=ns).startswith("urn:sha256:")
    volume = root.find("p:body/p:volume", ns)
    assert (volume.get("cols"), volume.get("rows"), volume.get("duplex")) == ("40", "25", "false")
    pages = [[row.text or "" for row in page] for page in volume.iterfind("p:section/p:page", ns)]
    # The BRF's pages, cell for cell, in the cells liblouis's own Unicode display table writes.
    assert len(pages) == len(pages_of(brf))
    question = inline_text(document.entries[0].question)
    cells = louis.translate("unicode.dis,en-ueb-g2.ctb", question).replace("\u2800", " ")
    text = " ".join(row.replace("\u2800", " ").strip() for page in pages for row in page)
    assert " ".join(cells.split()) in " ".join(text.split())
    for page, brf_page in zip(pages, pages_of(brf), strict=True):
        assert len(page) == len(brf_page)
        for row, line in zip(page, brf_page, strict=True):
            assert len(row) == len(line) and all(0x2800 <= ord(cell) <= 0x283F for cell in row)


# --- the build --------------------------------------------------------------------------------


def test_brf_builds_byte_for_byte_the_same_twice(tmp_path: Path) -> None:
    require_liblouis()
    outputs = []
    for name in ("a", "b"):
        out = tmp_path / name
        result = CliRunner().invoke(main, ["build", str(CLINIC_FAQ), "-f", "brf", "-o", str(out), "--force"])
        assert result.exit_code == 0, result.output
        assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == ["faq.brf"]
        outputs.append((out / "faq.brf").read_bytes())
    assert outputs[0] == outputs[1]
    assert "faq.brf" in result.output


def test_branded_build_ends_with_the_clinics_contact_details(tmp_path: Path) -> None:
    require_liblouis()
    source = ROOT / "tests" / "fixtures" / "branded" / "faq.md"
    result = CliRunner().invoke(main, ["build", str(source), "-f", "brf", "-f", "pef", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "faq.brf (" in result.output and "faq.pef (" in result.output
    brf = (tmp_path / "faq.brf").read_bytes().decode("ascii")
    title, *body = pages_of(brf)
    assert "harbour hair clinic" in back(" ".join(title))
    text = back(body_braille(brf))
    assert text.endswith(
        "contact phone: +44 20 0000 0000 email: care@harbour.example"
        " address: 1 quay street, harbourtown opening hours: tue-sat 10:00-18:00"
        " reviewed october 2026 · next review october 2029"  # then the edition line, last
    )


WITHOUT_LIBLOUIS = """
import ctypes.util, sys
find = ctypes.util.find_library
ctypes.util.find_library = lambda name: None if name == "louis" else find(name)
from publisher.cli import main
main(sys.argv[1:])
"""


def test_without_liblouis_brf_fails_saying_how_to_install_it(tmp_path: Path) -> None:
    out = tmp_path / "out"
    command = [sys.executable, "-c", WITHOUT_LIBLOUIS, "build", str(CLINIC_FAQ), "-o", str(out)]
    asked = subprocess.run([*command, "-f", "html", "-f", "brf"], capture_output=True, text=True, cwd=ROOT)
    assert asked.returncode == 1
    assert "braille needs liblouis: apt-get install liblouis20" in asked.stderr
    assert "Traceback" not in asked.stderr
    assert not out.exists() or not any(out.iterdir())  # all of a source's outputs or none
    others = subprocess.run([*command, "-f", "html", "-f", "json"], capture_output=True, text=True, cwd=ROOT)
    assert others.returncode == 0, others.stderr
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == ["faq.html", "faq.json"]


def test_check_and_html_builds_never_load_liblouis(tmp_path: Path) -> None:
    probe = (
        "import sys; from publisher.cli import main\n"
        "try:\n    main(sys.argv[1:])\nexcept SystemExit as end:\n    assert not end.code, end.code\n"
        "maps = open('/proc/self/maps').read()\n"
        "print('louis' in maps, 'publisher.renderers.brf.louis' in sys.modules)\n"
    )
    for args in (["check", str(CLINIC_FAQ)], ["build", str(CLINIC_FAQ), "-f", "html", "-o", str(tmp_path)]):
        result = subprocess.run(
            [sys.executable, "-c", probe, *args], capture_output=True, text=True, cwd=ROOT
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.splitlines()[-1] == "False False", args
