"""pydyf writes each object's bytes once (pdf_write.py): the same file, half the compression."""

from __future__ import annotations

import io
import logging
import zlib

import pydyf

from publisher.renderers.pdf import pdf_write


def small_pdf() -> pydyf.PDF:
    """A PDF of three pages, each with a compressed content stream."""
    pdf = pydyf.PDF()
    for number in range(3):
        content = pydyf.Stream(compress=True)
        content.begin_text()
        content.set_font_size("F1", 12)
        content.show_text_string(f"Page {number + 1} " * 200)
        content.end_text()
        pdf.add_object(content)
        page = pydyf.Dictionary(
            {"Type": "/Page", "Parent": pdf.pages.reference, "Contents": content.reference}
        )
        pdf.add_page(page)
    return pdf


def written(write, pdf: pydyf.PDF) -> bytes:
    output = io.BytesIO()
    write(pdf, output, identifier=b"0123456789abcdef", compress=True)
    return output.getvalue()


def test_same_bytes_with_each_stream_compressed_once(monkeypatch):
    assert pdf_write.install()
    assert pdf_write.install()  # a second call wraps nothing twice
    stock = written(pydyf.PDF.write.__wrapped__, small_pdf())  # the cache is off outside our write
    compressions = []
    original = zlib.compressobj
    monkeypatch.setattr(zlib, "compressobj", lambda *a, **k: compressions.append(1) or original(*a, **k))
    ours = written(pydyf.PDF.write, small_pdf())
    assert ours == stock
    # Three page streams, the object stream and the cross-reference stream: each once.
    assert len(compressions) == 5
    assert pdf_write._written is None  # dropped once the write is over


def test_another_pydyf_is_left_alone(caplog, monkeypatch):
    monkeypatch.setattr(pydyf, "__version__", "0.14.0")
    caplog.set_level(logging.DEBUG, logger="publisher.speed")
    assert pdf_write.install() is False
    assert "pydyf 0.14.0 is not 0.13: objects serialised as installed" in caplog.text
