"""The edition record (``build --record``) and ``publisher diff`` between editions."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from publisher.cli import main
from tests.helpers.paths import CLINIC_FAQ


def build(source: Path, out: Path, *extra: str):
    args = ["build", "--record", "-f", "html", "-f", "json", "-j", "1", "-o", str(out), *extra, str(source)]
    return CliRunner().invoke(main, args)


def copy_clinic(tmp_path: Path) -> Path:
    source = tmp_path / "faq.md"
    shutil.copy(CLINIC_FAQ, source)
    return source


def test_record_holds_edition_hashes_readability_and_warnings(tmp_path: Path):
    source = copy_clinic(tmp_path)
    result = build(source, tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "wrote " + str(tmp_path / "out" / "faq.record.json") in result.output
    record = json.loads((tmp_path / "out" / "faq.record.json").read_text())
    assert (record["version"], record["reviewed"], record["review_by"]) == ("1", "2026-11-23", "2029-11-23")
    assert record["source_sha256"] == hashlib.sha256(source.read_text().encode()).hexdigest()
    html = (tmp_path / "out" / "faq.html").read_bytes()
    assert record["outputs"]["faq.html"] == {"sha256": hashlib.sha256(html).hexdigest(), "bytes": len(html)}
    assert record["readability"]["formula"] == "Flesch-Kincaid"
    assert (
        len(record["questions"]) == 13
        and record["questions"][0]["id"] == "what-is-scalp-micropigmentation-smp"
    )
    assert any("reads at grade" in warning for warning in record["warnings"])


def test_record_is_reproducible_and_leaves_out_the_calendar(tmp_path: Path):
    source = copy_clinic(tmp_path)
    source.write_text(source.read_text().replace("review_by: 2029-11-23", "review_by: 2026-12-01"))
    build(source, tmp_path / "a")
    build(source, tmp_path / "b")
    first = (tmp_path / "a" / "faq.record.json").read_bytes()
    assert first == (tmp_path / "b" / "faq.record.json").read_bytes()
    assert b"the review date" not in first  # a warning about the day the build ran, not the content


def test_without_record_flag_no_record(tmp_path: Path):
    source = copy_clinic(tmp_path)
    args = ["build", "-f", "json", "-j", "1", "-o", str(tmp_path / "out"), str(source)]
    assert CliRunner().invoke(main, args).exit_code == 0
    assert not (tmp_path / "out" / "faq.record.json").exists()


def test_diff_against_the_last_record_and_between_sources(tmp_path: Path):
    source = copy_clinic(tmp_path)
    out = tmp_path / "out"
    build(source, out)
    old = tmp_path / "old.md"
    shutil.copy(source, old)
    text = source.read_text().replace("## Is SMP painful?", "## Does SMP hurt?")
    text = text.replace("touch-up sessions are typically required", "touch-ups are needed")
    source.write_text(text.replace('version: "1"', 'version: "2"') + "\n## Is there parking?\n\nYes.\n")
    expected = [
        "  version: 1 -> 2",
        "added (2):",
        "  + does-smp-hurt: Does SMP hurt? (line 27)",
        "removed (1):",
        "  - is-smp-painful: Is SMP painful?",
        "changed (1):",
        "  ~ is-smp-a-permanent-solution-for-hair-loss: Is SMP a permanent solution for hair loss? (line 21)",
        "unchanged: 11",
    ]
    against_record = CliRunner().invoke(main, ["diff", "-o", str(out), str(source)])
    assert against_record.exit_code == 0, against_record.output
    lines = against_record.output.splitlines()
    assert all(line in lines for line in expected), lines
    against_source = CliRunner().invoke(main, ["diff", "--format", "json", str(old), str(source)])
    data = json.loads(against_source.output)
    assert [q["id"] for q in data["added"]] == ["does-smp-hurt", "is-there-parking"]
    assert data["edition"] == {"version": ["1", "2"]}


def test_diff_without_a_record_is_a_usage_error(tmp_path: Path):
    source = copy_clinic(tmp_path)
    result = CliRunner().invoke(main, ["diff", "-o", str(tmp_path / "none"), str(source)])
    assert result.exit_code == 2
    assert "no record of the last edition" in result.output
    (tmp_path / "bad.record.json").write_text("{}")
    result = CliRunner().invoke(main, ["diff", str(tmp_path / "bad.record.json"), str(source)])
    assert result.exit_code == 1 and "not an edition record" in result.output
