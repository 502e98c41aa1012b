"""The command line end to end: through ``main()`` in this process, and in a child process
(``python -m harmonien_ropa``) where that is how users run it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from support import bad_yaml
from support.cli import run_cli as run
from support.paths import HARMONIEN_YAML, ROOT, SMALL_YAML


def run_child(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONHASHSEED": "random"}
    return subprocess.run(
        [sys.executable, "-m", "harmonien_ropa", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=120,
        check=False,
    )


def test_version() -> None:
    proc = run_child("--version")
    assert proc.returncode == 0
    assert proc.stdout.startswith("harmonien-ropa ")
    assert run("--version").stdout == proc.stdout


@pytest.mark.parametrize("command", [[], ["render"], ["check"], ["schema"]])
def test_help_on_every_command(command: list[str]) -> None:
    proc = run(*command, "--help")
    assert proc.returncode == 0
    assert proc.stdout.startswith("usage: harmonien-ropa")


def test_unknown_command_is_a_usage_error() -> None:
    proc = run("frobnicate")
    assert proc.returncode == 2
    assert "invalid choice" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_check_valid_data() -> None:
    proc = run("check", "--data", str(HARMONIEN_YAML), "--fail-on", "never")
    assert proc.returncode == 0, proc.stderr
    assert "ROPA901" in proc.stdout


def test_check_default_data_in_repo() -> None:
    proc = run("check", "--fail-on", "never")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("data/processing.yaml:")


def test_check_missing_and_directory_paths(tmp_path: Path) -> None:
    missing = run("check", "--data", str(tmp_path / "nope.yaml"))
    assert missing.returncode == 2
    assert missing.stderr.startswith(f"{tmp_path / 'nope.yaml'}: error ROPA008 file not found")
    directory = run("check", "--data", str(tmp_path))
    assert directory.returncode == 2
    assert "is a directory" in directory.stderr
    assert "Traceback" not in missing.stderr + directory.stderr


def test_render_in_a_child_process_writes_what_main_writes(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    child = run_child("render", "--data", str(SMALL_YAML), "--out", str(first))
    assert child.returncode == 0, child.stderr
    assert run("render", "--data", str(SMALL_YAML), "--out", str(second)).returncode == 0
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files
    for name in files:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    assert not list(first.rglob("*.tmp"))


def test_render_model_json(tmp_path: Path) -> None:
    proc = run("render", "--only", "model", "--out", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    data = json.loads((tmp_path / "model.json").read_text(encoding="utf-8"))
    assert data["organisation"]["org_number"] == "976619005"
    assert any(a["path"].endswith("legal_basis") for a in data["open_assumptions"])


def test_render_unknown_output_and_language(tmp_path: Path) -> None:
    proc = run("render", "--only", "poster", "--out", str(tmp_path))
    assert proc.returncode == 2
    assert "unknown output 'poster'" in proc.stderr
    proc = run("render", "--lang", "de", "--out", str(tmp_path))
    assert proc.returncode == 2
    assert "unknown language(s) de" in proc.stderr
    proc = run("render", "--only", "notce", "--out", str(tmp_path))
    assert proc.returncode == 2
    assert "unknown output 'notce' (did you mean 'notice'?)" in proc.stderr
    assert not list(tmp_path.iterdir())


def test_a_tab_used_to_indent_is_named(tmp_path: Path) -> None:
    path = tmp_path / "tab.yaml"
    path.write_text("schema_version: 2\norganisation:\n\tname: Kor\n", encoding="utf-8")
    proc = run("check", "--data", str(path))
    assert proc.returncode == 2
    assert f"{path}:3:1: error ROPA001 YAML syntax error: tab character" in proc.stderr
    assert "indent with spaces" in proc.stderr


def test_a_language_or_output_named_twice_counts_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from harmonien_ropa.cli import main

    args = ["render", "--data", str(SMALL_YAML), "--only", "notice,model,notice"]
    assert main([*args, "--lang", "nb,nb", "--out", str(tmp_path / "twice")]) == 0
    assert main([*args, "--lang", "nb", "--out", str(tmp_path / "once")]) == 0
    assert "two outputs want" not in capsys.readouterr().err
    twice = {p.name: p.read_bytes() for p in (tmp_path / "twice").iterdir()}
    once = {p.name: p.read_bytes() for p in (tmp_path / "once").iterdir()}
    assert twice == once
    assert "notice.nb.html" in once
    assert main(["render", "--lang", ",", "--out", str(tmp_path / "none")]) == 2
    assert "no language given; choose from nb, en" in capsys.readouterr().err


def test_render_into_a_file_path_fails_cleanly(tmp_path: Path) -> None:
    target = tmp_path / "file"
    target.write_text("keep me")
    proc = run("render", "--only", "model", "--out", str(target))
    assert proc.returncode == 3
    assert "is not a folder" in proc.stderr
    assert target.read_text() == "keep me"


def test_render_invalid_data_writes_nothing(tmp_path: Path) -> None:
    bad = bad_yaml.case_file("dangling_system", tmp_path)
    proc = run("render", "--data", str(bad), "--out", str(tmp_path / "out"))
    assert proc.returncode == 2
    assert "ROPA006" in proc.stderr
    assert not (tmp_path / "out").exists()


def test_schema_is_json(tmp_path: Path) -> None:
    proc = run("schema")
    assert proc.returncode == 0
    schema = json.loads(proc.stdout)
    assert schema["title"] == "harmonien_ropa data map"
    assert "organisation" in schema["required"]


def test_packaged_data_used_outside_the_repo(tmp_path: Path) -> None:
    proc = run("check", "--fail-on", "never", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
