"""The record's value types: tables of cells, each cell with its provenance."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

CellStatus = Literal["stated", "assumed", "missing"]


@dataclass(frozen=True, slots=True)
class Assumption:
    """An open assumption behind a value: where it sits in the YAML and why it was assumed."""

    path: str
    note: str


class Foreign(str):
    """Text from the map shown in another language than the record's, because the map gives
    no version in the record's language: ``lang`` is the language it is in (HTML marks it,
    WCAG 3.1.2)."""

    lang: str = ""


def foreign(text: str, lang: str) -> Foreign:
    """``text`` marked as being in ``lang``."""
    value = Foreign(text)
    value.lang = lang
    return value


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
    gaps: Table
    assumptions: Table
    #: Version history, when the record is rendered with the previous version of the map.
    history: Table | None = None
    #: Cookies and similar technologies, when the map lists any.
    cookies: Table | None = None

    def tables(self) -> tuple[Table, ...]:
        """Every table, in the order the formats show them."""
        found = [self.meta, self.controller, self.activities]
        if self.processor is not None:
            found.append(self.processor)
        found += [self.systems, self.parties, self.data_categories, self.transfers]
        if self.cookies is not None:
            found.append(self.cookies)
        if self.history is not None:
            found.append(self.history)
        found += [self.gaps, self.assumptions]
        return tuple(found)
