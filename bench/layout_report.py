"""Layout report: build each FAQ's PDF leaflet and say how its pages are laid out.

    python bench/layout_report.py [--out DIR] [--json] [SOURCE ...]

A SOURCE is a FAQ file or a folder holding ``faq.md``; the default is every folder under
``tests/corpus`` plus ``source/faq.md``. Each one is built on its own
(``publisher build SRC -f pdf -j 1 --force -q --keep-html``, timed), then judged by
``tests/helpers/layout.py`` (the same code ``tests/test_corpus.py`` uses). One row per source:

- status: ok, or "build failed" with the first line of the error;
- pages;
- worst column difference: how much higher one column ends than the other, in pt, over
  every page where both columns hold text, and "(last)" when that page is the last one
  (uneven ends are expected there, much less elsewhere);
- lone closing: pages holding nothing but the closing block (disclaimer, contact, QR code);
- empty column: pages with a column left empty although the document goes on;
- missing: questions whose text is not in the PDF;
- too wide: lines running across the column gap or past the page's side margins (a table
  too wide for its column is cut off at the paper's edge);
- stranded: pages where a question or section heading is the last text of a column, cut
  off from its answer;
- seconds: wall time of the build.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.helpers.layout import analyse_pdf, print_html_texts, source_questions  # noqa: E402

CORPUS = ROOT / "tests" / "corpus"
EPOCH = "1763856000"
COLUMNS = (
    ("source", 35),
    ("status", 44),
    ("pages", 5),
    ("worst diff pt", 13),
    ("lone closing", 12),
    ("empty column", 12),
    ("missing", 7),
    ("too wide", 8),
    ("stranded", 8),
    ("seconds", 7),
)


@dataclass
class Row:
    """The report's line for one source."""

    source: str
    status: str
    pages: int | None = None
    worst_difference_pt: float | None = None
    worst_is_last_page: bool = False
    lone_closing_pages: list[int] | None = None
    empty_column_pages: list[list[int | str]] | None = None
    missing_questions: list[str] | None = None
    overflow_lines: int = 0
    first_heading_side: str = ""
    stranded_headings: list[list[int | str]] | None = None
    seconds: float = 0.0

    def cells(self) -> list[str]:
        """The row as table cells."""
        if self.pages is None:
            return [self.source, self.status, "", "", "", "", "", "", "", f"{self.seconds:.2f}"]
        worst = "" if self.worst_difference_pt is None else f"{self.worst_difference_pt:.1f}"
        if worst and self.worst_is_last_page:
            worst += " (last)"
        return [
            self.source,
            self.status,
            str(self.pages),
            worst or "-",
            pages_list(self.lone_closing_pages or []) or "-",
            ", ".join(f"p{page} {side}" for page, side in self.empty_column_pages or []) or "-",
            str(len(self.missing_questions or [])),
            str(self.overflow_lines),
            pages_list([page for page, _ in self.stranded_headings or []]) or "-",
            f"{self.seconds:.2f}",
        ]


def pages_list(pages: list[int]) -> str:
    """Page numbers as "p2, p3"."""
    return ", ".join(f"p{page}" for page in pages)


def default_sources() -> list[Path]:
    """Every corpus folder's FAQ, then the clinic's own."""
    found = sorted(folder / "faq.md" for folder in CORPUS.iterdir() if (folder / "faq.md").is_file())
    return [*found, ROOT / "source" / "faq.md"]


def source_file(argument: str) -> Path:
    """A FAQ file from a command-line argument (a file, or a folder holding faq.md)."""
    path = Path(argument)
    return path / "faq.md" if path.is_dir() else path


def source_name(path: Path) -> str:
    """A short name: the corpus folder's name, else the file's path relative to the project."""
    path = path.resolve()
    if path.parent.parent == CORPUS.resolve():
        return path.parent.name
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def build_pdf(source: Path, out: Path) -> tuple[subprocess.CompletedProcess, float]:
    """Build the PDF (and keep its print HTML) with the real command line; return the run and its time."""
    command = [sys.executable, "-m", "publisher", "build", str(source), "-o", str(out)]
    command += ["--force", "-q", "-j", "1", "-f", "pdf", "--keep-html"]
    env = {**os.environ, "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", EPOCH), "NO_COLOR": "1"}
    started = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    return result, time.perf_counter() - started


def first_error(stderr: str, source: Path) -> str:
    """The first line of a build's complaint, without the source's path, and its first item."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    if not lines:
        return "no message"
    first = lines[0]
    if first.startswith("Traceback"):
        return f"crash: {lines[-1]}"
    place = first.find(f"{source.name}:")
    if place >= 0:  # "path/faq.md:10:1: message" -> "10:1: message"
        first = first[place + len(source.name) + 1 :].strip()
    if first.endswith("problems:") and len(lines) > 1:
        first = f"{first} {lines[1]}"
    return first


def report(source: Path, out: Path) -> Row:
    """Build one source into ``out`` and judge its PDF."""
    name = source_name(source)
    result, seconds = build_pdf(source, out)
    pdf = out / f"{source.stem}.pdf"
    if result.returncode != 0 or not pdf.is_file():
        return Row(name, f"build failed: {first_error(result.stderr, source)}", seconds=seconds)
    texts = print_html_texts((out / f"{source.stem}.print.html").read_text(encoding="utf-8"))
    questions = source_questions(source.read_text(encoding="utf-8-sig"))
    layout = analyse_pdf(
        pdf.read_bytes(),
        questions,
        texts.closing,
        texts.first_heading,
        section_titles=texts.sections,
        wide_texts=texts.wide,
    )
    status = "ok" if layout.closing_found else "ok (closing block not found)"
    return Row(
        name,
        status,
        pages=len(layout.pages),
        worst_difference_pt=None if layout.worst_difference is None else round(layout.worst_difference, 1),
        worst_is_last_page=layout.worst_is_last_page,
        lone_closing_pages=layout.lone_closing_pages,
        empty_column_pages=[[page, side] for page, side in layout.empty_column_pages],
        missing_questions=list(layout.missing_questions),
        overflow_lines=layout.overflowing_lines,
        first_heading_side=layout.first_heading_side,
        stranded_headings=[[page, heading] for page, heading in layout.stranded_headings],
        seconds=round(seconds, 2),
    )


def table(rows: list[Row]) -> str:
    """The rows as a fixed-width text table."""
    widths = [width for _, width in COLUMNS]

    def line(cells: list[str]) -> str:
        return "  ".join(
            cut(cell, width).ljust(width) for cell, width in zip(cells, widths, strict=True)
        ).rstrip()

    lines = [line([name for name, _ in COLUMNS]), line(["-" * width for width in widths])]
    return "\n".join(lines + [line(row.cells()) for row in rows])


def cut(text: str, width: int) -> str:
    """Text shortened to ``width`` characters with an ellipsis."""
    return text if len(text) <= width else text[: width - 1] + "…"


def main(argv: list[str] | None = None) -> int:
    """Run the report; exit 0 whatever it finds (it reports, the tests judge)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sources", nargs="*", help="FAQ files or folders holding faq.md")
    parser.add_argument(
        "--out", type=Path, help="keep each build in OUT/<name>/ (default: a temporary folder)"
    )
    parser.add_argument("--json", action="store_true", help="print the rows as JSON instead of a table")
    args = parser.parse_args(argv)
    sources = [source_file(argument) for argument in args.sources] or default_sources()
    with tempfile.TemporaryDirectory(prefix="layout-report-") as scratch:
        base = args.out or Path(scratch)
        rows = []
        for source in sources:
            out = base / source_name(source).replace("/", "_")
            out.mkdir(parents=True, exist_ok=True)
            rows.append(report(source, out))
            if not args.json:
                print(table(rows).splitlines()[-1] if len(rows) > 1 else table(rows), flush=True)
    if args.json:
        print(json.dumps([row.__dict__ for row in rows], indent=2, ensure_ascii=False))
    else:
        problems = [row for row in rows if row.missing_questions]
        for row in problems:
            print(f"\n{row.source}: missing in the PDF: " + "; ".join(row.missing_questions or []))
        overflowing = [row for row in rows if row.overflow_lines]
        for row in rows:
            for page, heading in row.stranded_headings or []:
                print(f"{row.source}: page {page}: heading at the foot of a column: {heading}")
        for row in overflowing:
            print(f"{row.source}: {row.overflow_lines} line(s) cross the column gap or the margin")
    return 0


if __name__ == "__main__":
    sys.exit(main())
