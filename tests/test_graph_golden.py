"""Golden files for the graph's DOT source and the locate/impact reports.

After an intended change, run ``UPDATE_GOLDEN=1 pytest tests/test_graph_golden.py`` and review the
diff of ``tests/golden/graph/`` before committing it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from support.golden_files import check_golden

import harmonien_ropa as hr
from harmonien_ropa.flows.queries import impact, locate
from harmonien_ropa.flows.query_report import impact_text, json_text, locate_text
from harmonien_ropa.outputs import RenderOptions
from harmonien_ropa.outputs import diagram as rg


@pytest.mark.parametrize("which", ["small", "harmonien"])
def test_dot_source(
    which: str, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # the DOT source needs no Graphviz
    datamap: hr.DataMap = request.getfixturevalue(which)
    out = {a.path: a.content for a in rg.render(datamap, RenderOptions()).artifacts}
    check_golden("graph", f"{which}.nb.dot", out["dataflow.dot"])
    check_golden("graph", f"{which}.en.dot", out["dataflow.en.dot"])


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_locate_customers_text(harmonien: hr.DataMap, lang: str) -> None:
    text = locate_text(locate(harmonien, "customers", lang=lang), harmonien, lang)
    check_golden("graph", f"locate-customers.{lang}.txt", text.encode())


def test_locate_customers_json(harmonien: hr.DataMap) -> None:
    check_golden(
        "graph", "locate-customers.json", json_text(locate(harmonien, "customers")).encode()
    )


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("party-knowit-experience", {"party": "knowit-experience"}),
        ("system-superoffice", {"system": "superoffice"}),
    ],
)
def test_impact_text(harmonien: hr.DataMap, name: str, kwargs: dict[str, str]) -> None:
    result = impact(harmonien, **kwargs)
    check_golden("graph", f"impact-{name}.en.txt", impact_text(result, harmonien, "en").encode())
    check_golden("graph", f"impact-{name}.json", json_text(result).encode())
