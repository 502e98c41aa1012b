"""Pausing Python's cyclic garbage collector while a large, long-lived tree of objects is built.

Loading a data map, running the checker's rules and rendering each allocate hundreds of
thousands of small containers that live until the work returns; every full collection they
trigger would walk all of them again (from a tenth to a third of the time on large maps).
Reference counting still frees garbage meanwhile; cycles are collected once it is back on.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the block, and restore it as it was (a collector
    already off stays off)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
