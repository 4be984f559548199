"""WeasyPrint for the folded leaflets: the leaflet's locked-down call, split in two steps.

A folded leaflet lays its HTML out more than once (to measure what a panel holds) before
drawing the last layout, so ``FoldSession`` keeps the fetcher, the options and the
collected warnings of one render, and uses render.py's pieces for each step.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from publisher.errors import RenderError
from publisher.model import Document
from publisher.renderers import Rendered, Theme
from publisher.renderers.pdf.render import (
    PDF_VARIANT,
    brand_folders,
    collected_warnings,
    enable_speedups,
    lay_out,
    pdf_date,
    pdf_identifier,
    raise_problems,
)
from publisher.renderers.pdf.speed import cycle_collector_paused
from publisher.resources import templates_dir

PRINT_SHOP_VARIANT = "pdf/x-4"
"""The print shop's copies: PDF/X-4 (output intent, trim and bleed boxes, fonts embedded)."""


class FoldSession:
    """One render of a folded leaflet: lay out as often as needed, then draw one layout."""

    def __init__(self, document: Document, theme: Theme, problems: list[str], variant: str = PDF_VARIANT):
        from publisher.renderers.pdf.fetcher import LocalFetcher

        self.base_url = document.source.resolve().parent
        self.roots = (templates_dir(), self.base_url, *brand_folders(theme.brand))
        self.fonts = [face.path for face in theme.brand.fonts]
        self.fetcher = LocalFetcher(self.roots)
        self.created = pdf_date(theme.facts.date)
        self.variant = variant
        self.problems = problems

    def lay_out(self, html: str) -> Any:
        """WeasyPrint's pages for ``html``; stops on a refused file or a WeasyPrint complaint."""
        rendering = lay_out(html, self.fetcher, self.base_url, pdf_variant=self.variant)
        raise_problems(self.fetcher.refused + self.problems)
        return rendering

    def write(self, rendering: Any, html: str, **options: Any) -> Rendered:
        """The PDF of a layout: dates from the build date, an identifier from the content."""
        identifier = pdf_identifier(html, self.roots, self.fonts)
        # Fixed dates, never "now" (WeasyPrint's PDF/X code takes the clock when they are unset).
        rendering.metadata.created = rendering.metadata.modified = self.created
        pdf = rendering.write_pdf(pdf_variant=self.variant, pdf_identifier=identifier, **options)
        raise_problems(self.fetcher.refused + self.problems)
        return Rendered(pdf, pages=len(rendering.pages))


@contextlib.contextmanager
def fold_session(document: Document, theme: Theme, variant: str = PDF_VARIANT) -> Iterator[FoldSession]:
    """A FoldSession with WeasyPrint's warnings collected and a refused URL told as a RenderError."""
    from weasyprint.urls import FatalURLFetchingError

    enable_speedups()  # before WeasyPrint is imported; the build may have turned them off
    with cycle_collector_paused(), collected_warnings() as problems:
        try:
            yield FoldSession(document, theme, problems, variant)
        except FatalURLFetchingError as error:
            raise RenderError(str(error.__cause__ or error)) from None


def entry_pages(rendering: Any) -> list[list[int]]:
    """For each question in reading order, the 0-based pages its box reaches."""
    pages_of: dict[int, list[int]] = {}
    for number, page in enumerate(rendering.pages):
        boxes = [page._page_box]
        while boxes:
            box = boxes.pop()
            element = getattr(box, "element", None)
            if element is not None and "entry" in (element.get("class") or "").split():
                seen = pages_of.setdefault(id(element), [])
                if number not in seen:
                    seen.append(number)
            boxes.extend(reversed(getattr(box, "children", ())))  # in reading order
    return list(pages_of.values())


def entries_within(rendering: Any, last_page: int) -> int:
    """How many questions, from the first, lie whole on pages up to ``last_page`` (0-based)."""
    count = 0
    for pages in entry_pages(rendering):
        if max(pages) > last_page:
            break
        count += 1
    return count
