"""A readable, stable dump of the model for golden files (type names kept, paths relative)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path


def to_data(value, base: Path):
    """Plain data for a model value: dataclasses become {"type": ..., fields...}."""
    if dataclasses.is_dataclass(value):
        data = {"type": type(value).__name__}
        for item in dataclasses.fields(value):
            data[item.name] = to_data(getattr(value, item.name), base)
        return data
    if isinstance(value, tuple | list):
        return [to_data(v, base) for v in value]
    if isinstance(value, Path):
        return value.resolve().relative_to(base.resolve()).as_posix()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def dump_document(document, base: Path) -> str:
    """The document as indented JSON text."""
    return json.dumps(to_data(document, base), indent=1, ensure_ascii=False) + "\n"
