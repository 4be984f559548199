"""The fragment in a real browser: Debian's Chromium driven by Playwright, checked with axe-core.

Each check runs on a plain host page and on a Bootstrap page, as a clinic's web developer
would paste the fragment. One browser serves the whole module.
"""

from __future__ import annotations

import pytest

from publisher.parse import parse_source

from .builds import SOURCES
from .hosts import STYLES
from .pages import NARROWEST, OPEN_ALL, open_page
from .tools import require_module

pytestmark = pytest.mark.clients
PAGES = [(name, style) for name in SOURCES for style in STYLES]
WAIT = 5000  # ms: what a visitor would wait at most, and far less than Playwright's 30 s default
OPEN_STATES = "Array.from(document.querySelectorAll('.faqp details'), d => [d.id, d.open])"
# Elements sticking out past the screen's right edge (tables scroll in their own region).
WIDER_THAN_SCREEN = """Array.from(document.querySelectorAll('.faqp *'))
  .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
  .filter(e => !e.closest('.faqp-table'))
  .slice(0, 5).map(e => e.tagName.toLowerCase() + '.' + e.className + ' ' + e.textContent.slice(0, 40))"""


def describe_violations(violations: list[dict]) -> str:
    """axe's violations as lines: rule id, impact, help, and each failing element."""
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            lines.append(f"    {node['target']}: {node['failureSummary']}".replace("\n", " "))
            lines.append(f"      {node['html'][:200]}")
    return "\n".join(lines)


@pytest.mark.parametrize(("name", "style"), PAGES)
def test_axe_finds_no_violations(browser, host_pages, name, style):
    """axe-core checks the whole host page, every question open, and finds nothing."""
    axe = require_module("axe_playwright_python.sync_playwright").Axe()
    with open_page(browser, host_pages[name, style].as_uri()) as page:
        page.evaluate(OPEN_ALL)
        violations = axe.run(page).response["violations"]
    assert not violations, "axe-core:\n" + describe_violations(violations)


@pytest.mark.parametrize("style", STYLES)
def test_tab_reaches_first_question_and_enter_opens_it(browser, host_pages, style):
    """From the top of the page, Tab lands on the first question; Enter opens it, visibly focused."""
    with open_page(browser, host_pages["clinic", style].as_uri()) as page:
        for _ in range(10):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.tagName") == "SUMMARY":
                break
        first = page.locator(".faqp details").first
        focused = page.evaluate("document.activeElement.outerHTML.slice(0, 120)")
        assert page.evaluate("document.activeElement === document.querySelector('.faqp summary')"), (
            f"Tab reached {focused} instead of the first question"
        )
        outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline != "none", "the focused question shows no focus outline"
        assert not first.evaluate("d => d.open")
        page.keyboard.press("Enter")
        assert first.evaluate("d => d.open"), "Enter on the focused question did not open it"


@pytest.mark.parametrize("style", STYLES)
def test_address_with_question_id_opens_it(browser, host_pages, style):
    """Loading host.html#<id> opens that question, only that one, and shows it on screen."""
    entries = [entry.id for entry in parse_entries("clinic")]
    target = entries[len(entries) // 2]
    with open_page(browser, f"{host_pages['clinic', style].as_uri()}#{target}") as page:
        page.wait_for_function(f"document.getElementById('{target}').open", timeout=WAIT)
        states = dict(page.evaluate(OPEN_STATES))
        assert [key for key, is_open in states.items() if is_open] == [target]
        top = page.evaluate(f"document.getElementById('{target}').getBoundingClientRect().top")
        assert 0 <= top < page.viewport_size["height"], f"#{target} is not on screen (top {top})"


@pytest.mark.parametrize("style", STYLES)
def test_internal_link_opens_its_target(browser, host_pages, style):
    """Following an answer's ``#id`` link opens the question it points at."""
    with open_page(browser, host_pages["features", style].as_uri()) as page:
        link = page.locator(".faqp-answer a[href^='#']").first
        target = link.get_attribute("href")[1:]
        assert target in {entry.id for entry in parse_entries("features")}
        page.locator(f"details:has(a[href='#{target}']) > summary").first.click()
        assert not page.evaluate(f"document.getElementById('{target}').open")
        link.click()
        page.wait_for_function(f"document.getElementById('{target}').open", timeout=WAIT)
        assert page.evaluate("location.hash") == f"#{target}"


@pytest.mark.parametrize(("name", "style"), PAGES)
def test_no_horizontal_scrolling_on_a_320px_phone(browser, host_pages, name, style):
    """At 320 CSS pixels, with every answer open, the page is no wider than the screen."""
    with open_page(browser, host_pages[name, style].as_uri(), width=NARROWEST) as page:
        page.evaluate(OPEN_ALL)
        width = page.evaluate("document.documentElement.scrollWidth")
        wider = page.evaluate(WIDER_THAN_SCREEN)
    assert width <= NARROWEST, f"page is {width}px wide at {NARROWEST}px; too wide: {wider}"


def parse_entries(name: str):
    """The entries of a source, from the parsed model."""
    return parse_source(SOURCES[name]).entries
