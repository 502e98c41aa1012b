"""The graph renderer at scale: bounded Graphviz work, a timeout for ``dot``, fast GraphML."""

from __future__ import annotations

import shutil
import stat
from pathlib import Path
from typing import Any

import graphviz
import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support.synthetic import synthetic

import harmonien_ropa as hr
from harmonien_ropa.cli import main
from harmonien_ropa.core.errors import RenderError
from harmonien_ropa.flows import graph as g
from harmonien_ropa.outputs import RenderOptions, RenderResult, graphml
from harmonien_ropa.outputs import diagram as rg
from harmonien_ropa.outputs.fastpaths import fast_digraph
from harmonien_ropa.outputs.graphml import graphml_text
from harmonien_ropa.outputs.model_json import json_bytes
from harmonien_ropa.outputs.staging import Artifact


def files(result: RenderResult) -> dict[str, bytes]:
    return {a.path: a.content for a in result.artifacts}


def networkx_graphml(graph: Any) -> str:
    return "\n".join(nx.generate_graphml(g.graphml_ready(graph), prettyprint=True))


def fake_dot(folder: Path, script: str) -> Path:
    """An executable ``dot`` in ``folder`` running the shell ``script``."""
    folder.mkdir(parents=True, exist_ok=True)
    program = folder / "dot"
    program.write_text(f"#!/bin/sh\n{script}\n")
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    return folder


# -- GraphML ---------------------------------------------------------------------------------


def test_graphml_is_what_networkx_writes(harmonien: hr.DataMap) -> None:
    for graph in (g.build(harmonien), g.build(synthetic(40)), g.aggregate(g.build(synthetic(40)))):
        assert graphml_text(graph) == networkx_graphml(graph)


#: The parameters of networkx's add_node and add_edge, which no attribute may be named here.
_NETWORKX_PARAMETERS = frozenset({"node_for_adding", "u_for_edge", "v_for_edge", "key"})


@settings(max_examples=60, deadline=None)
@given(
    st.dictionaries(
        # networkx's own parameters of add_node and add_edge cannot be attribute names here.
        st.text(min_size=1, max_size=8).filter(lambda k: k not in _NETWORKX_PARAMETERS),
        st.one_of(st.text(max_size=12), st.booleans(), st.integers(), st.none()),
        max_size=4,
    ),
    st.text(min_size=1, max_size=10),
)
def test_graphml_escapes_like_networkx(attrs: dict[str, Any], name: str) -> None:
    graph = nx.MultiDiGraph(organisation=name)
    graph.add_node(name, **attrs)
    graph.add_node("plain")
    graph.add_edge(name, "plain", key=name, **attrs)
    assert graphml_text(graph) == networkx_graphml(graph)


def test_graphml_written_in_pieces_is_the_same(
    monkeypatch: pytest.MonkeyPatch, harmonien: hr.DataMap
) -> None:
    graph = g.build(harmonien)
    graph.add_node("odd\r\nname\x0bø", note="line\rbreak\x1c and\r\nmore ø")
    graph.add_edge("odd\r\nname\x0bø", "plain", key="k\x0c", note="\x1e")
    whole = graphml_text(graph)
    monkeypatch.setattr(graphml._Body, "LIMIT", 2)
    assert graphml_text(graph) == whole == networkx_graphml(graph)
    assert graphml.graphml_bytes(graph) == (whole + "\n").encode("ascii")


def test_graphml_of_an_empty_graph() -> None:
    assert graphml_text(nx.MultiDiGraph()) == networkx_graphml(nx.MultiDiGraph())


def test_graphml_rejects_values_it_cannot_hold() -> None:
    graph = nx.MultiDiGraph()
    graph.add_node("a", extra={"x": 1})
    with pytest.raises(ValueError, match="dict"):
        graphml_text(graph)


# -- without dot -----------------------------------------------------------------------------


def test_without_dot_no_pictures_are_prepared(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(rg, "_activity_pictures", None)  # would fail if called
    result = rg.render(synthetic(20), RenderOptions())
    assert sorted(files(result)) == [
        "dataflow.dot",
        "dataflow.en.dot",
        "dataflow.graphml",
        "dataflow.json",
    ]
    assert result.messages == [rg.INSTALL_HINT]


# -- thresholds (with a fake dot that answers instantly) ---------------------------------------


SVG_DOT = f"{shutil.which('cat')} > /dev/null; echo '<svg xmlns=\"http://www.w3.org/2000/svg\"><title>x</title></svg>'"


def test_thresholds_bound_the_pictures(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(fake_dot(tmp_path / "bin", SVG_DOT)))
    monkeypatch.setattr(rg, "AGGREGATE_ABOVE", 5)
    monkeypatch.setattr(rg, "OVERVIEW_MAX_EDGES", 10)
    monkeypatch.setattr(rg, "ACTIVITY_PICTURES_MAX", 7)
    datamap = synthetic(8)
    result = rg.render(datamap, RenderOptions(languages=("en",)))
    out = files(result)
    assert sorted(out) == ["dataflow.dot", "dataflow.graphml", "dataflow.json"]
    edges = rg._builder(datamap, g.aggregate(g.build(datamap)), "en")
    edges.digraph("t", "o")
    assert result.messages == [
        "the data map has 8 activities (more than 5); the overview graph is drawn aggregated "
        "by system and recipient",
        f"the overview graph has {edges.edges} edges (more than 10), too many for Graphviz to "
        "lay out in reasonable time; dataflow.svg and dataflow.png were not drawn "
        "(dataflow.dot, dataflow.json and dataflow.graphml were)",
        "the data map has 8 activities (more than 7); no per-activity pictures were drawn "
        "under dataflow/",
    ]
    monkeypatch.setattr(rg, "OVERVIEW_MAX_EDGES", edges.edges)
    monkeypatch.setattr(rg, "ACTIVITY_PICTURES_MAX", 8)
    result = rg.render(datamap, RenderOptions(languages=("en",)))
    out = files(result)
    assert "dataflow.svg" in out
    assert "dataflow.png" in out
    assert len([p for p in out if p.startswith("dataflow/")]) == 8
    assert len(result.messages) == 1


# -- a dot that hangs or fails ---------------------------------------------------------------

SLEEP = f"exec {shutil.which('sleep')} 60"


def test_hanging_dot_is_stopped(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(fake_dot(tmp_path / "bin", SLEEP)))
    monkeypatch.setenv(rg.DOT_TIMEOUT_ENV, "0.5")
    with pytest.raises(RenderError, match=r"did not finish drawing dataflow\.svg within 0\.5 s"):
        rg.render(synthetic(3), RenderOptions(languages=("en",)))


def test_hanging_dot_cli_writes_nothing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PATH", str(fake_dot(tmp_path / "bin", SLEEP)))
    monkeypatch.setenv(rg.DOT_TIMEOUT_ENV, "0.5")
    out = tmp_path / "out"
    code = main(["render", "--only", "graph", "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 2  # the CLI's exit code for a render error
    assert "did not finish drawing" in err
    assert rg.DOT_TIMEOUT_ENV in err
    assert "Traceback" not in err
    assert not out.exists() or not any(out.iterdir())


def test_failing_dot_is_an_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(fake_dot(tmp_path / "bin", "echo 'syntax error' >&2; exit 1")))
    with pytest.raises(RenderError, match=r"exited with status 1 .*syntax error; nothing"):
        rg.render(synthetic(3), RenderOptions(languages=("en",)))


@pytest.mark.parametrize("value", ["0", "-3", "soon", "inf", "nan"])
def test_bad_timeout_setting(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv(rg.DOT_TIMEOUT_ENV, value)
    with pytest.raises(RenderError, match=rg.DOT_TIMEOUT_ENV):
        rg.dot_timeout()


def test_timeout_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(rg.DOT_TIMEOUT_ENV, raising=False)
    assert rg.dot_timeout() == rg.DOT_TIMEOUT
    monkeypatch.setenv(rg.DOT_TIMEOUT_ENV, "2.5")
    assert rg.dot_timeout() == 2.5


# -- DOT text --------------------------------------------------------------------------------

_dot_text = st.one_of(
    st.text(max_size=10),
    st.sampled_from(["<<B>x</B>>", "node", "-4.2", "a:b", 'say "hi"', "back\\\\", "", "x y"]),
)


@pytest.mark.filterwarnings("ignore::graphviz.DotSyntaxWarning")  # text is compared, not warnings
@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.tuples(_dot_text, _dot_text, st.booleans()), min_size=1, max_size=6),
    st.dictionaries(st.sampled_from(["color", "fontcolor", "xlabel", "style"]), _dot_text),
)
def test_fast_digraph_writes_what_graphviz_writes(
    items: list[tuple[str, str, bool]], attrs: dict[str, str]
) -> None:
    """The memoised quoting gives graphviz's own DOT text, for HTML-like and plain text."""
    sources = []
    for cls in (graphviz.Digraph, fast_digraph()):
        dot = cls(name="g")
        dot.attr("node", **attrs)
        for a, b, plain in items:
            text = graphviz.escape(b) if plain else b
            dot.node(a, label=text, tooltip=graphviz.escape(a), **attrs)
            dot.edge(a.replace(":", "_"), b.replace(":", "_"), label=text, **attrs)
            with dot.subgraph(name="cluster_x") as sub:
                sub.attr(label=text)
                sub.node(b)
        sources.append(dot.source)
    assert sources[0] == sources[1]


def test_node_link_json_is_networkx_node_link(harmonien: hr.DataMap) -> None:
    for graph in (g.build(harmonien), g.aggregate(g.build(synthetic(40))), nx.MultiDiGraph()):
        assert json_bytes(rg.node_link(graph)) == json_bytes(g.node_link(graph))


@pytest.mark.parametrize("with_dot", [False, True])
def test_files_handed_over_as_made_are_the_files_kept_otherwise(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, with_dot: bool
) -> None:
    folder = fake_dot(tmp_path / "bin", SVG_DOT) if with_dot else tmp_path
    monkeypatch.setenv("PATH", str(folder))
    monkeypatch.setattr(rg, "AGGREGATE_ABOVE", 5)
    datamap = synthetic(20)
    kept = rg.render(datamap, RenderOptions())
    handed: list[Artifact] = []
    streamed = rg.render(datamap, RenderOptions(deliver=handed.append))
    assert streamed.messages == kept.messages
    assert handed + streamed.artifacts == kept.artifacts
    whole, overviews = ["dataflow.json", "dataflow.graphml"], ["dataflow.dot", "dataflow.en.dot"]
    # With pictures to draw, the overviews come first: Graphviz draws them while the rest is made.
    names = overviews + whole if with_dot else whole + overviews
    assert [a.path for a in handed] == names
    assert any(a.path.endswith(".svg") for a in streamed.artifacts) == with_dot
