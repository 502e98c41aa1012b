"""How long the Article 30 record takes to render, per format, for Harmonien and larger maps.

    .venv/bin/python bench/record_render.py [ACTIVITIES ...]

Times building the record's tables (both languages) and each format on its own, then the whole
``record`` renderer, as the median of several runs. Without arguments: Harmonien, then 100 and
500 synthetic activities.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from support.synthetic import synthetic  # noqa: E402

import harmonien_ropa as hr  # noqa: E402
from harmonien_ropa.outputs import RenderOptions  # noqa: E402
from harmonien_ropa.outputs.record_formats.csv_file import record_csv  # noqa: E402
from harmonien_ropa.outputs.record_formats.json_file import record_json  # noqa: E402
from harmonien_ropa.outputs.record_formats.pages import record_html, record_markdown  # noqa: E402
from harmonien_ropa.outputs.record_formats.xlsx_file import record_xlsx  # noqa: E402
from harmonien_ropa.record import build_record  # noqa: E402


def median_ms(action: Callable[[hr.DataMap], Any], runs: int, datamap: hr.DataMap) -> float:
    """The median time of ``action``, each run given a fresh copy of ``datamap`` (made untimed):
    the values derived from its entries are kept with them once made."""
    times = []
    for _ in range(runs):
        fresh = datamap.model_copy(deep=True)
        start = time.perf_counter()
        action(fresh)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def bench(label: str, datamap: hr.DataMap, runs: int) -> None:
    hr.render(datamap, ["record"])  # warm up: imports, template compilation, string tables
    nb, en = build_record(datamap, "nb"), build_record(datamap, "en")
    date = datamap.record.effective_date
    parts: dict[str, Callable[[hr.DataMap], Any]] = {
        "tables (nb+en)": lambda fresh: (build_record(fresh, "nb"), build_record(fresh, "en")),
        "html (nb+en)": lambda _: (record_html(nb), record_html(en)),
        "markdown (nb+en)": lambda _: (record_markdown(nb), record_markdown(en)),
        "csv": lambda _: record_csv(nb, nb.activities),
        "xlsx": lambda _: record_xlsx(nb, date),
        "json (nb+en)": lambda _: record_json([nb, en]),
        "whole renderer": lambda fresh: hr.render(fresh, ["record"], RenderOptions()),
    }
    print(f"{label}: {len(datamap.activities)} activities, median of {runs} runs")
    for name, action in parts.items():
        print(f"  {name:18} {median_ms(action, runs, datamap):8.1f} ms")
    size = sum(len(a.content) for a in hr.render(datamap, ["record"]).artifacts)
    print(f"  {'bytes written':18} {size:8d}")


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or [100, 500]
    if not argv:
        bench("Harmonien", hr.load(ROOT / "data" / "processing.yaml"), runs=20)
    for n in sizes:
        bench(f"synthetic {n}", synthetic(n), runs=5)


if __name__ == "__main__":
    main(sys.argv[1:])
