"""Where the tests' sources, fixtures and golden files are, and the epoch every build uses."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
"""The repository's root folder."""
TESTS = ROOT / "tests"
FIXTURES = TESTS / "fixtures"
GOLDEN = TESTS / "golden"
CLINIC_FAQ = ROOT / "source" / "faq.md"
"""The clinic's own FAQ."""
FEATURES_FAQ = FIXTURES / "features" / "faq.md"
"""A source using every construct the format allows."""
SPANISH_FAQ = FIXTURES / "spanish" / "faq.md"
EPOCH = "1763856000"
"""The SOURCE_DATE_EPOCH every test runs with unless it changes it (conftest pins it)."""
BRANDED_FAQ = FIXTURES / "branded" / "faq.md"
"""A source beside a brand file (``_brand.yml``) with a logo, fonts, contact details and pictures."""
