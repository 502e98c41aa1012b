"""Transfers of personal data outside the EEA (GDPR Chapter V), decided once.

* :func:`effective_mechanism`: the ground a transfer rests on (its own, else its recipient's);
* :func:`owes_safeguards_copy`: whether people must be told how to get a copy of the safeguards
  (Art. 13(1)(f), 14(1)(f)): only for Art. 46 safeguards, Art. 47 binding corporate rules and the
  Art. 49(1) second-subparagraph transfer, never for an adequacy decision (the EU-US Data
  Privacy Framework is one) nor for the other Art. 49 derogations;
* :func:`importer`: the party that receives the data in the third country (the recipient, or
  the importer named on the transfer, such as a US parent company; a party naming a vendor
  catalogue entry's importer, ``catalogue_importer:``, carries the entry's DPF status);
* :func:`adequacy_ground`: the adequacy decision a transfer rests on without any safeguard, if
  any (the DPF for a certified US importer);
* :func:`is_onward`: whether the flow is *our* transfer or a recipient's own onward transfer.
  Data we disclose to a controller established in the EEA (independent or joint) that then
  sends it outside the EEA is that controller's transfer under Chapter V, not ours (EDPB
  Guidelines 05/2021): the notice and the checker say so in other words than for our own;
* :func:`destinations`: the third countries an activity's data reaches, split into ours and
  recipients' own, and whether the hosting of a system is not known.

The notice, the record, ``check`` (rules and ``--coverage``), ``impact`` and the graph take
these conclusions from here.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model.activity import Activity, Transfer
from ..model.datamap import DataMap
from ..model.inventory import Party, System
from ..model.legal import PartyRole, TransferMechanism
from .countries import adequacy, is_eea

_M = TransferMechanism

#: Art. 46 safeguards, Art. 47 BCRs and the Art. 49(1) second subparagraph: the only grounds for
#: which the notice must say how to get a copy of the safeguards (Art. 13(1)(f), 14(1)(f)).
SAFEGUARDS_COPY_OWED = frozenset(
    {
        _M.SCC,
        _M.BCR,
        _M.CODE_OF_CONDUCT,
        _M.CERTIFICATION,
        _M.AD_HOC_CLAUSES,
        _M.PUBLIC_AUTHORITY_INSTRUMENT,
        _M.DEROGATION_COMPELLING_INTERESTS,
    }
)
#: Art. 45 adequacy decisions, including the EU-US Data Privacy Framework.
ADEQUACY_MECHANISMS = frozenset({_M.ADEQUACY, _M.EU_US_DPF})
#: The Art. 49 derogations, to be read narrowly (EDPB Guidelines 2/2018).
DEROGATIONS = frozenset(m for m in _M if m.value.startswith("derogation_"))
#: Roles of recipients that decide their own processing: what they send abroad is their transfer.
CONTROLLER_ROLES = frozenset(
    {
        PartyRole.INDEPENDENT_CONTROLLER,
        PartyRole.JOINT_CONTROLLER,
        PartyRole.PUBLIC_AUTHORITY,
        PartyRole.OTHER_RECIPIENT,
    }
)
#: The only country whose organisations can be certified under the EU-US Data Privacy Framework.
DPF_COUNTRY = "US"


def effective_mechanism(transfer: Transfer, party: Party) -> TransferMechanism | None:
    """The transfer's own Chapter V ground, else the one set on its recipient."""
    return transfer.mechanism or party.transfer_mechanism


def owes_safeguards_copy(mechanism: TransferMechanism | None) -> bool:
    """True if people must be told how to get a copy of the safeguards for ``mechanism``."""
    return mechanism in SAFEGUARDS_COPY_OWED


def needs_documented_safeguards(mechanism: TransferMechanism | None) -> bool:
    """True if the transfer must record the safeguards it relies on: the compelling legitimate
    interests of Art. 49(1) second subparagraph, allowed only with suitable safeguards assessed
    and documented (Art. 49(1), 49(6))."""
    return mechanism is TransferMechanism.DEROGATION_COMPELLING_INTERESTS


def is_derogation(mechanism: TransferMechanism | None) -> bool:
    return mechanism in DEROGATIONS


def is_adequacy(mechanism: TransferMechanism | None) -> bool:
    return mechanism in ADEQUACY_MECHANISMS


def importer(datamap: DataMap, transfer: Transfer) -> Party:
    """The party that receives the data in the third country."""
    return datamap.party(transfer.importer_or_recipient_id)


def is_onward(datamap: DataMap, transfer: Transfer) -> bool:
    """True if the flow is the recipient's own transfer: the recipient is a controller
    established in the EEA that sends the data outside it (to an importer, or to where it hosts
    it), rather than our transfer to a recipient or processor."""
    recipient = datamap.party(transfer.party_id)
    return is_controller_in_eea(recipient) and not is_eea(transfer.country)


def is_controller_in_eea(party: Party) -> bool:
    """True for a recipient established in the EEA that decides its own processing."""
    return party.role in CONTROLLER_ROLES and is_eea(party.country)


def dpf_covers(datamap: DataMap, transfer: Transfer) -> bool:
    """True if the importer is a US organisation certified under the EU-US DPF."""
    party = importer(datamap, transfer)
    return (
        transfer.country == DPF_COUNTRY
        and party.country == DPF_COUNTRY
        and party.dpf_certified is True
    )


def has_adequacy(code: str, party: Party | None = None) -> bool:
    """True if a transfer to ``code`` (received there by ``party``) is covered by an adequacy
    decision: a general one, or for the United States the DPF for a certified US importer."""
    found = adequacy(code)
    if found is None:
        return False
    if found.code == DPF_COUNTRY:
        return party is not None and party.country == DPF_COUNTRY and party.dpf_certified is True
    return True


def adequacy_ground(code: str, party: Party | None = None) -> TransferMechanism | None:
    """The Art. 45 ground a transfer to ``code`` (received there by ``party``) rests on without
    any safeguard: the EU-US DPF for a certified US importer, else the country's general
    adequacy decision; None when no adequacy decision covers it."""
    found = adequacy(code)
    if found is None or not has_adequacy(code, party):
        return None
    return _M.EU_US_DPF if found.code == DPF_COUNTRY else _M.ADEQUACY


def needs_mechanism(datamap: DataMap, transfer: Transfer) -> bool:
    """True if the flow needs an Art. 46 safeguard or Art. 49 derogation named in the map (no
    adequacy decision covers the importer)."""
    return not is_eea(transfer.country) and not has_adequacy(
        transfer.country, importer(datamap, transfer)
    )


def party_needs_mechanism(party: Party) -> bool:
    """True if sending data to ``party`` where it is established needs a Chapter V ground."""
    return not is_eea(party.country) and not has_adequacy(party.country, party)


@dataclass(frozen=True, slots=True)
class Destinations:
    """The third countries an activity's data reaches."""

    #: Ours to record and justify: recipients established there, hosting by our processors.
    ours: frozenset[str]
    #: A recipient controller's own transfers (hosting behind an EEA-based controller).
    theirs: frozenset[str]
    #: Systems the activity uses whose hosting countries are not given.
    unknown_hosting: tuple[System, ...]


def _hosted_by_controller(datamap: DataMap, system: System) -> bool:
    """True if the system is supplied by controllers in the EEA only (its hosting is theirs);
    found once for each system of the map."""
    return datamap.once("law.transfers.hosted_by_controller", system, _supplied_by_controllers)


def _supplied_by_controllers(datamap: DataMap, system: System) -> bool:
    parties = datamap.parties_of(system)
    return bool(parties) and all(is_controller_in_eea(p) for p in parties)


def destinations(datamap: DataMap, activity: Activity) -> Destinations:
    """Where outside the EEA the activity's data goes, and whose transfer each is; found once
    for each activity of the map (:meth:`~harmonien_ropa.model.datamap.DataMap.once`)."""
    return datamap.once("law.transfers.destinations", activity, _destinations)


def _destinations(datamap: DataMap, activity: Activity) -> Destinations:
    ours: set[str] = set()
    for party in datamap.all_recipients_of(activity):
        if not is_eea(party.country):
            ours.add(party.country)
    theirs: set[str] = set()
    unknown: list[System] = []
    hosting = datamap.once_for_map("law.transfers.hosting", _hosting_by_id)
    for system_id in activity.system_ids:
        system, outside, by_controller = hosting[system_id]
        if outside is None:
            unknown.append(system)  # and hosted in no country the map names
        elif outside:
            (theirs if by_controller else ours).update(outside)
    for transfer in activity.transfers:
        if is_eea(transfer.country):
            continue
        (theirs if is_onward(datamap, transfer) else ours).add(transfer.country)
    if not (ours or theirs or unknown):
        return _STAYS
    return Destinations(
        frozenset(ours) if ours else _NOWHERE,
        frozenset(theirs - ours) if theirs else _NOWHERE,
        tuple(unknown),
    )


#: No country (shared by the activities whose data goes nowhere outside the EEA).
_NOWHERE: frozenset[str] = frozenset()
#: The destinations of an activity whose data stays in the EEA, on systems hosted where the
#: map says (shared by all such activities).
_STAYS = Destinations(_NOWHERE, _NOWHERE, ())


def _hosting_by_id(
    datamap: DataMap,
) -> dict[str, tuple[System, frozenset[str] | None, bool]]:
    """Each system of the map by id (the first of an id, as the map resolves it), with where
    outside the EEA it keeps data (``None`` when its hosting countries are not given) and
    whether that is a controller's own hosting (:func:`_hosted_by_controller`); found once for
    the map, so that the destinations of every activity look its systems up in one table."""
    found: dict[str, tuple[System, frozenset[str] | None, bool]] = {}
    for system in datamap.systems:
        if system.id in found:
            continue
        if not system.hosting_countries:
            found[system.id] = (system, None, False)
            continue
        outside = frozenset(c for c in system.hosting_countries if not is_eea(c))
        found[system.id] = (
            system,
            outside,
            bool(outside) and _hosted_by_controller(datamap, system),
        )
    return found


def recorded_countries(activity: Activity) -> frozenset[str]:
    return frozenset(t.country for t in activity.transfers)
