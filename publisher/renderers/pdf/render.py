"""PDF handout: print HTML from the templates, laid out by WeasyPrint.

WeasyPrint is imported only inside the functions that lay out the PDF, so
``--keep-html`` and the other formats never pay for it. The rendering is locked
down: our own URL fetcher (no network; only the templates, the source's folder and
the brand's files), no system fonts (only the shipped ones and the brand's font files),
and any WeasyPrint error or warning fails the build instead of leaving a hole in the PDF.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import logging
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path

from publisher.brand import Brand
from publisher.errors import RenderError
from publisher.model import Document
from publisher.renderers import Rendered, Theme
from publisher.renderers.pdf import last_page
from publisher.renderers.pdf.print_html import print_html
from publisher.renderers.pdf.speed import columns_once, cycle_collector_paused
from publisher.renderers.pdf.speed import enable as enable_speedups
from publisher.renderers.pdf.speed import wanted as speedups_wanted
from publisher.resources import templates_dir

PDF_VARIANT = "pdf/ua-1"
"""PDF/UA-1: tagged (pdfinfo says "Tagged: yes"), with title display and language set."""

BENIGN_WARNINGS = (
    # A missing optional system library makes WeasyPrint subset fonts with fontTools:
    # slower, same output. Not a hole in the PDF.
    re.compile(r"Using fontTools instead of HarfBuzz-Subset"),
)


def prepare(environ: Mapping[str, str]) -> None:
    """Before WeasyPrint is imported: its speed-ups on, or all off when the build's environment says so."""
    enable_speedups(speedups_wanted(environ))


def warm_up() -> None:
    """Import WeasyPrint ahead of the first render (a worker does so while the source is parsed)."""
    enable_speedups()  # before WeasyPrint is imported; the build may have turned them off
    with cycle_collector_paused():  # imports allocate much and free little: 10 % faster
        import weasyprint  # noqa: F401


def render_pdf(document: Document, theme: Theme) -> Rendered:
    """The PDF handout of a document: byte-identical for the same input and SOURCE_DATE_EPOCH."""
    html = print_html(document, theme)
    folder = document.source.resolve().parent
    roots = (templates_dir(), folder, *brand_folders(theme.brand))
    identifier = pdf_identifier(html, roots, [face.path for face in theme.brand.fonts])
    created = pdf_date(theme.facts.date)
    return html_to_pdf(
        html,
        roots,
        base_url=folder,
        created=created,
        identifier=identifier,
        reflowed=lambda **variant: print_html(document, theme, **variant),
    )


def brand_folders(brand: Brand) -> list[Path]:
    """The folders of the brand file, its logo and its fonts: the fetcher may read these too.

    Only the fonts are read as files today (the logo is a data: URI), but a brand's files
    are the clinic's own, like the source's folder.
    """
    files = [brand.source, brand.logo, *(face.path for face in brand.fonts)]
    return list(dict.fromkeys(path.resolve().parent for path in files if path))


def html_to_pdf(
    html: str,
    roots: Iterable[Path],
    base_url: Path,
    created: str | None = None,
    identifier: bytes = b"",
    reflowed: Callable[..., str] | None = None,
) -> Rendered:
    """Lay out print HTML with WeasyPrint, reading only files under ``roots``.

    ``reflowed(closing_in_columns=True)`` gives the print HTML again with the closing block
    in the last column (laid out only when the closing block would otherwise sit alone on
    the last page). With it, the last page's columns are balanced (last_page.py): a leaflet,
    not a folded layout or large print.
    Returns the PDF and its page count, which WeasyPrint's layout already knows.
    Raises RenderError naming the URL when a resource is refused, and listing
    WeasyPrint's complaints when it reports any (a missing image, an unknown glyph).
    """
    enable_speedups()  # before WeasyPrint is imported; the build may have turned them off
    with cycle_collector_paused():
        return weasyprint_pdf(html, tuple(roots), base_url, created, identifier, reflowed)


def weasyprint_pdf(
    html: str,
    roots: tuple[Path, ...],
    base_url: Path,
    created: str | None,
    identifier: bytes,
    reflowed: Callable[..., str] | None = None,
) -> Rendered:
    """``html_to_pdf`` itself: import WeasyPrint if need be, lay out, check, draw."""
    from weasyprint.urls import FatalURLFetchingError

    from publisher.renderers.pdf.fetcher import LocalFetcher

    fetcher = LocalFetcher(roots)
    options = {"pdf_variant": PDF_VARIANT, "pdf_identifier": identifier or pdf_identifier(html, roots)}
    with collected_warnings() as problems:
        try:
            balanced = reflowed is not None
            rendering = lay_out(html, fetcher, base_url, balanced, **options)
            if reflowed and closing_alone(rendering):
                second = lay_out(reflowed(closing_in_columns=True), fetcher, base_url, balanced, **options)
                rendering = fewer_lone_pages(rendering, second)
            # Stop before drawing: a layout with holes (say, a font that did not load)
            # is not worth drawing, and drawing it is where WeasyPrint may crash.
            raise_problems(fetcher.refused + problems)
            # Fixed dates, never "now": the same input gives the same bytes.
            rendering.metadata.created = rendering.metadata.modified = created
            pdf = rendering.write_pdf(**options)
        except FatalURLFetchingError as error:
            raise RenderError(str(error.__cause__ or error)) from None
    raise_problems(fetcher.refused + problems)
    return Rendered(pdf, pages=len(rendering.pages))


def lay_out(html: str, fetcher, base_url: Path, balanced: bool = False, **options):
    """WeasyPrint's pages for print HTML, fetched through ``fetcher`` with only the shipped fonts.

    ``balanced``: the last page's columns end as evenly as short answers allow (last_page.py).
    """
    import weasyprint

    columns_once()
    page = weasyprint.HTML(string=html, base_url=base_url.as_uri() + "/", url_fetcher=fetcher)
    with last_page.balanced_pages() if balanced else contextlib.nullcontext():
        return page.render(font_config=shipped_fonts_only(), **options)


def closing_alone(rendering) -> bool:
    """True when the last page holds the closing block and no question: a page of its own."""
    if len(rendering.pages) < 2:
        return False
    found = page_classes(rendering.pages[-1])
    return "closing" in found and "entry" not in found


def fewer_lone_pages(first, second):
    """The second layout (closing block in the columns) if it adds no page and ends with a question."""
    if len(second.pages) <= len(first.pages) and "entry" in page_classes(second.pages[-1]):
        return second
    return first


def page_classes(page) -> set[str]:
    """The classes of the elements with a box on a page, from WeasyPrint's layout tree."""
    found: set[str] = set()
    boxes = [page._page_box]
    while boxes:
        box = boxes.pop()
        element = getattr(box, "element", None)
        if element is not None:
            found.update((element.get("class") or "").split())
        boxes.extend(getattr(box, "children", ()))
    return found


def raise_problems(problems: list[str]) -> None:
    """Fail the build with every distinct WeasyPrint complaint, if there is any."""
    if not problems:
        return
    found = list(dict.fromkeys(explain(problem) for problem in problems))
    if len(found) == 1:
        raise RenderError(found[0])
    raise RenderError(f"{len(found)} problems:\n" + "\n".join(f"  {problem}" for problem in found))


def explain(problem: str) -> str:
    """WeasyPrint's message in words a clinic's staff can act on, where we know better ones."""
    missing = re.match(r"\.notdef glyph rendered for Unicode string unsupported by fonts: (.+)$", problem)
    if missing:
        return f"no shipped font can draw {missing.group(1)}; remove or replace the character"
    # A data: URL can be megabytes long; its start is enough to recognise it.
    return re.sub(r"(data:[^\s,;]{0,40}[;,][^\s]{0,20})[^\s]*", r"\1...", problem)


def pdf_identifier(html: str, roots: Iterable[Path] = (), files: Iterable[Path] = ()) -> bytes:
    """A stable file identifier derived from the content, not the machine or the time.

    The HTML's file: URLs hold the paths of this checkout and of the brand, so their
    folders are left out (two machines agree); the contents of ``files`` (the brand's
    fonts, which the HTML names but does not hold) go in instead.
    """
    folders = sorted({templates_dir().resolve(), *(Path(root).resolve() for root in roots)}, key=str)
    portable = html
    for folder in reversed(folders):  # a folder inside another goes first
        portable = portable.replace(folder.as_uri(), "")
    digest = hashlib.sha256(portable.encode("utf-8"))
    for path in files:
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:32].encode("ascii")


def pdf_date(when: dt.date | None) -> str | None:
    """The build date (``theme.facts.date``) in the W3C form WeasyPrint takes: a UTC time, or a day."""
    if when is None:
        return None
    if isinstance(when, dt.datetime):
        return when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return when.isoformat()


def shipped_fonts_only():
    """A WeasyPrint font configuration that knows the shipped fonts and no system font."""
    from weasyprint.text.fonts import FontConfiguration

    # Fontconfig reads FONTCONFIG_FILE when a configuration is created; ours lists only
    # templates/fonts, so even text outside any @font-face rule gets a shipped font.
    # The one place a renderer touches the environment, and on purpose: setting the
    # variable is how WeasyPrint's font configuration is chosen (it takes no argument
    # for it), and the old value is read only to be put back. Nothing the outputs
    # show comes from the environment: the build date arrives in theme.facts.
    saved = os.environ.get("FONTCONFIG_FILE")
    os.environ["FONTCONFIG_FILE"] = str(templates_dir() / "fonts" / "fonts.conf")
    try:
        return FontConfiguration()
    finally:
        if saved is None:
            del os.environ["FONTCONFIG_FILE"]
        else:
            os.environ["FONTCONFIG_FILE"] = saved


class WarningCollector(logging.Handler):
    """Keeps the message of every WeasyPrint warning or error that is not known to be benign."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if not any(pattern.search(message) for pattern in BENIGN_WARNINGS):
            self.messages.append(message)


@contextlib.contextmanager
def collected_warnings() -> Iterator[list[str]]:
    """Collect WeasyPrint's warnings during rendering instead of letting them scroll by."""
    logger = logging.getLogger("weasyprint")
    collector = WarningCollector()
    saved = logger.level, logger.propagate
    # WARNING even when the application quietened logging; no propagation, since every
    # collected message is reported in the RenderError.
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    logger.addHandler(collector)
    try:
        yield collector.messages
    finally:
        logger.removeHandler(collector)
        logger.setLevel(saved[0])
        logger.propagate = saved[1]
