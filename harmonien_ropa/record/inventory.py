"""The record's other tables: about, controller, systems, parties, categories, transfers, assumptions."""

from __future__ import annotations

from collections.abc import Iterable

from ..law import transfers as transfers_law
from ..law.requirements import controller_reachable
from ..law.terms import label, label_cite
from ..model.activity import Activity
from ..model.legal import PartyRole
from .base import Base, dotted
from .tables import Row, Table


class InventoryTables(Base):
    """The tables that describe the organisation and its inventory."""

    def meta(self) -> Table:
        rec = self.map.record
        row = Row(
            "record",
            (
                self.cell([rec.version], self.open(rec, "version")),
                self.cell([rec.effective_date.isoformat()], self.open(rec, "effective_date")),
                self.cell([rec.maintained_by or ""], self.open(rec, "maintained_by")),
            ),
        )
        return self.table("meta", ("version", "effective_date", "maintained_by"), [row])

    def controller(self) -> Table:
        org = self.map.organisation
        dpo = org.dpo
        if dpo is None:
            dpo_cell = self.cell([], required=True)
        elif dpo.appointed:
            dpo_cell = self.cell(
                [self.contact_line(dpo.name or "", dpo.email, dpo.phone)], self.open(dpo)
            )
        else:
            dpo_cell = self.cell([self.s["dpo_none"], self.t(dpo.reason)], self.open(dpo))
        rep = org.representative
        auth = org.supervisory_authority
        contacts = [
            self.contact_line(
                f"{c.name} ({self.t(c.role)})" if c.role else c.name, c.email, c.phone
            )
            for c in org.contacts
        ]
        notice = self.map.notice
        cells = (
            self.cell([org.name], self.open(org, "name")),
            self.cell([self.org_number()[0]], self.org_number()[1]),
            self.cell([self.t(org.legal_form)], self.open(org, "legal_form")),
            self.cell([org.address.one_line() if org.address else ""], self.open(org, "address")),
            self.cell(
                [org.privacy_contact or org.email or ""],
                self.open(org, "privacy_contact", "email"),
                required=not controller_reachable(self.map),
            ),
            self.cell(
                [org.email or "", org.phone or "", org.website or ""],
                self.open(org, "email", "phone", "website"),
            ),
            self.cell(contacts, [a for c in org.contacts for a in self.open(c)]),
            dpo_cell,
            self.cell(
                [self.contact_line(rep.name, rep.email, rep.phone)] if rep else [],
                self.open(rep) + self.open(org, "representative"),
            ),
            self.cell(
                [auth.name, auth.url, auth.address.one_line() if auth.address else ""],
                self.open(auth),
            ),
            self.cell([self.t(notice.security_summary)], self.open(notice, "security_summary")),
        )
        columns = (
            "org_name",
            "org_number",
            "legal_form",
            "address",
            "privacy_contact",
            "org_contact",
            "contacts",
            "dpo",
            "representative",
            "supervisory_authority",
            "security_general",
        )
        return self.table("controller", columns, [Row("controller", cells)])

    def names_of(self, acts: Iterable[Activity]) -> list[str]:
        return [self.t(a.name) for a in acts]

    def systems(self) -> Table:
        rows = []
        for sys in self.map.systems:
            cells = (
                self.cell([sys.id]),
                self.cell([sys.name], self.open(sys, "name")),
                self.cell([self.t(sys.description)], self.open(sys, "description")),
                self.cell([sys.vendor.name if sys.vendor else ""], self.open(sys, "vendor")),
                self.cell(
                    [sys.operated_by.name if sys.operated_by else ""], self.open(sys, "operated_by")
                ),
                self.cell(sys.hosting_countries, self.open(sys, "hosting_countries")),
                self.cell([self.t(a) for a in sys.access], self.open(sys, "access")),
                self.cell(
                    [self.t(m) for m in sys.security_measures], self.open(sys, "security_measures")
                ),
                self.cell(self.names_of(sys.activities)),
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
        return self.table("systems", columns, rows)

    def parties(self) -> Table:
        users: dict[str, list[Activity]] = {}
        for act in self.map.activities:
            for recipient in self.links[act.id].recipients:
                users.setdefault(recipient.id, []).append(act)
        rows = []
        for party in self.map.parties:
            mechanism = party.transfer_mechanism
            cells = (
                self.cell([party.id]),
                self.cell([party.name], self.open(party, "name")),
                self.cell([label(party.role, self.lang)], self.open(party, "role")),
                self.cell([party.country], self.open(party, "country")),
                self.cell([self.t(party.description)], self.open(party, "description")),
                self.cell(
                    [self.yes_no(party.dpa)]
                    if party.role in (PartyRole.PROCESSOR, PartyRole.SUB_PROCESSOR)
                    or party.dpa is not None
                    else [],
                    self.open(party, "dpa"),
                ),
                self.cell([party.dpa_reference or ""], self.open(party, "dpa_reference")),
                self.cell(
                    [party.engaged_by.name if party.engaged_by else ""],
                    self.open(party, "engaged_by"),
                ),
                self.cell(
                    [
                        label_cite(mechanism, self.lang) if mechanism else "",
                        self.t(party.transfer_safeguards),
                    ],
                    self.open(party, "transfer_mechanism", "transfer_safeguards", "dpf_certified"),
                ),
                self.cell([self.t(party.joint_arrangement)], self.open(party, "joint_arrangement")),
                self.cell(self.names_of(users.get(party.id, ()))),
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
        return self.table("parties", columns, rows)

    def data_categories(self) -> Table:
        rows = []
        for cat in self.map.data_categories:
            cells = (
                self.cell([cat.id]),
                self.cell([self.t(cat.name)], self.open(cat, "name")),
                self.cell([self.yes_no(cat.special_category)], self.open(cat, "special_category")),
                self.cell([self.yes_no(cat.criminal_offence)], self.open(cat, "criminal_offence")),
                self.cell([self.yes_no(cat.national_id)], self.open(cat, "national_id")),
                self.cell([self.t(cat.justification)], self.open(cat, "justification")),
                self.cell(self.names_of(cat.activities)),
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
        return self.table("data_categories", columns, rows)

    def transfers(self) -> Table:
        rows = []
        for act in self.map.activities:
            for index, transfer in enumerate(act.transfers):
                party = self.map.party(transfer.party_id)
                mech = transfers_law.effective_mechanism(transfer, party)
                safeguards = transfer.safeguards or party.transfer_safeguards
                copy = transfer.safeguards_copy or party.safeguards_copy
                importer = transfers_law.importer(self.map, transfer)
                cells = (
                    self.cell([self.t(act.name)]),
                    self.cell([party.name]),
                    self.cell([importer.name], self.open(transfer, "importer")),
                    self.cell([transfer.country], self.open(transfer, "country")),
                    self.cell(
                        [label_cite(mech, self.lang) if mech else ""],
                        self.open(transfer, "mechanism")
                        + (
                            self.open(party, "transfer_mechanism")
                            if transfer.mechanism is None
                            else []
                        ),
                        required=transfers_law.needs_mechanism(self.map, transfer),
                        missing_text=self.s["mechanism_missing"],
                    ),
                    self.cell(
                        [self.t(safeguards)],
                        self.open(transfer, "safeguards"),
                        required=transfers_law.needs_documented_safeguards(mech),
                        missing_text=self.s["safeguards_missing"],
                    ),
                    self.cell(
                        [self.t(copy)] if transfers_law.owes_safeguards_copy(mech) else [],
                        self.open(transfer, "safeguards_copy"),
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
        return self.table("transfers", columns, rows)

    def assumptions(self) -> Table:
        """Every open assumption of the map, by the path of the value it is about."""
        rows = []
        for _, owner, field, note in self.map.assumptions():
            path = dotted((*self.paths[id(owner)], field))
            rows.append(Row(path, (self.cell([path]), self.cell([note]))))
        return self.table("assumptions", ("path", "note"), rows)
