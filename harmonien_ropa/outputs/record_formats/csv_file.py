"""One table of the record as CSV that Excel opens correctly and cannot execute."""

from __future__ import annotations

import csv
import io

from ...core.escaping import spreadsheet_cell
from ...record import Record, Table
from ...source.i18n import strings

#: Items of a list value are joined with a line break (each item is a single line).
ITEM_SEPARATOR = "\n"


def record_csv(record: Record, table: Table) -> bytes:
    """``table`` as UTF-8 CSV with a byte-order mark, one row per entry and a provenance column.

    Every cell that a spreadsheet would read as a formula is neutralised.
    """
    buffer = io.BytesIO()
    # Encoded as it is written, so a large table is not also held as one string.
    text = io.TextIOWrapper(buffer, encoding="utf-8-sig", newline="")
    writer = csv.writer(text, dialect="excel", lineterminator="\r\n")
    provenance = strings("record", record.lang)["col_provenance"]
    writer.writerow([spreadsheet_cell(c.label) for c in table.columns] + [provenance])
    for row in table.rows:
        values = [cell.joined(ITEM_SEPARATOR) for cell in row.cells]
        values.append(ITEM_SEPARATOR.join(table.provenance(row)))
        writer.writerow([spreadsheet_cell(value) for value in values])
    text.flush()
    content = buffer.getvalue()
    text.detach()
    return content
