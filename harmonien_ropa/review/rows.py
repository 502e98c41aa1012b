"""The open assumptions of a map as review rows: where, what, the question, who should answer.

A row names the value an assumption is about by its YAML path and carries a hash of that value
as the map holds it when the workbook is made, so that answers to a value changed since then
are refused rather than written over the change.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from ..model.base import LANGUAGES
from ..source.loading import LoadedMap
from .fields import AnswerKind, answer_kind

Loc = tuple[str | int, ...]
#: Lists of an activity that name entries of the map's inventory: (key, inventory list).
_REFERENCES = (
    ("data_subjects", "data_subjects"),
    ("data_categories", "data_categories"),
    ("systems", "systems"),
    ("recipients", "parties"),
)


@dataclass(frozen=True, slots=True)
class Row:
    """One open assumption to confirm or correct."""

    #: Path of the value in the YAML, e.g. ``("activities", 2, "legal_basis")``.
    path: Loc
    line: int
    #: The entry and the field as a reader names them (``behandlingsaktivitet «Billettsalg»``,
    #: ``behandlingsgrunnlag``), and the two as a path (see :mod:`.labels`).
    entry: str
    field: str
    place: str
    current: str
    note: str
    who: str
    kind: AnswerKind
    digest: str


def value_at(data: Any, path: Loc) -> Any:
    """The plain value at ``path`` in parsed YAML data (``None`` where there is none)."""
    node = data
    for part in path:
        if isinstance(node, list):
            if not (isinstance(part, int) and 0 <= part < len(node)):
                return None
            node = node[part]
        elif isinstance(node, Mapping) and part in node:
            node = node[part]
        else:
            return None
    return node


def dotted(path: Loc) -> str:
    """``("activities", 2, "legal_basis")`` → ``activities[2].legal_basis``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def digest(value: Any) -> str:
    """A short, stable hash of a plain YAML value."""
    canonical = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:20]


def shown(value: Any, lang: str) -> str:
    """A plain YAML value as one line of text for a cell, in ``lang`` where it has languages."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Mapping):
        # A text in several languages: ``lang``, else the first present (as Text.get does).
        for key in (lang, *LANGUAGES):
            if isinstance(value.get(key), str) and all(k in LANGUAGES for k in value):
                return " ".join(value[key].split())
        return "; ".join(f"{k}: {shown(v, lang)}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(shown(item, lang) for item in value)
    return " ".join(str(value).split())


def _functions(data: Any, lang: str) -> dict[tuple[str, str], list[str]]:
    """For each (list, id) an activity refers to, the business functions of those activities."""
    found: dict[tuple[str, str], list[str]] = {}
    for activity in value_at(data, ("activities",)) or []:
        if not isinstance(activity, Mapping):
            continue
        function = shown(activity.get("business_function"), lang)
        if not function:
            continue
        for key, kind in _REFERENCES:
            for ref in activity.get(key) or []:
                names = found.setdefault((kind, str(ref)), [])
                if function not in names:
                    names.append(function)
    return found


def _owner(data: Any, lang: str) -> str:
    """Who answers for the organisation as a whole: the record's maintainer, else a contact."""
    maintainer = value_at(data, ("record", "maintained_by"))
    if maintainer:
        return shown(maintainer, lang)
    for contact in value_at(data, ("organisation", "contacts")) or []:
        if isinstance(contact, Mapping) and contact.get("name"):
            role = shown(contact.get("role"), lang)
            return f"{contact['name']}, {role}" if role else str(contact["name"])
    return ""


def _who(data: Any, loc: Loc, lang: str, functions: dict[tuple[str, str], list[str]]) -> str:
    if len(loc) >= 2 and loc[0] == "activities" and isinstance(loc[1], int):
        activity = value_at(data, loc[:2])
        if isinstance(activity, Mapping):
            function = shown(activity.get("business_function"), lang)
            if function:
                return function
    if len(loc) >= 2 and isinstance(loc[0], str) and isinstance(loc[1], int):
        entry = value_at(data, loc[:2])
        ident = entry.get("id") if isinstance(entry, Mapping) else None
        names = functions.get((loc[0], str(ident)), [])
        if names:
            return ", ".join(names)
    return _owner(data, lang)


def rows(loaded: LoadedMap, data: Any, lang: str) -> Iterator[Row]:
    """A row for every open assumption of ``loaded``, in the map's order; ``data`` is the same
    map as plain parsed YAML (its values, as written)."""
    from . import labels

    functions = _functions(data, lang)
    names = labels.entry_names(data, lang)
    for note_loc, statement, field, note in loaded.datamap.assumptions():
        owner_loc = note_loc[:-2]
        path = (*owner_loc, field)
        value = value_at(data, path)
        model: type[BaseModel] = type(statement)
        kind = answer_kind(model, field)
        line = loaded.positions.find(note_loc)[0]
        yield Row(
            path=path,
            line=line,
            entry=labels.place(data, owner_loc, lang) or "—",
            field=labels.field_label(field, lang),
            place=labels.place(data, path, lang),
            current=labels.value_shown(model, field, value, lang, names),
            note=" ".join(note.split()),
            who=_who(data, owner_loc, lang, functions),
            kind=kind,
            digest=digest(value),
        )
