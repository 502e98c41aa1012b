"""Shared fixtures: the Harmonien data map, the small fixture map, paths."""

from __future__ import annotations

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
