"""The command line run in this process, as the tests call it."""

from __future__ import annotations

import contextlib
import gc
import io
from dataclasses import dataclass
from pathlib import Path

import pytest

from support.paths import HARMONIEN_YAML, ROOT


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
