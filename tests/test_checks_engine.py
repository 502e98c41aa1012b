"""The check engine: positions, acknowledgements, settings layers, fail-on."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from support.paths import FIXTURES, HARMONIEN_YAML

from harmonien_ropa.checks import CheckConfig, Layer, SelectionError, check, combine
from harmonien_ropa.checks.config import (
    cli_layer,
    find_pyproject,
    from_pyproject,
    from_settings,
)
from harmonien_ropa.checks.examples import example_map, example_text
from harmonien_ropa.core.diagnostics import Severity
from harmonien_ropa.core.errors import LoadError
from harmonien_ropa.source.loading import LoadedMap, load_with_positions, loads_with_positions

SAMPLE = FIXTURES / "check_sample.yaml"


def _line_of(path: Path, needle: str, after: str | None = None) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    start = 0
    if after is not None:
        start = next(i for i, line in enumerate(lines) if after in line)
    return next(i for i, line in enumerate(lines) if i >= start and needle in line) + 1


def test_load_with_positions_keeps_the_index() -> None:
    loaded = load_with_positions(HARMONIEN_YAML, display_path="data/processing.yaml")
    assert isinstance(loaded, LoadedMap)
    assert loaded.path == "data/processing.yaml"
    line, column = loaded.positions.find(("activities", 0, "legal_basis"))
    assert line == _line_of(HARMONIEN_YAML, "legal_basis: contract")
    assert column == len("    legal_basis: ") + 1
    assert loaded.datamap.activities[0].id == "ticket-administration"


def test_findings_point_at_the_offending_node() -> None:
    result = check(load_with_positions(SAMPLE))
    by_code = {d.code: d for d in result.findings}
    assert by_code["ROPA601"].line == _line_of(SAMPLE, "marketing: [email]")
    assert by_code["ROPA107"].line == _line_of(SAMPLE, "national_id: true")
    assert by_code["ROPA403"].line == _line_of(SAMPLE, "{nb: e-postadresse}")
    assert by_code["ROPA900"].line == _line_of(SAMPLE, "purpose: Written")
    assert by_code["ROPA900"].column == 7
    assert by_code["ROPA101"].line == _line_of(SAMPLE, "- id: membership")


def test_acknowledged_findings_are_listed_apart_with_the_reason() -> None:
    result = check(load_with_positions(SAMPLE))
    assert "ROPA302" not in {d.code for d in result.findings}
    (ack,) = result.acknowledged
    assert ack.diagnostic.code == "ROPA302"
    assert ack.reason == "The board reviews the wording in March."
    assert ack.line == _line_of(SAMPLE, "code: ROPA302")
    assert result.counts()["acknowledged"] == 1


def test_stale_and_unknown_acknowledgements_are_reported() -> None:
    result = check(load_with_positions(SAMPLE))
    stale = [d for d in result.findings if d.code == "ROPA902"]
    unknown = [d for d in result.findings if d.code == "ROPA903"]
    assert [d.line for d in stale] == [_line_of(SAMPLE, "code: ROPA207")]
    assert "ROPA207" in stale[0].message
    assert [d.line for d in unknown] == [_line_of(SAMPLE, "code: ROPA998")]


def test_acknowledgement_of_an_ignored_rule_is_not_stale() -> None:
    result = check(load_with_positions(SAMPLE), CheckConfig(ignore=("ROPA302", "ROPA207")))
    assert "ROPA902" not in {d.code for d in result.findings}
    assert result.acknowledged == ()


def test_acknowledgement_only_covers_its_own_entry() -> None:
    overlay = """
activities:
  - id: membership
    legal_basis: null
  - id: second
    name: {nb: To, en: Two}
    purpose: {nb: Formål., en: Purpose.}
    data_subjects: [members]
    data_categories: [name]
    sources: [{kind: data_subject}]
    retention: {text: {nb: Ett år., en: One year.}, period: P1Y, trigger: {nb: slutt, en: end}}
    dpia: {status: not_needed, reason: {nb: Lite., en: Small.}}
    systems: [register]
    acknowledge:
      - code: ROPA101
        reason: Decided later.
"""
    result = check(example_map(overlay))
    assert [d.code for d in result.findings if d.code == "ROPA101"] == ["ROPA101"]
    assert [a.diagnostic.code for a in result.acknowledged] == ["ROPA101"]
    assert "'second'" in result.acknowledged[0].diagnostic.message


def test_acknowledgement_on_a_parent_covers_nested_findings() -> None:
    overlay = """
organisation:
  acknowledge:
    - code: ROPA408
      reason: Per only answers letters.
  contacts:
    - name: Per Hansen
"""
    result = check(example_map(overlay))
    assert [a.diagnostic.code for a in result.acknowledged] == ["ROPA408"]
    assert "ROPA902" not in {d.code for d in result.findings}


def test_findings_are_sorted_deduplicated_and_deterministic() -> None:
    first = check(load_with_positions(HARMONIEN_YAML))
    second = check(load_with_positions(HARMONIEN_YAML))
    assert first.findings == second.findings
    assert list(first.findings) == sorted(first.findings)
    assert len(set(first.findings)) == len(first.findings)


@pytest.mark.parametrize(
    ("fail_on", "failed"),
    [("error", True), ("warning", True), ("info", True), ("never", False)],
)
def test_fail_on(fail_on: str, failed: bool) -> None:
    config = combine(cli_layer(None, None, fail_on))
    assert check(load_with_positions(SAMPLE), config).failed is failed


def test_fail_on_warning_ignores_info_only_maps() -> None:
    loaded = example_map("activities:\n  - id: membership\n    assumptions: {retention: guess}\n")
    assert {d.severity for d in check(loaded).findings} == {Severity.INFO}
    assert not check(loaded, CheckConfig(fail_on="warning")).failed
    assert check(loaded, CheckConfig(fail_on="info")).failed


def test_settings_block_in_the_yaml_is_used_by_default() -> None:
    text = example_text(
        "settings:\n  check:\n    ignore: [ROPA101]\n    fail_on: never\n"
        "activities:\n  - id: membership\n    legal_basis: null\n"
    )
    result = check(loads_with_positions(text))
    assert "ROPA101" not in {d.code for d in result.findings}
    assert result.config.fail_on == "never"


def test_layers_override_in_order(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        '[tool.harmonien_ropa]\nselect = ["ROPA1", "ROPA3"]\nfail-on = "warning"\n'
        '[tool.harmonien_ropa.check]\nignore = "ROPA104"\n',
        encoding="utf-8",
    )
    project = from_pyproject(pyproject)
    assert project == Layer(select=("ROPA1", "ROPA3"), ignore=("ROPA104",), fail_on="warning")
    loaded = example_map("settings: {check: {select: [legal-basis]}}")
    yaml_layer = from_settings(loaded.datamap.settings.check)
    assert yaml_layer.ignore is None
    config = combine(project, yaml_layer, cli_layer(None, ["ROPA101"], None))
    assert config == CheckConfig(select=("legal-basis",), ignore=("ROPA101",), fail_on="warning")
    assert config.codes() == {c for c in config.codes() if c.startswith("ROPA1")}
    assert "ROPA101" not in config.codes()


def test_find_pyproject_walks_up_to_the_repository_root(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    deep = repo / "a" / "b"
    deep.mkdir(parents=True)
    (repo / ".git").mkdir()
    (deep / "map.yaml").write_text("", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")  # above the root: never read
    assert find_pyproject(deep / "map.yaml") is None
    (repo / "pyproject.toml").write_text("", encoding="utf-8")
    assert find_pyproject(deep / "map.yaml") == repo / "pyproject.toml"
    (deep / "pyproject.toml").write_text("", encoding="utf-8")
    assert find_pyproject(deep / "map.yaml") == deep / "pyproject.toml"


def test_find_pyproject_outside_a_repository_reads_only_the_data_files_folder(
    tmp_path: Path,
) -> None:
    deep = tmp_path / "a"
    deep.mkdir()
    (deep / "map.yaml").write_text("", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    assert find_pyproject(deep / "map.yaml") is None
    (deep / "pyproject.toml").write_text("", encoding="utf-8")
    assert find_pyproject(deep / "map.yaml") == deep / "pyproject.toml"


def test_a_git_worktree_file_marks_the_repository_root(tmp_path: Path) -> None:
    (tmp_path / ".git").write_text("gitdir: /elsewhere\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    assert find_pyproject(tmp_path / "sub" / "map.yaml") == tmp_path / "pyproject.toml"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('[tool.harmonien_ropa]\nselect = ["nonsense"]\n', "names no rule"),
        ("[tool.harmonien_ropa]\nselect = [1]\n", "must be a list"),
        ('[tool.harmonien_ropa]\nfail-on = "sometimes"\n', "must be one of"),
        ("[tool.harmonien_ropa\n", "cannot read settings"),
    ],
)
def test_bad_pyproject_settings_are_errors(tmp_path: Path, content: str, message: str) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(content, encoding="utf-8")
    with pytest.raises(SelectionError, match=message):
        combine(from_pyproject(pyproject))


def test_bad_selector_in_the_yaml_is_a_load_error_at_its_line() -> None:
    text = example_text("settings:\n  check:\n    ignore: [ROPA101, nonsense]\n")
    loaded = loads_with_positions(text, "map.yaml")
    with pytest.raises(LoadError) as caught:
        check(loaded)
    (problem,) = caught.value.diagnostics
    lines = text.splitlines()
    assert "nonsense" in lines[problem.line - 1]
    assert problem.code == "ROPA004"
    assert "'nonsense' names no rule" in problem.message


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs chown")
def test_settings_or_a_repository_another_user_owns_are_not_trusted(tmp_path: Path) -> None:
    stranger = 54321
    repo = tmp_path / "repo"
    (repo / "data").mkdir(parents=True)
    (repo / ".git").mkdir()
    (repo / "pyproject.toml").write_text("", encoding="utf-8")
    assert find_pyproject(repo / "data" / "map.yaml") == repo / "pyproject.toml"
    os.chown(repo / "pyproject.toml", stranger, stranger)
    assert find_pyproject(repo / "data" / "map.yaml") is None
    (repo / "data" / "pyproject.toml").write_text("", encoding="utf-8")
    assert find_pyproject(repo / "data" / "map.yaml") == repo / "data" / "pyproject.toml"
    (repo / "data" / "pyproject.toml").unlink()
    os.chown(repo / "pyproject.toml", 0, 0)
    os.chown(repo / ".git", stranger, stranger)  # a planted repository: as outside one
    assert find_pyproject(repo / "data" / "map.yaml") is None


def test_findings_are_made_once_in_the_order_diagnostics_sort_in() -> None:
    """Each hit's finding once, in the order of ``sorted()`` on the findings themselves (the
    check tells them apart and sorts them by place, code and message, before making them):
    ties on place (locations falling back to one entry), on code and on message included."""
    import itertools
    import random

    from harmonien_ropa.checks.engine import _findings, diagnostic
    from harmonien_ropa.checks.registry import RULES

    loaded = load_with_positions(HARMONIEN_YAML)
    rules = [RULES[code] for code in ("ROPA403", "ROPA101", "ROPA900", "ROPA108")]
    locs = [
        ("activities", 1),
        ("activities", 1, "absent"),
        ("activities", 1, "absent", 3),
        ("activities", 0, "purpose"),
        ("organisation",),
    ]
    found = [
        (rule, rule.hit(loc, key=key, **dict.fromkeys(rule.placeholders(), word)))
        for rule, loc, key, word in itertools.product(rules, locs, (True, False), ("z", "a"))
    ]
    found += found[:7]  # the same hits again
    random.Random(5).shuffle(found)
    expected = sorted({diagnostic(loaded, rule, hit) for rule, hit in found})
    findings, acknowledged = _findings(loaded, found, {})
    assert list(findings) == expected
    assert len(expected) < len(found)
    assert not acknowledged
    result = check(load_with_positions(HARMONIEN_YAML))
    assert list(result.findings) == sorted(result.findings)
    assert len(result.findings) > 1
