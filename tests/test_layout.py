"""Leaflet layout (issue 13): wide tables across the page, long tables split, no lone closing page.

Positions are read back from the PDF with poppler (``tests/helpers/layout.py``), never
from WeasyPrint's boxes: the tests judge what a reader sees. Sources are built as the
command line builds them: with the brand file beside them and the build's facts.
"""

from __future__ import annotations

import io
import re
import subprocess
from functools import cache
from pathlib import Path

import pytest

from publisher.brandfile import find_brand
from publisher.facts import source_date_epoch, with_facts
from publisher.model import Table
from publisher.parse import parse_source
from publisher.renderers import Theme
from publisher.renderers.pdf import balance, last_page, render
from publisher.renderers.pdf.print_html import print_html
from publisher.renderers.pdf.views import PrintEntry, PrintSection
from publisher.renderers.pdf.wide import column_runs, is_wide
from publisher.text import inline_text
from publisher.walk import answer_blocks
from tests.helpers.layout import (
    Geometry,
    analyse_pdf,
    normalise,
    pdf_pages,
    print_html_texts,
    source_questions,
)
from tests.helpers.paths import CLINIC_FAQ, TESTS
from tests.helpers.tools import require_tool

CORPUS = TESTS / "corpus"
WIDE = CORPUS / "travel-vaccination-en-15-wide-table" / "faq.md"
PRICE_LIST = CORPUS / "dental-en-8-price-list" / "faq.md"
LONE_CLOSING = (
    "dermatology-en-8-svg",
    "hearing-tr-8",
    "podiatry-pl-8",
    "ivf-en-40",
    "smp-en-8-png",
    "travel-vaccination-en-15-wide-table",
    "vaccination-de-25-table",
)
"""Corpus sources whose closing block sat alone on the last page."""
EVEN_LAST_PAGE = ("dermatology-en-1-long", "gp-en-60", "gp-en-15-links", "optician-en-8")
"""Corpus sources whose last page can end its columns within two lines of each other."""
LOOSENED = (
    CLINIC_FAQ,
    CORPUS / "counselling-en-8" / "faq.md",
    CORPUS / "dental-en-8-price-list" / "faq.md",
    CORPUS / "fertility-he-8-rtl" / "faq.md",
)
"""Sources whose last page is laid out again with short answers split (balance.py): more even."""
SPLIT_TO_BALANCE = (CLINIC_FAQ,)
"""Of those, the ones whose last page then ends its columns within two lines."""
HYPHENS = "-\u2010\u00ad"
TWO_LINES_PT = 29.0
"""Two lines of 12pt text at line-height 1.4 (33.6 pt), less a little: the balance allowed."""


@cache
def build(source: Path) -> tuple[bytes, str]:
    """The PDF and print HTML of a source as ``publisher build`` makes them (conftest pins the epoch)."""
    document = parse_source(source)
    theme = with_facts(document, Theme(brand=find_brand(None, source)), source_date_epoch())
    return render.render_pdf(document, theme).data, print_html(document, theme)


def layout_of(source: Path):
    """The layout report of a source's leaflet."""
    return layout_of_pdf(*build(source), source)


def layout_of_pdf(pdf: bytes, html: str, source: Path):
    """The layout report of a leaflet built from ``source``, given its PDF and print HTML."""
    require_tool("pdftotext")
    texts = print_html_texts(html)
    questions = source_questions(source.read_text(encoding="utf-8-sig"))
    return analyse_pdf(
        pdf,
        questions,
        texts.closing,
        texts.first_heading,
        section_titles=texts.sections,
        wide_texts=texts.wide,
    )


def tables_of(source: Path) -> list[Table]:
    return [block for block in answer_blocks(parse_source(source)) if isinstance(block, Table)]


def table_cells(source: Path) -> list[list[str]]:
    """The text of every cell of the source's tables, row by row (header first)."""
    return [
        [inline_text(cell.children) for cell in row]
        for table in tables_of(source)
        for row in (table.header, *table.rows)
    ]


# --- which tables are wide, and how the print HTML is cut around them ------------------------------


def test_narrow_tables_stay_in_the_column():
    """Two- and three-column price tables are not wide; a seven-column schedule is."""
    for name, expected in (("smp-en-8-png", False), ("physio-en-25", False), (WIDE.parent.name, True)):
        tables = tables_of(CORPUS / name / "faq.md")
        assert tables and {is_wide(table, "a4") for table in tables} == {expected}, name


def test_long_words_make_a_narrow_table_wide():
    """Two columns are wide when their longest words cannot fit a column side by side."""
    assert not is_wide(one_table("Immunoglobulinreplacement"), "a4")  # 25 + 4 characters: about 210 pt
    assert is_wide(one_table("Immunoglobulinreplacementtherapy"), "a4")  # 32 + 4: about 255 pt


def one_table(word: str) -> Table:
    """The table of a one-question FAQ whose one row holds ``word``."""
    from publisher.parse import parse

    markdown = f"---\ntitle: T\n---\n\n## Q?\n\n| Name | Note |\n|---|---|\n| {word} | x |\n"
    (table,) = [block for block in answer_blocks(parse(markdown, Path("faq.md"))) if isinstance(block, Table)]
    return table


def entry(name: str, wide: bool = False) -> PrintEntry:
    return PrintEntry(name, name, name, short=True, wide=wide)


def test_runs_cut_around_a_wide_entry_keep_the_heading_with_it():
    """The section title goes with the wide entry when it is the first; later parts repeat no title."""
    first = PrintSection("a", "A", (entry("a1"), entry("a2")))
    second = PrintSection("b", "B", (entry("b1", wide=True), entry("b2")))
    runs = column_runs((first, second))
    assert [run.wide for run in runs] == [False, True, False]
    assert [[(s.id, s.opens, [e.id for e in s.entries]) for s in run.sections] for run in runs] == [
        [("a", True, ["a1", "a2"])],
        [("b", True, ["b1"])],
        [("b", False, ["b2"])],
    ]


def test_a_faq_without_wide_tables_is_one_run_as_before():
    html = build(CLINIC_FAQ)[1]
    assert '<main class="faq">' in html
    assert '<div class="column-set">' not in html and 'class="section wide"' not in html


def test_wide_entry_is_set_between_column_sets():
    html = build(WIDE)[1]
    assert '<main class="faq switches">' in html
    assert html.count('class="section wide"') == 1
    assert html.count('<div class="column-set">') == 2


# --- what the reader sees ---------------------------------------------------------------------------


def test_wide_table_spans_the_page():
    """Each row's first cell sits in the left column and its last cell in the right one."""
    require_tool("pdftotext")
    pages = pdf_pages(build(WIDE)[0], split_gap=4.0)
    geometry, width = Geometry.shipped(), pages[0].width
    for row in table_cells(WIDE)[1:]:
        start = normalise(row[0].split()[0])
        first = [c for p in pages for c in p.clusters if normalise(c.text).startswith(start)]
        last = [c for p in pages for c in p.clusters if normalise(c.text) == normalise(row[-1])]
        assert first and last, f"row {row[0]!r} not found"
        assert min(c.x0 for c in first) < geometry.left_column_end(width) / 2
        assert max(c.x1 for c in last) > geometry.right_column_start(width)


def test_wide_table_text_is_all_on_the_page():
    """Nothing is clipped: every word of every cell is in the PDF (poppler drops what is off the page)."""
    require_tool("pdftotext")
    pages = pdf_pages(build(WIDE)[0], split_gap=4.0)
    words = [word for page in pages for cluster in page.clusters for word in cluster.text.split()]
    printed = {normalise(word) for word in words}
    # A word hyphenated at the end of a line ("en-" then "cephalitis") counts too.
    starts = {normalise(word) for word in words if word[-1] in HYPHENS}
    cells = [normalise(word) for row in table_cells(WIDE) for cell in row for word in cell.split()]
    missing = [
        word
        for word in cells
        if word not in printed and not any(word.startswith(s) and word[len(s) :] in printed for s in starts)
    ]
    assert not missing


@pytest.mark.parametrize(
    "source", [WIDE, CORPUS / "vaccination-de-25-table" / "faq.md"], ids=lambda p: p.parent.name
)
def test_wide_table_leaflet_is_judged_clean(source):
    """Every question found, no column empty, nothing across the gap or the margins, no lone closing page."""
    layout = layout_of(source)
    assert not layout.missing_questions
    assert not layout.empty_column_pages
    assert not layout.overflowing_lines
    assert not layout.lone_closing_pages


def test_long_price_list_starts_on_page_one():
    """A 36-row fee table splits between rows in the column: page 1 is not just the title block."""
    layout = layout_of(PRICE_LIST)
    assert not layout.empty_column_pages
    assert not layout.stranded_headings
    assert len(layout.pages) == 2
    pages = pdf_pages(build(PRICE_LIST)[0], split_gap=4.0)
    first_page = normalise(" ".join(c.text for c in pages[0].clusters))
    assert normalise("New patient examination") in first_page
    # The header row repeats where the table goes on.
    assert sum(normalise(c.text) == "treatment" for p in pages for c in p.clusters) >= 2


def closing_only_pages(pdf: bytes, html: str) -> list[int]:
    """Pages whose every line is closing material (disclaimer, contact details, QR caption)."""
    closing = normalise(" ".join(print_html_texts(html).closing))
    geometry = Geometry.shipped()
    lone = []
    for number, page in enumerate(pdf_pages(pdf, split_gap=geometry.column_gap * 0.6), start=1):
        body = [c for c in page.clusters if c.y0 < page.height - geometry.margin_bottom]
        if body and all(normalise(c.text) in closing for c in body):
            lone.append(number)
    return lone


@pytest.mark.parametrize("name", LONE_CLOSING)
def test_closing_block_never_sits_alone(name):
    require_tool("pdftotext")
    pdf, html = build(CORPUS / name / "faq.md")
    assert not closing_only_pages(pdf, html)
    assert not layout_of(CORPUS / name / "faq.md").lone_closing_pages


def test_second_pass_only_for_a_lone_closing_page(monkeypatch):
    """The common case lays out once; a lone closing page costs one more layout."""
    calls = []
    original = render.lay_out
    monkeypatch.setattr(render, "lay_out", lambda *a, **k: calls.append(1) or original(*a, **k))
    build.__wrapped__(CORPUS / "optician-en-8" / "faq.md")
    assert len(calls) == 1
    build.__wrapped__(CORPUS / "hearing-tr-8" / "faq.md")
    assert len(calls) == 3


@pytest.mark.parametrize("name", EVEN_LAST_PAGE)
def test_last_page_columns_end_within_two_lines(name):
    last = layout_of(CORPUS / name / "faq.md").pages[-1].column_difference
    assert last is None or last <= TWO_LINES_PT


@pytest.mark.parametrize("source", SPLIT_TO_BALANCE, ids=lambda path: path.parent.name)
def test_short_answers_split_on_the_last_page_to_even_its_columns(source):
    """Kept whole, these short answers ended the last page's columns more than two lines apart."""
    last = layout_of(source).pages[-1].column_difference
    assert last is not None and last <= TWO_LINES_PT


@pytest.mark.parametrize("source", LOOSENED, ids=lambda path: path.parent.name)
def test_split_answers_keep_their_question(source):
    """A question never ends a column once answers may split: it keeps its answer's first lines."""
    layout = layout_of(source)
    assert not layout.stranded_headings
    assert not layout.missing_questions
    assert not layout.lone_closing_pages


class Made(list):
    """Pages made, as (index, page box, resume point); ``root`` is the box tree they were made from."""

    root = None


def made_pages(monkeypatch) -> Made:
    """Every page WeasyPrint makes from now on, as (index, page box, resume point), in order."""
    from weasyprint.layout import page

    last_page.install()
    made = Made()
    inner = page.remake_page.wrapped  # WeasyPrint's own, under the balancing

    def recording(index, context, root_box, html):
        box, resume_at = inner(index, context, root_box, html)
        made.append((index, box, resume_at))
        made.root = root_box
        return box, resume_at

    monkeypatch.setattr(page, "remake_page", last_page.balancing(recording))
    return made


def test_balancing_loosens_only_long_enough_answers_after_the_page_top(monkeypatch):
    """Only the last page is made again, loosening answers of four lines or more, never its first entry."""
    made = made_pages(monkeypatch)
    build.__wrapped__(CLINIC_FAQ)
    assert [index for index, _, _ in made] == [0, 1, 1]  # page 2 (the last) twice, page 1 once
    (_, first, _), (_, second, resume_at) = made[1:]
    assert resume_at is None
    entries = [e for c in balance.last_column_set(first) for e in balance.entry_boxes(c)]
    loose = balance.loosened(first)
    assert loose and balance.question_id(entries[0]) not in loose
    for entry in entries:
        if balance.question_id(entry) in loose:
            assert (
                "short" in balance.classes(entry) and balance.answer_lines(entry) >= balance.MIN_SPLIT_LINES
            )
    assert balance.uneven_end(second) < balance.uneven_end(first) - balance.ONE_LINE_PX
    assert balance.more_even(first, second)


def test_the_tight_page_is_kept_when_loosening_is_no_more_even(monkeypatch):
    """The loosened page is made with split answers, but the tight one is kept when it is no worse."""
    made = made_pages(monkeypatch)
    monkeypatch.setattr(balance, "more_even", lambda first, second: False)
    pdf, html = build.__wrapped__(CLINIC_FAQ)
    assert [index for index, _, _ in made] == [0, 1, 1]
    tight, loose = (
        [e for c in balance.last_column_set(box) for e in balance.entry_boxes(c)] for _, box, _ in made[1:]
    )
    assert all(entry.style["break_inside"] == "avoid" for entry in tight if "short" in balance.classes(entry))
    assert any(entry.style["break_inside"] == "auto" for entry in loose if "short" in balance.classes(entry))
    assert layout_of_pdf(pdf, html, CLINIC_FAQ).pages[-1].column_difference > TWO_LINES_PT
    # The box tree's loosened styles were put back: a page made again later starts tight.
    entries = [box for box in balance.descendants(made.root) if box.element_tag == "article"]
    short = [box for box in entries if "short" in balance.classes(box)]
    assert short and all(box.style["break_inside"] == "avoid" for box in short)


def test_a_failed_loosening_keeps_the_tight_page(monkeypatch):
    """Whatever goes wrong making the page again, the leaflet is built, as first laid out."""

    def broken(*args):
        raise RuntimeError("an unforeseen box tree")

    monkeypatch.setattr(last_page, "loosen", broken)
    pdf, html = build.__wrapped__(CLINIC_FAQ)
    assert layout_of_pdf(pdf, html, CLINIC_FAQ).pages[-1].column_difference > TWO_LINES_PT


def test_no_balancing_try_for_an_even_last_page(monkeypatch):
    made = made_pages(monkeypatch)
    build.__wrapped__(CORPUS / "optician-en-8" / "faq.md")
    assert [index for index, _, _ in made] == list(range(len(made)))  # no page made twice


# --- accessibility ----------------------------------------------------------------------------------


def structure_roles(pdf: bytes) -> list[str]:
    """The structure types of the PDF's tag tree, depth first (pypdf)."""
    import pypdf

    roles: list[str] = []
    stack = [pypdf.PdfReader(io.BytesIO(pdf)).trailer["/Root"]["/StructTreeRoot"]]
    while stack:
        node = stack.pop()
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, list):
            stack.extend(reversed(node))
            continue
        if not hasattr(node, "get"):
            continue  # a marked-content id
        if "/S" in node:
            roles.append(str(node["/S"]).lstrip("/"))
        if "/K" in node:
            stack.append(node["/K"])
    return roles


def test_wide_table_leaflet_stays_tagged(tmp_path):
    """PDF/UA: the leaflet cut around a wide table is still tagged, headings and table included."""
    pdf = build(WIDE)[0]
    path = tmp_path / "wide.pdf"
    path.write_bytes(pdf)
    info = subprocess.run([require_tool("pdfinfo"), str(path)], capture_output=True, text=True, check=True)
    assert re.search(r"^Tagged:\s+yes$", info.stdout, re.M)
    roles = structure_roles(pdf)
    assert {"H1", "H2", "H3", "Table", "TH", "TD", "TR"} <= set(roles), sorted(set(roles))
    rows = len(table_cells(WIDE))
    assert roles.count("TR") >= rows
