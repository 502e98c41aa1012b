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
from typing import Any

from ...record import Cell, Record, Table
from ..fastpaths import utf8
from .json_format import FORMAT, FORMAT_VERSION

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
