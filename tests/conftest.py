"""Shared fixtures: the Harmonien data map, the small fixture map, paths."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import harmonien_ropa as hr

ROOT = Path(__file__).resolve().parent.parent
HARMONIEN_YAML = ROOT / "data" / "processing.yaml"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SMALL_YAML = FIXTURES / "small.yaml"


@pytest.fixture(scope="session")
def harmonien() -> hr.DataMap:
    """Harmonien's data map, loaded once."""
    return hr.load(HARMONIEN_YAML)


@pytest.fixture(scope="session")
def small() -> hr.DataMap:
    """The small fixture map (processor activity, SCC transfer, special category)."""
    return hr.load(SMALL_YAML)


def render_in_child(out: Path, only: str, *, seed: str) -> dict[str, bytes]:
    """``render --only ONLY`` of Harmonien's map in a fresh process with ``PYTHONHASHSEED=seed``:
    the files written, by path relative to ``out``."""
    subprocess.run(
        [sys.executable, "-m", "harmonien_ropa", "render", "--only", only,
         "--data", str(HARMONIEN_YAML), "--out", str(out)],
        check=True, env={**os.environ, "PYTHONHASHSEED": seed}, cwd=ROOT, capture_output=True,
    )  # fmt: skip
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*.*"))}
