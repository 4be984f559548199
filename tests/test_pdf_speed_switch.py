"""The speed-ups' switch: enable() turns them on, PUBLISHER_NO_SPEEDUPS=1 all off, the PDF stays the same."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.paths import CLINIC_FAQ, EPOCH, ROOT

BUILD = """
import json, logging, sys
import pydyf
from publisher.cli import main
from publisher.renderers.pdf import speed, weasyprint_import
said = []
handler = logging.Handler(logging.DEBUG)
handler.emit = lambda record: said.append(record.getMessage())
logging.getLogger("publisher.speed").addHandler(handler)
logging.getLogger("publisher.speed").setLevel(logging.DEBUG)
try:
    main(sys.argv[1:])
except SystemExit as stop:
    assert not stop.code, stop.code
state = {
    "finder": any(isinstance(f, weasyprint_import._RewritingFinder) for f in sys.meta_path),
    "active": weasyprint_import.is_active(),
    "cached": isinstance(pydyf.PDF.page_references.fget, speed.CachedPageReferences),
    "said": said,
}
sys.stderr.write(json.dumps(state))
"""

ENABLE = """
import gc, json, sys
import pydyf
from publisher.renderers.pdf import speed, weasyprint_import
choices = [speed.enable(on) for on in json.loads(sys.argv[1])]
with speed.cycle_collector_paused():
    paused = not gc.isenabled()
fget = pydyf.PDF.page_references.fget
state = {
    "choices": choices,
    "finders": sum(isinstance(f, weasyprint_import._RewritingFinder) for f in sys.meta_path),
    "cached": isinstance(fget, speed.CachedPageReferences),
    "cache_of_cache": isinstance(getattr(fget, "original", fget), property)
    and isinstance(fget.original.fget, speed.CachedPageReferences),
    "paused": paused,
}
print(json.dumps(state))
"""


def run_python(code: str, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """``python -c code args`` in a fresh process at the repository's root."""
    environ = {key: value for key, value in os.environ.items() if key != "PUBLISHER_NO_SPEEDUPS"}
    environ.update({"SOURCE_DATE_EPOCH": EPOCH, "PYTHONPATH": str(ROOT)}, **(env or {}))
    result = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, env=environ)
    assert result.returncode == 0, result.stderr.decode()
    return result


def build_pdf(out: Path, jobs: int, off: bool) -> tuple[bytes, dict]:
    """A cold ``publisher build -f pdf``, and the speed-ups' state in the build process afterwards."""
    switch = {"PUBLISHER_NO_SPEEDUPS": "1"} if off else {}
    command = ["build", str(CLINIC_FAQ), "-f", "pdf", "-o", str(out), "-j", str(jobs), "--force", "-q"]
    result = run_python(BUILD, *command, env=switch)
    return (out / "faq.pdf").read_bytes(), json.loads(result.stderr.decode().splitlines()[-1])


def test_off_switch_gives_stock_weasyprint_and_the_same_pdf(tmp_path):
    fast, on = build_pdf(tmp_path / "on", jobs=1, off=False)
    stock, off = build_pdf(tmp_path / "off", jobs=1, off=True)
    assert on == {"finder": True, "active": True, "cached": True, "said": []}  # nothing fell back
    assert off["finder"] is False and off["active"] is False and off["cached"] is False
    assert off["said"] == ["PUBLISHER_NO_SPEEDUPS is set: WeasyPrint and pydyf run as installed"]
    assert fast.startswith(b"%PDF") and fast == stock


def test_off_switch_reaches_the_worker(tmp_path):
    in_worker, _ = build_pdf(tmp_path / "worker", jobs=2, off=True)
    here, _ = build_pdf(tmp_path / "here", jobs=1, off=False)
    assert in_worker == here


@pytest.mark.parametrize(
    ("calls", "expected"),
    [
        ([True, True], {"choices": [True, True], "finders": 1, "cached": True, "paused": True}),
        ([False, True], {"choices": [False, False], "finders": 0, "cached": False, "paused": False}),
    ],
    ids=["twice", "first-call-decides"],
)
def test_enable_twice_is_harmless(calls, expected):
    state = json.loads(run_python(ENABLE, json.dumps(calls)).stdout)
    assert state.pop("cache_of_cache") is False
    assert state == expected
