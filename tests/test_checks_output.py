"""Reporters (text, JSON, SARIF 2.1.0 validated against the official schema) and coverage.

Golden files live in tests/golden/; regenerate them with ``UPDATE_GOLDEN=1 pytest``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest
from support.paths import FIXTURES, HARMONIEN_YAML

from harmonien_ropa.checks import REPORTERS, CheckResult, check
from harmonien_ropa.checks.coverage import coverage, coverage_json, coverage_text
from harmonien_ropa.checks.sarif import artifact_uri, sarif_log
from harmonien_ropa.source.loading import load_with_positions

GOLDEN = Path(__file__).parent / "golden"
SAMPLE = FIXTURES / "check_sample.yaml"
SAMPLE_NAME = "tests/fixtures/check_sample.yaml"
SARIF_SCHEMA = json.loads((FIXTURES / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def _golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(actual, encoding="utf-8")
    assert path.is_file(), f"missing golden file {path}; run with UPDATE_GOLDEN=1"
    assert actual == path.read_text(encoding="utf-8")


def _sample() -> CheckResult:
    return check(load_with_positions(SAMPLE, display_path=SAMPLE_NAME))


def test_text_report_golden() -> None:
    _golden("check_sample.txt", REPORTERS["text"](_sample()))


def test_text_report_format() -> None:
    text = REPORTERS["text"](_sample())
    first = text.splitlines()[0]
    assert first.startswith(f"{SAMPLE_NAME}:3:1: warning ROPA704 ")
    assert "\nacknowledged (1):\n" in text
    assert text.rstrip().endswith("FAILED (fail-on error)")


def test_json_report() -> None:
    result = _sample()
    data = json.loads(REPORTERS["json"](result))
    assert data["path"] == SAMPLE_NAME
    assert data["failed"] is True
    assert data["summary"] == {"error": 5, "warning": 8, "info": 2, "acknowledged": 1}
    first = data["findings"][0]
    assert set(first) == {"path", "line", "column", "code", "severity", "message", "fix", "law"}
    (ack,) = data["acknowledged"]
    assert ack["code"] == "ROPA302"
    assert ack["reason"].startswith("The board")
    assert ack["acknowledged_at"]["line"] > ack["line"]


def test_sarif_is_valid_against_the_official_schema() -> None:
    result = _sample()
    log = json.loads(REPORTERS["sarif"](result))
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert len(rules) == len(result.rules)
    results = run["results"]
    assert len(results) == len(result.findings) + len(result.acknowledged)
    for item in results:
        assert rules[item["ruleIndex"]]["id"] == item["ruleId"]
        assert item["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == SAMPLE_NAME
    suppressed = [r for r in results if "suppressions" in r]
    assert [r["ruleId"] for r in suppressed] == ["ROPA302"]
    assert suppressed[0]["suppressions"][0]["kind"] == "inSource"
    levels = {r["ruleId"]: r["level"] for r in results}
    assert levels["ROPA101"] == "error"
    assert levels["ROPA900"] == "note"


def test_sarif_for_harmonien_is_valid() -> None:
    log = sarif_log(check(load_with_positions(HARMONIEN_YAML, display_path="data/processing.yaml")))
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    assert log["runs"][0]["results"]


def test_schema_validation_catches_a_broken_log() -> None:
    log = sarif_log(_sample())
    log["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        ("data/processing.yaml", "data/processing.yaml"),
        ("/srv/map.yaml", "file:///srv/map.yaml"),
        ("data\\map.yaml", "data/map.yaml"),
        ("C:\\maps\\x.yaml", "file:///C:/maps/x.yaml"),
    ],
)
def test_artifact_uri(path: str, uri: str) -> None:
    assert artifact_uri(path) == uri


def test_coverage_text_golden() -> None:
    _golden("coverage_sample.txt", coverage_text(coverage(load_with_positions(SAMPLE).datamap)))


def test_coverage_of_harmonien() -> None:
    table = coverage(load_with_positions(HARMONIEN_YAML).datamap)
    data = json.loads(coverage_json(table))
    assert [a["id"] for a in data["activities"]][:2] == [
        "ticket-administration",
        "wheelchair-seating",
    ]
    by_id = {a["id"]: a["items"] for a in data["activities"]}
    assert by_id["ticket-administration"]["13.1c"]["status"] == "assumed"
    assert by_id["accounting"]["30.1g"]["status"] == "missing"
    assert by_id["newsletter"]["13.2c"]["status"] == "assumed"
    assert by_id["ticket-administration"]["13.2c"]["status"] == "n/a"
    assert by_id["ad-targeting"]["30.1e"]["status"] == "assumed"
    assert by_id["prospects"]["14.2f"]["status"] == "assumed"
    assert by_id["accounting"]["30.1f"]["status"] == "assumed"
    totals = data["totals"]
    assert sum(totals.values()) == len(data["items"]) * len(data["activities"])
    text = coverage_text(table)
    assert "accounting: GDPR Art. 30(1)(g) security measures" in text


def test_coverage_marks_missing_items() -> None:
    data = json.loads(coverage_json(coverage(load_with_positions(SAMPLE).datamap)))
    items = data["activities"][0]["items"]
    assert items["13.1c"] == {"status": "missing", "note": "no Art. 6 basis"}
    assert items["13.1b"]["status"] == "missing"
    assert items["30.1e"]["status"] == "missing"
    assert items["30.1b"]["status"] == "assumed"
    assert items["14.2f"]["status"] == "n/a"
