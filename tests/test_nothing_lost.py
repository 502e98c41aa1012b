"""Nothing lost: failures halfway leave the previous outputs as they were and no files behind.

Failures are simulated where they happen for real: a renderer raising, the disk filling up
while a file is written (``os.write`` raising ENOSPC), a rename failing, an interrupt, and the
Graphviz ``dot`` process being killed. Files in the output folder that the tool did not write
are never touched.
"""

from __future__ import annotations

import errno
import functools
import importlib
import os
import signal
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from support.paths import HARMONIEN_YAML, SMALL_YAML

import harmonien_ropa as hr
from harmonien_ropa.cli import main
from harmonien_ropa.outputs import RENDERERS
from harmonien_ropa.outputs.staging import MANIFEST

output_module = importlib.import_module("harmonien_ropa.outputs.staging")
render_module = importlib.import_module("harmonien_ropa.outputs")

FOREIGN = {
    "notes.txt": b"the user's own notes\n",
    ".hidden": b"dot file\n",
    "sub/keep.md": b"# kept\n",
    ".model.json.abc123.tmp": b"looks like ours, is not\n",
}


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (hidden ones too) with its bytes."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() or p.is_symlink()
    }


@pytest.fixture
def previous(tmp_path: Path) -> Path:
    """An output folder holding a complete earlier render of the small map and foreign files."""
    out = tmp_path / "out"
    for name, content in FOREIGN.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_bytes(content)
    assert main(["render", "--data", str(SMALL_YAML), "--out", str(out)]) == 0
    return out


class FailingOs:
    """``os`` as the output module sees it, with one function failing on its n-th call."""

    def __init__(self, name: str, nth: int, error: BaseException) -> None:
        self.name, self.nth, self.error, self.calls = name, nth, error, 0

    def __getattr__(self, attr: str) -> Any:
        real = getattr(os, attr)
        if attr != self.name:
            return real

        def failing(*args: Any, **kwargs: Any) -> Any:
            self.calls += 1
            if self.calls == self.nth:
                raise self.error
            return real(*args, **kwargs)

        return failing


@functools.cache
def _harmonien_render() -> tuple[hr.Artifact, ...]:
    return tuple(hr.render(hr.load(HARMONIEN_YAML)).artifacts)


def _new_render() -> list[hr.Artifact]:
    return list(_harmonien_render())


def _fail_during_write(
    out: Path, monkeypatch: pytest.MonkeyPatch, name: str, nth: int, error: BaseException
) -> FailingOs:
    artifacts = _new_render()
    assert len(artifacts) >= 1
    fake = FailingOs(name, nth, error)
    monkeypatch.setattr(output_module, "os", fake)
    with pytest.raises(type(error) if not isinstance(error, OSError) else hr.OutputError):
        hr.write_artifacts(out, artifacts)
    monkeypatch.undo()
    assert fake.calls >= nth, f"the simulated failure of os.{name} never happened"
    return fake


@pytest.mark.parametrize("where", ["first", "last"])
def test_disk_full_while_writing_changes_nothing(
    previous: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    before = snapshot(previous)
    nth = 1 if where == "first" else len(_new_render())
    _fail_during_write(
        previous, monkeypatch, "write", nth, OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    )
    assert snapshot(previous) == before


@pytest.mark.parametrize("function", ["fsync", "chmod"])
def test_io_error_on_flush_changes_nothing(
    previous: Path, monkeypatch: pytest.MonkeyPatch, function: str
) -> None:
    before = snapshot(previous)
    _fail_during_write(previous, monkeypatch, function, 1, OSError(errno.EIO, "I/O error"))
    assert snapshot(previous) == before


@pytest.mark.parametrize("where", ["first", "last"])
def test_failed_rename_puts_back_what_was_replaced(
    previous: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    before = snapshot(previous)
    nth = 1 if where == "first" else len(_new_render())
    _fail_during_write(
        previous, monkeypatch, "replace", nth, OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    )
    assert snapshot(previous) == before


def test_failed_rename_removes_outputs_that_did_not_exist_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "fresh"
    out.mkdir()
    (out / "notes.txt").write_bytes(b"mine")
    artifacts = _new_render()
    fake = FailingOs("replace", len(artifacts), OSError(errno.EIO, "I/O error"))
    monkeypatch.setattr(output_module, "os", fake)
    with pytest.raises(hr.OutputError, match="I/O error; the previous outputs are unchanged"):
        hr.write_artifacts(out, artifacts)
    assert snapshot(out) == {"notes.txt": b"mine"}


def test_interrupt_while_writing_changes_nothing(
    previous: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(previous)
    _fail_during_write(previous, monkeypatch, "write", len(_new_render()), KeyboardInterrupt())
    assert snapshot(previous) == before


def test_disk_full_through_the_cli_exits_3_without_traceback(
    previous: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(previous)
    capsys.readouterr()
    monkeypatch.setattr(
        output_module, "os", FailingOs("write", 1, OSError(errno.ENOSPC, "No space left"))
    )
    code = main(["render", "--data", str(HARMONIEN_YAML), "--out", str(previous)])
    err = capsys.readouterr().err
    assert code == 3
    assert "No space left; the previous outputs are unchanged" in err
    assert "Traceback" not in err
    monkeypatch.undo()
    assert snapshot(previous) == before


def _broken_renderer(error: Exception) -> Callable[[hr.DataMap, hr.RenderOptions], Any]:
    def broken(datamap: hr.DataMap, options: hr.RenderOptions) -> hr.RenderResult:
        raise error

    return broken


@pytest.mark.parametrize(
    ("error", "code"), [(hr.RenderError("cannot render"), 2), (ValueError("a bug"), 70)]
)
def test_failing_renderer_changes_nothing(
    previous: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    error: Exception,
    code: int,
) -> None:
    before = snapshot(previous)
    real = render_module.renderer
    last = list(RENDERERS)[-1]
    monkeypatch.setattr(
        render_module,
        "renderer",
        lambda name: _broken_renderer(error) if name == last else real(name),
    )
    capsys.readouterr()
    assert main(["render", "--data", str(HARMONIEN_YAML), "--out", str(previous)]) == code
    assert "Traceback" not in capsys.readouterr().err
    assert snapshot(previous) == before


def _interrupting_renderer(
    surfaces_as: Exception | None,
) -> Callable[[hr.DataMap, hr.RenderOptions], Any]:
    """A renderer hit by Ctrl-C: SIGINT arrives while it runs. With ``surfaces_as``, what
    reaches the caller is that error instead (as when Ctrl-C also stops a ``dot`` child
    and its exit is reported first)."""

    def interrupted(datamap: hr.DataMap, options: hr.RenderOptions) -> hr.RenderResult:
        try:
            signal.raise_signal(signal.SIGINT)
        except KeyboardInterrupt:
            if surfaces_as is None:
                raise
            raise surfaces_as from None
        raise AssertionError("SIGINT did not interrupt")  # pragma: no cover

    return interrupted


@pytest.mark.parametrize(
    "surfaces_as",
    [None, hr.RenderError("Graphviz 'dot' exited with status -2"), OSError(errno.EPIPE, "pipe")],
    ids=["interrupt", "child-error-first", "os-error-first"],
)
def test_an_interrupt_exits_130_and_changes_nothing(
    previous: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    surfaces_as: Exception | None,
) -> None:
    before = snapshot(previous)
    real = render_module.renderer
    last = list(RENDERERS)[-1]
    monkeypatch.setattr(
        render_module,
        "renderer",
        lambda name: _interrupting_renderer(surfaces_as) if name == last else real(name),
    )
    capsys.readouterr()
    assert main(["render", "--data", str(SMALL_YAML), "--out", str(previous)]) == 130
    err = capsys.readouterr().err
    assert err.splitlines()[-1] == "harmonien-ropa: interrupted"
    assert "error" not in err
    assert "Traceback" not in err
    assert snapshot(previous) == before
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_an_interrupt_before_any_command_runs_exits_130(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from harmonien_ropa import cli

    def interrupted(command: str | None = None) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "build_parser", interrupted)
    assert main(["check"]) == 130
    assert capsys.readouterr().err == "harmonien-ropa: interrupted\n"


def test_successful_render_keeps_foreign_files(previous: Path) -> None:
    before = snapshot(previous)
    assert main(["render", "--data", str(HARMONIEN_YAML), "--out", str(previous)]) == 0
    after = snapshot(previous)
    for name, content in FOREIGN.items():
        assert after[name] == content
    written = {a.path for a in _new_render()}
    # What the earlier map made and this one does not (its activities' pictures, the processor
    # record) is gone; everything else the tool did not write stays.
    assert set(after) == set(FOREIGN) | written | {MANIFEST}
    assert {"record.processor.csv", "dataflow/membership.svg"} <= set(before) - set(after)


def test_fewer_outputs_delete_nothing(previous: Path) -> None:
    before = snapshot(previous)
    assert (
        main(["render", "--data", str(SMALL_YAML), "--out", str(previous), "--only", "model"]) == 0
    )
    assert set(snapshot(previous)) == set(before)


FAKE_DOT = """#!/bin/sh
# Stands in for Graphviz: notes that it ran, then dies as if killed.
echo called >> "{marker}"
kill -9 $$
"""


@pytest.mark.skipif("graph" not in RENDERERS, reason="no graph renderer registered yet")
def test_killed_dot_loses_nothing(previous: Path, tmp_path: Path) -> None:
    before = snapshot(previous)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    marker = tmp_path / "dot-was-called"
    fake = bin_dir / "dot"
    fake.write_text(FAKE_DOT.format(marker=marker))
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    command = ["render", "--data", str(HARMONIEN_YAML), "--out", str(previous)]
    proc = subprocess.run(
        [sys.executable, "-m", "harmonien_ropa", *command],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"},
    )
    assert marker.exists(), "the graph renderer did not run dot"
    assert "Traceback" not in proc.stderr
    assert proc.returncode in (0, 2, 3), proc.stderr
    after = snapshot(previous)
    if proc.returncode != 0:
        assert after == before
    else:
        # Written outputs are complete; outputs dot could not make keep their previous bytes.
        assert set(after) == set(before)
        assert "dot" in proc.stderr
    for name, content in FOREIGN.items():
        assert after[name] == content


@pytest.mark.parametrize(("function", "nth"), [("write", 3), ("replace", 3), ("replace", 2)])
def test_several_files_all_or_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, function: str, nth: int
) -> None:
    old = [hr.Artifact("a.txt", b"old a"), hr.Artifact("d/b.txt", b"old b")]
    hr.write_artifacts(tmp_path, old)
    before = snapshot(tmp_path)
    new = [
        hr.Artifact("a.txt", b"new a"),
        hr.Artifact("d/b.txt", b"new b"),
        hr.Artifact("e/f/c.txt", b"new c"),
    ]
    monkeypatch.setattr(
        output_module, "os", FailingOs(function, nth, OSError(errno.ENOSPC, "full"))
    )
    with pytest.raises(hr.OutputError, match="full"):
        hr.write_artifacts(tmp_path, new)
    monkeypatch.undo()
    assert snapshot(tmp_path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "d"]
    assert hr.write_artifacts(tmp_path, new)
    assert snapshot(tmp_path) == {"a.txt": b"new a", "d/b.txt": b"new b", "e/f/c.txt": b"new c"}
