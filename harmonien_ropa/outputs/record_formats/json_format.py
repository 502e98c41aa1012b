"""The format of ``record.json`` as typed models: what each table, row and cell holds, and the
JSON Schema published for it (``python -m harmonien_ropa schema --record``). The renderer in
:mod:`harmonien_ropa.outputs.record_formats.json_file` writes documents of this shape.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

FORMAT: Literal["harmonien_ropa.record"] = "harmonien_ropa.record"
FORMAT_VERSION: Literal[2] = 2


class _Json(BaseModel):
    # Built only when the schema is asked for: a render needs only the constants above.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


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
        "cookies",
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


def record_schema() -> dict[str, Any]:
    """JSON Schema of ``record.json``."""
    schema = JsonRecord.model_json_schema(mode="serialization")
    return {
        **schema,
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "harmonien_ropa record of processing activities",
    }
