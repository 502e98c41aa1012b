"""``dot`` processes started ahead: the same pictures, bounded in number, none left behind."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from support.paths import SMALL_YAML
from test_graph_scale import fake_dot

import harmonien_ropa as hr
from harmonien_ropa import cli
from harmonien_ropa.cli import main
from harmonien_ropa.cli import render as render_command
from harmonien_ropa.outputs import RenderOptions, dot_spares
from harmonien_ropa.outputs import diagram as rg
from harmonien_ropa.outputs.dot_spares import DotSpares

needs_dot = pytest.mark.skipif(dot_spares.find_dot() is None, reason="Graphviz not installed")

#: Reads its input, then answers with an SVG naming the arguments it was started with.
ECHO_DOT = 'cat > /dev/null; echo "<svg><title>$*</title></svg>"'


def wait_ready(spares: DotSpares, fmt: str, count: int) -> None:
    """Wait until ``count`` spares of ``fmt`` are ready (a generous guard against a hang)."""
    deadline = time.monotonic() + 60
    while spares.ready(fmt) < count:
        assert time.monotonic() < deadline, "the spares were not started"
        time.sleep(0.005)


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[subprocess.Popen[bytes]]:
    """Every spare started (the pictures' own processes are not counted)."""
    procs: list[subprocess.Popen[bytes]] = []
    real = dot_spares.start_dot

    def recording(program: str, fmt: str) -> subprocess.Popen[bytes]:
        proc = real(program, fmt)
        procs.append(proc)
        return proc

    monkeypatch.setattr(dot_spares, "start_dot", recording)
    return procs


def test_spares_are_started_taken_and_stopped(
    started: list[subprocess.Popen[bytes]], tmp_path: Path
) -> None:
    program = str(fake_dot(tmp_path, ECHO_DOT) / "dot")
    with DotSpares(program) as spares:
        spares.expect({"png": 1, "svg": 2})
        spares.expect({"svg": 1})  # never fewer than asked before
        wait_ready(spares, "svg", 2)
        wait_ready(spares, "png", 1)
        taken = [spares.take("svg"), spares.take("svg")]
        assert spares.ready("svg") == 0
        assert [p.args for p in taken if p is not None] == [[program, "-Kdot", "-Tsvg"]] * 2
        assert taken[0] is not None
        assert taken[1] is not None
        out, _ = taken[0].communicate(b"digraph {}")
        assert out == b"<svg><title>-Kdot -Tsvg</title></svg>\n"
        taken[1].kill()
        taken[1].wait()
    for proc in taken:
        assert proc is not None
        for pipe in (proc.stdin, proc.stdout, proc.stderr):
            assert pipe is not None
            pipe.close()
    assert len(started) == 3
    png = next(p for p in started if isinstance(p.args, list) and p.args[-1] == "-Tpng")
    assert png.returncode == -9  # not taken: killed and reaped when the spares closed


def test_a_picture_drawn_without_a_spare_counts_as_expected(
    started: list[subprocess.Popen[bytes]], tmp_path: Path
) -> None:
    spares = DotSpares(str(fake_dot(tmp_path, ECHO_DOT) / "dot"))
    assert spares.take("svg") is None  # its caller starts one of its own
    spares.expect({"svg": 1})
    spares.close()
    assert started == []


def test_few_spares_wait_at_a_time(
    monkeypatch: pytest.MonkeyPatch, started: list[subprocess.Popen[bytes]], tmp_path: Path
) -> None:
    monkeypatch.setattr(dot_spares, "READY_MAX", 2)
    with DotSpares(str(fake_dot(tmp_path, ECHO_DOT) / "dot")) as spares:
        spares.expect({"svg": 5})
        for taken in range(1, 6):
            wait_ready(spares, "svg", 1)
            # Never more than READY_MAX started and not yet taken.
            assert spares.ready("svg") <= 2
            assert len(started) - (taken - 1) <= 2
            proc = spares.take("svg")
            assert proc is not None
            dot_spares.stop_dot(proc)
    assert len(started) == 5


@needs_dot
def test_pictures_from_spares_are_the_same(
    started: list[subprocess.Popen[bytes]], small: hr.DataMap
) -> None:
    plain = rg.render(small, RenderOptions())
    program = dot_spares.find_dot()
    assert program is not None
    with DotSpares(program) as spares:
        spares.expect(dot_spares.BEFORE_THE_MAP)
        for fmt, count in dot_spares.BEFORE_THE_MAP.items():  # all ready: each picture takes one
            wait_ready(spares, fmt, count)
        spared = rg.render(small, RenderOptions(dot_spares=spares))
    assert [(a.path, a.content) for a in spared.artifacts] == [
        (a.path, a.content) for a in plain.artifacts
    ]
    assert any(a.path.endswith(".png") for a in spared.artifacts)
    drew = [proc for proc in started if proc.returncode == 0]
    assert len(drew) == sum(rg.pictures(small, small.languages).values())
    assert len(started) == sum(dot_spares.BEFORE_THE_MAP.values())
    assert all(proc.returncode in (0, -9) for proc in started)  # drew, or killed unused


@needs_dot
@pytest.mark.parametrize("data", ["good", "bad"])
def test_render_leaves_no_spare_behind(
    started: list[subprocess.Popen[bytes]],
    tmp_path: Path,
    data: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = cli.load_data

    def load_once_a_spare_runs(args: argparse.Namespace) -> hr.DataMap:
        deadline = time.monotonic() + 60
        while not started:
            assert time.monotonic() < deadline, "no spare was started"
            time.sleep(0.005)
        return real(args)

    monkeypatch.setattr(render_command, "load_data", load_once_a_spare_runs)
    path = SMALL_YAML
    if data == "bad":
        path = tmp_path / "bad.yaml"
        path.write_text("organisation: [\n", encoding="utf-8")
    code = main(["render", "--data", str(path), "--out", str(tmp_path / "out")])
    assert code == (0 if data == "good" else 2)
    assert started  # started before the map was read
    assert all(proc.returncode is not None for proc in started)  # every one reaped
    if data == "bad":
        assert all(proc.returncode == -9 for proc in started)


def test_no_spares_without_pictures(
    started: list[subprocess.Popen[bytes]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert (
        main(["render", "--data", str(SMALL_YAML), "--only", "model", "--out", str(tmp_path)]) == 0
    )
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))
    assert main(["render", "--data", str(SMALL_YAML), "--out", str(tmp_path)]) == 0
    assert started == []


#: Runs ``render`` in a fresh interpreter, noting which of the map's modules are imported when
#: the first spares are asked for; prints them as JSON.
_FIRST_SPARES = """
import json, sys
from harmonien_ropa.outputs import dot_spares
imported = []
real = dot_spares.DotSpares.expect
def expect(self, counts):
    if not imported:
        imported.append(sorted(m for m in ("pydantic", "yaml", "harmonien_ropa.model",
            "harmonien_ropa.source.loading") if m in sys.modules))
    real(self, counts)
dot_spares.DotSpares.expect = expect
from harmonien_ropa.cli import main
code = main(["render", "--data", sys.argv[1], "--out", sys.argv[2], "--only", "graph"])
print(json.dumps([code, imported]))
"""


def test_spares_start_before_the_model_is_imported(tmp_path: Path) -> None:
    """The spares start loading Graphviz while Python imports the model and reads the map
    (a child process: the model is imported in this one)."""
    bin_dir = fake_dot(tmp_path / "bin", ECHO_DOT)
    done = subprocess.run(
        [sys.executable, "-c", _FIRST_SPARES, str(SMALL_YAML), str(tmp_path / "out")],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        env={"PATH": f"{bin_dir}:/usr/bin:/bin", "HARMONIEN_ROPA_TODAY": "2026-12-01"},
    )
    code, imported = json.loads(done.stdout.splitlines()[-1])
    assert code == 0
    assert imported == [[]]
