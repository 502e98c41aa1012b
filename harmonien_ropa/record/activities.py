"""The controller record (Art. 30(1)) and the processor record (Art. 30(2)): one row per activity."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from functools import cached_property

from ..law import transfers as transfers_law
from ..law.requirements import (
    client_reachable,
    controller_reachable,
    dpo_missing,
    requirements,
    transfer_gap,
)
from ..law.rights import erasure_limit
from ..law.terms import Right, Statute, cite, label, label_cite
from ..model.activity import Activity, Retention
from ..model.inventory import Party, System
from ..model.legal import DpiaStatus, PartyRole, RetentionKind
from .base import CONTROLLER_COLUMNS, Base, dotted
from .tables import Assumption, Cell, Row, Table

_UNKNOWN = (
    "Not known yet: the map does not say where this system stores the data, so whether data "
    "leaves the EEA is not established."
)


#: Record column → the item of :mod:`..law.requirements` it states.
COLUMN_ITEMS = {
    "controller": "30.1a",
    "purpose": "30.1b",
    "data_subjects": "30.1c",
    "data_categories": "30.1c",
    "recipients": "30.1d",
    "transfers": "30.1e",
    "retention": "30.1f",
    "security": "30.1g",
    "legal_basis": "13.1c",
    "art9_condition": "13.1c",
    "legitimate_interest": "13.1d",
    "processor": "30.2a",
    "client_controller": "30.2a",
    "processing": "30.2b",
    "transfers_2": "30.2c",
    "security_2": "30.2d",
}
#: Columns that share an item and mark only their own part of it.
_OWN_MARK = frozenset({"legal_basis", "art9_condition", "processor", "client_controller"})


class ActivityTables(Base):
    """Rows of the controller and processor records."""

    # -- controller record (Art. 30(1)) ---------------------------------------------------------

    @cached_property
    def controller_value(self) -> Cell:
        """The controller cell, the same in every row."""
        org = self.map.organisation
        number, number_open = self.org_number()
        items = [f"{org.name} ({self.s['org_number_short']} {number})"]
        contact = org.privacy_contact or org.email
        if contact:
            items.append(contact)
        dpo = org.dpo
        if dpo is not None and dpo.appointed:
            items.append(
                f"{self.s['col_dpo']}: {self.contact_line(dpo.name or '', dpo.email, dpo.phone)}"
            )
        elif dpo is not None:
            items.append(self.s["dpo_none"])
        if org.representative is not None:
            rep = org.representative
            items.append(
                f"{self.s['col_representative']}: {self.contact_line(rep.name, rep.email, rep.phone)}"
            )
        found = self.open(org, "name", "privacy_contact", "email") + self.open(dpo, "appointed")
        return self.cell(items, found + number_open, required=True)

    def activity_row(self, act: Activity) -> Row:
        s = self.s
        links = self.links[act.id]
        recipients, categories, systems = links.recipients, links.categories, links.systems
        transfer_parties = {t.party_id: t.country for t in act.transfers}
        joint = [p for p in recipients if p.role is PartyRole.JOINT_CONTROLLER]
        special = []
        for cat in categories:
            marks = [
                label
                for flag, label in (
                    (cat.special_category, s["special_category"]),
                    (cat.criminal_offence, s["criminal_offence"]),
                    (cat.national_id, s["national_id"]),
                )
                if flag
            ]
            if marks:
                extra = f": {self.t(cat.justification)}" if cat.justification else ""
                if cat.national_id and cat.needed_for:
                    covered = ", ".join(self.t(self.map.activity(a).name) for a in cat.needed_for)
                    extra += f" ({s['needed_for']}: {covered})"
                special.append(f"{self.t(cat.name)} ({', '.join(marks)}){extra}")
        cells = {
            "id": self.cell([act.id]),
            "name": self.cell([self.t(act.name)], self.open(act, "name")),
            "business_function": self.business_function_cell(act),
            "controller": self.controller_value,
            "joint_controllers": self.cell(
                [self.party_contact(p) for p in joint],
                [a for p in joint for a in self.open(p, "role", "joint_arrangement")],
            ),
            "purpose": self.cell([self.t(act.purpose)], self.open(act, "purpose"), required=True),
            "data_subjects": self.cell(
                [self.t(d.name) for d in links.subjects],
                self.open(act, "data_subjects"),
                required=True,
            ),
            "data_categories": self.cell(
                [self.t(c.name) for c in categories],
                self.open(act, "data_categories")
                + [a for c in categories for a in self.open(c, "name")],
                required=True,
            ),
            "special_categories": self.cell(
                special,
                [
                    a
                    for c in categories
                    for a in self.open(c, "special_category", "national_id", "justification")
                ],
            ),
            "recipients": self.recipients_cell(act, recipients, transfer_parties),
            "transfers": self.transfers_cell(act),
            "retention": self.retention_cell(act),
            "security": self.security_cell(act),
            "legal_basis": self.legal_basis_cell(act),
            "art9_condition": self.art9_cell(act),
            "legitimate_interest": self.legitimate_interest_cell(act),
            "sources": self.sources_cell(act),
            "systems": self.cell(
                [self.system_label(sys) for sys in systems],
                self.open(act, "systems")
                + [a for sys in systems for a in self.open(sys, "vendor", "hosting_countries")],
            ),
            "access": self.access_cell(systems, act),
            "processors": self.processors_cell(recipients),
            "profiling": self.cell(
                [
                    f"{s['profiling']}: {self.yes_no(act.profiling)}",
                    f"{s['automated_decisions']}: {self.yes_no(act.automated_decisions)}",
                    f"{s['combines_datasets']}: {self.yes_no(act.combines_datasets)}",
                    f"{s['large_scale']}: {self.yes_no(act.large_scale)}",
                ],
                self.open(
                    act, "profiling", "automated_decisions", "combines_datasets", "large_scale"
                ),
            ),
            "rights": self.rights_cell(act),
            "dpia": self.dpia_cell(act),
        }
        return Row(act.id, tuple(self.as_required(act, cells, CONTROLLER_COLUMNS)))

    def marked(self, cell: Cell, *, missing: bool) -> Cell:
        return Cell(cell.items, cell.assumptions, missing=missing)

    def as_required(
        self, act: Activity, cells: Mapping[str, Cell], columns: Iterable[str]
    ) -> Iterator[Cell]:
        """The cells of ``columns``, marked missing exactly where the law layer finds the item
        of their column missing for ``act`` (:data:`COLUMN_ITEMS`); columns for the Art. 6 and
        Art. 9 grounds share one item and keep their own mark."""
        status = {item.key: cell.status for item, cell in requirements(self.map, act)}
        for key in columns:
            cell = cells[key]
            item = COLUMN_ITEMS.get(key)
            if key in _OWN_MARK:
                yield cell
            elif item is None or (status[item] == "missing") != cell.missing:
                missing = item is not None and status[item] == "missing"
                if missing and not cell.items:
                    cell = self.cell([], cell.assumptions, required=True)
                yield Cell(cell.items, cell.assumptions, missing=missing)
            else:
                yield cell

    def party_contact(self, party: Party) -> str:
        """A party's name, country and how to reach it (contact person, else its privacy notice)."""
        parts = [f"{party.name} ({party.country})"]
        contact = party.contact
        if contact is not None:
            parts.append(self.contact_line(contact.name, contact.email, contact.phone))
        elif party.privacy_policy or party.website:
            parts.append(party.privacy_policy or party.website or "")
        return ", ".join(parts)

    def system_label(self, system: System) -> str:
        details = []
        if system.vendor is not None:
            details.append(system.vendor.name)
        if system.hosting_countries:
            details.append(f"{self.s['hosted_in']} {', '.join(system.hosting_countries)}")
        return f"{system.name} ({'; '.join(details)})" if details else system.name

    def recipients_cell(
        self, act: Activity, recipients: tuple[Party, ...], transfer_parties: Mapping[str, str]
    ) -> Cell:
        items = []
        for party in recipients:
            label = self.party_label(party)
            if party.id in transfer_parties:
                label += f"; {self.s['third_country']}: {transfer_parties[party.id]}"
            items.append(label)
        found = self.open(act, "recipients", "systems")
        found += [a for p in recipients for a in self.open(p, "role", "country")]
        return self.cell(items or [self.s["no_recipients"]], found)

    def transfer_items(self, act: Activity) -> tuple[list[str], list[Assumption], bool]:
        items: list[str] = []
        found = self.open(act, "transfers")
        for transfer in act.transfers:
            party = self.map.party(transfer.party_id)
            mechanism = transfers_law.effective_mechanism(transfer, party)
            if mechanism is None:
                ground = self.s["mechanism_missing"]
            else:
                ground = label_cite(mechanism, self.lang)
            importer = transfers_law.importer(self.map, transfer)
            if transfers_law.is_onward(self.map, transfer):
                own = self.s["onward_transfer"].format(
                    established=party.country, importer=importer.name, country=transfer.country
                )
                text = f"{transfer.country}: {party.name}; {own}; {ground}"
            elif importer is not party:
                text = f"{transfer.country}: {party.name}; {self.s['importer']}: {importer.name}; {ground}"
            else:
                text = f"{transfer.country}: {party.name}; {ground}"
            safeguards = transfer.safeguards or party.transfer_safeguards
            if safeguards is not None:
                text += f"; {self.s['safeguards']}: {self.t(safeguards)}"
            elif mechanism is not None and mechanism.value == "derogation_compelling_interests":
                text += f"; {self.s['safeguards_missing']}"
            items.append(text)
            found += self.open(transfer)
            if transfer.mechanism is None:
                found += self.open(party, "transfer_mechanism")
        reach = transfers_law.destinations(act)
        unrecorded = sorted(reach.ours - {t.country for t in act.transfers})
        if unrecorded:
            items.append(self.s["transfers_unrecorded"].format(countries=", ".join(unrecorded)))
        unknown = reach.unknown_hosting
        if unknown:
            # Not known is not "none": said as a provisional statement, with its reason.
            items.append(f"{self.s['transfers_unknown']} {', '.join(s.name for s in unknown)}")
            found += [
                Assumption(dotted((*self.paths.get(id(system), ()), "hosting_countries")), _UNKNOWN)
                for system in unknown
            ]
        gap = transfer_gap(self.map, act) is not None
        return items, found, gap

    def transfers_cell(self, act: Activity) -> Cell:
        items, found, gap = self.transfer_items(act)
        cell = self.cell(items or [self.s["no_transfers"]], found)
        return Cell(cell.items, cell.assumptions, missing=gap)

    def retention_cell(self, act: Activity) -> Cell:
        ret = act.retention
        if ret is None:
            return self.cell([], self.open(act, "retention"), required=True)
        items = self.retention_items(ret)
        found = self.open(act, "retention", "category_retention") + self.open(ret)
        for kept in act.category_retention:
            names = ", ".join(self.t(self.map.data_category(c).name) for c in kept.category_ids)
            items += [f"{names}: {item}" for item in self.retention_items(kept)]
            found += self.open(kept)
        return self.cell(items, found, required=True)

    def retention_items(self, ret: Retention) -> list[str]:
        """One retention rule: its text, its kind where not a period, the statute, the
        safeguards of permanent archiving."""
        items = [self.t(ret.text)]
        if ret.kind is not RetentionKind.PERIOD:
            items.append(label_cite(ret.kind, self.lang))
        if ret.legal_source and ret.legal_source not in items[0]:
            items.append(ret.legal_source)
        if ret.safeguards is not None:
            items.append(f"{self.s['safeguards']}: {self.t(ret.safeguards)}")
        return items

    def optional_retention_cell(self, act: Activity) -> Cell:
        """Retention where Art. 30(2) does not ask for it (the processor record)."""
        if act.retention is None:
            return self.cell([], self.open(act, "retention"))
        return self.retention_cell(act)

    def security_cell(self, act: Activity) -> Cell:
        items = [self.t(m) for m in act.security_measures]
        systems = self.links[act.id].systems
        for system in systems:
            items += [f"{system.name}: {self.t(m)}" for m in system.security_measures]
        found = self.open(act, "security_measures")
        found += [a for sys in systems for a in self.open(sys, "security_measures")]
        return self.cell(items, found, required=True)

    def legal_basis_cell(self, act: Activity) -> Cell:
        items = []
        if act.legal_basis is not None:
            items.append(label_cite(act.legal_basis, self.lang))
        if act.legal_source:
            items.append(act.legal_source)
        return self.cell(
            items if act.legal_basis else [],
            self.open(act, "legal_basis", "legal_source"),
            required=True,
        )

    def art9_cell(self, act: Activity) -> Cell:
        cond = act.art9_condition
        found = self.open(act, "art9_condition")
        if cond is not None:
            return self.cell([label_cite(cond, self.lang)], found)
        special = any(c.special_category for c in self.links[act.id].categories)
        return self.cell([], found, required=special)

    def legitimate_interest_cell(self, act: Activity) -> Cell:
        items = [self.t(act.legitimate_interest)]
        if act.balancing_test:
            items.append(f"{self.s['balancing_test']}: {act.balancing_test}")
        needed = act.legal_basis is not None and act.legal_basis.value == "legitimate_interests"
        found = self.open(act, "legitimate_interest", "balancing_test")
        return self.cell(items if act.legitimate_interest else [], found, required=needed)

    def sources_cell(self, act: Activity) -> Cell:
        items = []
        found = self.open(act, "sources")
        for source in act.sources:
            parts = [label(source.kind, self.lang)]
            party = act.source_party(source)
            if party is not None:
                parts.append(party.name)
            if source.description is not None:
                parts.append(self.t(source.description))
            if source.activity_id is not None:
                parts.append(self.t(self.map.activity(source.activity_id).name))
            if source.category_ids:
                parts.append(", ".join(self.t(c.name) for c in act.source_categories(source)))
            if source.compatibility is not None:
                parts.append(
                    f"{label_cite(Statute.COMPATIBLE_PURPOSE, self.lang)}: "
                    f"{self.t(source.compatibility)}"
                )
            items.append(f"{parts[0]}: {'; '.join(parts[1:])}" if len(parts) > 1 else parts[0])
            found += self.open(source)
        return self.cell(items, found, required=True)

    def access_cell(self, systems: tuple[System, ...], act: Activity | None = None) -> Cell:
        items = []
        found: list[Assumption] = []
        if act is not None and act.access:
            own = ", ".join(self.t(a) for a in act.access)
            items.append(f"{self.s['activity_access']}: {own}")
            found += self.open(act, "access")
        items += [
            f"{sys.name}: {', '.join(self.t(a) for a in sys.access)}"
            for sys in systems
            if sys.access
        ]
        found += [a for sys in systems for a in self.open(sys, "access")]
        return self.cell(items, found)

    def business_function_cell(self, act: Activity) -> Cell:
        """The function responsible, the activity's owner and its review dates."""
        s = self.s
        items = [self.t(act.business_function)]
        owner = act.owner
        if owner is not None:
            who = ", ".join(x for x in (self.t(owner.role), owner.name, owner.email) if x)
            items.append(f"{s['owner']}: {who}")
        if act.last_reviewed is not None:
            items.append(f"{s['last_reviewed']}: {act.last_reviewed.isoformat()}")
        if act.review_by is not None:
            items.append(f"{s['review_by']}: {act.review_by.isoformat()}")
        found = self.open(act, "business_function", "owner", "last_reviewed", "review_by")
        return self.cell(items, found + self.open(owner))

    def processors_cell(self, recipients: Iterable[Party]) -> Cell:
        items = []
        found: list[Assumption] = []
        for party in recipients:
            if party.role not in (PartyRole.PROCESSOR, PartyRole.SUB_PROCESSOR):
                continue
            role = label(party.role, self.lang)
            text = f"{party.name} ({role}): {self.s['dpa']} {self.yes_no(party.dpa)}"
            if party.dpa_reference:
                text += f" ({party.dpa_reference})"
            items.append(text)
            found += self.open(party, "role", "dpa", "dpa_reference")
        return self.cell(items, found)

    def rights_cell(self, act: Activity) -> Cell:
        """The data subject's rights for this activity, derived from its legal basis."""
        items = []
        limit = erasure_limit(act)
        for right in self.links[act.id].rights:
            text = f"{self.s[f'right_{right.value}']} ({cite(right, self.lang, short=True)})"
            if right is Right.ERASURE and limit is not None:
                text += f": {self.s['erasure_limited']} ({cite(limit, self.lang)})"
            items.append(text)
        found = self.open(act, "legal_basis", "art9_condition", "marketing")
        return self.cell(items, found)

    def dpia_cell(self, act: Activity) -> Cell:
        dpia = act.dpia
        if dpia is None:
            return self.cell([label(DpiaStatus.NOT_ASSESSED, self.lang)], self.open(act, "dpia"))
        items = [label(dpia.status, self.lang), self.t(dpia.reason)]
        if dpia.reference:
            items.append(dpia.reference)
        return self.cell(items, self.open(act, "dpia") + self.open(dpia))

    # -- processor record (Art. 30(2)) ----------------------------------------------------------

    def processor_table(self, acts: Iterable[Activity]) -> Table:
        columns = (
            "id",
            "name",
            "processor",
            "client_controller",
            "processing",
            "data_subjects",
            "data_categories",
            "transfers_2",
            "security_2",
            "systems",
            "processors",
            "retention",
        )
        rows = []
        for act in acts:
            client = act.on_behalf_of
            assert client is not None  # processor activities have a client
            client_items = [self.party_contact(client)]
            client_cell = self.cell(
                client_items,
                self.open(act, "on_behalf_of") + self.open(client, "role", "contact"),
            )
            if not client_reachable(act):
                # Art. 30(2)(a) asks for the controller's contact details too.
                client_cell = Cell(
                    (*client_cell.items, self.s["contact_missing"]),
                    client_cell.assumptions,
                    missing=True,
                )
            org = self.map.organisation
            processor_items = [
                f"{org.name} ({self.s['org_number_short']} {self.org_number()[0]})",
                org.privacy_contact or org.email or "",
            ]
            dpo = org.dpo
            if dpo is not None and dpo.appointed:
                processor_items.append(
                    f"{self.s['col_dpo']}: {self.contact_line(dpo.name or '', dpo.email, dpo.phone)}"
                )
            cells = {
                "id": self.cell([act.id]),
                "name": self.cell([self.t(act.name)], self.open(act, "name")),
                "processor": self.marked(
                    self.cell(processor_items, self.open(org, "name", "privacy_contact")),
                    missing=not controller_reachable(self.map) or dpo_missing(self.map),
                ),
                "client_controller": client_cell,
                "processing": self.cell(
                    [self.t(act.purpose)], self.open(act, "purpose"), required=True
                ),
                "data_subjects": self.cell(
                    [self.t(d.name) for d in act.data_subjects], self.open(act, "data_subjects")
                ),
                "data_categories": self.cell(
                    [self.t(c.name) for c in act.data_categories], self.open(act, "data_categories")
                ),
                "transfers_2": self.transfers_cell(act),
                "security_2": self.security_cell(act),
                "systems": self.cell(
                    [self.system_label(sys) for sys in act.systems], self.open(act, "systems")
                ),
                "processors": self.processors_cell(self.links[act.id].recipients),
                "retention": self.optional_retention_cell(act),
            }
            rows.append(Row(act.id, tuple(self.as_required(act, cells, columns))))
        extras: dict[str, str | None] = dict.fromkeys(
            ("data_subjects", "data_categories", "retention")
        )
        return self.table("processor", columns, rows, extras)
