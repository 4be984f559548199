"""Small, valid image files written byte by byte, and ways to break them, for tests."""

from __future__ import annotations

import struct
import zlib


def png_chunk(kind: bytes, body: bytes) -> bytes:
    """One PNG chunk with its length and CRC."""
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def tiny_png(width: int = 2, height: int = 2, phys: tuple[int, int, int] | None = None) -> bytes:
    """A valid grey PNG; ``phys`` adds a pHYs chunk (x, y, unit)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"".join(b"\x00" + b"\x80" * width for _ in range(height)))
    extra = png_chunk(b"pHYs", struct.pack(">IIB", *phys)) if phys else b""
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + extra
        + png_chunk(b"IDAT", pixels)
        + png_chunk(b"IEND", b"")
    )


def tiny_jpeg(density: tuple[int, int, int] = (1, 72, 72)) -> bytes:
    """A valid 8 x 8 grey baseline JPEG with a JFIF header of (unit, x, y) density."""
    unit, x, y = density
    jfif = b"JFIF\x00\x01\x01" + struct.pack(">BHHBB", unit, x, y, 0, 0)
    quant = b"\x00" + bytes([1] * 64)
    frame = struct.pack(">BHHB", 8, 8, 8, 1) + b"\x01\x11\x00"
    # One DC table (code length 1 for category 0) and one AC table (end of block only).
    dc = b"\x00" + bytes([1] + [0] * 15) + b"\x00"
    ac = b"\x10" + bytes([1] + [0] * 15) + b"\x00"
    scan = b"\x01\x01\x00\x00\x3f\x00"

    def segment(marker: int, body: bytes) -> bytes:
        return bytes([0xFF, marker]) + struct.pack(">H", len(body) + 2) + body

    return (
        b"\xff\xd8"
        + segment(0xE0, jfif)
        + segment(0xDB, quant)
        + segment(0xC0, frame)
        + segment(0xC4, dc)
        + segment(0xC4, ac)
        + segment(0xDA, scan)
        + b"\x3f"  # DC difference 0 (code '0'), end of block (code '0'), padded with ones
        + b"\xff\xd9"
    )
