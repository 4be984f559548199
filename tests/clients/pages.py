"""Driving Debian's Chromium with Playwright: launch flags and pages at a chosen width."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
"""Flags for Chromium on a machine without a screen or a network (see the machine notes)."""
DESKTOP, PHONE, NARROWEST = 1200, 360, 320
OPEN_ALL = "document.querySelectorAll('.faqp details').forEach(d => { d.open = true; })"


@contextmanager
def open_page(browser, url: str, width: int = DESKTOP, height: int = 900) -> Iterator:
    """A page at ``url`` in a fresh context with a viewport ``width`` CSS pixels wide."""
    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        page = context.new_page()
        page.goto(url)
        yield page
    finally:
        context.close()
