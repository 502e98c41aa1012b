"""How long Graphviz takes to lay out the data-flow graph, for Harmonien and synthetic maps.

    .venv/bin/python bench/graph_layout.py [ACTIVITIES ...]

For each size it times the whole overview drawn with every activity (what would happen without
aggregation), the aggregated overview the renderer uses above ``AGGREGATE_ABOVE`` activities, and
the whole ``graph`` renderer. Without arguments: Harmonien, then 50, 100, 150 and 200 activities.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from support.synthetic import synthetic  # noqa: E402

import harmonien_ropa as hr  # noqa: E402
from harmonien_ropa.flows import graph as g  # noqa: E402
from harmonien_ropa.outputs import RenderOptions  # noqa: E402
from harmonien_ropa.outputs import diagram as render_graph  # noqa: E402
from harmonien_ropa.outputs.diagram import _builder  # noqa: E402


def timed(action: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = action()
    return time.perf_counter() - start, value


def overview_seconds(datamap: hr.DataMap, graph: Any, fmt: str = "svg") -> tuple[float, int]:
    """Seconds for ``dot`` to draw ``graph`` as one picture, and the output size in bytes."""
    dot = _builder(datamap, graph, "nb").digraph("bench", datamap.organisation.name)
    seconds, data = timed(lambda: dot.pipe(format=fmt))
    return seconds, len(data)


def report(label: str, datamap: hr.DataMap) -> None:
    full = g.build(datamap)
    nodes, edges = full.number_of_nodes(), full.number_of_edges()
    whole, size = overview_seconds(datamap, full)
    agg, agg_size = overview_seconds(datamap, g.aggregate(full))
    total, result = timed(lambda: render_graph.render(datamap, RenderOptions(languages=("nb",))))
    print(
        f"{label}: {len(datamap.activities)} activities, graph {nodes} nodes / {edges} edges; "
        f"whole overview SVG {whole:.2f}s ({size // 1024} KiB); aggregated {agg:.2f}s "
        f"({agg_size // 1024} KiB); full renderer {total:.2f}s, {len(result.artifacts)} files"
    )


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or [50, 100, 150, 200]
    if not argv:
        report("Harmonien", hr.load(ROOT / "data" / "processing.yaml"))
    for size in sizes:
        report(f"synthetic-{size}", synthetic(size))


if __name__ == "__main__":
    main(sys.argv[1:])
