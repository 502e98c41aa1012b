"""The record's files: CSV, XLSX and JSON read back, determinism, the schema command."""

from __future__ import annotations

import csv
import gc
import io
import json
from dataclasses import fields
from pathlib import Path
from typing import Any

import jsonschema
import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support.cli import render_with_cli
from support.paths import HARMONIEN_YAML, SMALL_YAML

import harmonien_ropa as hr
from harmonien_ropa.cli import main
from harmonien_ropa.law.terms import label
from harmonien_ropa.outputs import RenderOptions
from harmonien_ropa.outputs.record_formats.csv_file import record_csv
from harmonien_ropa.outputs.record_formats.json_file import record_json
from harmonien_ropa.outputs.record_formats.json_format import JsonRecord
from harmonien_ropa.outputs.record_formats.pages import record_html, record_markdown
from harmonien_ropa.outputs.record_formats.xlsx_file import record_xlsx
from harmonien_ropa.record import Cell, Column, Record, Row, Table, build_record
from harmonien_ropa.schema.json_schemas import record_schema
from harmonien_ropa.source.i18n import strings

#: Activity fields the record shows (the notice-only ones, e.g. provision, are not).
SHOWN_FIELDS = {
    "name", "business_function", "purpose", "data_subjects", "data_categories", "recipients",
    "systems", "transfers", "retention", "security_measures", "legal_basis", "legal_source",
    "art9_condition", "legitimate_interest", "balancing_test", "sources", "profiling",
    "automated_decisions", "dpia",
}  # fmt: skip
FILES = {
    "record.nb.html",
    "record.en.html",
    "record.nb.md",
    "record.en.md",
    "record.csv",
    "record.xlsx",
    "record.json",
}


def files(datamap: hr.DataMap, languages: tuple[str, ...] = ("nb", "en")) -> dict[str, bytes]:
    result = hr.render(datamap, ["record"], RenderOptions(languages=languages))
    return {a.path: a.content for a in result.artifacts}


def read_csv(content: bytes) -> list[list[str]]:
    assert content.startswith(b"\xef\xbb\xbf"), "the CSV starts with a UTF-8 byte-order mark"
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))


def test_outputs(harmonien: hr.DataMap, small: hr.DataMap) -> None:
    assert set(files(harmonien)) == FILES
    assert set(files(small)) == {*FILES, "record.processor.csv"}
    assert set(files(small, ("en",))) == {
        "record.en.html",
        "record.en.md",
        "record.csv",
        "record.processor.csv",
        "record.xlsx",
        "record.json",
    }


# -- CSV -------------------------------------------------------------------------------------


def test_csv_reads_back_as_the_model(harmonien: hr.DataMap) -> None:
    rows = read_csv(files(harmonien)["record.csv"])
    record = build_record(harmonien, "nb")
    s = strings("record", "nb")
    assert rows[0] == [c.label for c in record.activities.columns] + [s["col_provenance"]]
    assert "Formålene med behandlingen" in rows[0]
    body = rows[1:]
    assert [r[0] for r in body] == [a.id for a in harmonien.controller_activities]
    header = rows[0]
    for act, row in zip(harmonien.controller_activities, body, strict=True):
        value = dict(zip(header, row, strict=True))
        assert value["Behandlingsaktivitet"] == act.name.get("nb")
        assert value["Kategorier av registrerte"].split("\n") == [
            d.name.get("nb") for d in harmonien.subjects_of(act)
        ]
        assert value["Kategorier av personopplysninger"].split("\n") == [
            c.name.get("nb") for c in harmonien.categories_of(act)
        ]
        for field in act.assumptions.keys() & SHOWN_FIELDS:
            assert " ".join(act.assumptions[field].split()) in value[s["col_provenance"]]
    accounting = dict(zip(header, body[-1], strict=True))
    assert "fødselsnummer" in accounting["Kategorier av personopplysninger"]


def test_csv_formula_injection_is_inert(small: hr.DataMap) -> None:
    text = SMALL_YAML.read_text(encoding="utf-8").replace(
        "purpose: {nb: Å administrere medlemskapet., en: To administer the membership.}",
        """purpose: {nb: '=HYPERLINK("http://x")', en: '@SUM(1+1)'}""",
    )
    datamap = hr.loads(text, "small.yaml")
    out = files(datamap)
    rows = read_csv(out["record.csv"])
    purpose = rows[0].index("Formålene med behandlingen")
    assert rows[1][purpose] == """'=HYPERLINK("http://x")"""
    rows_en = read_csv(files(datamap, ("en",))["record.csv"])
    assert rows_en[1][rows_en[0].index("Purposes of the processing")] == "'@SUM(1+1)"
    # XLSX stores text, never a formula.
    book = openpyxl.load_workbook(io.BytesIO(out["record.xlsx"]))
    sheet = book["Behandlingsaktiviteter"]
    header = [c.value for c in sheet[1]]
    cell = sheet.cell(row=2, column=header.index("Formålene med behandlingen") + 1)
    assert cell.data_type == "s"
    assert cell.value == '=HYPERLINK("http://x")'


_NOT_TABLES = {"lang", "title", "organisation", "processor"}
_DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.text(min_size=1, max_size=30), max_size=3), min_size=1, max_size=4))
def test_csv_cells_never_start_a_formula(values: list[list[str]]) -> None:
    columns = tuple(Column(f"c{i}", f"C{i}") for i in range(len(values)))
    table = Table("activities", "T", columns, (Row("r", tuple(Cell(tuple(v)) for v in values)),))
    tables = {f.name: table for f in fields(Record) if f.name not in _NOT_TABLES}
    record = Record(lang="en", title="T", organisation="O", processor=None, **tables)
    rows = read_csv(record_csv(record, table))
    assert len(rows) == 2
    for original, written in zip(values, rows[1], strict=False):
        assert not written.startswith(_DANGEROUS)
        joined = "\n".join(original)
        assert written in (joined, "'" + joined)


def _width(sheet: Any, index: int) -> int:
    """The width set for column ``index`` (1-based), in whole characters."""
    for dim in sheet.column_dimensions.values():
        if dim.min <= index <= dim.max:
            return int(dim.width)
    raise AssertionError(f"no width set for column {index}")


# -- XLSX ------------------------------------------------------------------------------------


def test_xlsx_reads_back_as_the_model(harmonien: hr.DataMap) -> None:
    book = openpyxl.load_workbook(io.BytesIO(files(harmonien)["record.xlsx"]))
    s = strings("record", "nb")
    assert book.sheetnames == [
        s["sheet_about"],
        s["sheet_activities"],
        s["sheet_systems"],
        s["sheet_parties"],
        s["sheet_data_categories"],
        s["sheet_transfers"],
        s["sheet_gaps"],
        s["sheet_assumptions"],
    ]
    record = build_record(harmonien, "nb")
    expected = {
        s["sheet_activities"]: (record.activities, harmonien.controller_activities),
        s["sheet_systems"]: (record.systems, harmonien.systems),
        s["sheet_parties"]: (record.parties, harmonien.parties),
        s["sheet_data_categories"]: (record.data_categories, harmonien.data_categories),
    }
    for name, (table, entries) in expected.items():
        sheet = book[name]
        header = [c.value for c in sheet[1]]
        assert header == [c.label for c in table.columns] + [s["col_provenance"]]
        assert sheet.freeze_panes == "A2"
        assert (
            sheet.auto_filter.ref == f"A1:{sheet.cell(1, len(header)).column_letter}{sheet.max_row}"
        )
        assert sheet.max_row == len(entries) + 1
        assert [sheet.cell(r, 1).value for r in range(2, sheet.max_row + 1)] == [
            e.id for e in entries
        ]
        assert [_width(sheet, i) for i in range(1, len(header) + 1)] == [
            min(c.width, 60) for c in table.columns
        ] + [60]
        assert sheet.cell(2, 2).alignment.wrap_text
    sheet = book[s["sheet_activities"]]
    header = [c.value for c in sheet[1]]
    for index, act in enumerate(harmonien.controller_activities, start=2):

        def value(label: str, row: int = index) -> str:
            result = sheet.cell(row, header.index(label) + 1).value
            assert isinstance(result, str)
            return result

        assert value("Behandlingsaktivitet") == act.name.get("nb")
        assert value("Kategorier av personopplysninger").split("\n") == [
            c.name.get("nb") for c in harmonien.categories_of(act)
        ]
        assert act.legal_basis is not None
        assert value("Behandlingsgrunnlag").startswith(label(act.legal_basis, "nb"))
        basis = sheet.cell(index, header.index("Behandlingsgrunnlag") + 1)
        shaded = basis.fill.fgColor.rgb not in (None, "00000000")
        assert shaded == act.is_assumed("legal_basis")
    transfers = book[s["sheet_transfers"]]
    assert transfers.max_row - 1 == sum(len(a.transfers) for a in harmonien.activities)
    assumptions = book[s["sheet_assumptions"]]
    assert assumptions.max_row - 1 == sum(1 for _ in harmonien.assumptions())
    assert book.properties.created is not None
    assert book.properties.created.date() == harmonien.record.effective_date


def test_formats_leave_no_reference_cycles(small: hr.DataMap) -> None:
    """Every format frees its working memory at once (a large record's would otherwise stay
    until the next full garbage collection)."""
    record = build_record(small, "nb")
    makers = [
        lambda: record_xlsx(record, small.record.effective_date),
        lambda: record_html(record),
        lambda: record_markdown(record),
        lambda: record_json([record]),
        lambda: record_csv(record, record.activities),
    ]
    gc.collect()
    gc.disable()
    try:
        for make in makers:
            assert make()
            assert gc.collect() == 0
    finally:
        gc.enable()


def test_xlsx_processor_sheet(small: hr.DataMap) -> None:
    book = openpyxl.load_workbook(io.BytesIO(files(small, ("en",))["record.xlsx"]))
    assert "Processor record" in book.sheetnames
    sheet = book["Processor record"]
    assert sheet.cell(2, 1).value == "ticket-service"
    header = [c.value for c in sheet[1]]
    client = sheet.cell(2, header.index("Controller on whose behalf we process") + 1).value
    assert isinstance(client, str)
    assert client.startswith("Konsertarrangør AS")


# -- JSON ------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [HARMONIEN_YAML, SMALL_YAML])
def test_json_validates_against_its_schema(path: Path) -> None:
    datamap = hr.load(path)
    document = json.loads(files(datamap)["record.json"])
    schema = record_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(document)
    assert document["languages"] == ["nb", "en"]
    broken = json.loads(json.dumps(document))
    broken["tables"][2]["rows"][0]["cells"]["purpose"]["status"] = "guessed"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema, cls=jsonschema.Draft202012Validator)


def test_json_states_provenance_only_when_not_stated(small: hr.DataMap) -> None:
    """A cell gives ``status`` and ``assumptions`` exactly when it is assumed or missing."""
    document = json.loads(files(small)["record.json"])
    JsonRecord.model_validate(document)
    record = build_record(small, "nb")
    seen = set()
    for table, data in zip(record.tables(), document["tables"], strict=True):
        for row, data_row in zip(table.rows, data["rows"], strict=True):
            for column, cell in zip(table.columns, row.cells, strict=True):
                written = data_row["cells"][column.key]
                assert ("status" in written) == (cell.status != "stated")
                assert written.get("status", "stated") == cell.status
                assert written.get("assumptions", []) == [
                    {"path": a.path, "note": a.note} for a in cell.assumptions
                ]
                seen.add(cell.status)
    assert seen == {"stated", "assumed", "missing"}


def test_formats_agree(harmonien: hr.DataMap) -> None:
    """CSV, XLSX and JSON give the same value for every cell of the activities table."""
    out = files(harmonien)
    document = json.loads(out["record.json"])
    activities = next(t for t in document["tables"] if t["key"] == "activities")
    csv_rows = read_csv(out["record.csv"])[1:]
    sheet = openpyxl.load_workbook(io.BytesIO(out["record.xlsx"]))["Behandlingsaktiviteter"]
    for index, row in enumerate(activities["rows"]):
        for col, column in enumerate(activities["columns"]):
            cell = row["cells"][column["key"]]
            joined = "\n".join(cell["values"]["nb"])
            assert csv_rows[index][col].removeprefix("'") == joined
            assert (sheet.cell(index + 2, col + 1).value or "") == joined


def test_schema_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "--record"]) == 0
    assert json.loads(capsys.readouterr().out) == record_schema()
    assert main(["schema"]) == 0
    assert "organisation" in json.loads(capsys.readouterr().out)["properties"]


# -- determinism -----------------------------------------------------------------------------


def test_two_renders_are_byte_identical(harmonien: hr.DataMap, small: hr.DataMap) -> None:
    for datamap in (harmonien, small):
        first, second = files(datamap), files(datamap)
        assert first == second
        assert hr.load(HARMONIEN_YAML) is not harmonien
    assert files(hr.load(HARMONIEN_YAML)) == files(harmonien)


def test_the_command_writes_the_record_files(tmp_path: Path) -> None:
    # Byte-identical across hash seeds and processes: tests/test_determinism.py, for every output.
    written = render_with_cli(tmp_path, "record")
    assert set(written) == FILES
    assert written == files(hr.load(HARMONIEN_YAML))


def test_a_map_without_activities_still_renders() -> None:
    datamap = hr.from_data(
        {
            "organisation": {"name": "Tom", "org_number": "123456785"},
            "notice": {"version": "1", "effective_date": "2026-01-01"},
            "record": {"version": "1", "effective_date": "2026-01-01"},
        }
    )
    out = files(datamap)
    assert set(out) == FILES
    assert read_csv(out["record.csv"])[1:] == []
    jsonschema.validate(
        json.loads(out["record.json"]), record_schema(), cls=jsonschema.Draft202012Validator
    )
    book = openpyxl.load_workbook(io.BytesIO(out["record.xlsx"]))
    assert book["Behandlingsaktiviteter"].max_row == 1
    gaps = book["Mangler"]
    assert gaps.max_row == 1, "no activity, so no item of Art. 30 or 13 is missing"


def test_files_handed_over_as_made_are_the_files_kept_otherwise(harmonien: hr.DataMap) -> None:
    from harmonien_ropa.outputs import RenderOptions, renderer
    from harmonien_ropa.outputs.staging import Artifact

    kept = renderer("record")(harmonien, RenderOptions())
    handed: list[Artifact] = []
    streamed = renderer("record")(harmonien, RenderOptions(deliver=handed.append))
    assert streamed.artifacts == []
    assert streamed.messages == kept.messages
    assert sorted(handed, key=lambda a: a.path) == sorted(kept.artifacts, key=lambda a: a.path)
    assert [a.path for a in kept.artifacts][:2] == ["record.nb.html", "record.nb.md"]


def test_xlsx_keeps_texts_longer_than_a_cell_on_the_overflow_sheet() -> None:
    """Excel holds 32,767 characters in a cell; a longer text is never cut silently: the cell
    shows its beginning and a pointer, the overflow sheet the whole text, piece by piece."""
    from harmonien_ropa.outputs.record_formats.xlsx_file import CELL_LIMIT

    # Three measures of 15,000 characters, joined in one cell: 1.4 cells of text, with
    # characters outside the BMP (two UTF-16 units each) and a start that a spreadsheet would
    # read as a formula.
    measures = {
        "nb": ["=" + "Å lagre 🎻 data. " * 900, *("Kryptert lagring. " * 830,) * 2],
        "en": ["x" * 15_000, "y" * 15_000, "z" * 15_000],
    }
    listed = ", ".join(
        f'{{nb: "{nb}", en: "{en}"}}' for nb, en in zip(measures["nb"], measures["en"], strict=True)
    )
    text = SMALL_YAML.read_text(encoding="utf-8").replace(
        "    security_measures:\n      - {nb: tilgangskontroll, en: access control}\n",
        f"    security_measures: [{listed}]\n",
    )
    datamap = hr.loads(text)
    for lang in ("nb", "en"):
        long = "\n".join(measure.strip() for measure in measures[lang])
        assert len(long) > CELL_LIMIT
        book = openpyxl.load_workbook(io.BytesIO(files(datamap, (lang,))["record.xlsx"]))
        s = strings("record", lang)
        overflow = book[s["sheet_overflow"]]
        rows = [tuple(c.value for c in row) for row in overflow.iter_rows(min_row=4, max_col=4)]
        assert {(sheet, cell) for sheet, cell, _, _ in rows} == {
            (s["sheet_activities"], next(iter({cell for _, cell, _, _ in rows})))
        }
        sheet_name, cell_ref, _, _ = rows[0]
        whole = "".join(piece for _, _, _, piece in rows)
        assert whole == long
        assert [part for _, _, part, _ in rows] == [
            f"{n}/{len(rows)}" for n in range(1, len(rows) + 1)
        ]
        assert all(len(piece.encode("utf-16-le")) // 2 <= CELL_LIMIT for *_, piece in rows)
        shown = book[sheet_name][cell_ref].value
        assert len(shown.encode("utf-16-le")) // 2 <= CELL_LIMIT
        beginning, pointer = shown.rsplit("\n", 1)
        assert long.startswith(beginning)
        assert len(beginning) > CELL_LIMIT // 2
        assert s["sheet_overflow"] in pointer
        assert f"4–{3 + len(rows)}" in pointer
    # A map without long texts has no overflow sheet.
    book = openpyxl.load_workbook(io.BytesIO(files(hr.load(SMALL_YAML), ("en",))["record.xlsx"]))
    assert strings("record", "en")["sheet_overflow"] not in book.sheetnames
