"""``dot`` processes started before the pictures they will draw are known.

A ``dot`` process spends its first milliseconds (about 3 ms each, for the 20 pictures of
Harmonien's map some 60 ms) loading its libraries and plugin configuration before it reads its
input. ``render`` on the command line starts a few such processes (:class:`DotSpares`) before it
loads the map, on a background thread, so that this happens on a core that would otherwise wait
while Python reads the map; :class:`.dot_runs.DotRuns` then gives each picture to a spare
started for its format, if one is ready, and starts a process of its own otherwise. A spare is
the same program with the same arguments and environment, given the same input once taken:
the picture's bytes are those of a process started for it.

At most :data:`READY_MAX` spares wait at a time (each holds about 1 MB): the spares of a large
map are started as the earlier ones are taken. Those not taken when the render ends (the map had
fewer pictures than expected, or an error stopped the render) are killed and reaped by
:meth:`DotSpares.close`; none outlives the command.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import threading
from collections.abc import Mapping
from types import TracebackType

#: Most spares waiting to be taken at a time.
READY_MAX = 24

#: Formats in the order their spares are started (the PNGs are drawn first).
FORMATS = ("png", "svg")

#: The spares started before the map is read, when how many pictures it has is not known yet:
#: those of a map of five activities in two languages (Harmonien has eight). A smaller map
#: leaves a few unused (killed when the render ends); a larger one has the rest started once
#: the graph renderer knows how many it draws.
BEFORE_THE_MAP: dict[str, int] = {"png": 2, "svg": 12}


def find_dot() -> str | None:
    """Graphviz's ``dot`` program on ``PATH``, or ``None``."""
    return shutil.which("dot")


def dot_command(program: str, fmt: str) -> list[str]:
    """The command line that draws a picture in ``fmt`` (``svg``, ``png``) from standard input."""
    return [program, "-Kdot", f"-T{fmt}"]


def start_dot(program: str, fmt: str) -> subprocess.Popen[bytes]:
    """A ``dot`` process drawing in ``fmt`` what it will be given on standard input."""
    return subprocess.Popen(
        dot_command(program, fmt),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def stop_dot(proc: subprocess.Popen[bytes]) -> None:
    """Kill ``proc`` (a ``dot`` not yet given its input), reap it and close its pipes."""
    with contextlib.suppress(OSError):
        proc.kill()
    proc.wait()
    for pipe in (proc.stdin, proc.stdout, proc.stderr):
        if pipe is not None:
            pipe.close()


class DotSpares:
    """``dot`` processes of ``program`` started ahead, per format (see the module docstring).

    :meth:`expect` says how many pictures of each format the render will draw (as far as it
    knows: an estimate before the map is read, the count once it is); spares are started on a
    background thread until that many have been started or taken. :meth:`take` gives a
    spare, or ``None`` (then the caller starts its own, counted as one of those expected).
    """

    def __init__(self, program: str) -> None:
        self.program = program
        self._changed = threading.Condition()
        self._wanted = dict.fromkeys(FORMATS, 0)
        self._started = dict.fromkeys(FORMATS, 0)
        self._ready: dict[str, list[subprocess.Popen[bytes]]] = {fmt: [] for fmt in FORMATS}
        self._closed = False
        self._thread: threading.Thread | None = None

    def __enter__(self) -> DotSpares:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def expect(self, counts: Mapping[str, int]) -> None:
        """Have as many processes of each format started in all as ``counts`` says (more are
        not started; those already started stay)."""
        with self._changed:
            if self._closed:
                return
            for fmt, count in counts.items():
                if fmt in self._wanted:
                    self._wanted[fmt] = max(self._wanted[fmt], count)
            if self._thread is None and self._next() is not None:
                self._thread = threading.Thread(target=self._spawn, name="dot-spares", daemon=True)
                self._thread.start()
            self._changed.notify_all()

    def take(self, fmt: str) -> subprocess.Popen[bytes] | None:
        """A spare started for ``fmt``, or ``None`` (the caller starts one, counted here)."""
        with self._changed:
            ready = self._ready.get(fmt)
            if ready:
                self._changed.notify_all()
                return ready.pop(0)
            if fmt in self._started:
                self._started[fmt] += 1
            return None

    def ready(self, fmt: str) -> int:
        """How many spares for ``fmt`` are waiting to be taken."""
        with self._changed:
            return len(self._ready.get(fmt, ()))

    def close(self) -> None:
        """Start no more spares; kill and reap those not taken."""
        with self._changed:
            self._closed = True
            self._changed.notify_all()
            thread = self._thread
        if thread is not None:
            thread.join()
        with self._changed:
            left = [proc for fmt in FORMATS for proc in self._ready[fmt]]
            for ready in self._ready.values():
                ready.clear()
        for proc in left:
            stop_dot(proc)

    def _next(self) -> str | None:
        """The format of the next spare to start (the lock held), or ``None``."""
        return next((f for f in FORMATS if self._started[f] < self._wanted[f]), None)

    def _spawn(self) -> None:
        while True:
            with self._changed:
                while not self._closed and (
                    sum(len(ready) for ready in self._ready.values()) >= READY_MAX
                ):
                    self._changed.wait()
                fmt = None if self._closed else self._next()
                if fmt is None:
                    self._thread = None
                    return
                self._started[fmt] += 1
            try:
                proc = start_dot(self.program, fmt)
            except OSError:  # the picture's own run says what is wrong
                with self._changed:
                    self._wanted = dict(self._started)
                    self._thread = None
                return
            with self._changed:
                if not self._closed:
                    self._ready[fmt].append(proc)
                    continue
            stop_dot(proc)
            with self._changed:
                self._thread = None
            return
