"""One preview update: the build's own render path, into memory, published format by format.

The fragment and JSON appear first, then the Word file, then the PDF and its pictures
(rendered in the warm worker, as ``watch`` does); LibreOffice's pictures of the handout
come last, from a background thread. Nothing is written to the output folder.
"""

from __future__ import annotations

import time
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path

from publisher.brand import brand_file_for
from publisher.build import BuildOptions, render_in_worker, render_one, source_theme, worker_outcome
from publisher.errors import Problem, PublisherError, RenderError, SourceError, display_path
from publisher.facts import with_facts
from publisher.model import Document
from publisher.renderers import FORMATS, Rendered, Theme
from publisher.workers import Workers

from . import pictures
from .events import Blob, Board
from .pages import host_page
from .word import WordPages

MEDIA_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html; charset=utf-8",
    "json": "application/json",
}
OUTPUTS = ("html", "json", "docx", "pdf")


@dataclass
class Previewer:
    """Renders a source into the board on every call of ``update``."""

    source: Path
    options: BuildOptions
    workers: Workers
    board: Board
    word: WordPages
    builds: int = 0
    fresh: set[str] = field(default_factory=set)
    """Outputs rendered from the latest save; the others are stale."""

    def update(self) -> bool:
        """Render every output of the source as saved now; False when it has problems."""
        self.builds += 1
        self.fresh = set()
        self.board.publish(state="building")
        try:
            document, theme, text = self.parse()
            warnings = self.render(document, theme, text)
        except SourceError as error:
            self.fail([located(problem) for problem in error.problems])
            return False
        except PublisherError as error:  # a renderer's refusal: no line to point at
            self.fail([{"path": display_path(self.source), "text": error.format_message()}])
            return False
        # Warnings are listed as problems are, marked "warning:"; the outputs are fresh.
        listed = [located(problem) for problem in warnings]
        self.board.publish(state="ready", problems=listed, stale=[], updated=time.strftime("%H:%M:%S"))
        return True

    def parse(self) -> tuple[Document, Theme, str]:
        """The source's document, theme and text, as the build makes them (raises SourceError)."""
        from publisher.lint import read_and_parse

        brand_file = brand_file_for(self.options.brand_file, self.source)
        theme = source_theme(brand_file, self.options)
        text, document = read_and_parse(self.source)
        return document, with_facts(document, theme, self.options.epoch), text

    def render(self, document: Document, theme: Theme, text: str) -> list[Problem]:
        """Render the formats, fast ones first, publishing each as it is ready; the source's warnings.

        The warnings are worked out while the worker lays out the leaflet.
        """
        from publisher.lint import source_warnings

        pdf: Future | None = None
        if self.workers.enabled:
            pdf = self.workers.submit(render_in_worker, "pdf", document, theme)
        warnings = source_warnings(self.source, document, text, self.options.checks)
        for fmt in ("html", "json", "docx"):
            data = render_one(fmt, document, theme)[0].data
            extra = {"site": Blob(host_page(data), MEDIA_TYPES["html"])} if fmt == "html" else {}
            self.publish(fmt, data, extra)
        rendered = self.pdf_rendered(pdf, document, theme)
        images = enumerate(self.pdf_pictures(rendered.data, rendered.pages or 1), 1)
        self.publish("pdf", rendered.data, {f"pdf/{n}.jpg": Blob(image, "image/jpeg") for n, image in images})
        self.word.convert(self.download_name("docx"), self.board.file("download/docx"), self.builds)
        return warnings

    def pdf_rendered(self, future: Future | None, document: Document, theme: Theme) -> Rendered:
        """The PDF from the worker (or rendered here with a single job)."""
        if future is None:
            return render_one("pdf", document, theme)[0]
        outcome = worker_outcome("pdf", future)
        if isinstance(outcome, str):
            raise RenderError(outcome)
        return outcome[0]

    def pdf_pictures(self, pdf: bytes, count: int) -> list[bytes]:
        """Every page as a picture; a worker draws the later pages while this process draws the first."""
        later = None
        if self.workers.enabled and count > 1:
            later = self.workers.submit(pictures.page_images, pdf, range(1, count))
        first = pictures.page_images(pdf, range(min(count, 1) if later else count))
        return first + (later.result() if later else [])

    def publish(self, fmt: str, data: bytes, extra: dict[str, Blob]) -> None:
        """Put one format (and its pictures or host page) on the board."""
        self.fresh.add(fmt)
        files = {f"download/{fmt}": Blob(data, MEDIA_TYPES[fmt]), **extra}
        drop = "pdf/" if fmt == "pdf" else ""
        status = {"rev": self.builds, "size": len(data), "name": self.download_name(fmt)}
        if fmt == "pdf":
            status["pages"] = len(extra)
        self.board.publish(files, drop=drop, **{fmt: status})

    def fail(self, problems: list[dict]) -> None:
        """Show the problems; what was rendered before stays on the board, marked stale."""
        stale = [fmt for fmt in OUTPUTS if fmt not in self.fresh]
        self.board.publish(state="problems", problems=problems, stale=stale)

    def download_name(self, fmt: str) -> str:
        """The file name a download gets: the name ``publisher build`` would write."""
        return self.source.stem + FORMATS[fmt].suffix


def located(problem: Problem) -> dict:
    """A problem as the page lists it: file, line, column and message."""
    fields = {"path": problem.path, "line": problem.line, "col": problem.col, "message": problem.message}
    return {**fields, "severity": problem.severity, "text": str(problem)}


def warm_worker() -> None:
    """In a worker: import WeasyPrint and PDFium before the first save needs them."""
    import os
    import signal

    from publisher.build import warm_up

    # A service manager sends SIGTERM to every process of the preview: the worker ends
    # quietly, and the preview's own process says it stopped.
    signal.signal(signal.SIGTERM, lambda *_: os._exit(143))
    warm_up()
    pictures.warm_up()
