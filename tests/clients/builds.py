"""Building the outputs under test with the real command line, one subprocess per source and format.

Separate builds let one unfinished renderer fail only its own tests, and running them
side by side keeps the session short.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers.paths import CLINIC_FAQ, FEATURES_FAQ, ROOT

SOURCES = {"clinic": CLINIC_FAQ, "features": FEATURES_FAQ}
"""The sources under test: the clinic's FAQ and the fixture using every construct."""
FORMATS = {"html": ".html", "pdf": ".pdf", "docx": ".docx"}
"""The formats a client judges, with their file suffixes."""
EPOCH = "1763856000"


@dataclass(frozen=True)
class Outputs:
    """The built files of every source, and what the build said when one failed."""

    folder: Path
    failures: dict[tuple[str, str], str]

    def path(self, name: str, fmt: str) -> Path:
        """The output of source ``name`` in ``fmt``; fails the test when that build failed."""
        path = self.folder / name / (SOURCES[name].stem + FORMATS[fmt])
        if (name, fmt) in self.failures or not path.is_file():
            pytest.fail(f"publisher build -f {fmt} ({name}) failed:\n{self.failures.get((name, fmt), '')}")
        return path


def start_build(source: Path, out_dir: Path, fmt: str) -> subprocess.Popen[str]:
    """Start ``publisher build SOURCE -o DIR -f FMT`` as a user would run it."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    command = [sys.executable, "-m", "publisher", "build", str(source), "-o", str(out_dir)]
    command += ["-f", fmt, "--force", "-j", "1", "-q"]
    return subprocess.Popen(
        command, cwd=ROOT, env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )


def build_everything(folder: Path) -> Outputs:
    """Build every source in every format into ``folder/<name>/``, all builds side by side."""
    running = {
        (name, fmt): start_build(source, folder / name, fmt)
        for name, source in SOURCES.items()
        for fmt in FORMATS
    }
    failures = {}
    for key, process in running.items():
        said, _ = process.communicate(timeout=300)
        if process.returncode:
            failures[key] = said
    return Outputs(folder, failures)
