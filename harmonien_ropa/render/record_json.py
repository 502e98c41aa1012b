"""The record as JSON, every requested language side by side, with a published JSON Schema.

The document is the same tables as every other format: each table has columns (stable key,
article, label per language) and rows (stable key, a cell per column). A cell gives its text
items per language, its provenance status (``stated``, ``assumed`` or ``missing``) and the open
assumptions behind it. ``python -m harmonien_ropa schema --record`` prints the schema.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..record import Record

FORMAT: Literal["harmonien_ropa.record"] = "harmonien_ropa.record"
FORMAT_VERSION: Literal[1] = 1


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
        description="stated: as the data map states it; assumed: an assumption still to be "
        "confirmed; missing: the record needs a value the data map does not give."
    )
    assumptions: list[JsonAssumption] = Field(default_factory=list)


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
    format_version: Literal[1]
    organisation: str
    languages: list[str] = Field(min_length=1)
    title: dict[str, str]
    tables: list[JsonTable]


def build_json(records: Sequence[Record]) -> JsonRecord:
    """Zip the per-language records (same shape by construction) into one document."""
    first = records[0]
    langs = [r.lang for r in records]
    tables = []
    for position, table in enumerate(first.tables()):
        versions = [r.tables()[position] for r in records]
        columns = [
            JsonColumn(
                key=col.key,
                article=col.article,
                label={
                    v_lang: v.columns[i].label for v_lang, v in zip(langs, versions, strict=True)
                },
            )
            for i, col in enumerate(table.columns)
        ]
        rows = []
        for r_index, row in enumerate(table.rows):
            cells = {}
            for c_index, (col, cell) in enumerate(zip(table.columns, row.cells, strict=True)):
                cells[col.key] = JsonCell(
                    values={
                        lang: list(v.rows[r_index].cells[c_index].items)
                        for lang, v in zip(langs, versions, strict=True)
                    },
                    status=cell.status,
                    assumptions=[
                        JsonAssumption(path=a.path, note=a.note) for a in cell.assumptions
                    ],
                )
            rows.append(JsonRow(key=row.key, cells=cells))
        tables.append(
            JsonTable.model_validate(
                {
                    "key": table.key,
                    "title": {lang: v.title for lang, v in zip(langs, versions, strict=True)},
                    "columns": columns,
                    "rows": rows,
                }
            )
        )
    return JsonRecord(
        format=FORMAT,
        format_version=FORMAT_VERSION,
        organisation=first.organisation,
        languages=langs,
        title={r.lang: r.title for r in records},
        tables=tables,
    )


def record_json(records: Sequence[Record]) -> bytes:
    """``record.json``: deterministic, indented UTF-8 with a final newline."""
    data = build_json(records).model_dump(mode="json")
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def record_schema() -> dict[str, Any]:
    """JSON Schema of ``record.json``."""
    schema = JsonRecord.model_json_schema(mode="serialization")
    return {
        **schema,
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "harmonien_ropa record of processing activities",
    }
