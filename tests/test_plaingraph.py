"""The plain graph the pictures and exports are made from reads exactly as networkx's would."""

from __future__ import annotations

from typing import Any

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support.synthetic import synthetic

import harmonien_ropa as hr
from harmonien_ropa.flows import graph as g
from harmonien_ropa.flows.plaingraph import PlainGraph
from harmonien_ropa.outputs import diagram as rg
from harmonien_ropa.outputs.graphml import graphml_bytes
from harmonien_ropa.outputs.model_json import json_bytes


def reading(graph: Any) -> dict[str, Any]:
    """Everything the renderers read of a graph, in the order they read it."""
    nodes = list(graph.nodes)
    return {
        "graph": list(graph.graph.items()),
        "nodes": [(node, list(data.items())) for node, data in graph.nodes(data=True)],
        "node items": [list(graph.nodes[node].items()) for node in nodes],
        "edges": list(graph.edges()),
        "edges data": [(s, t, list(d.items())) for s, t, d in graph.edges(data=True)],
        "edges keys": list(graph.edges(keys=True)),
        "edges all": [
            (s, t, k, list(d.items())) for s, t, k, d in graph.edges(keys=True, data=True)
        ],
        "edge items": [list(graph.edges[e].items()) for e in graph.edges(keys=True)],
        "out": [
            (s, t, k, list(d.items()))
            for node in nodes
            for s, t, k, d in graph.out_edges(node, keys=True, data=True)
        ],
        "has": [
            (a, b, k, graph.has_edge(a, b, k), graph.get_edge_data(a, b, k))
            for a in nodes
            for b in nodes
            for k in ("x", "y")
        ],
        "contains": [node in graph for node in [*nodes, "absent"]],
        "kind": (graph.is_directed(), graph.is_multigraph(), len(graph)),
    }


_names = st.sampled_from(["a", "b", "c", "d"])
_attributes = st.dictionaries(
    st.sampled_from(["kind", "label", "n", "special"]), st.integers(0, 3), max_size=3
)
_steps = st.lists(
    st.one_of(
        st.tuples(st.just("node"), _names, _attributes),
        st.tuples(
            st.just("edge"), st.tuples(_names, _names, st.sampled_from(["x", "y"])), _attributes
        ),
    ),
    max_size=30,
)


@settings(max_examples=200, deadline=None)
@given(_steps, _attributes)
def test_built_alike_reads_alike(
    steps: list[tuple[str, Any, dict[str, int]]], top: dict[str, int]
) -> None:
    graphs = [nx.MultiDiGraph(**top), PlainGraph(**top)]
    for graph in graphs:
        for what, where, attributes in steps:
            if what == "node":
                graph.add_node(where, **attributes)
            else:
                source, target, key = where
                graph.add_edge(source, target, key=key, **attributes)
    assert reading(graphs[1]) == reading(graphs[0])


@pytest.mark.parametrize("which", ["harmonien", "small", "many"])
def test_the_map_and_its_views_read_alike(which: str, request: pytest.FixtureRequest) -> None:
    datamap: hr.DataMap = synthetic(160) if which == "many" else request.getfixturevalue(which)
    reference, plain = g.build(datamap), g.build(datamap, PlainGraph)
    assert isinstance(reference, nx.MultiDiGraph)
    assert isinstance(plain, PlainGraph)
    assert reading(plain) == reading(reference)
    assert reading(g.aggregate(plain)) == reading(g.aggregate(reference))
    ids = [activity.id for activity in datamap.activities]
    views, plain_views = g.activity_views(reference, ids), g.activity_views(plain, ids)
    assert all(reading(plain_views[i]) == reading(views[i]) for i in ids)
    assert graphml_bytes(plain) == graphml_bytes(reference)
    assert json_bytes(rg.node_link(plain)) == json_bytes(rg.node_link(reference))
    for lang in datamap.languages:
        for one, other in ((plain, reference), (plain_views[ids[0]], views[ids[0]])):
            drawn = [
                rg._builder(datamap, graph, lang).digraph("t", "o").source for graph in (one, other)
            ]
            assert drawn[0] == drawn[1]
