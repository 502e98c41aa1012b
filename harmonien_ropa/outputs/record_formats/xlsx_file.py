"""The record as an Excel workbook: one sheet per table, with byte-identical output.

Every value is written as a string (never a formula); one that starts like a formula also gets
Excel's quote prefix, so it stays text even when the cell is edited. Assumed values are shaded yellow and
missing ones orange, and each sheet ends with a column naming the assumptions behind the row.
The document's timestamps are the record's effective date, so the bytes depend only on the data.

Excel holds at most 32,767 characters in a cell (and xlsxwriter would cut a longer string
without a word). A longer text is never cut silently: its cell shows the beginning and a pointer
to the sheet "Long texts" (nb "Lange tekster"), which holds the whole text split over as many
rows as needed, each naming the sheet and cell it belongs to.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping
from typing import Any

import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell

from ...record import Cell, Record, Table
from ...source.i18n import strings

#: Items of a list value are joined with a line break, as in the CSV.
ITEM_SEPARATOR = "\n"
_MAX_WIDTH = 60
_ROW_LINES = 15
#: The most characters (UTF-16 code units, as Excel counts) one cell holds.
CELL_LIMIT = 32_767
#: The first row (1-based, as the pointers show it) of a text on the overflow sheet.
_OVERFLOW_FIRST_ROW = 4


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
    formats = _Formats(book, s)
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
    if record.cookies is not None:
        sheets.append((record.cookies, "sheet_cookies"))
    for table, name in sheets:
        _table_sheet(book, formats, table, s[name], s["col_provenance"])
    _table_sheet(book, formats, record.gaps, s["sheet_gaps"], None)
    _table_sheet(book, formats, record.assumptions, s["sheet_assumptions"], None)
    if formats.overflow:
        _overflow_sheet(book, formats, s)
    book.close()
    for sheet in book.worksheets():
        # A sheet keeps the workbook's add_format, a reference cycle that would hold every cell
        # of the workbook (60 MB for 10,000 activities) until the next full garbage collection.
        vars(sheet).pop("workbook_add_format", None)
    return buffer.getvalue()


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class _Formats:
    def __init__(self, book: Any, s: Mapping[str, str]) -> None:
        self._book = book
        self._strings = s
        #: Texts too long for a cell: (sheet name, cell, pieces), in the order written.
        self.overflow: list[tuple[str, str, list[str]]] = []
        self._next_overflow_row = _OVERFLOW_FIRST_ROW
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
        """Write ``text`` as a string; quote-prefixed if a spreadsheet could read a formula.

        A text longer than a cell holds goes whole to the overflow sheet; the cell keeps its
        beginning and a pointer there."""
        if len(text) > CELL_LIMIT // 2 and _units(text) > CELL_LIMIT:
            text = self._overflow(sheet.name, xl_rowcol_to_cell(row, col), text)
        if text.startswith(_FORMULA_START):
            key = id(fmt)
            if key not in self._quoted:
                self._quoted[key] = self._book.add_format(
                    {**self._props[key], "quote_prefix": True}
                )
            fmt = self._quoted[key]
        sheet.write_string(row, col, text, fmt)

    def _overflow(self, sheet_name: str, cell: str, text: str) -> str:
        pieces = _pieces(text, CELL_LIMIT)
        first = self._next_overflow_row
        self._next_overflow_row += len(pieces)
        self.overflow.append((sheet_name, cell, pieces))
        pointer = self._strings["overflow_pointer"].format(
            sheet=self._strings["sheet_overflow"], first=first, last=first + len(pieces) - 1
        )
        return f"{_pieces(text, CELL_LIMIT - _units(pointer) - 1)[0]}{ITEM_SEPARATOR}{pointer}"

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


def _overflow_sheet(book: Any, formats: _Formats, s: Mapping[str, str]) -> None:
    """The whole of every text too long for its cell: one row per piece, in order."""
    sheet = book.add_worksheet(s["sheet_overflow"])
    for col, width in enumerate((24, 8, 6, 100)):
        sheet.set_column(col, col, width)
    formats.write(sheet, 0, 0, s["sheet_overflow"], formats.title)
    formats.write(sheet, 1, 0, s["overflow_intro"], formats.stated)
    header_row = _OVERFLOW_FIRST_ROW - 2
    for col, key in enumerate(("col_sheet", "col_cell", "col_piece", "col_text")):
        formats.write(sheet, header_row, col, s[key], formats.header)
    row = header_row + 1
    for sheet_name, cell, pieces in formats.overflow:
        for number, piece in enumerate(pieces, start=1):
            formats.write(sheet, row, 0, sheet_name, formats.stated)
            formats.write(sheet, row, 1, cell, formats.stated)
            formats.write(sheet, row, 2, f"{number}/{len(pieces)}", formats.stated)
            formats.write(sheet, row, 3, piece, formats.stated)
            row += 1
    sheet.freeze_panes(header_row + 1, 0)


def _units(text: str) -> int:
    """The length of ``text`` as Excel counts it (UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


def _pieces(text: str, size: int) -> list[str]:
    """``text`` cut into pieces of at most ``size`` UTF-16 code units, never inside a
    character."""
    if _units(text) == len(text):
        return [text[start : start + size] for start in range(0, len(text), size)] or [""]
    pieces: list[str] = []
    start = units = 0
    for index, char in enumerate(text):
        width = 2 if ord(char) > 0xFFFF else 1
        if units + width > size:
            pieces.append(text[start:index])
            start, units = index, 0
        units += width
    pieces.append(text[start:])
    return pieces


def _lines(text: str, width: int) -> int:
    return sum(max(1, -(-len(part) // max(width, 1))) for part in text.split(ITEM_SEPARATOR))
