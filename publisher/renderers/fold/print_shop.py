"""The print shop's copies (``-f trifold-print-shop``, ``-f booklet-print-shop``): PDF/X-4.

The tri-fold or booklet with 3 mm bleed round each page and crop marks, and the shipped
CMYK profile (FOGRA39, coated paper) as the output intent. WeasyPrint writes the PDF/X-4
metadata, the trim and bleed boxes, and the output intent once a ``device-cmyk`` profile
is declared (print-shop.css.j2); the dates are the build date, not its clock.

WeasyPrint paints the brand's colours and pictures in DeviceRGB. PDF/X-4 allows only
device-independent RGB, so each resource dictionary gets a DefaultRGB colour space
(sRGB): the print shop's software converts the colours to its press, as it would a photo.
The same pass takes out what would break the standard or reproducible builds: WeasyPrint's
random XMP document id (made from the content instead) and its ArtBox (PDF/X wants the
TrimBox alone), and keeps the PDF 1.6 header PDF/X-4 asks for.
"""

from __future__ import annotations

import hashlib
import io
import re
import uuid
from importlib.resources import files

from publisher.model import Document
from publisher.renderers import Rendered, Theme
from publisher.renderers.fold.booklet import render_booklet
from publisher.renderers.fold.trifold import render_trifold
from publisher.renderers.pdf.render import prepare as prepare
from publisher.renderers.pdf.render import warm_up as warm_up


def render_trifold_print_shop(document: Document, theme: Theme) -> Rendered:
    """The print shop's copy of the tri-fold."""
    rendered = render_trifold(document, theme, print_shop=True)
    return Rendered(for_print_shop(rendered.data), pages=rendered.pages)


def render_booklet_print_shop(document: Document, theme: Theme) -> Rendered:
    """The print shop's copy of the booklet (its pages, not imposed: the shop imposes)."""
    rendered = render_booklet(document, theme, print_shop=True)
    return Rendered(for_print_shop(rendered.data), pages=rendered.pages)


DOCUMENT_ID = re.compile(rb"xmp\.did:[0-9a-f-]{36}")
"""WeasyPrint's PDF/X-4 XMP document id: a random UUID (uncompressed, in the metadata stream)."""
FILE_ID = re.compile(rb"/ID\s*\[[^\]]*\]")
PDF_X4_HEADER = b"%PDF-1.6"


def for_print_shop(pdf: bytes) -> bytes:
    """WeasyPrint's PDF/X-4 made reproducible and device-independent (see the module's docstring)."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, ByteStringObject, NameObject

    reader = PdfReader(io.BytesIO(stable_document_id(pdf)))
    writer = PdfWriter(clone_from=reader)
    writer.pdf_header = PDF_X4_HEADER
    # The file identifier's second half digests the file, random id included; a file written
    # once may have both halves the same (ISO 32000-1, 14.4), and the first is from the content.
    first = reader.trailer["/ID"].get_object()[0]  # type: ignore[index]
    first = getattr(first, "original_bytes", first)  # pypdf reads a printable id as text
    writer._ID = ArrayObject([ByteStringObject(first), ByteStringObject(first)])
    for page in writer.pages:
        page.pop(NameObject("/ArtBox"), None)
    add_default_rgb(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def stable_document_id(pdf: bytes) -> bytes:
    """The PDF with its random XMP document id replaced by one made from the rest of it."""
    # The trailer's file identifier digests the file, random id included: left out too.
    masked = FILE_ID.sub(b"", DOCUMENT_ID.sub(b"xmp.did:", pdf))
    stable = uuid.UUID(bytes=hashlib.sha256(masked).digest()[:16], version=4)
    # Same length: the cross-reference table's offsets stay right.
    return DOCUMENT_ID.sub(f"xmp.did:{stable}".encode("ascii"), pdf)


def add_default_rgb(writer) -> None:
    """DeviceRGB made sRGB: a DefaultRGB colour space in every resource dictionary."""
    from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, NameObject, NumberObject

    profile = DecodedStreamObject()
    profile.set_data(srgb_profile())
    profile[NameObject("/N")] = NumberObject(3)
    srgb = ArrayObject([NameObject("/ICCBased"), writer._add_object(profile)])
    for resources in resource_dictionaries(writer):
        spaces = resources.get("/ColorSpace")
        spaces = spaces.get_object() if spaces is not None else DictionaryObject()
        spaces[NameObject("/DefaultRGB")] = srgb
        resources[NameObject("/ColorSpace")] = spaces


def resource_dictionaries(writer) -> list:
    """Every resource dictionary of the pages and of the forms, patterns and groups they use."""
    found: dict[int, object] = {}
    stack = [page for page in writer.pages]
    while stack:
        node = stack.pop().get_object()
        resources = node.get("/Resources")
        if resources is None:
            continue
        resources = resources.get_object()
        if id(resources) in found:
            continue
        found[id(resources)] = resources
        for kind in ("/XObject", "/Pattern"):
            named = resources.get(kind)
            if named is not None:
                stack.extend(value for value in named.get_object().values())
    return list(found.values())


def srgb_profile() -> bytes:
    """The sRGB ICC profile WeasyPrint ships (and embeds for PDF/A)."""
    return files("weasyprint.pdf").joinpath("sRGB2014.icc").read_bytes()
