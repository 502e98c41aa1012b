"""JSON Schemas published by the library."""

from __future__ import annotations

import json
from typing import Any

from ..core import countrycodes
from ..model.base import COUNTRY_PATTERN, PATTERN_HINTS
from ..model.datamap import DataMap

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

#: The definition every country code refers to (``$ref``), listing the ISO 3166-1 codes once.
COUNTRY_DEF = "CountryCode"


def datamap_schema() -> dict[str, Any]:
    """JSON Schema of the YAML data map, generated from the model.

    Standard validators (check-jsonschema, Ajv) accept it as Draft 2020-12. For editors using
    yaml-language-server, each described node also has a ``markdownDescription`` (shown on
    hover) and each pattern an ``errorMessage`` with the command line's own hint.
    """
    schema = DataMap.model_json_schema(by_alias=True, mode="validation")
    schema = _editor_annotations(_country_refs(schema, countrycodes.codes()))
    defs = {**schema.get("$defs", {}), COUNTRY_DEF: _country_definition()}
    return {
        **schema,
        "$defs": dict(sorted(defs.items())),
        "$schema": SCHEMA_DIALECT,
        "title": "harmonien_ropa data map",
    }


def _country_definition() -> dict[str, Any]:
    codes = countrycodes.codes()
    hint = PATTERN_HINTS[COUNTRY_PATTERN]
    return {
        "type": "string",
        "enum": list(codes),
        "description": "ISO 3166-1 alpha-2 country code in capitals, e.g. NO, SE, US.",
        "markdownDescription": "ISO 3166-1 alpha-2 country code in capitals, e.g. `NO`, `SE`, "
        '`US` (quote `"NO"` to be safe).',
        "markdownEnumDescriptions": [
            f"{countrycodes.name(code, 'en')} ({countrycodes.name(code, 'nb')})" for code in codes
        ],
        "errorMessage": f"not an ISO 3166-1 alpha-2 country code: {hint}",
        "title": COUNTRY_DEF,
    }


def _country_refs(node: Any, codes: tuple[str, ...]) -> Any:
    """``node`` with every inline list of the country codes replaced by a ``$ref``."""
    if isinstance(node, dict):
        if node.get("enum") == list(codes):
            rest = {k: v for k, v in node.items() if k not in {"enum", "type"}}
            return {"$ref": f"#/$defs/{COUNTRY_DEF}", **rest}
        return {key: _country_refs(value, codes) for key, value in node.items()}
    if isinstance(node, list):
        return [_country_refs(value, codes) for value in node]
    return node


#: Keywords whose value is data, not a schema: left as they are.
_VALUES = frozenset({"const", "default", "enum", "examples"})


def _editor_annotations(node: Any) -> Any:
    """``markdownDescription`` beside each ``description`` and an ``errorMessage`` (the hint the
    command line gives) beside each known ``pattern`` (yaml-language-server keywords, which
    other validators ignore)."""
    if isinstance(node, list):
        return [_editor_annotations(value) for value in node]
    if not isinstance(node, dict):
        return node
    out = {
        key: value if key in _VALUES else _editor_annotations(value) for key, value in node.items()
    }
    if isinstance(out.get("description"), str) and "markdownDescription" not in out:
        out["markdownDescription"] = out["description"]
    pattern = out.get("pattern")
    if isinstance(pattern, str) and pattern in PATTERN_HINTS and "errorMessage" not in out:
        out["errorMessage"] = f"not a valid value: {PATTERN_HINTS[pattern]}"
    return out


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
