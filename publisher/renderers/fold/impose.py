"""Saddle-stitch imposition: a booklet's pages two-up on sheets, for an office printer.

Printed double-sided (flip on the short edge), folded in the middle and stapled, the
sheets give the pages back in reading order. Done with pypdf on the finished PDF: the
imposed file is a printing aid, so it may lose the booklet's tags, bookmarks and links.
"""

from __future__ import annotations

import io

from publisher.errors import RenderError

PRODUCER = "faq-publisher (pypdf imposition)"


def saddle_stitch_order(pages: int) -> list[tuple[int, int]]:
    """The 1-based (left, right) page pairs of each sheet side, front then back, sheet by sheet.

    For 8 pages: [(8, 1), (2, 7), (6, 3), (4, 5)].
    """
    if pages % 4:
        raise RenderError(f"a saddle-stitched booklet needs a multiple of 4 pages, not {pages}")
    sides: list[tuple[int, int]] = []
    for sheet in range(pages // 4):
        sides.append((pages - 2 * sheet, 1 + 2 * sheet))
        sides.append((2 + 2 * sheet, pages - 1 - 2 * sheet))
    return sides


def impose(pdf: bytes, sheet: tuple[float, float], identifier: bytes = b"") -> bytes:
    """The booklet's pages two-up on ``sheet`` (width, height in pt), in saddle-stitch order.

    The pair of pages is centred on the sheet, so the fold lies at its middle (two A5
    pages are 2 mm narrower than A4).
    """
    from pypdf import PdfReader, PdfWriter, Transformation
    from pypdf.generic import ArrayObject, ByteStringObject

    reader = PdfReader(io.BytesIO(pdf))
    first = reader.pages[0].mediabox
    width, height = float(first.width), float(first.height)
    x, y = (sheet[0] - 2 * width) / 2, (sheet[1] - height) / 2
    writer = PdfWriter()
    for left, right in saddle_stitch_order(len(reader.pages)):
        side = writer.add_blank_page(width=sheet[0], height=sheet[1])
        side.merge_transformed_page(reader.pages[left - 1], Transformation().translate(x, y))
        side.merge_transformed_page(reader.pages[right - 1], Transformation().translate(x + width, y))
    writer.add_metadata(
        {"/Title": reader.metadata.title or "", "/Producer": PRODUCER} if reader.metadata else {}
    )
    if identifier:  # the same file identifier for the same booklet: reproducible bytes
        writer._ID = ArrayObject([ByteStringObject(identifier), ByteStringObject(identifier)])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
