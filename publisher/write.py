"""Writing outputs all or nothing: temporary files first, then moved into place."""

from __future__ import annotations

import os
import secrets
import tempfile
from pathlib import Path


def write_outputs(files: dict[Path, bytes]) -> None:
    """Write every file, or none: on any failure earlier outputs stay as they were.

    Each file is written to a temporary file in its own folder, flushed and synced.
    Existing targets are then hard-linked to backups, and only then are the new files
    renamed over them (a rename within one folder is atomic). If a rename fails part
    way, the files already replaced are put back from their backups, and new ones
    removed. Temporary files and backups never outlive the call.
    """
    staged: list[tuple[str, Path]] = []
    backups: dict[Path, str] = {}
    replaced: list[Path] = []
    try:
        for target, data in files.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            staged.append((_stage(target, data), target))
        for _, target in staged:
            if target.exists() or target.is_symlink():
                backups[target] = _backup(target)
        for temp, target in staged:
            os.replace(temp, target)
            replaced.append(target)
    except BaseException:
        _roll_back(replaced, backups)
        raise
    finally:
        for leftover in [temp for temp, _ in staged] + list(backups.values()):
            if os.path.lexists(leftover):
                os.unlink(leftover)


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


def _backup(target: Path) -> str:
    """A hard link to the current file (fails, before anything is replaced, for a folder)."""
    backup = str(target.parent / f".{target.name}.{secrets.token_hex(6)}.bak")
    os.link(target, backup, follow_symlinks=False)  # refuses to overwrite: no race
    return backup


def _roll_back(replaced: list[Path], backups: dict[Path, str]) -> None:
    """Put back what a failed write had already replaced."""
    for target in reversed(replaced):
        if target in backups:
            os.replace(backups[target], target)
        else:
            target.unlink(missing_ok=True)
