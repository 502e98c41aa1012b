"""How long loading and checking take, for Harmonien and synthetic maps.

    .venv/bin/python bench/check_speed.py [ACTIVITIES ...]

For each map it prints the YAML size, the median time to load it with positions, to run every
rule, and to format the text report, over five runs. Without arguments: Harmonien, then 100,
1000 and 3000 activities.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from support.synthetic import synthetic_dict  # noqa: E402

from harmonien_ropa.checks import REPORTERS, check  # noqa: E402
from harmonien_ropa.source.loading import loads_with_positions  # noqa: E402


def median_seconds(action: Callable[[], Any], runs: int = 5) -> tuple[float, Any]:
    times, value = [], None
    for _ in range(runs):
        start = time.perf_counter()
        value = action()
        times.append(time.perf_counter() - start)
    return statistics.median(times), value


def measure(name: str, text: str) -> None:
    load_s, _ = median_seconds(lambda: loads_with_positions(text, name))
    # Each check of a map loaded anew: the values derived from its entries are kept with them.
    check_s, result = median_seconds(lambda: check(loads_with_positions(text, name)))
    check_s -= load_s
    report_s, _ = median_seconds(lambda: REPORTERS["text"](result))
    findings = len(result.findings) + len(result.acknowledged)
    print(
        f"{name:<28} {len(text.encode()) // 1024:>6} KiB  load {load_s * 1000:8.1f} ms  "
        f"check {check_s * 1000:8.1f} ms  report {report_s * 1000:6.1f} ms  "
        f"{findings} findings, {len(result.rules)} rules"
    )


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or [100, 1000, 3000]
    measure("data/processing.yaml", (ROOT / "data" / "processing.yaml").read_text("utf-8"))
    for size in sizes:
        text = yaml.safe_dump(synthetic_dict(size), sort_keys=False, allow_unicode=True)
        measure(f"synthetic {size} activities", text)


if __name__ == "__main__":
    main(sys.argv[1:])
