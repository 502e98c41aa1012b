"""Usage errors and standard output that cannot be written: documented exit codes, one line
each, never a traceback or the internal-error code 70."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest
from support.paths import FIXTURES, ROOT, SMALL_YAML

from harmonien_ropa.cli import main

FIDES = FIXTURES / "fides"

#: Every command that writes its result to standard output.
STDOUT_COMMANDS = [
    ["schema"],
    ["schema", "--record"],
    ["check", "--data", str(SMALL_YAML), "--format", "sarif", "--fail-on", "never"],
    ["check", "--data", str(SMALL_YAML), "--fail-on", "never"],
    ["check", "--data", str(SMALL_YAML), "--coverage"],
    ["locate", "--data", str(SMALL_YAML), "--subject", "members"],
    ["impact", "--data", str(SMALL_YAML), "--party", "mailhost"],
    ["impact", "--data", str(SMALL_YAML), "--party", "mailhost", "--format", "json"],
    ["import-fides", str(FIDES), "--date", "2026-01-01"],
    ["diff", str(SMALL_YAML), str(SMALL_YAML)],
    ["--version"],
    ["render", "--help"],
]


class FullDisk:
    """A standard output on a full disk: every write fails with ENOSPC."""

    encoding = "utf-8"

    def __init__(self) -> None:
        self.writes = 0

    def write(self, text: str) -> int:
        self.writes += 1
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def flush(self) -> None:
        return None

    def isatty(self) -> bool:
        return False


@pytest.mark.parametrize("command", STDOUT_COMMANDS, ids=" ".join)
def test_full_standard_output_exits_3_in_one_line(
    command: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    full = FullDisk()
    monkeypatch.setattr(sys, "stdout", full)
    code = main(command)
    err = capsys.readouterr().err
    assert full.writes >= 1, "the command never wrote to standard output"
    assert code == 3, err
    assert err.splitlines()[-1] == (
        "harmonien-ropa: error: cannot write to standard output: No space left on device"
    )
    assert "Traceback" not in err
    assert "internal error" not in err
    assert sys.stdout is full  # put back as it was


@pytest.mark.parametrize(
    "command",
    [
        ["schema"],
        ["check", "--data", str(SMALL_YAML), "--format", "sarif", "--fail-on", "never"],
        ["import-fides", str(FIDES), "--date", "2026-01-01"],
    ],
    ids=" ".join,
)
def test_dev_full_as_standard_output(command: list[str]) -> None:
    """The real thing: a child process whose standard output is /dev/full."""
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            [sys.executable, "-m", "harmonien_ropa", *command],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            timeout=120,
            check=False,
        )
    assert proc.returncode == 3, proc.stderr
    assert proc.stderr == (
        "harmonien-ropa: error: cannot write to standard output: No space left on device\n"
    )


@pytest.mark.parametrize("command", [["render"], ["import-fides", str(FIDES)]])
def test_empty_out_is_a_usage_error(
    command: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main([*command, "--out", ""]) == 2
    assert "argument --out: must not be empty" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_only_changes_without_previous_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    code = main(["render", "--data", str(SMALL_YAML), "--out", str(out), "--only", "changes"])
    err = capsys.readouterr().err
    assert code == 2
    assert "--only changes needs --previous PATH" in err
    assert not out.exists()
    previous = ["--previous", str(SMALL_YAML)]
    code = main(
        ["render", "--data", str(SMALL_YAML), "--out", str(out), "--only", "changes", *previous]
    )
    assert code == 0, capsys.readouterr().err
    assert (out / "changes.json").is_file()
