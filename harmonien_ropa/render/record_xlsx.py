"""The record as an Excel workbook: one sheet per table, with byte-identical output.

Every value is written as a string (never a formula); one that starts like a formula also gets
Excel's quote prefix, so it stays text even when the cell is edited. Assumed values are shaded yellow and
missing ones orange, and each sheet ends with a column naming the assumptions behind the row.
The document's timestamps are the record's effective date, so the bytes depend only on the data.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import xlsxwriter

from ..i18n import strings
from ..record import Cell, Record, Table

#: Items of a list value are joined with a line break, as in the CSV.
ITEM_SEPARATOR = "\n"
_MAX_WIDTH = 60
_ROW_LINES = 15


def record_xlsx(record: Record, effective_date: dt.date) -> bytes:
    """The workbook's bytes; ``effective_date`` fixes its creation timestamp."""
    s = strings("record", record.lang)
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False})
    created = dt.datetime.combine(effective_date, dt.time(0, 0))
    book.set_properties(
        {
            "title": f"{record.title} – {record.organisation}",
            "subject": s["subtitle"],
            "author": record.organisation,
            "company": record.organisation,
            "created": created,
        }
    )
    formats = _Formats(book)
    _about_sheet(book, formats, record, s["sheet_about"])
    sheets = [(record.activities, "sheet_activities")]
    if record.processor is not None:
        sheets.append((record.processor, "sheet_processor"))
    sheets += [
        (record.systems, "sheet_systems"),
        (record.parties, "sheet_parties"),
        (record.data_categories, "sheet_data_categories"),
        (record.transfers, "sheet_transfers"),
    ]
    for table, name in sheets:
        _table_sheet(book, formats, table, s[name], s["col_provenance"])
    _table_sheet(book, formats, record.gaps, s["sheet_gaps"], None)
    _table_sheet(book, formats, record.assumptions, s["sheet_assumptions"], None)
    book.close()
    for sheet in book.worksheets():
        # A sheet keeps the workbook's add_format, a reference cycle that would hold every cell
        # of the workbook (60 MB for 10,000 activities) until the next full garbage collection.
        vars(sheet).pop("workbook_add_format", None)
    return buffer.getvalue()


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class _Formats:
    def __init__(self, book: Any) -> None:
        self._book = book
        self._quoted: dict[int, Any] = {}
        self._props: dict[int, dict[str, Any]] = {}
        base = {"text_wrap": True, "valign": "top", "font_size": 10}
        self.header = self._add({**base, "bold": True, "bg_color": "#DDE4EE", "border": 1})
        self.stated = self._add(base)
        self.assumed = self._add({**base, "bg_color": "#FFF2B3"})
        self.missing = self._add({**base, "bg_color": "#F8CBAD", "italic": True})
        self.title = self._add({"bold": True, "font_size": 14})
        self.by_status = {"stated": self.stated, "assumed": self.assumed, "missing": self.missing}

    def _add(self, props: dict[str, Any]) -> Any:
        fmt = self._book.add_format(props)
        self._props[id(fmt)] = props
        return fmt

    def write(self, sheet: Any, row: int, col: int, text: str, fmt: Any) -> None:
        """Write ``text`` as a string; quote-prefixed if a spreadsheet could read a formula."""
        if text.startswith(_FORMULA_START):
            key = id(fmt)
            if key not in self._quoted:
                self._quoted[key] = self._book.add_format(
                    {**self._props[key], "quote_prefix": True}
                )
            fmt = self._quoted[key]
        sheet.write_string(row, col, text, fmt)

    def for_cell(self, cell: Cell) -> Any:
        return self.by_status[cell.status]


def _table_sheet(
    book: Any, formats: _Formats, table: Table, name: str, provenance: str | None
) -> None:
    sheet = book.add_worksheet(name)
    headers = [column.label for column in table.columns]
    widths = [column.width for column in table.columns]
    if provenance is not None:
        headers.append(provenance)
        widths.append(_MAX_WIDTH)
    for col, header in enumerate(headers):
        formats.write(sheet, 0, col, header, formats.header)
        sheet.set_column(col, col, min(widths[col], _MAX_WIDTH))
    by_status = formats.by_status
    for index, row in enumerate(table.rows, start=1):
        lines = 1
        for col, cell in enumerate(row.cells):
            text = ITEM_SEPARATOR.join(cell.items)
            formats.write(sheet, index, col, text, by_status[cell.status])
            if len(text) > widths[col] or ITEM_SEPARATOR in text:
                lines = max(lines, _lines(text, widths[col]))
        if provenance is not None:
            text = ITEM_SEPARATOR.join(table.provenance(row))
            formats.write(sheet, index, len(table.columns), text, formats.stated)
            lines = max(lines, _lines(text, _MAX_WIDTH))
        sheet.set_row(index, min(lines, _ROW_LINES) * 13)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(len(table.rows), 1), len(headers) - 1)


def _about_sheet(book: Any, formats: _Formats, record: Record, name: str) -> None:
    """Record metadata and the controller, one item per row (label, value)."""
    s = strings("record", record.lang)
    sheet = book.add_worksheet(name)
    sheet.set_column(0, 0, 34)
    sheet.set_column(1, 1, 90)
    formats.write(sheet, 0, 0, f"{record.title} – {record.organisation}", formats.title)
    formats.write(sheet, 1, 0, s["legend"], formats.stated)
    line = 3
    for table in (record.meta, record.controller):
        formats.write(sheet, line, 0, table.title, formats.header)
        formats.write(sheet, line, 1, s["value_heading"], formats.header)
        line += 1
        row = table.rows[0]
        for column, cell in zip(table.columns, row.cells, strict=True):
            formats.write(sheet, line, 0, column.label, formats.stated)
            text = cell.joined(ITEM_SEPARATOR)
            if cell.assumptions:
                notes = ITEM_SEPARATOR.join(f"{a.note} ({a.path})" for a in cell.assumptions)
                text += f"{ITEM_SEPARATOR}[{s['assumed_badge']}: {notes}]"
            formats.write(sheet, line, 1, text, formats.for_cell(cell))
            line += 1
        line += 1


def _lines(text: str, width: int) -> int:
    return sum(max(1, -(-len(part) // max(width, 1))) for part in text.split(ITEM_SEPARATOR))
