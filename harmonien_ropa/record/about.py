"""The record's tables about the organisation: the record itself (version, date, keeper) and the
controller (Art. 30(1)(a))."""

from __future__ import annotations

from ..law.requirements import controller_reachable
from .cells import CellMaker
from .tables import Cell, Row, Table


def meta(make: CellMaker) -> Table:
    rec = make.map.record
    row = Row(
        "record",
        (
            make.cell([rec.version], make.assumed(rec, "version")),
            make.cell([rec.effective_date.isoformat()], make.assumed(rec, "effective_date")),
            make.cell([rec.maintained_by or ""], make.assumed(rec, "maintained_by")),
        ),
    )
    return make.table("meta", ("version", "effective_date", "maintained_by"), [row])


def controller(make: CellMaker) -> Table:
    org = make.map.organisation
    dpo = org.dpo
    if dpo is None:
        dpo_cell = make.cell([], required=True)
    elif dpo.appointed:
        dpo_cell = make.cell(
            [make.contact_line(dpo.name or "", dpo.email, dpo.phone)], make.assumed(dpo)
        )
    else:
        dpo_cell = make.cell([make.s["dpo_none"], make.text(dpo.reason)], make.assumed(dpo))
    rep = org.representative
    auth = org.supervisory_authority
    contacts = [
        make.contact_line(f"{c.name} ({make.text(c.role)})" if c.role else c.name, c.email, c.phone)
        for c in org.contacts
    ]
    notice = make.map.notice
    cells: tuple[Cell, ...] = (
        make.cell([make.name(org.name)], make.assumed(org, "name")),
        make.cell([make.org_number()[0]], make.org_number()[1]),
        make.cell([make.text(org.legal_form)], make.assumed(org, "legal_form")),
        make.cell([org.address.one_line() if org.address else ""], make.assumed(org, "address")),
        make.cell(
            [org.privacy_contact or org.email or ""],
            make.assumed(org, "privacy_contact", "email"),
            required=not controller_reachable(make.map),
        ),
        make.cell(
            [org.email or "", org.phone or "", org.website or ""],
            make.assumed(org, "email", "phone", "website"),
        ),
        make.cell(contacts, [a for c in org.contacts for a in make.assumed(c)]),
        dpo_cell,
        make.cell(
            [make.contact_line(rep.name, rep.email, rep.phone)] if rep else [],
            make.assumed(rep) + make.assumed(org, "representative"),
        ),
        make.cell(
            [auth.name, auth.url, auth.address.one_line() if auth.address else ""],
            make.assumed(auth),
        ),
        make.cell([make.text(notice.security_summary)], make.assumed(notice, "security_summary")),
    )
    columns: tuple[str, ...] = (
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
    # Rows the map has only where it gives them (not Art. 30 items of their own): who legally
    # represents the organisation, and a data-protection adviser who is not a DPO.
    signatory = org.represented_by
    if signatory is not None:
        role = make.text(signatory.role)
        cells += (
            make.cell(
                [f"{role}, {signatory.name}" if signatory.name else role],
                make.assumed(signatory) + make.assumed(org, "represented_by"),
            ),
        )
        columns += ("represented_by",)
    adviser = org.data_protection_adviser
    if adviser is not None:
        name = f"{adviser.name} ({make.text(adviser.role)})" if adviser.role else adviser.name
        cells += (
            make.cell(
                [make.contact_line(name, adviser.email, adviser.phone)],
                make.assumed(adviser) + make.assumed(org, "data_protection_adviser"),
            ),
        )
        columns += ("adviser",)
    return make.table("controller", columns, [Row("controller", cells)])
