"""Friendlier defaults: the bundled example named as such, render's verdict, quiet exports,
progress on a terminal only."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
from support.paths import SMALL_YAML

from harmonien_ropa.checks import check
from harmonien_ropa.checks.engine import configuration
from harmonien_ropa.cli import main
from harmonien_ropa.cli.progress import Progress
from harmonien_ropa.source.loading import load_with_positions

VERDICT = re.compile(
    r"^harmonien-ropa: check: (no errors or warnings"
    r"|((\d+) errors?)?(, )?((\d+) warnings?)? \(see 'harmonien-ropa check'\))$"
)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_check_without_a_map_names_the_bundled_example_and_init(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--select", "ROPA1"]) in (0, 1)
    err = capsys.readouterr().err
    assert "using the bundled example (Musikkselskapet Harmonien)" in err
    assert "harmonien-ropa init data/processing.yaml" in err


def test_a_map_in_the_folder_is_used_without_a_note(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "data").mkdir()
    shutil.copy(SMALL_YAML, tmp_path / "data" / "processing.yaml")
    monkeypatch.chdir(tmp_path)
    main(["check"])
    assert "bundled example" not in capsys.readouterr().err


def test_render_ends_with_the_checkers_verdict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "map.yaml"
    shutil.copy(SMALL_YAML, path)
    assert (
        main(["render", "--data", str(path), "--only", "model", "--out", str(tmp_path / "b")]) == 0
    )
    last = capsys.readouterr().err.splitlines()[-1]
    match = VERDICT.match(last)
    assert match, last
    loaded = load_with_positions(path)
    counts = check(loaded, configuration(loaded)).counts()
    assert int(match.group(3) or 0) == counts["error"]
    assert int(match.group(6) or 0) == counts["warning"]


def test_render_without_a_map_names_the_bundled_example(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["render", "--only", "model", "--out", "build"]) == 0
    err = capsys.readouterr().err
    assert "bundled example" in err
    assert "init" in err
    assert VERDICT.match(err.splitlines()[-1])


def test_export_mapping_warnings_only_when_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = str(tmp_path / "b")
    data = str(SMALL_YAML)
    assert main(["render", "--data", data, "--only", "model,dpv,fides", "--out", out]) == 0
    named = capsys.readouterr().err
    assert "without a DPV concept" in named
    assert "without a fideslang key" in named
    assert main(["render", "--data", data, "--only", "model", "--out", out]) == 0
    assert "without a" not in capsys.readouterr().err


def test_progress_shows_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    stream = _Terminal()
    progress = Progress(2, stream)
    progress.step("rendering notice")
    progress.step("rendering record")
    progress.done()
    text = stream.getvalue()
    assert "[1/2] rendering notice" in text
    assert "[2/2] rendering record" in text
    assert text.endswith("\r\x1b[K")


@pytest.mark.parametrize(("ci", "stream"), [("1", _Terminal()), ("", io.StringIO())])
def test_progress_stays_quiet_in_ci_and_off_a_terminal(
    monkeypatch: pytest.MonkeyPatch, ci: str, stream: io.StringIO
) -> None:
    if ci:
        monkeypatch.setenv("CI", ci)
    else:
        monkeypatch.delenv("CI", raising=False)
    progress = Progress(1, stream)
    progress.step("rendering model")
    progress.done()
    assert stream.getvalue() == ""


def test_render_shows_progress_on_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CI", raising=False)
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    out = str(tmp_path / "b")
    assert main(["render", "--data", str(SMALL_YAML), "--only", "model", "--out", out]) == 0
    assert "[1/1] rendering model" in terminal.getvalue()


def test_the_ci_example_publishes_only_the_final_notice() -> None:
    import shlex

    import yaml

    workflow = yaml.safe_load(
        (Path(__file__).parent.parent / "docs" / "ci" / "harmonien-ropa.yml").read_text("utf-8")
    )
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    (pages,) = [s for s in steps if s.get("uses", "").startswith("actions/upload-pages-artifact")]
    published = pages["with"]["path"]
    renders = [
        shlex.split(line.strip())
        for s in steps
        for line in s.get("run", "").splitlines()
        if line.strip().startswith("harmonien-ropa render")
    ]
    into_public = [argv for argv in renders if argv[argv.index("--out") + 1] == published]
    assert into_public
    for argv in into_public:
        assert "--final" in argv
        assert argv[argv.index("--only") + 1] == "notice"
    assert any(argv[argv.index("--out") + 1] != published for argv in renders)  # a review copy
