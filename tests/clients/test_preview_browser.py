"""``publisher preview`` in Debian's Chromium: live updates, problems, recovery, axe-core and the keyboard.

The preview runs in a subprocess on a copy of the clinic's project, with LibreOffice
when it is installed. Waits are on the page's own state (``data-rev``), never fixed sleeps.
"""

from __future__ import annotations

import shutil

import pytest

from tests.helpers.preview import copy_project, start_preview, still_running

from .pages import open_page
from .test_browser import describe_violations
from .tools import require_module

pytestmark = pytest.mark.clients
WAIT = 30_000  # ms for an update on a loaded machine; a warm update takes about a second
WORD_WAIT = 120_000  # ms: LibreOffice's first start makes its profile
NEW_QUESTION = "What does the live preview show?"


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    """The preview of a copy of the clinic's project; stopped after the module, LibreOffice and all."""
    running = start_preview(copy_project(tmp_path_factory.mktemp("project")))
    yield running
    children = running.descendants()
    assert running.stop() == 0
    assert not still_running(children), "the preview left processes behind"


@pytest.fixture
def page(browser, preview):
    """The preview page, opened at desktop width, with the first leaflet page shown."""
    with open_page(browser, f"http://127.0.0.1:{preview.port}/", height=1000) as opened:
        opened.wait_for_selector("#pdf-pages img", state="attached", timeout=WAIT)
        opened.wait_for_function("() => document.getElementById('site-desktop').dataset.rev", timeout=WAIT)
        yield opened


def picture(page, selector: str) -> bytes:
    """The bytes of the picture an <img> shows, fetched as the page fetched it."""
    src = page.eval_on_selector(selector, "img => img.src")
    return page.request.get(src).body()


def rev_after(page, selector: str, rev: str) -> str:
    """Wait until ``selector``'s data-rev moves past ``rev``; the new one."""
    page.wait_for_function(
        "([s, r]) => { const e = document.querySelector(s); return e.dataset.rev && e.dataset.rev !== r; }",
        arg=[selector, rev],
        timeout=WAIT,
    )
    return page.eval_on_selector(selector, "e => e.dataset.rev")


def test_save_updates_fragment_and_leaflet_keeping_tab_and_scroll(page, preview):
    """A save changes the fragment and the PDF picture in place; the tab and scroll stay put."""
    original = preview.source.read_text(encoding="utf-8")
    page.click("#tab-leaflet")
    page.evaluate("window.scrollTo(0, 300)")
    before = picture(page, "#pdf-pages img")
    rev = page.eval_on_selector("#pdf-pages", "e => e.dataset.rev")
    frame_rev = page.eval_on_selector("#site-desktop", "e => e.dataset.rev")
    preview.save(original.replace("\n## ", f"\n## {NEW_QUESTION}\n\nEvery output, as you save.\n\n## ", 1))
    rev_after(page, "#pdf-pages", rev)
    rev_after(page, "#site-desktop", frame_rev)
    assert picture(page, "#pdf-pages img") != before, "the leaflet's first page did not change"
    site = page.frame_locator("#site-desktop")
    assert site.get_by_text(NEW_QUESTION).count() == 1
    assert page.evaluate("location.hash") == "#leaflet"
    assert page.get_attribute("#tab-leaflet", "aria-selected") == "true"
    assert page.evaluate("window.scrollY") == 300
    preview.save(original)
    rev_after(page, "#pdf-pages", page.eval_on_selector("#pdf-pages", "e => e.dataset.rev"))


def test_broken_save_shows_problem_with_line_then_recovers(page, preview):
    """A broken save lists the problem with its line and marks the outputs stale; fixing it recovers."""
    original = preview.source.read_text(encoding="utf-8")
    kept = original.rstrip("\n")
    line = kept.count("\n") + 3  # after a blank line below the last one
    preview.save(kept + "\n\nSee [the form](ftp://clinic.example/form).\n")
    page.wait_for_selector("#status.problems", timeout=WAIT)
    page.click("#tab-problems")
    problems = page.inner_text("#problems")
    assert f"line {line}, column" in problems and "ftp" in problems, problems
    assert page.get_attribute("#tab-problems", "aria-selected") == "true"
    assert "stale" in page.get_attribute("#panel-leaflet", "class")
    assert page.locator("#pdf-pages img").count() > 0, "the last good leaflet must stay visible"
    preview.save(original)
    page.wait_for_function(
        "() => document.getElementById('status').textContent.startsWith('Up to date')", timeout=WAIT
    )
    assert "stale" not in (page.get_attribute("#panel-leaflet", "class") or "")
    # The clinic's FAQ reads above grade 8 (issue 15): its warnings stay listed, counted
    # apart from errors, and do not make the outputs stale.
    listed = preview.state()["problems"]
    assert listed and all(problem["severity"] == "warning" for problem in listed), listed
    warnings = len(listed)
    assert page.inner_text("#problem-count") == f"(0 errors, {warnings} warnings)"
    assert f"with {warnings} warnings" in page.inner_text("#status")
    assert page.inner_text("#problems-none").startswith("No errors: every output is up to date.")
    assert page.locator("#problems li").count() == warnings


def test_handout_pages_from_libreoffice(page, preview):
    """With LibreOffice the Word tab shows the handout's pages; without it, a note and the download."""
    page.click("#tab-handout")
    if not shutil.which("soffice"):
        page.wait_for_function(
            "() => document.getElementById('word-note').textContent.includes('not installed')"
        )
        return
    page.wait_for_selector("#docx-pages img", timeout=WORD_WAIT)
    assert picture(page, "#docx-pages img").startswith(b"\xff\xd8")


def test_axe_finds_no_violations_on_any_tab(page):
    """axe-core on the preview page (and the fragment's frame) finds nothing, tab by tab."""
    axe = require_module("axe_playwright_python.sync_playwright").Axe()
    for tab in ("website", "phone", "leaflet", "handout", "problems"):
        page.click(f"#tab-{tab}")
        violations = axe.run(page).response["violations"]
        assert not violations, f"axe-core on the {tab} tab:\n" + describe_violations(violations)


def test_keyboard_moves_between_tabs(page):
    """Tab reaches the tab list; arrow keys, Home and End move the selection; Tab enters the panel."""
    page.focus("#tab-website")
    page.keyboard.press("ArrowRight")
    assert page.evaluate("document.activeElement.id") == "tab-phone"
    assert page.is_visible("#panel-phone") and not page.is_visible("#panel-website")
    page.keyboard.press("End")
    assert page.evaluate("document.activeElement.id") == "tab-problems"
    page.keyboard.press("ArrowRight")
    assert page.evaluate("document.activeElement.id") == "tab-website"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "panel-website"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "the focused panel shows no focus outline"


def test_screenshot_for_the_readme(page, preview, pictures):
    """A picture of the preview page (leaflet tab) in the artifacts; the README's is a copy of it."""
    page.click("#tab-leaflet")
    page.wait_for_function(
        "() => Array.from(document.querySelectorAll('#pdf-pages img')).every(i => i.naturalWidth)"
    )
    page.set_viewport_size({"width": 1280, "height": 800})
    page.screenshot(path=str(pictures / "preview.png"))
