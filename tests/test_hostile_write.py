"""Hostile build records and folders (issue 19): stamps edited by hand, FIFOs, killed builds,
and outputs that would replace a file the tool did not write.

Like tests/test_hostile.py, each case runs the real command line in a subprocess and
holds it to exit 0 or 1 without a traceback, in bounded time and memory.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers.cli_run import Run, assert_bounded, run_all

SOURCE = "---\ntitle: Writing safely\n---\n\n## Is the output safe?\n\nYes.\n"
BUILD = ["build", "-o", "out", "-j", "1", "-f", "html", "-f", "json"]
DEAD_PID = 2**22 + 12345
"""Above Linux's largest process id (4,194,304), so no process has it."""


def build(folder: Path, *extra: str, source: str = "faq.md") -> Run:
    """One build (HTML and JSON: the write path is the same for every format, and they are fast)."""
    [run] = run_all([[*BUILD, source, *extra]], folder)
    assert_bounded(run)
    return run


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A folder with a source built once into out/."""
    (tmp_path / "faq.md").write_text(SOURCE, encoding="utf-8")
    assert build(tmp_path).code == 0
    return tmp_path


def leftovers(folder: Path) -> list[str]:
    """Temporary files and backups in a folder."""
    return sorted(name for name in os.listdir(folder) if name.endswith((".tmp", ".bak")))


STAMPS = {
    "not json": "{",
    "a list": "[1, 2]",
    "inputs a list": json.dumps({"stamp": 1, "inputs": ["x"], "outputs": {}}),
    "hashes numbers": json.dumps(
        {"stamp": 1, "inputs": {"/etc/hostname": 5}, "outputs": {"out/faq.html": 7}}
    ),
    "written a string": json.dumps({"stamp": 1, "inputs": {}, "outputs": {}, "written": "faq.html"}),
    "names /dev/zero": "/dev/zero",
    "names a FIFO": "fifo",
    "names a NUL": "a\x00b",
    "megabytes": json.dumps({"inputs": {f"/x/{i}": "0" * 64 for i in range(60_000)}}),
}


@pytest.mark.parametrize("kind", STAMPS, ids=list(STAMPS))
def test_a_stamp_edited_by_hand_means_a_rebuild_or_a_question(project: Path, kind: str):
    stamp = project / "out" / ".faq.build.json"
    text = STAMPS[kind]
    if kind.startswith("names"):
        named = str(project / "fifo") if kind == "names a FIFO" else text
        if kind == "names a FIFO":
            os.mkfifo(project / "fifo")
        data = json.loads(stamp.read_text())
        data["inputs"][named] = "0" * 64  # every input recorded must be hashed to compare
        text = json.dumps(data)
    stamp.write_text(text, encoding="utf-8")
    run = build(project)
    if not kind.startswith("names"):  # the stamp no longer says which files it wrote: ask first
        assert run.code == 1 and "out/faq.html exists and no earlier build wrote it" in run.stderr, run
        assert "--force" in run.stderr, run
        run = build(project, "--force")
    assert run.code == 0 and "wrote out/faq.html" in run.stdout, run
    assert json.loads(stamp.read_text())["written"] == [".faq.build.json", "faq.html", "faq.json"]


def test_a_fifo_source_is_refused_without_blocking(tmp_path: Path):
    os.mkfifo(tmp_path / "faq.md")
    for run in run_all([["check", "faq.md"], [*BUILD, "faq.md"]], tmp_path):
        assert_bounded(run)
        assert run.code == 1 and "faq.md:1:1: not a regular file" in run.stderr, run


def test_a_fifo_brand_file_is_refused_without_blocking(tmp_path: Path):
    (tmp_path / "faq.md").write_text(SOURCE, encoding="utf-8")
    os.mkfifo(tmp_path / "brand.yml")
    commands = [["check", "faq.md", "--brand", "brand.yml"], [*BUILD, "faq.md", "--brand", "brand.yml"]]
    for run in run_all(commands, tmp_path):
        assert_bounded(run)
        assert (
            run.code == 1 and "brand.yml:1:1: cannot read the brand file: not a regular file" in run.stderr
        ), run


def test_leftovers_of_a_killed_build_are_removed_by_the_next(project: Path):
    out = project / "out"
    (project / "faq.md").write_text(SOURCE.replace("Yes.", "Yes, always."), encoding="utf-8")
    dead = [f".faq.html.{DEAD_PID}-k3j4h5g6.tmp", f".faq.json.{DEAD_PID}-0a1b2c3d4e5f.bak"]
    alive = f".faq.html.{os.getpid()}-abcdefgh.tmp"  # this test's own process: a build in flight
    stale, fresh = ".faq.json.zyxwvuts.tmp", ".faq.html.qwertyui.tmp"  # names without a process id
    for name in [*dead, alive, stale, fresh]:
        (out / name).write_bytes(b"partial")
    os.utime(out / stale, (time.time() - 3600, time.time() - 3600))
    assert build(project).code == 0
    assert leftovers(out) == sorted([alive, fresh])


def test_a_build_killed_during_its_renames_is_mended_by_the_next(project: Path):
    (project / "faq.md").write_text(SOURCE.replace("Yes.", "Yes, always."), encoding="utf-8")
    killer = (
        "import os, signal, sys\n"
        "real, done = os.replace, []\n"
        "def replace(a, b):\n"
        "    real(a, b); done.append(b)\n"
        "    if len(done) == 2: os.kill(os.getpid(), signal.SIGKILL)\n"
        "os.replace = replace\n"
        "from publisher.cli import main\n"
        "main(sys.argv[1:])\n"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    command = [sys.executable, "-c", killer, *BUILD, "faq.md"]
    killed = subprocess.run(command, cwd=project, env=env, timeout=60, check=False)
    assert killed.returncode == -9
    assert leftovers(project / "out"), "the kill should leave temporary files or backups"
    run = build(project)
    assert run.code == 0, run
    assert leftovers(project / "out") == []
    assert "Yes, always." in (project / "out" / "faq.html").read_text()


def test_an_output_never_replaces_its_source(tmp_path: Path):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "faq.html").write_text(SOURCE, encoding="utf-8")  # Markdown, named .html
    for extra in ((), ("--force",)):
        run = build(tmp_path, *extra, source="out/faq.html")
        assert run.code == 1 and "is the source itself" in run.stderr, run
        assert (tmp_path / "out" / "faq.html").read_text() == SOURCE


def test_a_file_no_build_wrote_is_replaced_only_with_force(tmp_path: Path):
    (tmp_path / "faq.md").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "faq.json").write_text("the clinic's own notes", encoding="utf-8")
    run = build(tmp_path)
    assert run.code == 1 and "no earlier build wrote it" in run.stderr and "--force" in run.stderr, run
    assert (tmp_path / "out" / "faq.json").read_text() == "the clinic's own notes"
    assert not (tmp_path / "out" / "faq.html").exists()
    assert build(tmp_path, "--force").code == 0
    assert build(tmp_path).code == 0  # now the stamp names it
