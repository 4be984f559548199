"""Command-line clients the tests drive: found on PATH, skipped without them (failed under CI)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest


def require_tool(name: str) -> str:
    """The path of a command-line client; skip without it, but fail when CI=true."""
    found = shutil.which(name)
    if found:
        return found
    message = f"{name} is not installed (CI installs it through .ci/run)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def convert_with_libreoffice(documents: list[Path], out_dir: Path, profile: Path | None = None) -> str:
    """Convert documents to PDF with headless LibreOffice; return what it printed.

    A private profile lets parallel runs and a desktop LibreOffice coexist. Skips
    without LibreOffice (fails under CI=true) and fails when the conversion fails.
    """
    soffice = require_tool("soffice")
    profile = profile or out_dir / "profile"
    command = [
        soffice,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        str(out_dir),
        *map(str, documents),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    assert result.returncode == 0, f"LibreOffice exited {result.returncode}: {result.stderr}"
    return result.stdout + result.stderr
