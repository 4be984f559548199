"""Shared test helpers: fixture sources, golden files and real-client requirements."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.helpers.golden import assert_golden  # noqa: F401  (moving to tests.helpers)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOLDEN = Path(__file__).resolve().parent / "golden"
CLINIC_FAQ = ROOT / "source" / "faq.md"
EPOCH = "1763856000"
"""The SOURCE_DATE_EPOCH every test runs with unless it changes it."""
FEATURES_FAQ = FIXTURES / "features" / "faq.md"
SPANISH_FAQ = FIXTURES / "spanish" / "faq.md"


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
    import subprocess

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


@pytest.fixture(autouse=True)
def _fixed_epoch(monkeypatch):
    """Builds are reproducible: pin SOURCE_DATE_EPOCH unless a test changes it."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
