"""Coverage: per activity, which Art. 30(1) record items and Art. 13/14 notice items the map
states, only assumes (to be confirmed), or misses. A table a DPO can hand to management."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from ..model import Activity, DataMap, LegalBasis, SourceKind, TransferMechanism
from ..model.base import Statement
from ..model.countries import is_eea, needs_transfer_mechanism
from ..rights import rights_of, uses_consent

Status = Literal["stated", "assumed", "missing", "n/a"]
STATUSES: tuple[Status, ...] = ("stated", "assumed", "missing", "n/a")
_MARK = {"stated": "S", "assumed": "A", "missing": "M", "n/a": "-"}


@dataclass(frozen=True, slots=True)
class Cell:
    status: Status
    note: str = ""


@dataclass(frozen=True, slots=True)
class Item:
    """One thing the record or the notice must contain."""

    key: str
    short: str
    article: str
    label: str


@dataclass(frozen=True, slots=True)
class Row:
    activity: Activity
    cells: tuple[Cell, ...]

    def totals(self) -> dict[str, int]:
        counter = Counter(cell.status for cell in self.cells)
        return {status: counter.get(status, 0) for status in STATUSES}


@dataclass(frozen=True, slots=True)
class Coverage:
    items: tuple[Item, ...]
    rows: tuple[Row, ...]


def _cell(present: bool, assumed: bool, note: str = "") -> Cell:
    if not present:
        return Cell("missing", note)
    return Cell("assumed" if assumed else "stated", note)


def _assumed(statement: Statement | None, *fields: str) -> bool:
    return statement is not None and any(statement.is_assumed(f) for f in fields)


# -- the items -------------------------------------------------------------------------------


def _controller(dm: DataMap, _: Activity) -> Cell:
    org = dm.organisation
    used = [f for f in ("privacy_contact", "email", "phone") if getattr(org, f)]
    reachable = bool(used) or any(c.email or c.phone for c in org.contacts)
    return _cell(reachable, _assumed(org, *used), "" if reachable else "no contact details")


def _purposes(_: DataMap, a: Activity) -> Cell:
    return _cell(True, _assumed(a, "purpose", "name"))


def _subjects_categories(_: DataMap, a: Activity) -> Cell:
    assumed = _assumed(a, "data_subjects", "data_categories") or any(
        c.is_assumed("name") for c in a.data_categories
    )
    return _cell(True, assumed)


def _recipients(_: DataMap, a: Activity) -> Cell:
    parties = a.all_recipients
    assumed = _assumed(a, "recipients", "systems") or any(p.is_assumed("role") for p in parties)
    return _cell(True, assumed, "none" if not parties else "")


def _destinations(a: Activity) -> set[str]:
    found = {p.country for p in a.all_recipients if not is_eea(p.country)}
    for system in a.systems:
        found.update(c for c in system.hosting_countries if not is_eea(c))
    found.update(t.country for t in a.transfers if not is_eea(t.country))
    return found


def _transfers(dm: DataMap, a: Activity, *, notice: bool = False) -> Cell:
    if not _destinations(a):
        return Cell("n/a")
    if _destinations(a) - {t.country for t in a.transfers}:
        return Cell("missing", "destination outside the EEA not recorded")
    assumed = _assumed(a, "transfers")
    for transfer in a.transfers:
        party = dm.party(transfer.party_id)
        mechanism = transfer.mechanism or party.transfer_mechanism
        if mechanism is None and needs_transfer_mechanism(
            transfer.country, dpf_certified=party.dpf_certified
        ):
            return Cell("missing", f"no mechanism for {party.id}")
        if (
            notice
            and mechanism not in (None, *_NO_COPY)
            and not (transfer.safeguards_copy or party.safeguards_copy)
        ):
            return Cell("missing", f"no copy of the safeguards for {party.id}")
        if transfer.mechanism is not None:
            assumed = assumed or transfer.is_assumed("mechanism")
        else:
            assumed = assumed or party.is_assumed("transfer_mechanism")
        assumed = assumed or party.is_assumed("dpf_certified")
    return _cell(True, assumed)


_NO_COPY = (
    TransferMechanism.ADEQUACY,
    TransferMechanism.EU_US_DPF,
    *(
        m
        for m in TransferMechanism
        if m.value.startswith("derogation_") and "compelling" not in m.value
    ),
)


def _retention(_: DataMap, a: Activity) -> Cell:
    retention = a.retention
    assumed = _assumed(a, "retention") or bool(retention and retention.assumptions)
    return _cell(retention is not None, assumed)


def _security(_: DataMap, a: Activity) -> Cell:
    if a.security_measures:
        return _cell(True, _assumed(a, "security_measures"))
    systems = [s for s in a.systems if s.security_measures]
    assumed = bool(systems) and all(s.is_assumed("security_measures") for s in systems)
    return _cell(bool(systems), assumed)


def _dpo(dm: DataMap, _: Activity) -> Cell:
    dpo = dm.organisation.dpo
    if dpo is None:
        return Cell("missing", "no DPO decision")
    if not dpo.appointed and dpo.reason is None:
        return Cell("missing", "no reason for not appointing a DPO")
    return _cell(True, _assumed(dpo, "appointed", "email", "phone", "name"))


def _basis(_: DataMap, a: Activity) -> Cell:
    if a.legal_basis is None:
        return Cell("missing", "no Art. 6 basis")
    if a.special_categories and a.art9_condition is None:
        return Cell("missing", "no Art. 9(2) condition")
    return _cell(True, _assumed(a, "legal_basis", "art9_condition", "legal_source"))


def _interests(_: DataMap, a: Activity) -> Cell:
    if a.legal_basis is not LegalBasis.LEGITIMATE_INTERESTS:
        return Cell("n/a")
    return _cell(a.legitimate_interest is not None, _assumed(a, "legitimate_interest"))


def _rights(_: DataMap, a: Activity) -> Cell:
    if a.legal_basis is None:
        return Cell("missing", "no legal basis to derive them from")
    return _cell(True, _assumed(a, "legal_basis"), ", ".join(r.value for r in rights_of(a)))


def _withdrawal(_: DataMap, a: Activity) -> Cell:
    if not uses_consent(a):
        return Cell("n/a")
    return _cell(a.consent_withdrawal is not None, _assumed(a, "consent_withdrawal"))


def _complaint(dm: DataMap, _: Activity) -> Cell:
    return _cell(True, _assumed(dm.organisation.supervisory_authority, "name", "url"))


def _provision(_: DataMap, a: Activity) -> Cell:
    if not any(s.kind is SourceKind.DATA_SUBJECT for s in a.sources):
        return Cell("n/a")
    if a.provision is not None:
        return _cell(True, _assumed(a, "provision"))
    if a.legal_basis in (LegalBasis.CONTRACT, LegalBasis.LEGAL_OBLIGATION):
        return Cell("missing")
    return Cell("n/a", "voluntary")


def _automated(dm: DataMap, a: Activity) -> Cell:
    notice = dm.notice
    if a.automated_decisions and not (
        notice.automated_decisions and notice.automated_decisions_logic
    ):
        return Cell("missing", "automated decisions not explained")
    return _cell(True, _assumed(notice, "automated_decisions", "automated_decisions_logic"))


def _art14_categories(_: DataMap, a: Activity) -> Cell:
    if not a.is_indirect:
        return Cell("n/a")
    return _cell(True, _assumed(a, "data_categories"))


def _art14_source(_: DataMap, a: Activity) -> Cell:
    indirect = [s for s in a.sources if s.kind.is_indirect]
    if not indirect:
        return Cell("n/a")
    described = all(s.party_id or s.description for s in indirect)
    assumed = _assumed(a, "sources") or any(s.assumptions for s in indirect)
    return _cell(described, assumed)


_I = Item
_ITEMS: tuple[tuple[Item, Callable[[DataMap, Activity], Cell]], ...] = (
    (_I("30.1a", "a", "GDPR Art. 30(1)(a)", "controller's name and contact details"), _controller),
    (_I("30.1b", "b", "GDPR Art. 30(1)(b)", "purposes"), _purposes),
    (
        _I("30.1c", "c", "GDPR Art. 30(1)(c)", "data subjects and data categories"),
        _subjects_categories,
    ),
    (_I("30.1d", "d", "GDPR Art. 30(1)(d)", "recipients"), _recipients),
    (_I("30.1e", "e", "GDPR Art. 30(1)(e)", "transfers to third countries"), _transfers),
    (_I("30.1f", "f", "GDPR Art. 30(1)(f)", "time limits for erasure"), _retention),
    (_I("30.1g", "g", "GDPR Art. 30(1)(g)", "security measures"), _security),
    (
        _I("13.1a", "1a", "GDPR Art. 13(1)(a)", "controller's identity and contact details"),
        _controller,
    ),
    (_I("13.1b", "1b", "GDPR Art. 13(1)(b)", "DPO's contact details (or the decision)"), _dpo),
    (_I("13.1c", "1c", "GDPR Art. 13(1)(c)", "purposes and legal basis"), _basis),
    (_I("13.1d", "1d", "GDPR Art. 13(1)(d)", "legitimate interests pursued"), _interests),
    (_I("13.1e", "1e", "GDPR Art. 13(1)(e)", "recipients"), _recipients),
    (
        _I("13.1f", "1f", "GDPR Art. 13(1)(f)", "transfers, adequacy or safeguards"),
        lambda dm, a: _transfers(dm, a, notice=True),
    ),
    (_I("13.2a", "2a", "GDPR Art. 13(2)(a)", "storage period or criteria"), _retention),
    (_I("13.2b", "2b", "GDPR Art. 13(2)(b)", "the rights that apply"), _rights),
    (_I("13.2c", "2c", "GDPR Art. 13(2)(c)", "right to withdraw consent"), _withdrawal),
    (_I("13.2d", "2d", "GDPR Art. 13(2)(d)", "right to complain to the authority"), _complaint),
    (_I("13.2e", "2e", "GDPR Art. 13(2)(e)", "whether the data must be provided"), _provision),
    (_I("13.2f", "2f", "GDPR Art. 13(2)(f)", "automated decisions and profiling"), _automated),
    (
        _I("14.1d", "14d", "GDPR Art. 14(1)(d)", "categories of data (data from others)"),
        _art14_categories,
    ),
    (
        _I("14.2f", "14f", "GDPR Art. 14(2)(f)", "source of the data (data from others)"),
        _art14_source,
    ),
)
ITEMS: tuple[Item, ...] = tuple(item for item, _ in _ITEMS)
_RECORD_ITEMS = sum(1 for item in ITEMS if item.key.startswith("30."))


def coverage(datamap: DataMap) -> Coverage:
    """The coverage table of every activity, in the order of the map."""
    rows = tuple(
        Row(activity, tuple(compute(datamap, activity) for _, compute in _ITEMS))
        for activity in datamap.activities
    )
    return Coverage(ITEMS, rows)


def _totals(rows: Iterable[Row]) -> dict[str, int]:
    total: Counter[str] = Counter()
    for row in rows:
        total.update(row.totals())
    return {status: total.get(status, 0) for status in STATUSES}


def coverage_text(table: Coverage) -> str:
    """A fixed-width table: one row per activity, S/A/M/- per item, then a legend."""
    width = max([len("activity"), *(len(r.activity.id) for r in table.rows)])
    shorts = [item.short for item in table.items]
    cols = [max(2, len(s)) for s in shorts]
    record = " ".join(s.ljust(c) for s, c in zip(shorts[:_RECORD_ITEMS], cols, strict=False))
    notice = " ".join(
        s.ljust(c) for s, c in zip(shorts[_RECORD_ITEMS:], cols[_RECORD_ITEMS:], strict=True)
    )
    lines = [
        "Coverage: S stated, A assumed (to confirm), M missing, - not applicable",
        "",
        f"{'':{width}}  {'Art. 30(1)':{len(record)}}  {'Art. 13 / 14':{len(notice)}}  totals",
        f"{'activity':{width}}  {record}  {notice}  S  A  M",
    ]
    for row in table.rows:
        marks = [_MARK[c.status].ljust(w) for c, w in zip(row.cells, cols, strict=True)]
        t = row.totals()
        lines.append(
            f"{row.activity.id:{width}}  {' '.join(marks[:_RECORD_ITEMS])}  "
            f"{' '.join(marks[_RECORD_ITEMS:])}  "
            f"{t['stated']:<2} {t['assumed']:<2} {t['missing']:<2}".rstrip()
        )
    totals = _totals(table.rows)
    lines += [
        "",
        f"all activities: {totals['stated']} stated, {totals['assumed']} assumed, "
        f"{totals['missing']} missing, {totals['n/a']} not applicable",
    ]
    gaps = [
        f"  {row.activity.id}: {item.article} {item.label}"
        + (f" ({cell.note})" if cell.note else "")
        for row in table.rows
        for item, cell in zip(table.items, row.cells, strict=True)
        if cell.status == "missing"
    ]
    if gaps:
        lines += ["", "missing:", *gaps]
    lines += ["", "items:"]
    lines += [f"  {item.short:>3}  {item.article}: {item.label}" for item in table.items]
    return "\n".join(lines) + "\n"


def coverage_json(table: Coverage) -> str:
    """The coverage table as JSON: items, then each activity's cells and totals."""
    document = {
        "items": [{"key": i.key, "article": i.article, "label": i.label} for i in table.items],
        "activities": [
            {
                "id": row.activity.id,
                "name": {"nb": row.activity.name.nb, "en": row.activity.name.en},
                "items": {
                    item.key: {"status": cell.status, **({"note": cell.note} if cell.note else {})}
                    for item, cell in zip(table.items, row.cells, strict=True)
                },
                "totals": row.totals(),
            }
            for row in table.rows
        ],
        "totals": _totals(table.rows),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
