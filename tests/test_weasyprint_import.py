"""The faster import of WeasyPrint: active for the pinned WeasyPrint, and the PDF is the same."""

from __future__ import annotations

import importlib.machinery
import io
import json
import logging
import os
import shutil
import subprocess
import sys
import types
from pathlib import Path

import pytest
from pypdf import PdfReader

from publisher.renderers.pdf import weasyprint_import
from publisher.renderers.pdf.fonttools_on_demand import imported_names, on_demand, with_fonttools_on_demand
from publisher.resources import templates_dir
from tests.helpers.paths import CLINIC_FAQ, EPOCH, FEATURES_FAQ, ROOT

RENDER = """
import json, sys
from pathlib import Path
if sys.argv[1] == "stock":
    import weasyprint  # imported before our renderer: the ordinary import stays
from publisher.brand import Brand, FontFace
from publisher.parse import parse_source
from publisher.renderers import Theme
from publisher.renderers.pdf import weasyprint_import
from publisher.renderers.pdf.render import render_pdf
brand = Brand()
if len(sys.argv) > 3:
    brand = Brand(name="House", base_font="House Sans", fonts=(FontFace("House Sans", Path(sys.argv[3])),))
fonttools = lambda: any(m.startswith("fontTools.") for m in sys.modules)
before = fonttools()
pdf = render_pdf(parse_source(Path(sys.argv[2])), Theme(brand=brand)).data
sys.stdout.buffer.write(pdf)
state = {"active": weasyprint_import.is_active(), "fonttools": [fonttools(), before]}
sys.stderr.write(json.dumps(state))
"""


def render(mode: str, source: Path, font: Path | None = None) -> tuple[bytes, dict]:
    """A PDF rendered in a fresh process, and how WeasyPrint was imported there."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-c", RENDER, mode, str(source), *([str(font)] if font else [])]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, env=env)
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout, json.loads(result.stderr.decode().splitlines()[-1])


@pytest.mark.parametrize("source", [CLINIC_FAQ, FEATURES_FAQ], ids=["clinic", "features"])
def test_same_pdf_with_the_faster_import(source):
    fast, fast_state = render("fast", source)
    stock, stock_state = render("stock", source)
    assert fast_state == {"active": True, "fonttools": [False, False]}  # never needed here
    assert stock_state["active"] is False
    assert fast.startswith(b"%PDF") and fast == stock


def test_a_woff2_brand_font_loads_fonttools_when_needed(tmp_path):
    from fontTools.ttLib import TTFont

    font = TTFont(templates_dir() / "fonts" / "DejaVuSansMono.ttf")
    font.flavor = "woff2"
    font.save(tmp_path / "house.woff2")
    shutil.copy(CLINIC_FAQ, tmp_path / "faq.md")
    fast, fast_state = render("fast", tmp_path / "faq.md", tmp_path / "house.woff2")
    stock, _ = render("stock", tmp_path / "faq.md", tmp_path / "house.woff2")
    assert fast_state == {"active": True, "fonttools": [True, False]}  # decoding WOFF2 needs it
    assert fast == stock
    names = {
        font.get_object()["/BaseFont"].split("+", 1)[1]
        for page in PdfReader(io.BytesIO(fast)).pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert "House-Sans" in names


def test_on_demand_names_load_on_first_use():
    namespace: dict = {}
    on_demand(namespace, "from json import dumps, JSONDecodeError\nfrom json import decoder\n")
    stand_in = namespace["dumps"]
    assert stand_in is not __import__("json").dumps
    assert issubclass(namespace["JSONDecodeError"], Exception)  # usable in `except` before loading
    assert stand_in([1]) == "[1]"  # first use: the real import runs in the namespace
    assert namespace["dumps"] is __import__("json").dumps
    assert namespace["JSONDecodeError"] is __import__("json").JSONDecodeError
    assert namespace["decoder"] is __import__("json").decoder
    assert stand_in.__name__ == "dumps"  # a stand-in kept elsewhere still works, by attribute too


def test_on_demand_rewrite_needs_the_exact_imports():
    source = "import io\nfrom fontTools.ttLib import TTFont, woff2\n\nx = 1\n"
    rewritten = with_fonttools_on_demand("weasyprint.text.fonts", source)
    assert rewritten is not None and rewritten.count("\n") == source.count("\n")
    assert rewritten.splitlines()[3] == "x = 1"
    changed = source.replace("TTFont, woff2", "TTFont, woff2, newThing")
    assert with_fonttools_on_demand("weasyprint.text.fonts", changed) is None
    assert imported_names("from a import b as c, d\n") == ["c", "d"]


def test_on_demand_rewrite_says_why_it_is_not_made(caplog):
    caplog.set_level(logging.DEBUG, logger="publisher.speed")
    assert with_fonttools_on_demand("weasyprint.pdf.fonts", "from fontTools import subset\n") is None
    assert [record.getMessage() for record in caplog.records] == [
        "weasyprint.pdf.fonts imports fontTools otherwise than WeasyPrint 70: imported at start-up"
    ]


def test_no_finder_once_weasyprint_is_imported(caplog, monkeypatch):
    ours = [finder for finder in sys.meta_path if isinstance(finder, weasyprint_import._RewritingFinder)]
    monkeypatch.setattr(sys, "meta_path", [finder for finder in sys.meta_path if finder not in ours])
    monkeypatch.setitem(
        sys.modules, "weasyprint", sys.modules.get("weasyprint", types.ModuleType("weasyprint"))
    )
    caplog.set_level(logging.DEBUG, logger="publisher.speed")
    weasyprint_import.install()
    assert not any(isinstance(finder, weasyprint_import._RewritingFinder) for finder in sys.meta_path)
    assert [record.getMessage() for record in caplog.records] == [
        "WeasyPrint was imported before the speed-ups were enabled: ordinary import"
    ]


def test_a_module_without_source_is_imported_as_it_is(caplog, monkeypatch):
    loader = importlib.machinery.SourcelessFileLoader("weasyprint.text.ffi", "ffi.pyc")
    compiled = importlib.machinery.ModuleSpec("weasyprint.text.ffi", loader, origin="ffi.pyc")
    monkeypatch.setattr(importlib.machinery.PathFinder, "find_spec", lambda name, path: compiled)
    caplog.set_level(logging.DEBUG, logger="publisher.speed")
    spec = weasyprint_import._RewritingFinder().find_spec("weasyprint.text.ffi", None)
    assert spec is compiled and spec.loader is loader
    assert [record.getMessage() for record in caplog.records] == [
        "weasyprint.text.ffi is not loaded from source: ordinary import"
    ]
