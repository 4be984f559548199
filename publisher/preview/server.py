"""The preview's web server: the standard library's, on loopback only, serving from memory.

Every answer comes from a fixed table of routes over the board and the page's own
files, so no request can name a file on disk: ``/../``, encoded dots and symlinks all
meet the same 404. A Host header other than the preview's own address is refused, so
a web page the user visits cannot reach the preview through a name of its own
(DNS rebinding).
"""

from __future__ import annotations

import contextlib
import json
import re
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from .events import Blob, Board, stream_events
from .pages import preview_page, static_files

LOOPBACK = "127.0.0.1"
PAGE_POLICY = "default-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
# The fragment carries its own inline style and script; it loads nothing (images are data: URIs).
SITE_POLICY = (
    "default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
    "base-uri 'none'; frame-ancestors 'self'"
)
PICTURE = re.compile(r"/(pdf|docx)/([1-9][0-9]{0,3})\.jpg")
DOWNLOAD = re.compile(r"/download/(pdf|docx|html|json)")


class PreviewServer(ThreadingHTTPServer):
    """A threading HTTP server bound to 127.0.0.1, holding the board it serves."""

    daemon_threads = True

    def __init__(self, board: Board, port: int, source_name: str, stem: str):
        self.board = board
        self.page = preview_page(source_name, stem)
        self.stem = stem
        super().__init__((LOOPBACK, port), Handler)

    @property
    def url(self) -> str:
        """The preview page's address."""
        return f"http://{LOOPBACK}:{self.server_address[1]}/"

    def hosts(self) -> set[str]:
        """Host header values that name this server."""
        port = self.server_address[1]
        return {f"{LOOPBACK}:{port}", f"localhost:{port}"}


class Handler(BaseHTTPRequestHandler):
    """Answers GET requests from the route table; everything else is refused."""

    server: PreviewServer
    server_version = "publisher-preview"

    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        """Serve one route, or 404."""
        if self.headers.get("Host", "") not in self.server.hosts():
            self.send_error(HTTPStatus.MISDIRECTED_REQUEST, "Not this server's address")
            return
        path = urlsplit(self.path).path
        if path == "/events":
            self.send_events()
            return
        answer = self.route(path)
        if answer is None:
            self.send_error(HTTPStatus.NOT_FOUND)
            return
        blob, headers = answer
        self.send_blob(blob, headers)

    def route(self, path: str) -> tuple[Blob, dict[str, str]] | None:
        """The blob for a path and its extra headers, or None (unknown, or not rendered yet)."""
        board = self.server.board
        if path == "/":
            page = Blob(self.server.page, "text/html; charset=utf-8")
            return page, {"Content-Security-Policy": PAGE_POLICY}
        if path == "/state":
            return Blob(json.dumps(board.snapshot()).encode(), "application/json"), {}
        if path.startswith("/static/"):
            blob = static_files().get(path.removeprefix("/static/"))
            return (blob, {}) if blob else None
        if path == "/site":
            blob = board.file("site")
            return (blob, {"Content-Security-Policy": SITE_POLICY}) if blob else None
        if PICTURE.fullmatch(path):
            blob = board.file(path.lstrip("/"))
            return (blob, {}) if blob else None
        download = DOWNLOAD.fullmatch(path)
        if download:
            blob = board.file(path.lstrip("/"))
            name = f"{self.server.stem}.{download.group(1)}"
            return (blob, {"Content-Disposition": f'attachment; filename="{name}"'}) if blob else None
        return None

    def send_blob(self, blob: Blob, headers: dict[str, str]) -> None:
        """Send bytes from memory; never cached, since every save changes them."""
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", blob.media_type)
        self.send_header("Content-Length", str(len(blob.data)))
        self.send_common_headers(headers)
        self.end_headers()
        self.wfile.write(blob.data)

    def send_common_headers(self, headers: dict[str, str]) -> None:
        """Headers on every answer: no caching, no sniffing, no referrer."""
        headers = {
            "Cache-Control": "no-store",
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "no-referrer",
            **headers,
        }
        for name, value in headers.items():
            self.send_header(name, value)

    def send_events(self) -> None:
        """The event stream: the status now and after every change, until either side leaves."""
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_common_headers({})
        self.end_headers()

        def write(data: bytes) -> None:
            self.wfile.write(data)
            self.wfile.flush()

        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the page was closed or reloaded
            stream_events(self.server.board, write)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (http.server's signature)
        """Quiet: the terminal shows saves and problems, not every request."""
