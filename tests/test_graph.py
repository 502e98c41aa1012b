"""The networkx model of the data map: structure, views and exports."""

from __future__ import annotations

import io
import json
from collections import Counter
from typing import Any

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support.synthetic import synthetic

import harmonien_ropa as hr
from harmonien_ropa.flows import graph as g
from harmonien_ropa.law.countries import is_eea
from harmonien_ropa.outputs.diagram import graphml_bytes


@pytest.fixture(scope="module")
def hg(harmonien: hr.DataMap) -> Any:
    return g.build(harmonien)


@pytest.fixture(scope="module")
def sg(small: hr.DataMap) -> Any:
    return g.build(small)


def kinds(graph: Any) -> Counter[str]:
    return Counter(d["kind"] for _, d in graph.nodes(data=True))


def edge_kinds(graph: Any) -> Counter[str]:
    return Counter(d["kind"] for _, _, d in graph.edges(data=True))


def test_harmonien_counts(hg: Any, harmonien: hr.DataMap) -> None:
    assert kinds(hg) == {
        "data_subject": 5,
        "data_category": 10,
        "activity": 8,
        "system": 7,
        "party": 11,  # with the auditor and the two US importers
        "country": 3,  # NO, IE, US
    }
    counts = edge_kinds(hg)
    assert counts["collects"] == sum(len(a.data_subject_ids) for a in harmonien.activities)
    assert counts["processed-in"] == sum(len(a.data_category_ids) for a in harmonien.activities)
    assert counts["stored-in"] == sum(len(a.system_ids) for a in harmonien.activities)
    assert counts["engages"] == 2  # Abacus IT → Visma, Knowit → Marketing Monitor
    assert counts["transferred-to"] == 2  # Meta → US, Google → US (both DPF)
    assert hg.number_of_nodes() == 44
    assert hg.number_of_edges() == 92


def test_small_counts(sg: Any) -> None:
    assert kinds(sg) == {
        "data_subject": 2,
        "data_category": 3,
        "activity": 2,
        "system": 2,
        "party": 2,
        "country": 2,
    }
    (transfer,) = [d for _, _, d in sg.edges(data=True) if d["kind"] == "transferred-to"]
    assert transfer["mechanism"] == "scc"
    assert transfer["special"]  # membership carries health data to the US mailer
    assert sg.nodes["party:client"]["role"] == "client_controller"
    assert sg.nodes["activity:ticket-service"]["on_behalf_of"] == "client"


@pytest.mark.parametrize("fixture", ["harmonien", "small"])
def test_systems_and_recipients_reachable_from_subjects(
    fixture: str, request: pytest.FixtureRequest
) -> None:
    datamap: hr.DataMap = request.getfixturevalue(fixture)
    graph = g.build(datamap)
    for act in datamap.activities:
        view = g.activity_view(graph, act.id)
        reached: set[str] = set()
        for subject in act.data_subject_ids:
            reached |= nx.descendants(view, g.node_id("data_subject", subject))
        assert g.node_id("activity", act.id) in reached
        for system in act.system_ids:
            assert g.node_id("system", system) in reached, (act.id, system)
        for party in datamap.all_recipients_of(act):
            assert g.node_id("party", party.id) in reached, (act.id, party.id)


@pytest.mark.parametrize("fixture", ["harmonien", "small"])
def test_every_non_eea_party_is_reached_by_a_transfer_with_a_mechanism(
    fixture: str, request: pytest.FixtureRequest
) -> None:
    datamap: hr.DataMap = request.getfixturevalue(fixture)
    graph = g.build(datamap)
    transfers = [(s, t, d) for s, t, d in graph.edges(data=True) if d["kind"] == "transferred-to"]
    assert transfers
    for s, t, data in transfers:
        assert data["mechanism"], (s, t)
        assert data["outside_eea"]
        assert not graph.nodes[t]["eea"]
    # Every party outside the EEA that receives data has a transfer edge, and every transfer
    # to a country outside the EEA ends at that country node.
    outside = [p for p in datamap.parties if not is_eea(p.country) and datamap.activities_of(p)]
    for party in outside:
        nid = g.node_id("party", party.id)
        assert any(s == nid for s, _, _ in transfers), party.id
    for act in datamap.activities:
        for transfer in act.transfers:
            source = g.node_id("party", transfer.party_id)
            target = g.node_id("country", transfer.country)
            assert graph.has_edge(source, target), (act.id, transfer.party_id)
            assert nx.has_path(graph, g.node_id("activity", act.id), target)


def test_undeclared_transfer_is_drawn_without_mechanism() -> None:
    data = synthetic(12)
    graph = g.build(data)
    undeclared = [
        d
        for _, _, d in graph.edges(data=True)
        if d["kind"] == "transferred-to" and d["mechanism"] is None
    ]
    assert undeclared
    assert all(d["outside_eea"] for d in undeclared)


def test_edges_carry_categories_and_flags(hg: Any) -> None:
    edge = hg.edges["data_subject:customers", "activity:wheelchair-seating", "collects"]
    assert edge["categories"] == ["name", "phone", "health"]
    assert edge["special"]
    assert edge["activities"] == ["wheelchair-seating"]
    assert edge["assumed"] is False
    stored = hg.edges["activity:wheelchair-seating", "system:eventim", "stored-in"]
    assert stored["assumed"]  # the systems of this activity are an assumption
    runs = hg.edges["system:accounting", "party:visma", "runs"]
    assert runs["role"] == "operator"
    transfer = hg.edges["party:meta", "country:US", "transferred-to:eu_us_dpf"]
    assert transfer["activities"] == ["ad-targeting", "web-analytics-ads", "social-media-pages"]
    assert transfer["assumed"]
    assert not hg.nodes["country:US"]["eea"]
    assert "2023/1795" in hg.nodes["country:US"]["adequacy"]
    assert hg.nodes["party:meta"]["outside_eea"] is False  # Meta Platforms Ireland


def test_labels_in_both_languages(hg: Any) -> None:
    node = hg.nodes["activity:ticket-administration"]
    assert node["label_nb"] == "Abonnement og billetter"
    assert node["label_en"] == "Subscriptions and tickets"
    assert hg.nodes["country:US"]["label_nb"] == "USA"


def test_attributes_are_plain_json(hg: Any) -> None:
    data = g.node_link(hg)
    text = json.dumps(data, sort_keys=True)
    again = json.loads(text)
    assert len(again["nodes"]) == hg.number_of_nodes()
    assert len(again["links"]) == hg.number_of_edges()
    rebuilt = nx.node_link_graph(again, edges="links")
    assert rebuilt.number_of_edges() == hg.number_of_edges()


def test_graphml_round_trips(hg: Any) -> None:
    back = nx.read_graphml(io.BytesIO(graphml_bytes(hg)), force_multigraph=True)
    assert set(back.nodes) == set(hg.nodes)
    assert back.number_of_edges() == hg.number_of_edges()
    assert back.nodes["activity:accounting"]["legal_basis"] == "legal_obligation"
    assert back.nodes["data_category:health"]["special"] is True
    edge = back.edges["party:google", "country:US", "transferred-to:eu_us_dpf"]
    assert edge["mechanism"] == "eu_us_dpf"
    assert edge["categories"] == "online-identifiers"


# -- views -------------------------------------------------------------------------------


def test_activity_view(hg: Any) -> None:
    view = g.activity_view(hg, "accounting")
    assert set(view.nodes) == {
        "data_subject:customers",
        "activity:accounting",
        "system:accounting",
        "party:abacus-it",
        "party:visma",
        "party:auditor",
    }
    with pytest.raises(KeyError):
        g.activity_view(hg, "nope")


def test_system_view(hg: Any) -> None:
    view = g.system_view(hg, "eventim")
    acts = {n for n, d in view.nodes(data=True) if d["kind"] == "activity"}
    assert acts == {"activity:ticket-administration", "activity:wheelchair-seating"}
    assert "party:eventim" in view
    assert "system:superoffice" not in view  # other systems of those activities are left out


def test_party_view(hg: Any) -> None:
    view = g.party_view(hg, "knowit-experience")
    acts = {d["ref"] for _, d in view.nodes(data=True) if d["kind"] == "activity"}
    assert acts == {"ticket-administration", "newsletter", "ad-targeting", "web-analytics-ads"}
    assert "party:marketing-monitor" in view  # its sub-processor
    assert "activity:accounting" not in view


def test_special_view(hg: Any) -> None:
    view = g.special_view(hg)
    assert "activity:wheelchair-seating" in view
    assert all(d["special"] for _, _, d in view.edges(data=True))
    assert "activity:newsletter" not in view


def test_outside_eea_view(hg: Any) -> None:
    view = g.outside_eea_view(hg)
    assert "country:US" in view
    assert "party:meta" in view
    assert "party:google" in view
    assert "activity:accounting" not in view
    assert "activity:newsletter" not in view
    for node in view:
        assert nx.has_path(view, node, "country:US"), node


def test_aggregate_removes_activities_and_keeps_flows(hg: Any) -> None:
    agg = g.aggregate(hg)
    assert not [n for n, d in agg.nodes(data=True) if d["kind"] == "activity"]
    assert agg.has_edge("data_subject:customers", "system:eventim")
    edge = agg.edges["data_subject:customers", "system:eventim", "stored-in"]
    assert set(edge["activities"]) == {"ticket-administration", "wheelchair-seating"}
    assert edge["special"]
    assert agg.nodes["system:superoffice"]["activity_count"] == 3


@settings(max_examples=15, deadline=None)
@given(st.integers(min_value=1, max_value=40))
def test_synthetic_maps_keep_the_invariants(size: int) -> None:
    datamap = synthetic(size)
    graph = g.build(datamap)
    assert kinds(graph)["activity"] == size
    for _, _, data in graph.edges(data=True):
        # Systems and parties no activity uses keep their inventory edges, with no data.
        assert bool(data["categories"]) == bool(data["activities"]), data
        if not data["activities"]:
            assert data["kind"] in ("runs", "hosted-in", "located-in", "engages"), data
        assert data["special"] == ("health" in data["categories"])
    for act in datamap.activities:
        view = g.activity_view(graph, act.id)
        start = g.node_id("data_subject", act.data_subject_ids[0])
        for system in act.system_ids:
            assert nx.has_path(view, start, g.node_id("system", system))
