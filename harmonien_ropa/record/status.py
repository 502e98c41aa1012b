"""The record's tables for its review: the gaps (items the law asks for that the map does not
state), the open assumptions, and the version history."""

from __future__ import annotations

from ..law.requirements import missing
from ..model.datamap import DataMap
from .cells import CellMaker, dotted
from .tables import Row, Table


def gaps(make: CellMaker) -> Table:
    """Every item the law asks the record or notice to give that the map does not, in one
    list: the items of :mod:`..law.requirements` that are missing, activity by activity (the
    same list as ``check --coverage`` and the rules that report them)."""
    parts = {
        False: make.s["table_activities"],
        True: make.s["table_processor"],
    }
    rows = []
    for act in make.map.activities:
        for item, _cell in missing(make.map, act):
            article = make.cite_short(item.article) or ""
            cells = (
                make.cell([parts[act.is_processor_activity]]),
                make.cell([make.text(act.name)]),
                make.cell([f"{item.text(make.lang)} ({article})"]),
            )
            rows.append(Row(f"{act.id}/{item.key}", cells))
    return make.table("gaps", ("part", "entry", "item"), rows)


def assumptions(make: CellMaker) -> Table:
    """Every open assumption of the map, by the path of the value it is about."""
    rows = []
    for _, owner, field, note in make.map.assumptions():
        path = dotted((*make.paths[id(owner)], field))
        rows.append(Row(path, (make.cell([path]), make.cell([note]))))
    return make.table("assumptions", ("path", "note"), rows)


def history(make: CellMaker, previous: DataMap) -> Table:
    """The previous and the current version, with what changed in between."""
    from ..changes.changelog import version_history

    rows = [
        Row(
            f"version/{index}",
            (
                make.cell([row.version]),
                make.cell([row.effective_date]),
                make.cell(row.items(make.lang)),
            ),
        )
        for index, row in enumerate(version_history(previous, make.map), start=1)
    ]
    return make.table("history", ("version", "effective_date", "changes"), rows)
