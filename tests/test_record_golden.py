"""Golden files of the record's text formats for the small fixture.

After an intended change, run ``UPDATE_GOLDEN=1 pytest tests/test_record_golden.py`` and review
the diff of ``tests/golden/record/``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import harmonien_ropa as hr
from harmonien_ropa.outputs import RenderOptions

GOLDEN = Path(__file__).resolve().parent / "golden" / "record"
TEXT_FILES = ("record.nb.html", "record.en.html", "record.nb.md", "record.en.md", "record.csv",
              "record.processor.csv", "record.json")  # fmt: skip


@pytest.mark.parametrize("name", TEXT_FILES)
def test_golden(small: hr.DataMap, name: str) -> None:
    result = hr.render(small, ["record"], RenderOptions())
    content = next(a.content for a in result.artifacts if a.path == name)
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    assert path.is_file(), f"no golden file {path}; run with UPDATE_GOLDEN=1"
    assert content == path.read_bytes(), f"{name} differs from {path}"
