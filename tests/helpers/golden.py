"""Golden files: compare a rendered text with ``tests/golden/<name>``.

An HTML golden keeps the document's structure and content but not the text of the
stylesheets and scripts shipped in ``templates/``: where a ``<style>`` or ``<script>``
element holds a shipped file, the golden holds a placeholder naming the file. So a CSS
or script edit rewrites no golden file; the shipped files are tested where they are the
subject (``test_fragment.py``: every inlined rule is scoped under ``.faqp``, the inlined
script is ``reveal.js`` itself). What a renderer writes around them (the brand's custom
properties, the print HTML's per-document ``@page`` rules) and the JSON-LD, which is
content, stay in the golden file.
"""

from __future__ import annotations

import os
import re
from functools import cache

from publisher.resources import templates_dir
from tests.helpers.paths import GOLDEN

ELEMENT = re.compile(r"(<(style|script)\b([^>]*)>)(.*?)(</\2>)", re.DOTALL)
SHIPPED_SUFFIXES = (".css", ".js")


@cache
def shipped_texts() -> tuple[tuple[str, str], ...]:
    """(text, placeholder) of every shipped stylesheet and script, longest first."""
    root = templates_dir()
    found = []
    for path in sorted(root.rglob("*")):
        if path.suffix in SHIPPED_SUFFIXES:
            text = path.read_text(encoding="utf-8").strip()
            if text:
                found.append((text, f"/* {root.name}/{path.relative_to(root).as_posix()} */"))
    return tuple(sorted(found, key=lambda item: -len(item[0])))


def without_shipped_assets(html: str) -> str:
    """``html`` with every shipped file's text in a ``<style>`` or ``<script>`` body named, not copied.

    JSON-LD (``<script type="application/ld+json">``) is left alone: it is content.
    """

    def replace(match: re.Match[str]) -> str:
        opening, _, attributes, body, closing = match.groups()
        if "ld+json" in attributes:
            return match.group(0)
        for text, placeholder in shipped_texts():
            body = body.replace(text, placeholder)
        return opening + body + closing

    return ELEMENT.sub(replace, html)


def assert_golden(name: str, text: str) -> None:
    """Compare text with ``tests/golden/<name>``; UPDATE_GOLDEN=1 rewrites the file instead.

    HTML goldens (``.html``) are compared without the shipped stylesheets and scripts.
    """
    if name.endswith(".html"):
        text = without_shipped_assets(text)
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"missing golden file {path}; run the tests with UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8"), f"output differs from golden file {name}"
