"""Text written piece by piece as UTF-8 bytes, without holding the whole text as well."""

from __future__ import annotations

import io
from collections.abc import Iterable
from itertools import islice

#: Pieces encoded at a time: large enough to be fast, small enough to stay small.
_BATCH = 4096


def utf8(pieces: Iterable[str]) -> bytes:
    """The concatenated ``pieces`` as UTF-8.

    The pieces are encoded in batches into one growing buffer, so a large file exists once in
    memory (as bytes) rather than also as a list of pieces and as one string.
    """
    buffer = io.BytesIO()
    iterator = iter(pieces)
    while batch := "".join(islice(iterator, _BATCH)):
        buffer.write(batch.encode("utf-8"))
    return buffer.getvalue()
