"""The corpus of clinic FAQs (tests/corpus/) through the real command line.

Every source is checked (problems as ``path:line:col: message``, never a traceback), then
built once per session: the PDF on its own (with its print HTML kept) and DOCX, fragment
and JSON together, so a PDF-only failure does not hide the other formats. Then each
built source must have every question in every format, and a leaflet with no column
left empty, no page holding only the closing block, no line wider than its column and
no heading cut off from its answer (tests/helpers/layout.py, the same judge as
``bench/layout_report.py``).

Defects the product has today are listed in KNOWN_DEFECTS, (source, check) -> what is
wrong: those tests are strict xfails, so a fix makes them XPASS and fail until the
entry is removed. Never weaken a check to make a source pass.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from tests.helpers.layout import DocumentReport, analyse_pdf, normalise, print_html_texts, source_questions
from tests.helpers.paths import EPOCH, ROOT
from tests.helpers.tools import require_tool

CORPUS = ROOT / "tests" / "corpus"
NAMES = sorted(folder.name for folder in CORPUS.iterdir() if (folder / "faq.md").is_file())

KNOWN_DEFECTS: dict[tuple[str, str], str] = {}
"""(source, check) -> what is wrong today (issue 13). Remove an entry when its test XPASSes."""

CHECKS = (
    "check",
    "build_pdf",
    "build_others",
    "pdf_questions",
    "empty_column",
    "lone_closing",
    "inside_columns",
    "stranded_heading",
    "reading_direction",
    "docx_questions",
    "fragment_questions",
    "json_questions",
)
RTL_LANGUAGES = frozenset({"ar", "he", "fa", "ur", "yi", "ps", "dv", "ug", "sd", "ckb"})
"""Languages written right to left (primary subtags)."""
PROBLEM_LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<message>.+)$")


def cases(check: str) -> list:
    """Every corpus source for one check, those with a known defect marked as strict xfails."""
    assert check in CHECKS
    params = []
    for name in NAMES:
        reason = KNOWN_DEFECTS.get((name, check))
        marks = [pytest.mark.xfail(strict=True, reason=f"issue 13: {reason}")] if reason else []
        params.append(pytest.param(name, id=name, marks=marks))
    return params


def test_known_defects_name_real_sources_and_checks():
    """Every KNOWN_DEFECTS entry names a corpus source and a check, so none goes stale by a typo."""
    wrong = [key for key in KNOWN_DEFECTS if key[0] not in NAMES or key[1] not in CHECKS]
    assert not wrong, f"KNOWN_DEFECTS entries naming no source or check: {wrong}"


# --- building ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """One command's exit code and what it printed."""

    code: int
    stdout: str
    stderr: str


@dataclass(frozen=True)
class Built:
    """One corpus source built: the PDF build and the DOCX/HTML/JSON build, in their folders."""

    name: str
    check_run: Run
    pdf_run: Run
    others_run: Run
    pdf_dir: Path
    others_dir: Path

    @property
    def source(self) -> Path:
        return CORPUS / self.name / "faq.md"


def publisher(*arguments: str) -> Run:
    """Run the real command line (``python -m publisher``) from the project folder."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_COLOR": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "publisher", *arguments],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    return Run(result.returncode, result.stdout, result.stderr)


def build_one(name: str, folder: Path) -> Built:
    """Check one source, build its PDF with the print HTML, then the other three formats."""
    source = str(CORPUS / name / "faq.md")
    check_run = publisher("check", source)
    pdf_dir, others_dir = folder / name / "pdf", folder / name / "others"
    common = ("--force", "-q", "-j", "1")
    pdf_run = publisher("build", source, "-o", str(pdf_dir), *common, "-f", "pdf", "--keep-html")
    others_run = publisher(
        "build", source, "-o", str(others_dir), *common, "-f", "docx", "-f", "html", "-f", "json"
    )
    return Built(name, check_run, pdf_run, others_run, pdf_dir, others_dir)


@pytest.fixture(scope="session")
def corpus_builds(tmp_path_factory) -> dict[str, Built]:
    """Every corpus source checked and built once per session, side by side on every core."""
    folder = tmp_path_factory.mktemp("corpus")
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        builds = list(pool.map(lambda name: build_one(name, folder), NAMES))
    return {built.name: built for built in builds}


def built_pdf(corpus_builds: dict[str, Built], name: str) -> Built:
    """A source whose PDF built; skip (its build test reports why) when it did not."""
    built = corpus_builds[name]
    if built.pdf_run.code != 0:
        pytest.skip(f"{name}: the PDF does not build (see test_pdf_builds)")
    return built


def built_others(corpus_builds: dict[str, Built], name: str) -> Built:
    """A source whose DOCX, fragment and JSON built; skip when they did not."""
    built = corpus_builds[name]
    if built.others_run.code != 0:
        pytest.skip(f"{name}: DOCX, HTML and JSON do not build (see test_docx_html_json_build)")
    return built


@cache
def questions_of(name: str) -> tuple[str, ...]:
    """The source's questions, read from its Markdown without the product's parser."""
    return tuple(source_questions((CORPUS / name / "faq.md").read_text(encoding="utf-8-sig")))


_layouts: dict[str, DocumentReport] = {}


def layout_of(built: Built) -> DocumentReport:
    """The leaflet's layout report, computed once per source."""
    if built.name not in _layouts:
        require_tool("pdftotext")
        texts = print_html_texts((built.pdf_dir / "faq.print.html").read_text(encoding="utf-8"))
        pdf = (built.pdf_dir / "faq.pdf").read_bytes()
        _layouts[built.name] = analyse_pdf(
            pdf,
            questions_of(built.name),
            texts.closing,
            texts.first_heading,
            section_titles=texts.sections,
            wide_texts=texts.wide,
        )
    return _layouts[built.name]


@cache
def language_of(name: str) -> str:
    """The ``lang`` of a source's front matter ("en" when it has none)."""
    found = re.search(r"^lang:\s*(\S+)", (CORPUS / name / "faq.md").read_text(encoding="utf-8-sig"), re.M)
    return found.group(1) if found else "en"


def missing(questions: tuple[str, ...], found: list[str]) -> list[str]:
    """The questions not among ``found`` (compared without spaces, case and punctuation)."""
    seen = {normalise(text) for text in found}
    return [question for question in questions if normalise(question) not in seen]


# --- checking --------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", cases("check"))
def test_check_reports_problems_as_located_lines(corpus_builds, name):
    """``publisher check`` exits 0 or 1 and explains problems as path:line:col lines, never a traceback."""
    run = corpus_builds[name].check_run
    assert "Traceback" not in run.stderr + run.stdout, run.stderr
    assert run.code in (0, 1), f"exit {run.code}: {run.stderr}"
    if run.code == 1:
        lines = [line for line in run.stderr.splitlines() if line.strip()]
        assert lines, "exit 1 without a message"
        loose = [line for line in lines if not PROBLEM_LINE.match(line)]
        assert not loose, "lines that are not path:line:col: message:\n" + "\n".join(loose)


# --- building --------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", cases("build_pdf"))
def test_pdf_builds(corpus_builds, name):
    """The PDF leaflet builds."""
    run = corpus_builds[name].pdf_run
    assert "Traceback" not in run.stderr, run.stderr
    assert run.code == 0, run.stderr


@pytest.mark.parametrize("name", cases("build_others"))
def test_docx_html_json_build(corpus_builds, name):
    """The Word handout, the HTML fragment and the JSON build."""
    run = corpus_builds[name].others_run
    assert "Traceback" not in run.stderr, run.stderr
    assert run.code == 0, run.stderr


# --- the PDF leaflet ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", cases("pdf_questions"))
def test_pdf_has_every_question(corpus_builds, name):
    """Every question's text is in the PDF's text (searchable and copyable)."""
    layout = layout_of(built_pdf(corpus_builds, name))
    assert not layout.missing_questions, f"not in the PDF's text: {list(layout.missing_questions)}"


@pytest.mark.parametrize("name", cases("empty_column"))
def test_pdf_has_no_empty_column(corpus_builds, name):
    """No page leaves a column empty while the leaflet goes on (a blank half page wastes paper)."""
    layout = layout_of(built_pdf(corpus_builds, name))
    assert not layout.empty_column_pages, f"(page, empty column): {layout.empty_column_pages}"


@pytest.mark.parametrize("name", cases("lone_closing"))
def test_pdf_has_no_lone_closing_page(corpus_builds, name):
    """No page holds only the closing block (disclaimer, contact, QR code): a sheet for a footnote."""
    layout = layout_of(built_pdf(corpus_builds, name))
    assert layout.closing_found, "the closing block's first line is not in the PDF"
    assert not layout.lone_closing_pages, f"pages with only the closing block: {layout.lone_closing_pages}"


@pytest.mark.parametrize("name", cases("inside_columns"))
def test_pdf_text_stays_inside_its_column(corpus_builds, name):
    """No line runs across the column gap or past the side margins (a wide table gets cut off)."""
    layout = layout_of(built_pdf(corpus_builds, name))
    wide = [(p.number, p.overflow, p.outside) for p in layout.pages if p.overflow or p.outside]
    assert not wide, f"(page, lines across the column gap, lines past the margins): {wide}"


@pytest.mark.parametrize("name", cases("stranded_heading"))
def test_pdf_has_no_heading_at_the_foot_of_a_column(corpus_builds, name):
    """No question or section heading ends a column with its answer in the next one (README's promise)."""
    layout = layout_of(built_pdf(corpus_builds, name))
    stranded = layout.stranded_headings
    assert not stranded, f"(page, heading) at the foot of a column: {stranded}"


@pytest.mark.parametrize("name", cases("reading_direction"))
def test_pdf_columns_start_where_the_script_is_read(corpus_builds, name):
    """The first heading tops the first column: the left one, or the right one in a right-to-left script."""
    layout = layout_of(built_pdf(corpus_builds, name))
    rtl = language_of(name).split("-")[0].lower() in RTL_LANGUAGES
    expected = "right" if rtl else "left"
    assert layout.first_heading_side == expected, (
        f"the first heading is in the {layout.first_heading_side or 'no'} column, not the {expected} one"
    )


# --- the other formats -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", cases("docx_questions"))
def test_docx_has_every_question(corpus_builds, name):
    """Every question is a Heading 2 paragraph of the Word handout."""
    import docx

    document = docx.Document(str(built_others(corpus_builds, name).others_dir / "faq.docx"))
    headings = [p.text for p in document.paragraphs if p.style is not None and p.style.name == "Heading 2"]
    assert not missing(questions_of(name), headings), f"headings found: {headings}"


@pytest.mark.parametrize("name", cases("fragment_questions"))
def test_fragment_has_every_question(corpus_builds, name):
    """Every question is the heading inside a <summary> of the HTML fragment."""
    import lxml.html

    fragment = (built_others(corpus_builds, name).others_dir / "faq.html").read_text(encoding="utf-8")
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    summaries = [" ".join(summary.text_content().split()) for summary in root.iter("summary")]
    assert not missing(questions_of(name), summaries), f"summaries found: {summaries}"


@pytest.mark.parametrize("name", cases("json_questions"))
def test_json_has_every_question(corpus_builds, name):
    """Every question is an entry of the JSON, in source order."""
    data = json.loads((built_others(corpus_builds, name).others_dir / "faq.json").read_text(encoding="utf-8"))
    questions = [entry["question"] for entry in data["entries"]]
    assert not missing(questions_of(name), questions), f"questions found: {questions}"
    assert [normalise(q) for q in questions] == [normalise(q) for q in questions_of(name)]
