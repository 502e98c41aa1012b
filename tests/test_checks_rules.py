"""Every rule fires on its docstring's failing example and stays silent on its passing one."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import pytest
import yaml

from harmonien_ropa.checks import (
    GROUPS,
    RULES,
    CheckConfig,
    Rule,
    SelectionError,
    check,
)
from harmonien_ropa.checks.engine import CheckResult
from harmonien_ropa.checks.examples import (
    base_text,
    example_config,
    example_map,
    example_text,
    merge,
)
from harmonien_ropa.checks.registry import resolve, selection
from harmonien_ropa.checks.rule import Context, Hit, example_problems
from harmonien_ropa.checks.scan_rules import SCAN_RULES
from harmonien_ropa.core.diagnostics import Severity

CODES = sorted(RULES)
#: The examples are checked with a fixed "today", so that rules about dates run on them.


def _codes(overlay: str, rule: Rule | None = None) -> list[str]:
    return [d.code for d in _check(overlay, rule).findings]


def _check(overlay: str, rule: Rule | None) -> CheckResult:
    """The findings on the reference map with ``overlay``, as on ``rule``'s example date."""
    loaded = example_map(overlay)
    return check(loaded, example_config(loaded, rule) if rule is not None else None)


def test_there_are_at_least_25_rules_in_every_group() -> None:
    assert len(RULES) >= 25
    for group in GROUPS:
        assert any(code.startswith(group.prefix) for code in RULES), group


def test_reference_map_has_no_findings() -> None:
    result = check(example_map(""))
    assert result.findings == ()
    assert result.acknowledged == ()


@pytest.mark.parametrize("code", CODES)
def test_rule_fires_on_failing_example(code: str) -> None:
    rule = RULES[code]
    findings = [d for d in _check(rule.examples()["failing"], rule).findings if d.code == code]
    assert findings, f"{code} did not fire on its failing example"
    for finding in findings:
        assert finding.severity is rule.severity
        assert finding.law == rule.law
        assert finding.fix == rule.fix
        assert finding.line >= 1
        assert "{" not in finding.message


@pytest.mark.parametrize("code", CODES)
def test_rule_is_silent_on_passing_example(code: str) -> None:
    assert code not in _codes(RULES[code].examples()["passing"], RULES[code])


#: Rules whose finding sits on a key the failing example does not write itself.
_POINTS_ELSEWHERE = {"ROPA304": "period", "ROPA404": "legal_basis", "ROPA701": "status"}


@pytest.mark.parametrize("code", CODES)
def test_failing_finding_points_into_the_example(code: str) -> None:
    """The finding's line holds a key the failing example writes (or starts its entry)."""
    rule = RULES[code]
    lines = example_text(rule.examples()["failing"]).splitlines()
    allowed = set(_keys(yaml.safe_load(rule.examples()["failing"])))
    allowed.add(_POINTS_ELSEWHERE.get(code, "id"))
    findings = _check(rule.examples()["failing"], rule).findings
    assert code in {f.code for f in findings}
    for finding in findings:
        if finding.code != code:
            continue
        line = lines[finding.line - 1]
        assert finding.column <= len(line), (code, line)
        if line.strip().startswith("- ") and ":" not in line:
            continue  # an item of a list the example sets
        key = line.strip().removeprefix("- ").split(":")[0].strip()
        assert key in allowed, (code, line)


def _keys(node: object) -> list[str]:
    found: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            found.append(str(key))
            found.extend(_keys(value))
    elif isinstance(node, list):
        for item in node:
            found.extend(_keys(item))
    return found


def test_rule_attributes_are_complete() -> None:
    for code, rule in RULES.items():
        assert rule.code == code
        assert rule.summary().endswith(".")
        assert isinstance(rule.severity, Severity)
        assert rule.name not in {other.name for other in RULES.values() if other is not rule}


def test_every_rule_example_is_a_yaml_mapping() -> None:
    for code, rule in RULES.items():
        assert example_problems(type(rule)) == [], code


class _Unmapped(Rule):
    """Examples that are no YAML mappings (a list; an unclosed flow sequence).

    Failing::

        - a
        - b

    Passing::

        key: [unclosed
    """

    code = "ROPA198"
    name = "unmapped-examples"
    severity = Severity.ERROR
    law = "GDPR"
    message = "m"
    fix = "f"

    def check(self, ctx: Context) -> Iterator[Hit]:
        yield from ()


def test_example_problems_names_what_is_not_a_mapping() -> None:
    problems = example_problems(_Unmapped)
    assert problems[0] == "failing example must be a YAML mapping"
    assert problems[1].startswith("passing example is not YAML: ")
    assert len(problems) == 2


def test_invalid_rule_class_is_refused() -> None:
    with pytest.raises(TypeError, match="code 'R1' must look like ROPA101") as info:

        class Bad(Rule):
            """No examples here."""

            code = "R1"
            name = "Bad_Name"
            severity = Severity.ERROR
            law = "GDPR"
            message = "m"
            fix = "f"

    text = str(info.value)
    assert "kebab-case" in text
    assert "must implement check()" in text
    assert "'Failing::'" in text


def test_rule_missing_attributes_is_refused() -> None:
    with pytest.raises(TypeError, match="missing class attribute 'law'"):

        class Incomplete(Rule):
            code = "ROPA199"
            name = "incomplete"
            severity = Severity.ERROR
            message = "m"
            fix = "f"


def test_abstract_rule_base_skips_validation() -> None:
    class Base(Rule, abstract=True):
        topic: ClassVar[str] = "x"

    assert Base.topic == "x"


def test_selection_by_code_prefix_group_and_name() -> None:
    assert resolve("ROPA101") == {"ROPA101"}
    assert resolve("ropa101") == {"ROPA101"}
    assert resolve("ROPA1") == {c for c in RULES if c.startswith("ROPA1")}
    assert resolve("retention") == {c for c in RULES if c.startswith("ROPA3")}
    assert resolve("missing-legal-basis") == {"ROPA101"}
    # ALL and an empty selection include the findings of ``scan`` (SCAN1xx), which share the
    # checker's settings.
    assert resolve("ALL") == set(RULES) | set(SCAN_RULES)
    assert selection((), ("ROPA9",)) == {
        c for c in (*RULES, *SCAN_RULES) if not c.startswith("ROPA9")
    }
    assert selection(("ROPA1",), ("ROPA101",)) == resolve("ROPA1") - {"ROPA101"}


@pytest.mark.parametrize("bad", ["ROPA0", "nonsense", "ROPA12345", ""])
def test_unknown_selector_is_an_error(bad: str) -> None:
    with pytest.raises(SelectionError, match="names no rule"):
        resolve(bad)


def test_selected_rules_only_run() -> None:
    overlay = "activities:\n  - id: membership\n    legal_basis: null\n    retention: null\n"
    result = check(example_map(overlay), CheckConfig(select=("ROPA3",)))
    assert {d.code for d in result.findings} == {"ROPA301"}
    assert all(rule.code.startswith("ROPA3") for rule in result.rules)


def test_merge_matches_ids_and_replaces_other_lists() -> None:
    base = yaml.safe_load(base_text())
    merged = merge(
        base,
        {"activities": [{"id": "membership", "systems": []}, {"id": "new"}], "x": [1]},
    )
    assert [a["id"] for a in merged["activities"]] == ["membership", "new"]
    assert merged["activities"][0]["systems"] == []
    assert merged["activities"][0]["purpose"] == base["activities"][0]["purpose"]
    assert merged["x"] == [1]


def _ropa409(overlay: str) -> list[str]:
    return [d.message for d in check(example_map(overlay)).findings if d.code == "ROPA409"]


def test_notice_cannot_show_asks_the_notice_view() -> None:
    """ROPA409 reports what the notice's view does not show, and nothing it shows."""
    assert _ropa409(RULES["ROPA409"].examples()["failing"]) == [
        "activity 'membership'.transfers[0] gives 'safeguards', but the notice has no place for it"
    ]
    # Fields the view shows: the representative, a legal source, a provision, a copy owed.
    shown = """
        organisation:
          representative: {name: Rep GmbH, email: rep@example.org}
        parties:
          - id: cloudmail
            name: Cloudmail Inc.
            role: processor
            country: US
            dpa: true
        activities:
          - id: membership
            legal_basis: legal_obligation
            legal_source: bokføringsloven § 13
            provision: {nb: Loven krever det., en: The law requires it.}
            recipients: [cloudmail]
            transfers:
              - party: cloudmail
                country: US
                mechanism: scc
                safeguards_copy: {nb: Be oss om en kopi., en: Ask us for a copy.}
    """
    assert _ropa409(shown) == []


def test_notice_cannot_show_passes_over_what_the_law_does_not_ask() -> None:
    """A copy of the safeguards is not owed under an adequacy decision: not shown, not reported."""
    overlay = """
        parties:
          - id: cloudmail
            name: Cloudmail Inc.
            role: processor
            country: CH
            dpa: true
            safeguards_copy: {nb: Be oss om en kopi., en: Ask us for a copy.}
        activities:
          - id: membership
            recipients: [cloudmail]
            transfers:
              - party: cloudmail
                country: CH
                mechanism: adequacy
                safeguards_copy: {nb: Be oss om en kopi., en: Ask us for a copy.}
    """
    assert _ropa409(overlay) == []
