"""The registry of output formats: one module per format, imported only when built.

Every renderer has the same signature, ``render_<format>(document, theme) -> bytes``,
and must not read files the source did not name, touch the network or change the model.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from publisher.brand import Brand
from publisher.model import Document


@dataclass(frozen=True)
class Theme:
    """The look and the per-format options a build was asked for."""

    paper: str = "a4"
    """PDF paper size: "a4" or "letter"."""
    script: bool = True
    """HTML: include the small script that opens a question named in the URL."""
    jsonld: bool = True
    """HTML: include schema.org FAQPage JSON-LD."""
    logo: bool = False
    """HTML: show the clinic's logo in the fragment."""
    docx_reference: Path | None = None
    """DOCX: take styles from this .docx (as pandoc's --reference-doc)."""
    brand: Brand = Brand()
    """The clinic's identity; the neutral default look when it has no brand file."""


Renderer = Callable[[Document, Theme], bytes]


@dataclass(frozen=True)
class Format:
    """One output format: where its renderer lives and the file suffix it writes."""

    name: str
    module: str
    function: str
    suffix: str
    preload: tuple[str, ...] = ()
    """Libraries the renderer imports lazily; a worker may import them ahead of time."""

    def load(self) -> Renderer:
        """Import the renderer's module (lazily: WeasyPrint and python-docx are heavy)."""
        return getattr(importlib.import_module(self.module), self.function)

    def warm_up(self) -> None:
        """Import the renderer and the libraries it would import on first use."""
        self.load()
        for module in self.preload:
            importlib.import_module(module)


FORMATS: dict[str, Format] = {
    fmt.name: fmt
    for fmt in (
        Format("pdf", "publisher.renderers.pdf.render", "render_pdf", ".pdf", preload=("weasyprint",)),
        Format("docx", "publisher.renderers.docx.render", "render_docx", ".docx"),
        Format("html", "publisher.renderers.html.fragment", "render_html", ".html"),
        Format("json", "publisher.renderers.json.entries", "render_json", ".json"),
    )
}
