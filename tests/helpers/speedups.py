"""Shared checks of the WeasyPrint speed-ups (renderers/pdf): the same bytes as stock WeasyPrint,
and each stands down for another version."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from tests.helpers.paths import EPOCH, ROOT

RENDER = """
import sys
from pathlib import Path
from publisher.renderers.pdf.render import html_to_pdf
from publisher.resources import templates_dir
html = Path(sys.argv[1])
pdf = html_to_pdf(html.read_text(), (templates_dir(), html.parent), base_url=html.parent)
Path(sys.argv[2]).write_bytes(pdf.data)
"""
"""A process rendering a kept print HTML to a PDF (argv: the HTML, the PDF)."""


def assert_left_alone(caplog, monkeypatch, install: Callable[[], bool], module, name: str, says: str) -> None:
    """``install()`` under a WeasyPrint 71 changes nothing of ``module.name`` and logs ``says``."""
    import weasyprint

    monkeypatch.setattr(weasyprint, "__version__", "71.0")
    before = getattr(module, name)
    caplog.set_level(logging.DEBUG, logger="publisher.speed")
    assert install() is False
    assert getattr(module, name) is before
    assert f"WeasyPrint 71.0 is not 70.0: {says}" in caplog.text


def kept_html(source: Path, out: Path) -> Path:
    """The print HTML ``publisher build --keep-html`` writes for a source."""
    environ = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    command = [sys.executable, "-m", "publisher", "build", str(source), "-o", str(out), "-f", "pdf"]
    subprocess.run([*command, "--keep-html", "--force", "-q", "-j", "1"], cwd=ROOT, env=environ, check=True)
    return out / f"{source.stem}.print.html"


def stock_pdf(html: Path, folder: Path) -> bytes:
    """The PDF of a kept print HTML with every speed-up off, rendered in a process of its own."""
    out = folder / "stock.pdf"
    environ = {
        **os.environ,
        "SOURCE_DATE_EPOCH": EPOCH,
        "PUBLISHER_NO_SPEEDUPS": "1",
        "PYTHONPATH": str(ROOT),
    }
    subprocess.run([sys.executable, "-c", RENDER, str(html), str(out)], cwd=ROOT, env=environ, check=True)
    return out.read_bytes()
