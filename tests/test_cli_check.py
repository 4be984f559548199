"""`publisher check`: summaries, exit codes, messages without tracebacks, and a light import."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from publisher.cli import main
from tests.helpers.paths import CLINIC_FAQ, FEATURES_FAQ, ROOT


def run(*args: str, cwd: Path = ROOT):
    return subprocess.run(
        [sys.executable, "-m", "publisher", *args], cwd=cwd, capture_output=True, text=True, timeout=60
    )


def test_check_says_13_questions():
    result = run("check", "source/faq.md")
    assert result.returncode == 0
    assert result.stdout == "source/faq.md: 13 questions in 4 sections (a disclaimer)\n"


def test_check_defaults_to_source_faq():
    assert run("check").stdout.startswith("source/faq.md: 13 questions")


def test_check_several_sources():
    result = CliRunner().invoke(main, ["check", str(CLINIC_FAQ), str(FEATURES_FAQ)])
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 2  # warnings go to stderr
    assert "5 questions in 2 sections" in result.stdout


def test_bad_source_exits_1_with_located_messages_and_no_traceback(tmp_path: Path):
    bad = tmp_path / "bad.md"
    bad.write_text("---\ntitle: T\ncolor: x\n---\n\n## Q?\n\n<script>alert(1)</script>\n")
    result = run("check", str(bad), str(CLINIC_FAQ))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert f"{bad}:3:1: unknown front matter key 'color'" in result.stderr
    assert f"{bad}:8:1: raw HTML is not allowed" in result.stderr
    assert "13 questions" in result.stdout  # the good source is still checked


def test_not_utf8_exits_1(tmp_path: Path):
    bad = tmp_path / "latin.md"
    bad.write_bytes("---\ntitle: Caf\xe9\n---\n".encode("latin-1"))
    result = run("check", str(bad))
    assert result.returncode == 1
    assert f"{bad}:2:11: the file is not UTF-8" in result.stderr


def test_usage_errors_exit_2(tmp_path: Path):
    assert run("check", str(tmp_path / "missing.md")).returncode == 2
    assert run("build", "--format", "rtf").returncode == 2
    assert run("check", cwd=tmp_path).returncode == 2  # no source/faq.md there


def test_check_imports_neither_weasyprint_nor_docx():
    code = (
        "import sys; from click.testing import CliRunner; from publisher.cli import main; "
        "r = CliRunner().invoke(main, ['check', 'source/faq.md']); assert r.exit_code == 0, r.output; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('weasyprint', 'docx', 'jinja2')))"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, env=env)
    assert result.stdout.strip() == "[]", result.stderr


def test_version_and_help():
    assert run("--version").stdout.startswith("publisher, version")
    assert "Examples" in run("build", "--help").stdout
