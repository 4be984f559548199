"""Warnings: printed as ``path:line:col: warning: ...``, exit 0, and errors under ``--strict``."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from publisher.cli import main
from publisher.errors import Problem, warning
from publisher.lint import Checks, document_warnings
from publisher.parse import parse

TWICE = "---\ntitle: T\n---\n\n## Is it safe?\n\nYes.\n\n## Is it  *safe*?\n\nNo.\n\n## Cost\n\nLow.\n"


def warnings_of(text: str, name: str = "faq.md", **checks) -> list[str]:
    document = parse(text, Path(name))
    return [str(p) for p in document_warnings(document, text, Checks(**checks))]


def write(tmp_path: Path, text: str = TWICE) -> Path:
    source = tmp_path / "faq.md"
    source.write_text(text)
    return source


def test_a_warning_says_so_and_an_error_does_not():
    assert str(warning("a.md", 3, 4, "long")) == "a.md:3:4: warning: long"
    assert str(Problem("a.md", 3, 4, "bad")) == "a.md:3:4: bad"
    assert warning("a.md", 3, 4, "long").is_warning and not Problem("a.md", 3, 4, "bad").is_warning


def test_repeated_question_and_missing_question_mark_are_located():
    assert warnings_of(TWICE) == [
        "faq.md:9:4: warning: this question is also asked on line 5; merge the two or reword one",
        "faq.md:13:4: warning: question does not end with '?'",
    ]


def test_question_marks_follow_the_language():
    arabic = "---\ntitle: T\nlang: ar\n---\n\n## هل هو آمن؟\n\nنعم.\n"
    assert warnings_of(arabic) == []
    spanish = "---\ntitle: T\nlang: es\n---\n\n## ¿Es seguro?\n\nSí.\n\n## Precio\n\nBajo.\n"
    assert warnings_of(spanish) == ["faq.md:10:4: warning: question does not end with '?'"]
    unknown = "---\ntitle: T\nlang: xx\n---\n\n## Price\n\nLow.\n"
    assert warnings_of(unknown) == []  # a language we do not know: no guess


def test_check_prints_warnings_and_exits_0(tmp_path: Path):
    source = write(tmp_path)
    result = CliRunner().invoke(main, ["check", str(source)])
    assert result.exit_code == 0
    assert f"{source}:9:4: warning: this question is also asked on line 5" in result.stderr
    assert f"{source}: 3 questions" in result.stdout


def test_check_strict_exits_1(tmp_path: Path):
    source = write(tmp_path)
    result = CliRunner().invoke(main, ["check", "--strict", str(source)])
    assert result.exit_code == 1
    assert f"{source}: 2 warnings, and --strict makes warnings errors" in result.stderr


def test_build_writes_with_warnings_and_strict_writes_nothing(tmp_path: Path):
    source = write(tmp_path)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", "-f", "html", "-o", str(out), "-j", "1", str(source)])
    assert result.exit_code == 0, result.output
    assert "warning: question does not end with '?'" in result.stderr
    assert (out / "faq.html").is_file()
    strict_out = tmp_path / "strict"
    args = ["build", "--strict", "-f", "html", "-o", str(strict_out), "-j", "1", str(source)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    assert "--strict makes warnings errors" in result.stderr
    assert not strict_out.exists() or not any(strict_out.iterdir())


def test_quiet_build_prints_no_warnings_and_strict_still_fails(tmp_path: Path):
    source = write(tmp_path)
    args = ["build", "-q", "-f", "json", "-o", str(tmp_path / "o"), "-j", "1", str(source)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0
    assert result.output == ""
    result = CliRunner().invoke(main, [*args, "--strict"])
    assert result.exit_code == 1
    assert result.stderr.count("warning:") == 2
