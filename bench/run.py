"""Benchmark: time and peak memory of loading, checking and rendering synthetic organisations.

For each size N (activities) it generates an organisation with ``bench/generate.py`` and measures,
in this one process:

- ``parse (C loader)``: ``yaml.load`` with PyYAML's C loader, the floor every other row is
  compared with (the ``x parse`` column);
- ``load+validate``: :func:`harmonien_ropa.load` (safe parse with positions, pydantic validation,
  reference checks, the map's index);
- ``check``: the ``check`` command as users run it (load, every rule, the text report);
- ``render:<name>``: each registered renderer on the loaded map, with Graphviz's ``dot`` hidden
  (no SVG/PNG), then ``render:all (no SVG)``: the ``render`` command with ``dot`` hidden, from
  file to written folder;
- ``render:<name>+dot``: renderers that call ``dot`` (SVG/PNG), for N up to ``--svg-max``.

Time is the best of several runs (at least ``--min-runs`` runs, ``--max-runs`` at most, and more
up to ``--min-time`` seconds: a stage that takes seconds, such as the bare parse and ``check`` at
the largest N, is not judged on one run, nor is the ratio of two of them); peak
memory is the largest amount of Python memory allocated during one more run (tracemalloc),
above what was allocated before it. ``growth`` is the time's factor against N/10.

Then, as subprocesses: cold start of ``--version``, ``--help`` and ``render``/``check`` of the
packaged Harmonien map (median wall time including interpreter start; ``render (Harmonien) minus
bare interpreter`` takes away a ``python -c pass`` measured the same way), and the whole-process
peak resident memory of ``check`` and ``render`` at the largest N. Finally each target of the
benchmark is listed with the measured value.

    python bench/run.py                       # N = 10, 100, 1,000, 10,000 (a few minutes)
    python bench/run.py --sizes 10,100 --json bench.json
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import io
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate

import harmonien_ropa as hr
from harmonien_ropa.outputs import ON_REQUEST, RENDERERS, RenderOptions, renderer

try:
    from yaml import CSafeLoader as CLoader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    sys.exit("bench: PyYAML's C loader (libyaml) is not available; the floor cannot be measured")

PARSE = "parse (C loader)"
LOAD = "load+validate"
CHECK = "check"
RENDER_ALL = "render:all (no SVG)"
#: A fresh interpreter doing nothing (``python -c pass``), and the fresh-process render of the
#: packaged Harmonien map, pictures included, less that: what ``render`` itself costs.
BARE = "bare interpreter (python -c pass)"
RENDER_FRESH = "render (Harmonien) minus bare interpreter"
#: Renderers known to call Graphviz's ``dot`` (measured again with it, up to --svg-max).
DOT_RENDERERS = ("graph",)
#: The documents made only on request (Word, PDF) are measured up to this many activities: a
#: PDF of thousands of activities is a book, and laying it out would dwarf every other stage.
DOCUMENTS_MAX = 100
MiB = 1024 * 1024


@dataclass
class Row:
    """One measured stage at one size."""

    stage: str
    n: int
    seconds: float | None = None
    cpu_seconds: float | None = None
    peak_mib: float | None = None
    ratio: float | None = None
    growth: float | None = None
    error: str | None = None


@dataclass
class Cold:
    """One command run as a fresh process."""

    command: str
    median_s: float
    best_s: float
    median_cpu_s: float
    max_rss_mib: float


@dataclass
class Report:
    sizes: list[int]
    rows: list[Row] = field(default_factory=list)
    cold: list[Cold] = field(default_factory=list)
    bytes_per_size: dict[int, int] = field(default_factory=dict)
    targets: list[tuple[str, str, bool | None]] = field(default_factory=list)

    def row(self, stage: str, n: int) -> Row | None:
        return next((r for r in self.rows if r.stage == stage and r.n == n), None)


# -- measuring ---------------------------------------------------------------------------------


@contextlib.contextmanager
def quiet() -> Iterator[None]:
    """Swallow what the CLI prints."""
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        yield


@contextlib.contextmanager
def without_dot(empty_dir: Path) -> Iterator[None]:
    """Hide every program (so Graphviz's ``dot``) from renderers: SVG/PNG are then skipped."""
    saved = os.environ.get("PATH", "")
    os.environ["PATH"] = str(empty_dir)
    try:
        yield
    finally:
        os.environ["PATH"] = saved


def cpu_time() -> float:
    """CPU seconds used by this process and the child processes it has waited for."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def best_time(
    work: Callable[[Any], object],
    min_time: float,
    max_runs: int,
    setup: Callable[[], Any] = lambda: None,
    min_runs: int = 1,
) -> tuple[float, float]:
    """Best wall time and best CPU time (s) of ``work`` over a few runs, each given what
    ``setup`` made for it (untimed)."""
    best_wall = best_cpu = float("inf")
    spent = 0.0
    runs = 0
    while runs < max_runs and (runs < max(1, min_runs) or spent < min_time):
        given = setup()
        gc.collect()
        cpu = cpu_time()
        start = time.perf_counter()
        work(given)
        elapsed = time.perf_counter() - start
        best_cpu = min(best_cpu, cpu_time() - cpu)
        best_wall = min(best_wall, elapsed)
        spent += elapsed
        runs += 1
        del given
    return best_wall, best_cpu


def peak_memory(work: Callable[[Any], object], setup: Callable[[], Any] = lambda: None) -> float:
    """Peak Python allocation (MiB) during ``work``, above what was allocated before."""
    given = setup()
    gc.collect()
    tracemalloc.start()
    try:
        before, _ = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        work(given)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return (peak - before) / MiB


def measure(
    report: Report,
    stage: str,
    n: int,
    work: Callable[[Any], object],
    args: argparse.Namespace,
    setup: Callable[[], Any] = lambda: None,
) -> Row:
    """Time ``work`` (and its peak memory), each run given a fresh result of ``setup``: a
    renderer gets a map loaded anew, as the values derived from its entries are kept with them
    (a second render of one loaded map would find them made)."""
    row = Row(stage, n)
    try:
        row.seconds, row.cpu_seconds = best_time(
            work, args.min_time, args.max_runs, setup, args.min_runs
        )
        if not args.no_memory:
            row.peak_mib = peak_memory(work, setup)
    except Exception as exc:  # a broken renderer must not stop the benchmark
        row.seconds = row.cpu_seconds = row.peak_mib = None
        row.error = f"{type(exc).__name__}: {exc}".splitlines()[0][:200]
    report.rows.append(row)
    print(
        f"  {stage:<28} {_fmt_time(row.seconds):>10} wall {_fmt_time(row.cpu_seconds):>10} cpu"
        f"  {row.error or ''}",
        file=sys.stderr,
    )
    return row


def checker_available() -> bool:
    try:
        import harmonien_ropa.checks  # noqa: F401
    except ImportError:
        return False
    return True


def run_sizes(report: Report, args: argparse.Namespace, work_dir: Path) -> None:
    empty = work_dir / "empty-path"
    empty.mkdir()
    options = RenderOptions()
    for n in report.sizes:
        print(f"N = {n:,}", file=sys.stderr)
        path = work_dir / f"org-{n}.yaml"
        path.write_text(generate(n, args.seed), encoding="utf-8")
        report.bytes_per_size[n] = path.stat().st_size
        out = work_dir / f"out-{n}"

        def parse(_: object, path: Path = path) -> object:
            return yaml.load(path.read_text(encoding="utf-8"), Loader=CLoader)

        def load(_: object = None, path: Path = path) -> hr.DataMap:
            return hr.load(path)

        measure(report, PARSE, n, parse, args)
        measure(report, LOAD, n, load, args)
        from harmonien_ropa.cli import main as cli

        def check(_: object, path: Path = path) -> None:
            with quiet():
                code = cli(["check", "--data", str(path)])
            if code not in (0, 1):
                raise RuntimeError(f"check exited with {code}")

        measure(report, CHECK if checker_available() else CHECK + " (loader only)", n, check, args)
        if n > args.render_max:
            shutil.rmtree(out, ignore_errors=True)
            continue
        with without_dot(empty):
            for name in RENDERERS:
                if name in ON_REQUEST and n > DOCUMENTS_MAX:
                    continue
                render_one = renderer(name)
                measure(
                    report,
                    f"render:{name}",
                    n,
                    lambda d, r=render_one: r(d, options),
                    args,
                    setup=load,
                )

            def render_all(_: object, path: Path = path, out: Path = out) -> None:
                shutil.rmtree(out, ignore_errors=True)
                with quiet():
                    code = cli(["render", "--data", str(path), "--out", str(out)])
                if code != 0:
                    raise RuntimeError(f"render exited with {code}")

            measure(report, RENDER_ALL, n, render_all, args)
        if n <= args.svg_max and shutil.which("dot"):
            for name in RENDERERS:
                if name in DOT_RENDERERS:
                    render_one = renderer(name)
                    measure(
                        report,
                        f"render:{name}+dot",
                        n,
                        lambda d, r=render_one: r(d, options),
                        args,
                        setup=load,
                    )
        shutil.rmtree(out, ignore_errors=True)
    _derive(report)


def _derive(report: Report) -> None:
    for row in report.rows:
        floor = report.row(PARSE, row.n)
        if row.cpu_seconds is not None and floor is not None and floor.cpu_seconds:
            row.ratio = row.cpu_seconds / floor.cpu_seconds
        previous = report.row(row.stage, row.n // 10) if row.n % 10 == 0 else None
        if row.cpu_seconds is not None and previous is not None and previous.cpu_seconds:
            row.growth = row.cpu_seconds / previous.cpu_seconds


#: Runs a command as a child of a small process, so that the child's peak resident memory is
#: its own and not that of this (large) benchmark process, which a fork would copy.
_LAUNCHER = """
import os, sys, time
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    os.execv(sys.argv[1], sys.argv[1:])
_, status, usage = os.wait4(pid, 0)
cpu = usage.ru_utime + usage.ru_stime
print(time.perf_counter() - start, cpu, usage.ru_maxrss, os.waitstatus_to_exitcode(status))
"""


def run_process(
    command: list[str], env: dict[str, str] | None = None
) -> tuple[float, float, float]:
    """Wall time (s), CPU time (s) and peak resident memory (MiB) of one fresh process."""
    done = subprocess.run(
        [sys.executable, "-c", _LAUNCHER, *command],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        check=True,
        text=True,
    )
    elapsed, cpu, max_rss_kib, code = done.stdout.split()[-4:]
    if int(code) not in (0, 1):
        raise RuntimeError(f"{' '.join(command)} exited with {code}")
    return float(elapsed), float(cpu), int(max_rss_kib) / 1024


def run_cold(report: Report, args: argparse.Namespace, work_dir: Path) -> None:
    py = [sys.executable, "-m", "harmonien_ropa"]
    harmonien = Path(hr.__file__).resolve().parent.parent / "data" / "processing.yaml"
    data = ["--data", str(harmonien)] if harmonien.exists() else []
    no_dot_env = {**os.environ, "PATH": str(work_dir / "empty-path")}
    commands: list[tuple[str, list[str], dict[str, str] | None]] = [
        (BARE, [sys.executable, "-c", "pass"], None),
        ("--version", [*py, "--version"], None),
        ("--help", [*py, "--help"], None),
        ("check (Harmonien)", [*py, "check", *data], None),
        ("render (Harmonien)", [*py, "render", *data, "--out", str(work_dir / "h")], None),
        (
            "render (Harmonien, no SVG)",
            [*py, "render", *data, "--out", str(work_dir / "h2")],
            no_dot_env,
        ),
    ]
    largest = max(report.sizes)
    big = work_dir / f"org-{largest}.yaml"
    commands.append((f"check (N={largest:,})", [*py, "check", "--data", str(big)], None))
    # The whole command at N=1,000 (the time target) and at the largest size rendered (memory).
    rendered = max((n for n in report.sizes if n <= args.render_max), default=None)
    for n in sorted({n for n in (1000, rendered) if n is not None and n in report.sizes}):
        data = ["--data", str(work_dir / f"org-{n}.yaml")]
        out = ["--out", str(work_dir / f"big-{n}")]
        commands.append((f"render (N={n:,}, no SVG)", [*py, "render", *data, *out], no_dot_env))
    print("cold starts", file=sys.stderr)
    for label, command, env in commands:
        runs = 1 if "N=" in label else args.cold_runs
        times, cpus, rss = [], [], 0.0
        for _ in range(runs):
            elapsed, cpu, peak = run_process(command, env)
            times.append(elapsed)
            cpus.append(cpu)
            rss = max(rss, peak)
        cold = Cold(label, statistics.median(times), min(times), statistics.median(cpus), rss)
        report.cold.append(cold)
        print(
            f"  {label:<28} {_fmt_time(cold.median_s):>10} wall {_fmt_time(cold.median_cpu_s):>10} cpu",
            file=sys.stderr,
        )
    bare = next(c for c in report.cold if c.command == BARE)
    render = next(c for c in report.cold if c.command == "render (Harmonien)")
    report.cold.append(
        Cold(
            RENDER_FRESH,
            render.median_s - bare.median_s,
            render.best_s - bare.best_s,
            render.median_cpu_s - bare.median_cpu_s,
            render.max_rss_mib,
        )
    )


# -- targets and output ------------------------------------------------------------------------


def judge(report: Report) -> None:
    """Compare with the targets, on CPU time (wall time varies with the machine's load)."""
    t = report.targets
    # The bare parse is the yardstick, not one of ours: its own growth is shown for context.
    grown = [r for r in report.rows if r.growth is not None and r.n >= 1000 and r.stage != PARSE]
    worst = max(grown, key=lambda r: r.growth or 0.0, default=None)
    if worst is not None and worst.growth is not None:
        t.append(
            (
                "growth per 10x N (N >= 1,000), worst stage (<= 12x)",
                f"{worst.growth:.1f}x ({worst.stage}, N={worst.n:,})",
                worst.growth <= 12,
            )
        )
    floor = [r.growth for r in report.rows if r.stage == PARSE and r.growth and r.n >= 1000]
    if floor:
        t.append(
            ("growth per 10x N of the bare parse itself (context)", f"{max(floor):.1f}x", None)
        )
    largest = max(report.sizes)
    for stage, limit in ((LOAD, 0.1), (CHECK, 0.2)):
        row = report.row(stage, largest)
        if row is not None and row.ratio is not None:
            name = f"{stage} at N={largest:,} vs bare parse (<= {limit:g}x)"
            t.append((name, f"{row.ratio:.2f}x", row.ratio <= limit))
    row = report.row(RENDER_ALL, 1000)
    if row is not None and row.cpu_seconds is not None:
        t.append(
            (
                "render, all but SVG, N=1,000 (< 3 s)",
                _both(row.seconds, row.cpu_seconds),
                row.cpu_seconds < 3,
            )
        )
    for cold in report.cold:
        measured = _both(cold.median_s, cold.median_cpu_s)
        if cold.command in ("--version", "--help"):
            t.append((f"cold {cold.command} (< 150 ms)", measured, cold.median_cpu_s < 0.15))
        elif cold.command == RENDER_FRESH:
            # Wall time: the pictures are drawn by dot processes beside the Python work, so
            # CPU time adds up what runs at once. Met only on a machine with a core to spare.
            name = f"cold {cold.command}, wall (< 0.6 s on a quiet machine)"
            t.append((name, measured, cold.median_s < 0.6))
        elif cold.command.startswith("render (Harmonien"):
            t.append((f"cold {cold.command} (< 1 s)", measured, cold.median_cpu_s < 1))
        elif "N=" in cold.command:
            if cold.command.startswith("check (N="):
                t.append((f"{cold.command}, fresh process", measured, None))
            if cold.command == "render (N=1,000, no SVG)":
                name = "render, all but SVG, N=1,000, fresh process (< 3 s)"
                t.append((name, measured, cold.median_cpu_s < 3))
            rss = f"{cold.max_rss_mib:.0f} MiB"
            t.append((f"peak RSS, {cold.command} (< 500 MB)", rss, cold.max_rss_mib * MiB < 500e6))


def _both(wall: float | None, cpu: float | None) -> str:
    return f"{_fmt_time(cpu)} CPU ({_fmt_time(wall)} wall)"


def _stage_order(stage: str) -> tuple[int, str]:
    fixed = [PARSE, LOAD, CHECK]
    if stage in fixed:
        return fixed.index(stage), ""
    if stage == RENDER_ALL:
        return 9, ""
    return (5 if stage.endswith("+dot") else 4), stage


def _fmt_time(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def _fmt(value: float | None, spec: str) -> str:
    return "-" if value is None else format(value, spec)


def table(report: Report) -> str:
    lines = [
        "| stage | N | wall ms | CPU ms | x parse | growth per 10x N | peak MiB | note |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for row in sorted(report.rows, key=lambda r: (_stage_order(r.stage), r.n)):
        ms = None if row.seconds is None else row.seconds * 1000
        cpu_ms = None if row.cpu_seconds is None else row.cpu_seconds * 1000
        lines.append(
            f"| {row.stage} | {row.n} | {_fmt(ms, '.1f')} | {_fmt(cpu_ms, '.1f')} | "
            f"{_fmt(row.ratio, '.2f')} | "
            f"{_fmt(row.growth, '.1f')} | {_fmt(row.peak_mib, '.1f')} | {row.error or ''} |"
        )
    sizes = ", ".join(f"N={n:,}: {report.bytes_per_size[n] / 1e6:.2f} MB" for n in report.sizes)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    machine = f"{os.cpu_count()} CPUs, load average {load} (at the end of the run)"
    out = ["## Stages", "", f"YAML size: {sizes}; {machine}", "", *lines]
    if report.cold:
        out += [
            "",
            "## Fresh processes",
            "",
            "| command | median wall ms | best wall ms | median CPU ms | peak RSS MiB |",
            "| --- | ---: | ---: | ---: | ---: |",
        ]
        out += [
            f"| {c.command} | {c.median_s * 1000:.0f} | {c.best_s * 1000:.0f} | "
            f"{c.median_cpu_s * 1000:.0f} | {c.max_rss_mib:.0f} |"
            for c in report.cold
        ]
    if report.targets:
        out += ["", "## Targets", "", "| target | measured | met |", "| --- | ---: | --- |"]
        out += [
            f"| {name} | {value} | {'yes' if ok else 'NO' if ok is False else '-'} |"
            for name, value, ok in report.targets
        ]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100,1000,10000", help="comma-separated N values")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--min-time", type=float, default=1.0, help="seconds of runs per stage")
    parser.add_argument("--min-runs", type=int, default=3, help="fewest runs per stage")
    parser.add_argument("--max-runs", type=int, default=5, help="most runs per stage")
    parser.add_argument("--svg-max", type=int, default=100, help="largest N rendered with dot")
    parser.add_argument(
        "--render-max", type=int, default=10_000, help="largest N the renderers are timed at"
    )
    parser.add_argument("--cold-runs", type=int, default=7, help="runs per fresh-process command")
    parser.add_argument("--no-cold", action="store_true", help="skip the fresh-process runs")
    parser.add_argument("--no-memory", action="store_true", help="skip the tracemalloc runs")
    parser.add_argument("--json", type=Path, help="also write the results as JSON here")
    args = parser.parse_args(argv)
    sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    report = Report(sizes)
    with tempfile.TemporaryDirectory(prefix="harmonien-bench-") as tmp:
        work_dir = Path(tmp)
        run_sizes(report, args, work_dir)
        if not args.no_cold:
            run_cold(report, args, work_dir)
    judge(report)
    sys.stdout.write(table(report))
    if args.json:
        payload: dict[str, Any] = {
            "sizes": sizes,
            "yaml_bytes": report.bytes_per_size,
            "rows": [asdict(r) for r in report.rows],
            "cold": [asdict(c) for c in report.cold],
            "targets": [{"target": n, "measured": v, "met": ok} for n, v, ok in report.targets],
        }
        args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    return 1 if any(r.error for r in report.rows) else 0


if __name__ == "__main__":
    sys.exit(main())
