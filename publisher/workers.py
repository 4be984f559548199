"""Worker processes for the slow formats: started on first use, ended with their build."""

from __future__ import annotations

from concurrent.futures import Future


class Workers:
    """Worker processes for the slow formats, started on first use (a no-op build starts none)."""

    def __init__(self, jobs: int):
        self.jobs = jobs
        self.pool = None

    @property
    def enabled(self) -> bool:
        """True when more than one job is allowed."""
        return self.jobs > 1

    def submit(self, function, *args) -> Future:
        """Run ``function(*args)`` in a worker; fork is cheap and inherits imports and state."""
        if self.pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            context = multiprocessing.get_context("fork")
            self.pool = ProcessPoolExecutor(
                max(self.jobs - 1, 1), mp_context=context, initializer=prepare_worker
            )
        return self.pool.submit(function, *args)

    def shutdown(self) -> None:
        """Stop the workers, dropping work not yet started."""
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
            self.pool = None


def prepare_worker() -> None:
    """In a new worker: end with the build process, and end quietly on Ctrl-C."""
    die_with_parent()
    quiet_on_ctrl_c()


def quiet_on_ctrl_c() -> None:
    """In a worker: leave at once and without a traceback when Ctrl-C reaches it.

    A terminal sends Ctrl-C to the whole process group; the build process says what
    happened ("stopped watching", "Aborted!"), and an idle worker would otherwise print
    multiprocessing's traceback of its interrupted wait for work.
    """
    import os
    import signal

    signal.signal(signal.SIGINT, lambda *_: os._exit(130))


def die_with_parent() -> None:
    """In a worker: end when the build process ends, even if it was killed.

    A forked worker holds both ends of its task pipe, so it would never see the
    parent go away and would linger; Linux can send it a signal instead.
    """
    import contextlib
    import ctypes
    import signal

    with contextlib.suppress(OSError, AttributeError):  # not Linux: workers end with the pool
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
