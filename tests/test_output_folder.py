"""The output folder never mixes renders: a manifest of what the tool wrote, stale files removed
(only the tool's own, only in the render's scope), a lock against a second render, private
staging, and a commit that a process killed at any step leaves all old or all new.

Kills are simulated deterministically: a forked child counts every call the output module makes
that changes the file system and ends itself with ``os._exit`` (no clean-up runs, as with
SIGKILL) at step k, for every k until the write completes.
"""

from __future__ import annotations

import errno
import fcntl
import importlib
import json
import os
import shutil
import signal
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from hashlib import sha256
from pathlib import Path
from typing import Any

import pytest
from support.paths import HARMONIEN_YAML, SMALL_YAML

import harmonien_ropa as hr
from harmonien_ropa.cli import main
from harmonien_ropa.outputs.staging import (
    LOCK,
    MANIFEST,
    STAGING,
    Artifact,
    Scope,
    StagedOutput,
    language_of,
    recover,
)

output_module = importlib.import_module("harmonien_ropa.outputs.staging")

#: ``os`` functions the output module changes the file system with: each call is one step.
STEPS = {"open", "write", "fsync", "close", "mkdir", "rename", "replace", "unlink", "link"}
STEPS |= {"chmod", "rmdir"}
KILLED = 87
SCOPE = Scope(frozenset({"o"}), frozenset({"nb", "en"}))
FOREIGN = {"notes.txt": b"mine\n", ".a.txt.abc123.tmp": b"looks like ours, is not\n"}
OLD = [
    Artifact("a.txt", b"old a"),
    Artifact("d/b.txt", b"same b"),
    Artifact("stale.nb.txt", b"made only by the old render"),
    Artifact("gone/deep/stale.txt", b"so was this"),
]
NEW = [
    Artifact("a.txt", b"new a"),
    Artifact("d/b.txt", b"same b"),
    Artifact("e/f/c.txt", b"new c"),
]


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (hidden ones too) with its bytes."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() or p.is_symlink()
    }


def write(out: Path, artifacts: list[Artifact], scope: Scope = SCOPE) -> list[Path]:
    with StagedOutput(out, scope=scope) as staged:
        staged.stage(artifacts, output="o")
        return staged.commit()


class KillingOs:
    """``os`` as the output module sees it: the ``kill_at``-th step ends the process at once;
    optionally the ``fail_replace``-th ``replace`` fails first (so a roll-back is under way)."""

    def __init__(self, kill_at: int, fail_replace: int | None = None) -> None:
        self.kill_at, self.fail_replace = kill_at, fail_replace
        self.steps = self.replaces = 0

    def __getattr__(self, attr: str) -> Any:
        real = getattr(os, attr)
        if attr not in STEPS:
            return real

        def step(*args: Any, **kwargs: Any) -> Any:
            if attr == "replace":
                self.replaces += 1
                if self.replaces == self.fail_replace:
                    raise OSError(errno.EIO, "I/O error")
            if self.fail_replace is None or self.replaces >= self.fail_replace:
                self.steps += 1
                if self.steps == self.kill_at:
                    os._exit(KILLED)
            return real(*args, **kwargs)

        return step


def killed_at(fake: KillingOs, action: Callable[[], object]) -> bool:
    """Run ``action`` in a forked child using ``fake`` as the output module's ``os``; True if
    the child was killed at its step, False if it completed first."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 0
        try:
            output_module.os = fake  # type: ignore[attr-defined]
            action()
        except BaseException:
            code = 1
        os._exit(code)
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    assert code in (0, KILLED), f"the child failed at step {fake.kill_at}"
    return code == KILLED


@pytest.fixture
def template(tmp_path: Path) -> tuple[Path, dict[str, bytes], dict[str, bytes]]:
    """An output folder holding the old render and foreign files; its snapshot before and after
    the new render."""
    base = tmp_path / "template"
    base.mkdir()
    for name, content in FOREIGN.items():
        (base / name).write_bytes(content)
    write(base, OLD)
    before = snapshot(base)
    done = tmp_path / "done"
    shutil.copytree(base, done)
    write(done, NEW)
    after = snapshot(done)
    assert set(after) == {*FOREIGN, MANIFEST, "a.txt", "d/b.txt", "e/f/c.txt"}
    assert not (done / "gone").exists()  # the folder emptied by removing stale files is gone
    return base, before, after


@pytest.mark.parametrize("fail_replace", [None, 2], ids=["commit", "roll-back"])
def test_killed_at_every_step_recovers_all_old_or_all_new(
    template: tuple[Path, dict[str, bytes], dict[str, bytes]],
    tmp_path: Path,
    fail_replace: int | None,
) -> None:
    base, before, after = template
    outcomes: set[str] = set()

    def new_render(out: Path) -> None:
        if fail_replace is None:
            write(out, NEW)
        else:
            with pytest.raises(hr.OutputError, match="I/O error"):
                write(out, NEW)

    k = 0
    while True:
        k += 1
        out = tmp_path / f"k{k}"
        shutil.copytree(base, out)
        if not killed_at(KillingOs(k, fail_replace), lambda out=out: new_render(out)):
            break
        recover(out)
        state = snapshot(out)
        assert state in (before, after), f"killed at step {k}: a mix of renders"
        assert not (out / STAGING).exists()
        outcomes.add("old" if state == before else "new")
        if fail_replace is None:
            assert write(out, NEW)
            assert snapshot(out) == after, f"killed at step {k}: the next render differs"
        shutil.rmtree(out)
    # (Staging four files and committing them takes some fifty steps; after the failed rename,
    # the roll-back and clean-up some twenty.)
    assert k > (40 if fail_replace is None else 10), "fewer steps than the write needs"
    # A kill before the commit point gives the old render, one after it the new; a failed
    # rename is rolled back, and a kill during the roll-back is finished by the next run.
    assert outcomes == ({"old", "new"} if fail_replace is None else {"old"})


def test_killed_draft_leaves_nothing_readable_and_nothing_behind(tmp_path: Path) -> None:
    out = tmp_path / "out"
    render = ["render", "--data", str(SMALL_YAML), "--out", str(out)]
    assert main([*render, "--only", "notice,model"]) == 0
    before = snapshot(out)

    # Killed as it commits (the journal's rename): every draft file is staged, none in place.
    class FirstRenameKills(KillingOs):
        def __getattr__(self, attr: str) -> Any:
            if attr == "rename":
                return lambda *args, **kwargs: os._exit(KILLED)
            return super().__getattr__(attr)

    assert killed_at(
        FirstRenameKills(10**9), lambda: main([*render, "--only", "notice", "--draft"])
    )
    staging = out / STAGING
    assert stat.S_IMODE(staging.stat().st_mode) == 0o700
    staged = list(staging.iterdir())
    drafts = [p for p in staged if b"Utkast til intern gjennomgang" in p.read_bytes()]
    assert drafts, "the draft was not staged"
    assert {stat.S_IMODE(p.stat().st_mode) for p in drafts} == {0o600}
    assert main([*render, "--only", "model"]) == 0
    assert snapshot(out) == before
    assert not any(b"Utkast til intern gjennomgang" in data for data in snapshot(out).values())


@contextmanager
def held_lock(out: Path) -> Iterator[None]:
    """Hold the folder's lock as another render would."""
    fd = os.open(out / LOCK, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        yield
    finally:
        os.close(fd)


def test_second_render_waits_briefly_then_exits_3(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    attempts: list[float] = []
    monkeypatch.setattr(output_module, "LOCK_WAIT", 0.2)
    real_sleep = output_module.time.sleep

    class Time:
        monotonic = staticmethod(output_module.time.monotonic)

        @staticmethod
        def sleep(seconds: float) -> None:
            attempts.append(seconds)
            real_sleep(seconds)

    monkeypatch.setattr(output_module, "time", Time)
    command = ["render", "--data", str(SMALL_YAML), "--out", str(out), "--only", "model"]
    with held_lock(out):
        code = main(command)
    err = capsys.readouterr().err
    assert code == 3
    assert f"output folder '{out}' is in use by another render" in err
    assert "Traceback" not in err
    assert 1 <= len(attempts) <= 10  # waited, a bounded number of times
    assert sorted(p.name for p in out.iterdir()) == [LOCK]  # nothing written
    assert main(command) == 0
    assert sorted(p.name for p in out.iterdir()) == [MANIFEST, "model.json"]


def test_lock_of_a_killed_render_is_released(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child: takes the lock, stages, dies
        staged = StagedOutput(out)
        staged.stage([Artifact("model.json", b"half")])
        os.kill(os.getpid(), signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == -signal.SIGKILL
    assert (out / LOCK).exists()
    assert (out / STAGING).exists()
    monkeypatch.setattr(output_module, "LOCK_WAIT", 0)  # no waiting: the lock is free
    command = ["render", "--data", str(SMALL_YAML), "--out", str(out), "--only", "model"]
    assert main(command) == 0
    assert sorted(p.name for p in out.iterdir()) == [MANIFEST, "model.json"]
    assert (out / "model.json").read_bytes() != b"half"


def _render(out: Path, data: Path, *options: str) -> int:
    return main(["render", "--data", str(data), "--out", str(out), *options])


def test_manifest_lists_what_was_written(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert _render(out, SMALL_YAML) == 0
    manifest = json.loads((out / MANIFEST).read_bytes())
    files = {item["path"]: item for item in manifest["files"]}
    on_disk = snapshot(out)
    assert set(files) == set(on_disk) - {MANIFEST}
    for path, item in files.items():
        assert item["sha256"] == sha256(on_disk[path]).hexdigest()
        assert item["size"] == len(on_disk[path])
        assert item["language"] == language_of(path)
    assert files["notice.en.html"]["output"] == "notice"
    assert files["notice.en.html"]["language"] == "en"
    assert files["record.csv"]["language"] is None
    assert files["dataflow/membership.svg"]["output"] == "graph"
    # The same map gives the same manifest, whatever the folder held before.
    other = tmp_path / "other"
    assert _render(other, HARMONIEN_YAML) == 0
    assert _render(other, SMALL_YAML) == 0
    assert (other / MANIFEST).read_bytes() == (out / MANIFEST).read_bytes()


def test_render_limited_to_outputs_removes_only_their_stale_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert _render(out, SMALL_YAML) == 0
    assert _render(out, HARMONIEN_YAML, "--only", "record") == 0
    assert not (out / "record.processor.csv").exists()  # the record's, no longer made
    assert (out / "dataflow/membership.svg").exists()  # the graph's: not this render's
    assert _render(out, HARMONIEN_YAML) == 0
    assert not (out / "dataflow/membership.svg").exists()


def test_render_limited_to_languages_removes_only_their_stale_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert _render(out, SMALL_YAML) == 0
    before = snapshot(out)
    assert _render(out, SMALL_YAML, "--lang", "nb") == 0
    assert set(snapshot(out)) == set(before)  # English files are not this render's
    assert _render(out, SMALL_YAML, "--lang", "en,nb") == 0
    after = set(snapshot(out))
    assert {"dataflow.nb.dot", "dataflow.nb.svg", "notice.en.html", "notice.nb.html"} <= after
    assert "dataflow.en.dot" not in after  # English, this render's, no longer made


def test_changed_stale_file_is_kept_and_said(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert _render(out, SMALL_YAML) == 0
    (out / "record.processor.csv").write_bytes(b"edited by hand\n")
    capsys.readouterr()
    assert _render(out, HARMONIEN_YAML) == 0
    assert "kept record.processor.csv: no longer rendered, but changed" in capsys.readouterr().err
    assert (out / "record.processor.csv").read_bytes() == b"edited by hand\n"
    assert "record.processor.csv" not in (out / MANIFEST).read_text()
    assert not (out / "dataflow/membership.svg").exists()


def test_damaged_manifest_removes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert _render(out, SMALL_YAML) == 0
    (out / MANIFEST).write_text('{"format": 1, "files": [{"path": "../../etc/passwd"}]}')
    before = set(snapshot(out))
    capsys.readouterr()
    assert _render(out, HARMONIEN_YAML) == 0
    assert f"ignored {MANIFEST}" in capsys.readouterr().err
    assert set(snapshot(out)) >= before  # nothing removed this time
    assert _render(out, SMALL_YAML) == 0  # the new manifest is used again
    assert _render(out, HARMONIEN_YAML) == 0
    assert not (out / "dataflow/membership.svg").exists()


def test_pictures_dot_cannot_make_any_more_are_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert _render(out, SMALL_YAML, "--only", "graph") == 0
    assert (out / "dataflow.svg").exists()
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    capsys.readouterr()
    assert _render(out, SMALL_YAML, "--only", "graph") == 0
    assert "'dot' program was not found" in capsys.readouterr().err
    files = set(snapshot(out))
    assert "dataflow.dot" in files
    assert not [name for name in files if name.endswith((".svg", ".png"))]


@pytest.mark.parametrize("path", [MANIFEST, LOCK, f"{STAGING}/x", STAGING])
def test_the_tools_own_names_are_no_output(path: str) -> None:
    with pytest.raises(hr.OutputError, match="the tool's own"):
        Artifact(path, b"")
