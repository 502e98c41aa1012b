"""Atomic, confined writing of outputs."""

from __future__ import annotations

import importlib
import os
from pathlib import Path

import pytest

import harmonien_ropa as hr
from harmonien_ropa.outputs.staging import Artifact, write_artifacts


def test_writes_nested_files(tmp_path: Path) -> None:
    written = write_artifacts(
        tmp_path / "out", [Artifact("a.txt", b"1"), Artifact("d/b.txt", b"2")]
    )
    assert [p.read_bytes() for p in written] == [b"1", b"2"]
    assert sorted(os.listdir(tmp_path / "out")) == ["a.txt", "d"]


@pytest.mark.parametrize("path", ["../x", "/etc/passwd", "a/../../x", "", "a\\b"])
def test_refuses_paths_outside_the_folder(path: str) -> None:
    with pytest.raises(hr.OutputError):
        Artifact(path, b"")


def test_refuses_symlinked_folder_and_file(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "d").symlink_to(elsewhere)
    with pytest.raises(hr.OutputError, match="symlink"):
        write_artifacts(out, [Artifact("d/x.txt", b"1")])
    (out / "f.txt").symlink_to(elsewhere / "target.txt")
    with pytest.raises(hr.OutputError, match="symlink"):
        write_artifacts(out, [Artifact("f.txt", b"1")])
    assert list(elsewhere.iterdir()) == []
    link = tmp_path / "link"
    link.symlink_to(out)
    with pytest.raises(hr.OutputError, match="symlink"):
        write_artifacts(link, [Artifact("x.txt", b"1")])


def test_replaces_previous_output_atomically(tmp_path: Path) -> None:
    write_artifacts(tmp_path, [Artifact("a.txt", b"old")])
    write_artifacts(tmp_path, [Artifact("a.txt", b"new")])
    assert (tmp_path / "a.txt").read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_duplicate_paths_are_refused_before_writing(tmp_path: Path) -> None:
    with pytest.raises(hr.OutputError, match="same path"):
        write_artifacts(tmp_path / "o", [Artifact("a", b"1"), Artifact("a", b"2")])
    assert not (tmp_path / "o").exists()


def test_failing_renderer_leaves_previous_outputs(
    tmp_path: Path, small: hr.DataMap, monkeypatch: pytest.MonkeyPatch
) -> None:
    render_module = importlib.import_module("harmonien_ropa.outputs")
    real = render_module.renderer
    write_artifacts(tmp_path, hr.render(small, only=["model"]).artifacts)
    before = (tmp_path / "model.json").read_bytes()

    def broken(datamap: hr.DataMap, options: hr.RenderOptions) -> hr.RenderResult:
        raise hr.RenderError("boom")

    monkeypatch.setattr(
        render_module, "renderer", lambda name: broken if name == "broken" else real(name)
    )
    with pytest.raises(hr.RenderError):
        write_artifacts(tmp_path, hr.render(small, only=["model", "broken"]).artifacts)
    assert (tmp_path / "model.json").read_bytes() == before
