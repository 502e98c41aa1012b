"""The services of the vendor catalogue a starter map uses, with what the catalogue leaves open.

``init`` offers, for each common activity, every catalogue entry of the kind it needs
(:data:`VENDOR_CATEGORIES`). For a chosen entry the starter writes a party and a system naming
it (``catalogue: <id>``), so the entry's facts come stated with their source and date, and adds
each legal point the entry does not state and the user did not answer as a value marked as an
assumption:

* the role, when the entry gives none: a processor, the usual role of a service used for the
  organisation's own activity;
* the country where the company is established, when the entry does not confirm it;
* for a processor, whether its data-processing agreement (Art. 28(3)) is in place;
* where the data leaves the EEA (the company, or the data importer the entry names, is
  established outside it), the transfer, with the ground the law layer finds for it on the
  merged party (an adequacy decision, or the EU-US Data Privacy Framework for a certified US
  importer) stated, or else standard contractual clauses assumed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from ..law.countries import is_eea
from ..law.transfers import adequacy_ground
from ..model.inventory import Party
from ..model.legal import PartyRole, TransferMechanism
from ..source.catalogue import CatalogueEntry, catalogue, fill
from ..source.catalogue.merge import resolve

Lang = Literal["nb", "nn", "en"]

#: The catalogue categories whose services each activity may use, in the order they are offered.
VENDOR_CATEGORIES: dict[str, tuple[str, ...]] = {
    "ticket-sales": ("ticketing",),
    "newsletter": ("email", "crm"),
    "members": ("membership",),
    "website-analytics": ("analytics",),
    "accounting": ("accounting",),
}

#: The answer for a service that is not in the catalogue.
OTHER = "other"

#: The country assumed for a company the catalogue does not place (a service sold in Norway).
ASSUMED_COUNTRY = "NO"

_PROCESSORS = (PartyRole.PROCESSOR, PartyRole.SUB_PROCESSOR)


def offered(activity: str) -> tuple[CatalogueEntry, ...]:
    """Every catalogue entry of a kind ``activity`` needs, in the catalogue's order."""
    kinds = VENDOR_CATEGORIES.get(activity, ())
    return tuple(
        entry for kind in kinds for entry in catalogue().values() if entry.category == kind
    )


def usual_role(entry: CatalogueEntry) -> PartyRole:
    """The role the entry states, else the one a starter assumes (processor)."""
    return entry.role or PartyRole.PROCESSOR


def knows_country(entry: CatalogueEntry) -> bool:
    return entry.country is not None


def asks_dpa(entry: CatalogueEntry) -> bool:
    """True if the service is (or is assumed to be) a processor, which needs an agreement."""
    return usual_role(entry) in _PROCESSORS


@dataclass
class VendorAnswers:
    """What the user said about the services chosen (by catalogue id); absent means not known."""

    #: Whether the data-processing agreement is in place.
    dpa: dict[str, bool] = field(default_factory=dict)
    #: Where the company is established, when the catalogue does not say.
    country: dict[str, str] = field(default_factory=dict)
    #: Where the service stores the data.
    hosting: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass
class VendorSections:
    """What the chosen services add to a starter map."""

    parties: list[dict[str, Any]] = field(default_factory=list)
    systems: list[dict[str, Any]] = field(default_factory=list)
    #: Activity id -> the ids of the systems it uses.
    systems_of: dict[str, list[str]] = field(default_factory=dict)
    #: Activity id -> its transfers outside the EEA.
    transfers_of: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    #: Activity id -> assumption notes for the activity itself (a service not in the catalogue).
    notes_of: dict[str, dict[str, str]] = field(default_factory=dict)


def vendor_sections(
    chosen: Mapping[str, str], answers: VendorAnswers, lang: Lang
) -> VendorSections:
    """The parties, systems and transfers for ``chosen`` (activity id -> catalogue id or
    :data:`OTHER`), each point the catalogue and the answers leave open marked as assumed."""
    out = VendorSections()
    written: dict[str, list[dict[str, Any]]] = {}  # catalogue id -> transfers of its data
    for activity, ident in chosen.items():
        if ident == OTHER:
            out.notes_of[activity] = {"systems": _note("other_service", lang)}
            continue
        entry = catalogue()[ident]
        if ident not in written:
            parties, transfers = _parties(entry, answers, lang)
            out.parties.extend(parties)
            system: dict[str, Any] = {"id": ident, "catalogue": ident}
            hosting = answers.hosting.get(ident, ())
            if hosting:
                system["hosting_countries"] = list(hosting)
                transfers.extend(_hosting_transfers(entry.id, hosting, transfers, parties[0], lang))
            out.systems.append(system)
            written[ident] = transfers
        out.systems_of[activity] = [ident]
        if written[ident]:
            out.transfers_of[activity] = [dict(t) for t in written[ident]]
    return out


def _parties(
    entry: CatalogueEntry, answers: VendorAnswers, lang: Lang
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The party for ``entry`` (and its data importer abroad), and the transfers of its data."""
    name = entry.legal_entity or entry.name
    party: dict[str, Any] = {"id": entry.id, "catalogue": entry.id}
    notes: dict[str, str] = {}
    given = fill(entry, "parties")
    if "country" not in given:
        answered = answers.country.get(entry.id)
        party["country"] = answered or ASSUMED_COUNTRY
        if not answered:
            notes["country"] = _note("country", lang).format(name=name)
    if "role" not in given:
        party["role"] = usual_role(entry).value
        notes["role"] = _note("role", lang).format(name=name)
    if asks_dpa(entry):
        signed = answers.dpa.get(entry.id)
        party["dpa"] = True if signed is None else signed
        if signed is None:
            where = _note("dpa_link", lang).format(url=entry.dpa) if entry.dpa else ""
            notes["dpa"] = _note("dpa", lang).format(name=name, where=where)
    parties = [party]
    transfers: list[dict[str, Any]] = []
    merged = _merged(party)
    if not is_eea(merged.country):
        transfers.append(_transfer(entry.id, merged.country, merged, None, lang))
    importer = entry.importer
    if importer is not None and importer.country is not None and not is_eea(importer.country):
        ident = f"{entry.id}-importer"
        role = PartyRole.SUB_PROCESSOR if usual_role(entry) in _PROCESSORS else None
        item: dict[str, Any] = {"id": ident, "catalogue_importer": entry.id}
        importer_notes: dict[str, str] = {}
        if role is PartyRole.SUB_PROCESSOR:
            item.update({"role": role.value, "engaged_by": entry.id, "dpa": True})
            importer_notes["role"] = _note("importer_dpa", lang).format(name=name)
            importer_notes["dpa"] = importer_notes["role"]
        else:
            item["role"] = PartyRole.OTHER_RECIPIENT.value
            importer_notes["role"] = _note("importer_role", lang).format(name=name)
        item["assumptions"] = importer_notes
        parties.append(item)
        received = _merged(item)
        if importer.country != merged.country or not transfers:
            transfers.append(_transfer(entry.id, importer.country, received, ident, lang))
    if notes:
        party["assumptions"] = notes
    return parties, transfers


def _hosting_transfers(
    party: str,
    hosting: tuple[str, ...],
    written: list[dict[str, Any]],
    item: dict[str, Any],
    lang: Lang,
) -> list[dict[str, Any]]:
    """A transfer to each country outside the EEA the service stores the data in that no
    transfer of its data names yet, on the ground the law finds for the vendor, else assumed."""
    covered = {t["country"] for t in written}
    receiver = _merged(item)
    return [
        _transfer(party, country, receiver, None, lang)
        for country in hosting
        if not is_eea(country) and country not in covered
    ]


def _merged(item: dict[str, Any]) -> Party:
    """The party as the map will load it: what ``item`` writes, filled from the catalogue."""
    resolved = resolve({"parties": [item]}).data["parties"][0]
    return Party.model_validate(resolved)


def _transfer(
    party: str, country: str, receiver: Party, importer: str | None, lang: Lang
) -> dict[str, Any]:
    """A transfer to ``country``, on the ground the law finds for ``receiver``, else SCCs
    assumed."""
    transfer: dict[str, Any] = {"party": party, "country": country}
    if importer is not None:
        transfer["importer"] = importer
    ground = adequacy_ground(country, receiver)
    if ground is not None:
        transfer["mechanism"] = ground.value
        return transfer
    transfer["mechanism"] = TransferMechanism.SCC.value
    # Art. 13(1)(f), 14(1)(f): how to get a copy of the safeguards; asking us is the usual way
    transfer["safeguards_copy"] = dict(SAFEGUARDS_COPY)
    key = "dpf_unknown" if country == "US" and receiver.dpf_certified is None else "scc"
    transfer["assumptions"] = {"mechanism": _note(key, lang).format(name=receiver.name)}
    return transfer


#: How people get a copy of the standard clauses a starter assumes (a text of three languages).
SAFEGUARDS_COPY = {
    "nb": "Be oss om en kopi.",
    "nn": "Be oss om ein kopi.",
    "en": "Ask us for a copy.",
}


def _note(key: str, lang: Lang) -> str:
    return _NOTES[key][lang]


_NOTES: dict[str, dict[str, str]] = {
    "other_service": {
        "nb": "Du svarte at en tjeneste som ikke er i katalogen brukes: legg den til under "
        "'parties:' og 'systems:' og nevn den her.",
        "nn": "Du svarte at ei teneste som ikkje er i katalogen, blir brukt: legg henne til under "
        "'parties:' og 'systems:' og nemn henne her.",
        "en": "You said a service that is not in the catalogue is used: add it under "
        "'parties:' and 'systems:' and name it here.",
    },
    "country": {
        "nb": "Leverandørkatalogen bekrefter ikke hvor {name} er etablert; 'init' antok Norge. "
        "Bekreft det i avtalen.",
        "nn": "Leverandørkatalogen stadfestar ikkje kvar {name} er etablert; 'init' gjekk ut frå "
        "Noreg. Stadfest det i avtalen.",
        "en": "The vendor catalogue does not confirm where {name} is established; 'init' "
        "assumed Norway. Confirm it from the contract.",
    },
    "role": {
        "nb": "Leverandørkatalogen sier ikke hvilken rolle {name} har; 'init' antok "
        "databehandler (behandler opplysningene på våre vegne). Bekreft det i avtalen.",
        "nn": "Leverandørkatalogen seier ikkje kva rolle {name} har; 'init' gjekk ut frå "
        "databehandlar (behandlar opplysningane på vegner av oss). Stadfest det i avtalen.",
        "en": "The vendor catalogue does not say which role {name} plays; 'init' assumed a "
        "processor (it handles the data on our behalf). Confirm it from the contract.",
    },
    "dpa_link": {
        "nb": " (publisert på {url})",
        "nn": " (publisert på {url})",
        "en": " (published at {url})",
    },
    "dpa": {
        "nb": "Ikke besvart: 'init' antok at databehandleravtalen med {name}{where} er inngått "
        "(artikkel 28 nr. 3). Bekreft at den er godtatt, og hvor den er arkivert.",
        "nn": "Ikkje svart på: 'init' gjekk ut frå at databehandlaravtalen med {name}{where} er "
        "inngått (artikkel 28 nr. 3). Stadfest at han er godteken, og kvar han er arkivert.",
        "en": "Not answered: 'init' assumed that the data-processing agreement with "
        "{name}{where} is in place (Art. 28(3)). Confirm that it is accepted and where it is "
        "filed.",
    },
    "importer_dpa": {
        "nb": "Antatt underleverandør som {name} har engasjert og bundet av databehandleravtalen "
        "(artikkel 28 nr. 4). Bekreft det i avtalen og listen over underleverandører.",
        "nn": "Gått ut frå som underleverandør som {name} har engasjert og bunde av "
        "databehandlaravtalen (artikkel 28 nr. 4). Stadfest det i avtalen og lista over "
        "underleverandørar.",
        "en": "Assumed to be a sub-processor engaged by {name} and bound by its data-processing "
        "agreement (Art. 28(4)). Confirm it from the agreement and the list of sub-processors.",
    },
    "importer_role": {
        "nb": "Ikke en mottaker hos oss: nevnt som mottakeren i tredjelandet som {name} "
        "overfører opplysninger til. Bekreft det i personvernerklæringen deres.",
        "nn": "Ikkje ein mottakar hos oss: nemnd som mottakaren i tredjelandet som {name} "
        "overfører opplysningar til. Stadfest det i personvernerklæringa deira.",
        "en": "Not a recipient of ours: named as the receiver in the third country to which "
        "{name} transfers data. Confirm it from their privacy policy.",
    },
    "scc": {
        "nb": "Leverandørkatalogen sier ikke hvilket overføringsgrunnlag {name} bruker; 'init' "
        "antok EUs standardkontraktsbestemmelser (artikkel 46 nr. 2 bokstav c). Bekreft det i "
        "databehandleravtalen.",
        "nn": "Leverandørkatalogen seier ikkje kva overføringsgrunnlag {name} nyttar; 'init' "
        "gjekk ut frå EUs standardkontraktsføresegner (artikkel 46 nr. 2 bokstav c). Stadfest "
        "det i databehandlaravtalen.",
        "en": "The vendor catalogue does not say which transfer ground {name} relies on; 'init' "
        "assumed the EU standard contractual clauses (Art. 46(2)(c)). Confirm it from the "
        "data-processing agreement.",
    },
    "dpf_unknown": {
        "nb": "Det er ikke kjent om {name} er sertifisert under EU-US Data Privacy Framework; "
        "'init' antok EUs standardkontraktsbestemmelser (artikkel 46 nr. 2 bokstav c). Sjekk "
        "DPF-listen og databehandleravtalen.",
        "nn": "Det er ikkje kjent om {name} er sertifisert under EU-US Data Privacy Framework; "
        "'init' gjekk ut frå EUs standardkontraktsføresegner (artikkel 46 nr. 2 bokstav c). "
        "Sjekk DPF-lista og databehandlaravtalen.",
        "en": "It is not known whether {name} is certified under the EU-US Data Privacy "
        "Framework; 'init' assumed the EU standard contractual clauses (Art. 46(2)(c)). Check "
        "the DPF list and the data-processing agreement.",
    },
}
