"""``check`` on the command line: formats, exit codes, settings, and Harmonien's real gaps."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support import bad_yaml
from support.cli import CliResult, run_cli
from support.paths import FIXTURES, HARMONIEN_YAML, ROOT

SAMPLE = FIXTURES / "check_sample.yaml"


def run(*args: str, cwd: Path = ROOT) -> CliResult:
    return run_cli("check", *args, cwd=cwd)


def _line_of(needle: str, after: str) -> int:
    lines = HARMONIEN_YAML.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if after in line)
    return next(i for i, line in enumerate(lines) if i >= start and needle in line) + 1


@pytest.fixture(scope="module")
def harmonien_text() -> str:
    proc = run("--data", "data/processing.yaml")
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr == ""
    return proc.stdout


@pytest.mark.parametrize(
    ("code", "needle", "after"),
    [
        ("ROPA901", "legal_basis: >-", "id: ticket-administration"),  # unconfirmed basis
        ("ROPA901", "art9_condition: >-", "id: wheelchair-seating"),  # Art. 9 assumed
        ("ROPA901", "mechanism: *dpf", "id: web-analytics-ads"),  # Google transfer assumed
        ("ROPA901", "transfer_mechanism: *dpf", "id: meta"),  # Meta's mechanism assumed
        ("ROPA901", "justification: >-", "id: national-id"),  # fødselsnummer need assumed
        ("ROPA901", "appointed: >-", "dpo:"),  # DPO decision assumed
        ("ROPA701", "status: not_assessed", "id: ad-targeting"),  # DPIA for targeting
        ("ROPA410", "nb: >-", "seed_texts:"),  # seed wording the law contradicts
        ("ROPA900", "importer: *importer", "id: ad-targeting"),  # US importer assumed
        ("ROPA302", "text:", "id: web-analytics-ads"),  # vague retention
        ("ROPA104", "legitimate_interest:", "name: {nb: Potensielle kunder"),  # no balancing test
        ("ROPA604", "legal_basis: legitimate_interests", "id: ad-targeting"),
        ("ROPA404", "legal_basis: contract", "id: wheelchair-seating"),
    ],
)
def test_harmonien_gaps_are_reported_at_their_line(
    harmonien_text: str, code: str, needle: str, after: str
) -> None:
    line = _line_of(needle, after)
    assert any(
        row.startswith(f"data/processing.yaml:{line}:") and f" {code} " in row
        for row in harmonien_text.splitlines()
    ), (code, line)


def test_harmonien_lists_every_assumption_once(harmonien_text: str) -> None:
    import harmonien_ropa as hr

    count = sum(1 for _ in hr.load(HARMONIEN_YAML).assumptions())
    rows = [r for r in harmonien_text.splitlines() if " ROPA900 " in r or " ROPA901 " in r]
    assert len(rows) == count


def test_clean_map_exits_zero(tmp_path: Path) -> None:
    from harmonien_ropa.checks.examples import example_text

    path = tmp_path / "clean.yaml"
    path.write_text(example_text(""), encoding="utf-8")
    proc = run("--data", str(path), "--fail-on", "info")
    assert proc.returncode == 0, proc.stdout
    assert "0 errors, 0 warnings, 0 info" in proc.stdout


def test_fail_on_and_select_set_the_exit_code() -> None:
    assert run("--data", str(SAMPLE)).returncode == 1
    assert run("--data", str(SAMPLE), "--fail-on", "never").returncode == 0
    only_info = run("--data", str(SAMPLE), "--select", "ROPA9", "--ignore", "ROPA902,ROPA903")
    assert only_info.returncode == 0, only_info.stdout
    assert "ROPA900" in only_info.stdout
    assert run("--data", str(SAMPLE), "--select", "map", "--fail-on", "info").returncode == 1


def test_bad_selector_is_invalid_input() -> None:
    proc = run("--data", str(SAMPLE), "--select", "ROPA0")
    assert proc.returncode == 2
    assert "names no rule" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_invalid_map_exits_two_with_load_errors(tmp_path: Path) -> None:
    bad = bad_yaml.case_file("dangling_system", tmp_path)
    proc = run("--data", str(bad), "--format", "sarif")
    assert proc.returncode == 2
    assert "ROPA006" in proc.stderr
    assert proc.stdout == ""


def test_json_and_sarif_formats() -> None:
    data = json.loads(run("--data", str(SAMPLE), "--format", "json").stdout)
    assert data["summary"]["error"] == 5
    sarif = json.loads(run("--data", str(SAMPLE), "--format", "sarif").stdout)
    assert sarif["version"] == "2.1.0"


def test_pyproject_settings_apply(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.harmonien_ropa]\nselect = ["retention"]\nfail-on = "warning"\n', encoding="utf-8"
    )
    target = tmp_path / "map.yaml"
    target.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    proc = run("--data", str(target))
    assert proc.returncode == 0  # the only retention finding is acknowledged
    assert "ROPA101" not in proc.stdout
    assert "1 acknowledged" in proc.stdout
    proc = run("--data", str(target), "--select", "ROPA1")
    assert proc.returncode == 1
    assert "ROPA101" in proc.stdout
    proc = run("--data", str(target), "--config", str(tmp_path / "missing.toml"))
    assert proc.returncode == 2


def test_a_pyproject_above_the_repository_root_is_not_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from harmonien_ropa.cli import main

    (tmp_path / "pyproject.toml").write_text(
        '[tool.harmonien_ropa]\nignore = ["ROPA"]\n', encoding="utf-8"
    )
    repo = tmp_path / "repo"
    (repo / "data").mkdir(parents=True)
    (repo / ".git").mkdir()
    target = repo / "data" / "map.yaml"
    target.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["check", "--data", str(target)]) == 1  # the planted file silences nothing
    assert "settings from" not in capsys.readouterr().err
    (repo / ".git").rmdir()  # outside a repository: only the data file's own folder
    assert main(["check", "--data", str(target)]) == 1
    (repo / ".git").mkdir()
    (repo / "pyproject.toml").write_text(
        '[tool.harmonien_ropa]\nfail-on = "never"\n', encoding="utf-8"
    )
    assert main(["check", "--data", str(target)]) == 0
    err = capsys.readouterr().err
    assert f"harmonien-ropa: settings from {repo / 'pyproject.toml'} [tool.harmonien_ropa]" in err


def test_a_deeply_nested_pyproject_is_invalid_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from harmonien_ropa.cli import main

    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text(
        "x = " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8"
    )
    target = tmp_path / "map.yaml"
    target.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["check", "--data", str(target)]) == 2
    err = capsys.readouterr().err
    assert f"cannot read settings from {tmp_path / 'pyproject.toml'}: " in err
    assert "nested too deeply" in err
    assert "internal error" not in err


def test_several_data_maps_are_checked_each_on_its_own(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from harmonien_ropa.cli import main

    good = tmp_path / "good.yaml"
    good.write_text("settings: {check: {fail_on: never}}\n" + SAMPLE.read_text("utf-8"), "utf-8")
    findings = tmp_path / "findings.yaml"
    findings.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    broken = tmp_path / "broken.yaml"
    broken.write_text("organisation: [\n", encoding="utf-8")
    assert main(["check", str(good)]) == 0
    assert main(["check", str(good), str(findings)]) == 1
    out = capsys.readouterr().out
    assert str(findings) in out
    assert main(["check", "--data", str(good), str(broken), str(findings)]) == 2
    captured = capsys.readouterr()
    assert f"{broken}:2:1: error" in captured.err
    assert str(findings) in captured.out  # the files after a broken one are still checked
    assert main(["check", "--format", "json", str(good), str(findings)]) == 2
    assert "one data map" in capsys.readouterr().err


def test_coverage_text_and_json() -> None:
    text = run("--coverage")
    assert text.returncode == 0
    assert text.stdout.startswith("Coverage: S stated")
    assert "ticket-administration" in text.stdout
    data = json.loads(run("--coverage", "--format", "json").stdout)
    import harmonien_ropa as hr

    assert len(data["activities"]) == len(hr.load(HARMONIEN_YAML).activities)
    sarif = run("--coverage", "--format", "sarif")
    assert sarif.returncode == 2
    assert "--coverage prints text or json" in sarif.stderr


def test_output_is_deterministic() -> None:
    first = run("--format", "sarif")
    second = run("--format", "sarif")
    assert first.stdout == second.stdout
    assert first.stdout


def test_today_comes_from_the_option_then_the_environment_then_the_clock(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import datetime as dt

    from harmonien_ropa.checks.config import TODAY_VARIABLE, today_for_check

    monkeypatch.setenv(TODAY_VARIABLE, "2025-03-04")
    assert today_for_check("2024-01-02") == dt.date(2024, 1, 2)
    assert today_for_check(None) == dt.date(2025, 3, 4)
    monkeypatch.delenv(TODAY_VARIABLE)
    assert today_for_check(None) == dt.date.today()


def test_today_reaches_the_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime as dt

    from harmonien_ropa.checks import check
    from harmonien_ropa.checks.config import CheckConfig
    from harmonien_ropa.checks.rule import Context
    from harmonien_ropa.source.loading import load_with_positions

    seen: list[dt.date | None] = []
    original = Context.__init__

    def spy(self: Context, *args: object, **kwargs: object) -> None:
        original(self, *args, **kwargs)  # type: ignore[arg-type]
        seen.append(self.today)

    monkeypatch.setattr(Context, "__init__", spy)
    loaded = load_with_positions(SAMPLE)
    check(loaded, CheckConfig(today=dt.date(2030, 5, 6)))
    check(loaded, CheckConfig())
    assert seen == [dt.date(2030, 5, 6), None]


@pytest.mark.parametrize("value", ["yesterday", "2026-13-01", "05.12.2026"])
def test_a_today_that_is_not_a_date_is_invalid_input(value: str) -> None:
    result = run("--data", str(SAMPLE), "--today", value)
    assert result.returncode == 2
    assert "--today" in result.stderr
    assert "YYYY-MM-DD" in result.stderr
