"""The cells of an activity's row, one function per column that needs more than a value."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..law import transfers as transfers_law
from ..law.consent import consent_bases
from ..law.requirements import (
    transfer_gap,
)
from ..law.rights import (
    ARCHIVE_LIMITED_RIGHTS,
    ARCHIVE_OPEN_NOTE,
    archive_retentions,
    erasure_limit,
    uses_consent,
)
from ..law.terms import Right, Statute, cite, label, label_cite, with_citation
from ..law.uses import archive_gaps
from ..model.activity import Activity, Retention
from ..model.inventory import DataSubject, Party, System
from ..model.legal import DpiaStatus, LegalBasis, PartyRole, RetentionKind
from .cells import CellMaker, dotted
from .tables import Assumption, Cell, Foreign, foreign

_UNKNOWN = (
    "Not known yet: the map does not say where this system stores the data, so whether data "
    "leaves the EEA is not established."
)


def controller_value(make: CellMaker) -> Cell:
    """The controller cell, the same in every row (made once per record)."""
    org = make.map.organisation
    number, number_open = make.org_number()
    items = [f"{make.name(org.name)} ({make.s['org_number_short']} {number})"]
    contact = org.privacy_contact or org.email
    if contact:
        items.append(contact)
    dpo = org.dpo
    if dpo is not None and dpo.appointed:
        items.append(
            f"{make.s['col_dpo']}: {make.contact_line(dpo.name or '', dpo.email, dpo.phone)}"
        )
    elif dpo is not None:
        items.append(make.s["dpo_none"])
    if org.representative is not None:
        rep = org.representative
        items.append(
            f"{make.s['col_representative']}: {make.contact_line(rep.name, rep.email, rep.phone)}"
        )
    found = make.assumed(org, "name", "privacy_contact", "email") + make.assumed(dpo, "appointed")
    return make.cell(items, found + number_open, required=True)


def party_contact(make: CellMaker, party: Party) -> str:
    """A party's name, country and how to reach it (contact person, else its privacy notice)."""
    parts = [f"{party.name} ({party.country})"]
    contact = party.contact
    if contact is not None:
        parts.append(make.contact_line(contact.name, contact.email, contact.phone))
    elif party.privacy_policy or party.website:
        parts.append(party.privacy_policy or party.website or "")
    return ", ".join(parts)


def system_label(make: CellMaker, system: System) -> str:
    details = []
    vendor = make.map.vendor_of(system)
    if vendor is not None:
        details.append(vendor.name)
    if system.hosting_countries:
        details.append(f"{make.s['hosted_in']} {', '.join(system.hosting_countries)}")
    name = make.name(system.name)
    return f"{name} ({'; '.join(details)})" if details else name


def recipients_cell(
    make: CellMaker,
    act: Activity,
    recipients: tuple[Party, ...],
    transfer_parties: Mapping[str, str],
) -> Cell:
    items = []
    for party in recipients:
        label = make.party_label(party)
        if party.id in transfer_parties:
            label += f"; {make.s['third_country']}: {transfer_parties[party.id]}"
        items.append(label)
    found = make.assumed(act, "recipients", "systems")
    found += [a for p in recipients for a in make.assumed(p, "role", "country")]
    return make.cell(items or [make.s["no_recipients"]], found)


def transfer_items(make: CellMaker, act: Activity) -> tuple[list[str], list[Assumption], bool]:
    items: list[str] = []
    found = make.assumed(act, "transfers")
    for transfer in act.transfers:
        party = make.map.party(transfer.party_id)
        mechanism = transfers_law.effective_mechanism(transfer, party)
        if mechanism is None:
            ground = make.s["mechanism_missing"]
        else:
            ground = label_cite(mechanism, make.lang)
        importer = transfers_law.importer(make.map, transfer)
        if transfers_law.is_onward(make.map, transfer):
            own = make.s["onward_transfer"].format(
                established=party.country, importer=importer.name, country=transfer.country
            )
            text = f"{transfer.country}: {party.name}; {own}; {ground}"
        elif importer is not party:
            text = (
                f"{transfer.country}: {party.name}; {make.s['importer']}: {importer.name}; {ground}"
            )
        else:
            text = f"{transfer.country}: {party.name}; {ground}"
        safeguards = transfer.safeguards or party.transfer_safeguards
        if safeguards is not None:
            text += f"; {make.s['safeguards']}: {make.text(safeguards)}"
        elif mechanism is not None and mechanism.value == "derogation_compelling_interests":
            text += f"; {make.s['safeguards_missing']}"
        items.append(text)
        found += make.assumed(transfer)
        if transfer.mechanism is None:
            found += make.assumed(party, "transfer_mechanism")
    reach = transfers_law.destinations(make.map, act)
    unrecorded = sorted(reach.ours - {t.country for t in act.transfers})
    if unrecorded:
        items.append(make.s["transfers_unrecorded"].format(countries=", ".join(unrecorded)))
    unknown = reach.unknown_hosting
    if unknown:
        # Not known is not "none": said as a provisional statement, with its reason.
        items.append(
            f"{make.s['transfers_unknown']} {', '.join(make.name(s.name) for s in unknown)}"
        )
        found += [
            Assumption(dotted((*make.paths.get(id(system), ()), "hosting_countries")), _UNKNOWN)
            for system in unknown
        ]
    gap = transfer_gap(make.map, act) is not None
    return items, found, gap


def transfers_cell(make: CellMaker, act: Activity) -> Cell:
    items, found, gap = transfer_items(make, act)
    cell = make.cell(items or [make.s["no_transfers"]], found)
    return Cell(cell.items, cell.assumptions, missing=gap)


def retention_cell(make: CellMaker, act: Activity) -> Cell:
    ret = act.retention
    if ret is None:
        return make.cell([], make.assumed(act, "retention"), required=True)
    items = retention_items(make, ret)
    found = make.assumed(act, "retention", "category_retention") + make.assumed(ret)
    for kept in act.category_retention:
        names = ", ".join(make.text(make.map.data_category(c).name) for c in kept.category_ids)
        items += [f"{names}: {item}" for item in retention_items(make, kept)]
        found += make.assumed(kept)
    return make.cell(items, found, required=True)


def retention_items(make: CellMaker, ret: Retention) -> list[str]:
    """One retention rule: its text with the statute that requires keeping the data (and, for
    a rule until consent is withdrawn, its article) cited in it, permanent archiving with its
    articles, and the safeguards of permanent archiving."""
    text = make.text(ret.text)
    citations = []
    if ret.kind is RetentionKind.UNTIL_CONSENT_WITHDRAWN:
        # the rule's own words say when storage ends: its article once, in the same sentence
        citations.append(cite(ret.kind, make.lang))
    if ret.legal_source and ret.legal_source not in text:
        citations.append(ret.legal_source)
    if citations:
        cited = with_citation(text, "; ".join(citations))
        text = foreign(cited, text.lang) if isinstance(text, Foreign) else cited
    items = [text]
    if ret.kind is RetentionKind.PERMANENT_ARCHIVE:
        items.append(label_cite(ret.kind, make.lang))
    if ret.safeguards is not None:
        items.append(f"{make.s['safeguards']}: {make.text(ret.safeguards)}")
    return items


def optional_retention_cell(make: CellMaker, act: Activity) -> Cell:
    """Retention where Art. 30(2) does not ask for it (the processor record)."""
    if act.retention is None:
        return make.cell([], make.assumed(act, "retention"))
    return retention_cell(make, act)


def security_cell(make: CellMaker, act: Activity) -> Cell:
    items = [make.text(m) for m in act.security_measures]
    systems = make.links[act.id].systems
    for system in systems:
        items += [f"{make.name(system.name)}: {make.text(m)}" for m in system.security_measures]
    found = make.assumed(act, "security_measures")
    found += [a for sys in systems for a in make.assumed(sys, "security_measures")]
    return make.cell(items, found, required=True)


def legal_basis_cell(make: CellMaker, act: Activity) -> Cell:
    items = []
    found = make.assumed(act, "legal_basis", "legal_source", "legal_bases")
    for b in act.bases:
        if b.basis is None:
            continue
        text = label_cite(b.basis, make.lang)
        if b.covers is not None:
            text = f"{make.text(b.covers)}: {text}"
        items.append(f"{text}, {b.law}" if b.law and b.is_part else text)
        if b.law and not b.is_part:
            items.append(b.law)
        if b.is_part:
            found += make.assumed(b.owner, "basis", "covers", "law")
    return make.cell(items, found, required=True)


def art9_cell(make: CellMaker, act: Activity) -> Cell:
    cond = act.art9_condition
    found = make.assumed(act, "art9_condition")
    if cond is not None:
        return make.cell([label_cite(cond, make.lang)], found)
    special = any(c.special_category for c in make.links[act.id].categories)
    return make.cell([], found, required=special)


def legitimate_interest_cell(make: CellMaker, act: Activity) -> Cell:
    items = []
    found = []
    needed = False
    for b in act.bases:
        if b.basis is LegalBasis.LEGITIMATE_INTERESTS:
            needed = True
        if b.legitimate_interest is None:
            continue
        text = make.text(b.legitimate_interest)
        items.append(f"{make.text(b.covers)}: {text}" if b.covers is not None else text)
        if b.balancing_test:
            items.append(f"{make.s['balancing_test']}: {b.balancing_test}")
        found += make.assumed(b.owner, b.field("legitimate_interest"), b.field("balancing_test"))
    return make.cell(items, found, required=needed)


def consent_cell(make: CellMaker, act: Activity) -> Cell:
    """How consent is obtained, where the records of consent are kept (Art. 7(1); the ICO
    template's "record of consent") and how it is withdrawn (Art. 7(3))."""
    items: list[str] = []
    found = make.assumed(act, "consent_withdrawal")
    parts = consent_bases(act)
    for b in parts or (act.bases[:1] if uses_consent(act) else ()):
        consent = b.consent
        prefix = f"{make.text(b.covers)}: " if b.covers is not None and len(parts) > 1 else ""
        if consent is not None:
            if consent.mechanism is not None:
                items.append(
                    f"{prefix}{make.s['consent_mechanism']}: {label(consent.mechanism, make.lang)}"
                )
            if consent.records is not None:
                items.append(f"{prefix}{make.s['consent_records']}: {make.text(consent.records)}")
            if consent.age_check is not None:
                items.append(
                    f"{prefix}{make.s['consent_age_check']}: {make.text(consent.age_check)}"
                )
            found += make.assumed(consent)
        if b.withdrawal is not None:
            items.append(f"{prefix}{make.s['consent_withdrawal']}: {make.text(b.withdrawal)}")
    return make.cell(items, found, required=uses_consent(act))


def subject_label(make: CellMaker, subject: DataSubject) -> str:
    """A data subject's name, noting business contacts and that children may be among them
    (with the age note)."""
    notes = []
    if subject.may_include_children:
        note = make.text(subject.children_note) if subject.children_note else ""
        notes.append(
            f"{make.s['may_include_children']}: {note}" if note else make.s["may_include_children"]
        )
    if subject.business_contacts:
        notes.append(make.s["business_contacts"])
    name = make.text(subject.name)
    return f"{name} ({'; '.join(notes)})" if notes else name


def sources_cell(make: CellMaker, act: Activity) -> Cell:
    items = []
    found = make.assumed(act, "sources")
    for source in act.sources:
        parts = [label(source.kind, make.lang)]
        party = make.map.source_party(source)
        if party is not None:
            parts.append(party.name)
        if source.description is not None:
            parts.append(make.text(source.description))
        if source.activity_id is not None:
            parts.append(make.text(make.map.activity(source.activity_id).name))
        if source.category_ids:
            parts.append(
                ", ".join(make.text(c.name) for c in make.map.source_categories(act, source))
            )
        if source.compatibility is not None:
            parts.append(
                f"{label_cite(Statute.COMPATIBLE_PURPOSE, make.lang)}: "
                f"{make.text(source.compatibility)}"
            )
        items.append(f"{parts[0]}: {'; '.join(parts[1:])}" if len(parts) > 1 else parts[0])
        found += make.assumed(source)
    return make.cell(items, found, required=True)


def access_cell(make: CellMaker, systems: tuple[System, ...], act: Activity | None = None) -> Cell:
    items = []
    found: list[Assumption] = []
    if act is not None and act.access:
        own = ", ".join(make.text(a) for a in act.access)
        items.append(f"{make.s['activity_access']}: {own}")
        found += make.assumed(act, "access")
    items += [
        f"{make.name(sys.name)}: {', '.join(make.text(a) for a in sys.access)}"
        for sys in systems
        if sys.access
    ]
    found += [a for sys in systems for a in make.assumed(sys, "access")]
    return make.cell(items, found)


def business_function_cell(make: CellMaker, act: Activity) -> Cell:
    """The function responsible, the activity's owner and its review dates."""
    s = make.s
    items = [make.text(act.business_function)]
    owner = act.owner
    if owner is not None:
        who = ", ".join(x for x in (make.text(owner.role), owner.name, owner.email) if x)
        items.append(f"{s['owner']}: {who}")
    if act.last_reviewed is not None:
        items.append(f"{s['last_reviewed']}: {act.last_reviewed.isoformat()}")
    if act.review_by is not None:
        items.append(f"{s['review_by']}: {act.review_by.isoformat()}")
    found = make.assumed(act, "business_function", "owner", "last_reviewed", "review_by")
    return make.cell(items, found + make.assumed(owner))


def processors_cell(make: CellMaker, recipients: Iterable[Party]) -> Cell:
    items = []
    found: list[Assumption] = []
    for party in recipients:
        if party.role not in (PartyRole.PROCESSOR, PartyRole.SUB_PROCESSOR):
            continue
        role = label(party.role, make.lang)
        text = f"{party.name} ({role}): {make.s['dpa']} {make.yes_no(party.dpa)}"
        if party.dpa_reference:
            text += f" ({party.dpa_reference})"
        items.append(text)
        found += make.assumed(party, "role", "dpa", "dpa_reference")
    return make.cell(items, found)


def rights_cell(make: CellMaker, act: Activity) -> Cell:
    """The data subject's rights for this activity, derived from its legal basis, with the
    limit on erasure and, for data kept permanently for archiving, the derogations from the
    other rights (provisional while the archiving rule lacks what they presuppose)."""
    items = []
    limit = erasure_limit(act)
    rights = make.links[act.id].rights
    for right in rights:
        text = f"{make.s[f'right_{right.value}']} ({cite(right, make.lang, short=True)})"
        if right is Right.ERASURE and limit is not None:
            text += f": {make.s['erasure_limited']} ({cite(limit, make.lang)})"
        items.append(text)
    found = make.assumed(act, "legal_basis", "art9_condition", "marketing")
    limited = [r for r in rights if r in ARCHIVE_LIMITED_RIGHTS]
    for kept in archive_retentions(act) if limited else ():
        names = ", ".join(make.s[f"right_{r.value}"] for r in limited)
        data = make.s["archive_data"]
        ids = getattr(kept, "category_ids", ())
        if ids:
            data += " (" + ", ".join(make.text(make.map.data_category(c).name) for c in ids) + ")"
        text = make.s["archive_rights_limited"].format(data=data, rights=names)
        items.append(f"{text} ({cite(Statute.ARCHIVE_DEROGATIONS, make.lang)})")
        where = make.paths.get(id(kept), ())
        found += [
            Assumption(dotted((*where, gap)), ARCHIVE_OPEN_NOTE) for gap in archive_gaps(kept)
        ]
    return make.cell(items, found)


def dpia_cell(make: CellMaker, act: Activity) -> Cell:
    dpia = act.dpia
    if dpia is None:
        return make.cell([label(DpiaStatus.NOT_ASSESSED, make.lang)], make.assumed(act, "dpia"))
    items = [label(dpia.status, make.lang), make.text(dpia.reason)]
    if dpia.reference:
        items.append(dpia.reference)
    return make.cell(items, make.assumed(act, "dpia") + make.assumed(dpia))
