"""DPV export: parsed back with rdflib, the triples say what the data map says."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.namespace import SKOS
from support.cli import render_with_cli

import harmonien_ropa as hr
from harmonien_ropa.interop.dpv import PREFIXES, base_iri

ROOT = Path(__file__).resolve().parent.parent
DPV = Namespace(PREFIXES["dpv"])
PD = Namespace(PREFIXES["pd"])
EU_GDPR = Namespace(PREFIXES["eu-gdpr"])
LOC = Namespace(PREFIXES["loc"])


def _graphs(datamap: hr.DataMap) -> tuple[Graph, Graph]:
    files = {a.path: a.content for a in hr.render(datamap, only=["dpv"]).artifacts}
    assert set(files) == {"ropa.dpv.jsonld", "ropa.dpv.ttl"}
    return _parse(files["ropa.dpv.jsonld"], "json-ld"), _parse(files["ropa.dpv.ttl"], "turtle")


def _parse(data: bytes, fmt: str) -> Graph:
    with warnings.catch_warnings():
        # rdflib's own JSON-LD parser goes through its deprecated ConjunctiveGraph API.
        warnings.filterwarnings("ignore", category=DeprecationWarning, module="rdflib")
        return Graph().parse(data=data, format=fmt)


@pytest.fixture(scope="module")
def graphs(harmonien: hr.DataMap) -> tuple[Graph, Graph]:
    return _graphs(harmonien)


def test_jsonld_and_turtle_hold_the_same_triples(graphs: tuple[Graph, Graph]) -> None:
    jsonld, turtle = graphs
    assert len(jsonld) > 300
    assert set(jsonld) == set(turtle)


def test_harmonien_facts(harmonien: hr.DataMap, graphs: tuple[Graph, Graph]) -> None:
    graph = graphs[0]
    ex = base_iri(harmonien)
    newsletter = URIRef(ex + "activity/newsletter")
    assert (newsletter, RDF.type, DPV.Process) in graph
    # The newsletter's legal basis is consent (Art. 6(1)(a)).
    assert set(graph.objects(newsletter, DPV.hasLegalBasis)) == {EU_GDPR["A6-1-a"]}
    # Health data is a special category, and typed with the DPV concept.
    health = URIRef(ex + "data/health")
    assert (health, RDF.type, DPV.SpecialCategoryPersonalData) in graph
    assert (health, RDF.type, PD.Health) in graph
    assert (URIRef(ex + "data/email"), RDF.type, DPV.SpecialCategoryPersonalData) not in graph
    seating = URIRef(ex + "activity/wheelchair-seating")
    assert (seating, DPV.hasPersonalData, health) in graph
    # Contract under Art. 6(1)(b) plus explicit consent under Art. 9(2)(a).
    assert set(graph.objects(seating, DPV.hasLegalBasis)) == {
        EU_GDPR["A6-1-b"],
        EU_GDPR["A9-2-a"],
    }
    # Accounting: legal obligation, five-year retention.
    accounting = URIRef(ex + "activity/accounting")
    assert (accounting, DPV.hasLegalBasis, EU_GDPR["A6-1-c"]) in graph
    retention = URIRef(ex + "activity/accounting/retention")
    assert (accounting, DPV.hasStorageCondition, retention) in graph
    assert (retention, RDF.type, DPV.StorageDuration) in graph
    assert graph.value(retention, RDF.value) == Literal(
        "P5Y", datatype=URIRef("http://www.w3.org/2001/XMLSchema#duration")
    )


def test_transfers_and_recipients(harmonien: hr.DataMap, graphs: tuple[Graph, Graph]) -> None:
    graph = graphs[0]
    ex = base_iri(harmonien)
    ads = URIRef(ex + "activity/ad-targeting")
    assert (ads, DPV.hasThirdCountry, LOC.US) in graph
    transfer = URIRef(ex + "activity/ad-targeting/transfer/1")
    assert (transfer, DPV.hasRecipient, URIRef(ex + "party/meta")) in graph
    assert (transfer, DPV.hasLegalBasis, EU_GDPR["A45-3"]) in graph
    assert (URIRef(ex + "party/meta"), RDF.type, DPV.JointDataControllers) in graph
    assert (ads, DPV.hasRecipient, URIRef(ex + "party/meta")) in graph
    assert (URIRef(ex + "controller"), DPV.hasName, Literal("Musikkselskapet Harmonien")) in graph
    # Accounting stays in Norway: no third country.
    assert not list(graph.objects(URIRef(ex + "activity/accounting"), DPV.hasThirdCountry))


def test_labels_carry_both_languages(harmonien: hr.DataMap, graphs: tuple[Graph, Graph]) -> None:
    graph = graphs[1]
    title = set(graph.objects(URIRef(base_iri(harmonien) + "activity/newsletter"), None))
    assert Literal("Nyhetsbrev og tilbud", lang="nb") in title
    assert Literal("Newsletters and offers", lang="en") in title


def test_small_map_scc_transfer_and_processor_activity(small: hr.DataMap) -> None:
    graph, _ = _graphs(small)
    ex = base_iri(small)
    assert (
        URIRef(ex + "activity/membership/transfer/1"),
        DPV.hasLegalBasis,
        EU_GDPR["A46-2-c"],
    ) in graph
    service = URIRef(ex + "activity/ticket-service")
    assert (service, DPV.hasDataController, URIRef(ex + "party/client")) in graph


def test_map_without_website_gets_a_tag_iri() -> None:
    text = (ROOT / "tests" / "fixtures" / "small.yaml").read_text(encoding="utf-8")
    datamap = hr.loads(text.replace("  website: https://fjordkor.example/\n", ""))
    assert base_iri(datamap) == "tag:harmonien-ropa,2026:999888771#"
    graph, _ = _graphs(datamap)
    assert (
        URIRef("tag:harmonien-ropa,2026:999888771#controller"),
        RDF.type,
        DPV.DataController,
    ) in graph


def test_the_command_writes_both_files(tmp_path: Path, harmonien: hr.DataMap) -> None:
    # Byte-identical across hash seeds and processes: tests/test_determinism.py, for every output.
    written = render_with_cli(tmp_path, "dpv")
    assert set(written) == {"ropa.dpv.jsonld", "ropa.dpv.ttl"}
    assert written == {a.path: a.content for a in hr.render(harmonien, only=["dpv"]).artifacts}


def test_an_invalid_percent_escape_is_not_kept_in_an_iri() -> None:
    text = (ROOT / "tests" / "fixtures" / "small.yaml").read_text(encoding="utf-8")
    website = "https://fjordkor.example/a%zz%41%4/b%"
    datamap = hr.loads(text.replace("https://fjordkor.example/", website))
    base = base_iri(datamap)
    assert base == "https://fjordkor.example/a%25zz%41%254/b%25/ropa#"
    for graph in _graphs(datamap):
        iris = {str(term) for triple in graph for term in triple if isinstance(term, URIRef)}
        assert "https://fjordkor.example/a%25zz%41%254/b%25" in iris  # rdfs:seeAlso
        assert all(re.fullmatch(r"([^%]|%[0-9A-Fa-f]{2})*", iri) for iri in iris), iris


def test_a_dpv_concept_with_an_unknown_prefix_is_refused_at_load() -> None:
    text = (ROOT / "tests" / "fixtures" / "small.yaml").read_text(encoding="utf-8")
    assert "    name: {nb: e-postadresse, en: e-mail address}\n" in text
    bad = text.replace(
        "    name: {nb: e-postadresse, en: e-mail address}\n",
        "    name: {nb: e-postadresse, en: e-mail address}\n    dpv: foaf:mbox\n",
        1,
    )
    with pytest.raises(hr.LoadError) as caught:
        hr.loads(bad, "small.yaml")
    (problem,) = caught.value.diagnostics
    line = bad.splitlines().index("    dpv: foaf:mbox") + 1
    assert (problem.line, problem.column) == (line, 10)
    assert "'foaf:mbox' has no known DPV prefix" in problem.message


def test_assumptions_travel_as_editorial_notes(
    harmonien: hr.DataMap, graphs: tuple[Graph, Graph]
) -> None:
    graph = graphs[0]
    ex = base_iri(harmonien)
    notes = [
        str(n) for n in graph.objects(URIRef(ex + "activity/ad-targeting"), SKOS.editorialNote)
    ]
    assert any(n.startswith("assumption, to be confirmed: legal_basis: ") for n in notes)
    assert not list(graph.objects(URIRef(ex + "data/email"), SKOS.editorialNote))
    transfer = URIRef(ex + "activity/ad-targeting/transfer/1")
    assert any("mechanism" in str(n) for n in graph.objects(transfer, SKOS.editorialNote))
    total = sum(1 for _ in graph.triples((None, SKOS.editorialNote, None)))
    assert total == sum(1 for _ in harmonien.assumptions()) - _outside_graph(harmonien)


def _outside_graph(datamap: hr.DataMap) -> int:
    """Assumptions on parts the DPV graph has no node for (notice, record, DPO, authority...)."""
    return sum(
        1
        for loc, *_ in datamap.assumptions()
        if loc[0] in ("notice", "record") or (loc[0] == "organisation" and len(loc) > 3)
    )
