"""Benchmark: sub-processor chains and fans, the shapes that once made loading cubic.

A synthetic organisation of 100 activities gets N extra sub-processors arranged as

- ``chain``: each engaged by the one before (N levels deep);
- ``fan``: all engaged by one processor;
- ``cycle``: a chain whose first link is engaged by its last (refused with ROPA010);

and for each N the script measures loading (``harmonien_ropa.loads``), the ``check`` command on
the file and ``impact`` of a breach at the processor at the top. ``growth`` is the time's factor
against the N before it: about the ratio of the Ns (2x) when the work is linear, where it was
about 8x (1,000 / 2,000 / 4,000 parties in a chain took 5 s / 32 s / 291 s).

    python bench/chains.py                       # N = 1,000, 2,000, 4,000, 8,000
    python bench/chains.py --sizes 500,1000 --shapes chain
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import dump, organisation

import harmonien_ropa as hr
from harmonien_ropa.cli import main as cli
from harmonien_ropa.flows.queries import impact

SHAPES = ("chain", "fan", "cycle")


def with_parties(shape: str, n: int, seed: int = 1) -> str:
    """The YAML text of a 100-activity organisation plus ``n`` sub-processors in ``shape``."""
    data: dict[str, Any] = organisation(100, seed)
    top = next(p["id"] for p in data["parties"] if p.get("role") == "processor")  # as top_of
    for i in range(n):
        engaged_by = top if shape == "fan" or i == 0 else f"sub-{i - 1}"
        if shape == "cycle" and i == 0:
            engaged_by = f"sub-{n - 1}"
        data["parties"].append(
            {
                "id": f"sub-{i}",
                "name": f"Underleverandør {i} AS",
                "role": "sub_processor",
                "country": "NO",
                "engaged_by": engaged_by,
            }
        )
    return dump(data)


def top_of(datamap: hr.DataMap) -> str:
    """The processor at the top of the chain or fan."""
    return next(p.id for p in datamap.parties if p.role.value == "processor")


def seconds(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,2000,4000,8000", help="comma-separated N values")
    parser.add_argument("--shapes", default=",".join(SHAPES), help="comma-separated shapes")
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",")]
    print(f"{'shape':<6} {'N':>6}  {'load':>8} {'growth':>6}  {'check':>8}  {'impact':>8}")
    with tempfile.TemporaryDirectory() as work_dir:
        for shape in args.shapes.split(","):
            before: float | None = None
            for n in sizes:
                text = with_parties(shape, n)
                path = Path(work_dir) / f"{shape}-{n}.yaml"
                path.write_text(text, encoding="utf-8")

                def load(text: str = text, shape: str = shape) -> object:
                    try:
                        return hr.loads(text)
                    except hr.LoadError:
                        if shape != "cycle":
                            raise
                        return None

                def check(path: Path = path) -> object:
                    quiet = io.StringIO()
                    with contextlib.redirect_stdout(quiet), contextlib.redirect_stderr(quiet):
                        return cli(["check", "--data", str(path)])

                load_s = seconds(load)
                check_s = seconds(check)
                datamap = load()
                impact_s = (
                    f"{seconds(lambda d=datamap: impact(d, party=top_of(d))):7.3f}s"
                    if isinstance(datamap, hr.DataMap)
                    else "       -"
                )
                growth = f"{load_s / before:5.1f}x" if before else "      "
                before = load_s
                print(
                    f"{shape:<6} {n:>6,}  {load_s:7.2f}s {growth}  {check_s:7.2f}s  {impact_s}",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
