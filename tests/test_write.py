"""Writing outputs all or nothing, and `publisher init`."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from publisher import write as write_module
from publisher.cli import main
from publisher.write import write_outputs


def test_writes_all_files(tmp_path: Path):
    write_outputs({tmp_path / "a.txt": b"a", tmp_path / "sub" / "b.txt": b"b"})
    assert (tmp_path / "a.txt").read_bytes() == b"a"
    assert (tmp_path / "sub" / "b.txt").read_bytes() == b"b"
    assert oct((tmp_path / "a.txt").stat().st_mode & 0o777) == "0o644"


def test_a_failure_while_staging_changes_nothing(tmp_path: Path, monkeypatch):
    (tmp_path / "a.txt").write_bytes(b"old a")
    (tmp_path / "b.txt").write_bytes(b"old b")
    real_stage = write_module._stage
    calls = []

    def failing_stage(target: Path, data: bytes) -> str:
        calls.append(target)
        if len(calls) == 2:
            raise OSError("disk full")
        return real_stage(target, data)

    monkeypatch.setattr(write_module, "_stage", failing_stage)
    with pytest.raises(OSError):
        write_outputs({tmp_path / "a.txt": b"new a", tmp_path / "b.txt": b"new b"})
    assert (tmp_path / "a.txt").read_bytes() == b"old a"
    assert sorted(os.listdir(tmp_path)) == ["a.txt", "b.txt"]


def test_init_creates_a_project_that_checks(tmp_path: Path, monkeypatch):
    runner = CliRunner()
    result = runner.invoke(main, ["init", str(tmp_path / "clinic")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "clinic" / "source" / "faq.md").is_file()
    assert (tmp_path / "clinic" / "source" / "_brand.yml").is_file()
    assert (tmp_path / "clinic" / ".gitignore").read_text() == "output/\n"
    monkeypatch.chdir(tmp_path / "clinic")
    checked = runner.invoke(main, ["check"])
    assert checked.exit_code == 0
    assert "3 questions in 2 sections" in checked.output


def test_init_never_overwrites(tmp_path: Path):
    (tmp_path / "README.md").write_text("mine")
    result = CliRunner().invoke(main, ["init", str(tmp_path)])
    assert result.exit_code == 1
    assert "not overwriting existing files" in result.output
    assert (tmp_path / "README.md").read_text() == "mine"
    assert not (tmp_path / "source").exists()


def test_a_rename_failing_part_way_restores_the_replaced_files(tmp_path: Path, monkeypatch):
    (tmp_path / "a.txt").write_bytes(b"old a")
    real_replace = os.replace
    calls = []

    def failing_replace(source, target):
        calls.append(target)
        if len(calls) == 2:
            raise OSError("device gone")
        return real_replace(source, target)

    monkeypatch.setattr(write_module.os, "replace", failing_replace)
    with pytest.raises(OSError):
        write_outputs({tmp_path / "a.txt": b"new a", tmp_path / "b.txt": b"new b"})
    monkeypatch.setattr(write_module.os, "replace", real_replace)
    assert (tmp_path / "a.txt").read_bytes() == b"old a"
    assert sorted(os.listdir(tmp_path)) == ["a.txt"]
