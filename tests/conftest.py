"""pytest fixtures shared by every test module; shared helpers are in ``tests/helpers``."""

from __future__ import annotations

import pytest

from tests.helpers.paths import EPOCH


@pytest.fixture(autouse=True)
def _fixed_epoch(monkeypatch):
    """Builds are reproducible: pin SOURCE_DATE_EPOCH unless a test changes it."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
