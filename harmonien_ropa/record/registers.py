"""The record's registers: systems, parties, data categories and transfers outside the EEA."""

from __future__ import annotations

from collections.abc import Iterable

from ..law import transfers as transfers_law
from ..law.devices import consent_needed
from ..law.terms import label, label_cite
from ..model.activity import Activity
from ..model.legal import PartyRole
from .cells import CellMaker
from .tables import Row, Table


def names_of(make: CellMaker, acts: Iterable[Activity]) -> list[str]:
    return [make.text(a.name) for a in acts]


def systems(make: CellMaker) -> Table:
    rows = []
    for sys in make.map.systems:
        cells = (
            make.cell([sys.id]),
            make.cell([make.name(sys.name)], make.assumed(sys, "name")),
            make.cell([make.text(sys.description)], make.assumed(sys, "description")),
            make.cell(
                [vendor.name if (vendor := make.map.vendor_of(sys)) else ""],
                make.assumed(sys, "vendor"),
            ),
            make.cell(
                [operator.name if (operator := make.map.operator_of(sys)) else ""],
                make.assumed(sys, "operated_by"),
            ),
            make.cell(sys.hosting_countries, make.assumed(sys, "hosting_countries")),
            make.cell([make.text(a) for a in sys.access], make.assumed(sys, "access")),
            make.cell(
                [make.text(m) for m in sys.security_measures],
                make.assumed(sys, "security_measures"),
            ),
            make.cell(names_of(make, make.map.activities_of(sys))),
        )
        rows.append(Row(sys.id, cells))
    columns = (
        "id",
        "system",
        "description",
        "vendor",
        "operated_by",
        "hosting_countries",
        "access",
        "security",
        "used_by",
    )
    return make.table("systems", columns, rows)


def parties(make: CellMaker) -> Table:
    users: dict[str, list[Activity]] = {}
    for act in make.map.activities:
        for recipient in make.links[act.id].recipients:
            users.setdefault(recipient.id, []).append(act)
    rows = []
    for party in make.map.parties:
        mechanism = party.transfer_mechanism
        cells = (
            make.cell([party.id]),
            make.cell([party.name], make.assumed(party, "name")),
            make.cell([label(party.role, make.lang)], make.assumed(party, "role")),
            make.cell([party.country], make.assumed(party, "country")),
            make.cell([make.text(party.description)], make.assumed(party, "description")),
            make.cell(
                [make.yes_no(party.dpa)]
                if party.role in (PartyRole.PROCESSOR, PartyRole.SUB_PROCESSOR)
                or party.dpa is not None
                else [],
                make.assumed(party, "dpa"),
            ),
            make.cell([party.dpa_reference or ""], make.assumed(party, "dpa_reference")),
            make.cell(
                [engager.name if (engager := make.map.engaged_by(party)) else ""],
                make.assumed(party, "engaged_by"),
            ),
            make.cell(
                [
                    label_cite(mechanism, make.lang) if mechanism else "",
                    make.text(party.transfer_safeguards),
                ],
                make.assumed(party, "transfer_mechanism", "transfer_safeguards", "dpf_certified"),
            ),
            make.cell(
                [make.text(party.joint_arrangement)], make.assumed(party, "joint_arrangement")
            ),
            make.cell(names_of(make, users.get(party.id, ()))),
        )
        rows.append(Row(party.id, cells))
    columns = (
        "id",
        "party",
        "role",
        "country",
        "description",
        "dpa",
        "dpa_reference",
        "engaged_by",
        "transfer_mechanism",
        "joint_arrangement",
        "used_by",
    )
    return make.table("parties", columns, rows)


def data_categories(make: CellMaker) -> Table:
    rows = []
    for cat in make.map.data_categories:
        cells = (
            make.cell([cat.id]),
            make.cell([make.text(cat.name)], make.assumed(cat, "name")),
            make.cell([make.yes_no(cat.special_category)], make.assumed(cat, "special_category")),
            make.cell([make.yes_no(cat.criminal_offence)], make.assumed(cat, "criminal_offence")),
            make.cell(
                [make.yes_no(cat.national_id)]
                + ([make.s["national_id_condition"]] if cat.national_id else []),
                make.assumed(cat, "national_id"),
            ),
            make.cell([make.text(cat.justification)], make.assumed(cat, "justification")),
            make.cell(names_of(make, make.map.activities_of(cat))),
        )
        rows.append(Row(cat.id, cells))
    columns = (
        "id",
        "category",
        "special",
        "criminal",
        "national_id",
        "justification",
        "used_by",
    )
    return make.table("data_categories", columns, rows)


def transfers(make: CellMaker) -> Table:
    rows = []
    for act in make.map.activities:
        for index, transfer in enumerate(act.transfers):
            party = make.map.party(transfer.party_id)
            mech = transfers_law.effective_mechanism(transfer, party)
            safeguards = transfer.safeguards or party.transfer_safeguards
            copy = transfer.safeguards_copy or party.safeguards_copy
            importer = transfers_law.importer(make.map, transfer)
            cells = (
                make.cell([make.text(act.name)]),
                make.cell([party.name]),
                make.cell([importer.name], make.assumed(transfer, "importer")),
                make.cell([transfer.country], make.assumed(transfer, "country")),
                make.cell(
                    [label_cite(mech, make.lang) if mech else ""],
                    make.assumed(transfer, "mechanism")
                    + (
                        make.assumed(party, "transfer_mechanism")
                        if transfer.mechanism is None
                        else []
                    ),
                    required=transfers_law.needs_mechanism(make.map, transfer),
                    missing_text=make.s["mechanism_missing"],
                ),
                make.cell(
                    [make.text(safeguards)],
                    make.assumed(transfer, "safeguards"),
                    required=transfers_law.needs_documented_safeguards(mech),
                    missing_text=make.s["safeguards_missing"],
                ),
                make.cell(
                    [make.text(copy)] if transfers_law.owes_safeguards_copy(mech) else [],
                    make.assumed(transfer, "safeguards_copy"),
                ),
            )
            rows.append(Row(f"{act.id}/{index + 1}", cells))
    columns = (
        "activity",
        "party",
        "importer",
        "country",
        "mechanism",
        "safeguards",
        "safeguards_copy",
    )
    return make.table("transfers", columns, rows)


def cookies(make: CellMaker) -> Table | None:
    """Cookies and similar technologies (ekomloven § 3-15), with whether each needs consent;
    ``None`` when the map lists none."""
    if not make.map.cookies:
        return None
    rows = []
    for index, tracker in enumerate(make.map.cookies):
        provider = make.map.party(tracker.provider_id) if tracker.provider_id else None
        activity = make.map.activity(tracker.activity_id)
        cells = (
            make.cell([tracker.name], make.assumed(tracker, "name")),
            make.cell([tracker.domain or ""], make.assumed(tracker, "domain")),
            make.cell([label(tracker.kind, make.lang)], make.assumed(tracker, "kind")),
            make.cell([provider.name if provider else ""], make.assumed(tracker, "provider")),
            make.cell([make.yes_no(tracker.first_party)], make.assumed(tracker, "first_party")),
            make.cell([label(tracker.purpose, make.lang)], make.assumed(tracker, "purpose")),
            make.cell([tracker.lifetime or ""], make.assumed(tracker, "lifetime")),
            make.cell([make.yes_no(consent_needed(tracker))]),
            make.cell([make.text(activity.name)], make.assumed(tracker, "activity")),
        )
        rows.append(Row(f"cookies/{index}", cells))
    columns = (
        "cookie",
        "domain",
        "kind",
        "provider",
        "first_party",
        "cookie_purpose",
        "lifetime",
        "consent_needed",
        "activity",
    )
    return make.table("cookies", columns, rows)
