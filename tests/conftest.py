"""Shared fixtures: the Harmonien data map, the small fixture map, paths."""

from __future__ import annotations

import contextlib
import gc
import io
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from support.browser import Browser, require

import harmonien_ropa as hr

#: No hypothesis example may fail for taking long (its default 200 ms deadline and the
#: too-slow health check measure time, which depends on how busy the machine is).
settings.register_profile("suite", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("suite")

#: The suite's "today" for ``check`` (rules about dates must not change with the calendar);
#: set before any test runs, so child processes inherit it too.
TODAY = "2026-12-01"
os.environ["HARMONIEN_ROPA_TODAY"] = TODAY

ROOT = Path(__file__).resolve().parent.parent
HARMONIEN_YAML = ROOT / "data" / "processing.yaml"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SMALL_YAML = FIXTURES / "small.yaml"


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


def render_with_cli(out: Path, only: str) -> dict[str, bytes]:
    """``render --only ONLY`` of Harmonien's map through the command line: the files written
    (not the folder's manifest), by path relative to ``out``."""
    result = run_cli("render", "--only", only, "--data", str(HARMONIEN_YAML), "--out", str(out))
    assert result.returncode == 0, result.stderr
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*.*"))
        if p.name != ".harmonien-ropa-manifest.json"
    }


@dataclass(frozen=True)
class CliResult:
    """What one command printed and returned (the fields of ``subprocess.CompletedProcess``
    that tests read)."""

    returncode: int
    stdout: str
    stderr: str


def run_cli(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None) -> CliResult:
    """Run ``harmonien-ropa ARGS`` in this process, as ``python -m harmonien_ropa`` would in
    ``cwd`` with ``env`` added to the environment; its standard output and error are captured
    (as bytes underneath, so commands that write bytes work as on a terminal)."""
    from harmonien_ropa.cli import main

    streams = {name: io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="") for name in ("stdout", "stderr")}  # fmt: skip
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(cwd)
        for key, value in (env or {}).items():
            patch.setenv(key, value)
        with (
            contextlib.redirect_stdout(streams["stdout"]),
            contextlib.redirect_stderr(streams["stderr"]),
        ):
            code = main(list(args))
    out = {}
    for name, stream in streams.items():
        stream.flush()
        buffer = stream.buffer
        assert isinstance(buffer, io.BytesIO)
        out[name] = buffer.getvalue().decode("utf-8").replace("\r\n", "\n")
    assert gc.get_freeze_count() == 0, "the command left objects frozen"
    return CliResult(code, out["stdout"], out["stderr"])
