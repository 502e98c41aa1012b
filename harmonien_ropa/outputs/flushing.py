"""Staged files flushed to disk on background threads while the caller goes on, and many
files removed at once.

Writing a staged file is fast (the bytes go to the page cache); flushing it to disk (``fsync``)
waits for the disk, a few milliseconds a file, which for the forty files of a render was a tenth
of its time spent doing nothing. :class:`Flusher` takes each file's open descriptor as soon as
its bytes are written, flushes and closes it on a thread, and :meth:`Flusher.wait` (called
before anything is renamed into place) waits until every file given so far is on disk, or
raises the first error, so a file is never renamed into place before it is flushed.

Removing a file whose blocks are on disk can wait for the disk too (about 4 ms a file on a
file system mounted with ``discard``, where its blocks are trimmed): :func:`remove_files` removes
the backups a commit leaves (one per file replaced) on several threads at once, a render of
Harmonien into its previous folder then spending 15 ms on them instead of 140 ms.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable

#: Threads flushing at a time (the disk takes concurrent flushes in one journal commit).
WORKERS = 4
#: Most files given and not yet flushed: each holds an open descriptor until it is closed.
PENDING = 32
#: Threads removing files at a time.
REMOVERS = 8


class Flusher:
    """Flush (``sync``) and close (``close``) each descriptor :meth:`flush` is given, on at
    most :data:`WORKERS` threads, with at most :data:`PENDING` of them open at a time."""

    def __init__(self, sync: Callable[[int], None], close: Callable[[int], None]) -> None:
        self._sync = sync
        self._close = close
        self._slots = threading.BoundedSemaphore(PENDING)
        self._queue: queue.SimpleQueue[tuple[int, int, str] | None] = queue.SimpleQueue()
        self._threads: list[threading.Thread] = []
        self._idle = threading.Condition()
        self._pending = 0
        self._given = 0
        #: (the order a file was given in, its error), for each file that failed.
        self._failed: list[tuple[int, BaseException]] = []

    def flush(self, fd: int, shown: str) -> None:
        """Flush and close ``fd`` (the file ``shown`` in messages) in the background; the
        descriptor is the flusher's from now on, closed even if flushing it fails."""
        try:
            self._slots.acquire()
        except BaseException:
            self._close(fd)
            raise
        try:
            if len(self._threads) < WORKERS:
                thread = threading.Thread(target=self._work, name="flush", daemon=True)
                thread.start()
                self._threads.append(thread)
        except BaseException:
            self._slots.release()
            self._close(fd)
            raise
        with self._idle:
            self._pending += 1
        self._given += 1
        self._queue.put((self._given, fd, shown))

    def _work(self) -> None:
        while (item := self._queue.get()) is not None:
            index, fd, shown = item
            failed: BaseException | None = None
            try:
                try:
                    self._sync(fd)
                finally:
                    self._close(fd)
            except BaseException as exc:
                if isinstance(exc, OSError):
                    exc.filename = shown
                failed = exc
            self._slots.release()
            with self._idle:
                if failed is not None:
                    self._failed.append((index, failed))
                self._pending -= 1
                self._idle.notify_all()

    def _drain(self) -> list[tuple[int, BaseException]]:
        with self._idle:
            self._idle.wait_for(lambda: self._pending == 0)
            failed, self._failed = self._failed, []
        return failed

    def wait(self) -> None:
        """Wait until every file given so far is flushed and closed; raise the error of the
        first one (in the order given) that failed (an :class:`OSError` naming the file)."""
        failed = self._drain()
        if failed:
            raise min(failed, key=lambda item: item[0])[1]

    def close(self) -> None:
        """Wait for every file given so far (their errors no longer matter) and stop the
        threads."""
        self._drain()
        for _ in self._threads:
            self._queue.put(None)
        for thread in self._threads:
            thread.join()
        self._threads.clear()


def remove_files(paths: list[str], unlink: Callable[[str], None]) -> None:
    """Remove every file of ``paths`` with ``unlink``, on up to :data:`REMOVERS` threads; raise
    the error of the first one (in the order given) that could not be removed, once every
    other has been tried."""
    if len(paths) < 2:
        for path in paths:
            unlink(path)
        return
    work: queue.SimpleQueue[tuple[int, str]] = queue.SimpleQueue()
    for item in enumerate(paths):
        work.put(item)
    failed: list[tuple[int, BaseException]] = []

    def remove() -> None:
        while True:
            try:
                index, path = work.get_nowait()
            except queue.Empty:
                return
            try:
                unlink(path)
            except BaseException as exc:
                failed.append((index, exc))

    threads = [
        threading.Thread(target=remove, name="remove", daemon=True)
        for _ in range(min(REMOVERS, len(paths)))
    ]
    started = []
    for thread in threads:
        try:
            thread.start()
        except RuntimeError:  # no more threads to be had: those started do the rest
            break
        started.append(thread)
    if not started:
        remove()
    for thread in started:
        thread.join()
    if failed:
        raise min(failed, key=lambda item: item[0])[1]
