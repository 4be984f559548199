"""The fragment's own look, in a plain page and under Bootstrap, and screenshots for a human look.

Bootstrap's reboot restyles headings, paragraphs, lists, tables and ``<summary>``; the
fragment must set what it relies on, so its computed styles come out the same in both pages.
"""

from __future__ import annotations

import pytest

from .builds import SOURCES
from .hosts import STYLES
from .pages import DESKTOP, OPEN_ALL, PHONE, open_page

pytestmark = pytest.mark.clients
NAMES = list(SOURCES)
TEXT = ["font-family", "font-size", "font-weight", "font-style", "line-height", "color"]
BOX = ["margin-top", "margin-bottom", "padding-top", "padding-left", "padding-bottom"]
LOOK = {
    ".faqp": [*TEXT, "background-color", *BOX, "max-width"],
    ".faqp-title": [*TEXT, *BOX],
    ".faqp-subtitle": [*TEXT, *BOX],
    ".faqp-section-title": [*TEXT, *BOX, "border-bottom-width", "border-bottom-color"],
    ".faqp summary": [*TEXT, *BOX, "display", "cursor", "list-style-type"],
    ".faqp-question": [*TEXT, *BOX, "display"],
    ".faqp-answer p": [*TEXT, *BOX],
    ".faqp-answer ul": [*BOX, "list-style-type"],
    ".faqp-answer ol": [*BOX, "list-style-type"],
    ".faqp-answer a": [*TEXT, "text-decoration-line"],
    ".faqp-answer blockquote": [*TEXT, *BOX, "border-left-width"],
    ".faqp-answer code": ["font-family", "font-size", "color", "background-color"],
    ".faqp-answer pre": [*TEXT, *BOX, "white-space"],
    ".faqp-answer table": ["font-size", "border-collapse", "margin-bottom", "width"],
    ".faqp-answer th": [*TEXT, *BOX, "border-top-width", "text-align", "background-color"],
    ".faqp-answer td": [*TEXT, *BOX, "border-top-width", "text-align", "background-color"],
    ".faqp-disclaimer": [*TEXT, *BOX, "border-top-width"],
}
COMPUTED = """([selector, names]) => {
  const element = document.querySelector(selector);
  if (!element) return null;
  const style = getComputedStyle(element);
  return Object.fromEntries(names.map(name => [name, style.getPropertyValue(name)]));
}"""


def computed_look(browser, url: str) -> dict[str, dict[str, str] | None]:
    """The computed styles named in LOOK, every question open, at desktop width."""
    with open_page(browser, url) as page:
        page.evaluate(OPEN_ALL)
        return {selector: page.evaluate(COMPUTED, [selector, names]) for selector, names in LOOK.items()}


LOOK_NAMES = NAMES


@pytest.mark.parametrize("name", LOOK_NAMES)
def test_bootstrap_leaves_the_fragment_look_intact(browser, host_pages, name):
    """Every element's font, colour and spacing is the same under Bootstrap as on a plain page."""
    plain = computed_look(browser, host_pages[name, "plain"].as_uri())
    bootstrap = computed_look(browser, host_pages[name, "bootstrap"].as_uri())
    changed = [
        f"{selector} {prop}: {value!r} plain, {bootstrap[selector][prop]!r} under Bootstrap"
        for selector, values in plain.items()
        if values
        for prop, value in values.items()
        if bootstrap[selector][prop] != value
    ]
    assert not changed, "Bootstrap changes the fragment's look:\n" + "\n".join(changed)


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("name", NAMES)
def test_screenshots(browser, host_pages, pictures, name, style, width):
    """A full-page PNG; the clinic's FAQ with its first answer open, the feature fixture all open."""
    device = "desktop" if width == DESKTOP else "phone"
    with open_page(browser, host_pages[name, style].as_uri(), width=width) as page:
        if name == "clinic":
            # Opened without the mouse, which would leave a hover underline in the picture.
            page.locator(".faqp details").first.evaluate("details => { details.open = true; }")
        else:
            page.evaluate(OPEN_ALL)
        path = pictures / f"fragment-{name}-{style}-{device}.png"
        page.screenshot(path=path, full_page=True, animations="disabled")
        if (name, style) == ("clinic", "plain"):
            page.locator(".faqp").screenshot(path=pictures / f"readme-fragment-{device}.png")
    assert path.stat().st_size > 0
