"""Skipping unchanged builds: a stamp file records what the last build read and wrote.

The stamp lists every input the build depended on (the source, the files it named,
the brand file, templates and fonts) with content hashes, the options and the tool
version, and the hash of every output. A build whose stamp still matches writes
nothing. Checking a stamp needs neither a parse nor a renderer import.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Iterable
from pathlib import Path

from publisher import __version__
from publisher.resources import templates_dir

STAMP_VERSION = 1


def stamp_path(out_dir: Path, source: Path) -> Path:
    """Where the stamp of a source's build lives (hidden, beside its outputs)."""
    return out_dir / f".{source.stem}.build.json"


def file_hash(path: Path) -> str:
    """SHA-256 of a file's bytes, or "missing"."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "missing"


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
    code = Path(__file__).resolve().parent.rglob("*.py")
    shipped = (p for p in templates_dir().rglob("*") if p.is_file())
    return sorted([*code, *shipped])


def snapshot(paths: Iterable[Path | None]) -> dict[str, str]:
    """The hash of every file named, taken before the build reads it.

    Hashing before reading means a file saved during a build is recorded with its
    old contents, so the next build sees the change instead of skipping it.
    """
    return {str(p.resolve()): file_hash(p) for p in paths if p is not None}


def make_stamp(options_key: str, inputs: dict[str, str], outputs: dict[Path, bytes]) -> bytes:
    """The stamp recording a finished build: ``inputs`` from ``snapshot``, templates included."""
    data = {
        "stamp": STAMP_VERSION,
        "tools": tool_versions(),
        "options": options_key,
        "inputs": dict(sorted(inputs.items())),
        "outputs": {str(p): hashlib.sha256(b).hexdigest() for p, b in sorted(outputs.items())},
    }
    return (json.dumps(data, indent=1, sort_keys=True) + "\n").encode()


def is_up_to_date(stamp: Path, options_key: str, outputs: Iterable[Path]) -> bool:
    """True when the stamp matches the current inputs, options, tools and outputs."""
    try:
        data = json.loads(stamp.read_text())
    except (OSError, ValueError):
        return False
    if data.get("stamp") != STAMP_VERSION or data.get("options") != options_key:
        return False
    if data.get("tools") != tool_versions():
        return False
    recorded_inputs = data.get("inputs", {})
    current_templates = {str(p) for p in template_files()}
    if not current_templates <= set(recorded_inputs):
        return False
    if any(file_hash(Path(p)) != h for p, h in recorded_inputs.items()):
        return False
    recorded_outputs = data.get("outputs", {})
    if {str(p) for p in outputs} != set(recorded_outputs) - {str(stamp)}:
        return False
    return all(file_hash(Path(p)) == h for p, h in recorded_outputs.items())
