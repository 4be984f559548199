"""PNG and JPEG files checked from their bytes, without an imaging library.

``check`` must find what would make a build fail or blow up: a truncated or damaged
file, a picture too large to decode in bounded memory, and the header details the
renderers trip on. WeasyPrint (through Pillow) decodes every pixel; python-docx reads
the size and resolution from the headers and divides by the resolution, so a zero
resolution is a division by zero, and a JPEG without a JFIF or Exif header is not
recognised at all. Each check raises BadImage with a reason a clinic can act on.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator

from publisher.limits import MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
JPEG_SIGNATURE = b"\xff\xd8\xff"
# Allowed bit depths per PNG colour type, and the channels each colour type has.
PNG_DEPTHS = {0: (1, 2, 4, 8, 16), 2: (8, 16), 3: (1, 2, 4, 8), 4: (8, 16), 6: (8, 16)}
PNG_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}
# Adam7 interlacing: (first column, first row, column step, row step) of each pass.
ADAM7 = ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2))
MAX_PNG_CHUNKS = 10_000
JPEG_FRAMES = {*range(0xC0, 0xC4), *range(0xC5, 0xC8), *range(0xC9, 0xCC), *range(0xCD, 0xD0)}
JPEG_STANDALONE = {0x01, *range(0xD0, 0xD8)}
RESAVE = "; open it in an image editor and save it again"


class BadImage(Exception):
    """Why an image file cannot be used (the message follows "image 'name' ")."""


def check_size(width: int, height: int) -> None:
    """Refuse an empty picture, or one past the side or pixel-count limits."""
    if width <= 0 or height <= 0:
        raise BadImage(f"has no size ({width} x {height} pixels)")
    if max(width, height) > MAX_IMAGE_SIDE or width * height > MAX_IMAGE_PIXELS:
        raise BadImage(
            f"is {width:,} x {height:,} pixels, past the limit of {MAX_IMAGE_SIDE:,} pixels a side "
            f"and {MAX_IMAGE_PIXELS:,} pixels in all; make it smaller"
        )


def check_word_dpi(horizontal: float, vertical: float) -> None:
    """Word sizes a picture by pixels over dots per inch: zero dots per inch cannot be drawn."""
    if int(round(horizontal)) <= 0 or int(round(vertical)) <= 0:
        raise BadImage(f"states a resolution of 0 dots per inch{RESAVE} with a resolution such as 300 dpi")


# --- PNG -----------------------------------------------------------------------------


def check_png(data: bytes) -> None:
    """A PNG whose chunks, header, pixel data and resolution WeasyPrint and Word can read."""
    if not data.startswith(PNG_SIGNATURE):
        raise BadImage("is not a valid PNG file")
    chunks = list(png_chunks(data))
    if chunks[0][0] != b"IHDR" or len(chunks[0][1]) != 13:
        raise BadImage(f"is not a valid PNG file (it does not start with a header){RESAVE}")
    width, height, depth, colour, compression, filtering, interlace = struct.unpack(">IIBBBBB", chunks[0][1])
    if depth not in PNG_DEPTHS.get(colour, ()) or compression or filtering or interlace > 1:
        raise BadImage(f"has a PNG header no reader accepts{RESAVE}")
    check_size(width, height)
    kinds = [kind for kind, _ in chunks]
    if colour == 3 and b"PLTE" not in kinds:
        raise BadImage(f"is a palette PNG without its palette{RESAVE}")
    for kind, body in chunks:
        if kind == b"pHYs" and len(body) == 9:
            x, y, unit = struct.unpack(">IIB", body)
            if unit == 1:  # python-docx: pixels per metre to dots per inch, when given
                check_word_dpi(x * 0.0254 if x else 72, y * 0.0254 if y else 72)
    pictures = [body for kind, body in chunks if kind == b"IDAT"]
    if not pictures:
        raise BadImage(f"holds no picture data{RESAVE}")
    check_png_pixels(pictures, png_rows(width, height, depth * PNG_CHANNELS[colour], interlace))


def png_chunks(data: bytes) -> Iterator[tuple[bytes, bytes]]:
    """Each (type, data) chunk up to IEND, checked against its CRC."""
    position, count = len(PNG_SIGNATURE), 0
    while True:
        if position + 12 > len(data):
            raise BadImage(f"is truncated (the file ends before the picture does){RESAVE}")
        length, kind = struct.unpack_from(">I4s", data, position)
        end = position + 12 + length
        if end > len(data):
            raise BadImage(f"is truncated (the file ends before the picture does){RESAVE}")
        body = data[position + 8 : end - 4]
        if not kind.isalpha() or zlib.crc32(kind + body) != struct.unpack_from(">I", data, end - 4)[0]:
            raise BadImage(f"is damaged (a PNG chunk fails its checksum){RESAVE}")
        count += 1
        if count > MAX_PNG_CHUNKS:
            raise BadImage(f"has more than {MAX_PNG_CHUNKS:,} PNG chunks{RESAVE}")
        yield kind, body
        if kind == b"IEND":
            return
        position = end


def png_rows(width: int, height: int, bits: int, interlace: int) -> list[int]:
    """The length of each scanline (its filter byte included) in decompression order."""
    passes = ADAM7 if interlace else ((0, 0, 1, 1),)
    rows = []
    for x0, y0, dx, dy in passes:
        columns, lines = -(-(width - x0) // dx), -(-(height - y0) // dy)
        if columns > 0 and lines > 0:
            rows += [1 + (columns * bits + 7) // 8] * lines
    return rows


def check_png_pixels(pictures: list[bytes], rows: list[int]) -> None:
    """Inflate the picture data in bounded steps: enough bytes, and a valid filter on each line."""
    inflater = zlib.decompressobj()
    expected, produced, row, next_start = sum(rows), 0, 0, 0
    try:
        for body in pictures:
            pending = body
            while pending and produced < expected:
                out = inflater.decompress(pending, 1 << 20)
                pending = inflater.unconsumed_tail
                while next_start < produced + len(out) and row < len(rows):
                    if out[next_start - produced] > 4:
                        raise BadImage(f"is damaged (a line of pixels has an unknown filter){RESAVE}")
                    next_start += rows[row]
                    row += 1
                produced += len(out)
                if not out and not pending:
                    break
    except zlib.error:
        raise BadImage(f"is damaged (its picture data cannot be decompressed){RESAVE}") from None
    if produced < expected:
        raise BadImage(f"is truncated or damaged (its picture data is cut short){RESAVE}")


# --- JPEG ----------------------------------------------------------------------------


def check_jpeg(data: bytes) -> None:
    """A JPEG with a frame, picture data to its end, and a header Word recognises."""
    if not data.startswith(JPEG_SIGNATURE):
        raise BadImage("is not a valid JPEG file")
    if data[6:10] not in (b"JFIF", b"Exif"):
        raise BadImage(f"has no JFIF or Exif header, which Word needs{RESAVE} as a JPEG")
    segments, scan_start = jpeg_segments(data)
    frame = next((body for marker, body in segments if marker in JPEG_FRAMES), None)
    if frame is None or len(frame) < 6:
        raise BadImage(f"has no picture frame{RESAVE}")
    precision, height, width, components = struct.unpack_from(">BHHB", frame)
    if precision != 8 or components not in (1, 3, 4) or len(frame) < 6 + 3 * components:
        raise BadImage(f"has a frame no reader here accepts (8-bit grey, RGB or CMYK only){RESAVE}")
    check_size(width, height)
    for marker, body in segments:
        if marker == 0xDB:
            check_quantization(body)
    if data.find(b"\xff\xd9", scan_start) < 0:
        raise BadImage(f"is truncated (the file ends before the picture does){RESAVE}")
    # python-docx reads the first APP0 of a JFIF file and the first APP1 of an Exif one.
    wanted = 0xE0 if data[6:10] == b"JFIF" else 0xE1
    header = next((body for marker, body in segments if marker == wanted), None)
    if header is None:
        raise BadImage(f"has a damaged {data[6:10].decode()} header{RESAVE}")
    if wanted == 0xE0:
        check_jfif_dpi(header)
    elif header.startswith(b"Exif\x00\x00"):
        check_exif_dpi(header[6:])


def jpeg_segments(data: bytes) -> tuple[list[tuple[int, bytes]], int]:
    """The (marker, body) segments before the first scan, and where the scan's data starts."""
    segments, position = [], 2
    while True:
        if position + 4 > len(data):
            raise BadImage(f"is truncated (the file ends before the picture does){RESAVE}")
        if data[position] != 0xFF:
            raise BadImage(f"is damaged (a JPEG marker is missing){RESAVE}")
        marker = data[position + 1]
        if marker == 0xFF or marker in JPEG_STANDALONE:
            position += 1 if marker == 0xFF else 2
            continue
        if marker < 0xC0 or marker in (0xD8, 0xD9):  # reserved, or a second start or an early end
            raise BadImage(f"is damaged (a JPEG marker is unknown or out of place){RESAVE}")
        length = struct.unpack_from(">H", data, position + 2)[0]
        end = position + 2 + length
        if length < 2 or end > len(data):
            raise BadImage(f"is truncated or damaged (a JPEG segment runs past the file){RESAVE}")
        segments.append((marker, data[position + 4 : end]))
        if marker == 0xDA:
            return segments, end
        position = end


def check_quantization(body: bytes) -> None:
    """Quantization tables as Pillow reads them: each 64 values of 1 or 2 bytes after its header."""
    while body:
        length = 1 + (1 if body[0] < 16 else 2) * 64
        if len(body) < length:
            raise BadImage(f"is damaged (a quantization table is cut short){RESAVE}")
        body = body[length:]


def check_jfif_dpi(body: bytes) -> None:
    """python-docx's reading of the JFIF density: unit 1 is dpi, unit 2 dots per cm, else 72."""
    if len(body) < 12:
        raise BadImage(f"has a damaged JFIF header{RESAVE}")
    unit, x, y = struct.unpack_from(">BHH", body, 7)
    scale = {1: 1, 2: 2.54}.get(unit)
    if scale:
        check_word_dpi(x * scale, y * scale)


def check_exif_dpi(tiff: bytes) -> None:
    """python-docx's reading of the Exif resolution: the first directory's entries, as it reads them."""
    entries = exif_entries(tiff)
    unit = entries.get(0x0128, 2)
    dpis = []
    for tag in (0x011A, 0x011B):
        value = entries.get(tag)
        if value is None or unit == 1:
            dpis.append(72)
        elif isinstance(value, int | float):
            dpis.append(value * (1 if unit == 2 else 2.54))
        else:
            raise BadImage(f"has a damaged Exif resolution{RESAVE}")
    check_word_dpi(*dpis)


def exif_entries(tiff: bytes) -> dict[int, object]:
    """The values python-docx reads from the first Exif directory (it fails where this raises)."""
    order = ">" if tiff[:2] == b"MM" else "<"

    def read(kind: str, offset: int):
        if offset < 0 or offset + struct.calcsize(kind) > len(tiff):
            raise BadImage(f"has damaged Exif data{RESAVE}")
        return struct.unpack_from(order + kind, tiff, offset)[0]

    directory, entries = read("L", 4), {}
    for index in range(read("H", directory)):
        entry = directory + 2 + index * 12
        tag, kind, count, offset = (
            read("H", entry),
            read("H", entry + 2),
            read("L", entry + 4),
            read("L", entry + 8),
        )
        if kind == 2 and (count < 1 or offset + count - 1 > len(tiff)):
            raise BadImage(f"has damaged Exif data{RESAVE}")
        if count == 1 and kind in (3, 4):
            entries[tag] = read("H" if kind == 3 else "L", entry + 8)
        elif count == 1 and kind == 5:
            numerator, denominator = read("L", offset), read("L", offset + 4)
            if not denominator:
                raise BadImage(f"has damaged Exif data (a fraction over zero){RESAVE}")
            entries[tag] = numerator / denominator
        else:
            entries[tag] = "other"
    return entries
