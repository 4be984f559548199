"""Fixtures for the client tests: the outputs built once per session, host pages, pictures folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.paths import ROOT
from tests.helpers.tools import require_tool

from .builds import SOURCES, Outputs, build_everything
from .hosts import STYLES, write_host_page
from .pages import CHROMIUM_FLAGS
from .tools import require_module

PICTURES = ROOT / "tests" / "artifacts" / "pictures"


@pytest.fixture(scope="session")
def outputs(tmp_path_factory) -> Outputs:
    """Every source built in every format, once per session."""
    return build_everything(tmp_path_factory.mktemp("outputs"))


@pytest.fixture(scope="session")
def host_pages(outputs, tmp_path_factory) -> dict[tuple[str, str], Path]:
    """Host pages around each source's fragment: ``(name, style) -> page``."""
    folder = tmp_path_factory.mktemp("hosts")
    return {
        (name, style): write_host_page(outputs.path(name, "html"), folder, name, style)
        for name in SOURCES
        for style in STYLES
    }


@pytest.fixture(scope="session")
def pictures() -> Path:
    """The git-ignored folder where tests leave PNGs for a human to look at."""
    PICTURES.mkdir(parents=True, exist_ok=True)
    return PICTURES


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium, launched once per module (Playwright never downloads a browser)."""
    executable = require_tool("chromium")
    sync_api = require_module("playwright.sync_api")
    # Playwright gives every launch a fresh, empty user-data-dir of its own.
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()
