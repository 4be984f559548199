"""Where the shipped templates, stylesheets and fonts live."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def templates_dir() -> Path:
    """The templates folder: inside the installed wheel, or the checkout's ``templates/``."""
    inside = PACKAGE / "templates"
    return inside if inside.is_dir() else PACKAGE.parent / "templates"
