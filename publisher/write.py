"""Writing outputs all or nothing: temporary files first, then moved into place.

Temporary files and backups are named ``.<name>.<pid>-<random>.tmp`` and ``.bak``, so
the leftovers of a build killed part way (``kill -9`` during the renames) can be told
from another build's files in flight, and are removed by the next build.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import tempfile
import time
from collections.abc import Collection, Iterable
from pathlib import Path

# Leftovers of a version that did not put the process id in the name: removed once stale.
STALE_SECONDS = 600


class OverwriteRefused(OSError):
    """An output would replace a source, or a file no earlier build wrote."""


def write_outputs(
    files: dict[Path, bytes], *, protected: Iterable[Path] = (), owned: Collection[str] | None = None
) -> None:
    """Write every file, or none: on any failure earlier outputs stay as they were.

    ``protected`` files (the sources) are never replaced; when ``owned`` is given, an
    existing file is replaced only if its name is in it (the names earlier builds wrote,
    from the stamp): anything else raises OverwriteRefused before a byte is written.

    Each file is written to a temporary file in its own folder, flushed and synced.
    Existing targets are then hard-linked to backups, and only then are the new files
    renamed over them (a rename within one folder is atomic). If a rename fails part
    way, the files already replaced are put back from their backups, and new ones
    removed. Temporary files and backups never outlive the call, and those of an
    earlier, killed call are removed first.
    """
    refuse_overwrites(files, protected, owned)
    remove_leftovers(files)
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


def refuse_overwrites(
    files: Iterable[Path], protected: Iterable[Path], owned: Collection[str] | None
) -> None:
    """Raise OverwriteRefused when a target is a protected file or an existing file not ``owned``."""
    sources = {_identity(path) for path in protected} - {None}
    for target in files:
        if _identity(target) in sources:
            raise OverwriteRefused(f"{target} is the source itself; name the source differently or use -o")
        if owned is not None and os.path.lexists(target) and target.name not in owned:
            raise OverwriteRefused(
                f"{target} exists and no earlier build wrote it; move it away, or use --force to replace it"
            )


def _identity(path: Path) -> tuple[int, int] | None:
    """The file's device and inode (one file by any name or link), or None when it does not exist."""
    try:
        found = os.stat(path)
    except (OSError, ValueError):
        return None
    return found.st_dev, found.st_ino


def remove_leftovers(targets: Iterable[Path]) -> None:
    """Remove temporary files and backups of these targets left by a build that was killed.

    A leftover names the process that made it: it is removed when that process is gone
    (or is this one: writes in one process never overlap). Older names, without a
    process, are removed once stale.
    """
    for folder, names in _by_folder(targets).items():
        try:
            entries = os.listdir(folder)
        except OSError:
            continue
        alternatives = "|".join(map(re.escape, names))
        pattern = re.compile(rf"\.({alternatives})\.(?:(\d+)-)?[^.]+\.(?:tmp|bak)")
        for entry in entries:
            match = pattern.fullmatch(entry)
            if match and _abandoned(folder / entry, match.group(2)):
                with contextlib.suppress(OSError):  # removed by another build meanwhile
                    os.unlink(folder / entry)


def _by_folder(targets: Iterable[Path]) -> dict[Path, list[str]]:
    folders: dict[Path, list[str]] = {}
    for target in targets:
        folders.setdefault(target.parent, []).append(target.name)
    return folders


def _abandoned(leftover: Path, pid: str | None) -> bool:
    """True when no running build can still need this leftover."""
    if pid is None:
        try:
            return time.time() - os.lstat(leftover).st_mtime > STALE_SECONDS
        except OSError:
            return False
    if int(pid) == os.getpid():
        return True
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except (OSError, OverflowError, ValueError):  # another user's process: alive
        return False
    return False


def _stage(target: Path, data: bytes) -> str:
    prefix = f".{target.name}.{os.getpid()}-"
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=prefix, suffix=".tmp")
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
    backup = str(target.parent / f".{target.name}.{os.getpid()}-{secrets.token_hex(6)}.bak")
    os.link(target, backup, follow_symlinks=False)  # refuses to overwrite: no race
    return backup


def _roll_back(replaced: list[Path], backups: dict[Path, str]) -> None:
    """Put back what a failed write had already replaced."""
    for target in reversed(replaced):
        if target in backups:
            os.replace(backups[target], target)
        else:
            target.unlink(missing_ok=True)
