"""Running the real command line in a subprocess, with a time limit, measuring its memory."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from tests.helpers.paths import ROOT

KILL_AFTER = 60.0
"""A run still going after this long is killed (and fails its test as a hang)."""
SECONDS = 10.0
"""Each hostile run's time limit ("a few seconds"; generous for a loaded CI machine)."""
MEGABYTES = 500.0
"""Each hostile run's memory limit."""
PROBLEM_LINE = re.compile(r"^(?P<path>[^\s:][^:\n]*):(?P<line>\d+):(?P<col>\d+): (?P<message>.+)$", re.M)


@dataclass(frozen=True)
class Run:
    """What one command did: exit code, output, wall time and peak memory."""

    args: tuple[str, ...]
    code: int
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float

    def problems(self) -> list[re.Match]:
        """Every ``path:line:col: message`` line on stderr."""
        return list(PROBLEM_LINE.finditer(self.stderr))

    def __str__(self) -> str:
        return (
            f"publisher {' '.join(self.args)}: exit {self.code} in {self.seconds:.1f} s, "
            f"{self.peak_mb:.0f} MB\n--- stdout\n{self.stdout[-2000:]}\n--- stderr\n{self.stderr[-3000:]}"
        )


def start(args: list[str], cwd: Path) -> tuple[subprocess.Popen, float, list]:
    """Start ``python -m publisher ARGS`` in its own session, output going to temporary files."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SOURCE_DATE_EPOCH": "1700000000"}
    streams = [tempfile.TemporaryFile(), tempfile.TemporaryFile()]  # noqa: SIM115 - closed by finish()
    process = subprocess.Popen(
        [sys.executable, "-m", "publisher", *args],
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        stdout=streams[0],
        stderr=streams[1],
        env=env,
        start_new_session=True,
    )
    return process, time.monotonic(), streams


def finish(args: list[str], process: subprocess.Popen, started: float, streams: list) -> Run:
    """Wait for a started run (killing its whole session after KILL_AFTER seconds)."""
    timer = threading.Timer(KILL_AFTER, lambda: os.killpg(process.pid, signal.SIGKILL))
    timer.start()
    try:
        _, status, usage = os.wait4(process.pid, 0)
    finally:
        timer.cancel()
    process.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.monotonic() - started
    out, err = (stream.seek(0) or stream.read().decode("utf-8", "replace") for stream in streams)
    for stream in streams:
        stream.close()
    return Run(tuple(args), process.returncode, out, err, seconds, usage.ru_maxrss / 1024)


def run_all(commands: list[list[str]], cwd: Path) -> list[Run]:
    """Run several commands at once (they only read, or write to different folders)."""
    started = [(args, *start(args, cwd)) for args in commands]
    return [finish(args, process, begun, streams) for args, process, begun, streams in started]


def assert_bounded(run: Run) -> None:
    """No traceback or panic, a known exit code, and within the time and memory limits."""
    assert "Traceback" not in run.stderr and "panicked" not in run.stderr, run
    assert run.code in (0, 1), run
    assert run.seconds < SECONDS, f"took {run.seconds:.1f} s\n{run}"
    assert run.peak_mb < MEGABYTES, f"took {run.peak_mb:.0f} MB\n{run}"
