"""The preview's own pages: the page with its tabs, the host page around the fragment, static files.

They come from ``templates/preview/`` and are read once, when the preview starts: the
server never opens a file named by a request.
"""

from __future__ import annotations

import html
from functools import cache

from publisher.resources import templates_dir

from .events import Blob

STATIC = {
    "preview.css": "text/css; charset=utf-8",
    "preview.js": "text/javascript; charset=utf-8",
}
"""The only files served under ``/static/``: name to media type."""


def template(name: str) -> str:
    """A file of ``templates/preview/`` as text."""
    return (templates_dir() / "preview" / name).read_text(encoding="utf-8")


@cache
def static_files() -> dict[str, Blob]:
    """The preview page's stylesheet and script, read once."""
    return {name: Blob(template(name).encode(), media_type) for name, media_type in STATIC.items()}


def preview_page(source_name: str, stem: str) -> bytes:
    """The preview page for a source (its tabs are filled in by the script)."""
    text = template("preview.html")
    text = text.replace("{{source}}", html.escape(source_name)).replace("{{stem}}", html.escape(stem))
    return text.encode()


@cache
def host_template() -> str:
    """The plain web page the fragment is shown in."""
    return template("host.html")


def host_page(fragment: bytes) -> bytes:
    """The fragment pasted into a plain web page, byte for byte, as a web developer would."""
    before, _, after = host_template().partition("{{fragment}}")
    return before.encode() + fragment + after.encode()
