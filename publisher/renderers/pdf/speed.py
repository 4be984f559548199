"""Two measured speed-ups around WeasyPrint that leave the PDF's bytes as they were.

- The cycle collector is paused while WeasyPrint is imported and while it renders.
  A render allocates millions of short-lived objects (boxes, styles, text runs) that
  reference counting frees; the collector would walk the survivors thousands of times
  for nothing. Measured on the 1,000-entry benchmark: 12.6 s -> 10.6 s, peak memory
  319 -> 322 MB; importing WeasyPrint: 0.29 s -> 0.26 s.
- pydyf's ``PDF.page_references`` rebuilds the tuple of every page's reference each time
  it is read, and WeasyPrint's PDF/UA tagging reads it once per tagged element: time that
  grows with the square of the page count (0.27 s of a 76-page render). It is cached here
  until a page is added.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def cycle_collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector for a burst of allocation; nested pauses are fine."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def cache_page_references() -> None:
    """Make pydyf's ``PDF.page_references`` cached: the same values, built once per page count."""
    import pydyf

    original = pydyf.PDF.page_references
    if getattr(original.fget, "cached", False):
        return

    def page_references(pdf) -> tuple[bytes, ...]:
        kids = pdf.pages["Kids"]
        key = (id(kids), len(kids))
        cached = pdf.__dict__.get("_publisher_page_references")
        if cached is None or cached[0] != key:
            cached = (key, original.fget(pdf))
            pdf.__dict__["_publisher_page_references"] = cached
        return cached[1]

    page_references.cached = True
    page_references.original = original
    pydyf.PDF.page_references = property(page_references)
