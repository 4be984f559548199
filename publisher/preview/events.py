"""The board: the latest outputs and status in memory, and the server-sent events announcing them."""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from typing import Any

HEARTBEAT = 15.0
"""Seconds between keep-alive comments on an idle event stream (proxies and browsers drop silent ones)."""


@dataclass(frozen=True)
class Blob:
    """One file the server can hand out: its bytes and media type."""

    data: bytes
    media_type: str


@dataclass
class Board:
    """What the preview page shows, shared between the rebuild, LibreOffice and the server threads.

    Every change bumps ``version`` and wakes the event streams; readers get copies.
    """

    files: dict[str, Blob] = field(default_factory=dict)
    status: dict[str, Any] = field(default_factory=dict)
    version: int = 0
    closing: bool = False
    changed: threading.Condition = field(default_factory=threading.Condition)

    def publish(self, files: dict[str, Blob] | None = None, drop: str = "", **status: Any) -> None:
        """Replace some files (dropping those whose name starts with ``drop``) and status fields."""
        with self.changed:
            if drop:
                self.files = {name: blob for name, blob in self.files.items() if not name.startswith(drop)}
            self.files.update(files or {})
            self.status.update(status)
            self.version += 1
            self.status["version"] = self.version
            self.changed.notify_all()

    def file(self, name: str) -> Blob | None:
        """A published file by name, or None."""
        with self.changed:
            return self.files.get(name)

    def snapshot(self) -> dict[str, Any]:
        """The status as JSON-ready data."""
        with self.changed:
            return json.loads(json.dumps(self.status))

    def wait(self, seen: int, timeout: float = HEARTBEAT) -> int | None:
        """Wait for a version newer than ``seen``; the version, -1 on timeout, None when closing."""
        deadline = time.monotonic() + timeout
        with self.changed:
            while self.version <= seen and not self.closing:
                left = deadline - time.monotonic()
                if left <= 0:
                    return -1
                self.changed.wait(left)
            return None if self.closing else self.version

    def close(self) -> None:
        """Tell every event stream to end (the server is stopping)."""
        with self.changed:
            self.closing = True
            self.changed.notify_all()


def event_message(data: dict[str, Any], name: str = "update") -> bytes:
    """One server-sent event carrying ``data`` as JSON (one line, so one ``data:`` field)."""
    return f"event: {name}\ndata: {json.dumps(data, separators=(',', ':'))}\n\n".encode()


def stream_events(board: Board, write) -> None:
    """Send the status now and after every change until the board closes or the client leaves."""
    seen = board.version
    write(event_message(board.snapshot()))
    while True:
        version = board.wait(seen)
        if version is None:
            return
        if version < 0:
            write(b": keep-alive\n\n")
            continue
        seen = version
        write(event_message(board.snapshot()))
