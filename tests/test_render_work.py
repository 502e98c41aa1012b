"""The work of a fresh ``render``, counted rather than timed: one ``dot`` process per picture,
drawing while the other outputs are made; no module loaded that the outputs asked for do not
need; no template compiled (``test_precompiled.py``) and no YAML parsed to define the checker."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from support.paths import HARMONIEN_YAML

import harmonien_ropa as hr
from harmonien_ropa.cli import main
from harmonien_ropa.outputs import record_formats

#: A stand-in for Graphviz: notes its options and how many graphs it was given, then waits
#: until the test lets it finish (at most 60 s: a hang guard, never reached when it works).
FAKE_DOT = """#!/bin/sh
graphs=$(grep -c '^digraph' -)
echo "$* $graphs" >> "{log}"
i=0
while [ ! -e "{release}" ]; do
    i=$((i + 1))
    if [ $i -gt 600 ]; then echo 'never released' >&2; exit 3; fi
    sleep 0.1
done
echo '<svg xmlns="http://www.w3.org/2000/svg"><title>x</title></svg>'
"""


def test_one_dot_process_per_picture_drawing_while_the_rest_is_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, harmonien: hr.DataMap
) -> None:
    """Every picture is one ``dot`` run given one graph, and none is waited for before the
    record is made: the fake ``dot`` finishes only once the record's renderer has started."""
    log, release = tmp_path / "dot.log", tmp_path / "release"
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "dot"
    fake.write_text(FAKE_DOT.format(log=log, release=release))
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}:/usr/bin:/bin")
    original = record_formats.render

    def record_then_release(*args: object, **kwargs: object) -> object:
        release.touch()
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(record_formats, "render", record_then_release)
    out = tmp_path / "out"
    assert main(["render", "--data", str(HARMONIEN_YAML), "--out", str(out)]) == 0
    runs = log.read_text().splitlines()
    activities = len(harmonien.activities)
    languages = len(harmonien.languages)
    assert sorted(runs) == sorted(
        ["-Kdot -Tsvg 1"] * (languages * (1 + activities)) + ["-Kdot -Tpng 1"] * languages
    )
    manifest = json.loads((out / ".harmonien-ropa-manifest.json").read_text())
    pictures = [f["path"] for f in manifest["files"] if f["path"].endswith((".svg", ".png"))]
    assert len(pictures) == len(runs)


#: Renders each ``--only`` in turn in one fresh process (without ``dot``), and after each says
#: which of the modules to watch it has loaded, and how often YAML was parsed by PyYAML's own
#: parser while the checker was imported.
_CHILD = """
import io, json, contextlib, sys, yaml
watched = ("networkx", "graphviz", "jinja2", "xlsxwriter", "openpyxl", "concurrent.futures")
parsed = []
plain = yaml.safe_load
yaml.safe_load = lambda *a, **k: parsed.append(1) or plain(*a, **k)
import harmonien_ropa.checks.engine
yaml.safe_load = plain
from harmonien_ropa.cli import main
report = {"yaml_parses_to_import_the_checker": len(parsed)}
for only in sys.argv[2:]:
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        code = main(["render", "--data", sys.argv[1], "--only", only, "--out", sys.argv[1] + ".out"])
    report[only] = [code, sorted(m for m in watched if m in sys.modules)]
print(json.dumps(report))
"""


def test_outputs_load_only_what_they_need(tmp_path: Path) -> None:
    data = tmp_path / "map.yaml"
    data.write_bytes(HARMONIEN_YAML.read_bytes())
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(data), "model", "notice,dpv,fides", "record", "graph"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        env={"PATH": str(tmp_path), "HARMONIEN_ROPA_TODAY": "2026-12-01"},
    )
    report = json.loads(done.stdout)
    assert report == {
        "yaml_parses_to_import_the_checker": 0,
        "model": [0, []],
        "notice,dpv,fides": [0, ["jinja2"]],
        "record": [0, ["jinja2", "xlsxwriter"]],
        # The graph's files are made without networkx (see flows/plaingraph.py).
        "graph": [0, ["concurrent.futures", "graphviz", "jinja2", "xlsxwriter"]],
    }


def test_render_runs_with_the_cyclic_collector_paused_throughout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No collection runs while ``render`` works (its glue and the imports on the way
    included), and the collector is on again after it."""
    import gc

    from harmonien_ropa.cli import render as render_command

    working: list[bool] = []
    collections: list[int] = []
    original = render_command._run

    def flagged(*args: object) -> int:
        working.append(True)
        try:
            return original(*args)  # type: ignore[arg-type]
        finally:
            working.clear()

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start" and working:
            collections.append(info["generation"])

    monkeypatch.setattr(render_command, "_run", flagged)
    # Without the pause, a collection would be due at every few allocations.
    threshold = gc.get_threshold()
    gc.set_threshold(1, 1, 1)
    gc.callbacks.append(count)
    try:
        code = main(["render", "--data", str(HARMONIEN_YAML), "--out", str(tmp_path / "out")])
    finally:
        gc.callbacks.remove(count)
        gc.set_threshold(*threshold)
    assert code == 0
    assert collections == []
    assert gc.isenabled()


def test_what_render_leaves_alive_is_not_left_to_the_young_collections(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What outlives the command (modules imported on the way, caches; here a list made as
    the command reports its verdict, last, and kept by the test) ends in the collector's oldest
    generation, so that the first young collection after the pause does not walk it all
    again."""
    import gc

    from harmonien_ropa.cli import render as render_command

    kept: list[list[object]] = []
    original = render_command.verdict

    def keeping(checked: object) -> str:
        kept.append([object()])
        return original(checked)  # type: ignore[arg-type]

    monkeypatch.setattr(render_command, "verdict", keeping)
    code = main(["render", "--data", str(HARMONIEN_YAML), "--out", str(tmp_path / "out")])
    assert code == 0
    assert gc.isenabled()
    assert not gc.get_freeze_count()
    young = {id(found) for found in gc.get_objects(generation=0)}
    young |= {id(found) for found in gc.get_objects(generation=1)}
    assert len(kept) == 1
    assert id(kept[0]) not in young


def test_render_never_counts_what_is_frozen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``gc.get_freeze_count()`` walks every frozen object (the loaded map and the modules, for
    the whole command): the command line's render asks it only while nothing is frozen."""
    import gc

    counted: list[int] = []
    original = gc.get_freeze_count

    def counting() -> int:
        counted.append(original())
        return counted[-1]

    monkeypatch.setattr(gc, "get_freeze_count", counting)
    code = main(["render", "--data", str(HARMONIEN_YAML), "--out", str(tmp_path / "out")])
    assert code == 0
    assert sum(counted) == 0


#: A stand-in for Graphviz whose PNG runs finish only once the test lets them (at most 60 s: a
#: hang guard, never reached when it works); its SVG runs finish at once.
FAKE_SLOW_PNG_DOT = """#!/bin/sh
cat > /dev/null
case "$*" in *-Tpng*)
    i=0
    while [ ! -e "{release}" ]; do
        i=$((i + 1))
        if [ $i -gt 600 ]; then echo 'never released' >&2; exit 3; fi
        sleep 0.1
    done
    printf '\\211PNG\\r\\n\\032\\n'
    exit 0;;
esac
echo '<svg xmlns="http://www.w3.org/2000/svg"><title>x</title></svg>'
"""


def test_pictures_are_staged_as_they_are_drawn(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first pictures go to the output folder's staging while the last are still being
    drawn: the fake ``dot`` finishes its PNGs only once an SVG has been staged."""
    from harmonien_ropa.outputs.staging import StagedOutput

    release = tmp_path / "release"
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "dot"
    fake.write_text(FAKE_SLOW_PNG_DOT.format(release=release))
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}:/usr/bin:/bin")
    original = StagedOutput.stage

    def stage(self: StagedOutput, artifacts: Any, output: str | None = None) -> None:
        def noted() -> Any:
            for artifact in artifacts:
                yield artifact
                if artifact.path.endswith(".svg"):
                    release.touch()

        original(self, noted(), output)

    monkeypatch.setattr(StagedOutput, "stage", stage)
    out = tmp_path / "out"
    assert main(["render", "--data", str(HARMONIEN_YAML), "--out", str(out)]) == 0
    assert (out / "dataflow.png").read_bytes().startswith(b"\x89PNG")
    assert (out / "dataflow.en.png").exists()
