"""A real, non-editable wheel install renders from any directory with the packaged data."""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest
from support.paths import ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(ROOT)],
        check=True,
        timeout=600,
    )
    (found,) = dist.glob("harmonien_ropa-*.whl")
    return found


def test_wheel_contains_templates_and_data(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "harmonien_ropa/data/processing.yaml" in names
    assert "harmonien_ropa/py.typed" in names
    assert any(name.startswith("harmonien_ropa/templates/i18n/") for name in names)
    assert "harmonien_ropa/interop/vocabularies/dpv-2.3.txt" in names
    assert any(name.startswith("harmonien_ropa/interop/vocabularies/fideslang-") for name in names)


def test_installed_wheel_renders_from_another_directory(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", str(wheel)],
        check=True,
        timeout=600,
    )
    work = tmp_path / "elsewhere"
    work.mkdir()
    out = work / "x"
    proc = subprocess.run(
        [str(python), "-m", "harmonien_ropa", "render", "--out", str(out)],
        cwd=work,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert (out / "model.json").read_text(encoding="utf-8").count("976619005") >= 1
    script = subprocess.run(
        [str(env_dir / "bin" / "harmonien-ropa"), "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert script.returncode == 0
    assert script.stdout.startswith("harmonien-ropa 0.")
