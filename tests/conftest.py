"""Shared fixtures: the Harmonien data map, the small fixture map, paths."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

import harmonien_ropa as hr

ROOT = Path(__file__).resolve().parent.parent
HARMONIEN_YAML = ROOT / "data" / "processing.yaml"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SMALL_YAML = FIXTURES / "small.yaml"


@pytest.fixture(scope="session", autouse=True)
def _template_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Compiled templates go to a folder of the test run, not the user's cache (and commands
    run as subprocesses inherit it)."""
    saved = os.environ.get("HARMONIEN_ROPA_CACHE")
    os.environ["HARMONIEN_ROPA_CACHE"] = str(tmp_path_factory.mktemp("template-cache"))
    yield
    if saved is None:
        del os.environ["HARMONIEN_ROPA_CACHE"]
    else:
        os.environ["HARMONIEN_ROPA_CACHE"] = saved


@pytest.fixture(scope="session")
def harmonien() -> hr.DataMap:
    """Harmonien's data map, loaded once."""
    return hr.load(HARMONIEN_YAML)


@pytest.fixture(scope="session")
def small() -> hr.DataMap:
    """The small fixture map (processor activity, SCC transfer, special category)."""
    return hr.load(SMALL_YAML)
