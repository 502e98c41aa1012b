"""The resolved data map as JSON (``model.json``), for other tools and for review."""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterable
from json.encoder import encode_basestring
from typing import Any, cast

from ..law.devices import consent_needed
from ..model.datamap import DataMap
from ..output import Artifact
from . import RenderOptions, RenderResult


def to_json(value: Any) -> bytes:
    """Deterministic, readable UTF-8 JSON with a final newline.

    The text of ``json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)``, written
    about twice as fast for the plain data renderers produce (dicts with string keys, lists,
    strings, numbers, booleans, ``None``); anything else goes to :func:`json.dumps` itself.
    """
    # Parts are encoded a few thousand at a time into one growing byte buffer: a StringIO of a
    # large map's text (kept as 4-byte characters once one is not ASCII) or a list of its
    # millions of small parts took several times the memory of the encoded JSON.
    parts = _Parts()
    try:
        _write(value, "", parts)
        parts.append("\n")
        parts.flush()
    except _Unusual:
        text = json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True, default=_listed)
        return (text + "\n").encode()
    return parts.out.getvalue()


class Lazy:
    """A list whose items ``make`` yields as :func:`to_json` writes them, so that a long list
    of new dicts is never held whole. ``make`` may be called more than once."""

    def __init__(self, make: Callable[[], Iterable[Any]]) -> None:
        self.make = make


def _listed(value: Any) -> list[Any]:
    if isinstance(value, Lazy):
        return list(value.make())
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


class _Parts(list[str]):
    """Pieces of JSON text; :meth:`flush` moves them, UTF-8 encoded, into :attr:`out`."""

    #: Pieces held before they are encoded (checked between the items of a list or dict).
    LIMIT = 4096

    def __init__(self) -> None:
        super().__init__()
        self.out = io.BytesIO()

    def flush(self) -> None:
        self.out.write("".join(self).encode("utf-8"))
        self.clear()


class _Unusual(Exception):
    """A value :func:`_write` leaves to :func:`json.dumps`."""


def _write(value: Any, indent: str, parts: _Parts) -> None:
    add = parts.append
    if isinstance(value, str):
        add(encode_basestring(value))
    elif value is None:
        add("null")
    elif value is True:
        add("true")
    elif value is False:
        add("false")
    elif type(value) is int:
        add(int.__repr__(value))
    elif type(value) is float:
        add(json.dumps(value))
    elif type(value) is dict:
        if not value:
            add("{}")
            return
        inner = indent + "  "
        separator = "{\n" + inner
        for key in sorted(value):
            if type(key) is not str:
                raise _Unusual
            add(separator)
            add(encode_basestring(key))
            add(": ")
            _write(value[key], inner, parts)
            separator = ",\n" + inner
            if len(parts) > _Parts.LIMIT:
                parts.flush()
        add("\n" + indent + "}")
    elif type(value) is list or type(value) is tuple or type(value) is Lazy:
        inner = indent + "  "
        separator = "[\n" + inner
        items: Iterable[Any] = value.make() if type(value) is Lazy else cast(Iterable[Any], value)
        for item in items:
            add(separator)
            _write(item, inner, parts)
            separator = ",\n" + inner
            if len(parts) > _Parts.LIMIT:
                parts.flush()
        add("[]" if separator[0] == "[" else "\n" + indent + "]")
    else:
        raise _Unusual


def render(datamap: DataMap, options: RenderOptions) -> RenderResult:
    """``model.json``: every field of the map, references as ids, open assumptions listed."""
    data = datamap.model_dump(mode="json", by_alias=True)
    # Derived by the law layer, for tools that compare the inventory with a website scan.
    for entry, tracker in zip(data["cookies"], datamap.cookies, strict=True):
        entry["consent_needed"] = consent_needed(tracker)
    data["open_assumptions"] = [
        {"path": _dotted(loc), "note": note} for loc, _, _, note in datamap.assumptions()
    ]
    return RenderResult([Artifact("model.json", to_json(data))])


def _dotted(loc: tuple[str | int, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out
