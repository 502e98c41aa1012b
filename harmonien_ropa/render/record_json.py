"""The record as JSON, every requested language side by side, with a published JSON Schema.

The document is the same tables as every other format: each table has columns (stable key,
article, label per language) and rows (stable key, a cell per column). A cell gives its text
items per language and, unless it is simply stated, its provenance status (``assumed`` or
``missing``) and the open assumptions behind it. Each column and each cell is one line of the
file. ``python -m harmonien_ropa schema --record`` prints the schema.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator, Sequence
from json.encoder import encode_basestring
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..record import Cell, Record, Table
from .streaming import utf8

FORMAT: Literal["harmonien_ropa.record"] = "harmonien_ropa.record"
FORMAT_VERSION: Literal[2] = 2


class _Json(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class JsonAssumption(_Json):
    """An open assumption behind a value."""

    path: str = Field(
        description="Where the assumption sits in the data map, e.g. activities[2].legal_basis."
    )
    note: str = Field(description="Why the value was assumed; what to confirm.")


class JsonCell(_Json):
    """One value: its text items in each language and its provenance."""

    values: dict[str, list[str]] = Field(
        description="Language code → the value's text items (a list field gives several)."
    )
    status: Literal["stated", "assumed", "missing"] = Field(
        default="stated",
        description="stated (left out): as the data map states it; assumed: an assumption still "
        "to be confirmed; missing: the record needs a value the data map does not give.",
    )
    assumptions: list[JsonAssumption] = Field(
        default_factory=list,
        description="The open assumptions behind the value (left out when there are none).",
    )


class JsonColumn(_Json):
    key: str = Field(description="Stable column key.")
    article: str | None = Field(description="The GDPR provision the column answers, if any.")
    label: dict[str, str] = Field(description="Language code → column heading.")


class JsonRow(_Json):
    key: str = Field(description="Stable key of the entry (activity id, system id, ...).")
    cells: dict[str, JsonCell] = Field(description="Column key → cell.")


class JsonTable(_Json):
    key: Literal[
        "meta",
        "controller",
        "activities",
        "processor",
        "systems",
        "parties",
        "data_categories",
        "transfers",
        "history",
        "gaps",
        "assumptions",
    ]
    title: dict[str, str] = Field(description="Language code → table title.")
    columns: list[JsonColumn]
    rows: list[JsonRow]


class JsonRecord(_Json):
    """An Article 30 record of processing activities (GDPR Art. 30(1) and 30(2))."""

    format: Literal["harmonien_ropa.record"]
    format_version: Literal[2]
    organisation: str
    languages: list[str] = Field(min_length=1)
    title: dict[str, str]
    tables: list[JsonTable]


_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode
_QUOTE = encode_basestring


class _Line(str):
    """JSON text of a column or a cell, written as it is on one line: one line per value keeps
    the file small and its diffs readable."""


def _cell(quoted_langs: Sequence[str], cells: Sequence[Cell]) -> _Line:
    """One cell in every language; ``status`` and ``assumptions`` only when not simply stated."""
    values = ", ".join(
        f"{lang}: [{', '.join(map(_QUOTE, cell.items))}]"
        for lang, cell in zip(quoted_langs, cells, strict=True)
    )
    first = cells[0]
    if first.missing:
        values += '}, "status": "missing"'
    elif first.assumptions:
        values += '}, "status": "assumed"'
    else:
        values += "}"
    if not first.assumptions:
        return _Line(f'{{"values": {{{values}}}')
    notes = ", ".join(
        f'{{"path": {_QUOTE(a.path)}, "note": {_QUOTE(a.note)}}}' for a in first.assumptions
    )
    return _Line(f'{{"values": {{{values}, "assumptions": [{notes}]}}')


class _Rows:
    """A table's rows in every language, written one at a time (a large record is then never
    held as a document as well), each row in one piece."""

    def __init__(self, quoted_langs: Sequence[str], versions: Sequence[Table]) -> None:
        self._quoted = quoted_langs
        self._versions = versions

    def pieces(self, indent: str) -> Iterator[str]:
        """The rows as ``json.dumps(indent=2)`` lays them out at ``indent``, a line per cell."""
        if not self._versions[0].rows:
            yield "[]"
            return
        row_indent = indent + "  "
        field = row_indent + "  "
        names = [f"{field}  {_QUOTE(col.key)}: " for col in self._versions[0].columns]
        opening = "[\n"
        for lang_rows in zip(*(v.rows for v in self._versions), strict=True):
            by_column = zip(*(r.cells for r in lang_rows), strict=True)
            cells = ",\n".join(
                [name + _cell(self._quoted, c) for name, c in zip(names, by_column, strict=True)]
            )
            cells = f"{{\n{cells}\n{field}}}" if cells else "{}"
            yield (
                f'{opening}{row_indent}{{\n{field}"key": {_QUOTE(lang_rows[0].key)},\n'
                f'{field}"cells": {cells}\n{row_indent}}}'
            )
            opening = ",\n"
        yield f"\n{indent}]"


def _document(records: Sequence[Record]) -> dict[str, Any]:
    """The per-language records (same shape by construction) zipped into one document."""
    first = records[0]
    langs = [r.lang for r in records]
    quoted = [_QUOTE(lang) for lang in langs]
    all_tables = [r.tables() for r in records]
    tables = []
    for position, table in enumerate(first.tables()):
        versions = [tables_of[position] for tables_of in all_tables]
        columns = [
            _Line(
                _COMPACT(
                    {
                        "key": col.key,
                        "article": col.article,
                        "label": {
                            lang: v.columns[i].label
                            for lang, v in zip(langs, versions, strict=True)
                        },
                    }
                )
            )
            for i, col in enumerate(table.columns)
        ]
        tables.append(
            {
                "key": table.key,
                "title": {lang: v.title for lang, v in zip(langs, versions, strict=True)},
                "columns": columns,
                "rows": _Rows(quoted, versions),
            }
        )
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "organisation": first.organisation,
        "languages": langs,
        "title": {r.lang: r.title for r in records},
        "tables": tables,
    }


def _pieces(value: Any, indent: str = "") -> Iterator[str]:
    """``value`` as ``json.dumps(indent=2)`` writes it, but each :class:`_Line` as it is."""
    if isinstance(value, _Line):
        yield value
    elif isinstance(value, _Rows):
        yield from value.pieces(indent)
    elif not isinstance(value, dict | list):
        yield _COMPACT(value)
    elif not value:
        yield "{}" if isinstance(value, dict) else "[]"
    elif isinstance(value, dict):
        inner = indent + "  "
        opening = "{\n"
        for key, item in value.items():
            yield f"{opening}{inner}{_QUOTE(key)}: "
            yield from _pieces(item, inner)
            opening = ",\n"
        yield f"\n{indent}}}"
    else:
        inner = indent + "  "
        opening = "[\n"
        for item in value:
            yield opening + inner
            yield from _pieces(item, inner)
            opening = ",\n"
        yield f"\n{indent}]"


def record_json(records: Sequence[Record]) -> bytes:
    """``record.json``: deterministic, indented UTF-8 with a final newline."""
    return utf8(itertools.chain(_pieces(_document(records)), "\n"))


def record_schema() -> dict[str, Any]:
    """JSON Schema of ``record.json``."""
    schema = JsonRecord.model_json_schema(mode="serialization")
    return {
        **schema,
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "harmonien_ropa record of processing activities",
    }
