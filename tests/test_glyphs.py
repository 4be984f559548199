"""Emoji and symbols print; `check` reports what the PDF cannot draw; `check` passing means it builds.

The model in publisher/glyphs.py is compared with WeasyPrint itself: every control,
format and space character, every code point the shipped fonts map, and a sample of the
rest, in body text, code, bold italics and section titles (which print in capitals).
"""

from __future__ import annotations

import io
import json
import random
import re
import subprocess
import unicodedata
import zipfile
from functools import cache
from html import escape
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from publisher import glyph_coverage, glyphs
from publisher.cli import main
from publisher.errors import RenderError, SourceError
from publisher.parse import parse, parse_source
from publisher.renderers import Theme
from publisher.resources import templates_dir
from tests.helpers.paths import CLINIC_FAQ, EPOCH
from tests.helpers.tools import require_tool

SYMBOLS = ["📌", "✅", "👉", "⭐", "▶", "✓", "½", "α", "°", "±", "™", "→", "←", "★"]
# Variation selectors, skin tone, keycap, ZWJ, a flag and a tag sequence (Scotland).
SEQUENCES = (
    "\u2764\ufe0f \U0001f44d\U0001f3fd 1\ufe0f\u20e3 \U0001f469\u200d\u2695\ufe0f "
    "\U0001f1ec\U0001f1e7 \u260e\ufe0e \U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"
)


def pdf_bytes(result) -> bytes:
    """A renderer's bytes, whether it returns them or a Rendered holding them."""
    return getattr(result, "data", result)


def render(document) -> bytes:
    """The PDF of a parsed document (WeasyPrint imported on first use)."""
    from publisher.renderers.pdf.render import render_pdf

    return pdf_bytes(render_pdf(document, Theme()))


def test_coverage_data_matches_the_shipped_fonts():
    shipped = Path(glyph_coverage.__file__).read_text(encoding="utf-8")
    assert glyphs.coverage_module(glyphs.shipped_fonts()) == shipped, "fonts changed: run `make glyphs`"
    assert list(glyph_coverage.FONTS) == [font.name for font in glyphs.shipped_fonts()]


def test_symbols_and_emoji_build_every_format(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    line = " ".join(SYMBOLS)
    source = tmp_path / "faq.md"
    source.write_text(
        f"---\ntitle: Tips {line}\n---\n\n# Good to know ✓ ★\n\n## Does {line} print?\n\n"
        f"Yes: {line}, and {SEQUENCES}.\n\nIn code too: `{line}`\n",
        encoding="utf-8",
    )
    assert CliRunner().invoke(main, ["check", str(source)]).exit_code == 0
    result = CliRunner().invoke(main, ["build", str(source), "-o", str(tmp_path / "out"), "-j", "1"])
    assert result.exit_code == 0, result.output
    out = tmp_path / "out"
    pdf = out / "faq.pdf"
    text = subprocess.run([require_tool("pdftotext"), pdf, "-"], capture_output=True, text=True, check=True)
    for symbol in SYMBOLS:
        assert text.stdout.count(symbol) >= 4, symbol  # title, question, answer, code
    fonts = subprocess.run([require_tool("pdffonts"), pdf], capture_output=True, text=True, check=True)
    rows = fonts.stdout.splitlines()[2:]
    assert all(row.split()[-5] == "yes" for row in rows), fonts.stdout  # the "emb" column
    names = " ".join(row.split()[0] for row in rows)
    assert "Noto-Emoji" in names and "DejaVu-Sans" in names
    with zipfile.ZipFile(out / "faq.docx") as docx:
        word = docx.read("word/document.xml").decode("utf-8")
    entries = json.loads((out / "faq.json").read_text(encoding="utf-8"))
    fragment = (out / "faq.html").read_text(encoding="utf-8")
    for symbol in SYMBOLS:
        assert symbol in word and symbol in fragment and symbol in json.dumps(entries, ensure_ascii=False)
    assert '"Segoe UI Emoji"' in fragment and '"Noto Color Emoji"' in fragment


def test_text_without_such_characters_uses_inter_only():
    """The fallback fonts are never touched, so such PDFs keep their bytes (the footer too)."""
    reader = PdfReader(io.BytesIO(render(parse_source(CLINIC_FAQ))))
    fonts = {str(font.get_object()["/BaseFont"]).split("+")[-1] for font in font_resources(reader)}
    assert fonts and all(name.startswith("Inter") for name in fonts), fonts


def font_resources(reader: PdfReader) -> list:
    """Every font object on every page."""
    return [font for page in reader.pages for font in page["/Resources"]["/Font"].values()]


def check_output(tmp_path: Path, text: str) -> tuple[int, str, Path]:
    """Exit code and output of `check` on a source holding ``text``."""
    source = tmp_path / "faq.md"
    source.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(source)])
    return result.exit_code, result.output, source


def test_cjk_and_private_use_are_reported_with_line_and_column(tmp_path):
    code, output, source = check_output(
        tmp_path, "---\ntitle: T\n---\n\n## Question?\n\nText 中 and 中 again, \uf0c8 an icon.\n"
    )
    assert code == 1
    assert output.splitlines() == [
        f'{source}:7:6: the PDF cannot draw "中" (U+4E2D CJK UNIFIED IDEOGRAPH-4E2D): no shipped font has it',
        f"{source}:7:21: the PDF cannot draw U+F0C8 (PRIVATE USE): its look depends on the font it came"
        " from; replace it",
    ]


def test_emoji_sequences_and_invisible_characters_are_fine(tmp_path):
    code, output, _ = check_output(
        tmp_path, f"---\ntitle: T\n---\n\n## Q?\n\n{SEQUENCES} soft\u00adhyphen zero\u200bwidth\u2009thin\n"
    )
    assert code == 0, output


def test_entities_front_matter_and_section_capitals_are_located(tmp_path):
    code, output, source = check_output(
        tmp_path,
        '---\ntitle: Clinic 中\nsubtitle: "\\u4e2d"\ndisclaimer: Ask &#x4E2D;\n---\n\n'
        "# ქართული\n\n## Q ქ?\n\nA &#x4E2D; then \u2028.\n",
    )
    assert code == 1
    found = [line.split(": the PDF", 1)[0].removeprefix(f"{source}:") for line in output.splitlines()]
    # title, the YAML escape at its key, the entity, the Georgian capitals, the body line
    assert found == ["2:15", "3:1", "4:17", *(f"7:{col}" for col in range(3, 10)), "11:3", "11:17"]
    assert 'capital of "ქ" in a section title' in output
    assert "written &#x4E2D;" in output
    assert "U+2028 (LINE SEPARATOR): a control character" in output


# --- the model against WeasyPrint -----------------------------------------------------------

CONTEXTS = {
    "body": ("<p>", "</p>"),
    "code": ("<pre><code>", "</code></pre>"),
    "bold italic": ("<p><b><i>", "</i></b></p>"),
    "section title": ('<h2 class="section-title">', "</h2>"),
}
XML_CONTROLS = {*range(0x20), 0xFFFE, 0xFFFF} - {0x09, 0x0A}


def weasyprint_missing(chars: list[str], start: str, end: str) -> set[str]:
    """The characters WeasyPrint draws as .notdef, each set between two letters (Inter's)."""
    from publisher.renderers.pdf.fetcher import LocalFetcher
    from publisher.renderers.pdf.render import collected_warnings, lay_out

    fonts = templates_dir()
    head = "".join(
        f'<link rel="stylesheet" href="{(fonts / "print" / name).as_uri()}">'
        for name in ("print.css", "code.css")
    )
    html = f'<html lang="en"><head>{head}<style>body {{ font-family: "Inter" }}</style></head><body>'
    html += start + escape("x x".join(["", *chars, ""])) + end  # lines may break between the x
    with collected_warnings() as problems:
        lay_out(html, LocalFetcher([fonts]), fonts).write_pdf()
    codes = (re.search(r"\(U\+([0-9A-F]+)\)$", problem) for problem in problems)
    return {chr(int(match.group(1), 16)) for match in codes if match}


def model_missing(chars: list[str], capitals: bool) -> set[str]:
    """The characters publisher/glyphs.py says the PDF cannot draw (with their capitals)."""
    if capitals:  # every character prints as its capitals, which WeasyPrint then reports
        chars = [cap for char in chars for cap in char.upper()]
    return {char for char in chars if not glyphs.drawable(char)}


@cache
def sample_chars() -> list[str]:
    """Every control, format and space character, every drawable one, and 3,000 others."""
    everything = [chr(code) for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF]
    everything = [char for char in everything if ord(char) not in XML_CONTROLS]
    special = [char for char in everything if unicodedata.category(char) in ("Cc", "Cf", "Zs", "Zl", "Zp")]
    covered = [char for char in everything if glyphs.drawable(char)]
    rest = [char for char in everything if not glyphs.drawable(char)]
    return sorted({*special, *covered, *random.Random(13).sample(rest, 3000)})


@pytest.mark.parametrize("context", CONTEXTS)
def test_the_model_agrees_with_weasyprint(context):
    chars = sample_chars()
    start, end = CONTEXTS[context]
    drawn_missing = set()
    for index in range(0, len(chars), 2000):
        drawn_missing |= weasyprint_missing(chars[index : index + 2000], start, end)
    expected = model_missing(chars, capitals=context == "section title")
    assert drawn_missing <= expected, sorted(map(ord, drawn_missing - expected))
    # Where the model is stricter than WeasyPrint, on purpose: private-use characters
    # (a shipped font's own glyph, not the icon meant); U+2029 and three annotation
    # characters that only some neighbouring fonts happen to draw.
    stricter = {char for char in expected - drawn_missing if not model_is_stricter(char)}
    assert not stricter, sorted(map(ord, stricter))


def model_is_stricter(char: str) -> bool:
    """True for the characters the model reports though WeasyPrint may draw them."""
    return unicodedata.category(char) == "Co" or char in "\u2029\ufff9\ufffa\ufffb"


# --- `check` passing means `build -f pdf` succeeds -----------------------------------------

COVERED = list("aZ9 éßαЖאաა✓▶★½°±™→📌✅👉⭐") + ["\u200d", "\ufe0f", "\ufe0e", "\U0001f3fd", "\u20e3"]
COVERED += ["\U0001f1ec", "\u00ad", "\u0301", "\u00a0", "\u2009"]
UNCOVERED = list("中한กकሀ") + ["\ue000", "\uf0c8", "\u2028", "\x85", "\x7f", "\ufffa", "\u0378"]
MARKUP = "".join(chr(code) for code in range(0x80) if not chr(code).isalnum() and chr(code) != " ")
ANY_CHAR = st.characters(exclude_categories=("Cs",), exclude_characters=MARKUP + "\ufffe\uffff")
RANGES = [pair for pair in zip(*glyphs.coverage(), strict=True) if pair[0] > 0x7F]
ANY_DRAWABLE = st.sampled_from(RANGES).flatmap(lambda pair: st.integers(*pair)).map(chr)
DRAWABLE = st.one_of(st.sampled_from(COVERED), ANY_DRAWABLE.filter(lambda char: char not in MARKUP))
MIXED = st.one_of(DRAWABLE, st.sampled_from(UNCOVERED), ANY_CHAR)
TEXT = st.one_of(st.text(DRAWABLE, max_size=10), st.text(MIXED, max_size=10))
LINES = {"section": 5, "question": 7, "answer": 9}


def test_the_pools_are_what_they_claim():
    assert all(glyphs.drawable(char) for char in COVERED)
    assert not any(glyphs.drawable(char) for char in UNCOVERED)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(section=TEXT, question=TEXT, answer=TEXT)
def test_check_passing_means_the_pdf_builds(section, question, answer):
    source = f"---\ntitle: Property\n---\n\n# S {section}\n\n## Q {question}\n\nA {answer}\n"
    lines = source.split("\n")
    try:
        document = parse(source, Path("/nonexistent/faq.md"))
    except SourceError as error:
        for problem in error.problems:
            assert "the PDF cannot draw" in problem.message, problem
            assert problem.line in LINES.values(), problem
            named = chr(int(re.search(r"U\+([0-9A-F]{4,6})", problem.message).group(1), 16))
            at = lines[problem.line - 1][problem.col - 1]  # the column counts characters from 1
            assert named == at or (problem.line == LINES["section"] and named in at.upper()), problem
        assert_build_fails_too(source, error.problems)
        event("check failed")
        return
    event("check passed")
    render(document)  # raises RenderError if WeasyPrint would draw an empty box


def assert_build_fails_too(source: str, problems) -> None:
    """Past the check, the PDF fails as well, unless only characters the model is stricter on are named."""
    named = [chr(int(re.search(r"U\+([0-9A-F]{4,6})", p.message).group(1), 16)) for p in problems]
    if all(model_is_stricter(char) for char in named):
        return
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("publisher.parse.undrawable_chars", lambda *args: [])
        document = parse(source, Path("/nonexistent/faq.md"))
        with pytest.raises(RenderError, match="no shipped font can draw"):
            render(document)
