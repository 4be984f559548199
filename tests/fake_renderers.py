"""Stand-in renderers for engine tests: fast, and able to fail on demand."""

from __future__ import annotations

import os

from publisher.text import inline_text


def _render(fmt: str, document, theme) -> bytes:
    if os.environ.get("FAIL_FORMAT") == fmt:
        raise RuntimeError(f"injected failure in {fmt}")
    questions = "\n".join(inline_text(e.question) for e in document.entries)
    return f"{fmt}\n{document.meta.title}\n{questions}\n".encode()


def render_pdf(document, theme) -> bytes:
    return _render("pdf", document, theme)


def render_docx(document, theme) -> bytes:
    return _render("docx", document, theme)


def render_html(document, theme) -> bytes:
    return _render("html", document, theme)


def render_json(document, theme) -> bytes:
    return _render("json", document, theme)
