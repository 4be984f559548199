"""The clinic's plain-language target in its brand file, for every FAQ it keeps (issue 15)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ANSWER = (  # Flesch-Kincaid grade 11: above the default target of 8, below 14
    "The treatment usually needs a consultation first. "
    "We check your skin and explain the possible complications and the aftercare."
)


def project(tmp_path: Path, brand: str, front_matter: str = "") -> Path:
    """A FAQ with one hard-to-read answer and the brand file given."""
    (tmp_path / "_brand.yml").write_text(brand, encoding="utf-8")
    source = tmp_path / "faq.md"
    source.write_text(f"---\ntitle: T\n{front_matter}---\n\n## Is it hard?\n\n{ANSWER}\n", encoding="utf-8")
    return source


def check(source: Path, *extra: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "publisher", "check", str(source), *extra]
    return subprocess.run(command, capture_output=True, text=True, cwd=source.parent)


def grade_warnings(result: subprocess.CompletedProcess) -> list[str]:
    return [line for line in result.stderr.splitlines() if "above the target of" in line]


def test_without_a_target_the_default_grade_8_applies(tmp_path: Path) -> None:
    result = check(project(tmp_path, "meta:\n  name: Clinic\n"))
    assert result.returncode == 0
    assert [w for w in grade_warnings(result) if "the target of 8" in w]


def test_the_brand_files_target_is_used(tmp_path: Path) -> None:
    result = check(project(tmp_path, "plain_language:\n  reading_grade: 14\n"))
    assert result.returncode == 0, result.stderr
    assert grade_warnings(result) == []


def test_a_lower_brand_target_warns_with_that_target(tmp_path: Path) -> None:
    result = check(project(tmp_path, "plain_language:\n  reading_grade: 6\n"))
    assert [w for w in grade_warnings(result) if "the target of 6" in w], result.stderr


def test_the_front_matter_wins_over_the_brand_file(tmp_path: Path) -> None:
    source = project(tmp_path, "plain_language:\n  reading_grade: 14\n", "reading_grade: 6\n")
    assert [w for w in grade_warnings(check(source)) if "the target of 6" in w]


def test_brand_given_with_brand_option_counts(tmp_path: Path) -> None:
    source = project(tmp_path, "meta:\n  name: Clinic\n")
    other = tmp_path / "other.yml"
    other.write_text("plain_language:\n  reading_grade: 14\n", encoding="utf-8")
    result = check(source, "--brand", str(other))
    assert result.returncode == 0, result.stderr
    assert grade_warnings(result) == []


def test_a_bad_target_is_a_located_error(tmp_path: Path) -> None:
    result = check(project(tmp_path, "color:\n  primary: '#123456'\nplain_language:\n  reading_grade: 40\n"))
    assert result.returncode == 1
    assert "_brand.yml:4:" in result.stderr and "school grade from 1 to 20" in result.stderr
    result = check(project(tmp_path, "plain_language:\n  reading_grade: eight\n"))
    assert result.returncode == 1
    assert "plain_language.reading_grade: expected a number" in result.stderr
