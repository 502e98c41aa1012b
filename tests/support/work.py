"""Bounding work in tests without measuring time.

:func:`lines_run` counts the lines of chosen source files a piece of work runs: the same count on
any machine, however busy, so a test can require work to grow linearly with its input.
:func:`hang_guard` fails a test that would otherwise never end; it measures nothing.
"""

from __future__ import annotations

import contextlib
import signal
import sys
from collections.abc import Callable, Iterator
from typing import Any


def lines_run(work: Callable[[], object], *files: str) -> int:
    """How many lines of the source files whose names end with ``files`` ``work()`` runs."""
    count = 0

    def local(frame: Any, event: str, arg: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return local

    def calls(frame: Any, event: str, arg: Any) -> Any:
        return local if frame.f_code.co_filename.endswith(files) else None

    sys.settrace(calls)
    try:
        work()
    finally:
        sys.settrace(None)
    return count


@contextlib.contextmanager
def hang_guard(seconds: int, what: str) -> Iterator[None]:
    """Fail with ``what`` if the block is still running after ``seconds`` (a loop that does
    not end, an input that blocks); not a measure of time."""

    def stop(signum: int, frame: Any) -> None:
        raise AssertionError(f"still running after {seconds} s: {what}")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
