"""Parties and systems that name a catalogue entry (``catalogue: <id>``): what the entry fills.

:func:`resolve` runs on the parsed YAML before validation, so that the model, the law layer and
every output see one merged value per key: what the map writes wins, the entry fills only keys
the map leaves out. It returns which keys each entry filled (the loader hands them to the model
as :class:`~harmonien_ropa.model.inventory.CatalogueOrigin`, so that a filled value is stated with
the entry's source and date), and a problem for every id the catalogue does not hold.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from ...model.inventory import CatalogueOrigin
from . import catalogue, fill, suggestion

Kind = Literal["parties", "systems"]


@dataclass(frozen=True, slots=True)
class UnknownEntry:
    """A ``catalogue:`` value that names no entry."""

    loc: tuple[str | int, ...]
    ident: str
    guess: str | None


@dataclass
class Resolved:
    """The data with the catalogue's values filled in, and where they came from."""

    data: Any
    origins: dict[tuple[Kind, int], CatalogueOrigin] = field(default_factory=dict)
    unknown: list[UnknownEntry] = field(default_factory=list)


def resolve(data: Any) -> Resolved:
    """Fill the parties and systems of ``data`` (parsed YAML) from the entries they name."""
    result = Resolved(data)
    if not isinstance(data, dict):
        return result
    merged = dict(data)
    by_entry: dict[str, str] = {}  # catalogue id -> the first party that names it
    for kind in ("parties", "systems"):
        items = data.get(kind)
        if not isinstance(items, list):
            continue
        out: list[Any] = []
        for index, item in enumerate(items):
            ident = item.get("catalogue") if isinstance(item, dict) else None
            if not isinstance(ident, str):
                out.append(item)
                continue
            entry = catalogue().get(ident)
            if entry is None:
                result.unknown.append(
                    UnknownEntry((kind, index, "catalogue"), ident, suggestion(ident))
                )
                out.append(item)
                continue
            filled = {k: v for k, v in fill(entry, kind).items() if k not in item}
            if kind == "parties" and isinstance(item.get("id"), str):
                by_entry.setdefault(ident, item["id"])
            if kind == "systems" and "vendor" not in item and ident in by_entry:
                filled["vendor"] = by_entry[ident]
            out.append({**item, **filled})
            result.origins[(kind, index)] = CatalogueOrigin(
                ident, entry.source, entry.checked, frozenset(filled)
            )
        merged[kind] = out
    result.data = merged
    return result
