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


class _Exemption:
    """Whether the collector's permanent generation is a command's own exemption of its map
    (:func:`exempt_loaded` within :func:`exemptions_ended`), given back when the command ends."""

    active = False


@contextlib.contextmanager
def collector_paused(*, kept: bool = False) -> Iterator[None]:
    """Pause the cyclic garbage collector for the block, and restore it as it was (a collector
    already off stays off).

    ``kept``: what the block built lives on (a loaded map, a check's views). Every object then
    alive is moved to the collector's oldest generation as the block ends (``gc.freeze`` and
    ``gc.unfreeze`` only relink lists), so that the first collections after it do not walk all
    of it again only to find it alive; a full collection still looks at everything, garbage
    cycles among it included. Within a command's exemption (:func:`exemptions_ended`) it joins
    the exemption instead, given back with it; while something else is frozen, neither."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        # The exemption is asked first: gc.get_freeze_count() walks every frozen object (some
        # 9 ms for a map of 1,000 activities, and the modules imported), freeze() does not.
        if kept and _Exemption.active:
            gc.freeze()
        elif kept and not gc.get_freeze_count():
            gc.freeze()
            gc.unfreeze()
        gc.enable()


def exempt_loaded() -> None:
    """Exempt what is alive so far (a loaded map lives until the command ends) from the
    garbage collector's passes, which would otherwise walk a large map again and again while
    the command works (about a tenth of the render time at 10,000 activities). The command
    line calls it once the map is loaded, within :func:`exemptions_ended`; outside one (or
    while something another froze is frozen) it does nothing, as nothing would give it back."""
    if _Exemption.active:
        gc.freeze()


@contextlib.contextmanager
def exemptions_ended() -> Iterator[None]:
    """Give back to the collector, on leaving, what :func:`exempt_loaded` (or a ``kept`` pause)
    exempted within (for one command's lifetime only: a caller that runs several commands in
    one process, such as the tests, gets its memory back). Nothing is exempted or given back
    if something was frozen before."""
    if gc.get_freeze_count() or _Exemption.active:
        yield
        return
    _Exemption.active = True
    try:
        yield
    finally:
        _Exemption.active = False
        gc.unfreeze()  # all of it is the exemption's (nothing was frozen before it)
