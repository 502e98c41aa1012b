"""The data map's JSON Schema as standard validators and editors read it (check-jsonschema).

The schema itself validates against its declared dialect (Draft 2020-12) with patterns read as
ECMA-262 regular expressions, the maps the loader accepts validate against it, and a map the
loader refuses for a country code is refused by the validator too. The hints editors show
(``errorMessage``) are the ones the command line gives.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from check_jsonschema.cli.main_command import main as check_jsonschema
from click.testing import CliRunner
from support.paths import ROOT

from harmonien_ropa.cli import main
from harmonien_ropa.model.base import EMAIL_PATTERN, PATTERN_HINTS, URL_PATTERN
from harmonien_ropa.schema.json_schemas import SCHEMA_DIALECT, datamap_schema, datamap_schema_json

FIXTURES = ROOT / "tests" / "fixtures"
GOOD = ROOT / "tests" / "good_yaml"


@pytest.fixture(scope="module")
def schema_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("schema") / "datamap.schema.json"
    path.write_text(datamap_schema_json(), encoding="utf-8")
    return path


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(check_jsonschema, list(args))
    return result.exit_code, result.output


def test_the_schema_is_valid_draft_2020_12_with_ecmascript_patterns(schema_file: Path) -> None:
    assert datamap_schema()["$schema"] == SCHEMA_DIALECT
    code, output = _run("--check-metaschema", "--regex-variant", "default", str(schema_file))
    assert code == 0, output
    assert "ok -- validation done" in output


def test_no_pattern_uses_an_escape_ecmascript_refuses() -> None:
    patterns = list(_values(datamap_schema(), "pattern"))
    assert EMAIL_PATTERN in patterns
    assert URL_PATTERN in patterns
    assert not [p for p in patterns if '\\"' in p or "\\'" in p]


def test_harmonien_and_the_fixtures_validate(schema_file: Path) -> None:
    maps = [ROOT / "data" / "processing.yaml", *sorted(FIXTURES.glob("*.yaml"))]
    maps += sorted(GOOD.glob("*.yaml"))
    code, output = _run("--schemafile", str(schema_file), *map(str, maps))
    assert code == 0, output


def test_a_map_with_a_wrong_country_or_address_is_rejected(
    schema_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (FIXTURES / "small.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(text.replace("country: US", "country: UK", 1), encoding="utf-8")
    assert "country: UK" in bad.read_text(encoding="utf-8")
    code, output = _run("--schemafile", str(schema_file), str(bad))
    assert code == 1
    assert "'UK' is not one of ['AD', 'AE'" in output
    assert main(["check", "--data", str(bad)]) == 2  # the loader refuses it too
    assert "'UK' is not a valid country code" in capsys.readouterr().err


def test_editor_hints_are_the_command_line_s(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    schema = datamap_schema()
    messages = set(_values(schema, "errorMessage"))
    assert {f"not a valid value: {PATTERN_HINTS[URL_PATTERN]}"} <= messages
    described = list(_nodes(schema))
    assert all(
        node["markdownDescription"] == node["description"]
        for node in described
        if isinstance(node.get("description"), str) and node.get("title") != "CountryCode"
    )
    text = (FIXTURES / "small.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(text.replace("https://", "ftp://", 1), encoding="utf-8")
    assert main(["check", "--data", str(bad)]) == 2
    assert f"fix: {PATTERN_HINTS[URL_PATTERN]}" in capsys.readouterr().err
    country = schema["$defs"]["CountryCode"]
    assert len(country["enum"]) == len(country["markdownEnumDescriptions"]) == 249
    assert "United States (USA)" in country["markdownEnumDescriptions"]


def _nodes(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for key, value in node.items():
            if key not in {"enum", "default", "examples", "const"}:
                yield from _nodes(value)
    elif isinstance(node, list):
        for value in node:
            yield from _nodes(value)


def _values(schema: dict[str, Any], key: str) -> Iterator[str]:
    for node in _nodes(schema):
        if isinstance(node.get(key), str):
            yield node[key]


def test_the_committed_schema_is_json() -> None:
    json.loads((ROOT / "schema" / "datamap.schema.json").read_text(encoding="utf-8"))
