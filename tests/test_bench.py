"""The benchmark keeps working: generated organisations load, and bench/run.py runs at N = 10.

No timing is asserted here (the machine's load varies); ``make bench`` measures.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from support.paths import SMALL_YAML

import harmonien_ropa as hr
from harmonien_ropa.outputs import RENDERERS

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"


def _generate_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_generate", BENCH / "generate.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("n", [1, 10, 250])
def test_generated_organisation_is_valid_and_sized(n: int) -> None:
    generate = _generate_module()
    text = generate.generate(n, seed=3)
    datamap = hr.loads(text)
    assert len(datamap.activities) == n
    assert len(datamap.systems) == max(2, n // 10)
    assert len(datamap.parties) == max(4, n // 20)
    assert all(a.name.nb and a.name.en for a in datamap.activities)


def test_generated_organisation_is_seeded() -> None:
    generate = _generate_module()
    assert generate.generate(50, seed=1) == generate.generate(50, seed=1)
    assert generate.generate(50, seed=1) != generate.generate(50, seed=2)


def test_generated_organisation_has_the_hard_cases() -> None:
    datamap = hr.loads(_generate_module().generate(400, seed=1))
    assert any(datamap.special_categories_of(a) for a in datamap.activities)
    assert any(a.transfers for a in datamap.activities)
    assert any(a.is_processor_activity for a in datamap.activities)
    assert any(p.engaged_by_id for p in datamap.parties)
    assert any(True for _ in datamap.assumptions())


def _rows(table: str) -> list[list[str]]:
    lines = table.split("## Fresh processes", 1)[0].splitlines()
    rows = [line.strip("|").split("|") for line in lines if line.startswith("| ")]
    rows = [row for row in rows if not row[1].strip().startswith("---")]
    return [[cell.strip() for cell in row] for row in rows[1:]]  # without the header


def test_run_at_n_10_prints_a_complete_table(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    done = subprocess.run(
        [
            sys.executable,
            str(BENCH / "run.py"),
            "--sizes",
            "10",
            "--max-runs",
            "1",
            "--cold-runs",
            "1",
            "--json",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    rows = _rows(done.stdout)
    stages = {row[0] for row in rows}
    assert {"parse (C loader)", "load+validate", "check", "render:all (no SVG)"} <= stages
    assert {f"render:{name}" for name in RENDERERS} <= stages
    for stage, n, wall, cpu, ratio, _growth, peak, note in rows:
        assert n == "10"
        assert note == "", stage
        assert float(wall) >= 0
        assert float(cpu) >= 0
        assert float(peak) >= 0
        assert float(ratio) >= 0
    parse_row = next(row for row in rows if row[0] == "parse (C loader)")
    assert parse_row[4] == "1.00"
    assert "## Fresh processes" in done.stdout
    assert "| --version |" in done.stdout
    assert "## Targets" in done.stdout
    assert '"rows"' in out.read_text(encoding="utf-8")


def test_renderers_run_with_the_cyclic_collector_paused_and_restore_it() -> None:
    import gc

    from harmonien_ropa.core.collector import collector_paused
    from harmonien_ropa.outputs import RenderOptions, RenderResult, renderer

    states: list[bool] = []
    with collector_paused():
        states.append(gc.isenabled())
    states.append(gc.isenabled())
    assert states == [False, True]
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # a caller's own choice is left alone
    finally:
        gc.enable()
    assert isinstance(renderer("changes")(hr.load(SMALL_YAML), RenderOptions()), RenderResult)
    assert gc.isenabled()


def test_chains_benchmark_runs_every_shape(capsys: pytest.CaptureFixture[str]) -> None:
    spec = importlib.util.spec_from_file_location("bench_chains", BENCH / "chains.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--sizes", "3,6"]) == 0
    rows = capsys.readouterr().out.splitlines()[1:]
    assert [row.split()[:2] for row in rows] == [
        [shape, n] for shape in ("chain", "fan", "cycle") for n in ("3", "6")
    ]
    assert all(row.split()[-1] == "-" for row in rows if row.startswith("cycle"))
