"""The committed JSON Schemas (used by editors via yaml-language-server) match the model.

After a model change, regenerate them with ``UPDATE_GOLDEN=1 pytest tests/test_schema_files.py``.
"""

from __future__ import annotations

import os

import pytest
from support.paths import ROOT

from harmonien_ropa.schema.json_schemas import datamap_schema_json, record_schema_json


@pytest.mark.parametrize(
    ("name", "generate"),
    [("datamap.schema.json", datamap_schema_json), ("record.schema.json", record_schema_json)],
)
def test_committed_schema_is_current(name: str, generate: object) -> None:
    path = ROOT / "schema" / name
    text = generate()  # type: ignore[operator]
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == text


def test_harmonien_data_points_editors_at_the_committed_schema() -> None:
    first = (ROOT / "data" / "processing.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schema/datamap.schema.json"
    assert (ROOT / "schema" / "datamap.schema.json").is_file()
