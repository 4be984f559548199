"""Fuzzing the readers (issue 19): no traceback, bounded time and memory, and `check` passing
means every renderer succeeds.

Hypothesis draws sources (front matter and Markdown), brand files and image bytes
(``tests/helpers/strategies.py``). Each example must be read or refused with located
problems (SourceError, never another exception), within the deadline and a memory
budget; one that is read must render in the formats named below. CI runs a few dozen
derandomized examples a test; ``make fuzz`` (HYPOTHESIS_PROFILE=fuzz) runs thousands
with fresh randomness.
"""

from __future__ import annotations

import os
import resource
import tempfile
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings

from publisher.brand import Brand
from publisher.brandfile import load_brand
from publisher.build import render_one
from publisher.errors import SourceError
from publisher.parse import parse_source
from publisher.renderers import Theme
from tests.helpers.images import tiny_jpeg, tiny_png
from tests.helpers.strategies import brand_files, images, sources

PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
LONG = PROFILE == "fuzz"
MEGABYTES = 500
SLOW = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]


def budget(examples: int) -> settings:
    """Settings for one test: ``examples`` in CI (derandomized, so CI is repeatable), many more in fuzz."""
    return settings(
        max_examples=examples * 50 if LONG else examples,
        deadline=timedelta(seconds=5),
        derandomize=not LONG,
        suppress_health_check=SLOW,
        database=None if not LONG else settings.default.database,
    )


SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="5" height="5"/></svg>'


def folder_with_pictures(folder: Path) -> Path:
    """A folder holding the three pictures the drawn sources may name."""
    (folder / "pic.png").write_bytes(tiny_png(3, 3))
    (folder / "pic.jpg").write_bytes(tiny_jpeg())
    (folder / "pic.svg").write_text(SVG, encoding="utf-8")
    return folder


def peak_mb() -> float:
    """This process's peak memory so far."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def read_or_refuse(read, *args):
    """What ``read`` returns, or None when it refused with located problems (nothing else is allowed)."""
    before = peak_mb()
    try:
        return read(*args)
    except SourceError as error:
        assert error.problems, "a SourceError must carry its problems"
        for problem in error.problems:
            assert problem.line >= 1 and problem.col >= 1, problem
            assert "\n" not in problem.message and len(problem.message) < 600, problem
        return None
    finally:
        assert peak_mb() - before < MEGABYTES, f"reading took more than {MEGABYTES} MB"


def render_all(document, theme: Theme, formats: tuple[str, ...]) -> None:
    """Every format renders what `check` accepted (a RenderError here is a check that passed wrongly)."""
    for fmt in formats:
        render_one(fmt, document, theme)


@pytest.fixture(scope="module", autouse=True)
def _warm_pdf():
    """Import WeasyPrint once, so the first example's deadline does not pay for it."""
    if LONG:
        import weasyprint  # noqa: F401


@budget(40)
@given(text=sources)
def test_any_source_is_read_or_refused_and_renders(text: str):
    with tempfile.TemporaryDirectory() as name:
        source = folder_with_pictures(Path(name)) / "faq.md"
        source.write_text(text, encoding="utf-8", errors="surrogatepass")
        document = read_or_refuse(parse_source, source)
        if document is not None:
            render_all(document, Theme(), ("html", "json", "docx", *(("pdf",) if LONG else ())))


@budget(40)
@given(text=brand_files)
def test_any_brand_file_is_read_or_refused_and_renders(text: str):
    with tempfile.TemporaryDirectory() as name:
        folder = folder_with_pictures(Path(name))
        (folder / "images").mkdir()
        (folder / "images" / "logo.svg").write_text(SVG, encoding="utf-8")
        (folder / "_brand.yml").write_text(text, encoding="utf-8")
        brand = read_or_refuse(load_brand, folder / "_brand.yml")
        if isinstance(brand, Brand):
            source = folder / "faq.md"
            source.write_text("---\ntitle: T\n---\n\n## Q?\n\nA.\n", encoding="utf-8")
            formats = ("html", "json", "docx", *(("pdf",) if LONG else ()))
            render_all(parse_source(source), Theme(brand=brand), formats)


# Found by fuzzing: each once passed `check` and then failed a build.
JPEG_UNKNOWN_MARKER = bytes.fromhex(
    "ffd8ffe000104a46494600010100000000000000ffdb004300" + "01" * 64 + "ffc0000b080008000801011100"
    "ffc4001400010000000000000000000000000000000000ff020014100100000000000000000000000000000000"
    "ffda0008010100003f003fffd9"
)


@budget(12)
@given(picture=images)
@example(picture=("pic.jpg", JPEG_UNKNOWN_MARKER))
def test_any_image_is_refused_or_drawn_in_every_format(picture: tuple[str, bytes]):
    name, data = picture
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / name).write_bytes(data)
        source = Path(folder) / "faq.md"
        source.write_text(f"---\ntitle: T\n---\n\n## Q?\n\n![a picture]({name})\n", encoding="utf-8")
        document = read_or_refuse(parse_source, source)
        if document is not None:
            render_all(document, Theme(), ("html", "docx", "pdf"))
