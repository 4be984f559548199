"""Nothing is lost (issue 19): every word of the source is in every format's text.

A source `check` accepts is built in the four default formats, each read back as
text (the PDF with pypdf, the Word file's paragraphs, table cells, headers and
footers, the fragment's text without its script and style, the JSON's text
fields), and every word of the source must be there as often as the source has it.
The inputs are the accepted hostile sources, every clinic source of the corpus,
stress sources made here (a table at the column limit full of long words and
numbers, 200-character code lines, words of 60 to 100 letters in every place a
word goes, long addresses, ``<br>`` in cells, emoji) and drawn Markdown.

Words are compared on a stream of letters and digits (case folded, NFKC), so a word
the PDF breaks across lines, with or without a hyphen, a zero-width space or a word
joiner, still counts; the extra words a format adds (labels, printed addresses) do
not matter. Image descriptions are not page text (the PDF and Word keep them as
alternative text) and are left out of the source's words.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn
from hypothesis import HealthCheck, assume, given, settings
from lxml import etree, html

from publisher.cli import main
from publisher.limits import MAX_TABLE_COLUMNS
from publisher.model import Document, Image, List
from publisher.parse import parse_source
from publisher.text import PlainText
from tests.helpers.paths import TESTS
from tests.helpers.pdf import page_size, read
from tests.helpers.strategies import markdown_body
from tests.helpers.tools import require_tool
from tests.helpers.word import open_docx
from tests.test_fuzz import folder_with_pictures
from tests.test_hostile import CORPUS as HOSTILE
from tests.test_hostile import GENERATED

CLINICS = sorted(folder.name for folder in (TESTS / "corpus").iterdir() if (folder / "faq.md").is_file())
FORMATS = ("pdf", "docx", "html", "json")
WORD = re.compile(r"[^\W_]+")
"""A word: a run of letters and digits (combining marks and punctuation end it)."""


# --- the source's words --------------------------------------------------------------------


class PageText(PlainText):
    """The model's plain text without image descriptions and list numbers.

    No format prints an image's description as page text, and a numbered list's
    numbers are the list's markers (the fragment's ``<ol>``, Word's numbering), not words.
    """

    def visit_image(self, node: Image) -> str:
        return ""

    def visit_list(self, node: List) -> str:
        return "\n".join(self.visit(item) for item in node.items)


def source_text(document: Document) -> str:
    """Every text of the source a reader sees: title, subtitle, disclaimer, intros, sections, entries."""
    text = PageText()
    parts = [document.meta.title, document.meta.subtitle, text.inlines(document.meta.disclaimer)]
    parts.append(text.blocks(document.intro))
    for section in document.sections:
        parts += [text.inlines(section.title), text.blocks(section.intro)]
        for entry in section.entries:
            parts += [text.inlines(entry.question), text.blocks(entry.answer)]
    return "\n".join(parts)


def words(text: str) -> list[str]:
    """The words of a text, compared as the formats' streams are (NFKC, case folded)."""
    return WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def stream(text: str) -> str:
    """A format's text as one run of letters and digits: line breaks, hyphenation and break marks gone."""
    return "".join(words(text))


# --- each format's text --------------------------------------------------------------------


FOOTER_POINTS = 18 / 25.4 * 72
"""The page's bottom margin (print.css: 18 mm), where the running footer is drawn."""


def pdf_text(path: Path) -> str:
    """The text of every page above the running footer, as pypdf reads it.

    pypdf reads in drawing order, so a word hyphenated inside a table cell stays whole
    ("interme-" + "diate"; pdftotext reads the next cell between them) and Arabic
    ligatures keep their letters' order. The footer ("Clinic  Page 2 of 5") is left out:
    it is drawn between the halves of a word or code line that runs on to the next page.
    """
    pieces: list[str] = []

    def keep(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        baseline = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        if not text.strip() or baseline > FOOTER_POINTS:
            pieces.append(text)

    for page in read(path.read_bytes()).pages:
        page.extract_text(visitor_text=keep)
        pieces.append("\n")
    return "".join(pieces)


def pdf_paper_text(path: Path) -> str:
    """The text drawn on the paper above the footer: pdftotext drops characters outside the page."""
    width, height = page_size(read(path.read_bytes()))
    crop = ["-x", "0", "-y", "0", "-W", str(int(width)), "-H", str(int(height - FOOTER_POINTS))]
    done = subprocess.run(
        [require_tool("pdftotext"), "-enc", "UTF-8", *crop, str(path), "-"],
        capture_output=True,
        check=True,
        timeout=60,
    )
    return done.stdout.decode("utf-8")


def off_the_paper(path: Path) -> str:
    """Letters and digits the PDF draws outside the page (pypdf reads them, pdftotext does not)."""
    drawn = Counter(stream(pdf_text(path)))
    on_paper = Counter(stream(pdf_paper_text(path)))
    return "".join(sorted((drawn - on_paper).elements()))


def docx_text(path: Path) -> str:
    """Every paragraph of the Word file's body (table cells and text boxes too), headers and footers."""
    document = open_docx(path.read_bytes())
    roots = [document.element.body]
    for part in document.part.package.parts:
        if re.fullmatch(r"/word/(header|footer)\d*\.xml", str(part.partname)):
            roots.append(etree.fromstring(part.blob))
    texts = qn("w:t"), qn("w:tab"), qn("w:br")
    lines = []
    for root in roots:
        for paragraph in root.iter(qn("w:p")):
            runs = (node.text or "" if node.tag == texts[0] else " " for node in paragraph.iter(*texts))
            lines.append("".join(runs))
    return "\n".join(lines)


def fragment_text(path: Path) -> str:
    """The fragment's text content, without its style sheet, script and JSON-LD (which repeats the text)."""
    root = html.fragment_fromstring(path.read_text(encoding="utf-8"), create_parent="div")
    for node in root.xpath(".//script|.//style"):
        node.drop_tree()
    return " ".join(root.itertext())


def json_text(path: Path) -> str:
    """The JSON's text fields: title, subtitle, intro, disclaimer, section titles and intros, entries."""
    data = json.loads(path.read_text(encoding="utf-8"))

    def plain(value) -> str:
        return (value or {}).get("text", "") if isinstance(value, dict) else value or ""

    parts = [data["title"], data["subtitle"] or "", plain(data["intro"]), plain(data["disclaimer"])]
    parts += [text for s in data["sections"] for text in (s["title"] or "", plain(s["intro"]))]
    parts += [text for e in data["entries"] for text in (e["question"], e["answer_text"])]
    return "\n".join(parts)


READERS: dict[str, tuple[str, Callable[[Path], str]]] = {
    "pdf": (".pdf", pdf_text),
    "docx": (".docx", docx_text),
    "html": (".html", fragment_text),
    "json": (".json", json_text),
}


# --- building and comparing ----------------------------------------------------------------


def run(*args: str) -> tuple[int, str]:
    """The real command line, in this process (a subprocess per source would double the time)."""
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def accepted(source: Path) -> bool:
    """True when `check` accepts the source (and the brand file beside it)."""
    return run("check", str(source))[0] == 0


def lost_words(source: Path, formats: Iterable[str] = FORMATS) -> dict[str, list[str]]:
    """Build ``source`` and give, per format, the source's words its text lacks (none: nothing lost)."""
    out = source.parent / "out"
    flags = [option for fmt in formats for option in ("-f", fmt)]
    code, output = run("build", str(source), "-o", str(out), *flags, "-j", "1", "-q", "--force")
    assert code == 0, output
    wanted = Counter(words(source_text(parse_source(source))))
    lost = {}
    for fmt in formats:
        suffix, reader = READERS[fmt]
        found = [stream(reader(out / (source.stem + suffix)))]
        if fmt == "pdf":  # pypdf reads Arabic-Indic numbers backwards; pdftotext reads them right
            found.append(stream(pdf_paper_text(out / (source.stem + suffix))))
        missing = sorted(w for w, count in wanted.items() if all(text.count(w) < count for text in found))
        if missing:
            lost[fmt] = missing
    if "pdf" in formats and (outside := off_the_paper(out / (source.stem + ".pdf"))):
        lost["pdf, drawn off the page"] = [outside]
    return lost


def assert_nothing_lost(source: Path, formats: Iterable[str] = FORMATS) -> None:
    """`check` accepts the source, and every format built from it holds every word of it."""
    assert accepted(source), run("check", str(source))[1]
    lost = lost_words(source, formats)
    assert not lost, "words lost: " + "; ".join(
        f"{fmt}: {', '.join(w[:60] for w in ws[:20])}" for fmt, ws in lost.items()
    )


# --- (a) hostile sources that `check` accepts ------------------------------------------------

HOSTILE_BUILT = sorted(name for name, case in GENERATED.items() if not case.where)


@pytest.mark.parametrize("name", HOSTILE_BUILT)
def test_no_word_of_an_accepted_hostile_source_is_lost(name: str, tmp_path: Path):
    GENERATED[name].make(tmp_path)
    assert_nothing_lost(tmp_path / "faq.md")


def test_no_word_of_an_accepted_hostile_corpus_source_is_lost(tmp_path: Path):
    """The committed hostile cases are refused today; any that `check` comes to accept is held here too."""
    for folder in sorted(HOSTILE.iterdir()):
        copy = tmp_path / folder.name
        shutil.copytree(folder, copy)
        if accepted(copy / "faq.md"):
            assert_nothing_lost(copy / "faq.md")


# --- (b) the clinic corpus ---------------------------------------------------------------------


@pytest.mark.parametrize("name", CLINICS)
def test_no_word_of_a_clinic_source_is_lost(name: str, tmp_path: Path):
    shutil.copytree(TESTS / "corpus" / name, tmp_path / name)
    assert_nothing_lost(tmp_path / name / "faq.md")


# --- (c) stress sources ------------------------------------------------------------------------

FRONT = "---\ntitle: Stress test\nlang: en\n---\n\n"
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def long_word(length: int, seed: int) -> str:
    """A word of ``length`` letters, different for each seed (so a lost one is not found elsewhere)."""
    return "".join(LETTERS[(seed * 7 + i * (seed % 5 + 1)) % 26] for i in range(length))


def wide_table() -> str:
    """A table at the column limit: long words and long numbers in every cell, a <br> in some."""
    columns = MAX_TABLE_COLUMNS
    head = [long_word(30 + i, i).capitalize() for i in range(columns)]
    rows = []
    for row in range(3):
        cells = []
        for col in range(columns):
            seed = 100 + row * columns + col
            number = str(10**19 + seed * 987654321)
            cells.append(f"{long_word(30 + (seed % 11), seed)}<br>{number}" if col % 3 == 0 else number)
        rows.append(cells)
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * columns]
    lines += ["| " + " | ".join(cells) + " |" for cells in rows]
    return "\n".join(lines)


STRESS = {
    "table-at-the-column-limit": FRONT + "## What does the price list hold?\n\n" + wide_table() + "\n",
    "code-lines-200": FRONT
    + "## How do I set the reminder?\n\n```\n"
    + "\n".join(" ".join(long_word(9, i * 20 + j) for j in range(20)) for i in range(4))
    + "\n```\n\nAnd indented:\n\n    "
    + "".join(long_word(10, 90 + j) for j in range(20))
    + "\n",
    "long-words-everywhere": "---\ntitle: "
    + long_word(70, 1)
    + "\nsubtitle: "
    + long_word(65, 2)
    + "\ndisclaimer: "
    + long_word(80, 3)
    + "\nlang: en\n---\n\n"
    + long_word(60, 4)
    + " opens the leaflet.\n\n# "
    + long_word(75, 5)
    + "\n\n"
    + long_word(62, 6)
    + " introduces the section.\n\n## Is "
    + long_word(90, 7)
    + " a word?\n\nYes: "
    + long_word(100, 8)
    + ", *"
    + long_word(85, 9)
    + "* and **"
    + long_word(64, 10)
    + "**.\n\n- "
    + long_word(95, 11)
    + "\n- short item then "
    + long_word(66, 12)
    + "\n  - nested "
    + long_word(77, 13)
    + "\n\n1. "
    + long_word(99, 14)
    + "\n\n> "
    + long_word(88, 15)
    + "\n\n### "
    + long_word(72, 16)
    + "\n\nThe end.\n",
    "long-addresses": FRONT
    + "## Where can I read more?\n\n"
    + "[https://www.clinic.example/patients/"
    + "/".join(long_word(25, 20 + i) for i in range(6))
    + "?appointment=1234567890123456](https://www.clinic.example/a)\n\n"
    + "Or <https://records.clinic.example/"
    + "-".join(long_word(20, 30 + i) for i in range(8))
    + "/0123456789012345678901234567890> and "
    + "<"
    + long_word(40, 40)
    + "@clinic.example>.\n\n"
    + "| Link | Address |\n|---|---|\n| Records | https://records.clinic.example/"
    + long_word(60, 41)
    + "/"
    + long_word(45, 42)
    + " |\n",
    "emoji-and-breaks": FRONT
    + "## Which 😀 symbols 🦷 show?\n\n"
    + "Smile 😀 tooth 🦷 needle 💉 family 👨‍👩‍👧 flag 🇬🇧 done.\n\n"
    + "| Sign | Means |\n|---|---|\n| 💉 | vaccine<br>given<br>"
    + long_word(50, 50)
    + " |\n| 🦷<br>tooth | dental 👍 check |\n\n"
    + "Line one  \nline two\\\nline three 12345678901234567890123456789012345678901234567890\n",
}


@pytest.mark.parametrize("name", STRESS)
def test_no_word_of_a_stress_source_is_lost(name: str, tmp_path: Path):
    source = tmp_path / "faq.md"
    source.write_text(STRESS[name], encoding="utf-8")
    assert_nothing_lost(source)


# --- (d) drawn Markdown ------------------------------------------------------------------------


@settings(
    max_examples=int(os.environ.get("NO_WORD_LOST_EXAMPLES", "10")),
    deadline=None,  # a build takes a second on a loaded machine; the count bounds the test's time
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
)
@given(body=markdown_body)
def test_no_word_of_drawn_markdown_is_lost(body: str):
    with tempfile.TemporaryDirectory() as name:
        source = folder_with_pictures(Path(name)) / "faq.md"
        source.write_text(FRONT + "## Question?\n\n" + body + "\n", encoding="utf-8", errors="surrogatepass")
        assume(accepted(source))
        lost = lost_words(source)
        assert not lost, lost
