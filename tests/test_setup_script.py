"""scripts/setup.sh runs to the end in both modes (it is what `make render` and `make test` call).

A prepared virtualenv whose install stamp is newer than pyproject.toml makes the script skip the
slow steps, so this checks its control flow (``set -euo pipefail`` traps) in seconds.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from importlib import metadata
from pathlib import Path

import pytest
from support.paths import ROOT


@pytest.mark.parametrize("args", [[], ["--dev"]])
def test_setup_script_completes(tmp_path: Path, args: list[str]) -> None:
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    python = venv / "bin" / "python"
    python.write_text("#!/bin/sh\nexit 0\n")
    python.chmod(0o755)
    stamp = venv / (".installed-dev" if args else ".installed")
    stamp.touch()
    future = (
        max((ROOT / name).stat().st_mtime for name in ("pyproject.toml", "constraints.txt")) + 10
    )
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


def _pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, version = line.split("==")
            pins[re.sub(r"[-_.]+", "-", name).lower()] = version
    return pins


def test_every_installed_package_is_pinned_at_its_pinned_version() -> None:
    # scripts/setup.sh installs with constraints.txt: a new release of any package cannot
    # change what the tests run with until the pins are moved (scripts/update-constraints.sh).
    pins = _pins()
    installed = {
        re.sub(r"[-_.]+", "-", dist.metadata["Name"]).lower(): dist.version
        for dist in metadata.distributions()
    }
    installed.pop("harmonien-ropa")
    installed.pop("setuptools", None)  # bundled with the interpreter's venv, never installed here
    unpinned = sorted(set(installed) - set(pins))
    assert not unpinned, f"installed but not in constraints.txt: {unpinned}"
    moved = {
        name: (version, pins[name]) for name, version in installed.items() if pins[name] != version
    }
    assert not moved, f"installed version differs from the pin: {moved}"
