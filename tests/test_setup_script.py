"""scripts/setup.sh runs to the end in both modes (it is what `make render` and `make test` call).

A prepared virtualenv whose install stamp is newer than pyproject.toml makes the script skip the
slow steps, so this checks its control flow (``set -euo pipefail`` traps) in seconds.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT


@pytest.mark.parametrize("args", [[], ["--dev"]])
def test_setup_script_completes(tmp_path: Path, args: list[str]) -> None:
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    python = venv / "bin" / "python"
    python.write_text("#!/bin/sh\nexit 0\n")
    python.chmod(0o755)
    stamp = venv / (".installed-dev" if args else ".installed")
    stamp.touch()
    future = (ROOT / "pyproject.toml").stat().st_mtime + 10
    os.utime(stamp, (future, future))
    if args and shutil.which("npm") is None:
        pytest.skip("npm is not installed")
    proc = subprocess.run(
        ["bash", str(ROOT / "scripts" / "setup.sh"), *args],
        env={**os.environ, "VENV": str(venv)},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.strip().splitlines()[-1] == "setup: ready"


def test_setup_script_refuses_unknown_options() -> None:
    proc = subprocess.run(
        ["bash", str(ROOT / "scripts" / "setup.sh"), "--nope"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 2
    assert "unknown option --nope" in proc.stderr
