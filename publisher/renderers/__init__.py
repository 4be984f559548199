"""The registry of output formats: the only road from the build to a renderer.

Every renderer has the same signature, ``render_<format>(document, theme) -> Rendered``,
and must not read files the source did not name, touch the network, read the
environment or change the model. Its module is imported only when its format is built.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from publisher.brand import Brand
from publisher.facts import Facts
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
    facts: Facts = Facts()
    """The build date and contact details, worked out once per source (``facts.with_facts``)."""


@dataclass(frozen=True)
class Rendered:
    """What a renderer returns: the file's bytes and the facts the build reports."""

    data: bytes
    pages: int | None = None
    """Pages laid out, for the formats that know (the PDF); None for the others."""


Renderer = Callable[[Document, Theme], Rendered]


@dataclass(frozen=True)
class Format:
    """One output format: where its renderer lives and the file suffix it writes."""

    name: str
    module: str
    function: str
    suffix: str
    slow: bool = False
    """Rendered in a worker process when the build may use more than one."""
    default: bool = True
    """Built when no format is named; the others only when asked for."""
    offered: bool = True
    """Offered with ``-f``; print-html is not (``--keep-html`` asks for it)."""

    def load(self) -> Renderer:
        """Import the renderer's module (lazily: WeasyPrint and python-docx are heavy)."""
        return getattr(importlib.import_module(self.module), self.function)

    def prepare(self, environ: Mapping[str, str]) -> None:
        """Before the first render in a process: the module's ``prepare(environ)``, if it has one.

        The build hands over the environment for the few process-wide switches a
        renderer has (the PDF's speed-ups); renderers never read it themselves.
        """
        module = importlib.import_module(self.module)
        getattr(module, "prepare", lambda environ: None)(environ)

    def warm_up(self) -> None:
        """Import the renderer, and what it would import on first use (its module's ``warm_up``)."""
        module = importlib.import_module(self.module)
        getattr(module, "warm_up", lambda: None)()


FORMATS: dict[str, Format] = {
    fmt.name: fmt
    for fmt in (
        Format("pdf", "publisher.renderers.pdf.render", "render_pdf", ".pdf", slow=True),
        Format("docx", "publisher.renderers.docx.render", "render_docx", ".docx"),
        Format("html", "publisher.renderers.html.fragment", "render_html", ".html"),
        Format("json", "publisher.renderers.json.entries", "render_json", ".json"),
        # The HTML the PDF is made from, kept for inspection; needs no WeasyPrint.
        Format(
            "print-html",
            "publisher.renderers.pdf.print_html",
            "render_print_html",
            ".print.html",
            default=False,
            offered=False,
        ),
        # Braille needs liblouis, a system library: built only when asked for (-f brf, -f pef).
        Format("brf", "publisher.renderers.brf.render", "render_brf", ".brf", default=False),
        Format("pef", "publisher.renderers.brf.pef", "render_pef", ".pef", default=False),
        # Large print: variants of the leaflet and the handout (renderers/large), only when asked for.
        Format(
            "large-pdf",
            "publisher.renderers.large.pdf",
            "render_large_pdf",
            ".large.pdf",
            slow=True,
            default=False,
        ),
        Format(
            "large-docx", "publisher.renderers.large.docx", "render_large_docx", ".large.docx", default=False
        ),
        # Folded leaflets (renderers/fold), only when asked for: a tri-fold, an A5 booklet and its
        # sheets imposed two-up for an office printer, and a print shop's copy (bleed, PDF/X-4).
        *(
            Format(name, f"publisher.renderers.fold.{module}", f"render_{function}", suffix, True, False)
            for name, module, function, suffix in (
                ("trifold", "trifold", "trifold", ".trifold.pdf"),
                ("booklet", "booklet", "booklet", ".booklet.pdf"),
                ("booklet-imposed", "booklet", "booklet_imposed", ".booklet-imposed.pdf"),
                ("trifold-print-shop", "print_shop", "trifold_print_shop", ".trifold.print-shop.pdf"),
                ("booklet-print-shop", "print_shop", "booklet_print_shop", ".booklet.print-shop.pdf"),
            )
        ),
    )
}
DEFAULT_FORMATS = tuple(name for name, fmt in FORMATS.items() if fmt.default)
"""The formats a build writes when none is named."""
OFFERED_FORMATS = tuple(name for name, fmt in FORMATS.items() if fmt.offered)
"""The formats clinic staff choose from with ``-f``."""
