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
def collector_paused(*, kept: bool = False) -> Iterator[None]:
    """Pause the cyclic garbage collector for the block, and restore it as it was (a collector
    already off stays off).

    ``kept``: what the block built lives on (a loaded map). Every object then alive is moved
    to the collector's oldest generation as the block ends (``gc.freeze`` and ``gc.unfreeze``
    only relink lists), so that the first collections after it do not walk all of it again
    only to find it alive; a full collection still looks at everything, garbage cycles among
    it included. Not done while something is frozen (the command line's exemption of a loaded
    map), which it would end."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        if kept and not gc.get_freeze_count():
            gc.freeze()
            gc.unfreeze()
        gc.enable()
