"""The build engine with stand-in renderers: all or nothing, batches, skipping and --force."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from publisher.cli import main
from publisher.renderers import FORMATS
from tests.helpers.paths import CLINIC_FAQ, EPOCH

ALL = ("pdf", "docx", "html", "json")
FAKE_RENDERERS = "tests.helpers.fake_renderers"


@pytest.fixture(autouse=True)
def fake_renderers(monkeypatch):
    for fmt in ALL:
        monkeypatch.setitem(FORMATS, fmt, replace(FORMATS[fmt], module=FAKE_RENDERERS))


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    (tmp_path / "source").mkdir()
    shutil.copy(CLINIC_FAQ, tmp_path / "source" / "faq.md")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def build(*args: str):
    return CliRunner().invoke(main, ["build", *args], catch_exceptions=False)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_build_writes_every_format_and_says_so(project: Path):
    result = build("-j", "1")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (project / "output").iterdir()) == [
        ".faq.build.json",
        "faq.docx",
        "faq.html",
        "faq.json",
        "faq.pdf",
    ]
    for fmt in ALL:
        assert f"wrote output/faq.{fmt} (" in result.output


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("failing", ALL)
def test_a_failing_renderer_leaves_earlier_outputs_untouched(project: Path, monkeypatch, failing, jobs):
    assert build("-j", jobs).exit_code == 0
    before = snapshot(project / "output")
    (project / "source" / "faq.md").write_text(CLINIC_FAQ.read_text().replace("SMP", "S.M.P."))
    monkeypatch.setenv("FAIL_FORMAT", failing)
    result = build("-j", jobs)
    assert result.exit_code == 1
    assert f"{failing} failed: RuntimeError: injected failure in {failing}" in result.output
    assert snapshot(project / "output") == before  # same files, same bytes, no temporary files


def test_a_bad_source_writes_nothing(project: Path):
    assert build().exit_code == 0
    before = snapshot(project / "output")
    (project / "source" / "faq.md").write_text("---\ntitle: T\n---\n\n## Q?\n")
    result = build()
    assert result.exit_code == 1
    assert "source/faq.md:5:1: question has no answer" in result.output
    assert snapshot(project / "output") == before


def test_batch_with_one_bad_source_builds_the_others(project: Path):
    bad = project / "source" / "bad.md"
    bad.write_text("---\ntitle: T\n---\n\n## Q?\n")
    other = project / "source" / "other.md"
    shutil.copy(CLINIC_FAQ, other)
    result = build("source/faq.md", str(bad), str(other), "-j", "2")
    assert result.exit_code == 1
    names = {p.name for p in (project / "output").iterdir()}
    assert {"faq.pdf", "other.pdf", "other.json"} <= names
    assert not any(n.startswith("bad.") for n in names)


def test_unchanged_build_writes_nothing_and_force_rebuilds(project: Path):
    assert build().exit_code == 0
    pdf = project / "output" / "faq.pdf"
    first = pdf.stat().st_mtime_ns
    result = build()
    assert "up to date, nothing written" in result.output
    assert pdf.stat().st_mtime_ns == first
    assert "wrote output/faq.pdf" in build("--force").output
    assert pdf.stat().st_mtime_ns != first


@pytest.mark.parametrize(
    "change",
    ["source", "option", "output deleted", "output edited", "brand"],
)
def test_any_change_of_input_or_output_rebuilds(project: Path, change: str):
    assert build().exit_code == 0
    args: list[str] = []
    if change == "source":
        with (project / "source" / "faq.md").open("a") as stream:
            stream.write("\nMore.\n")
    elif change == "option":
        args = ["--paper", "letter"]
    elif change == "output deleted":
        (project / "output" / "faq.docx").unlink()
    elif change == "output edited":
        (project / "output" / "faq.html").write_text("edited by hand")
    elif change == "brand":
        (project / "source" / "_brand.yml").write_text("meta:\n  name: New Clinic\n")
    result = build(*args)
    assert "wrote output/faq.pdf" in result.output, result.output


def test_no_op_build_imports_no_renderer(project: Path):
    import subprocess
    import sys

    assert build().exit_code == 0
    code = (
        "import sys; from click.testing import CliRunner; from publisher.cli import main; "
        "from dataclasses import replace; from publisher.renderers import FORMATS\n"
        "for f in ('pdf', 'docx', 'html', 'json'):\n"
        f"    FORMATS[f] = replace(FORMATS[f], module={FAKE_RENDERERS!r})\n"
        "r = CliRunner().invoke(main, ['build']); assert 'up to date' in r.output, r.output\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('weasyprint', 'docx') "
        f"or m.startswith({FAKE_RENDERERS!r})))"
    )
    tests = Path(__file__).parent
    env = {"PYTHONPATH": f"{tests}:{tests.parent}", "PATH": "/usr/bin:/bin", "SOURCE_DATE_EPOCH": EPOCH}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert result.stdout.strip() == "[]", result.stderr


def test_quiet_prints_nothing_on_success(project: Path):
    result = build("--quiet")
    assert result.exit_code == 0
    assert result.output == ""


def test_no_color_and_non_terminal_output_have_no_escape_codes(project: Path, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    result = CliRunner().invoke(main, ["build"], color=True)
    assert "\x1b[" not in result.output
    monkeypatch.delenv("NO_COLOR")
    assert "\x1b[" in CliRunner().invoke(main, ["build", "--force"], color=True).output


def test_source_saved_during_a_build_is_rebuilt_next_time(project: Path, monkeypatch):
    import publisher.parse

    source = project / "source" / "faq.md"
    real_parse = publisher.parse.parse

    def parse_then_save(text, path):
        document = real_parse(text, path)
        source.write_text(CLINIC_FAQ.read_text().replace("Is SMP painful?", "Does SMP hurt?"))
        return document

    monkeypatch.setattr(publisher.parse, "parse", parse_then_save)
    assert build("-j", "1").exit_code == 0
    monkeypatch.setattr(publisher.parse, "parse", real_parse)
    result = build("-j", "1")
    assert "wrote output/faq.json" in result.output, "the save during the build must not be skipped"
    assert b"Does SMP hurt?" in (project / "output" / "faq.json").read_bytes()


def test_a_new_source_date_epoch_rebuilds(project: Path, monkeypatch):
    assert build().exit_code == 0
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert "wrote output/faq.pdf" in build().output


def test_two_sources_of_the_same_name_are_a_usage_error(project: Path):
    (project / "other").mkdir()
    shutil.copy(CLINIC_FAQ, project / "other" / "faq.md")
    result = CliRunner().invoke(main, ["build", "source/faq.md", "other/faq.md"])
    assert result.exit_code == 2
    assert "would both write faq.*" in result.output
    assert not (project / "output").exists()


def test_a_write_failing_part_way_puts_every_file_back(project: Path):
    assert build().exit_code == 0
    (project / "output" / "faq.json").unlink()
    (project / "output" / "faq.json").mkdir()  # renaming a file over a folder fails
    before = {p.name: p.read_bytes() for p in (project / "output").iterdir() if p.is_file()}
    (project / "source" / "faq.md").write_text(CLINIC_FAQ.read_text().replace("SMP", "S.M.P."))
    result = build()
    assert result.exit_code == 1 and "could not write outputs" in result.output
    after = {p.name: p.read_bytes() for p in (project / "output").iterdir() if p.is_file()}
    assert after == before
    assert sorted(p.name for p in (project / "output").iterdir()) == sorted([*before, "faq.json"])


# --- the registry is the only road to a renderer --------------------------------------


def test_build_imports_no_renderer_module():
    import ast

    import publisher.build

    tree = ast.parse(Path(publisher.build.__file__).read_text(encoding="utf-8"))
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    imported |= {
        alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names
    }
    assert {name for name in imported if name.startswith("publisher.renderers")} == {"publisher.renderers"}


def test_format_choices_are_the_registry_defaults_without_print_html(project: Path):
    from publisher.cli import BRAILLE_FORMATS, FOLDED_FORMATS, FORMAT_NAMES, LARGE_PRINT_FORMATS
    from publisher.renderers import DEFAULT_FORMATS, OFFERED_FORMATS

    assert FORMAT_NAMES == DEFAULT_FORMATS
    assert FORMAT_NAMES + BRAILLE_FORMATS + LARGE_PRINT_FORMATS + FOLDED_FORMATS == OFFERED_FORMATS
    assert "print-html" in FORMATS and "print-html" not in OFFERED_FORMATS + DEFAULT_FORMATS
    result = CliRunner().invoke(main, ["build", "-f", "print-html"])
    assert result.exit_code == 2
    assert not (project / "output").exists()


def test_keep_html_adds_the_print_html_format(project: Path):
    result = build("-f", "json", "--keep-html", "-j", "1")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (project / "output").iterdir()) == [
        ".faq.build.json",
        "faq.json",
        "faq.print.html",
    ]
    assert "wrote output/faq.print.html (" in result.output


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_pages_come_from_the_renderer(project: Path, jobs):
    result = build("-j", jobs)
    pdf = next(line for line in result.output.splitlines() if "faq.pdf" in line)
    assert ", 3 pages, " in pdf  # what the stand-in PDF renderer says, whatever its bytes
    docx = next(line for line in result.output.splitlines() if "faq.docx" in line)
    assert "pages" not in docx


def test_a_renderer_that_returns_bare_bytes_is_a_renderer_bug(project: Path, monkeypatch):
    from tests.helpers import fake_renderers

    monkeypatch.setattr(fake_renderers, "render_json", lambda document, theme: b"{}")
    result = build("-j", "1")
    assert result.exit_code == 1
    assert "json failed: TypeError: render_json returned bytes, not Rendered" in result.output
    assert not (project / "output").exists()


# --- --debug: a renderer's own bug with its traceback ------------------------------------


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_renderer_bug_is_one_line_without_debug(project: Path, monkeypatch, jobs):
    monkeypatch.setenv("FAIL_FORMAT", "pdf")  # with -j 2 the PDF renders in a worker
    result = build("-j", jobs)
    assert result.exit_code == 1
    assert "source/faq.md: pdf failed: RuntimeError: injected failure in pdf\n" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_debug_prints_the_traceback_even_from_a_worker(project: Path, monkeypatch, jobs):
    monkeypatch.setenv("FAIL_FORMAT", "pdf")
    result = build("-j", jobs, "--debug")
    assert result.exit_code == 1
    first, rest = result.output.split("\n", 1)
    assert first == "source/faq.md: pdf failed: RuntimeError: injected failure in pdf"
    assert rest.startswith("Traceback (most recent call last):")
    assert "fake_renderers.py" in rest and ", in _render\n" in rest
    assert rest.rstrip().endswith("RuntimeError: injected failure in pdf")
    assert not (project / "output").exists()


def test_debug_leaves_a_user_error_a_plain_message(project: Path):
    (project / "source" / "faq.md").write_text("---\ntitle: T\n---\n\n## Q?\n")
    result = build("--debug")
    assert result.exit_code == 1
    assert "question has no answer" in result.output and "Traceback" not in result.output
