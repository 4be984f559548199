"""Stand-in renderers for engine tests: fast, and able to fail on demand."""

from __future__ import annotations

import os

from publisher.renderers import Rendered
from publisher.text import inline_text


def _render(fmt: str, document, theme) -> Rendered:
    if os.environ.get("FAIL_FORMAT") == fmt:
        raise RuntimeError(f"injected failure in {fmt}")
    questions = "\n".join(inline_text(e.question) for e in document.entries)
    return Rendered(
        f"{fmt}\n{document.meta.title}\n{questions}\n".encode(), pages=3 if fmt == "pdf" else None
    )


def render_pdf(document, theme) -> Rendered:
    return _render("pdf", document, theme)


def render_docx(document, theme) -> Rendered:
    return _render("docx", document, theme)


def render_html(document, theme) -> Rendered:
    return _render("html", document, theme)


def render_json(document, theme) -> Rendered:
    return _render("json", document, theme)
