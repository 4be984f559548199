"""Running the preview: the server in a thread, a warm worker, and rebuilds on every save until stopped."""

from __future__ import annotations

import signal
import tempfile
import threading
import time
import webbrowser
from pathlib import Path

import click

from publisher.build import BuildOptions
from publisher.console import Console
from publisher.errors import PublisherError, display_path
from publisher.watch import is_relevant, watched_paths
from publisher.workers import Workers

from .events import Board
from .rebuild import Previewer, warm_worker
from .server import PreviewServer
from .word import WordPages


def start_server(board: Board, port: int, source: Path) -> PreviewServer:
    """The server on 127.0.0.1 (a free port for 0), or a user-facing error when the port is taken."""
    try:
        return PreviewServer(board, port, display_path(source), source.stem)
    except OSError as error:
        raise PublisherError(f"cannot serve the preview on 127.0.0.1:{port}: {error.strerror}") from None


def run_preview(source: Path, options: BuildOptions, port: int, open_browser: bool, console: Console) -> None:
    """Serve the preview of ``source`` and update it on every save, until Ctrl-C or SIGTERM."""
    board = Board()
    server = start_server(board, port, source)
    # A service manager (or the tests) stop the preview with SIGTERM: end as on Ctrl-C.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    workers = Workers(options.jobs)
    with tempfile.TemporaryDirectory(prefix="publisher-preview-") as folder:
        word = WordPages(board, Path(folder))
        try:
            if workers.enabled:
                workers.submit(warm_worker)
            threading.Thread(target=server.serve_forever, name="preview-server", daemon=True).start()
            click.echo(f"preview at {server.url} (Ctrl-C to stop)")
            if open_browser:
                threading.Thread(target=webbrowser.open, args=(server.url,), daemon=True).start()
            watch_and_update(Previewer(source, options, workers, board, word), console)
        except KeyboardInterrupt:
            console.message("stopped the preview")
        finally:
            board.close()
            server.shutdown()
            server.server_close()
            word.stop()
            workers.shutdown()


def watch_and_update(previewer: Previewer, console: Console) -> None:
    """Update now, then after every relevant save (the source, its images, the brand file, templates)."""
    from watchfiles import watch

    options = previewer.options
    out_dir = options.out_dir.resolve()
    # As in watch: the first step returns once the watcher runs, so a save during the first
    # update is seen; a save is reported after 5 ms without further changes.
    changes_seen = watch(
        *watched_paths([previewer.source], options),
        debounce=100,
        step=5,
        yield_on_timeout=True,
        rust_timeout=200,
    )
    next(changes_seen)
    update(previewer, console)
    for changes in changes_seen:
        changed = sorted({Path(p).name for _, p in changes if is_relevant(Path(p), out_dir)})
        if changed:
            console.message(f"changed: {', '.join(changed)}")
            update(previewer, console)


def update(previewer: Previewer, console: Console) -> None:
    """One update, said on the terminal: its time, or the problems found."""
    started = time.perf_counter()
    if previewer.update():
        console.message(f"updated in {time.perf_counter() - started:.2f} s")
        for problem in previewer.board.snapshot().get("problems", []):
            console.message(problem["text"])  # warnings: the outputs were rendered
        return
    for problem in previewer.board.snapshot().get("problems", []):
        console.message(problem["text"], error=True)
