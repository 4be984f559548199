"""Writing outputs all or nothing: temporary files first, then moved into place."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_outputs(files: dict[Path, bytes]) -> None:
    """Write every file, or none: on any failure earlier outputs stay as they were.

    Each file is written to a temporary file in its own folder, flushed and synced,
    and only when all are on disk are they renamed over the targets (a rename within
    one folder is atomic). Temporary files never outlive a failure.
    """
    staged: list[tuple[str, Path]] = []
    try:
        for target, data in files.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            staged.append((_stage(target, data), target))
        for temp, target in staged:
            os.replace(temp, target)
    finally:
        for temp, _ in staged:
            if os.path.exists(temp):
                os.unlink(temp)


def _stage(target: Path, data: bytes) -> str:
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, 0o644)
    except BaseException:
        os.unlink(temp)
        raise
    return temp
