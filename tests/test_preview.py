"""``publisher preview`` without a browser: updates, problems, the server's refusals and its end.

One preview runs for the module, in a copy of the clinic's project, without LibreOffice on
its PATH (so the handout's note is tested here; the browser tests run it with LibreOffice).
"""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from publisher.preview.events import Board, event_message
from tests.helpers.paths import ROOT
from tests.helpers.preview import copy_project, start_preview, still_running

SECRET = "not for the preview's visitors"
BROKEN_YAML_LINE = 2


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A project folder with a secret file beside it and a symlink to it inside the source's folder."""
    folder = tmp_path_factory.mktemp("project")
    source = copy_project(folder)
    (folder / "secret.txt").write_text(SECRET)
    (source.parent / "images" / "link.jpg").symlink_to(folder / "secret.txt")
    (source.parent / "link.md").symlink_to(folder / "secret.txt")
    return source


@pytest.fixture(scope="module")
def preview(project):
    """The preview of the project, LibreOffice hidden from it; stopped after the module."""
    running = start_preview(project, env={"PATH": str(Path(sys.executable).parent)})
    yield running
    running.stop()


def only_warnings(problems: list[dict]) -> bool:
    """True when the list holds the clinic FAQ's readability warnings (issue 15) and no error."""
    return bool(problems) and all(p["severity"] == "warning" and p["line"] > 0 for p in problems)


def test_first_update_has_every_output(preview):
    """Every format is on the board and downloadable, with the name ``build`` would write."""
    state = preview.state()
    assert state["stale"] == [] and state["state"] == "ready"
    assert only_warnings(state["problems"])
    for fmt, magic in (("pdf", b"%PDF-"), ("docx", b"PK"), ("html", b'<div class="faqp"'), ("json", b"{")):
        status, body = preview.request(f"/download/{fmt}")
        assert status == 200 and body.startswith(magic), fmt
        assert state[fmt]["name"] == f"faq.{fmt}"
    status, picture = preview.request("/pdf/1.jpg")
    assert status == 200 and picture.startswith(b"\xff\xd8"), "page 1 is not a JPEG"
    assert state["pdf"]["pages"] >= 1


def test_handout_without_libreoffice_says_so(preview):
    """Without soffice the Word tab has a note (the page links the download instead)."""
    assert preview.state()["word"] == {"state": "missing"}
    assert preview.request("/docx/1.jpg")[0] == 404


def test_save_updates_then_broken_save_keeps_last_good_outputs(preview, project):
    """A save updates every format; a broken one lists its problem by line and keeps the outputs, stale."""
    original = project.read_text(encoding="utf-8")
    before = preview.state()
    preview.save(original + "\n## What does the preview show?\n\nEvery output, updated as you save.\n")
    state = preview.wait_for(lambda s: s["state"] == "ready" and s["pdf"]["rev"] > before["pdf"]["rev"])
    assert b"What does the preview show?" in preview.request("/site")[1]
    pdf = preview.request("/download/pdf")[1]
    preview.save("---\ntitle: [unclosed\n---\n\n## A question?\n\nAn answer.\n")
    broken = preview.wait_for(lambda s: s["state"] == "problems")
    assert any(p["line"] == BROKEN_YAML_LINE and p["col"] > 0 for p in broken["problems"]), broken
    assert any(p["severity"] == "error" for p in broken["problems"]), broken
    assert set(broken["stale"]) == {"html", "json", "docx", "pdf"}
    assert preview.request("/download/pdf")[1] == pdf, "the last good PDF must stay"
    assert broken["pdf"]["rev"] == state["pdf"]["rev"]
    preview.save(original)
    fixed = preview.wait_for(lambda s: s["state"] == "ready")
    assert fixed["stale"] == [] and only_warnings(fixed["problems"])
    assert fixed["problems"] == before["problems"], "the restored source has its warnings back, no more"
    assert b"What does the preview show?" not in preview.request("/site")[1]


@pytest.mark.parametrize(
    "path",
    [
        "/../secret.txt",
        "/../../secret.txt",
        "/static/../../secret.txt",
        "/static/..%2f..%2fsecret.txt",
        "/static/%2e%2e/%2e%2e/secret.txt",
        "/%2e%2e/%2e%2e/secret.txt",
        "/static/%252e%252e/secret.txt",
        "/source/faq.md",
        "/source/link.md",
        "/link.md",
        "/images/link.jpg",
        "/source/images/link.jpg",
        "/static/preview.html/../../secret.txt",
        "/pdf/../../secret.txt",
        "/download/../secret.txt",
        "//etc/passwd",
        "/etc/passwd",
        "/static//etc/passwd",
        "/pdf/0.jpg",
        "http://127.0.0.1/../secret.txt",
    ],
)
def test_refuses_paths_outside_its_routes(preview, path):
    """No request reaches a file: traversal, encoded dots, symlinks and sources all get 404."""
    status, body = preview.request(path)
    assert status in (400, 404), f"{path} answered {status}"
    assert SECRET.encode() not in body


def test_refuses_other_host_names(preview):
    """A page reaching the preview through another name (DNS rebinding) is refused."""
    assert preview.request("/state", host="evil.example:80")[0] == 421
    assert preview.request("/state", host=f"localhost:{preview.port}")[0] == 200


def test_refuses_other_methods(preview):
    """Only GET is served."""
    for method in ("POST", "PUT", "DELETE"):
        assert preview.request("/", method=method)[0] == 501


def addresses_other_than_loopback() -> list[tuple[int, str]]:
    """The machine's own addresses besides 127.0.0.1, with 127.0.0.2 and ::1 (both always local)."""
    found = {(socket.AF_INET, "127.0.0.2"), (socket.AF_INET6, "::1")}
    try:
        for family, _, _, _, address in socket.getaddrinfo(socket.gethostname(), None):
            if address[0] != "127.0.0.1":
                found.add((family, address[0]))
    except socket.gaierror:
        pass
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:  # the address of the default route's interface (no packet is sent)
            probe.connect(("192.0.2.1", 9))
            found.add((socket.AF_INET, probe.getsockname()[0]))
        except OSError:
            pass
    return sorted(found)


def test_not_reachable_but_on_loopback(preview):
    """Connecting to the preview's port on any other address of this machine is refused."""
    for family, address in addresses_other_than_loopback():
        try:  # a machine without IPv6 cannot even make the socket: not reachable either
            with socket.socket(family, socket.SOCK_STREAM) as client:
                client.settimeout(2)
                client.connect((address, preview.port))
        except OSError:
            continue
        pytest.fail(f"the preview answered on {address}")


def test_sigterm_stops_it_with_every_worker(project):
    """SIGTERM (and Ctrl-C) end the preview cleanly: exit 0, no process left behind, no traceback."""
    for sig in (signal.SIGTERM, signal.SIGINT):
        running = start_preview(project, env={"PATH": str(Path(sys.executable).parent)})
        children = running.descendants()
        assert children, "the preview should keep a warm worker"
        assert running.stop(sig) == 0
        printed = "".join(running.lines.queue)
        assert "stopped the preview" in printed and "Traceback" not in printed, printed
        assert not still_running(children), f"left behind: {still_running(children)}"


def test_port_taken_is_a_message_not_a_traceback(preview, project):
    """--port of a port in use: exit 1 with a one-line reason."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "publisher",
            "preview",
            str(project),
            "--no-browser",
            "--port",
            str(preview.port),
        ],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 1
    assert "cannot serve the preview on 127.0.0.1" in result.stderr and "Traceback" not in result.stderr


def test_cli_does_not_import_the_preview():
    """Other commands stay fast: importing the command line loads neither the preview nor PDFium."""
    code = "import sys, publisher.cli; print([m for m in sys.modules if 'preview' in m or 'pdfium' in m])"
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert output.stdout.strip() == "[]"


def test_board_wakes_waiters_and_closes():
    """An event stream waits for a newer version, times out to a keep-alive, and ends on close."""
    board = Board()
    assert board.wait(0, timeout=0.01) == -1
    board.publish(state="ready")
    assert board.wait(0) == 1
    board.close()
    assert board.wait(1) is None
    message = event_message({"a": "line\nbreak"})
    assert message.count(b"\n") == 3 and json.loads(message.split(b"data: ")[1]) == {"a": "line\nbreak"}


def test_preview_never_writes_outputs(preview, project):
    """Outputs stay in memory: nothing appears in the project's output folder."""
    assert not (project.parent.parent / "output").exists()
