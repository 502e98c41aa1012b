"""The Turtle and JSON-LD writers: rdflib reads back exactly the triples that were written.

The JSON-LD is also turned into triples by PyLD, an implementation of the JSON-LD API of its
own (rdflib's JSON-LD parser and ours could share a misreading of compact IRIs).

Golden files pin the bytes of the small map's DPV graph; after an intended change run
``UPDATE_GOLDEN=1 pytest tests/test_interop_rdf.py`` and review the diff of ``tests/golden/dpv/``.
"""

from __future__ import annotations

import json
import random
import warnings

import pytest
import rdflib
import rdflib.compare
from hypothesis import given, settings
from hypothesis import strategies as st
from pyld import jsonld
from support.golden_files import check_golden
from support.synthetic import synthetic

import harmonien_ropa as hr
from harmonien_ropa.interop.dpv import PREFIXES, build_graph, iri_text
from harmonien_ropa.interop.rdf import Graph, Term, jsonld_bytes, literal, turtle_bytes

XSD = PREFIXES["xsd"]


def _term(term: Term) -> rdflib.term.Node:
    if isinstance(term, str):
        return rdflib.URIRef(term)
    value, lang, datatype = term
    return rdflib.Literal(value, lang=lang or None, datatype=datatype or None)


def _intended(graph: Graph) -> rdflib.Graph:
    out = rdflib.Graph()
    for s, p, o in graph.triples:
        out.add((rdflib.URIRef(s), rdflib.URIRef(p), _term(o)))
    return out


def _parse(data: bytes, fmt: str) -> rdflib.Graph:
    with warnings.catch_warnings():
        # rdflib's own JSON-LD parser goes through its deprecated ConjunctiveGraph API.
        warnings.filterwarnings("ignore", category=DeprecationWarning, module="rdflib")
        return rdflib.Graph().parse(data=data, format=fmt)


def _assert_round_trip(graph: Graph) -> None:
    intended = _intended(graph)
    document = jsonld_bytes(graph)
    for data, fmt in ((turtle_bytes(graph), "turtle"), (document, "json-ld")):
        back = _parse(data, fmt)
        assert set(back) == set(intended), fmt
        assert rdflib.compare.isomorphic(back, intended)
    quads = jsonld.to_rdf(json.loads(document), {"format": "application/n-quads"})
    assert set(rdflib.Graph().parse(data=quads, format="nt")) == set(intended), "PyLD"


@pytest.mark.parametrize("which", ["harmonien", "small"])
def test_dpv_graph_reads_back_as_built(which: str, request: pytest.FixtureRequest) -> None:
    datamap: hr.DataMap = request.getfixturevalue(which)
    _assert_round_trip(build_graph(datamap))


def test_synthetic_graph_reads_back_as_built() -> None:
    graph = build_graph(synthetic(60))
    assert len(graph.triples) > 2000
    _assert_round_trip(graph)


def test_turtle_uses_the_prefixes_and_no_invented_ones(harmonien: hr.DataMap) -> None:
    text = turtle_bytes(build_graph(harmonien)).decode()
    prefixes = [line for line in text.splitlines() if line.startswith("@prefix")]
    namespaces = {**PREFIXES, "ex": "https://harmonien.no/ropa#"}
    assert prefixes == [f"@prefix {p}: <{ns}> ." for p, ns in sorted(namespaces.items())]
    assert "<https://harmonien.no/ropa#activity/newsletter> a dpv:Process ;" in text
    assert "dpv:hasLegalBasis eu-gdpr:A6-1-a ;" in text
    assert "dpv:hasDataController ex:controller ;" in text
    assert '"P5Y"^^xsd:duration' in text


def test_order_of_adding_and_duplicates_do_not_change_the_bytes(small: hr.DataMap) -> None:
    graph = build_graph(small)
    shuffled = Graph(graph.prefixes)
    triples = list(graph.triples) + graph.triples[:50]
    random.Random(7).shuffle(triples)
    for triple in triples:
        shuffled.add(*triple)
    assert turtle_bytes(shuffled) == turtle_bytes(graph)
    assert jsonld_bytes(shuffled) == jsonld_bytes(graph)


def test_small_map_golden(small: hr.DataMap) -> None:
    files = {a.path: a.content for a in hr.render(small, only=["dpv"]).artifacts}
    check_golden("dpv", "small.ttl", files["ropa.dpv.ttl"])
    check_golden("dpv", "small.jsonld", files["ropa.dpv.jsonld"])


_BASE = "https://example.org/ropa#"
_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
_LOCAL = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=20)


@settings(max_examples=150, deadline=None)
@given(
    values=st.lists(
        st.tuples(
            _LOCAL,
            st.sampled_from(["dpv:hasName", "rdfs:label", "skos:editorialNote"]),
            st.one_of(
                _TEXT.map(literal),
                st.tuples(_TEXT, st.sampled_from(["nb", "en"])).map(lambda t: literal(*t)),
                _TEXT.map(lambda v: literal(v, datatype=_BASE + "type")),
                st.integers(0, 99).map(lambda n: literal(f"P{n}Y", datatype=XSD + "duration")),
                _LOCAL,
            ),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_any_text_and_iri_reads_back(values: list[tuple[str, str, Term]]) -> None:
    graph = Graph({**PREFIXES, "ex": _BASE})
    for local, curie, obj in values:
        prefix, _, name = curie.partition(":")
        subject = _BASE + iri_text(local)
        target = obj if not isinstance(obj, str) else _BASE + iri_text(obj)
        graph.add(subject, PREFIXES[prefix] + name, target)
    _assert_round_trip(graph)
