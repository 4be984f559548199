"""Checking image files named by a source before any renderer reads them."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

SIGNATURES = {".png": (b"\x89PNG\r\n\x1a\n",), ".jpg": (b"\xff\xd8\xff",), ".jpeg": (b"\xff\xd8\xff",)}
HREF = re.compile(r"\{http://www\.w3\.org/1999/xlink\}href|href")


def image_file_problem(path: Path, src: str) -> str | None:
    """Why an existing image file cannot be used, or None.

    PNG and JPEG files must start with their signature; SVG files must be well-formed
    and self-contained: no scripts and no references to other files or the network,
    which a renderer would otherwise try to load.
    """
    try:
        data = path.read_bytes()
    except OSError as error:
        return f"image '{src}' cannot be read: {error.strerror}"
    suffix = path.suffix.lower()
    if suffix in SIGNATURES:
        if not data.startswith(SIGNATURES[suffix]):
            return f"image '{src}' is not a valid {suffix[1:].upper()} file"
        return None
    return svg_problem(data, src)


def svg_problem(data: bytes, src: str) -> str | None:
    """Why an SVG file is unsafe or unreadable, or None."""
    if b"<!ENTITY" in data or b"<!DOCTYPE" in data:
        return f"image '{src}': SVG files with a DOCTYPE or entities are not allowed"
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        return f"image '{src}' is not a well-formed SVG file ({error})"
    if not root.tag.endswith("svg"):
        return f"image '{src}' is not an SVG file"
    for element in root.iter():
        if element.tag.rsplit("}", 1)[-1] in ("script", "foreignObject"):
            return f"image '{src}': SVG files may not hold <{element.tag.rsplit('}', 1)[-1]}>"
        for name, value in element.attrib.items():
            if HREF.fullmatch(name) and not value.startswith(("#", "data:")):
                return f"image '{src}': SVG files may not refer to other files or addresses ({value})"
            if name.lower().startswith("on"):
                return f"image '{src}': SVG files may not hold event handlers ({name})"
    return None
