"""Which characters the PDF can draw, known without loading a font.

The PDF uses the shipped fonts only (``templates/fonts``, see its ``fonts.conf``): the
stylesheet's family, then Inter, DejaVu Sans and Noto Emoji for what it lacks. A
character none of them has would print as an empty box, so the build fails on it;
``check`` reports it first, with its line and column. ``check`` must stay fast and load
neither WeasyPrint nor fontTools, so the fonts' coverage is computed once, by
``python -m publisher.glyphs`` (``make glyphs``), into ``glyph_coverage.py``; a test keeps
that file in step with the fonts, and others compare this model with WeasyPrint itself.

What counts as drawable follows Pango and HarfBuzz:

- a character some shipped font maps, except private-use ones (Inter and DejaVu give
  those glyphs of their own, never the icon a web page's icon font meant);
- an invisible ("default ignorable") character such as U+FE0F, U+200D or a flag's tag
  characters: HarfBuzz hides it when the font lacks it, so emoji sequences (keycaps,
  skin tones, ZWJ sequences) print whenever their visible parts do;
- a space (category Zs): HarfBuzz draws it as a space of the right width.

Pango picks no font for controls, format characters, spaces and separators (they take
their neighbour's), so those count only when invisible or a space, even where a shipped
font has them (U+2028 LINE SEPARATOR fails the build). Section titles print in capitals
(``text-transform: uppercase``), so there a character's capitals must be drawable too.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

from markdown_it.common.utils import UNESCAPE_ALL_RE, replaceEntityPattern

from publisher.errors import Problem
from publisher.frontmatter import FrontMatter, split_front_matter

# HarfBuzz's default ignorables (hb-unicode.hh): hidden when the font has no glyph.
INVISIBLE = (
    (0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x17B4, 0x17B5), (0x180B, 0x180E),
    (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x206F), (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF),
    (0xFFF0, 0xFFF8), (0x1D173, 0x1D17A), (0xE0000, 0xE0FFF),
)  # fmt: skip
# Front matter values the PDF prints, and whether they are Markdown (entities decoded).
PRINTED_KEYS = {
    **{"title": False, "subtitle": False, "url": False, "disclaimer": True},
    **{"version": False, "author": False, "reviewed_by": False, "sources": False},
}


@cache
def coverage() -> tuple[list[int], list[int]]:
    """Starts and ends of the drawable ranges, read from the generated module once."""
    from publisher.glyph_coverage import RANGES

    starts, ends = [], []
    for part in RANGES.split():
        first, _, last = part.partition("-")
        starts.append(int(first, 16))
        ends.append(int(last or first, 16))
    return starts, ends


def drawable(char: str) -> bool:
    """True when the PDF can draw ``char`` (one character) with the shipped fonts."""
    code = ord(char)
    if 0x20 <= code < 0x7F or char == "\n":
        return True
    starts, ends = coverage()
    index = bisect.bisect_right(starts, code) - 1
    return index >= 0 and code <= ends[index]


def undrawable_chars(text: str, front: FrontMatter, title_lines: Iterable[int], path: str) -> list[Problem]:
    """A problem for each character the PDF cannot draw, once per line, at its first column.

    ``text`` is the whole source: the Markdown after the front matter and the printed
    front matter values are read line by line (entities such as ``&#x4E2D;`` decoded
    where Markdown decodes them). ``title_lines`` are the lines of section titles, which
    print in capitals.
    """
    lines = text.split("\n")
    _, _, body_start = split_front_matter(text)
    capitals = set(title_lines)
    problems = value_problems(lines, body_start, front, path)
    for number in range(body_start, len(lines) + 1):
        found = line_chars(lines[number - 1], capitals=number in capitals)
        problems += [Problem(path, number, col, why) for col, _, why in found]
    return problems


def line_chars(line: str, entities: bool = True, capitals: bool = False) -> list[tuple[int, str, str]]:
    """(column, character, message) for each distinct undrawable character of one line."""
    if line.isascii() and "&" not in line and "\x7f" not in line:
        return []
    found: list[tuple[int, str, str]] = []
    for index, char in enumerate(line):
        if not drawable(char):
            found.append((index + 1, char, message(char)))
        elif capitals:
            where = f', the capital of "{char}" in a section title'
            found += [(index + 1, cap, message(cap, where)) for cap in char.upper() if not drawable(cap)]
    for match in UNESCAPE_ALL_RE.finditer(line) if entities and "&" in line else ():
        written = f", written {match.group()}"
        for char in replaceEntityPattern(match.group(), match.group(2) or ""):
            if not drawable(char):
                found.append((match.start() + 1, char, message(char, written)))
    first: dict[str, tuple[int, str, str]] = {}
    for place in sorted(found):
        first.setdefault(place[1], place)
    return sorted(first.values())


def value_problems(lines: Sequence[str], body_start: int, front: FrontMatter, path: str) -> list[Problem]:
    """Undrawable characters in the printed front matter values, found in their lines.

    A character written as a YAML escape (``"\\u4e2d"``) is not in the file's text: it
    is reported at its key.
    """
    problems = []
    key_lines = sorted(front.lines.values())
    for key, markdown in PRINTED_KEYS.items():
        value = front.values.get(key)
        if value is None or key not in front.lines:
            continue
        first = front.lines[key]
        end = next((line for line in key_lines if line > first), body_start - 1)
        seen = set()
        for number in range(first, end):
            if not lines[number - 1].lstrip().startswith("#"):  # a YAML comment prints nowhere
                for col, char, why in line_chars(lines[number - 1], entities=markdown):
                    problems.append(Problem(path, number, col, why))
                    seen.add(char)
        problems += [
            Problem(path, first, 1, message(char))
            for char in dict.fromkeys(printed_text(value))
            if char not in seen and not drawable(char)
        ]
    return problems


def message(char: str, where: str = "") -> str:
    """Why ``char`` cannot print, naming it by code point and Unicode name."""
    code = f"U+{ord(char):04X}"
    category = unicodedata.category(char)
    if category == "Co":
        why = "its look depends on the font it came from; replace it"
        return f"the PDF cannot draw {code} (PRIVATE USE){where}: {why}"
    if category in ("Cc", "Cf", "Zl", "Zp"):
        name = unicodedata.name(char, "<control>")
        why = "a control character no shipped font draws; remove it"
        return f"the PDF cannot draw {code} ({name}){where}: {why}"
    name = unicodedata.name(char, f"unassigned in Unicode {unicodedata.unidata_version}")
    return f'the PDF cannot draw "{char}" ({code} {name}){where}: no shipped font has it'


# --- the generator (``make glyphs``): fontTools, run when the shipped fonts change ----------


def takes_neighbours_font(code: int) -> bool:
    """True for characters Pango picks no font for (its ``consider_as_space``)."""
    category = unicodedata.category(chr(code))
    arabic_format = 0x600 <= code <= 0x6FF or code in (0x70F, 0x8E2)
    return (
        category in ("Cc", "Cs", "Zl", "Zp")
        or (category == "Cf" and not arabic_format)
        or (category == "Zs" and code != 0x1680)
        or 0xFE00 <= code <= 0xFE0F
        or 0xE0100 <= code <= 0xE01EF
    )


def drawable_code_points(mapped: set[int]) -> list[int]:
    """Every code point the PDF can draw, given the code points the shipped fonts map."""
    invisible = {code for first, last in INVISIBLE for code in range(first, last + 1)}
    found = []
    for code in range(0x110000):
        if code in invisible:
            found.append(code)
        elif takes_neighbours_font(code):
            if unicodedata.category(chr(code)) == "Zs" or code in (0x09, 0x0A):
                found.append(code)
        elif code in mapped and unicodedata.category(chr(code)) != "Co":
            found.append(code)
    return found


def ranges(codes: list[int]) -> list[str]:
    """Sorted code points as ``start-end`` hexadecimal ranges (a lone code point alone)."""
    parts, start = [], 0
    for index, code in enumerate(codes):
        if index + 1 == len(codes) or codes[index + 1] != code + 1:
            first = codes[start]
            parts.append(f"{first:x}" if first == code else f"{first:x}-{code:x}")
            start = index + 1
    return parts


def shipped_fonts() -> list[Path]:
    """The font files in ``templates/fonts``, as the PDF renderer's Fontconfig finds them."""
    from publisher.resources import templates_dir

    return sorted((templates_dir() / "fonts").glob("*.[ot]tf"))


def coverage_module(fonts: list[Path]) -> str:
    """The text of ``glyph_coverage.py`` for these font files."""
    from fontTools.ttLib import TTFont

    mapped: set[int] = set()
    for font in fonts:
        mapped.update(TTFont(font, lazy=True).getBestCmap())
    parts = ranges(drawable_code_points(mapped))
    rows, row = [], ""
    for part in parts:
        if len(row) + len(part) > 96:
            rows.append(row)
            row = ""
        row += part + " "
    rows.append(row)
    body = "\n".join(f'    "{row}"' for row in rows)
    names = "".join(f'    "{font.name}",\n' for font in fonts)
    return (
        '"""Code points the PDF can draw with the shipped fonts.\n\n'
        'Generated by ``make glyphs`` (``python -m publisher.glyphs``); do not edit.\n"""\n\n'
        f"FONTS = (\n{names})\n"
        '"""The font files of templates/fonts the ranges come from."""\n\n'
        f"RANGES = (\n{body}\n)\n"
        '"""Inclusive hexadecimal ranges ``start-end`` (or one code point), separated by spaces."""\n'
    )


def main() -> None:
    """Write ``glyph_coverage.py`` from the shipped fonts."""
    target = Path(__file__).with_name("glyph_coverage.py")
    target.write_text(coverage_module(shipped_fonts()), encoding="utf-8")
    print(f"wrote {target}")


if __name__ == "__main__":
    main()


def printed_text(value: object) -> str:
    """The text a front matter value prints: itself, or its items' (reviewers, sources) joined."""
    if isinstance(value, str):
        return value
    if isinstance(value, tuple):
        return " ".join(printed_text(item) for item in value)
    fields = getattr(value, "__dataclass_fields__", None)  # a Reference
    return " ".join(str(getattr(value, name)) for name in fields) if fields else str(value)
