"""JSON Schemas published by the library."""

from __future__ import annotations

import json
from typing import Any

from ..model.datamap import DataMap

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def datamap_schema() -> dict[str, Any]:
    """JSON Schema of the YAML data map, generated from the model."""
    schema = DataMap.model_json_schema(by_alias=True, mode="validation")
    return {**schema, "$schema": SCHEMA_DIALECT, "title": "harmonien_ropa data map"}


def datamap_schema_json() -> str:
    """:func:`datamap_schema` as deterministic, indented JSON text."""
    return json.dumps(datamap_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def record_schema() -> dict[str, Any]:
    """JSON Schema of ``record.json``, the rendered Article 30 record."""
    from ..outputs.record_formats.json_format import record_schema as schema

    return schema()


def record_schema_json() -> str:
    """:func:`record_schema` as deterministic, indented JSON text."""
    return json.dumps(record_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
