"""Running the command-line clients: poppler, qpdf, LibreOffice; and requiring Python clients."""

from __future__ import annotations

import importlib
import os
import re
import subprocess
from pathlib import Path
from types import ModuleType

import pytest


def require_module(name: str) -> ModuleType:
    """Import a Python client (Playwright, axe ...); skip without it, but fail when CI=true."""
    try:
        return importlib.import_module(name)
    except ImportError as error:
        message = f"Python package for {name} is not installed (pip install -e '.[test]'): {error}"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


def run(args: list[str | Path], timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run a client and capture what it says (never raises for a non-zero exit)."""
    return subprocess.run(
        [str(arg) for arg in args], capture_output=True, text=True, timeout=timeout, check=False
    )


def checked(args: list[str | Path], timeout: float = 120) -> str:
    """Run a client that must succeed and return its standard output."""
    result = run(args, timeout)
    assert result.returncode == 0, f"{' '.join(map(str, args))} exited {result.returncode}:\n{result.stderr}"
    return result.stdout


def pdf_text(pdf: Path, raw: bool = False) -> str:
    """The PDF's text as poppler's pdftotext reads it, pages separated by form feeds.

    ``raw`` keeps the order the text was drawn in instead of poppler's guess at the
    reading order, which mixes up the columns of a page whose columns end unevenly.
    """
    return checked(["pdftotext", "-enc", "UTF-8", *(["-raw"] if raw else []), pdf, "-"])


def pdf_info(pdf: Path) -> dict[str, str]:
    """pdfinfo's fields (``Pages``, ``Tagged`` ...) as a dict."""
    lines = checked(["pdfinfo", pdf]).splitlines()
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in lines)}


def pdf_fonts(pdf: Path) -> list[dict[str, str]]:
    """pdffonts' table, one dict per font, cut at the columns its dashed rule marks."""
    header, rule, *rows = checked(["pdffonts", pdf]).splitlines()
    spans = [match.span() for match in re.finditer(r"-+", rule)]
    names = [header[start:end].strip() for start, end in spans]
    # The last column (object ID) runs to the end of the line.
    spans[-1] = (spans[-1][0], None)
    columns = list(zip(names, spans, strict=True))
    return [{name: row[start:end].strip() for name, (start, end) in columns} for row in rows]


def render_pages(pdf: Path, prefix: Path, resolution: int, last: int | None = None) -> list[Path]:
    """PNG pictures of a PDF's pages (pdftoppm), ``prefix-1.png`` and so on."""
    prefix.parent.mkdir(parents=True, exist_ok=True)
    for old in prefix.parent.glob(f"{prefix.name}-*.png"):
        old.unlink()
    pages = ["-l", str(last)] if last else []
    checked(["pdftoppm", "-png", "-r", str(resolution), *pages, pdf, prefix])
    return sorted(prefix.parent.glob(f"{prefix.name}-*.png"))


def convert_to_pdf(documents: list[Path], out_dir: Path, profile: Path) -> str:
    """Convert documents with headless LibreOffice in a private profile; return what it printed."""
    from tests.helpers.tools import convert_with_libreoffice

    return convert_with_libreoffice(documents, out_dir, profile)
