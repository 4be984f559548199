"""The host pages carrying the fragment, checked by the W3C Nu HTML validator (vnu.jar, Java).

The validator is the current release from npm's vnu-jar package, fetched by
``tests/clients/fetch_vnu.sh`` (``.ci/run`` does it), or the jar named by VNU_JAR.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.helpers.paths import ROOT
from tests.helpers.tools import require_tool

from .builds import SOURCES
from .hosts import STYLES
from .tools import run

pytestmark = pytest.mark.clients
PAGES = [(name, style) for name in SOURCES for style in STYLES]
FETCHED_JAR = ROOT / "tests" / "artifacts" / "vnu" / "vnu.jar"


def validator_jar() -> Path:
    """VNU_JAR, or the jar fetch_vnu.sh left; skip without one, but fail when CI=true."""
    jar = Path(os.environ.get("VNU_JAR", FETCHED_JAR))
    if jar.is_file():
        return jar
    message = f"no W3C Nu validator at {jar}: run tests/clients/fetch_vnu.sh (needs npm)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def messages(host_pages) -> dict[Path, list[dict]]:
    """The validator's errors for every host page, from one Java run: ``page -> messages``."""
    java = require_tool("java")
    pages = list(host_pages.values())
    command = [java, "-Xss16m", "-jar", validator_jar(), "--errors-only", "--format", "json", *pages]
    result = run(command, timeout=180)
    try:
        found = json.loads(result.stderr or result.stdout)["messages"]
    except (json.JSONDecodeError, KeyError):
        pytest.fail(f"the validator did not answer in JSON (exit {result.returncode}):\n{result.stderr}")
    return {page: [m for m in found if m.get("url", "").endswith("/" + page.name)] for page in pages}


def describe(message: dict) -> str:
    """One validator message as ``line:column: type: message  [extract]``."""
    where = f"{message.get('lastLine', '?')}:{message.get('firstColumn', '?')}"
    extract = message.get("extract", "").replace("\n", " ")
    return f"{where}: {message.get('type')}: {message.get('message')}  [{extract}]"


@pytest.mark.parametrize(("name", "style"), PAGES)
def test_validator_reports_no_errors(host_pages, messages, name, style):
    """The page with the fragment pasted in is valid HTML (no errors; warnings are allowed)."""
    errors = messages[host_pages[name, style]]
    assert not errors, "W3C Nu validator:\n" + "\n".join(describe(m) for m in errors)
