"""The review workbook: ``review.xlsx`` written with XlsxWriter, read back with openpyxl.

Sheet one has a row per open assumption (:mod:`harmonien_ropa.review.rows`) with the answer
column ``Answer`` (a drop-down list of the allowed values where the field takes one of a
vocabulary) and a free comment column. Two hidden columns carry what the answer is checked
against when it is read back: the value's YAML path (JSON) and the hash of the value at export.
A hidden sheet holds the lists behind the drop-downs and the workbook's format marker.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..source.i18n import strings
from . import labels
from .fields import Kind
from .labels import capitalised
from .rows import Loc, Row, dotted

#: The marker in the hidden sheet's first cell: a workbook without it is not a review workbook.
FORMAT = "harmonien-ropa review 1"
LISTS_SHEET = "lists"
#: Visible columns, in order (keys of ``templates/i18n/review.yaml``): what a reader needs, in
#: the workbook's language; then answer and comment, the technical place in the map for
#: reference (file:line and YAML path), and the hidden columns read back.
COLUMNS = ("number", "where", "field", "current", "note", "question", "who")
WHO = COLUMNS.index("who")
ANSWER, COMMENT, TECHNICAL = len(COLUMNS), len(COLUMNS) + 1, len(COLUMNS) + 2
PATH, DIGEST = len(COLUMNS) + 3, len(COLUMNS) + 4
_WIDTHS = (5, 40, 22, 34, 50, 44, 26, 30, 30, 34, 10, 10)
#: The header row (0-based): the title and instructions sit above it.
HEADER_ROW = 3
#: The workbook's fixed creation date: the bytes depend on the map alone.
_CREATED = dt.datetime(2000, 1, 1)


def column_letter(index: int) -> str:
    """``0`` → ``A``, ``26`` → ``AA``."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def write(rows: Iterable[Row], *, lang: str, organisation: str, source: str) -> bytes:
    """The workbook for ``rows``; ``source`` is the map's name as shown in the 'where' column."""
    import xlsxwriter

    s = strings("review", lang)
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_formulas": False})
    book.set_properties(
        {"title": s["title"].format(organisation=organisation), "created": _CREATED}
    )
    sheet = book.add_worksheet(s["sheet"][:31])
    lists = book.add_worksheet(LISTS_SHEET)
    lists.hide()
    lists.write_string(0, 0, FORMAT)
    lists.write_string(1, 0, lang)
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    head = book.add_format({"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#E8EDF3", "border": 1})  # fmt: skip
    answer = book.add_format({"text_wrap": True, "valign": "top", "bg_color": "#FFF8E1", "border": 1, "locked": False})  # fmt: skip
    bold = book.add_format({"bold": True, "font_size": 14})
    sheet.write_string(0, 0, s["title"].format(organisation=organisation), bold)
    sheet.write_string(1, 0, s["instructions"])
    for index, width in enumerate(_WIDTHS):
        sheet.set_column(index, index, width, wrap, {"hidden": index >= PATH})
    headers = [*(s[key] for key in COLUMNS), s["answer"], s["comment"], s["technical"], "path", "hash"]  # fmt: skip
    for col, text in enumerate(headers):
        sheet.write_string(HEADER_ROW, col, text, head)
    list_columns: dict[tuple[str, ...], str] = {}
    count = 0
    for count, row in enumerate(rows, start=1):
        r = HEADER_ROW + count
        values = (
            str(count),
            capitalised(row.place),
            capitalised(row.field),
            row.current,
            row.note,
            _question(s, row),
            row.who,
        )
        sheet.write_number(r, 0, count, wrap)
        for col, value in enumerate(values[1:], start=1):
            sheet.write_string(r, col, value, wrap)
        sheet.write_blank(r, ANSWER, None, answer)
        sheet.write_blank(r, COMMENT, None, answer)
        sheet.write_string(r, TECHNICAL, f"{source}:{row.line} · {dotted(row.path)}", wrap)
        sheet.write_string(r, PATH, json.dumps(list(row.path), ensure_ascii=False))
        sheet.write_string(r, DIGEST, row.digest)
        offered = labels.choices(row.kind, lang)
        choices = (s["confirmed"], *offered) if offered else ()
        if choices:
            if choices not in list_columns:
                col = len(list_columns) + 1
                for i, choice in enumerate(choices):
                    lists.write_string(i, col, choice)
                letter = column_letter(col)
                list_columns[choices] = f"={LISTS_SHEET}!${letter}$1:${letter}${len(choices)}"
            sheet.data_validation(
                r,
                ANSWER,
                r,
                ANSWER,
                {
                    "validate": "list",
                    "source": list_columns[choices],
                    "error_title": s["answer"],
                    "error_message": ", ".join(choices)[:255],
                },
            )
    sheet.freeze_panes(HEADER_ROW + 1, 0)
    sheet.autofilter(HEADER_ROW, 0, HEADER_ROW + count, COMMENT)
    sheet.set_row(HEADER_ROW, 30)
    sheet.activate()
    book.close()
    return out.getvalue()


def _question(s: Any, row: Row) -> str:
    key = {
        Kind.CHOICE: "question_choice",
        Kind.BOOLEAN: "question_choice",
        Kind.DATE: "question_date",
        Kind.FIXED: "question_fixed",
    }.get(row.kind.kind, "question_value")
    return str(s[key].format(field=row.field, entry=row.entry))


@dataclass(frozen=True, slots=True)
class Answer:
    """An answered row of a returned workbook."""

    cell: str  # e.g. "Assumptions!I7"
    path: Loc
    digest: str
    value: Any  # the cell's value: text, number, date or bool
    comment: str
    comment_cell: str = ""  # e.g. "Assumptions!J7", where the comment was written


class WorkbookError(ValueError):
    """The file is not a review workbook this version can read."""


def read(data: bytes, name: str) -> list[Answer]:
    """Every answered row of the review workbook ``data`` (``name`` is used in messages)."""
    import zipfile

    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise WorkbookError(
            f"{name}: not an Excel workbook ({type(error).__name__}); give the review.xlsx "
            "that `harmonien-ropa review --out DIR` wrote, saved as .xlsx"
        ) from None
    if LISTS_SHEET not in book.sheetnames or book[LISTS_SHEET]["A1"].value != FORMAT:
        raise WorkbookError(
            f"{name}: not a review workbook (its hidden sheet '{LISTS_SHEET}' with "
            f"'{FORMAT}' is missing); make one with `harmonien-ropa review --out DIR`"
        )
    sheet = book.worksheets[0]
    answers = []
    for number, cells in enumerate(sheet.iter_rows(min_row=HEADER_ROW + 2, values_only=True)):
        r = HEADER_ROW + 2 + number
        padded = [*cells, *([None] * (DIGEST + 1 - len(cells)))]
        value, comment = padded[ANSWER], padded[COMMENT]
        if value is None or (isinstance(value, str) and not value.strip()):
            if comment:
                answers.append(_answer(sheet.title, r, padded, None, name))
            continue
        answers.append(_answer(sheet.title, r, padded, value, name))
    return answers


def _answer(title: str, r: int, cells: list[Any], value: Any, name: str) -> Answer:
    cell = f"{title}!{column_letter(ANSWER)}{r}"
    raw_path, digest = cells[PATH], cells[DIGEST]
    try:
        path = json.loads(raw_path) if isinstance(raw_path, str) else None
    except json.JSONDecodeError:
        path = None
    if not (isinstance(path, list) and path and all(isinstance(p, str | int) for p in path)):
        raise WorkbookError(
            f"{name}: {title}!{column_letter(PATH)}{r}: the row's hidden path is missing or "
            "changed; answer only in the answer and comment columns of a fresh export"
        )
    comment = cells[COMMENT]
    return Answer(
        cell=cell,
        path=tuple(path),
        digest=str(digest or ""),
        value=value,
        comment=" ".join(str(comment).split()) if comment else "",
        comment_cell=f"{title}!{column_letter(COMMENT)}{r}",
    )
