"""Progress of long work on a terminal: one line on standard error, rewritten in place.

Shown only when standard error is a terminal and the environment variable ``CI`` is not set,
so logs, pipes and continuous integration stay quiet; the line is cleared when the work ends.
"""

from __future__ import annotations

import os
import sys
from typing import TextIO


class Progress:
    """``step(label)`` shows ``[i/total] label``; ``done()`` clears the line."""

    def __init__(self, total: int, stream: TextIO | None = None) -> None:
        self.total = total
        self.count = 0
        self.stream = stream if stream is not None else sys.stderr
        self.shown = _wanted(self.stream)

    def step(self, label: str) -> None:
        self.count = min(self.count + 1, self.total + 1)
        if self.shown:
            shown = min(self.count, self.total)
            self.stream.write(f"\r\x1b[K[{shown}/{self.total}] {label} …")
            self.stream.flush()

    def done(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def _wanted(stream: TextIO) -> bool:
    if os.environ.get("CI"):
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # closed or not a real stream
        return False
