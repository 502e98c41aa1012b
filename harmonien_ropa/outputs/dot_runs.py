"""Graphviz ``dot`` runs for the graph's pictures, drawn while Python renders the rest.

Every picture (one graph in one format) is drawn by its own ``dot`` process, piped in memory.
:class:`DotRuns` starts them all at once, a few at a time, the longest first, on threads that
only wait for their process; the caller goes on with other work and collects the pictures with
:meth:`DotRuns.each`, each as soon as it is drawn (or stops them with :meth:`DotRuns.cancel`).
The command line's ``render`` thus lays out the pictures on the machine's other cores while it
writes the notice and the record, and stages the first pictures while the last are drawn.

Why not one ``dot`` process for all the pictures: Graphviz (2.43, Debian's) carries state from
one graph to the next within a process. A graph drawn after another is laid out differently
than when drawn alone (its clusters are ordered by the memory addresses of their names), its
SVG ids get a page prefix (``page0,1_graph0``), and the result differs from run to run. Only a
process per picture makes each picture's bytes depend on its own graph alone.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from ..core.errors import RenderError
from .dot_spares import DotSpares, start_dot

#: Environment variable: seconds one ``dot`` run may take.
DOT_TIMEOUT_ENV = "HARMONIEN_ROPA_DOT_TIMEOUT"


@dataclass(frozen=True, slots=True)
class DotJob:
    """One picture to draw: the DOT source, the format (``svg``, ``png``) and the file it
    becomes (named in messages)."""

    source: str
    fmt: str
    what: str


class _Stopped(Exception):
    """A job not started because the runs were cancelled or another job failed."""


class DotRuns:
    """``dot`` processes drawing the jobs :meth:`add` is given, at most ``workers`` at a time,
    each stopped after ``timeout`` seconds.

    A job starts as soon as it is added and a worker is free (add the slowest first: a PNG,
    which is rasterised and compressed). :meth:`each` gives their output in the order asked
    for, each as soon as it is drawn, or raises the :class:`RenderError` of the first job that
    failed (in that order); once one has failed, the jobs not yet started are not started.
    :meth:`cancel` kills what is still running. A job is given to one of ``spares`` (processes
    of the same program started ahead for its format, see :mod:`.dot_spares`) when one is
    ready.
    """

    def __init__(
        self,
        program: str,
        timeout: float,
        workers: int | None = None,
        spares: DotSpares | None = None,
    ) -> None:
        self.program = program
        self._spares = spares if spares is not None and spares.program == program else None
        self.timeout = timeout
        self._lock = threading.Lock()
        self._running: set[subprocess.Popen[bytes]] = set()
        self._stop = threading.Event()
        count = workers or max(1, min(4, os.cpu_count() or 1))
        self._pool = ThreadPoolExecutor(max_workers=count, thread_name_prefix="dot")
        self._futures: list[Future[bytes]] = []

    def add(self, job: DotJob) -> int:
        """Start drawing ``job`` (when a worker is free); its index for :meth:`each`."""
        self._futures.append(self._pool.submit(self._run, job))
        return len(self._futures) - 1

    def each(self, order: Sequence[int]) -> Iterator[tuple[int, bytes]]:
        """Each job of ``order`` (indices) with its output, in that order, each as soon as it
        is drawn (so that the caller handles the first pictures while the last are drawn);
        raises the error of the first job to fail in ``order``."""
        try:
            for position, index in enumerate(order):
                try:
                    drawn = self._futures[index].result()
                except _Stopped:  # not started: a later job failed, or the runs were cancelled
                    for later in order[position + 1 :]:
                        with contextlib.suppress(_Stopped):
                            self._futures[later].result()
                    raise RenderError("the Graphviz 'dot' runs were cancelled") from None
                yield index, drawn
        finally:
            self.cancel()

    def cancel(self) -> None:
        """Start no more jobs, kill those still running and wait for their threads."""
        self._stop.set()
        with self._lock:
            for proc in self._running:
                proc.kill()
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _run(self, job: DotJob) -> bytes:
        with self._lock:
            if self._stop.is_set():
                raise _Stopped
            proc = None if self._spares is None else self._spares.take(job.fmt)
            try:
                if proc is None:
                    proc = start_dot(self.program, job.fmt)
            except OSError as exc:
                self._stop.set()
                raise RenderError(
                    f"Graphviz 'dot' could not be run for {job.what}: {exc.strerror or exc}; "
                    "nothing was written"
                ) from None
            self._running.add(proc)
        try:
            return self._finish(proc, job)
        except BaseException:
            self._stop.set()
            raise
        finally:
            with self._lock:
                self._running.discard(proc)

    def _finish(self, proc: subprocess.Popen[bytes], job: DotJob) -> bytes:
        try:
            stdout, stderr = proc.communicate(job.source.encode("utf-8"), timeout=self.timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
            raise RenderError(
                f"Graphviz 'dot' did not finish drawing {job.what} within {self.timeout:g} s and "
                f"was stopped (set {DOT_TIMEOUT_ENV} to allow longer); nothing was written"
            ) from None
        except OSError as exc:  # the pipe broke: dot died before reading its input
            proc.kill()
            proc.wait()
            if proc.returncode == 0:
                raise RenderError(
                    f"Graphviz 'dot' could not be given {job.what}: {exc.strerror or exc}; "
                    "nothing was written"
                ) from None
            stdout, stderr = b"", b""
        if proc.returncode != 0:
            if self._stop.is_set() and proc.returncode < 0:
                raise _Stopped  # killed by cancel(): not a failure of its own
            how = (
                f"was stopped by signal {-proc.returncode}"
                if proc.returncode < 0
                else f"exited with status {proc.returncode}"
            )
            detail = stderr.decode("utf-8", "replace").strip()
            raise RenderError(
                f"Graphviz 'dot' {how} while drawing {job.what}"
                + (f": {detail}" if detail else "")
                + "; nothing was written"
            )
        return stdout
