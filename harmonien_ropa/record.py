"""The Article 30 record as plain tables, computed once from the data map.

Every record format (HTML, Markdown, CSV, XLSX, JSON) renders the :class:`Record` built here, so
the formats cannot disagree. A :class:`Cell` holds the value as a tuple of text items (list fields
stay lists until a format joins them) and its provenance: the open assumptions behind the value,
or ``missing`` when the data map does not state a value the record needs.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from .model.activity import Activity
from .model.base import Statement, Text
from .model.datamap import DataMap, Loc
from .model.inventory import Party, System
from .model.legal import PartyRole

CellStatus = Literal["stated", "assumed", "missing"]


@dataclass(frozen=True, slots=True)
class Assumption:
    """An open assumption behind a value: where it sits in the YAML and why it was assumed."""

    path: str
    note: str


@dataclass(frozen=True, slots=True)
class Cell:
    """One value of the record: text items in one language, and where they come from."""

    items: tuple[str, ...] = ()
    assumptions: tuple[Assumption, ...] = ()
    missing: bool = False

    @property
    def status(self) -> CellStatus:
        """``missing`` (a needed value is not stated), ``assumed`` or ``stated``."""
        if self.missing:
            return "missing"
        return "assumed" if self.assumptions else "stated"

    def joined(self, separator: str = "; ") -> str:
        """The items on one line, in order."""
        return separator.join(self.items)


@dataclass(frozen=True, slots=True)
class Column:
    """A column of a table: a stable key, its heading and the article it answers."""

    key: str
    label: str
    article: str | None = None
    width: int = 30


@dataclass(frozen=True, slots=True)
class Row:
    """One entry of a table (an activity, a system, ...), with a cell per column."""

    key: str
    cells: tuple[Cell, ...]


@dataclass(frozen=True, slots=True)
class Table:
    """A titled table; every row has one cell per column, in column order."""

    key: str
    title: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]

    def column_index(self, key: str) -> int:
        for index, column in enumerate(self.columns):
            if column.key == key:
                return index
        raise KeyError(f"table '{self.key}' has no column '{key}'")

    def cell(self, row: Row, key: str) -> Cell:
        return row.cells[self.column_index(key)]

    def provenance(self, row: Row) -> tuple[str, ...]:
        """Each open assumption behind ``row`` as ``column: note (path)``, in column order."""
        return tuple(
            f"{column.label}: {item.note} ({item.path})"
            for column, cell in zip(self.columns, row.cells, strict=True)
            for item in cell.assumptions
        )


@dataclass(frozen=True, slots=True)
class Record:
    """The whole record in one language."""

    lang: str
    title: str
    organisation: str
    meta: Table
    controller: Table
    activities: Table
    processor: Table | None
    systems: Table
    parties: Table
    data_categories: Table
    transfers: Table
    assumptions: Table

    def tables(self) -> tuple[Table, ...]:
        """Every table, in the order the formats show them."""
        found = [self.meta, self.controller, self.activities]
        if self.processor is not None:
            found.append(self.processor)
        found += [self.systems, self.parties, self.data_categories, self.transfers]
        found.append(self.assumptions)
        return tuple(found)


#: Column key → (article, width hint). Labels come from ``templates/i18n/record.yaml``.
_ART = {
    "controller": "Art. 30(1)(a)",
    "joint_controllers": "Art. 30(1)(a), 26",
    "purpose": "Art. 30(1)(b)",
    "data_subjects": "Art. 30(1)(c)",
    "data_categories": "Art. 30(1)(c)",
    "special_categories": "Art. 9, 10",
    "recipients": "Art. 30(1)(d)",
    "transfers": "Art. 30(1)(e)",
    "retention": "Art. 30(1)(f)",
    "security": "Art. 30(1)(g), 32(1)",
    "legal_basis": "Art. 6(1)",
    "art9_condition": "Art. 9(2)",
    "legitimate_interest": "Art. 6(1)(f)",
    "sources": "Art. 13, 14",
    "processors": "Art. 28",
    "profiling": "Art. 22, 35",
    "dpia": "Art. 35",
    "processor": "Art. 30(2)(a)",
    "client_controller": "Art. 30(2)(a)",
    "processing": "Art. 30(2)(b)",
    "transfers_2": "Art. 30(2)(c)",
    "security_2": "Art. 30(2)(d), 32(1)",
    "dpo": "Art. 30(1)(a), 37",
    "representative": "Art. 30(1)(a), 27",
}
_WIDE = {"purpose", "legitimate_interest", "security", "retention", "note", "processing", "dpia"}
_NARROW = {"id", "country", "dpa", "special", "national_id", "version", "effective_date"}

CONTROLLER_COLUMNS = (
    "id",
    "name",
    "business_function",
    "controller",
    "joint_controllers",
    "purpose",
    "data_subjects",
    "data_categories",
    "special_categories",
    "recipients",
    "transfers",
    "retention",
    "security",
    "legal_basis",
    "art9_condition",
    "legitimate_interest",
    "sources",
    "systems",
    "access",
    "processors",
    "profiling",
    "dpia",
)
#: The Art. 30(1) items every controller activity must state: column key → letter.
ARTICLE_30_1 = {
    "controller": "a",
    "purpose": "b",
    "data_subjects": "c",
    "data_categories": "c",
    "recipients": "d",
    "transfers": "e",
    "retention": "f",
    "security": "g",
}


def build_record(datamap: DataMap, lang: str) -> Record:
    """The record of ``datamap`` in ``lang``."""
    return _Builder(datamap, lang).record()


class _Builder:
    def __init__(self, datamap: DataMap, lang: str) -> None:
        from .i18n import strings

        self.map = datamap
        self.lang = lang
        self.s = strings("record", lang)
        self.common = strings("common", lang)
        self.paths: dict[int, Loc] = {id(st): loc for loc, st in datamap.statements()}

    # -- small helpers -----------------------------------------------------------------------

    def t(self, text: Text | None) -> str:
        return text.get(self.lang) if text is not None else ""

    def yes_no(self, value: bool | None) -> str:
        if value is None:
            return self.s["unknown"]
        return self.common["yes"] if value else self.common["no"]

    def open(self, statement: Statement | None, *fields: str) -> list[Assumption]:
        """Open assumptions of ``statement`` on ``fields`` (all fields when none are named)."""
        if statement is None:
            return []
        names = fields or tuple(sorted(statement.assumptions))
        loc = self.paths.get(id(statement), ())
        return [
            Assumption(_dotted((*loc, name)), statement.assumptions[name])
            for name in names
            if name in statement.assumptions
        ]

    def cell(
        self,
        items: Iterable[str],
        assumptions: Iterable[Assumption] = (),
        *,
        required: bool = False,
        missing_text: str | None = None,
    ) -> Cell:
        values = tuple(" ".join(item.split()) for item in items if item and item.strip())
        unique = tuple(dict.fromkeys(assumptions))
        if not values and required:
            return Cell((missing_text or self.s["missing"],), unique, missing=True)
        return Cell(values, unique)

    def table(self, key: str, columns: Iterable[str], rows: Iterable[Row]) -> Table:
        cols = tuple(
            Column(
                name,
                self.s[f"col_{name}"],
                _ART.get(name),
                60 if name in _WIDE else 12 if name in _NARROW else 30,
            )
            for name in columns
        )
        return Table(key, self.s[f"table_{key}"], cols, tuple(rows))

    def party_label(self, party: Party) -> str:
        return f"{party.name} ({party.role.label(self.lang)}, {party.country})"

    def contact_line(self, name: str, email: str | None, phone: str | None) -> str:
        return ", ".join(part for part in (name, email, phone) if part)

    # -- the record ----------------------------------------------------------------------------

    def record(self) -> Record:
        org = self.map.organisation
        processor_acts = self.map.processor_activities
        return Record(
            lang=self.lang,
            title=self.s["title"],
            organisation=org.name,
            meta=self.meta(),
            controller=self.controller(),
            activities=self.table(
                "activities",
                CONTROLLER_COLUMNS,
                (self.activity_row(a) for a in self.map.controller_activities),
            ),
            processor=self.processor_table(processor_acts) if processor_acts else None,
            systems=self.systems(),
            parties=self.parties(),
            data_categories=self.data_categories(),
            transfers=self.transfers(),
            assumptions=self.assumptions(),
        )

    def meta(self) -> Table:
        rec = self.map.record
        row = Row(
            "record",
            (
                self.cell([rec.version], self.open(rec, "version")),
                self.cell([rec.effective_date.isoformat()], self.open(rec, "effective_date")),
                self.cell(
                    [rec.maintained_by or ""], self.open(rec, "maintained_by"), required=True
                ),
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
            self.cell([org.org_number], self.open(org, "org_number")),
            self.cell([self.t(org.legal_form)], self.open(org, "legal_form")),
            self.cell(
                [org.address.one_line() if org.address else ""],
                self.open(org, "address"),
                required=True,
            ),
            self.cell(
                [org.privacy_contact or org.email or ""],
                self.open(org, "privacy_contact", "email"),
                required=True,
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

    # -- controller record (Art. 30(1)) ---------------------------------------------------------

    def controller_cell(self) -> Cell:
        org = self.map.organisation
        items = [f"{org.name} ({self.s['org_number_short']} {org.org_number})"]
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
        return self.cell(items, found, required=True)

    def activity_row(self, act: Activity) -> Row:
        s = self.s
        recipients = act.all_recipients
        transfer_parties = {t.party_id: t.country for t in act.transfers}
        joint = [p for p in recipients if p.role is PartyRole.JOINT_CONTROLLER]
        special = []
        for cat in act.data_categories:
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
                special.append(f"{self.t(cat.name)} ({', '.join(marks)}){extra}")
        cells = {
            "id": self.cell([act.id]),
            "name": self.cell([self.t(act.name)], self.open(act, "name")),
            "business_function": self.cell(
                [self.t(act.business_function)], self.open(act, "business_function")
            ),
            "controller": self.controller_cell(),
            "joint_controllers": self.cell(
                [f"{p.name} ({p.country})" for p in joint],
                [a for p in joint for a in self.open(p, "role", "joint_arrangement")],
            ),
            "purpose": self.cell([self.t(act.purpose)], self.open(act, "purpose"), required=True),
            "data_subjects": self.cell(
                [self.t(d.name) for d in act.data_subjects],
                self.open(act, "data_subjects"),
                required=True,
            ),
            "data_categories": self.cell(
                [self.t(c.name) for c in act.data_categories],
                self.open(act, "data_categories")
                + [a for c in act.data_categories for a in self.open(c, "name")],
                required=True,
            ),
            "special_categories": self.cell(
                special,
                [
                    a
                    for c in act.data_categories
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
                [self.system_label(sys) for sys in act.systems],
                self.open(act, "systems")
                + [a for sys in act.systems for a in self.open(sys, "vendor", "hosting_countries")],
            ),
            "access": self.access_cell(act.systems),
            "processors": self.processors_cell(recipients),
            "profiling": self.cell(
                [
                    f"{s['profiling']}: {self.yes_no(act.profiling)}",
                    f"{s['automated_decisions']}: {self.yes_no(act.automated_decisions)}",
                ],
                self.open(act, "profiling", "automated_decisions"),
            ),
            "dpia": self.dpia_cell(act),
        }
        return Row(act.id, tuple(cells[key] for key in CONTROLLER_COLUMNS))

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
        return self.cell(items, found, required=True, missing_text=self.s["no_recipients"])

    def transfer_items(self, act: Activity) -> tuple[list[str], list[Assumption], bool]:
        items: list[str] = []
        found = self.open(act, "transfers")
        gap = False
        for transfer in act.transfers:
            party = self.map.party(transfer.party_id)
            if transfer.mechanism is None:
                ground = self.s["mechanism_missing"]
                gap = True
            else:
                ground = f"{transfer.mechanism.label(self.lang)} ({transfer.mechanism.article})"
            text = f"{transfer.country}: {party.name}; {ground}"
            safeguards = transfer.safeguards or party.transfer_safeguards
            if safeguards is not None:
                text += f"; {self.s['safeguards']}: {self.t(safeguards)}"
            elif transfer.mechanism is not None and transfer.mechanism.value.endswith(
                "compelling_interests"
            ):
                text += f"; {self.s['safeguards_missing']}"
                gap = True
            items.append(text)
            found += self.open(transfer)
        return items, found, gap

    def transfers_cell(self, act: Activity) -> Cell:
        items, found, gap = self.transfer_items(act)
        cell = self.cell(items or [self.s["no_transfers"]], found)
        return Cell(cell.items, cell.assumptions, missing=gap)

    def retention_cell(self, act: Activity) -> Cell:
        ret = act.retention
        if ret is None:
            return self.cell([], self.open(act, "retention"), required=True)
        items = [self.t(ret.text)]
        if ret.legal_source and ret.legal_source not in items[0]:
            items.append(ret.legal_source)
        return self.cell(items, self.open(act, "retention") + self.open(ret), required=True)

    def security_cell(self, act: Activity) -> Cell:
        items = [self.t(m) for m in act.security_measures]
        for system in act.systems:
            items += [f"{system.name}: {self.t(m)}" for m in system.security_measures]
        found = self.open(act, "security_measures")
        found += [a for sys in act.systems for a in self.open(sys, "security_measures")]
        return self.cell(items, found, required=True)

    def legal_basis_cell(self, act: Activity) -> Cell:
        items = []
        if act.legal_basis is not None:
            items.append(f"{act.legal_basis.label(self.lang)} ({act.legal_basis.article})")
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
            return self.cell([f"{cond.label(self.lang)} ({cond.article})"], found)
        return self.cell([], found, required=bool(act.special_categories))

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
            parts = [source.kind.label(self.lang)]
            party = act.source_party(source)
            if party is not None:
                parts.append(party.name)
            if source.description is not None:
                parts.append(self.t(source.description))
            if source.category_ids:
                parts.append(", ".join(self.t(c.name) for c in act.source_categories(source)))
            items.append(f"{parts[0]}: {'; '.join(parts[1:])}" if len(parts) > 1 else parts[0])
            found += self.open(source)
        return self.cell(items, found, required=True)

    def access_cell(self, systems: tuple[System, ...]) -> Cell:
        items = [
            f"{sys.name}: {', '.join(self.t(a) for a in sys.access)}"
            for sys in systems
            if sys.access
        ]
        found = [a for sys in systems for a in self.open(sys, "access")]
        return self.cell(items, found, required=bool(systems))

    def processors_cell(self, recipients: Iterable[Party]) -> Cell:
        items = []
        found: list[Assumption] = []
        for party in recipients:
            if party.role not in (PartyRole.PROCESSOR, PartyRole.SUB_PROCESSOR):
                continue
            text = f"{party.name} ({party.role.label(self.lang)}): {self.s['dpa']} {self.yes_no(party.dpa)}"
            if party.dpa_reference:
                text += f" ({party.dpa_reference})"
            items.append(text)
            found += self.open(party, "role", "dpa", "dpa_reference")
        return self.cell(items, found)

    def dpia_cell(self, act: Activity) -> Cell:
        dpia = act.dpia
        if dpia is None:
            return self.cell([], self.open(act, "dpia"), required=True)
        items = [dpia.status.label(self.lang), self.t(dpia.reason)]
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
            contact = client.contact
            client_items = [self.party_label(client)]
            if contact is not None:
                client_items.append(self.contact_line(contact.name, contact.email, contact.phone))
            org = self.map.organisation
            processor_items = [
                f"{org.name} ({self.s['org_number_short']} {org.org_number})",
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
                "processor": self.cell(
                    processor_items, self.open(org, "name", "privacy_contact"), required=True
                ),
                "client_controller": self.cell(
                    client_items,
                    self.open(act, "on_behalf_of") + self.open(client, "role", "contact"),
                    required=True,
                ),
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
                "processors": self.processors_cell(act.all_recipients),
                "retention": self.retention_cell(act),
            }
            rows.append(Row(act.id, tuple(cells[key] for key in columns)))
        return self.table("processor", columns, rows)

    # -- inventory sheets ------------------------------------------------------------------------

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
        rows = []
        for party in self.map.parties:
            mechanism = party.transfer_mechanism
            cells = (
                self.cell([party.id]),
                self.cell([party.name], self.open(party, "name")),
                self.cell([party.role.label(self.lang)], self.open(party, "role")),
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
                        f"{mechanism.label(self.lang)} ({mechanism.article})" if mechanism else "",
                        self.t(party.transfer_safeguards),
                    ],
                    self.open(party, "transfer_mechanism", "transfer_safeguards", "dpf_certified"),
                ),
                self.cell([self.t(party.joint_arrangement)], self.open(party, "joint_arrangement")),
                self.cell(self.names_of(party.activities)),
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
                mech = transfer.mechanism
                safeguards = transfer.safeguards or party.transfer_safeguards
                copy = transfer.safeguards_copy or party.safeguards_copy
                cells = (
                    self.cell([self.t(act.name)]),
                    self.cell([party.name]),
                    self.cell([transfer.country], self.open(transfer, "country")),
                    self.cell(
                        [f"{mech.label(self.lang)} ({mech.article})" if mech else ""],
                        self.open(transfer, "mechanism"),
                        required=True,
                        missing_text=self.s["mechanism_missing"],
                    ),
                    self.cell([self.t(safeguards)], self.open(transfer, "safeguards")),
                    self.cell([self.t(copy)], self.open(transfer, "safeguards_copy")),
                )
                rows.append(Row(f"{act.id}/{index + 1}", cells))
        columns = ("activity", "party", "country", "mechanism", "safeguards", "safeguards_copy")
        return self.table("transfers", columns, rows)

    def assumptions(self) -> Table:
        rows = [
            Row(path, (self.cell([path]), self.cell([note])))
            for path, note in ((_dotted(loc), note) for loc, _, _, note in self.map.assumptions())
        ]
        return self.table("assumptions", ("path", "note"), rows)


def _dotted(loc: Loc) -> str:
    """``("activities", 2, "dpia")`` → ``activities[2].dpia`` (as in ``model.json``)."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out
