"""The resolved data map as JSON (``model.json``), for other tools and for review."""

from __future__ import annotations

import json
from typing import Any

from ..model.datamap import DataMap
from ..output import Artifact
from . import RenderOptions, RenderResult


def to_json(value: Any) -> bytes:
    """Deterministic, readable UTF-8 JSON with a final newline."""
    text = json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)
    return (text + "\n").encode("utf-8")


def render(datamap: DataMap, options: RenderOptions) -> RenderResult:
    """``model.json``: every field of the map, references as ids, open assumptions listed."""
    data = datamap.model_dump(mode="json", by_alias=True)
    data["open_assumptions"] = [
        {"path": _dotted(loc), "note": note} for loc, _, _, note in datamap.assumptions()
    ]
    return RenderResult([Artifact("model.json", to_json(data))])


def _dotted(loc: tuple[str | int, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out
