"""The speed-ups around WeasyPrint, switched on together by ``enable()``; the PDF's bytes stay the same.

- WeasyPrint imports faster (weasyprint_import.py): its C declarations come pre-parsed.
- The cycle collector is paused while WeasyPrint is imported and while it renders.
  A render allocates millions of short-lived objects (boxes, styles, text runs) that
  reference counting frees; the collector would walk the survivors thousands of times
  for nothing. Measured on the 1,000-entry benchmark: 12.6 s -> 10.6 s, peak memory
  319 -> 322 MB; importing WeasyPrint: 0.29 s -> 0.26 s.
- pydyf's ``PDF.page_references`` rebuilds the tuple of every page's reference each time
  it is read, and WeasyPrint's PDF/UA tagging reads it once per tagged element: time that
  grows with the square of the page count (0.27 s of a 76-page render). It is cached here
  until a page is added.

Nothing happens on import: the PDF renderer calls ``enable()`` before WeasyPrint is
imported. The build decides first, from ``PUBLISHER_NO_SPEEDUPS`` (see ``wanted``): set,
every speed-up stays off and WeasyPrint runs exactly as installed, to compare or to rule
the speed-ups out when something looks wrong. Each speed-up that cannot apply (another
WeasyPrint or pydyf) says why on the ``publisher.speed`` logger, at debug level.
"""

from __future__ import annotations

import contextlib
import gc
import logging
from collections.abc import Iterator, Mapping
from typing import Any

log = logging.getLogger("publisher.speed")

OFF_SWITCH = "PUBLISHER_NO_SPEEDUPS"
"""The environment variable that turns every speed-up off (read by the build, not here)."""

_enabled: bool | None = None
"""The process's choice: None until the first ``enable()``."""


def wanted(environ: Mapping[str, str]) -> bool:
    """False when ``environ`` sets PUBLISHER_NO_SPEEDUPS (to anything but "" or "0")."""
    return environ.get(OFF_SWITCH, "").strip() in ("", "0")


def enable(on: bool = True) -> bool:
    """Switch the speed-ups on (or all off) for this process; the first call decides.

    Later calls change nothing, so the renderer's own ``enable()`` keeps the build's
    choice, and calling it twice is harmless. Returns whether they are on.
    """
    global _enabled
    if _enabled is None:
        _enabled = on
        if on:
            from publisher.renderers.pdf import pdf_write, weasyprint_import

            weasyprint_import.install()
            cache_page_references()
            pdf_write.install()
        else:
            log.debug("%s is set: WeasyPrint and pydyf run as installed", OFF_SWITCH)
    return _enabled


def columns_once() -> None:
    """Once WeasyPrint is imported: lay each page's columns out once and break each line once, when on."""
    if _enabled:
        from publisher.renderers.pdf import column_reuse, line_memo

        column_reuse.install()
        line_memo.install()


@contextlib.contextmanager
def cycle_collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector for a burst of allocation; nested pauses are fine.

    Only once the speed-ups are enabled: with them off the collector runs as usual.
    """
    was_enabled = gc.isenabled()
    if _enabled:
        gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def cache_page_references() -> None:
    """Make pydyf's ``PDF.page_references`` cached: the same values, built once per page count."""
    import pydyf

    original = getattr(pydyf.PDF, "page_references", None)
    if not isinstance(original, property):
        # Written for pydyf 0.13 (pinned in pyproject.toml); a pydyf without the property
        # builds its page references its own way, and the cache would have nothing to keep.
        log.debug("pydyf %s has no PDF.page_references property: not cached", pydyf.__version__)
        return
    if not isinstance(original.fget, CachedPageReferences):  # not twice: a cache of a cache
        pydyf.PDF.page_references = property(CachedPageReferences(original))


class CachedPageReferences:
    """The getter of ``PDF.page_references``, read through a cache kept on each PDF."""

    def __init__(self, original: property) -> None:
        self.original = original
        """pydyf's own property."""

    def __call__(self, pdf: Any) -> tuple[bytes, ...]:
        kids = pdf.pages["Kids"]
        key = (id(kids), len(kids))  # a page added, or the list replaced: build again
        cached = pdf.__dict__.get("_publisher_page_references")
        if cached is None or cached[0] != key:
            cached = (key, self.original.__get__(pdf))
            pdf.__dict__["_publisher_page_references"] = cached
        return cached[1]
