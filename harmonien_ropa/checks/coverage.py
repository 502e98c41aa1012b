"""Coverage: per activity, which Art. 30 record items and Art. 13/14 notice items the map
states, only assumes (to be confirmed), or misses. A table a DPO can hand to management.

The items and their status come from :mod:`harmonien_ropa.law.requirements`, the same source
as the record's gaps and the rules that report a missing item; this module only lays them out.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ..core.languages import DEFAULT_LANGUAGES
from ..law.requirements import ITEMS, STATUSES, Cell, Item, Status, requirements
from ..model import Activity, DataMap

__all__ = ["ITEMS", "STATUSES", "Cell", "Coverage", "Item", "Row", "Status", "coverage"]

_MARK = {"stated": "S", "assumed": "A", "missing": "M", "n/a": "-"}


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
    #: The languages the map publishes in (the activities' names are given in each).
    languages: tuple[str, ...] = DEFAULT_LANGUAGES


_RECORD_ITEMS = sum(1 for item in ITEMS if item.record)


def coverage(datamap: DataMap) -> Coverage:
    """The coverage table of every activity, in the order of the map."""
    rows = tuple(
        Row(activity, tuple(cell for _, cell in requirements(datamap, activity)))
        for activity in datamap.activities
    )
    return Coverage(ITEMS, rows, datamap.languages)


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
        f"{'':{width}}  {'Art. 30':{len(record)}}  {'Art. 13 / 14':{len(notice)}}  totals",
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
                "name": {lang: getattr(row.activity.name, lang) for lang in table.languages},
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
