"""The Article 30 record as plain tables, computed once from the data map.

Every record format (HTML, Markdown, CSV, XLSX, JSON) renders the :class:`Record` built here, so
the formats cannot disagree. A :class:`Cell` holds the value as a tuple of text items (list fields
stay lists until a format joins them) and its provenance: the open assumptions behind the value,
or ``missing`` when the data map does not state a value the record needs.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator

from ..law.requirements import missing
from ..model.datamap import DataMap
from .activities import ActivityTables
from .base import ARTICLE_30_1, CONTROLLER_COLUMNS, Shared
from .inventory import InventoryTables
from .tables import Assumption, Cell, CellStatus, Column, Record, Row, Table

__all__ = [
    "ARTICLE_30_1",
    "CONTROLLER_COLUMNS",
    "Assumption",
    "Cell",
    "CellStatus",
    "Column",
    "Record",
    "Row",
    "Table",
    "build_record",
    "build_records",
]


def build_record(datamap: DataMap, lang: str, previous: DataMap | None = None) -> Record:
    """The record of ``datamap`` in ``lang``; with ``previous``, also its version history."""
    return _build(_Builder(datamap, lang), previous)


def build_records(
    datamap: DataMap, langs: Iterable[str], previous: DataMap | None = None
) -> Iterator[Record]:
    """The record in each of ``langs``, in turn; what no language changes is computed once."""
    shared = Shared(datamap)
    for lang in langs:
        yield _build(_Builder(datamap, lang, shared), previous)


def _build(builder: _Builder, previous: DataMap | None) -> Record:
    record = builder.record()
    if previous is None:
        return record
    return dataclasses.replace(record, history=builder.history(previous))


class _Builder(ActivityTables, InventoryTables):
    def history(self, previous: DataMap) -> Table:
        """The previous and the current version, with what changed in between."""
        from ..changes import version_history

        rows = [
            Row(
                f"version/{index}",
                (
                    self.cell([row.version]),
                    self.cell([row.effective_date]),
                    self.cell(row.items(self.lang)),
                ),
            )
            for index, row in enumerate(version_history(previous, self.map), start=1)
        ]
        return self.table("history", ("version", "effective_date", "changes"), rows)

    def record(self) -> Record:
        org = self.map.organisation
        processor_acts = self.map.processor_activities
        record = Record(
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
            cookies=self.cookies(),
            gaps=self.table("gaps", (), ()),
            assumptions=self.assumptions(),
        )
        return dataclasses.replace(record, gaps=self.gaps(record.tables()))

    def gaps(self, tables: tuple[Table, ...]) -> Table:
        """Every item the law asks the record or notice to give that the map does not, in one
        list: the items of :mod:`..law.requirements` that are missing, activity by activity (the
        same list as ``check --coverage`` and the rules that report them)."""
        del tables
        parts = {
            False: self.s["table_activities"],
            True: self.s["table_processor"],
        }
        rows = []
        for act in self.map.activities:
            for item, _cell in missing(self.map, act):
                article = self.cite_short(item.article) or ""
                cells = (
                    self.cell([parts[act.is_processor_activity]]),
                    self.cell([self.t(act.name)]),
                    self.cell([f"{item.text(self.lang)} ({article})"]),
                )
                rows.append(Row(f"{act.id}/{item.key}", cells))
        return self.table("gaps", ("part", "entry", "item"), rows)
