"""Fixtures only: the Harmonien data map, the small fixture map, the browser. Shared helpers
are in ``tests/support/``."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, settings
from support.browser import Browser, require
from support.paths import HARMONIEN_YAML, SMALL_YAML

import harmonien_ropa as hr

#: No hypothesis example may fail for taking long (its default 200 ms deadline and the
#: too-slow health check measure time, which depends on how busy the machine is).
settings.register_profile("suite", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("suite")

#: The suite's "today" for ``check`` (rules about dates must not change with the calendar);
#: set before any test runs, so child processes inherit it too.
TODAY = "2026-12-01"
os.environ["HARMONIEN_ROPA_TODAY"] = TODAY


@pytest.fixture(scope="session")
def shared_browser() -> Iterator[Browser]:
    """One headless Chromium for the whole test run (starting one costs about a second)."""
    require("chromium")
    with Browser() as started:
        yield started


@pytest.fixture
def browser(shared_browser: Browser) -> Browser:
    """The shared browser, for tests that also run axe-core in it."""
    require("axe")
    return shared_browser


@pytest.fixture(scope="session")
def harmonien() -> hr.DataMap:
    """Harmonien's data map, loaded once."""
    return hr.load(HARMONIEN_YAML)


@pytest.fixture(scope="session")
def small() -> hr.DataMap:
    """The small fixture map (processor activity, SCC transfer, special category)."""
    return hr.load(SMALL_YAML)
