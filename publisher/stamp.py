"""Skipping unchanged builds: a stamp file records what the last build read and wrote.

The stamp lists every input the build depended on (the source, the files it named,
the brand file, templates and fonts) with content hashes, the options and the tool
version, and the hash of every output. A build whose stamp still matches writes
nothing. Checking a stamp needs neither a parse nor a renderer import.

The stamp also names every file the source's builds have written into the folder
(``written``): a build replaces only those, so it never overwrites a file it did not
write. A stamp is a file in the user's folder, so it is read as untrusted: bounded in
size, checked in shape, and the files it names hashed only when they are regular files.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
import time
from collections.abc import Iterable
from pathlib import Path

from publisher import __version__
from publisher.limits import MAX_STAMP_BYTES
from publisher.resources import templates_dir
from publisher.source import UnreadableFile, read_regular_file

STAMP_VERSION = 1
# Far more than a build reads (our code, templates, fonts, a source's images); a stamp
# naming more was not written by us, and each would be hashed.
MAX_STAMP_INPUTS = 5_000


def stamp_path(out_dir: Path, source: Path) -> Path:
    """Where the stamp of a source's build lives (hidden, beside its outputs)."""
    return out_dir / f".{source.stem}.build.json"


SETTLED_NS = 2_000_000_000
"""A file last changed this long before it was hashed keeps its hash while its status does not change."""
_settled: dict[tuple, str] = {}
"""(path, device, inode, size, mtime, ctime) -> SHA-256 of files hashed after they settled."""


def file_hash(path: Path) -> str:
    """SHA-256 of a regular file's bytes, read in bounded steps; "missing" for anything else.

    A FIFO or device (a stamp edited to name /dev/zero) is never read. In a long-lived
    process (watch, preview) a file's hash is reused while its status is the same: every
    save hashed our 190 templates, fonts and modules again. Only for a file that had not
    changed for two seconds when it was hashed (git's rule against "racily clean" files):
    any later change gives it a later change time, so its status cannot match.
    """
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except (OSError, ValueError):
        return "missing"
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            return "missing"
        key = (os.fspath(path), info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)
        if key in _settled:
            return _settled[key]
        digest = hashlib.sha256()
        while chunk := os.read(handle, 1 << 20):
            digest.update(chunk)
        if time.time_ns() - max(info.st_mtime_ns, info.st_ctime_ns) > SETTLED_NS:
            _settled[key] = digest.hexdigest()
        return digest.hexdigest()
    except OSError:
        return "missing"
    finally:
        os.close(handle)


LIBRARIES = ("weasyprint", "python_docx", "jinja2", "markdown_it_py", "pyyaml", "segno", "resvg_py")


def tool_versions() -> dict[str, str]:
    """Our version and the renderers' libraries: a new library may render differently.

    Read from the installed ``*.dist-info`` folder names: importlib.metadata costs more
    than the rest of a no-op build together.
    """
    found = {"publisher": __version__, **dict.fromkeys(LIBRARIES, "none")}
    for folder in sys.path:
        try:
            names = os.listdir(folder or ".")
        except OSError:
            continue
        for name in names:
            if name.endswith(".dist-info") and "-" in name:
                project, release = name[: -len(".dist-info")].split("-", 1)
                key = project.lower().replace("-", "_").replace(".", "_")
                if found.get(key) == "none":
                    found[key] = release
    return found


def template_files() -> list[Path]:
    """Every template, stylesheet and font the renderers may read, and our own code.

    The code is included so an edited renderer (in a development checkout, where the
    version number does not change) rebuilds instead of being skipped.
    """
    code = (p for p in files_under(Path(__file__).resolve().parent) if p.suffix == ".py")
    shipped = (p for p in files_under(templates_dir()) if p.is_file())
    return sorted([*code, *shipped])


def files_under(folder: Path) -> list[Path]:
    """Every name of a file under a folder, not following links to folders (as ``rglob`` does)."""
    return [Path(top, name) for top, _, names in os.walk(folder) for name in names]


def snapshot(paths: Iterable[Path | None]) -> dict[str, str]:
    """The hash of every file named, taken before the build reads it.

    Hashing before reading means a file saved during a build is recorded with its
    old contents, so the next build sees the change instead of skipping it.
    """
    folders: dict[Path, str] = {}
    return {canonical(p, folders): file_hash(p) for p in paths if p is not None}


def canonical(path: Path, folders: dict[Path, str]) -> str:
    """``str(path.resolve())``, resolving each folder once (``folders``): a file is rarely a link.

    Resolving every one of 190 templates and modules on each save took 10 ms of a rebuild.
    """
    if not path.is_absolute() or path.name in ("", ".", "..") or path.is_symlink():
        return str(path.resolve())
    if path.parent not in folders:
        folders[path.parent] = str(path.parent.resolve())
    return os.path.join(folders[path.parent], path.name)


def make_stamp(
    options_key: str, inputs: dict[str, str], outputs: dict[Path, bytes], written: Iterable[str] = ()
) -> bytes:
    """The stamp recording a finished build: ``inputs`` from ``snapshot``, templates included.

    ``written`` names the files earlier builds wrote (``owned_files`` of the old stamp);
    they stay the build's to replace.
    """
    data = {
        "stamp": STAMP_VERSION,
        "tools": tool_versions(),
        "options": options_key,
        "inputs": dict(sorted(inputs.items())),
        "outputs": {str(p): hashlib.sha256(b).hexdigest() for p, b in sorted(outputs.items())},
        "written": sorted({*written, *(Path(p).name for p in outputs)}),
    }
    return (json.dumps(data, indent=1, sort_keys=True) + "\n").encode()


def read_stamp(stamp: Path) -> dict:
    """A stamp's data, or {} when it is missing, too large or not in the shape we write."""
    try:
        data = json.loads(read_regular_file(stamp, MAX_STAMP_BYTES))
    except (UnreadableFile, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    for key in ("inputs", "outputs"):
        value = data.get(key, {})
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            return {}
    written = data.get("written", [])
    if not isinstance(written, list) or not all(isinstance(name, str) for name in written):
        return {}
    return data


def owned_files(stamp: Path) -> set[str]:
    """Names of the files in the stamp's folder that earlier builds of its source wrote."""
    data = read_stamp(stamp)
    if not data:
        return {stamp.name} if stamp.exists() else set()
    return {stamp.name, *data.get("written", []), *(Path(p).name for p in data.get("outputs", {}))}


def is_up_to_date(stamp: Path, options_key: str, outputs: Iterable[Path], source: Path | None = None) -> bool:
    """True when the stamp matches the current inputs, options, tools and outputs.

    With ``source``, the stamp must also be one of that source's builds: two sources of
    one name in different folders share a stamp's name.
    """
    data = read_stamp(stamp)
    if not data or data.get("stamp") != STAMP_VERSION or data.get("options") != options_key:
        return False
    if source is not None and str(source.resolve()) not in data["inputs"]:
        return False
    if data.get("tools") != tool_versions():
        return False
    recorded_inputs = data.get("inputs", {})
    current_templates = {str(p) for p in template_files()}
    if not current_templates <= set(recorded_inputs):
        return False
    if len(recorded_inputs) > MAX_STAMP_INPUTS or any(
        file_hash(Path(p)) != h for p, h in recorded_inputs.items()
    ):
        return False
    recorded_outputs = data.get("outputs", {})
    if {str(p) for p in outputs} != set(recorded_outputs) - {str(stamp)}:
        return False
    return all(file_hash(Path(p)) == h for p, h in recorded_outputs.items())
