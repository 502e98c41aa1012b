"""The resolved data map as JSON (``model.json``), for other tools and for review."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from json.encoder import encode_basestring
from typing import Any, cast

from ..core.languages import LANGUAGES
from ..law.devices import consent_needed
from ..model.datamap import DataMap
from . import RenderOptions, RenderResult
from .fastpaths import Utf8Parts
from .staging import Artifact


def json_bytes(value: Any) -> bytes:
    """Deterministic, readable UTF-8 JSON with a final newline.

    The text of ``json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)``, written
    about twice as fast for the plain data renderers produce (dicts with string keys, lists,
    strings, numbers, booleans, ``None``); anything else goes to :func:`json.dumps` itself.
    """
    # Parts are encoded a few thousand at a time into one growing byte buffer (Utf8Parts).
    parts = Utf8Parts()
    try:
        _write(value, "", parts)
        parts.append("\n")
        parts.flush()
    except _Unusual:
        text = json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True, default=_listed)
        return (text + "\n").encode()
    return parts.out.getvalue()


class Lazy:
    """A list whose items ``make`` yields as :func:`json_bytes` writes them, so that a long list
    of new dicts is never held whole. ``make`` may be called more than once."""

    def __init__(self, make: Callable[[], Iterable[Any]]) -> None:
        self.make = make


def _listed(value: Any) -> list[Any]:
    if isinstance(value, Lazy):
        return list(value.make())
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


class _Unusual(Exception):
    """A value :func:`_write` leaves to :func:`json.dumps`."""


def _write(value: Any, indent: str, parts: Utf8Parts) -> None:
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
            if len(parts) > Utf8Parts.LIMIT:
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
            if len(parts) > Utf8Parts.LIMIT:
                parts.flush()
        add("[]" if separator[0] == "[" else "\n" + indent + "]")
    else:
        raise _Unusual


def render(datamap: DataMap, options: RenderOptions) -> RenderResult:
    """``model.json``: every field of the map, references as ids, open assumptions listed."""
    data = _texts_in(datamap.model_dump(mode="json", by_alias=True), datamap.languages)
    # Resolved: the languages the map publishes in, also where it declares none.
    data["organisation"]["languages"] = list(datamap.languages)
    # Derived by the law layer, for tools that compare the inventory with a website scan.
    for entry, tracker in zip(data["cookies"], datamap.cookies, strict=True):
        entry["consent_needed"] = consent_needed(tracker)
    data["open_assumptions"] = [
        {"path": _dotted(loc), "note": note} for loc, _, _, note in datamap.assumptions()
    ]
    facts = _catalogue_facts(datamap)
    if facts:  # only maps that use the vendor catalogue have the key
        data["catalogue_facts"] = facts
    return RenderResult([Artifact("model.json", json_bytes(data))])


def _catalogue_facts(datamap: DataMap) -> list[dict[str, Any]]:
    """Each value a party or system took from the vendor catalogue, with its source and date
    (stated, not assumed)."""
    found = []
    for kind in ("parties", "systems"):
        for index, item in enumerate(getattr(datamap, kind)):
            origin = item.catalogue_origin
            if origin is None:
                continue
            for key in sorted(origin.fields):
                found.append(
                    {
                        "path": _dotted((kind, index, key)),
                        "entry": origin.entry,
                        "source": origin.source,
                        "checked": origin.checked.isoformat(),
                    }
                )
    return found


_TEXT_KEYS = frozenset(LANGUAGES)


def _texts_in(value: Any, languages: tuple[str, ...]) -> Any:
    """``value`` with each text's missing languages left out unless the map publishes in them
    (a text shows ``"en": null`` where English is owed, never ``"nn": null`` where it is not)."""
    if type(value) is dict:
        if value.keys() == _TEXT_KEYS:
            return {k: v for k, v in value.items() if v is not None or k in languages}
        return {k: _texts_in(v, languages) for k, v in value.items()}
    if type(value) is list:
        return [_texts_in(v, languages) for v in value]
    return value


def _dotted(loc: tuple[str | int, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out
