"""Broken and hostile input (issue 19): never a traceback, never a hang, never a lost file.

Each case runs the real command line in a subprocess, `check` and `build` side by
side, and holds both to the promise: exit 0 with good outputs, or exit 1 with a
``path:line:col: message`` naming the file (and the limit, for a limit), in bounded
time and memory, with the previous outputs untouched. Small inputs are committed
under ``tests/corpus/hostile/<case>``; huge ones are made here, at test time.
"""

from __future__ import annotations

import shutil
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers.cli_run import Run, assert_bounded, run_all
from tests.helpers.images import png_chunk
from tests.helpers.paths import TESTS

CORPUS = TESTS / "corpus" / "hostile"
Q = "---\ntitle: Hostile input\n---\n\n## What does this hold?\n\n"


@dataclass(frozen=True)
class Case:
    """What a hostile input must give: refused at ``where`` saying ``says``, or built."""

    where: str = ""
    """The start of the problem line, ``file:line:`` (empty: the input must build)."""
    says: str = ""
    """Words the message must hold."""
    make: Callable[[Path], None] | None = None
    """Writes the input into a folder; without it the corpus folder of the case is copied."""


def source(text: str) -> Callable[[Path], None]:
    """A maker writing ``faq.md``."""
    return lambda folder: (folder / "faq.md").write_text(text, encoding="utf-8")


def with_brand(text: str) -> Callable[[Path], None]:
    """A maker writing a plain ``faq.md`` beside the ``_brand.yml`` given."""

    def make(folder: Path) -> None:
        source(Q + "Text.\n")(folder)
        (folder / "_brand.yml").write_text(text, encoding="utf-8")

    return make


def huge_png(folder: Path) -> None:
    """A 12,000 x 12,000 PNG (1 bit a pixel, so it is small on disk) named by the source."""
    rows = zlib.compress(bytes(12_000 * (1 + 1500)), 9)
    header = struct.pack(">IIBBBBB", 12_000, 12_000, 1, 0, 0, 0, 0)
    data = (
        b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header) + png_chunk(b"IDAT", rows) + png_chunk(b"IEND", b"")
    )
    (folder / "big.png").write_bytes(data)
    source(Q + "![a big picture](big.png)\n")(folder)


def hundred_uses(folder: Path) -> None:
    """A 230 KB picture (incompressible, so its file is that large) used by 100 questions."""
    import random

    noise = random.Random(19).randbytes(300 * 768)
    rows = b"".join(b"\x00" + noise[i * 768 : (i + 1) * 768] for i in range(300))
    header = struct.pack(">IIBBBBB", 256, 300, 8, 2, 0, 0, 0)
    picture = png_chunk(b"IHDR", header) + png_chunk(b"IDAT", zlib.compress(rows)) + png_chunk(b"IEND", b"")
    (folder / "p.png").write_bytes(b"\x89PNG\r\n\x1a\n" + picture)
    entries = "".join(f"## Question {i}?\n\n![picture {i}](p.png)\n\n" for i in range(100))
    source("---\ntitle: Pictures\n---\n\n" + entries)(folder)


def emphasis(depth: int) -> str:
    """Emphasis nested ``depth`` deep, alternating * and _ so each level opens a new span."""
    return (
        "".join(f"{'*_'[i % 2]}w{i} " for i in range(depth))
        + "x"
        + "".join("*_"[i % 2] for i in reversed(range(depth)))
    )


def yaml_nested(depth: int) -> str:
    """A YAML value of ``depth`` nested block mappings (each line short, so no line limit trips)."""
    return "".join(f"{'  ' * i}k{i}:\n" for i in range(depth)) + "  " * depth + "x\n"


MAP_LINK = (
    "https://www.google.com/maps/place/Example+Clinic,+1+Example+Street/@51.5142,-0.1494,17z/data="
    + "!3m1!4b1!4m6!3m5!1s0x48761b2b2b2b2b2b:0x1234567890abcdef!8m2!3d51.5142!4d-0.1494!16s%2Fg%2F11abc" * 7
)[:785]

GENERATED = {
    # Tracebacks
    "emphasis-nested-300": Case("faq.md:7:", "nested more than 18 levels", source(Q + emphasis(300) + "\n")),
    "front-matter-nested-yaml": Case(
        "faq.md:",
        "nested more than 10 levels",
        source("---\ntitle: T\nsubtitle:\n" + yaml_nested(300) + "---\n\n## Q?\n\nA.\n"),
    ),
    "front-matter-nested-flow": Case(
        "faq.md:2:",
        "nested more than 10 levels",
        source("---\ntitle: " + "[" * 3000 + "]" * 3000 + "\n---\n\n## Q?\n\nA.\n"),
    ),
    "brand-nested-yaml": Case(
        "_brand.yml:", "nested more than 10 levels", with_brand("meta:\n" + yaml_nested(300))
    ),
    # Crashes and hangs
    "brackets-50000": Case("faq.md:7:10001:", "limit of 10,000", source(Q + "[" * 50_000 + "\n")),
    "underscores-100000": Case("faq.md:7:10001:", "limit of 10,000", source(Q + "_" * 100_000 + "\n")),
    "line-5-mb": Case("faq.md:1:1:", "limit of 1,000,000 bytes", source(Q + "word " * 1_000_000 + "\n")),
    "url-60000": Case(
        "faq.md:7:10001:", "limit of 10,000", source(Q + "[x](https://a.example/" + "a" * 60_000 + ")\n")
    ),
    "url-3000": Case(
        "faq.md:7:", "limit of 2,048", source(Q + "[x](https://a.example/" + "a" * 3_000 + ")\n")
    ),
    "title-1-mb": Case(
        "faq.md:1:1:",
        "limit of 1,000,000 bytes",
        source("---\ntitle: " + "T" * 1_000_000 + "\n---\n\n## Q?\n\nA.\n"),
    ),
    "title-3000": Case(
        "faq.md:2:", "limit of 2,000", source("---\ntitle: " + "T " * 1_500 + "\n---\n\n## Q?\n\nA.\n")
    ),
    "table-2000-columns": Case(
        "faq.md:7:",
        "limit of 12",
        source(Q + "|" + "a|" * 2000 + "\n|" + "-|" * 2000 + "\n|" + "b|" * 2000 + "\n"),
    ),
    "png-12000-pixels-square": Case(
        "faq.md:7:", "limit of 20,000 pixels a side and 25,000,000 pixels", huge_png
    ),
    # `check` passed and `build` failed: Word keeps 255 characters in a property
    "title-300": Case(make=source("---\ntitle: " + "Title " * 50 + "\n---\n\n## Q?\n\nA.\n")),
    "clinic-name-undrawable": Case(
        "_brand.yml:2:3:", "the PDF cannot draw U+0090", with_brand('meta:\n  name: "Clinic \\x90"\n')
    ),
    "clinic-name-300": Case(make=with_brand("meta:\n  name: " + "Clinic " * 43 + "\n")),
    # Slow layout: long unbreakable text must wrap, quickly, not run off the page
    "emphasis-300-in-one-word": Case(
        "faq.md:7:1:", "more than 10 pieces of emphasis", source(Q + "*a*" * 300 + "\n")
    ),
    "link-1000": Case(make=source(Q + "[x](https://a.example/" + "a" * 1000 + ")\n")),
    "map-link-785": Case(make=source(Q + f"Find us [on the map]({MAP_LINK}).\n")),
    "word-9000": Case(make=source(Q + "x" * 9000 + "\n")),
    "code-line-9000": Case(make=source(Q + "    " + "y" * 9000 + "\n")),
    "image-used-100-times": Case("faq.md:", "limit of 15,000,000", hundred_uses),
    "brand-file-3-mb": Case(
        "_brand.yml:1:1:",
        "limit of 100,000 bytes",
        with_brand("color:\n  primary: '" + "a" * 3_000_000 + "'\n"),
    ),
}

CORPUS_CASES = {
    # Tracebacks: the shapes a brand file may take by mistake, YAML a loader must refuse
    "brand-color-plain": Case("_brand.yml:1:1:", "color: expected a mapping"),
    "brand-color-list": Case("_brand.yml:1:1:", "color: expected a mapping"),
    "brand-typography-plain": Case("_brand.yml:1:1:", "typography: expected a mapping"),
    "brand-typography-list": Case("_brand.yml:1:1:", "typography: expected a mapping"),
    "brand-fonts-number": Case("_brand.yml:2:3:", "typography.fonts: expected a list"),
    "brand-font-files-number": Case("_brand.yml:4:7:", "files: expected a file name or a list"),
    "brand-font-weight-digits": Case("_brand.yml:6:19:", "cannot be read"),
    "brand-billion-laughs": Case("_brand.yml:2:", "aliases (*name) are not allowed"),
    "brand-colour-long-string": Case("_brand.yml:2:3:", "limit of 2,000"),
    "front-matter-bad-date": Case("faq.md:3:10:", "'2026-13-45' cannot be read"),
    "front-matter-huge-integer": Case("faq.md:2:8:", "cannot be read"),
    "front-matter-alias": Case("faq.md:3:", "aliases (*name) are not allowed"),
    "image-nul-byte": Case("faq.md:7:", "the name holds a NUL character"),
    "image-name-too-long": Case("faq.md:7:14:", "cannot be read: File name too long"),
    # `check` passed and `build` failed
    "entity-form-feed": Case("faq.md:7:12:", "U+000C, which cannot appear in XML"),
    "entity-line-separator": Case("faq.md:7:17:", "U+2028"),
    "next-line-character": Case("faq.md:7:12:", "U+0085"),
    "cjk-text": Case("faq.md:7:15:", "U+55B6"),
    "png-truncated": Case("faq.md:7:14:", "is truncated"),
    "png-empty": Case("faq.md:7:14:", "is not a valid PNG file"),
    "png-signature-only": Case("faq.md:7:14:", "is truncated"),
    "png-bad-checksum": Case("faq.md:7:14:", "fails its checksum"),
    "png-resolution-zero": Case("faq.md:7:14:", "resolution of 0 dots per inch"),
    "jpeg-truncated": Case("faq.md:7:14:", "truncated"),
    "jpeg-empty": Case("faq.md:7:14:", "is not a valid JPEG file"),
    "jpeg-resolution-zero": Case("faq.md:7:14:", "resolution of 0 dots per inch"),
    "jpeg-no-jfif": Case("faq.md:7:14:", "no JFIF or Exif header"),
    "svg-latin-1": Case("faq.md:7:14:", "is not UTF-8"),
    "svg-utf-16": Case("faq.md:7:14:", "is not UTF-8"),
    "svg-no-size": Case("faq.md:7:14:", "has no size"),
    "svg-zero-size": Case("faq.md:7:14:", "size that cannot be drawn"),
    "svg-giant-size": Case("faq.md:7:14:", "limit of 10,000 pixels a side"),
    "svg-giant-viewbox": Case("faq.md:7:14:", "limit of 10,000 pixels a side"),
    "svg-embedded-svg-elsewhere": Case("faq.md:7:14:", "may embed PNG and JPEG pictures only"),
    "svg-image-elsewhere": Case("faq.md:7:14:", "may not refer to other files"),
    "svg-style-import": Case("faq.md:7:14:", "may not load other files"),
    # Crashes and hangs
    "svg-huge-width": Case("faq.md:7:14:", "limit of 10,000 pixels a side"),
    "svg-use-bomb": Case("faq.md:7:14:", "draws more than 5,000 elements"),
    "svg-use-loop": Case("faq.md:7:14:", "refers to itself"),
    # Content lost without a word
    "table-extra-cells": Case("faq.md:9:1:", "3 cells but the header row has 2"),
    "front-matter-duplicate-key": Case("faq.md:3:1:", "'title' is given twice"),
    "brand-duplicate-key": Case("_brand.yml:3:3:", "meta.name: given twice"),
    # Data and privacy
    "brand-home-javascript": Case("_brand.yml:3:5:", "must be an http:// or https:// address"),
    "url-not-a-url": Case("faq.md:3:1:", "'url' must be the http:// or https:// address"),
    "url-host-with-space": Case("faq.md:3:1:", "holds a space"),
    "link-host-with-space": Case("faq.md:7:17:", "cannot exist"),
}
CASES = {**CORPUS_CASES, **GENERATED}


@pytest.fixture(scope="session")
def previous_outputs(tmp_path_factory) -> Path:
    """The outputs of a good build of ``faq.md``: every case starts with these in its output folder."""
    folder = tmp_path_factory.mktemp("previous")
    source(Q + "A good answer.\n")(folder)
    [run] = run_all([["build", "faq.md", "-o", "out", "-j", "1", "-q"]], folder)
    assert run.code == 0, run
    return folder / "out"


def files_of(folder: Path) -> dict[str, bytes]:
    """Every file in a folder, hidden ones too, by name."""
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def assert_refused(run: Run, case: Case) -> None:
    """Exit 1 and a ``path:line:col: message`` line naming the file, where and as expected."""
    assert run.code == 1, run
    found = [m.group(0) for m in run.problems() if Path(m.group("path")).name == case.where.split(":")[0]]
    wanted = [line for line in found if f"/{case.where}" in f"/{line}" and case.says in line]
    assert wanted, f"no problem at {case.where!r} saying {case.says!r}\n{run}"


@pytest.mark.parametrize("name", CASES, ids=list(CASES))
def test_hostile_input_is_refused_or_built_in_bounded_time(name: str, tmp_path: Path, previous_outputs: Path):
    case = CASES[name]
    if case.make:
        case.make(tmp_path)
    else:
        shutil.copytree(CORPUS / name, tmp_path, dirs_exist_ok=True)
    shutil.copytree(previous_outputs, tmp_path / "out")
    stamp = tmp_path / "out" / ".faq.build.json"  # as if the good source had been here
    stamp.write_text(stamp.read_text().replace(str(previous_outputs.parent), str(tmp_path)))
    before = files_of(tmp_path / "out")
    check, build = run_all([["check", "faq.md"], ["build", "faq.md", "-o", "out", "-j", "1"]], tmp_path)
    for run in (check, build):
        assert_bounded(run)
        if case.where:
            assert_refused(run, case)
        else:
            assert run.code == 0, run
    if case.where:
        assert files_of(tmp_path / "out") == before, "a refused build changed the previous outputs"
