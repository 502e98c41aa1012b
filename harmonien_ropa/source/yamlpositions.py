"""The positions of a document the native reader has read, from PyYAML's events alone.

The native reader (:mod:`.yamlnative`) gives the data; its positions are found one by one in
the text when asked for (:mod:`.yamllocate`), and read all at once here only where the whole
table is wanted or the text holds what that search does not read with certainty. A document
the native reader has read is known to be valid and plain (keys are text, anchors are on
scalars, no tags, merge keys or duplicate keys), so this pass builds no value: it walks the events and records the line and column of each key
and value exactly as the event reader in :mod:`.yamlsource` records them (an alias at its
anchored value, as PyYAML's node tree would place it). ``tests/test_yaml_native.py`` proves
them equal.
"""

from __future__ import annotations

from typing import Any

import yaml

from .positions import HALF, PAIR, Loc, Positions
from .yamlbase import Loader

__all__ = ["read_positions"]

_MAPPING = yaml.MappingStartEvent
_SEQUENCE = yaml.SequenceStartEvent
_ALIAS = yaml.AliasEvent
_ENDS = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def read_positions(text: str) -> Positions:
    """The positions of every key and value of ``text``, a document the native reader read."""
    positions = Positions()
    table = positions._table
    #: The anchored scalars' marks by anchor name.
    anchors: dict[str, Any] = {}
    loader: Any = Loader(text)
    get = loader.get_event
    try:
        get()  # the stream's start
        get()  # the document's start
        #: The open collections: [location, next index] for a list, [location, None] for a map.
        frames: list[list[Any]] = []
        loc: Loc = ()
        key = 0
        event = get()
        while True:
            cls = event.__class__
            if cls is _ALIAS:
                mark = anchors[event.anchor]
            else:
                mark = event.start_mark
                if event.anchor is not None:
                    anchors[event.anchor] = mark
            table[loc] = key | (mark.line + 1) << HALF | (mark.column + 1)
            if cls is _MAPPING:
                frames.append([loc, None])
            elif cls is _SEQUENCE:
                frames.append([loc, 0])
            elif not frames:  # a document of one scalar (not a data map: the loader says so)
                return positions
            while True:  # the next value's location, past the ends of collections
                event = get()
                if event.__class__ in _ENDS:
                    frames.pop()
                    if frames:
                        continue
                    return positions
                frame = frames[-1]
                if frame[1] is None:  # a key, then its value
                    mark = event.start_mark
                    if event.anchor is not None:
                        anchors[event.anchor] = mark
                    loc = (*frame[0], event.value)
                    key = ((mark.line + 1) << HALF | (mark.column + 1)) << PAIR
                    event = get()
                else:
                    loc = (*frame[0], frame[1])
                    frame[1] += 1
                    key = 0
                break
    finally:
        loader.dispose()
