"""Golden-file comparison shared by the tests: ``UPDATE_GOLDEN=1`` rewrites the files."""

from __future__ import annotations

import os
from pathlib import Path

GOLDEN_ROOT = Path(__file__).resolve().parent.parent / "golden"


def check_golden(folder: str, name: str, content: bytes) -> None:
    """``content`` must equal ``tests/golden/<folder>/<name>`` (written when UPDATE_GOLDEN is set)."""
    path = GOLDEN_ROOT / folder / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    assert path.is_file(), f"no golden file {path}; run with UPDATE_GOLDEN=1"
    assert content.decode("utf-8") == path.read_text(encoding="utf-8")
