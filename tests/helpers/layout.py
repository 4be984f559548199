"""How a PDF leaflet is laid out, read back from the PDF: columns, closing block, questions.

Shared by ``bench/layout_report.py`` and ``tests/test_corpus.py`` so the report and the
tests judge a leaflet the same way. Words and their boxes come from poppler's
``pdftotext -bbox-layout``; the page's margins and the column gap come from the print
stylesheet (``templates/print/print.css``), the page size from the PDF itself.

What is found, per page:

- the *title band* (page 1: everything above the first section or question heading),
  the *closing band* (from the first line of the closing block, the disclaimer or the
  contact block, to the end of the document) and the footer (the bottom page margin)
  are set apart; the rest is the two-column region;
- a closing block that starts in the right column (set at the end of the last column) is
  only the right column from there on: questions beside it in the left one are columns;
- in the column region, rows of an entry set across the page (a wide table's, given by
  the print HTML's ``section wide`` texts) are a *full-width* stretch: neither column,
  and not too wide;
- in the column region, which column holds text, and where each column's text ends;
- a page holding only closing material (a "lone closing page"), and a column left empty
  while more of the document follows ("empty column");
- questions whose text is nowhere in the PDF.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRINT_CSS = ROOT / "templates" / "print" / "print.css"
UNITS_PT = {"pt": 1.0, "mm": 72 / 25.4, "cm": 72 / 2.54, "in": 72.0, "px": 0.75, "pc": 12.0}
TOLERANCE_PT = 2.0
"""Slack when deciding which column a line sits in (glyph side bearings, rounding)."""
MIN_MATCH_CHARS = 4
"""A line must hold at least this much of a heading (or all of a shorter one) to be taken for it."""
MAX_HEADING_LINES = 4
"""A heading is at most this many lines long in a column."""
PARTIAL_CHARS = 16
"""A text cut off by a column or page break is recognised from this many characters of it."""
INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"))
INVISIBLE.update(dict.fromkeys(range(0x202A, 0x202F)))
INVISIBLE.update(dict.fromkeys(range(0x2066, 0x206A)))
LAM_ALEF = frozenset("\u0644\u0622\u0623\u0625\u0627")
WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', re.DOTALL
)
PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.DOTALL)
LINE = re.compile(r"<line [^>]*>(.*?)</line>", re.DOTALL)


# --- geometry from the stylesheet --------------------------------------------------------------


@dataclass(frozen=True)
class Geometry:
    """Page margins and column layout in pt, as the print stylesheet sets them."""

    margin_top: float
    margin_right: float
    margin_bottom: float
    margin_left: float
    column_gap: float
    columns: int = 2

    @classmethod
    def from_css(cls, css: str) -> Geometry:
        """Read ``@page { margin }`` and ``.faq { columns; column-gap }`` from print CSS text."""
        page = re.search(r"@page\s*\{(.*?)(?:@|\})", css, re.DOTALL)
        margin = re.search(r"(?<![\w-])margin:\s*([^;]+);", page.group(1)) if page else None
        if not margin:
            raise ValueError("no @page margin in the print stylesheet")
        values = [length_pt(value) for value in margin.group(1).split()]
        top, right, bottom, left = expand_box(values)
        faq = re.search(r"\.faq\s*\{([^}]*)\}", css)
        if not faq:
            raise ValueError("no .faq rule in the print stylesheet")
        gap = re.search(r"column-gap:\s*([^;]+);", faq.group(1))
        count = re.search(r"(?<![\w-])columns:\s*(\d+)", faq.group(1))
        return cls(
            top,
            right,
            bottom,
            left,
            column_gap=length_pt(gap.group(1)) if gap else 12.0,  # CSS "normal" is 1em
            columns=int(count.group(1)) if count else 1,
        )

    @classmethod
    def shipped(cls) -> Geometry:
        """The geometry of the project's own print stylesheet."""
        return cls.from_css(PRINT_CSS.read_text(encoding="utf-8"))

    def column_width(self, page_width: float) -> float:
        """Width of one column on a page of this width."""
        content = page_width - self.margin_left - self.margin_right
        return (content - self.column_gap * (self.columns - 1)) / self.columns

    def left_column_end(self, page_width: float) -> float:
        """x where the left column ends (the column gap starts)."""
        return self.margin_left + self.column_width(page_width)

    def right_column_start(self, page_width: float) -> float:
        """x where the right column starts (the column gap ends)."""
        return self.left_column_end(page_width) + self.column_gap


def length_pt(value: str) -> float:
    """A CSS length ("14mm", "9pt", "0") in pt."""
    match = re.fullmatch(r"\s*(-?[\d.]+)\s*([a-z]*)\s*", value)
    if not match:
        raise ValueError(f"cannot read the CSS length {value!r}")
    number, unit = float(match.group(1)), match.group(2) or "pt"
    if unit not in UNITS_PT:
        raise ValueError(f"unsupported CSS unit in {value!r}")
    return number * UNITS_PT[unit]


def expand_box(values: list[float]) -> tuple[float, float, float, float]:
    """CSS box shorthand (1 to 4 values) as top, right, bottom, left."""
    if len(values) == 1:
        values = values * 4
    elif len(values) == 2:
        values = values * 2
    elif len(values) == 3:
        values = [*values, values[1]]
    top, right, bottom, left = values[:4]
    return top, right, bottom, left


# --- words and lines from poppler --------------------------------------------------------------


@dataclass(frozen=True)
class Cluster:
    """A run of words on one line with no column-sized gap inside (y grows downwards)."""

    x0: float
    y0: float
    x1: float
    y1: float
    text: str


@dataclass(frozen=True)
class PdfPage:
    """One page's size and its clusters, in poppler's reading order."""

    width: float
    height: float
    clusters: tuple[Cluster, ...]


def pdf_pages(pdf_bytes: bytes, split_gap: float) -> list[PdfPage]:
    """The pages of a PDF with their text clusters, read by ``pdftotext -bbox-layout``.

    Each poppler line is cut wherever two words are more than ``split_gap`` apart, so a
    line that poppler ran across both columns becomes one cluster per column.
    """
    document = pdftotext(pdf_bytes, "-bbox-layout")
    pages = []
    for width, height, body in PAGE.findall(document):
        clusters: list[Cluster] = []
        for line in LINE.findall(body):
            words = [
                (float(x0), float(y0), float(x1), float(y1), html.unescape(text))
                for x0, y0, x1, y1, text in WORD.findall(line)
            ]
            clusters.extend(split_line(words, split_gap))
        pages.append(PdfPage(float(width), float(height), tuple(clusters)))
    return pages


def pdftotext(pdf_bytes: bytes, *options: str) -> str:
    """What ``pdftotext [options] - -`` prints for a PDF."""
    tool = shutil.which("pdftotext")
    if not tool:
        raise RuntimeError("pdftotext (poppler-utils) is needed to read the PDF's text and layout")
    result = subprocess.run([tool, *options, "-", "-"], input=pdf_bytes, capture_output=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"pdftotext failed: {result.stderr.decode(errors='replace').strip()}")
    return result.stdout.decode("utf-8", errors="replace")


def split_line(words: list[tuple[float, float, float, float, str]], split_gap: float) -> list[Cluster]:
    """A poppler line as clusters, cut at horizontal gaps wider than ``split_gap``."""
    clusters: list[Cluster] = []
    run: list[tuple[float, float, float, float, str]] = []
    for word in sorted(words, key=lambda word: word[0]):
        if run and word[0] - run[-1][2] > split_gap:
            clusters.append(cluster_of(run))
            run = []
        run.append(word)
    if run:
        clusters.append(cluster_of(run))
    return clusters


def cluster_of(words: list[tuple[float, float, float, float, str]]) -> Cluster:
    """One cluster spanning the given words."""
    return Cluster(
        min(word[0] for word in words),
        min(word[1] for word in words),
        max(word[2] for word in words),
        max(word[3] for word in words),
        logical(" ".join(word[4] for word in words)),
    )


def rows_of(clusters: Sequence[Cluster]) -> list[list[Cluster]]:
    """Clusters grouped into rows (vertically overlapping by half the smaller height), top down."""
    rows: list[list[Cluster]] = []
    for cluster in sorted(clusters, key=lambda c: (c.y0, c.x0)):
        if rows and overlaps(rows[-1], cluster):
            rows[-1].append(cluster)
        else:
            rows.append([cluster])
    return rows


def overlaps(row: list[Cluster], cluster: Cluster) -> bool:
    """True when ``cluster`` sits on the same text row as the clusters of ``row``."""
    top, bottom = min(c.y0 for c in row), max(c.y1 for c in row)
    shared = min(bottom, cluster.y1) - max(top, cluster.y0)
    return shared > 0.5 * min(bottom - top, cluster.y1 - cluster.y0)


# --- text matching -----------------------------------------------------------------------------


def normalise(text: str) -> str:
    """Text for comparison: letters, digits and symbols in order, without case or accents.

    The leaflet upper-cases section titles and wraps lines anywhere, and text extraction
    moves punctuation around in right-to-left lines, so spaces, punctuation, combining
    marks and invisible or bidi control characters are dropped. Arabic lam and alef are
    dropped too: a lam-alef ligature is one glyph, which poppler extracts with its two
    letters swapped in right-to-left text.
    """
    folded = unicodedata.normalize("NFKD", text.translate(INVISIBLE)).casefold()
    return "".join(
        ch
        for ch in folded
        if not ch.isspace()
        and not unicodedata.combining(ch)
        and not unicodedata.category(ch).startswith(("P", "C"))
        and ch not in LAM_ALEF
    )


def logical(text: str) -> str:
    """A line's text in reading order: poppler's word boxes hold right-to-left text visually."""
    strong = [
        unicodedata.bidirectional(ch) for ch in text if unicodedata.bidirectional(ch) in ("L", "R", "AL")
    ]
    rtl = sum(kind != "L" for kind in strong)
    return text[::-1] if strong and rtl > len(strong) / 2 else text


def starts(text: str, line: str) -> bool:
    """True when ``line`` (a cluster's text) is the start of ``text``, long enough to count."""
    wanted, seen = normalise(text), normalise(line)
    return bool(seen) and wanted.startswith(seen) and len(seen) >= min(len(wanted), MIN_MATCH_CHARS)


# --- the report --------------------------------------------------------------------------------


@dataclass(frozen=True)
class PageReport:
    """What one page of the leaflet holds, and what is wrong with it."""

    number: int
    """1-based page number."""
    left_bottom: float | None
    """Where the left column's text ends (pt from the top of the page), None when it has none."""
    right_bottom: float | None
    """Where the right column's text ends, None when it has none."""
    title: bool
    """The page holds (part of) the title block."""
    closing: bool
    """The page holds (part of) the closing block: disclaimer, contact details, QR caption."""
    overflow: int
    """Lines in the column region that run across the column gap (too wide for a column)."""
    outside: int
    """Lines reaching past the page's side margins (cut off at the paper's edge, or nearly)."""
    lone_closing: bool
    """The page holds nothing but closing material."""
    stranded: tuple[str, ...]
    """Headings (questions, section titles) that end a column, cut off from what follows them."""
    empty_column: str
    """"left", "right" or "both" when a column is empty while the document goes on; else ""."""
    full_width: int = 0
    """Rows of an entry set across the page on purpose (a wide table's): not too wide."""

    @property
    def column_difference(self) -> float | None:
        """How much higher one column ends than the other, in pt, when both hold text."""
        if self.left_bottom is None or self.right_bottom is None:
            return None
        return abs(self.left_bottom - self.right_bottom)


@dataclass(frozen=True)
class DocumentReport:
    """The layout of a whole leaflet."""

    pages: tuple[PageReport, ...]
    missing_questions: tuple[str, ...] = ()
    """Questions whose text is not found in the PDF's text."""
    closing_found: bool = True
    """False when closing texts were given but their first line was not found."""
    first_heading_side: str = ""
    """The column where the first heading is ("left" or "right"; "" when not found).

    The columns are read in the script's direction: a right-to-left leaflet starts on the right."""
    text: str = field(default="", repr=False)
    """The PDF's text in column reading order (title, left column, right column, closing)."""

    @property
    def worst_difference(self) -> float | None:
        """The largest column difference over all pages (None when no page has two filled columns)."""
        differences = [page.column_difference for page in self.pages if page.column_difference is not None]
        return max(differences) if differences else None

    @property
    def worst_page(self) -> int | None:
        """The page with the largest column difference."""
        worst = self.worst_difference
        if worst is None:
            return None
        return next(page.number for page in self.pages if page.column_difference == worst)

    @property
    def worst_is_last_page(self) -> bool:
        """True when the largest column difference is on the last page (uneven ends are normal there)."""
        return self.worst_page is not None and self.worst_page == len(self.pages)

    @property
    def overflowing_lines(self) -> int:
        """Lines too wide for their column or reaching past the side margins, over all pages."""
        return sum(page.overflow + page.outside for page in self.pages)

    @property
    def stranded_headings(self) -> list[tuple[int, str]]:
        """(page, heading) for every heading left at the foot of a column."""
        return [(page.number, heading) for page in self.pages for heading in page.stranded]

    @property
    def lone_closing_pages(self) -> list[int]:
        """Pages that hold only closing material."""
        return [page.number for page in self.pages if page.lone_closing]

    @property
    def empty_column_pages(self) -> list[tuple[int, str]]:
        """(page, which column) for every column left empty while the document goes on."""
        return [(page.number, page.empty_column) for page in self.pages if page.empty_column]


def analyse_pdf(
    pdf_bytes: bytes,
    questions: Sequence[str],
    closing_texts: Sequence[str],
    first_heading: str = "",
    geometry: Geometry | None = None,
    section_titles: Sequence[str] = (),
    wide_texts: Sequence[str] = (),
) -> DocumentReport:
    """Judge the layout of a two-column leaflet.

    ``questions`` are the question texts (each must appear in the PDF); ``closing_texts``
    the texts of the closing block in order (its first one marks where the block starts);
    ``first_heading`` the first section or question heading (where the columns start on
    page 1; the first question when not given); ``section_titles`` are checked, like the
    questions, for ending a column; ``wide_texts`` are the texts set across the page
    (``PrintTexts.wide``), whose rows are a full-width stretch, not lines too wide.
    """
    geometry = geometry or Geometry.shipped()
    pages = pdf_pages(pdf_bytes, split_gap=geometry.column_gap * 0.6)
    bodies = [body_rows(page, geometry) for page in pages]
    title_end, heading = title_band_end(
        bodies[0] if bodies else [], first_heading or (questions[0] if questions else "")
    )
    closing_start = closing_band_start(bodies, closing_texts[0] if closing_texts else "")
    wide_flat = normalise(" ".join(wide_texts))
    reports: list[PageReport] = []
    reading: list[str] = []
    flow: list[tuple[int, list[Cluster]]] = []  # every column in reading order, with its page
    for index, (page, rows) in enumerate(zip(pages, bodies, strict=True)):
        title_rows = rows[:title_end] if index == 0 else []
        start = len(title_rows)
        if closing_start is None or closing_start[0] > index:
            end = len(rows)
        elif closing_start[0] == index:
            end = closing_start[1]
        else:
            end = start
        column_rows, closing = rows[start:end], [c for row in rows[end:] for c in row]
        if closing_start and closing_start[0] == index and in_right_column(closing_start[2], page, geometry):
            column_rows, closing = beside_closing(rows[start:], end - start, page, geometry)
        column_rows, full_rows = full_width_rows(column_rows, wide_flat, page.width, geometry)
        left, right, overflow = split_columns(column_rows, page.width, geometry)
        inner = (geometry.margin_left - TOLERANCE_PT, page.width - geometry.margin_right + TOLERANCE_PT)
        outside = sum(c.x0 < inner[0] or c.x1 > inner[1] for row in rows for c in row)
        reading += [c.text for row in title_rows for c in row]
        reading += [c.text for row in full_rows for c in row]
        reading += [c.text for c in left] + [c.text for c in right]
        reading += [c.text for c in closing]
        flow += [(index, left), (index, right), (index, [c for row in full_rows for c in row])]
        reports.append(
            PageReport(
                number=index + 1,
                left_bottom=max((c.y1 for c in left), default=None),
                right_bottom=max((c.y1 for c in right), default=None),
                title=bool(title_rows),
                closing=bool(closing),
                overflow=overflow,
                full_width=len(full_rows),
                outside=outside,
                lone_closing=bool(closing) and len(closing) == sum(map(len, rows)),
                stranded=(),
                empty_column="",
            )
        )
    reports = mark_empty_columns(reports, bodies)
    reports = mark_stranded_headings(reports, flow, (*questions, *section_titles))
    text = " ".join(reading)
    # Poppler's plain text is in logical order even for right-to-left lines, whose word
    # boxes are visual: a question counts as found in either reading.
    found = (normalise(text), normalise(pdftotext(pdf_bytes)))
    missing = tuple(q for q in questions if not any(normalise(q) in flat for flat in found))
    for rows in bodies[1:]:  # columns pushed off page 1: where do they start?
        if heading:
            break
        start = title_band_end(rows, first_heading or (questions[0] if questions else ""))
        heading = start[1]
    side = ""
    if heading and pages:
        side = "left" if heading.x1 <= geometry.left_column_end(pages[0].width) + TOLERANCE_PT else "right"
    return DocumentReport(
        tuple(reports),
        missing,
        closing_found=not closing_texts or closing_start is not None,
        first_heading_side=side,
        text=text,
    )


def body_rows(page: PdfPage, geometry: Geometry) -> list[list[Cluster]]:
    """A page's rows of text between its top and bottom margins (the running footer left out)."""
    bottom = page.height - geometry.margin_bottom + TOLERANCE_PT
    return rows_of([c for c in page.clusters if c.y0 < bottom])


def title_band_end(rows: list[list[Cluster]], first_heading: str) -> tuple[int, Cluster | None]:
    """How many of page 1's rows belong to the title block (those above the first heading), and
    the first heading's first line, when found."""
    if not first_heading:
        return 0, None
    for index in range(len(rows)):
        found = beginning(rows, index, first_heading)
        if found:
            return index, found
    return len(rows), None


def closing_band_start(
    bodies: list[list[list[Cluster]]], first_closing: str
) -> tuple[int, int, Cluster] | None:
    """(page index, row index, first line) of the closing block: the last place its first text begins."""
    if not first_closing:
        return None
    for page_index in range(len(bodies) - 1, -1, -1):
        for row_index in range(len(bodies[page_index]) - 1, -1, -1):
            found = beginning(bodies[page_index], row_index, first_closing)
            if found:
                return page_index, row_index, found
    return None


def in_right_column(cluster: Cluster, page: PdfPage, geometry: Geometry) -> bool:
    """True for a line that starts in the right column (not at the left margin)."""
    return cluster.x0 >= geometry.right_column_start(page.width) - TOLERANCE_PT


def beside_closing(
    rows: list[list[Cluster]], start: int, page: PdfPage, geometry: Geometry
) -> tuple[list[list[Cluster]], list[Cluster]]:
    """Column rows and closing lines of a page whose closing block ends the right column.

    From row ``start`` on, only the right column is closing material: the left column
    beside it holds questions and answers.
    """
    columns: list[list[Cluster]] = []
    closing: list[Cluster] = []
    for index, row in enumerate(rows):
        if index < start:
            columns.append(row)
            continue
        closing += [c for c in row if in_right_column(c, page, geometry)]
        beside = [c for c in row if not in_right_column(c, page, geometry)]
        if beside:
            columns.append(beside)
    return columns, closing


def full_width_rows(
    rows: list[list[Cluster]], wide_flat: str, page_width: float, geometry: Geometry
) -> tuple[list[list[Cluster]], list[list[Cluster]]]:
    """The column rows, and apart from them the rows of an entry set across the page.

    Such a row reaches both halves of the page (or crosses the column gap) and every word
    in it is text of a wide entry (``wide_flat``, normalised): a two-column row never
    is, since a wide entry is never set in a column. Words, not lines: a line may run on
    from one table cell into the next.
    """
    if not wide_flat:
        return rows, []
    left_end = geometry.left_column_end(page_width) + TOLERANCE_PT
    right_start = geometry.right_column_start(page_width) - TOLERANCE_PT
    ours = [all(normalise(word) in wide_flat for c in row for word in c.text.split()) for row in rows]
    full = [
        ours[index] and any(c.x1 > left_end for c in row) and any(c.x0 < right_start for c in row)
        for index, row in enumerate(rows)
    ]
    # The rows next to a full-width stretch that hold its text (a question or title above
    # the table, a short row) belong to it too.
    for index in range(1, len(rows)):  # downwards
        full[index] = full[index] or (ours[index] and full[index - 1])
    for index in range(len(rows) - 2, -1, -1):  # upwards
        full[index] = full[index] or (ours[index] and full[index + 1])
    columns = [row for row, wide in zip(rows, full, strict=True) if not wide]
    return columns, [row for row, wide in zip(rows, full, strict=True) if wide]


def beginning(rows: list[list[Cluster]], index: int, text: str) -> Cluster | None:
    """The line of row ``index`` where ``text`` starts and goes on, whole, in the rows below it.

    A subtitle that happens to be the start of the first question is not taken for it:
    the lines below the candidate must carry the rest of the text.
    """
    wanted = normalise(text)
    for cluster in rows[index]:
        if not starts(text, cluster.text):
            continue
        seen = normalise(cluster.text)
        for row in rows[index + 1 :]:
            if len(seen) >= len(wanted):
                break
            below = [c for c in row if c.x0 < cluster.x1 and c.x1 > cluster.x0]
            seen += "".join(normalise(c.text) for c in below)
        # The text may go on in the next column or page; a start that short ("Fees" for a
        # disclaimer "Fees are ...") is not enough to say it begins here.
        partial = wanted.startswith(seen) and len(seen) >= min(len(wanted), PARTIAL_CHARS)
        if seen.startswith(wanted) or partial:
            return cluster
    return None


def split_columns(
    rows: list[list[Cluster]], page_width: float, geometry: Geometry
) -> tuple[list[Cluster], list[Cluster], int]:
    """The column region's clusters of the left and right column, and how many cross the gap.

    A cluster crossing the gap (a table too wide for its column) counts in both columns.
    """
    left_end = geometry.left_column_end(page_width) + TOLERANCE_PT
    right_start = geometry.right_column_start(page_width) - TOLERANCE_PT
    left: list[Cluster] = []
    right: list[Cluster] = []
    overflow = 0
    for cluster in (c for row in rows for c in row):
        if cluster.x1 <= left_end:
            left.append(cluster)
        elif cluster.x0 >= right_start:
            right.append(cluster)
        else:
            overflow += 1
            left.append(cluster)
            right.append(cluster)
    key = lambda c: (c.y0, c.x0)  # noqa: E731
    return sorted(left, key=key), sorted(right, key=key), overflow


def mark_stranded_headings(
    reports: list[PageReport], flow: list[tuple[int, list[Cluster]]], headings: Sequence[str]
) -> list[PageReport]:
    """Set ``stranded``: headings whose lines end a column while more columns follow.

    The heading must fill those last lines on its own, and the document's last column does
    not count, so an answer that ends with a question's words (a link "see what happens at
    the first consultation") is not taken for a heading cut off from its answer.
    """
    wanted = {normalise(heading): heading for heading in headings if normalise(heading)}
    filled = [(page, column) for page, column in flow if column]
    stranded: dict[int, list[str]] = {}
    for page, column in filled[:-1]:
        tail = ""
        for cluster in reversed(column[-MAX_HEADING_LINES:]):
            tail = normalise(cluster.text) + tail
            if tail in wanted:
                stranded.setdefault(page, []).append(wanted[tail])
                break
    return [
        replace(report, stranded=tuple(dict.fromkeys(stranded.get(index, ()))))
        for index, report in enumerate(reports)
    ]


def mark_empty_columns(reports: list[PageReport], bodies: list[list[list[Cluster]]]) -> list[PageReport]:
    """Set ``empty_column`` where a column stays empty although the document goes on.

    A blank page, or one whose columns are both empty while the document goes on (a title
    block alone), is "both"; a page whose columns hold text in only one of them is a
    defect when anything follows on a later page (the columns should have filled it
    first), and a right column with text beside an empty left one is always wrong. On
    the document's last page a short last column is normal balancing.
    """
    marked = []
    for index, report in enumerate(reports):
        later = any(bodies[after] for after in range(index + 1, len(bodies)))
        left, right = report.left_bottom is not None, report.right_bottom is not None
        empty = ""
        if not bodies[index] or (not left and not right and not report.lone_closing and later):
            # A blank page, or a title block whose columns all went to the next page; a
            # page of full-width rows (a long wide table) is not empty.
            empty = "" if report.full_width else "both"
        elif left and not right and later:
            empty = "right"
        elif right and not left:
            empty = "left"
        marked.append(replace(report, empty_column=empty))
    return marked


# --- what the source and the print HTML say ----------------------------------------------------


FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
QUESTION = re.compile(r"^\s{0,3}##(?!#)\s+(.*?)\s*$")
EXPLICIT_ID = re.compile(r"\s*\{#[^}]*\}\s*$")


def source_questions(markdown: str) -> list[str]:
    """The question texts of a FAQ source (its ``##`` headings), read without the product's parser.

    Inline Markdown is reduced to its text: emphasis markers, code ticks, link targets,
    backslash escapes and an explicit ``{#id}`` are dropped.
    """
    questions = []
    fence = ""
    body = markdown.split("\n")
    if body and body[0].strip() == "---":  # skip the front matter
        closing = next((i for i in range(1, len(body)) if body[i].strip() in ("---", "...")), 0)
        body = body[closing + 1 :]
    for line in body:
        opened = FENCE.match(line)
        if opened and (not fence or opened.group(1).startswith(fence)):
            fence = "" if fence else opened.group(1)[:3]
            continue
        heading = QUESTION.match(line) if not fence else None
        if heading:
            questions.append(inline_markdown_text(EXPLICIT_ID.sub("", heading.group(1)).rstrip("# ")))
    return questions


def inline_markdown_text(text: str) -> str:
    """The visible text of one line of inline Markdown (enough for question headings)."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(?<!\\)(\*\*|__|\*|`)", "", text)
    text = re.sub(r"(?<![\w\\])_|(?<!\\)_(?!\w)", "", text)
    text = re.sub(r"\\(.)", r"\1", text)
    return html.unescape(text).strip()


@dataclass(frozen=True)
class PrintTexts:
    """The texts of the print HTML the analysis needs."""

    first_heading: str
    """The first section title or question: where the columns start."""
    questions: tuple[str, ...]
    """Every question heading."""
    sections: tuple[str, ...]
    """Every section title."""
    closing: tuple[str, ...]
    """The closing block's texts in order: disclaimer, contact title, name, fields, QR caption."""
    wide: tuple[str, ...] = ()
    """The texts of the entries set across the page (``section wide``: a wide table's)."""


def print_html_texts(print_html: str) -> PrintTexts:
    """Read the kept print HTML (``--keep-html``) for headings and closing texts, by class."""
    import lxml.html

    root = lxml.html.fromstring(print_html)
    headings = root.xpath(
        f"//main[{has_class('faq')}]//*[{has_class('section-title')} or {has_class('question')}]"
    )
    questions = root.xpath(f"//main[{has_class('faq')}]//*[{has_class('question')}]")
    sections = root.xpath(f"//main[{has_class('faq')}]//*[{has_class('section-title')}]")
    wide = root.xpath(f"//main[{has_class('faq')}]//*[{has_class('section')} and {has_class('wide')}]")
    closing: list[str] = []
    for footer in root.xpath(f"//footer[{has_class('closing')}]"):
        for element in footer.iter("p", "h2", "th", "td"):
            # A <br> (the QR caption's) starts a new line: each line is a text of its own.
            for br in element.iter("br"):
                br.tail = "\n" + (br.tail or "")
            closing += [" ".join(line.split()) for line in element.text_content().split("\n") if line.strip()]
    return PrintTexts(
        first_heading=text_of(headings[0]) if headings else "",
        questions=tuple(text_of(element) for element in questions),
        sections=tuple(text_of(element) for element in sections),
        closing=tuple(closing),
        wide=tuple(text_of(element) for element in wide),
    )


def has_class(name: str) -> str:
    """An XPath test for an element carrying the class ``name``."""
    return f'contains(concat(" ", normalize-space(@class), " "), " {name} ")'


def text_of(element) -> str:
    """An element's text with whitespace collapsed."""
    return " ".join(element.text_content().split())
