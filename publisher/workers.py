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
                max(self.jobs - 1, 1), mp_context=context, initializer=die_with_parent
            )
        return self.pool.submit(function, *args)

    def shutdown(self) -> None:
        """Stop the workers, dropping work not yet started."""
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
            self.pool = None


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
