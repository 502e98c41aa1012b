"""Parties and systems that name a catalogue entry (``catalogue: <id>``): what the entry fills.

:func:`resolve` runs on the parsed YAML before validation, so that the model, the law layer and
every output see one merged value per key: what the map writes wins, the entry fills only keys
the map leaves out. A party may instead name the data importer of an entry
(``catalogue_importer: <id>``, e.g. the US parent that receives a service's data outside the
EEA): the importer's legal entity, country and Data Privacy Framework status fill it, so that the
law layer decides the transfer from the merged party like any other. :func:`resolve` returns
which keys each entry filled (the loader hands them to the model as
:class:`~harmonien_ropa.model.inventory.CatalogueOrigin`, so that a filled value is stated with
the entry's source and date), and a problem for every id the catalogue does not hold.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from ...model.inventory import CatalogueOrigin
from . import catalogue, fill, fill_importer, suggestion

Kind = Literal["parties", "systems"]


@dataclass(frozen=True, slots=True)
class UnknownEntry:
    """A ``catalogue:`` value that names no entry (or a ``catalogue_importer:`` value that names
    no entry with a data importer)."""

    loc: tuple[str | int, ...]
    ident: str
    guess: str | None
    #: True if the entry exists but names no data importer.
    no_importer: bool = False


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
            if kind == "parties" and isinstance(item, dict):
                importer = _importer(item, index, result)
                if importer is not None:
                    out.append(importer)
                    continue
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


def _importer(item: dict[str, Any], index: int, result: Resolved) -> dict[str, Any] | None:
    """``item`` filled from the data importer of the entry it names in ``catalogue_importer``,
    or None if it names none (a problem is recorded for an id that is no such entry)."""
    ident = item.get("catalogue_importer")
    if not isinstance(ident, str) or "catalogue" in item:  # both: the model refuses it
        return None
    entry = catalogue().get(ident)
    if entry is None or entry.importer is None:
        guess = suggestion(ident) if entry is None else None
        loc = ("parties", index, "catalogue_importer")
        result.unknown.append(UnknownEntry(loc, ident, guess, no_importer=entry is not None))
        return item
    filled = {k: v for k, v in fill_importer(entry).items() if k not in item}
    result.origins[("parties", index)] = CatalogueOrigin(
        ident, entry.importer.source, entry.checked, frozenset(filled), "catalogue_importer"
    )
    return {**item, **filled}
