"""Staged files flushed to disk on background threads while the caller goes on.

Writing a staged file is fast (the bytes go to the page cache); flushing it to disk (``fsync``)
waits for the disk, a few milliseconds a file, which for the forty files of a render was a tenth
of its time spent doing nothing. :class:`Flusher` takes each file's open descriptor as soon as
its bytes are written, flushes and closes it on a thread, and :meth:`Flusher.wait` (called
before anything is renamed into place) waits until every file given so far is on disk, or
raises the first error, so a file is never renamed into place before it is flushed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

#: Threads flushing at a time (the disk takes concurrent flushes in one journal commit).
WORKERS = 4
#: Most files given and not yet flushed: each holds an open descriptor until it is closed.
PENDING = 32


class Flusher:
    """Flush (``sync``) and close (``close``) each descriptor :meth:`flush` is given, on at
    most :data:`WORKERS` threads, with at most :data:`PENDING` of them open at a time."""

    def __init__(self, sync: Callable[[int], None], close: Callable[[int], None]) -> None:
        self._sync = sync
        self._close = close
        self._slots = threading.BoundedSemaphore(PENDING)
        self._pool: ThreadPoolExecutor | None = None
        self._pending: list[tuple[Future[None], str]] = []

    def flush(self, fd: int, shown: str) -> None:
        """Flush and close ``fd`` (the file ``shown`` in messages) in the background; the
        descriptor is the flusher's from now on, closed even if flushing it fails."""
        self._slots.acquire()
        try:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="flush")
            future = self._pool.submit(self._flush, fd)
        except BaseException:
            self._slots.release()
            self._close(fd)
            raise
        self._pending.append((future, shown))

    def _flush(self, fd: int) -> None:
        try:
            self._sync(fd)
        finally:
            try:
                self._close(fd)
            finally:
                self._slots.release()

    def wait(self) -> None:
        """Wait until every file given so far is flushed and closed; raise the error of the
        first one (in the order given) that failed (an :class:`OSError` naming the file)."""
        pending, self._pending = self._pending, []
        first: BaseException | None = None
        for future, shown in pending:
            try:
                future.result()
            except BaseException as exc:
                if first is None:
                    if isinstance(exc, OSError):
                        exc.filename = shown
                    first = exc
        if first is not None:
            raise first

    def close(self) -> None:
        """Wait for every file given so far (their errors no longer matter) and stop the
        threads."""
        pending, self._pending = self._pending, []
        for future, _ in pending:
            future.exception()
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None
