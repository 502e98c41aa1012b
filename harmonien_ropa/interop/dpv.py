"""The data map as a W3C Data Privacy Vocabulary (DPV 2) graph, in JSON-LD and Turtle.

Every activity becomes a ``dpv:Process`` with its purpose, personal data, data subjects,
recipients, legal bases (GDPR extension IRIs for Art. 6(1), Art. 9(2) and Chapter V), storage
conditions and third countries. Our own entries get IRIs under the organisation's website (or a
``tag:`` IRI when it has none) and are typed with the matching DPV concept from the data map or
the mapping table. Open assumptions travel as ``skos:editorialNote`` on the node they belong
to, so no consumer takes them for confirmed facts. Every ``dpv:``, ``pd:``, ``eu-gdpr:`` and
``loc:`` term taken from the data map or the mapping table is checked against the shipped DPV
term list: one DPV does not define is replaced by the existing term in DPV's spelling or its
closest broader concept, or left out, and :func:`export_graph` says which. Only IRIs are used
(no blank nodes), so the output is byte-identical across runs. The graph is written by :mod:`.rdf` (Turtle and JSON-LD in one linear pass each).
"""

from __future__ import annotations

import re

from ..core.emails import mailto
from ..law.devices import trackers_of
from ..law.transfers import effective_mechanism
from ..model.activity import Activity
from ..model.base import Statement, Text
from ..model.datamap import DataMap
from ..model.legal import ConsentMechanism, LegalBasis, RetentionKind, SourceKind
from .mapping import Mapping, mapping
from .rdf import Graph, Literal, literal
from .vocabulary import Substitutions, Vocabulary, dpv_term
from .vocabulary import dpv as dpv_vocabulary

#: Prefix → namespace of the vocabularies the graph uses (``ex`` is added per map).
PREFIXES = {
    "dpv": "https://w3id.org/dpv#",
    "pd": "https://w3id.org/dpv/pd#",
    "eu-gdpr": "https://w3id.org/dpv/legal/eu/gdpr#",
    "loc": "https://w3id.org/dpv/loc#",
    "dct": "http://purl.org/dc/terms/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


class _Vocab:
    """Terms of one namespace as attributes: ``DPV.Process`` is ``https://w3id.org/dpv#Process``."""

    def __init__(self, namespace: str) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> str:
        if name.startswith("__"):
            raise AttributeError(name)
        iri = self.__dict__[name] = self._namespace + name  # found directly from now on
        return iri

    def __getitem__(self, name: str) -> str:
        return self._namespace + name


DPV = _Vocab(PREFIXES["dpv"])
#: How consent is obtained → the DPV consent type it gives: an active choice is expressed
#: consent; a pre-ticked box or use of the service is at most implied (and not valid under the
#: GDPR, which the checker reports); consent bundled with terms is uninformed of its own scope.
_CONSENT_TYPES = {
    ConsentMechanism.OPT_IN_FORM: "ExpressedConsent",
    ConsentMechanism.DOUBLE_OPT_IN: "ExpressedConsent",
    ConsentMechanism.CHECKBOX: "ExpressedConsent",
    ConsentMechanism.CONSENT_BANNER: "ExpressedConsent",
    ConsentMechanism.SIGNED_FORM: "ExpressedConsent",
    ConsentMechanism.PRE_TICKED: "ImpliedConsent",
    ConsentMechanism.BY_USE: "ImpliedConsent",
    ConsentMechanism.BUNDLED: "UninformedConsent",
}
PD = _Vocab(PREFIXES["pd"])
EU_GDPR = _Vocab(PREFIXES["eu-gdpr"])
LOC = _Vocab(PREFIXES["loc"])
DCTERMS = _Vocab(PREFIXES["dct"])
RDF = _Vocab(PREFIXES["rdf"])
RDFS = _Vocab(PREFIXES["rdfs"])
SKOS = _Vocab(PREFIXES["skos"])
XSD = _Vocab(PREFIXES["xsd"])

#: The DPV data source of each kind of source: from the person (given or observed), from a
#: third party (another organisation, or a person such as a referee), public (sources, registers
#: and catalogues), or the controller's own data reused from another activity.
_SOURCE_KINDS = {
    SourceKind.DATA_SUBJECT: DPV.DataSubjectDataSource,
    SourceKind.OBSERVED: DPV.DataSubjectDataSource,
    SourceKind.THIRD_PARTY: DPV.ThirdPartyDataSource,
    SourceKind.OTHER_PERSON: DPV.ThirdPartyDataSource,
    SourceKind.PUBLIC_SOURCE: DPV.PublicDataSource,
    SourceKind.PUBLIC_REGISTER: DPV.PublicDataSource,
    SourceKind.OWN_ACTIVITY: DPV.DataControllerDataSource,
}

#: The DPV duration of each retention kind besides a period: kept until an event (consent
#: withdrawn), or without end (permanent archiving).
_DURATION_KINDS = {
    RetentionKind.UNTIL_CONSENT_WITHDRAWN: DPV.UntilEventDuration,
    RetentionKind.PERMANENT_ARCHIVE: DPV.EndlessDuration,
}


#: Characters an IRI cannot hold: ASCII controls, space and delimiters, C1 controls, any
#: other white space (JSON-LD processors refuse IRIs with it), and a '%' that does not start a
#: %XX escape (RFC 3987: it becomes %25, so a valid escape is kept and no invalid one is).
_NOT_IN_IRI = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f-\x9f\s]|%(?![0-9A-Fa-f]{2})')


def iri_text(text: str, also: str = "") -> str:
    """``text`` with the characters an IRI cannot hold (and those in ``also``) %-encoded."""
    pattern = _NOT_IN_IRI if not also else re.compile(f"{_NOT_IN_IRI.pattern}|[{re.escape(also)}]")
    return pattern.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), text)


def base_iri(datamap: DataMap) -> str:
    """Namespace of the map's own entries: ``<website>/ropa#`` or a ``tag:`` IRI."""
    org = datamap.organisation
    if org.website:
        return iri_text(org.website.rstrip("/"), also="#") + "/ropa#"
    if org.org_number is None:
        return "tag:harmonien-ropa,2026:controller#"
    number = "".join(org.org_number.split())
    return f"tag:harmonien-ropa,2026:{number}#"


class _Builder:
    def __init__(self, datamap: DataMap, table: Mapping, vocabulary: Vocabulary) -> None:
        self.map = datamap
        self.table = table
        self.vocabulary = vocabulary
        self.base = base_iri(datamap)
        self.graph = Graph({**PREFIXES, "ex": self.base})
        self.substitutions = Substitutions("dpv", vocabulary.name)

    def iri(self, *parts: str) -> str:
        return self.base + "/".join(parts)

    def concept(self, curie: str | None, where: str) -> str | None:
        """The IRI of ``curie`` if DPV defines it, else of the term an export may use instead
        (noted in :attr:`substitutions`), else None. IRIs outside DPV pass unchanged."""
        if not curie:
            return None
        term = dpv_term(curie)
        if term is None:
            return curie
        if term not in self.vocabulary:
            found = self.vocabulary.replacement(term)
            self.substitutions.note(curie, found, where)
            if found is None:
                return None
            term = found.term
        return self.table.expand(term)

    def place(self, country: str, where: str) -> str | None:
        return self.concept(f"loc:{country}", where)

    def add(self, s: str, p: str, o: str | Literal | None) -> None:
        if o is not None:
            self.graph.add(s, p, o)

    def assumed(self, s: str, statement: Statement | None) -> None:
        """Open assumptions as ``skos:editorialNote``: the value above is not yet confirmed."""
        if statement is None:
            return
        for field, note in sorted(statement.assumptions.items()):
            self.add(
                s,
                SKOS.editorialNote,
                literal(f"assumption, to be confirmed: {field}: {note}", lang="en"),
            )

    def name(self, s: str, p: str, name: str | Text) -> None:
        """A name of the map: a plain literal, or one per language where it is translated."""
        if isinstance(name, str):
            self.add(s, p, literal(name))
        else:
            self.text(s, p, name)

    def text(self, s: str, p: str, text: Text | None) -> None:
        if text is None:
            return
        for lang in self.map.languages:
            value = getattr(text, lang)
            if value:
                self.graph.add(s, p, literal(value, lang=lang))

    # -- the parts ---------------------------------------------------------------------------

    def controller(self) -> str:
        org = self.map.organisation
        node = self.iri("controller")
        self.add(node, RDF.type, DPV.DataController)
        self.name(node, DPV.hasName, org.name)
        if org.org_number is not None:
            self.add(node, DCTERMS.identifier, literal(org.org_number))
        if org.address is not None:
            self.add(node, DPV.hasCountry, self.place(org.address.country, "the organisation"))
            self.add(node, DPV.hasAddress, literal(org.address.one_line()))
        if org.website:
            self.add(node, RDFS.seeAlso, iri_text(org.website))
        contact = org.privacy_contact or org.email
        if contact:
            self.add(node, DPV.hasContact, mailto(contact))
        if org.represented_by is not None:
            # Who legally represents the controller (dpv:Representative, "a representative of
            # a legal entity"); not the Art. 27 representative (eu-gdpr:Representative).
            signatory = org.represented_by
            person = self.iri("controller", "represented-by")
            self.add(node, DPV.hasRepresentative, person)
            self.add(person, RDF.type, DPV.Representative)
            self.text(person, RDFS.label, signatory.role)
            if signatory.name:
                self.add(person, DPV.hasName, literal(signatory.name))
            self.assumed(person, signatory)
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
            self.add(
                node,
                RDF.type,
                self.concept(self.table.category(category)[1], f"data category '{category.id}'"),
            )
            self.text(node, RDFS.label, category.name)
            self.assumed(node, category)
        for subject in self.map.data_subjects:
            node = self.iri("subject", subject.id)
            self.add(node, RDF.type, DPV.DataSubject)
            self.add(
                node,
                RDF.type,
                self.concept(self.table.subject(subject)[1], f"data subject '{subject.id}'"),
            )
            if subject.vulnerable:
                self.add(node, RDF.type, DPV.VulnerableDataSubject)
            if subject.may_include_children:
                self.add(node, RDF.type, DPV.Child)
            self.text(node, RDFS.label, subject.name)
            self.assumed(node, subject)
        for party in self.map.parties:
            node = self.iri("party", party.id)
            self.add(node, RDF.type, DPV.Recipient)
            where = f"party '{party.id}'"
            self.add(node, RDF.type, self.concept(self.table.role(party.role).dpv, where))
            self.add(node, DPV.hasName, literal(party.name))
            self.add(node, DPV.hasCountry, self.place(party.country, where))
            self.assumed(node, party)
        for system in self.map.systems:
            node = self.iri("system", system.id)
            self.add(node, RDF.type, DPV.Technology)
            self.name(node, RDFS.label, system.name)
            self.assumed(node, system)
            for party in self.map.parties_of(system):
                self.add(node, DCTERMS.publisher, self.iri("party", party.id))

    def activity(self, activity: Activity, controller: str) -> None:
        where = f"activity '{activity.id}'"
        node = self.iri("activity", activity.id)
        self.add(node, RDF.type, DPV.Process)
        self.text(node, DCTERMS.title, activity.name)
        self.add(node, DPV.hasDataController, controller)
        purpose = self.iri("activity", activity.id, "purpose")
        self.add(node, DPV.hasPurpose, purpose)
        self.add(purpose, RDF.type, DPV.Purpose)
        self.add(purpose, RDF.type, self.concept(self.table.purpose(self.map, activity)[1], where))
        self.text(purpose, DCTERMS.description, activity.purpose)
        for ident in activity.data_category_ids:
            self.add(node, DPV.hasPersonalData, self.iri("data", ident))
        for ident in activity.data_subject_ids:
            self.add(node, DPV.hasDataSubject, self.iri("subject", ident))
        for ident in activity.system_ids:
            self.add(node, DPV.isImplementedUsingTechnology, self.iri("system", ident))
        for party in self.map.all_recipients_of(activity):
            self.add(node, DPV.hasRecipient, self.iri("party", party.id))
            if party.role.value in ("processor", "sub_processor"):
                self.add(node, DPV.hasDataProcessor, self.iri("party", party.id))
        if activity.on_behalf_of_id:
            self.add(node, DPV.hasDataController, self.iri("party", activity.on_behalf_of_id))
        for basis in activity.basis_values:
            row = self.table.legal_basis(basis)
            self.add(node, DPV.hasLegalBasis, self.concept(row.dpv, where))
        for part in activity.bases:
            mechanism = part.consent.mechanism if part.consent is not None else None
            if part.basis is LegalBasis.CONSENT and mechanism is not None:
                self.add(node, DPV.hasLegalBasis, DPV[_CONSENT_TYPES[mechanism]])
        if activity.art9_condition is not None:
            row = self.table.art9(activity.art9_condition)
            self.add(node, DPV.hasLegalBasis, self.concept(row.dpv, where))
        for tracker in trackers_of(self.map, activity):
            third = not tracker.first_party or tracker.provider_id is not None
            self.add(
                node,
                DPV.hasProcessing,
                DPV.TrackingByThirdParty if third else DPV.TrackingByFirstParty,
            )
        for kind in dict.fromkeys(_SOURCE_KINDS[source.kind] for source in activity.sources):
            self.add(node, DPV.hasDataSource, kind)
        self.transfers(node, activity, where)
        self.storage(node, activity, where)
        self.assumed(node, activity)
        self.assumed(node, activity.dpia)

    def transfers(self, node: str, activity: Activity, where: str) -> None:
        for index, transfer in enumerate(activity.transfers, start=1):
            part = self.iri("activity", activity.id, "transfer", str(index))
            country = self.place(transfer.country, where)
            self.add(node, DPV.hasThirdCountry, country)
            self.add(node, DCTERMS.hasPart, part)
            self.add(part, RDF.type, DPV.Process)
            self.add(part, DPV.hasProcessing, DPV.Transfer)
            self.add(part, DPV.hasRecipient, self.iri("party", transfer.party_id))
            self.add(part, DPV.hasThirdCountry, country)
            self.assumed(part, transfer)
            mechanism = effective_mechanism(transfer, self.map.party(transfer.party_id))
            if mechanism is not None:
                row = self.table.transfer(mechanism)
                self.add(part, DPV.hasLegalBasis, self.concept(row.dpv, where))

    def storage(self, node: str, activity: Activity, where: str) -> None:
        retention = activity.retention
        if retention is not None:
            duration = self.iri("activity", activity.id, "retention")
            self.add(node, DPV.hasStorageCondition, duration)
            self.add(duration, RDF.type, DPV.StorageDuration)
            kind = _DURATION_KINDS.get(retention.kind)
            if kind is not None:
                self.add(duration, RDF.type, kind)
            self.text(duration, DCTERMS.description, retention.text)
            self.assumed(duration, retention)
            if retention.period:
                self.add(duration, RDF.value, literal(retention.period, datatype=XSD.duration))
        countries = sorted({c for s in self.map.systems_of(activity) for c in s.hosting_countries})
        if countries:
            location = self.iri("activity", activity.id, "storage-location")
            self.add(node, DPV.hasStorageCondition, location)
            self.add(location, RDF.type, DPV.StorageLocation)
            for country in countries:
                self.add(location, DPV.hasLocation, self.place(country, where))


def export_graph(datamap: DataMap) -> tuple[Graph, Substitutions]:
    """The DPV graph of ``datamap``, and the terms it could not use as written."""
    builder = _Builder(datamap, mapping(), dpv_vocabulary())
    controller = builder.controller()
    builder.inventory()
    for activity in datamap.activities:
        builder.activity(activity, controller)
    return builder.graph, builder.substitutions


def build_graph(datamap: DataMap) -> Graph:
    """The DPV graph of ``datamap``."""
    return export_graph(datamap)[0]
