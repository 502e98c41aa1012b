"""``review``: the open assumptions as a workbook, and the answers read back into the map.

The workbook is filled in with openpyxl as a person would in Excel (typing in the answer column
only), then applied with ``review --apply``; the map's comments stay, the settled assumption
lines go, ``check`` reports fewer findings, and every refused answer leaves the file untouched.
"""

from __future__ import annotations

import difflib
import io
import json
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from support.cli import run_cli
from support.paths import FIXTURES, HARMONIEN_YAML

import harmonien_ropa as hr
from harmonien_ropa.law.terms import label_cite
from harmonien_ropa.model.base import Statement
from harmonien_ropa.model.legal import LegalBasis, TransferMechanism
from harmonien_ropa.review import apply as review_apply
from harmonien_ropa.review.workbook import ANSWER, COMMENT, HEADER_ROW, PATH, TECHNICAL, WHO
from harmonien_ropa.source.i18n import strings
from harmonien_ropa.source.loading import loads_with_positions


@pytest.fixture
def harmonien_copy(tmp_path: Path) -> Path:
    target = tmp_path / "map" / "processing.yaml"
    target.parent.mkdir()
    shutil.copy(HARMONIEN_YAML, target)
    return target


def _export(data: Path, out: Path, *extra: str) -> Path:
    result = run_cli("review", "--data", str(data), "--out", str(out), *extra)
    assert result.returncode == 0, result.stderr
    return out / "review.xlsx"


def _rows(workbook: Path) -> dict[tuple[Any, ...], int]:
    """Hidden YAML path of each row → its 1-based row number."""
    sheet = openpyxl.load_workbook(workbook).worksheets[0]
    found = {}
    for r in range(HEADER_ROW + 2, sheet.max_row + 1):
        path = sheet.cell(r, PATH + 1).value
        if path:
            found[tuple(json.loads(path))] = r
    return found


def _answer(workbook: Path, answers: dict[tuple[Any, ...], Any], comment: str = "") -> None:
    book = openpyxl.load_workbook(workbook)
    sheet = book.worksheets[0]
    rows = _rows(workbook)
    for path, value in answers.items():
        sheet.cell(rows[path], ANSWER + 1).value = value
        if comment:
            sheet.cell(rows[path], COMMENT + 1).value = comment
    book.save(workbook)


def _findings(data: Path) -> int:
    result = run_cli("check", "--data", str(data), "--format", "json", "--fail-on", "never")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    findings = report["findings"] if isinstance(report, dict) else report
    return len(findings)


def _note_line(data: Path, path: tuple[Any, ...]) -> int:
    """The line of the note under ``assumptions:`` about ``path``."""
    loaded = loads_with_positions(data.read_text(encoding="utf-8"), str(data))
    return loaded.positions.find((*path[:-1], "assumptions", path[-1]))[0]


def _activity(datamap: hr.DataMap, assumed: str) -> int:
    return next(i for i, a in enumerate(datamap.activities) if assumed in a.assumptions)


def test_export_has_a_row_per_open_assumption_with_lists_and_who(
    harmonien_copy: Path, tmp_path: Path
) -> None:
    datamap = hr.load(harmonien_copy)
    workbook = _export(harmonien_copy, tmp_path / "out")
    rows = _rows(workbook)
    assert len(rows) == sum(1 for _ in datamap.assumptions()) >= 80
    book = openpyxl.load_workbook(workbook)
    sheet = book.worksheets[0]
    index = _activity(datamap, "legal_basis")
    row = rows[("activities", index, "legal_basis")]
    activity = datamap.activities[index]
    # Who should answer: the activity's business function.
    assert activity.business_function is not None
    assert sheet.cell(row, WHO + 1).value == activity.business_function.nb
    # Every cell a reader sees is in the map's first language (nb): the place as a path of
    # entries and fields, the field by its label, the value by its legal term; the YAML path
    # and line are kept in the technical column.
    assert activity.name.nb
    assert sheet.cell(row, 2).value == f"Behandlingsaktivitet «{activity.name.nb}» → behandlingsgrunnlag"  # fmt: skip
    assert sheet.cell(row, 3).value == "Behandlingsgrunnlag"
    assert activity.legal_basis is not None
    assert sheet.cell(row, 4).value == label_cite(activity.legal_basis, "nb")
    assert sheet.cell(row, TECHNICAL + 1).value == (
        f"processing.yaml:{_note_line(harmonien_copy, ('activities', index, 'legal_basis'))} · "
        f"activities[{index}].legal_basis"
    )
    seen = [sheet.cell(r, c).value for r in rows.values() for c in (2, 3, 4, 6)]
    assert not [text for text in seen if text and re.search(r"\b(legal_basis|true|false|contract|consent)\b", text)]  # fmt: skip
    # The answer cell offers the allowed values (the model's enum) as a drop-down list, each as
    # the legal term the notice and the record use.
    validation = next(v for v in sheet.data_validations.dataValidation if f"H{row}" in str(v.sqref).split())  # fmt: skip
    column = validation.formula1.split("$")[1]
    lists = book["lists"]
    offered = [c.value for c in lists[column] if c.value]
    assert offered == ["bekreftet", *(label_cite(basis, "nb") for basis in LegalBasis)]
    assert lists.sheet_state == "hidden"
    assert sheet.column_dimensions[openpyxl.utils.get_column_letter(PATH + 1)].hidden
    # The same map gives the same bytes (no clock in the workbook).
    assert _export(harmonien_copy, tmp_path / "again").read_bytes() == workbook.read_bytes()


def test_review_round_trip_writes_answers_keeps_comments_and_removes_assumptions(
    harmonien_copy: Path, tmp_path: Path
) -> None:
    before_text = harmonien_copy.read_text(encoding="utf-8")
    datamap = hr.load(harmonien_copy)
    before_findings = _findings(harmonien_copy)
    workbook = _export(harmonien_copy, tmp_path / "out", "--lang", "en")
    basis = _activity(datamap, "legal_basis")
    current = datamap.activities[basis].legal_basis
    assert current is not None
    other = next(b for b in LegalBasis if b != current).value
    answers: dict[tuple[Any, ...], Any] = {
        ("activities", basis, "legal_basis"): other,
        ("organisation", "website"): "confirmed",
        ("notice", "effective_date"): "2027-01-01",
        ("record", "maintained_by"): "Kari Nordmann, personvernansvarlig",
    }
    _answer(workbook, answers, comment="checked with the board")
    result = run_cli("review", "--apply", str(workbook), "--data", str(harmonien_copy))
    assert result.returncode == 0, result.stderr
    assert "4 assumption(s) settled" in result.stdout
    assert f"'{current.value}' → '{other}'" in result.stdout
    assert "confirmed 'https://harmonien.no/'" in result.stdout
    after_text = harmonien_copy.read_text(encoding="utf-8")
    after = hr.load(harmonien_copy)
    assert after.activities[basis].legal_basis == other
    assert "legal_basis" not in after.activities[basis].assumptions
    assert "website" not in after.organisation.assumptions
    assert str(after.notice.effective_date) == "2027-01-01"
    assert after.record.maintained_by == "Kari Nordmann, personvernansvarlig"
    assert sum(1 for _ in after.assumptions()) == sum(1 for _ in datamap.assumptions()) - 4
    # Comments and layout kept: every comment line is still there, and only the lines of the
    # answered values and their notes changed.
    comments = [line for line in before_text.splitlines() if line.lstrip().startswith("#")]
    assert comments
    assert comments == [x for x in after_text.splitlines() if x.lstrip().startswith("#")]
    diff = list(difflib.ndiff(before_text.splitlines(), after_text.splitlines()))
    added = [line[2:] for line in diff if line.startswith("+ ")]
    removed = [line[2:] for line in diff if line.startswith("- ")]
    assert added == [
        "  effective_date: 2027-01-01",
        "  maintained_by: Kari Nordmann, personvernansvarlig",
        f"    legal_basis: {other}",
    ]
    # The old values and the four notes (some over several lines), nothing else.
    assert len(removed) < 20
    assert all(line.startswith(" ") for line in removed)
    assert _findings(harmonien_copy) < before_findings
    assert list(harmonien_copy.parent.iterdir()) == [harmonien_copy]


def test_an_answer_not_allowed_is_refused_with_its_cell(
    harmonien_copy: Path, tmp_path: Path
) -> None:
    before = harmonien_copy.read_bytes()
    datamap = hr.load(harmonien_copy)
    workbook = _export(harmonien_copy, tmp_path / "out")
    basis = _activity(datamap, "legal_basis")
    path = ("activities", basis, "legal_basis")
    _answer(workbook, {path: "because we want to", ("organisation", "website"): "bekreftet"})
    row = _rows(workbook)[path]
    result = run_cli("review", "--apply", str(workbook), "--data", str(harmonien_copy))
    assert result.returncode == 2
    assert f"review.xlsx: Antakelser!H{row}: activities[{basis}].legal_basis:" in result.stderr
    assert "er ikke en av verdiene feltet tar" in result.stderr  # the workbook's language
    assert "ingenting skrevet" in result.stderr
    assert "Traceback" not in result.stderr
    assert harmonien_copy.read_bytes() == before


def test_a_value_changed_since_the_export_is_refused(harmonien_copy: Path, tmp_path: Path) -> None:
    workbook = _export(harmonien_copy, tmp_path / "out")
    _answer(workbook, {("organisation", "website"): "bekreftet"})
    text = harmonien_copy.read_text(encoding="utf-8")
    assert "website: https://harmonien.no/" in text
    harmonien_copy.write_text(
        text.replace("website: https://harmonien.no/", "website: https://harmonien.no/en/"),
        encoding="utf-8",
    )
    before = harmonien_copy.read_bytes()
    result = run_cli("review", "--apply", str(workbook), "--data", str(harmonien_copy))
    assert result.returncode == 2
    assert "changed since the export" in result.stderr
    assert harmonien_copy.read_bytes() == before


def test_answers_that_make_the_map_invalid_are_refused(
    harmonien_copy: Path, tmp_path: Path
) -> None:
    # An appointed data-protection officer needs a way to reach them, which the map lacks.
    workbook = _export(harmonien_copy, tmp_path / "out")
    _answer(workbook, {("organisation", "dpo", "appointed"): "true"})
    before = harmonien_copy.read_bytes()
    result = run_cli("review", "--apply", str(workbook), "--data", str(harmonien_copy))
    assert result.returncode == 2
    assert "would make the map invalid" in result.stderr
    assert "processing.yaml:" in result.stderr
    assert harmonien_copy.read_bytes() == before


def test_not_a_workbook_and_stdin_are_usage_errors(harmonien_copy: Path, tmp_path: Path) -> None:
    fake = tmp_path / "review.xlsx"
    fake.write_text("name,answer\n", encoding="utf-8")
    result = run_cli("review", "--apply", str(fake), "--data", str(harmonien_copy))
    assert result.returncode == 2
    assert "not an Excel workbook" in result.stderr
    other = tmp_path / "other.xlsx"
    other.write_bytes(run_cli_xlsx())
    result = run_cli("review", "--apply", str(other), "--data", str(harmonien_copy))
    assert result.returncode == 2
    assert "not a review workbook" in result.stderr
    result = run_cli("review", "--apply", str(other), "--data", "-")
    assert result.returncode == 2
    assert "not standard input" in result.stderr


def run_cli_xlsx() -> bytes:
    book = openpyxl.Workbook()
    book.active["A1"] = "hello"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_failed_write_leaves_the_map_and_no_temporary_file(
    harmonien_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workbook = _export(harmonien_copy, tmp_path / "out")
    _answer(workbook, {("organisation", "website"): "bekreftet"})
    before = harmonien_copy.read_bytes()

    def full(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(review_apply.os, "replace", full)
    result = run_cli("review", "--apply", str(workbook), "--data", str(harmonien_copy))
    assert result.returncode == 3
    assert "No space left on device" in result.stderr
    assert harmonien_copy.read_bytes() == before
    assert os.listdir(harmonien_copy.parent) == [harmonien_copy.name]


def test_unanswered_workbook_changes_nothing(harmonien_copy: Path, tmp_path: Path) -> None:
    workbook = _export(harmonien_copy, tmp_path / "out")
    before = harmonien_copy.read_bytes()
    result = run_cli("review", "--apply", str(workbook), "--data", str(harmonien_copy))
    assert result.returncode == 0, result.stderr
    assert "no answers to apply" in result.stdout
    assert harmonien_copy.read_bytes() == before


def test_workbook_speaks_the_map_s_language_and_reads_labels_back(tmp_path: Path) -> None:
    # A map published in nynorsk only: the workbook is in nynorsk without --lang, its lists
    # offer the legal terms in nynorsk, and an answer given as a label (of any language) or as
    # the code is written into the map as the code.
    data = tmp_path / "kor.yaml"
    text = (FIXTURES / "nynorsk.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "    dpia: {status: not_needed, reason: {nn: Lite omfang.}}\n",
        "    dpia: {status: not_needed, reason: {nn: Lite omfang.}}\n"
        "    assumptions:\n"
        "      legal_basis: Medlemsvilkåra er lesne som ein avtale.\n"
        "      retention: Praksis i styret.\n"
        "      transfers: Overføringa er ikkje stadfesta.\n",
    )
    text = text.replace(
        "        mechanism: scc\n",
        "        mechanism: scc\n        assumptions: {mechanism: Ikkje stadfesta.}\n",
    )
    data.write_text(text, encoding="utf-8")
    workbook = _export(data, tmp_path / "out")
    book = openpyxl.load_workbook(workbook)
    sheet = book.worksheets[0]
    assert sheet.title == "Føresetnader"
    rows = _rows(workbook)
    basis = rows[("activities", 0, "legal_basis")]
    assert sheet.cell(basis, 2).value == "Behandlingsaktivitet «Medlemskap» → behandlingsgrunnlag"
    assert sheet.cell(basis, 4).value == label_cite(LegalBasis.CONTRACT, "nn")
    mechanism = rows[("activities", 0, "transfers", 0, "mechanism")]
    assert sheet.cell(mechanism, 2).value == (
        "Behandlingsaktivitet «Medlemskap» → overføring 1 → overføringsgrunnlag"
    )
    # The nynorsk label of consent, and the English label of a transfer mechanism.
    _answer(
        workbook,
        {
            ("activities", 0, "legal_basis"): label_cite(LegalBasis.CONSENT, "nn"),
            ("activities", 0, "transfers", 0, "mechanism"): label_cite(TransferMechanism.BCR, "en"),
            ("activities", 0, "transfers"): "bekrefta",
            ("activities", 0, "retention"): "bekrefta",
        },
    )
    result = run_cli("review", "--apply", str(workbook), "--data", str(data))
    assert result.returncode == 0, result.stderr
    after = hr.load(data)
    assert after.activities[0].legal_basis == LegalBasis.CONSENT
    assert after.activities[0].transfers[0].mechanism == TransferMechanism.BCR
    assert "legal_basis: consent\n" in data.read_text(encoding="utf-8")
    assert not list(after.assumptions())
    # A period in words, not as ISO 8601.
    assert sheet.cell(rows[("activities", 0, "retention")], 4).value.startswith(
        "tekst: Blir sletta eitt år etter utmelding.; periode: 1 år; "
    )
    # --lang chooses another language.
    workbook = _export(data, tmp_path / "again", "--lang", "en")
    assert openpyxl.load_workbook(workbook).worksheets[0].title == "Assumptions"


def test_every_field_an_assumption_can_be_about_has_a_label_in_every_language() -> None:
    # A field added to the model without a label would show its YAML key to the readers.
    import harmonien_ropa.model.datamap  # noqa: F401 - every model of the map, registered

    def subclasses(cls: type[Statement]) -> Iterator[type[Statement]]:
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    fields = {field for model in subclasses(Statement) for field in model.statement_fields()}
    assert len(fields) > 100
    for lang in ("nb", "nn", "en"):
        labels = strings("fields", lang)
        assert sorted(field for field in fields if field not in labels) == [], lang
    lists = {"activities", "systems", "parties", "data_subjects", "data_categories", "transfers"}
    assert all(f"item_{name}" in strings("fields", "nb") for name in lists)


def test_an_entry_in_flow_style_is_refused_with_what_to_do(tmp_path: Path) -> None:
    data = tmp_path / "processing.yaml"
    text = (FIXTURES / "review_layout.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "  - id: members\n    name: {nb: medlemmer, en: members}\n",
        "  - {id: members, name: {nb: medlemmer, en: members}, assumptions: {name: Antatt.}}\n",
    )
    data.write_text(text, encoding="utf-8")
    workbook = _export(data, tmp_path / "out")
    _answer(workbook, {("data_subjects", 0, "name"): "bekreftet"})
    before = data.read_bytes()
    result = run_cli("review", "--apply", str(workbook), "--data", str(data))
    assert result.returncode == 2
    assert "flow style" in result.stderr
    assert "by hand" in result.stderr
    assert "Traceback" not in result.stderr
    assert data.read_bytes() == before
