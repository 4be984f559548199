"""The build with the real renderers: reproducible bytes, the report lines, init, watch."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from publisher.cli import main
from tests.helpers.paths import CLINIC_FAQ, FIXTURES, ROOT

FORMATS = ("pdf", "docx", "html", "json")


def build_into(out: Path, *args: str) -> dict[str, bytes]:
    result = CliRunner().invoke(main, ["build", *args, "-o", str(out), "--force"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if not p.name.startswith(".")}


@pytest.mark.parametrize("epoch", ["1763856000", None], ids=["SOURCE_DATE_EPOCH", "no epoch"])
@pytest.mark.parametrize("source", [CLINIC_FAQ, FIXTURES / "branded" / "faq.md"], ids=["clinic", "branded"])
def test_every_format_is_byte_for_byte_reproducible(tmp_path, monkeypatch, epoch, source):
    if epoch is None:
        monkeypatch.delenv("SOURCE_DATE_EPOCH")
    first = build_into(tmp_path / "a", str(source), "-j", "2")
    time.sleep(1.1)  # a timestamp taken from the clock would now differ
    second = build_into(tmp_path / "b", str(source), "-j", "1")
    assert sorted(first) == [f"faq.{fmt}" for fmt in sorted(FORMATS)]
    for name in first:
        assert first[name] == second[name], f"{name} differs between two builds"


def test_report_lines_name_size_pages_and_time(tmp_path):
    """One report line per format on stdout; the clinic FAQ's readability warnings go to stderr."""
    result = CliRunner().invoke(main, ["build", str(CLINIC_FAQ), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert sorted(line.split()[1].rsplit("/", 1)[-1] for line in lines) == [
        f"faq.{f}" for f in sorted(FORMATS)
    ]
    warnings = result.stderr.splitlines()
    assert warnings, "the clinic FAQ reads above grade 8 (issue 15): its warnings are expected"
    assert all(re.match(r"\S*faq\.md:\d+:\d+: warning: ", line) for line in warnings), warnings
    pdf = next(line for line in lines if "faq.pdf" in line)
    assert " KB, 2 pages, " in pdf and pdf.endswith(" s)")


def test_init_then_build(tmp_path, monkeypatch):
    runner = CliRunner()
    assert runner.invoke(main, ["init", str(tmp_path / "clinic")]).exit_code == 0
    monkeypatch.chdir(tmp_path / "clinic")
    result = runner.invoke(main, ["build"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in Path("output").glob("faq.*")) == [f"faq.{f}" for f in sorted(FORMATS)]
    assert b"Example Clinic" in Path("output/faq.json").read_bytes()


def wait_for(predicate, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def start_watch(tmp_path: Path, *options: str) -> tuple[subprocess.Popen, Path, Path]:
    """`publisher watch` on a copy of the clinic FAQ, its output going to a log; (process, source, log)."""
    source = tmp_path / "faq.md"
    shutil.copy(CLINIC_FAQ, source)
    log = tmp_path / "watch.log"
    env = {**os.environ, "NO_COLOR": "1", "PYTHONUNBUFFERED": "1"}
    command = [sys.executable, "-m", "publisher", "watch", str(source), "-o", str(tmp_path / "out"), *options]
    with log.open("w") as stream:
        # A session of its own, as a terminal's job: Ctrl-C reaches the whole process group.
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=stream, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        wait_for(lambda: "watching for changes" in log.read_text(), 60, "the first build")
    except AssertionError:
        process.kill()
        raise
    return process, source, log


def test_watch_rebuilds_on_save_keeps_last_good_outputs_and_stops_on_ctrl_c(tmp_path):
    process, source, log = start_watch(tmp_path, "-f", "pdf", "-f", "json", "-j", "2")
    out = tmp_path / "out"
    try:
        first = (out / "faq.json").read_bytes()
        source.write_text(CLINIC_FAQ.read_text().replace("Is SMP painful?", "Does SMP hurt?"))
        wait_for(lambda: b"Does SMP hurt?" in (out / "faq.json").read_bytes(), 30, "the rebuild")
        assert first != (out / "faq.json").read_bytes()
        good = (out / "faq.json").read_bytes()
        source.write_text("---\ntitle: T\n---\n\n## Broken?\n")
        wait_for(lambda: "question has no answer" in log.read_text(), 30, "the error report")
        assert (out / "faq.json").read_bytes() == good
        assert process.poll() is None, "watch must keep running after an error"
    finally:
        os.killpg(process.pid, signal.SIGINT)  # Ctrl-C, to the watcher and its PDF worker
        code = process.wait(timeout=20)
    assert code == 0
    assert "stopped watching" in log.read_text()
    assert "Traceback" not in log.read_text()


def test_watch_ends_cleanly_on_sigterm_and_leaves_no_worker(tmp_path):
    process, _, log = start_watch(tmp_path, "-j", "2")
    try:
        workers = subprocess.run(
            ["pgrep", "-P", str(process.pid)], capture_output=True, text=True
        ).stdout.split()
        assert workers, "the PDF renders in a worker process"
    finally:
        process.terminate()
        assert process.wait(timeout=20) == 0
    wait_for(lambda: not any(Path(f"/proc/{pid}").exists() for pid in workers), 10, "the workers to end")
    assert "stopped watching" in log.read_text()


def test_html_only_build_imports_neither_weasyprint_nor_python_docx(tmp_path):
    code = (
        "import sys; from click.testing import CliRunner; from publisher.cli import main\n"
        f"r = CliRunner().invoke(main, ['build', {str(CLINIC_FAQ)!r}, '-o', {str(tmp_path)!r}, "
        "'-f', 'html', '-f', 'json', '--keep-html', '-j', '2'])\n"
        "assert r.exit_code == 0, r.output\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'weasyprint', 'docx'}))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.strip() == "[]", result.stderr
    assert sorted(p.name for p in tmp_path.glob("faq.*")) == ["faq.html", "faq.json", "faq.print.html"]
