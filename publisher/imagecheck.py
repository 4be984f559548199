"""Checking image files named by a source or brand file before any renderer reads them.

PNG and JPEG files are checked from their bytes (``bitmaps``), SVG files parsed within
limits (``svgcheck``), so a picture ``check`` accepts is one every renderer can draw,
in bounded time and memory.
"""

from __future__ import annotations

from pathlib import Path

from publisher.bitmaps import BadImage, check_jpeg, check_png
from publisher.limits import MAX_IMAGE_BYTES, MAX_SVG_BYTES
from publisher.source import UnreadableFile, read_regular_file

BITMAPS = {".png": check_png, ".jpg": check_jpeg, ".jpeg": check_jpeg}


def image_file_problem(path: Path, src: str) -> str | None:
    """Why an existing image file cannot be used, or None.

    PNG and JPEG files must be whole, decodable and within the size limits; SVG files
    must be well-formed, self-contained and within the SVG limits.
    """
    suffix = path.suffix.lower()
    try:
        data = read_regular_file(path, MAX_SVG_BYTES if suffix == ".svg" else MAX_IMAGE_BYTES)
    except UnreadableFile as error:
        return f"image '{src}' cannot be used: {str(error)[0].lower()}{str(error)[1:]}"
    if suffix in BITMAPS:
        try:
            BITMAPS[suffix](data)
        except BadImage as error:
            return f"image '{src}' {error}"
        return None
    return svg_problem(data, src)


def svg_problem(data: bytes, src: str) -> str | None:
    """Why an SVG file is unsafe, unreadable or too large to draw, or None."""
    from publisher.svgcheck import svg_reason  # its XML parser only for sources with an SVG

    reason = svg_reason(data)
    return f"image '{src}'{reason}" if reason else None
