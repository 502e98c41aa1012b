"""Staged writing: each renderer's files leave memory as it returns, all or nothing still holds."""

from __future__ import annotations

import errno
import importlib
import os
import stat
from pathlib import Path
from typing import Any

import pytest
from support.paths import SMALL_YAML

import harmonien_ropa as hr
from harmonien_ropa.cli import main
from harmonien_ropa.outputs import RENDERERS, render_each
from harmonien_ropa.outputs.staging import LOCK, MANIFEST, STAGING, Scope, StagedOutput

render_module = importlib.import_module("harmonien_ropa.outputs")
output_module = importlib.import_module("harmonien_ropa.outputs.staging")


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def stage_batches(out: Path, *batches: list[hr.Artifact], fail: bool = False) -> None:
    """Stage ``batches`` one after the other, then fail (if asked) before any commit."""
    with StagedOutput(out) as staged:
        for batch in batches:
            staged.stage(batch)
        if fail:
            raise RuntimeError("a later renderer failed")


def test_staged_batches_are_written_on_commit_only(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with StagedOutput(out) as staged:
        staged.stage([hr.Artifact("a.txt", b"1")])
        staged.stage([hr.Artifact("d/b.txt", b"2")])
        # Staged bytes are on disk, in the private staging folder only.
        assert not (out / "a.txt").exists()
        assert not (out / "d").exists()
        staging = out / STAGING
        assert stat.S_IMODE(staging.stat().st_mode) == 0o700
        files = sorted(staging.iterdir())
        assert [p.read_bytes() for p in files] == [b"1", b"2"]
        assert {stat.S_IMODE(p.stat().st_mode) for p in files} == {0o600}
        written = staged.commit()
    assert [p.read_bytes() for p in written] == [b"1", b"2"]
    assert {stat.S_IMODE(p.stat().st_mode) for p in written} == {0o644}
    assert snapshot(out) == {"a.txt": b"1", "d/b.txt": b"2"}
    assert sorted(p.name for p in out.iterdir()) == ["a.txt", "d"]  # no lock, no staging


def test_leaving_without_commit_removes_temporaries_and_new_folders(tmp_path: Path) -> None:
    out = tmp_path / "new" / "out"
    batch = [hr.Artifact("a.txt", b"1"), hr.Artifact("d/e/b.txt", b"2")]
    with pytest.raises(RuntimeError):
        stage_batches(out, batch, fail=True)
    assert list(tmp_path.iterdir()) == []


def test_duplicate_path_across_batches_is_refused(tmp_path: Path) -> None:
    hr.write_artifacts(tmp_path, [hr.Artifact("a.txt", b"old")])
    with pytest.raises(hr.OutputError, match="same path"):
        stage_batches(tmp_path, [hr.Artifact("a.txt", b"1")], [hr.Artifact("a.txt", b"2")])
    assert snapshot(tmp_path) == {"a.txt": b"old"}


def test_disk_full_in_second_batch_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hr.write_artifacts(tmp_path, [hr.Artifact("a.txt", b"old")])
    real_write = os.write
    calls = 0

    class Os:
        def __getattr__(self, name: str) -> Any:
            return getattr(os, name)

        @staticmethod
        def write(fd: int, data: Any) -> int:
            nonlocal calls
            calls += 1
            if calls == 2:
                raise OSError(errno.ENOSPC, "No space left")
            return real_write(fd, data)

    monkeypatch.setattr(output_module, "os", Os())
    with pytest.raises(hr.OutputError, match="No space left"):
        stage_batches(tmp_path, [hr.Artifact("a.txt", b"new")], [hr.Artifact("b/c.txt", b"new")])
    monkeypatch.undo()
    assert snapshot(tmp_path) == {"a.txt": b"old"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_render_each_yields_every_renderer_in_order(small: hr.DataMap) -> None:
    parts = list(render_each(small, ["model", "fides"]))
    assert [name for name, _ in parts] == ["model", "fides"]
    whole = hr.render(small, ["model", "fides"])
    assert [a for _, part in parts for a in part.artifacts] == whole.artifacts


def test_cli_renderer_failing_after_others_staged_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    only = "model,fides,changes"
    command = ["render", "--data", str(SMALL_YAML), "--out", str(out), "--only", only]
    command += ["--previous", str(SMALL_YAML)]
    assert main(command) == 0
    (out / "notes.txt").write_bytes(b"mine")
    before = snapshot(out)
    staged: list[str] = []
    real_stage = StagedOutput.stage

    def recording_stage(self: StagedOutput, artifacts: Any, output: str | None = None) -> None:
        items = list(artifacts)
        staged.extend(a.path for a in items)
        real_stage(self, items, output)

    real = render_module.renderer

    def broken(datamap: hr.DataMap, options: hr.RenderOptions) -> hr.RenderResult:
        # The earlier renderers' files are already staged, in the private staging folder.
        assert any(p.name.endswith(".new") for p in (out / STAGING).iterdir())
        raise hr.RenderError("cannot render")

    monkeypatch.setattr(StagedOutput, "stage", recording_stage)
    monkeypatch.setattr(
        render_module, "renderer", lambda name: broken if name == "changes" else real(name)
    )
    capsys.readouterr()
    assert main(command) == 2
    assert "cannot render" in capsys.readouterr().err
    assert "model.json" in staged
    assert snapshot(out) == before
    assert not (out / STAGING).exists()
    assert not (out / LOCK).exists()


def test_cli_failure_into_a_new_folder_leaves_no_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = render_module.renderer
    last = list(RENDERERS)[-1]

    def broken(datamap: hr.DataMap, options: hr.RenderOptions) -> hr.RenderResult:
        raise hr.RenderError("cannot render")

    monkeypatch.setattr(
        render_module, "renderer", lambda name: broken if name == last else real(name)
    )
    out = tmp_path / "fresh" / "out"
    assert main(["render", "--data", str(SMALL_YAML), "--out", str(out)]) == 2
    assert list(tmp_path.iterdir()) == []


class RecordingOs:
    """``os`` as the output module sees it, recording each flush, close and rename in order
    (flushes and closes come from the flushing threads)."""

    def __init__(self, fail_fsync: bool = False) -> None:
        self.events: list[tuple[str, Any]] = []
        self.fail_fsync = fail_fsync

    def __getattr__(self, attr: str) -> Any:
        real = getattr(os, attr)
        if attr not in ("fsync", "close", "replace", "rename"):
            return real

        def step(*args: Any, **kwargs: Any) -> Any:
            self.events.append(
                (attr, os.path.basename(args[1]) if attr in ("replace", "rename") else args[0])
            )
            if attr == "fsync" and self.fail_fsync:
                raise OSError(errno.EIO, "I/O error")
            return real(*args, **kwargs)

        return step


def test_every_staged_file_is_flushed_before_any_is_renamed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = RecordingOs()
    monkeypatch.setattr(output_module, "os", fake)
    out = tmp_path / "out"
    batch = [hr.Artifact(f"d/{n}.txt", str(n).encode()) for n in range(50)]
    scope = Scope(frozenset({"o"}), frozenset({"nb", "en"}))
    with StagedOutput(out, scope=scope) as staged:
        staged.stage(batch[:20], output="o")
        staged.stage(batch[20:], output="o")
        staged.commit()
    monkeypatch.undo()
    assert set(snapshot(out)) == {a.path for a in batch} | {MANIFEST}
    first_rename = next(
        i for i, (what, _) in enumerate(fake.events) if what not in {"fsync", "close"}
    )
    flushed = [fd for what, fd in fake.events[:first_rename] if what == "fsync"]
    closed = [fd for what, fd in fake.events[:first_rename] if what == "close"]
    # The 50 files, the manifest and the journal, each flushed once and closed after, before
    # the journal is renamed into place.
    assert len(flushed) == 52
    assert sorted(closed) == sorted(flushed)
    assert fake.events[first_rename] == ("rename", "journal.json")
    assert not any(what == "fsync" for what, _ in fake.events[first_rename:])


def test_a_flush_failing_in_the_background_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.txt").write_bytes(b"old")
    monkeypatch.setattr(output_module, "os", RecordingOs(fail_fsync=True))
    with StagedOutput(out) as staged:
        staged.stage([hr.Artifact("a.txt", b"new")])  # the failure is not seen yet
        with pytest.raises(hr.OutputError, match=r"a\.txt.*I/O error"):
            staged.commit()
    monkeypatch.undo()
    assert snapshot(out) == {"a.txt": b"old"}


def test_the_backups_of_a_commit_are_removed_several_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Replacing files leaves a backup of each in the staging folder until the commit is
    done; they are removed on several threads at once (each removal can wait for the disk).
    A removal here returns only once four are under way (a hang guard of 30 s ends it)."""
    import threading

    out = tmp_path / "out"
    old = [hr.Artifact(f"f{n}.txt", b"old") for n in range(12)]
    with StagedOutput(out) as staged:
        staged.stage(old)
        staged.commit()
    together = threading.Barrier(4, timeout=30)
    removed: list[str] = []

    class TogetherOs:
        def __getattr__(self, attr: str) -> Any:
            real = getattr(os, attr)
            if attr != "unlink":
                return real

            def unlink(path: Any, *args: Any, **kwargs: Any) -> None:
                if str(path).endswith(".old"):
                    together.wait()
                    removed.append(str(path))
                real(path, *args, **kwargs)

            return unlink

    monkeypatch.setattr(output_module, "os", TogetherOs())
    with StagedOutput(out) as staged:
        staged.stage([hr.Artifact(a.path, b"new") for a in old])
        staged.commit()
    monkeypatch.undo()
    assert len(removed) == 12
    assert snapshot(out) == {a.path: b"new" for a in old}
    assert not (out / STAGING).exists()


def test_removing_files_goes_on_past_a_failure_and_reports_the_first(tmp_path: Path) -> None:
    from harmonien_ropa.outputs.flushing import remove_files

    paths = [str(tmp_path / f"f{n}") for n in range(10)]
    for path in paths:
        Path(path).write_bytes(b"x")
    missing = {paths[2], paths[6]}
    for path in missing:
        os.unlink(path)
    with pytest.raises(FileNotFoundError) as raised:
        remove_files(paths, os.unlink)
    assert raised.value.filename == paths[2]
    assert list(tmp_path.iterdir()) == []
