"""PDF pages as images, drawn by PDFium (pypdfium2) in this process: no converter is started per save."""

from __future__ import annotations

import io
import os
import threading

SCALE = 1.5
"""Pixels per PDF point: an A4 page 893 pixels wide, sharp at the preview's column width."""
QUALITY = 90
# PDFium is not thread-safe: the rebuild and the Word thread take turns.
PDFIUM = threading.Lock()


def _fresh_lock() -> None:
    """In a forked worker: a lock of its own (another thread may have held the parent's at fork)."""
    global PDFIUM
    PDFIUM = threading.Lock()


os.register_at_fork(after_in_child=_fresh_lock)


def pdfium():
    """pypdfium2, imported on first use (only the preview needs it)."""
    import pypdfium2  # type: ignore[import-untyped]

    return pypdfium2


def page_images(pdf: bytes, pages: range | None = None) -> list[bytes]:
    """JPEG pictures of the PDF's pages (all of them, or those in ``pages``, 0-based).

    JPEG at full colour resolution (no chroma subsampling): measured on the clinic's
    leaflet it encodes in a tenth of PNG's time, which matters for the save-to-picture time.
    """
    with PDFIUM:
        document = pdfium().PdfDocument(pdf)
        try:
            chosen = pages if pages is not None else range(len(document))
            return [encode(document[index]) for index in chosen]
        finally:
            document.close()


def encode(page) -> bytes:
    """One page drawn at ``SCALE`` and encoded as JPEG."""
    bitmap = page.render(scale=SCALE)
    buffer = io.BytesIO()
    bitmap.to_pil().convert("RGB").save(buffer, "JPEG", quality=QUALITY, subsampling=0)
    return buffer.getvalue()


def warm_up() -> None:
    """Import PDFium and Pillow's JPEG encoder ahead of the first picture (in a worker too)."""
    pdfium()
    from PIL import JpegImagePlugin  # noqa: F401
