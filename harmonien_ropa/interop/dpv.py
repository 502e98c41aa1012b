"""The data map as a W3C Data Privacy Vocabulary (DPV 2) graph, in JSON-LD and Turtle.

Every activity becomes a ``dpv:Process`` with its purpose, personal data, data subjects,
recipients, legal bases (GDPR extension IRIs for Art. 6(1), Art. 9(2) and Chapter V), storage
conditions and third countries. Our own entries get IRIs under the organisation's website (or a
``tag:`` IRI when it has none) and are typed with the matching DPV concept from the data map or
the mapping table. Open assumptions travel as ``skos:editorialNote`` on the node they belong
to, so no consumer takes them for confirmed facts. Only IRIs are used (no blank nodes), so the output is byte-identical across
runs.
"""

from __future__ import annotations

import json
import re
from typing import Any

from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, SKOS

from ..model.activity import Activity
from ..model.base import LANGUAGES, Statement, Text
from ..model.datamap import DataMap
from .mapping import Mapping, mapping

DPV = Namespace("https://w3id.org/dpv#")
PD = Namespace("https://w3id.org/dpv/pd#")
EU_GDPR = Namespace("https://w3id.org/dpv/legal/eu/gdpr#")
LOC = Namespace("https://w3id.org/dpv/loc#")

_CONTEXT_PREFIXES = {
    "dpv": str(DPV),
    "pd": str(PD),
    "eu-gdpr": str(EU_GDPR),
    "loc": str(LOC),
    "dct": str(DCTERMS),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "skos": str(SKOS),
    "xsd": str(XSD),
}


_NOT_IN_IRI = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f]')


def iri_text(text: str, also: str = "") -> str:
    """``text`` with the characters an IRI cannot hold (and those in ``also``) %-encoded."""
    pattern = _NOT_IN_IRI if not also else re.compile(f"{_NOT_IN_IRI.pattern}|[{re.escape(also)}]")
    return pattern.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), text)


def base_iri(datamap: DataMap) -> str:
    """Namespace of the map's own entries: ``<website>/ropa#`` or a ``tag:`` IRI."""
    org = datamap.organisation
    if org.website:
        return iri_text(org.website.rstrip("/"), also="#") + "/ropa#"
    number = "".join(org.org_number.split())
    return f"tag:harmonien-ropa,2026:{number}#"


class _Builder:
    def __init__(self, datamap: DataMap, table: Mapping) -> None:
        self.map = datamap
        self.table = table
        self.base = Namespace(base_iri(datamap))
        self.graph = Graph(bind_namespaces="none")
        for prefix, iri in _CONTEXT_PREFIXES.items():
            self.graph.bind(prefix, iri)
        self.graph.bind("ex", str(self.base))

    def iri(self, *parts: str) -> URIRef:
        return self.base["/".join(parts)]

    def concept(self, curie: str | None) -> URIRef | None:
        return URIRef(self.table.expand(curie)) if curie else None

    def add(self, s: URIRef, p: URIRef, o: URIRef | Literal | None) -> None:
        if o is not None:
            self.graph.add((s, p, o))

    def assumed(self, s: URIRef, statement: Statement | None) -> None:
        """Open assumptions as ``skos:editorialNote``: the value above is not yet confirmed."""
        if statement is None:
            return
        for field, note in sorted(statement.assumptions.items()):
            self.add(
                s,
                SKOS.editorialNote,
                Literal(f"assumption, to be confirmed: {field}: {note}", lang="en"),
            )

    def text(self, s: URIRef, p: URIRef, text: Text | None) -> None:
        if text is None:
            return
        for lang in LANGUAGES:
            value = getattr(text, lang)
            if value:
                self.graph.add((s, p, Literal(value, lang=lang)))

    # -- the parts ---------------------------------------------------------------------------

    def controller(self) -> URIRef:
        org = self.map.organisation
        node = self.iri("controller")
        self.add(node, RDF.type, DPV.DataController)
        self.add(node, DPV.hasName, Literal(org.name))
        self.add(node, DCTERMS.identifier, Literal(org.org_number))
        if org.address is not None:
            self.add(node, DPV.hasCountry, LOC[org.address.country])
            self.add(node, DPV.hasAddress, Literal(org.address.one_line()))
        if org.website:
            self.add(node, RDFS.seeAlso, URIRef(iri_text(org.website)))
        contact = org.privacy_contact or org.email
        if contact:
            self.add(node, DPV.hasContact, URIRef(f"mailto:{iri_text(contact)}"))
        self.assumed(node, org)
        return node

    def inventory(self) -> None:
        for category in self.map.data_categories:
            node = self.iri("data", category.id)
            self.add(node, RDF.type, DPV.PersonalData)
            if category.special_category:
                self.add(node, RDF.type, DPV.SpecialCategoryPersonalData)
            if category.criminal_offence or category.national_id:
                self.add(node, RDF.type, DPV.SensitivePersonalData)
            self.add(node, RDF.type, self.concept(self.table.category(category)[1]))
            self.text(node, RDFS.label, category.name)
            self.assumed(node, category)
        for subject in self.map.data_subjects:
            node = self.iri("subject", subject.id)
            self.add(node, RDF.type, DPV.DataSubject)
            self.add(node, RDF.type, self.concept(self.table.subject(subject)[1]))
            if subject.vulnerable:
                self.add(node, RDF.type, DPV.VulnerableDataSubject)
            self.text(node, RDFS.label, subject.name)
            self.assumed(node, subject)
        for party in self.map.parties:
            node = self.iri("party", party.id)
            self.add(node, RDF.type, DPV.Recipient)
            self.add(node, RDF.type, self.concept(self.table.role(party.role).dpv))
            self.add(node, DPV.hasName, Literal(party.name))
            self.add(node, DPV.hasCountry, LOC[party.country])
            self.assumed(node, party)
        for system in self.map.systems:
            node = self.iri("system", system.id)
            self.add(node, RDF.type, DPV.Technology)
            self.add(node, RDFS.label, Literal(system.name))
            self.assumed(node, system)
            for party in system.parties:
                self.add(node, DCTERMS.publisher, self.iri("party", party.id))

    def activity(self, activity: Activity, controller: URIRef) -> None:
        node = self.iri("activity", activity.id)
        self.add(node, RDF.type, DPV.Process)
        self.text(node, DCTERMS.title, activity.name)
        self.add(node, DPV.hasDataController, controller)
        purpose = self.iri("activity", activity.id, "purpose")
        self.add(node, DPV.hasPurpose, purpose)
        self.add(purpose, RDF.type, DPV.Purpose)
        self.add(purpose, RDF.type, self.concept(self.table.purpose(activity)[1]))
        self.text(purpose, DCTERMS.description, activity.purpose)
        for ident in activity.data_category_ids:
            self.add(node, DPV.hasPersonalData, self.iri("data", ident))
        for ident in activity.data_subject_ids:
            self.add(node, DPV.hasDataSubject, self.iri("subject", ident))
        for ident in activity.system_ids:
            self.add(node, DPV.isImplementedUsingTechnology, self.iri("system", ident))
        for party in activity.all_recipients:
            self.add(node, DPV.hasRecipient, self.iri("party", party.id))
            if party.role.value in ("processor", "sub_processor"):
                self.add(node, DPV.hasDataProcessor, self.iri("party", party.id))
        if activity.on_behalf_of_id:
            self.add(node, DPV.hasDataController, self.iri("party", activity.on_behalf_of_id))
        if activity.legal_basis is not None:
            row = self.table.legal_basis(activity.legal_basis)
            self.add(node, DPV.hasLegalBasis, self.concept(row.dpv))
        if activity.art9_condition is not None:
            self.add(
                node, DPV.hasLegalBasis, self.concept(self.table.art9(activity.art9_condition).dpv)
            )
        self.transfers(node, activity)
        self.storage(node, activity)
        self.assumed(node, activity)
        self.assumed(node, activity.dpia)

    def transfers(self, node: URIRef, activity: Activity) -> None:
        for index, transfer in enumerate(activity.transfers, start=1):
            part = self.iri("activity", activity.id, "transfer", str(index))
            self.add(node, DPV.hasThirdCountry, LOC[transfer.country])
            self.add(node, DCTERMS.hasPart, part)
            self.add(part, RDF.type, DPV.Process)
            self.add(part, DPV.hasProcessing, DPV.Transfer)
            self.add(part, DPV.hasRecipient, self.iri("party", transfer.party_id))
            self.add(part, DPV.hasThirdCountry, LOC[transfer.country])
            self.assumed(part, transfer)
            if transfer.mechanism is not None:
                row = self.table.transfer(transfer.mechanism)
                self.add(part, DPV.hasLegalBasis, self.concept(row.dpv))

    def storage(self, node: URIRef, activity: Activity) -> None:
        retention = activity.retention
        if retention is not None:
            duration = self.iri("activity", activity.id, "retention")
            self.add(node, DPV.hasStorageCondition, duration)
            self.add(duration, RDF.type, DPV.StorageDuration)
            self.text(duration, DCTERMS.description, retention.text)
            self.assumed(duration, retention)
            if retention.period:
                self.add(duration, RDF.value, Literal(retention.period, datatype=XSD.duration))
        countries = sorted({c for s in activity.systems for c in s.hosting_countries})
        if countries:
            where = self.iri("activity", activity.id, "storage-location")
            self.add(node, DPV.hasStorageCondition, where)
            self.add(where, RDF.type, DPV.StorageLocation)
            for country in countries:
                self.add(where, DPV.hasLocation, LOC[country])


def build_graph(datamap: DataMap) -> Graph:
    """The DPV graph of ``datamap``."""
    builder = _Builder(datamap, mapping())
    controller = builder.controller()
    builder.inventory()
    for activity in datamap.activities:
        builder.activity(activity, controller)
    return builder.graph


def to_turtle(graph: Graph) -> bytes:
    """Turtle, sorted by rdflib's serializer (deterministic for a graph without blank nodes)."""
    return graph.serialize(format="turtle", encoding="utf-8")


def to_jsonld(graph: Graph, base: str) -> bytes:
    """Compact JSON-LD with our prefixes, nodes sorted by id and values sorted, for stable bytes."""
    context: dict[str, str] = {**_CONTEXT_PREFIXES, "ex": base}
    raw = json.loads(graph.serialize(format="json-ld", context=context, auto_compact=True))
    nodes = raw.get("@graph", [raw] if "@id" in raw else [])
    clean = [{k: v for k, v in n.items() if k != "@context"} for n in nodes]
    document = {"@context": context, "@graph": sorted(map(_sorted_values, clean), key=_node_key)}
    text = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True)
    return (text + "\n").encode("utf-8")


def _node_key(node: dict[str, Any]) -> str:
    return str(node.get("@id", ""))


def _json_key(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _sorted_values(node: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in node.items():
        out[key] = sorted(value, key=_json_key) if isinstance(value, list) else value
    return out
