"""``review --apply`` on a small starter map, answered as a board would in Excel: a value picked
from a drop-down list that is the one the map already holds is a confirmation, and a comment is
reported with the cell it was written in."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
from support.cli import run_cli

from harmonien_ropa.law.terms import label_cite
from harmonien_ropa.model.legal import LegalBasis
from harmonien_ropa.review.workbook import ANSWER, COMMENT, HEADER_ROW, PATH


def _starter(tmp_path: Path) -> tuple[Path, Path]:
    data = tmp_path / "data" / "processing.yaml"
    assert run_cli("init", "--yes", "--lang", "nb", str(data)).returncode == 0
    assert run_cli("review", "--data", str(data), "--out", str(tmp_path / "review")).returncode == 0  # fmt: skip
    return data, tmp_path / "review" / "review.xlsx"


def _row(sheet: object, path: list[object]) -> int:
    for r in range(HEADER_ROW + 2, sheet.max_row + 1):  # type: ignore[attr-defined]
        if sheet.cell(r, PATH + 1).value == json.dumps(path):  # type: ignore[attr-defined]
            return r
    raise AssertionError(f"no row for {path}")


def test_the_assumed_value_picked_from_the_list_is_a_confirmation(tmp_path: Path) -> None:
    data, workbook = _starter(tmp_path)
    text = data.read_text(encoding="utf-8")
    book = openpyxl.load_workbook(workbook)
    sheet = book.worksheets[0]
    path: list[object] = ["activities", 0, "legal_basis"]
    row = _row(sheet, path)
    current = LegalBasis(next(line.split(": ")[1] for line in text.splitlines() if line.startswith("  legal_basis: ")))  # fmt: skip
    sheet.cell(row, ANSWER + 1).value = label_cite(current, "nb")  # the list's label
    sheet.cell(row + 1, COMMENT + 1).value = "Vi sletter etter tre år."  # a comment, no answer
    book.save(workbook)

    result = run_cli("review", "--apply", str(workbook), "--data", str(data))

    assert result.returncode == 0, result.stderr
    assert f"activities[0].legal_basis: confirmed '{current.value}' (Antakelser!H{row})" in result.stdout  # fmt: skip
    assert "→" not in result.stdout
    assert f"(Antakelser!I{row + 1}): Vi sletter etter tre år." in result.stdout
    after = data.read_text(encoding="utf-8")
    # Only the settled note went; the value's line is the map's own.
    assert after.count(f"  legal_basis: {current.value}\n") == text.count(f"  legal_basis: {current.value}\n")  # fmt: skip
    assert len(after.splitlines()) < len(text.splitlines())


def test_a_refused_answer_is_explained_in_the_workbooks_language(tmp_path: Path) -> None:
    data, workbook = _starter(tmp_path)
    before = data.read_bytes()
    book = openpyxl.load_workbook(workbook)
    sheet = book.worksheets[0]
    row = _row(sheet, ["notice", "effective_date"])
    sheet.cell(row, ANSWER + 1).value = "01.01.2027"  # as a Norwegian would type it, as text
    book.save(workbook)

    result = run_cli("review", "--apply", str(workbook), "--data", str(data))

    assert result.returncode == 2
    assert "1 svar avvist, ingenting skrevet" in result.stderr
    assert f"Antakelser!H{row}: notice.effective_date: svar med en dato skrevet ÅÅÅÅ-MM-DD" in result.stderr  # fmt: skip
    assert "«bekreftet»" in result.stderr
    assert "answer a date" not in result.stderr
    assert data.read_bytes() == before
