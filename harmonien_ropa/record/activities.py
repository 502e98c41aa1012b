"""The controller record (Art. 30(1)) and the processor record (Art. 30(2)): one row per activity."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from ..law.requirements import (
    client_reachable,
    controller_reachable,
    dpo_missing,
    requirements,
)
from ..model.activity import Activity
from ..model.legal import PartyRole
from .activity_cells import (
    access_cell,
    art9_cell,
    business_function_cell,
    consent_cell,
    controller_value,
    dpia_cell,
    legal_basis_cell,
    legitimate_interest_cell,
    optional_retention_cell,
    party_contact,
    processors_cell,
    recipients_cell,
    retention_cell,
    rights_cell,
    security_cell,
    sources_cell,
    subject_label,
    system_label,
    transfers_cell,
)
from .cells import CellMaker
from .columns import CONTROLLER_COLUMNS
from .tables import Cell, Row, Table

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
    "consent": "13.2c",
    "processor": "30.2a",
    "client_controller": "30.2a",
    "processing": "30.2b",
    "transfers_2": "30.2c",
    "security_2": "30.2d",
}
#: Columns that share an item and mark only their own part of it.
_OWN_MARK = frozenset({"legal_basis", "art9_condition", "processor", "client_controller"})


# -- controller record (Art. 30(1)) ---------------------------------------------------------


def controller_table(make: CellMaker, acts: Iterable[Activity]) -> Table:
    """The controller record: a row per activity, a column per item of Art. 30(1) and more."""
    controller = controller_value(make)
    return make.table(
        "activities", CONTROLLER_COLUMNS, (activity_row(make, act, controller) for act in acts)
    )


def activity_row(make: CellMaker, act: Activity, controller: Cell) -> Row:
    s = make.s
    links = make.links[act.id]
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
            extra = f": {make.text(cat.justification)}" if cat.justification else ""
            if cat.national_id and cat.needed_for:
                covered = ", ".join(make.text(make.map.activity(a).name) for a in cat.needed_for)
                extra += f" ({s['needed_for']}: {covered})"
            special.append(f"{make.text(cat.name)} ({', '.join(marks)}){extra}")
    cells = {
        "id": make.cell([act.id]),
        "name": make.cell([make.text(act.name)], make.assumed(act, "name")),
        "business_function": business_function_cell(make, act),
        "controller": controller,
        "joint_controllers": make.cell(
            [party_contact(make, p) for p in joint],
            [a for p in joint for a in make.assumed(p, "role", "joint_arrangement")],
        ),
        "purpose": make.cell([make.text(act.purpose)], make.assumed(act, "purpose"), required=True),
        "data_subjects": make.cell(
            [subject_label(make, d) for d in links.subjects],
            make.assumed(act, "data_subjects")
            + [
                a
                for d in links.subjects
                for a in make.assumed(d, "may_include_children", "business_contacts")
            ],
            required=True,
        ),
        "data_categories": make.cell(
            [make.text(c.name) for c in categories],
            make.assumed(act, "data_categories")
            + [a for c in categories for a in make.assumed(c, "name")],
            required=True,
        ),
        "special_categories": make.cell(
            special,
            [
                a
                for c in categories
                for a in make.assumed(c, "special_category", "national_id", "justification")
            ],
        ),
        "recipients": recipients_cell(make, act, recipients, transfer_parties),
        "transfers": transfers_cell(make, act),
        "retention": retention_cell(make, act),
        "security": security_cell(make, act),
        "legal_basis": legal_basis_cell(make, act),
        "art9_condition": art9_cell(make, act),
        "legitimate_interest": legitimate_interest_cell(make, act),
        "consent": consent_cell(make, act),
        "sources": sources_cell(make, act),
        "systems": make.cell(
            [system_label(make, sys) for sys in systems],
            make.assumed(act, "systems")
            + [a for sys in systems for a in make.assumed(sys, "vendor", "hosting_countries")],
        ),
        "access": access_cell(make, systems, act),
        "processors": processors_cell(make, recipients),
        "profiling": make.cell(
            [
                f"{s['profiling']}: {make.yes_no(act.profiling)}",
                f"{s['automated_decisions']}: {make.yes_no(act.automated_decisions)}",
                f"{s['combines_datasets']}: {make.yes_no(act.combines_datasets)}",
                f"{s['large_scale']}: {make.yes_no(act.large_scale)}",
            ],
            make.assumed(
                act, "profiling", "automated_decisions", "combines_datasets", "large_scale"
            ),
        ),
        "rights": rights_cell(make, act),
        "dpia": dpia_cell(make, act),
    }
    return Row(act.id, tuple(as_required(make, act, cells, CONTROLLER_COLUMNS)))


def marked(cell: Cell, *, missing: bool) -> Cell:
    return Cell(cell.items, cell.assumptions, missing=missing)


def as_required(
    make: CellMaker, act: Activity, cells: Mapping[str, Cell], columns: Iterable[str]
) -> Iterator[Cell]:
    """The cells of ``columns``, marked missing exactly where the law layer finds the item
    of their column missing for ``act`` (:data:`COLUMN_ITEMS`); columns for the Art. 6 and
    Art. 9 grounds share one item and keep their own mark."""
    status = {item.key: cell.status for item, cell in requirements(make.map, act)}
    for key in columns:
        cell = cells[key]
        item = COLUMN_ITEMS.get(key)
        if key in _OWN_MARK:
            yield cell
        elif item is None or (status[item] == "missing") != cell.missing:
            missing = item is not None and status[item] == "missing"
            if missing and not cell.items:
                cell = make.cell([], cell.assumptions, required=True)
            yield Cell(cell.items, cell.assumptions, missing=missing)
        else:
            yield cell


# -- processor record (Art. 30(2)) ----------------------------------------------------------


def processor_table(make: CellMaker, acts: Iterable[Activity]) -> Table:
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
        client = make.map.client_of(act)
        assert client is not None  # processor activities have a client
        client_items = [party_contact(make, client)]
        client_cell = make.cell(
            client_items,
            make.assumed(act, "on_behalf_of") + make.assumed(client, "role", "contact"),
        )
        if not client_reachable(make.map, act):
            # Art. 30(2)(a) asks for the controller's contact details too.
            client_cell = Cell(
                (*client_cell.items, make.s["contact_missing"]),
                client_cell.assumptions,
                missing=True,
            )
        org = make.map.organisation
        processor_items = [
            f"{make.name(org.name)} ({make.s['org_number_short']} {make.org_number()[0]})",
            org.privacy_contact or org.email or "",
        ]
        dpo = org.dpo
        if dpo is not None and dpo.appointed:
            processor_items.append(
                f"{make.s['col_dpo']}: {make.contact_line(dpo.name or '', dpo.email, dpo.phone)}"
            )
        cells = {
            "id": make.cell([act.id]),
            "name": make.cell([make.text(act.name)], make.assumed(act, "name")),
            "processor": marked(
                make.cell(processor_items, make.assumed(org, "name", "privacy_contact")),
                missing=not controller_reachable(make.map) or dpo_missing(make.map),
            ),
            "client_controller": client_cell,
            "processing": make.cell(
                [make.text(act.purpose)], make.assumed(act, "purpose"), required=True
            ),
            "data_subjects": make.cell(
                [make.text(d.name) for d in make.map.subjects_of(act)],
                make.assumed(act, "data_subjects"),
            ),
            "data_categories": make.cell(
                [make.text(c.name) for c in make.map.categories_of(act)],
                make.assumed(act, "data_categories"),
            ),
            "transfers_2": transfers_cell(make, act),
            "security_2": security_cell(make, act),
            "systems": make.cell(
                [system_label(make, sys) for sys in make.map.systems_of(act)],
                make.assumed(act, "systems"),
            ),
            "processors": processors_cell(make, make.links[act.id].recipients),
            "retention": optional_retention_cell(make, act),
        }
        rows.append(Row(act.id, tuple(as_required(make, act, cells, columns))))
    extras: dict[str, str | None] = dict.fromkeys(("data_subjects", "data_categories", "retention"))
    return make.table("processor", columns, rows, extras)
