"""The Article 30 record as plain tables, computed once from the data map.

Every record format (HTML, Markdown, CSV, XLSX, JSON) renders the :class:`Record` built here, so
the formats cannot disagree. A :class:`Cell` holds the value as a tuple of text items (list fields
stay lists until a format joins them) and its provenance: the open assumptions behind the value,
or ``missing`` when the data map does not state a value the record needs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..model.datamap import DataMap
from . import about, activities, registers, status
from .cells import CellMaker, Shared
from .columns import ARTICLE_30_1, CONTROLLER_COLUMNS
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
    return _record(CellMaker(datamap, lang), previous)


def build_records(
    datamap: DataMap, langs: Iterable[str], previous: DataMap | None = None
) -> Iterator[Record]:
    """The record in each of ``langs``, in turn; what no language changes is computed once."""
    shared = Shared(datamap)
    for lang in langs:
        yield _record(CellMaker(datamap, lang, shared), previous)


def _record(make: CellMaker, previous: DataMap | None) -> Record:
    """Every table of the record, each made by its own function over the one cell maker."""
    datamap = make.map
    processor_acts = datamap.processor_activities
    return Record(
        lang=make.lang,
        title=make.s["title"],
        organisation=make.name(datamap.organisation.name),
        meta=about.meta(make),
        controller=about.controller(make),
        activities=activities.controller_table(make, datamap.controller_activities),
        processor=activities.processor_table(make, processor_acts) if processor_acts else None,
        systems=registers.systems(make),
        parties=registers.parties(make),
        data_categories=registers.data_categories(make),
        transfers=registers.transfers(make),
        cookies=registers.cookies(make),
        history=None if previous is None else status.history(make, previous),
        gaps=status.gaps(make),
        assumptions=status.assumptions(make),
    )
