"""The font files a brand file names (``typography.fonts``), checked one by one.

Kept apart from ``brandfile`` to keep it short: ``BrandFonts`` is mixed into its reader,
whose ``problem`` and ``file`` methods it uses.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from publisher.addresses import shorten
from publisher.brand import FONT_STYLES, FontFace

FONT_TYPES = (".ttf", ".otf", ".woff", ".woff2")


class BrandFonts:
    """``typography.fonts`` of a brand file: font files only (nothing is downloaded)."""

    def problem(self, key: str, message: str) -> None:  # pragma: no cover - the reader's
        raise NotImplementedError

    def file(self, key: str, name: str, suffixes, what: str) -> Path | None:  # pragma: no cover
        raise NotImplementedError

    def fonts(self, data: dict) -> tuple[FontFace, ...]:
        """Font files of ``typography.fonts`` (source: file only: nothing is downloaded)."""
        fonts = mapping(data.get("typography")).get("fonts")
        faces: list[FontFace] = []
        for index, font in enumerate(fonts if isinstance(fonts, list) else []):
            key = f"typography.fonts.{index}"
            if not isinstance(font, dict) or not isinstance(font.get("family"), str):
                self.problem(key, "a font needs a 'family' and its 'files'")
            elif font.get("source", "file") != "file":
                source = shorten(str(font.get("source")))
                self.problem(key, f"font source '{source}' is not allowed: ship the font files")
            else:
                faces += self.font_files(key, font["family"], font.get("files") or [])
        return tuple(faces)

    def font_files(self, key: str, family: str, files: Any) -> list[FontFace]:
        """The faces of one font's ``files`` (a path, or a list of paths or mappings)."""
        if not isinstance(files, str | list):
            self.problem(f"{key}.files", "expected a file name or a list of font files")
            return []
        faces = []
        for number, item in enumerate([files] if isinstance(files, str) else files):
            where = f"{key}.files.{number}"
            entry = item if isinstance(item, dict) else {"path": item}
            path = self.file(where, str(entry.get("path", "")), FONT_TYPES, "font")
            style, weight = entry.get("style", "normal"), entry.get("weight", 400)
            if style not in FONT_STYLES:
                styles = ", ".join(FONT_STYLES)
                self.problem(where, f"font style '{shorten(str(style))}' must be one of {styles}")
            elif not font_weight(weight):
                self.problem(where, f"font weight '{shorten(str(weight))}' must be a number from 1 to 1000")
            elif path:
                faces.append(FontFace(family, path, font_weight(weight), style))
        return faces


def mapping(value: Any) -> dict:
    """The value when it is a mapping, else an empty one (its shape is reported elsewhere)."""
    return value if isinstance(value, dict) else {}


def font_weight(value: Any) -> int:
    """A CSS font weight (1 to 1000) from a number or digits, else 0."""
    if isinstance(value, str) and re.fullmatch(r"[0-9]{1,4}", value.strip()):
        value = int(value)
    return value if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 1000 else 0
