"""Making a check's findings and their reports: each distinct finding made once, the report's
parts that a rule writes alike for each finding made once per rule, and the reports the same as
each finding written on its own. Counted (calls, lines run), never timed."""

from __future__ import annotations

import dataclasses
import functools
from typing import Any

import pytest
from support.paths import FIXTURES
from support.work import lines_run
from test_yaml_native import _bench_generate

from harmonien_ropa.checks import REPORTERS, check, reporters
from harmonien_ropa.checks.config import cli_layer, combine
from harmonien_ropa.checks.engine import CheckResult
from harmonien_ropa.core.diagnostics import Diagnostic, Severity, invisible_in, visible
from harmonien_ropa.source.loading import load_with_positions, loads_with_positions


@pytest.fixture(scope="module")
def result() -> CheckResult:
    text = str(_bench_generate().generate(120, seed=4))
    found = check(loads_with_positions(text, "m.yaml"))
    assert len(found.findings) > 150
    return found


def _one_by_one(diagnostics: tuple[Diagnostic, ...]) -> list[str]:
    """Each finding's lines as written on its own (``_finding``)."""
    return [line for diagnostic in diagnostics for line in reporters._finding(diagnostic)]


def test_the_text_report_writes_each_finding_as_on_its_own(result: CheckResult) -> None:
    report = REPORTERS["text"](result)
    lines = _one_by_one(result.findings)
    assert report.startswith("\n".join(lines) + "\n")
    # a message, a path, a fix or a law holding characters a terminal may act on
    odd = [
        dataclasses.replace(result.findings[0], message="a\x1b[2Jb\u202ec\nd"),
        dataclasses.replace(result.findings[1], path="p\x9bq.yaml"),
        dataclasses.replace(result.findings[2], fix="f\u200bx", law=None),
        dataclasses.replace(result.findings[3], law="l\x00w", fix=None),
        *result.findings[4:],
    ]
    assert invisible_in(d.message for d in odd)
    escaped = reporters._findings(tuple(odd))
    assert escaped == ["\n".join(reporters._finding(d)) for d in odd]
    assert "\\x1b[2Jb\\u202ec\\x0ad" in escaped[0]
    assert "p\\x9bq.yaml:" in escaped[1]
    assert not invisible_in("\n".join(escaped).split("\n"))


def test_the_text_report_escapes_once_per_rule_not_once_per_finding(
    result: CheckResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where no message holds a character to escape, the path, law and fix of each rule are
    escaped once: as many calls for a report of 100 findings as for one of all of them."""
    calls: list[str] = []

    def counting(text: str) -> str:
        calls.append(text)
        return visible(text)

    monkeypatch.setattr(reporters, "visible", counting)
    counts = []
    for size in (100, len(result.findings)):
        calls.clear()
        part = dataclasses.replace(result, findings=result.findings[:size], acknowledged=())
        REPORTERS["text"](part)
        counts.append(len(calls))
    rules = {d.code for d in result.findings}
    assert counts[1] <= 1 + 2 * len(rules)
    assert counts[0] <= counts[1]

    files = ("checks/reporters.py", "core/diagnostics.py")
    lines = [
        lines_run(functools.partial(reporters._findings, result.findings[:size]), *files)
        for size in (100, 150)
    ]
    # lines run per further finding: 10 (20 when each was written and escaped on its own)
    assert (lines[1] - lines[0]) / 50 <= 12


def test_a_check_never_hashes_a_finding(monkeypatch: pytest.MonkeyPatch) -> None:
    """Findings are told apart and sorted by their place, code and message before they are
    made: none is hashed (each of those costs a tuple of all its fields) nor compared."""
    text = str(_bench_generate().generate(40, seed=5))
    loaded = loads_with_positions(text, "m.yaml")
    used: list[str] = []

    def hashing(self: Diagnostic) -> int:
        used.append("hash")
        return 0

    def comparing(self: Diagnostic, other: Any) -> bool:
        used.append("compare")
        return False

    monkeypatch.setattr(Diagnostic, "__hash__", hashing)
    monkeypatch.setattr(Diagnostic, "__lt__", comparing)
    monkeypatch.setattr(Diagnostic, "__eq__", comparing)
    found = check(loaded)
    assert len(found.findings) > 40
    assert not used


def test_to_dict_has_every_field_in_order() -> None:
    diagnostic = Diagnostic("m.yaml", 3, 4, "ROPA101", Severity.WARNING, "m", "f", None)
    expected = {f.name: getattr(diagnostic, f.name) for f in dataclasses.fields(Diagnostic)}
    expected["severity"] = "warning"
    assert diagnostic.to_dict() == expected
    assert list(diagnostic.to_dict()) == list(expected)
    assert type(diagnostic.to_dict()["severity"]) is str


def test_the_acknowledging_statements_are_those_of_every_statement() -> None:
    """The engine and the rules about acknowledgements (ROPA902, ROPA903) read one list of the
    statements that acknowledge a finding, noted by the walk: the same as picking them out of
    every statement, and the check's acknowledged findings are the same without those rules."""
    from harmonien_ropa.checks import Context
    from harmonien_ropa.checks import engine as engine_module

    loaded = load_with_positions(FIXTURES / "check_sample.yaml")
    listed = Context(loaded.datamap).acknowledging()
    assert listed
    every_statement = Context(loaded.datamap).statements()
    assert listed == [place for place in every_statement if place[1].acknowledge]
    every = check(loaded)
    layers = (engine_module.settings_layer(loaded), cli_layer(None, ("ROPA902", "ROPA903"), None))
    without = check(loaded, combine(*layers))
    assert every.acknowledged
    assert without.acknowledged == every.acknowledged


def test_every_character_escaped_is_one_isprintable_refuses() -> None:
    """``invisible_in`` searches only text that ``str.isprintable`` refuses: every character
    that ``visible`` escapes must be one it refuses."""
    printable = "".join(char for char in map(chr, range(0x110000)) if char.isprintable())
    assert visible(printable) == printable  # none of them escaped
    for char in "\x00\n\x1b\x7f\x9b\u061c\u200b\u2028\u202e\u2066\ufeff":
        assert visible(char) != char
        assert invisible_in(["text ", char, " more"])
    assert not invisible_in(["text\u00a0with a no-break space", "and æøå"])  # not printable, kept
