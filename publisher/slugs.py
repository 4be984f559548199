"""Stable, readable ids for questions and sections."""

from __future__ import annotations

import re
import unicodedata

EXPLICIT_ID = re.compile(r"\s*\{#([^}]*)\}\s*$")
VALID_ID = re.compile(r"^[^\W\d_][\w-]*$")
MAX_SLUG = 64


def slugify(text: str) -> str:
    """A lower-case, hyphenated slug that keeps letters of any script (``qué-es-smp``)."""
    text = unicodedata.normalize("NFC", text).lower()
    text = re.sub(r"[^\w\s-]", "", text)
    slug = re.sub(r"[\s_-]+", "-", text).strip("-")
    if len(slug) > MAX_SLUG:
        slug = slug[:MAX_SLUG].rsplit("-", 1)[0]
    return slug


def unique_slug(base: str, taken: set[str], fallback: str) -> str:
    """``base`` (or ``fallback`` when empty), suffixed -2, -3 ... until not in ``taken``."""
    base = base or fallback
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    taken.add(candidate)
    return candidate
