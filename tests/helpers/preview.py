"""Running ``publisher preview`` in a subprocess for the tests: its address, its status, its end."""

from __future__ import annotations

import http.client
import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.helpers.paths import CLINIC_FAQ, ROOT

START_TIMEOUT = 60.0
"""Seconds for the first update (a cold WeasyPrint) on a loaded machine."""


@dataclass
class Preview:
    """A running preview of ``source``: its process, port, and every line it printed."""

    process: subprocess.Popen
    source: Path
    port: int = 0
    lines: queue.Queue = field(default_factory=queue.Queue)

    def request(self, path: str, host: str | None = None, method: str = "GET") -> tuple[int, bytes]:
        """Status and body of one request, the path sent exactly as given (no normalising)."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
            connection.putheader("Host", host or f"127.0.0.1:{self.port}")
            connection.endheaders()
            response = connection.getresponse()
            return response.status, response.read()
        except ConnectionError as error:  # say what the preview printed, to tell why
            printed = "".join(self.lines.queue)
            raise AssertionError(f"{method} {path}: {error!r}; the preview printed:\n{printed}") from error
        finally:
            connection.close()

    def state(self) -> dict:
        """The status the page is sent."""
        status, body = self.request("/state")
        assert status == 200
        return json.loads(body)

    def wait_for(self, check, timeout: float = 30.0, what: str = "the preview") -> dict:
        """Poll the status until ``check(state)`` holds; the state then."""
        deadline = time.monotonic() + timeout
        while True:
            state = self.state()
            if check(state):
                return state
            if time.monotonic() > deadline:
                raise AssertionError(f"{what} not reached in {timeout:.0f} s; last state: {state}")
            time.sleep(0.05)

    def save(self, text: str) -> None:
        """Save the source as an editor does: write a new file and rename it over the old one."""
        temporary = self.source.with_name(".faq.md.saving")
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, self.source)

    def descendants(self) -> list[int]:
        """Every process started under the preview (its worker, LibreOffice ...)."""
        found, frontier = [], [self.process.pid]
        while frontier:
            pid = frontier.pop()
            for task in Path(f"/proc/{pid}/task").glob("*"):
                children = (task / "children").read_text().split() if (task / "children").exists() else []
                found += map(int, children)
                frontier += map(int, children)
        return found

    def stop(self, sig: int = signal.SIGTERM) -> int:
        """Stop the preview with ``sig``; its exit code."""
        if self.process.poll() is None:
            self.process.send_signal(sig)
        try:
            return self.process.wait(20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise


def copy_project(folder: Path) -> Path:
    """The clinic's FAQ with its brand file and images, copied into ``folder``; the source's path."""
    shutil.copytree(CLINIC_FAQ.parent, folder / "source")
    return folder / "source" / CLINIC_FAQ.name


def start_preview(source: Path, env: dict[str, str] | None = None) -> Preview:
    """Start ``publisher preview SOURCE --no-browser`` and wait for its address and first update."""
    command = [sys.executable, "-m", "publisher", "preview", str(source), "--no-browser"]
    environment = {**os.environ, "NO_COLOR": "1", **(env or {})}
    process = subprocess.Popen(
        command,
        cwd=source.parent.parent,
        env={**environment, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    preview = Preview(process, source)
    threading.Thread(target=read_lines, args=(process, preview.lines), daemon=True).start()
    preview.port = read_port(preview)
    preview.wait_for(lambda state: state.get("state") == "ready", START_TIMEOUT, "the first update")
    return preview


def read_lines(process: subprocess.Popen, lines: queue.Queue) -> None:
    """Copy what the preview prints into a queue (a thread: reading must never block a test)."""
    assert process.stdout is not None
    for line in process.stdout:
        lines.put(line)


def read_port(preview: Preview) -> int:
    """The port from the preview's first line, ``preview at http://127.0.0.1:PORT/``."""
    try:
        line = preview.lines.get(timeout=START_TIMEOUT)
    except queue.Empty:
        preview.process.kill()
        raise AssertionError("publisher preview printed no address") from None
    assert line.startswith("preview at http://127.0.0.1:"), line
    return int(line.split("127.0.0.1:")[1].split("/")[0])


def still_running(pids: list[int]) -> list[int]:
    """Those of ``pids`` still alive (an ended process not yet reaped does not count)."""
    alive = []
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().split(") ")[1]
        except (FileNotFoundError, IndexError):
            continue
        if not state.startswith("Z"):
            alive.append(pid)
    return alive
