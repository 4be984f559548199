"""Colour values: hex parsing and WCAG contrast."""

from __future__ import annotations

import re

HEX = re.compile(r"^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
# What renderers accept inside CSS: nothing that could end a declaration or a string.
CSS_COLOUR = re.compile(r"#[0-9a-fA-F]{3,8}|(rgb|rgba|hsl|hsla)\([0-9.,%/ ]+\)|[a-zA-Z]{3,20}")


def is_hex_color(value: object) -> bool:
    """True for ``#rgb`` or ``#rrggbb``."""
    return isinstance(value, str) and bool(HEX.match(value.strip()))


def normalise_hex(value: str) -> str:
    """``#ABC`` and ``#aabbcc`` both become lower-case ``#aabbcc``."""
    digits = value.strip().lstrip("#").lower()
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    return "#" + digits


def relative_luminance(value: str) -> float:
    """WCAG 2.1 relative luminance of a hex colour."""
    digits = normalise_hex(value)[1:]
    channels = [int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast ratio between two hex colours (1 to 21)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
