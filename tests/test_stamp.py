"""The stamp's hashes in a long-lived process: reused only while a settled file's status is the same."""

from __future__ import annotations

import time
from pathlib import Path

from publisher import stamp


def later(monkeypatch, seconds: float) -> None:
    """Make the stamp's clock run ``seconds`` ahead, so files just written count as settled."""
    now = time.time_ns
    monkeypatch.setattr(stamp.time, "time_ns", lambda: now() + int(seconds * 1e9))


def test_a_settled_file_keeps_its_hash_until_it_changes(tmp_path, monkeypatch):
    monkeypatch.setattr(stamp, "_settled", {})
    path = tmp_path / "template.css"
    path.write_text("a { color: red; }\n")
    later(monkeypatch, 3)
    first = stamp.file_hash(path)
    assert list(stamp._settled.values()) == [first]
    assert stamp.file_hash(path) == first
    path.write_text("a { color: tan; }\n")  # the same size: only its change time tells
    assert stamp.file_hash(path) != first


def test_a_file_changed_just_now_is_hashed_every_time(tmp_path, monkeypatch):
    """git's racily clean files: a second save within the clock's step could keep its status."""
    monkeypatch.setattr(stamp, "_settled", {})
    path = tmp_path / "faq.md"
    path.write_text("## Q?\n\nA.\n")
    stamp.file_hash(path)
    assert stamp._settled == {}


def test_snapshot_names_files_as_resolve_does(tmp_path, monkeypatch):
    folder = tmp_path / "real"
    folder.mkdir()
    (folder / "faq.md").write_text("x")
    (tmp_path / "link").symlink_to(folder)
    (folder / "alias.md").symlink_to(folder / "faq.md")
    paths = [tmp_path / "link" / "faq.md", folder / "alias.md", folder / ".." / "real" / "faq.md"]
    monkeypatch.chdir(tmp_path)
    paths.append(Path("real/faq.md"))
    assert list(stamp.snapshot(paths)) == [str((folder / "faq.md").resolve())]
    assert set(stamp.snapshot(paths)) == {str(p.resolve()) for p in paths}
