"""Reading the label/value tables of a rendered HTML record back into text."""

from __future__ import annotations

from html.parser import HTMLParser

from harmonien_ropa.outputs.record_formats.pages import record_html
from harmonien_ropa.record import Record


class _ItemRows(HTMLParser):
    """Rows of the label/value tables of an HTML record: (section id, row class, th, td)."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[str, str, str, str]] = []
        self._section = ""
        self._row: list[str] | None = None
        self._cls = ""
        self._cell: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "h3":
            self._section = values.get("id") or ""
        elif tag == "tr":
            self._row, self._cls = [], values.get("class") or ""
        elif tag in ("th", "td") and self._row is not None:
            self._cell = ""

    def handle_endtag(self, tag: str) -> None:
        if tag in ("th", "td") and self._row is not None and self._cell is not None:
            self._row.append(" ".join(self._cell.split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            if len(self._row) == 2:
                self.rows.append((self._section, self._cls, self._row[0], self._row[1]))
            self._row = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell += data


def html_rows(record: Record) -> list[tuple[str, str, str, str]]:
    parser = _ItemRows()
    parser.feed(record_html(record).decode("utf-8"))
    return parser.rows
