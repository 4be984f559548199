"""Pictures of the Word handout as LibreOffice lays it out, made in the background.

LibreOffice takes seconds, so it runs in a thread of its own after the fast formats,
one conversion at a time: a save made meanwhile replaces the waiting file, and the
conversion under way is stopped when the preview ends. Without ``soffice`` the page
says so and offers the download.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import threading
from pathlib import Path

from . import pictures
from .events import Blob, Board

TIMEOUT = 120.0


class WordPages:
    """Converts the latest handout to pictures; ``convert`` returns at once."""

    def __init__(self, board: Board, folder: Path, soffice: str | None = None):
        self.board = board
        self.folder = folder
        self.soffice = soffice or shutil.which("soffice")
        self.waiting: tuple[str, bytes, int] | None = None
        self.process: subprocess.Popen | None = None
        self.stopped = False
        self.wake = threading.Condition()
        self.thread = threading.Thread(target=self.run, name="word-pages", daemon=True)
        if self.soffice:
            self.thread.start()
        else:
            board.publish(word={"state": "missing"})

    def convert(self, name: str, docx: Blob | None, rev: int) -> None:
        """Queue the handout for pictures (the newest one wins)."""
        if not self.soffice or docx is None:
            return
        with self.wake:
            self.waiting = (name, docx.data, rev)
            self.wake.notify()
        self.board.publish(word={**self.board.snapshot().get("word", {}), "state": "converting"})

    def run(self) -> None:
        """The thread: convert whatever is waiting, until stopped."""
        while True:
            with self.wake:
                while self.waiting is None and not self.stopped:
                    self.wake.wait()
                if self.stopped:
                    return
                name, data, rev = self.waiting  # type: ignore[misc]
                self.waiting = None
            self.publish(name, data, rev)

    def publish(self, name: str, data: bytes, rev: int) -> None:
        """Convert one handout and put its pages on the board (or say why there are none)."""
        try:
            images = pictures.page_images(self.to_pdf(name, data))
        except (OSError, subprocess.SubprocessError, RuntimeError) as error:
            if not self.stopped:
                self.board.publish(word={"state": "failed", "message": str(error), "rev": rev})
            return
        if self.stopped:
            return
        files = {f"docx/{n}.jpg": Blob(image, "image/jpeg") for n, image in enumerate(images, 1)}
        state = "converting" if self.waiting else "ready"
        self.board.publish(files, drop="docx/", word={"state": state, "pages": len(images), "rev": rev})

    def to_pdf(self, name: str, data: bytes) -> bytes:
        """LibreOffice's PDF of the handout, made in the preview's temporary folder."""
        inbox, outbox = self.folder / "in", self.folder / "out"
        for folder in (inbox, outbox):
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
        document = inbox / name
        document.write_bytes(data)
        # A private profile: a LibreOffice the user has open is neither used nor disturbed.
        profile = (self.folder / "profile").as_uri()
        # At low priority: the next save's leaflet must not wait for the last save's handout.
        nice = [found, "-n", "10"] if (found := shutil.which("nice")) else []
        command = [*nice, self.soffice or "soffice", f"-env:UserInstallation={profile}", "--headless"]
        command += ["--norestore", "--convert-to", "pdf", "--outdir", str(outbox), str(document)]
        self.run_soffice(command)
        produced = outbox / (document.stem + ".pdf")
        if not produced.is_file():
            raise RuntimeError("LibreOffice did not convert the handout")
        return produced.read_bytes()

    def run_soffice(self, command: list[str]) -> None:
        """Run LibreOffice in a process group of its own, so stopping ends all of it."""
        with self.wake:
            if self.stopped:
                raise RuntimeError("stopped")
            self.process = subprocess.Popen(
                command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
            )
        try:
            self.process.wait(TIMEOUT)
        except subprocess.TimeoutExpired:
            self.kill()
            raise RuntimeError(f"LibreOffice took longer than {TIMEOUT:.0f} s") from None
        finally:
            self.process = None

    def kill(self) -> None:
        """End the conversion under way, with every process LibreOffice started."""
        process = self.process
        if process is not None and process.poll() is None:
            with contextlib.suppress(ProcessLookupError):  # it ended meanwhile
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()

    def stop(self) -> None:
        """Stop converting and wait for the thread (the preview is ending)."""
        with self.wake:
            self.stopped = True
            self.wake.notify()
        self.kill()
        if self.thread.is_alive():
            self.thread.join(10)
