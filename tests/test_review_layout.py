"""``review --apply`` changes only the answered values and their assumption lines.

A table of maps laid out differently (Harmonien's own, the starter ``init --yes`` writes with
its long lines folded by its YAML writer, and a fixture with four-space indents, lists indented
under their key, flow lists and mappings, texts folded by hand, quoted values, extra spaces,
comments everywhere, a note that defines an anchor used later and an ``assumptions:`` that
opens a list item): applying no answer leaves the file byte-identical, and settling any one
assumption (confirmed, or replaced by another allowed value) changes only the lines of that
value and of its note, every other byte staying as it was.
"""

from __future__ import annotations

import codecs
import difflib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.cli import run_cli
from support.paths import FIXTURES, HARMONIEN_YAML

from harmonien_ropa.cli import main
from harmonien_ropa.review.fields import Kind, answer_kind
from harmonien_ropa.review.textedit import Settled, edit
from harmonien_ropa.review.workbook import ANSWER, COLUMNS, HEADER_ROW, PATH
from harmonien_ropa.source.loading import LoadedMap, loads_with_positions
from harmonien_ropa.source.yamlsource import parse

CASES = ("harmonien", "starter", "layout", "crlf")
#: Every how many assumptions one is settled (each settling reads the whole map again).
STEP = {"harmonien": 6, "starter": 2, "layout": 1, "crlf": 2}


@pytest.fixture(scope="module")
def texts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    starter = tmp_path_factory.mktemp("starter") / "processing.yaml"
    assert main(["init", str(starter), "--yes"]) == 0
    layout = (FIXTURES / "review_layout.yaml").read_text(encoding="utf-8")
    return {
        "harmonien": HARMONIEN_YAML.read_text(encoding="utf-8"),
        "starter": starter.read_text(encoding="utf-8"),
        "layout": layout,
        # Written on Windows: CRLF line ends (and, in the file, a byte-order mark).
        "crlf": layout.replace("\n", "\r\n"),
    }


def _changed(before: str, after: str) -> tuple[list[int], list[str]]:
    """The 1-based numbers of the lines of ``before`` that went, and the lines that came."""
    old, new = before.splitlines(), after.splitlines()
    removed: list[int] = []
    added: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():  # fmt: skip
        if tag != "equal":
            removed += range(i1 + 1, i2 + 1)
            added += new[j1:j2]
    return removed, added


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _notes_lines(text: str, loaded: LoadedMap, owner: tuple[Any, ...]) -> set[int]:
    """The lines of ``owner``'s ``assumptions:`` block (with the key line that follows a
    ``- assumptions:``, which takes its dash)."""
    lines = text.splitlines()
    first = loaded.positions.find((*owner, "assumptions"), key=True)[0]
    key_indent = loaded.positions.find((*owner, "assumptions"), key=True)[1] - 1
    block = {first}
    number = first + 1
    while number <= len(lines):
        line = lines[number - 1]
        if line.strip() and not line.lstrip().startswith("#") and _indent(line) <= key_indent:
            break
        block.add(number)
        number += 1
    if lines[first - 1].lstrip().startswith("- "):
        block.add(number)
    return block


def _kept(line: str, lines: list[str], gone: list[str]) -> bool:
    """Whether an added ``line`` is an old line (a key taking a removed dash, an anchor moved
    to its next use) or what a removed ``assumptions: {...}`` line keeps."""
    if line in lines or "&" in line or line.replace("  - ", "    ") in gone:
        return True
    return any("{" in old and old.partition("{")[0] == line.partition("{")[0] for old in gone)


def _assumptions(text: str) -> Iterator[tuple[LoadedMap, Any, tuple[Any, ...], Any, str]]:
    loaded = loads_with_positions(text, "processing.yaml")
    data = parse(text, "processing.yaml", positions=False).data
    for note_loc, statement, field, _ in loaded.datamap.assumptions():
        yield loaded, data, note_loc, statement, field


@pytest.mark.parametrize("case", CASES)
def test_settling_one_assumption_touches_only_its_lines(case: str, texts: dict[str, str]) -> None:
    text = texts[case]
    lines = text.splitlines()
    settled = 0
    for number, (loaded, data, note_loc, statement, field) in enumerate(_assumptions(text)):
        if number % STEP[case]:
            continue
        owner, path = note_loc[:-2], (*note_loc[:-2], field)
        notes = _notes_lines(text, loaded, owner)
        note_line = loaded.positions.find(note_loc, key=True)[0]
        # Confirmed: only lines of its note go (and an anchor it defines moves to its next use).
        after = edit(text, [Settled(path)], data)
        removed, added = _changed(text, after)
        assert note_line in removed, (case, path)
        outside = [n for n in removed if n not in notes]
        assert all("*" in lines[n - 1] for n in outside), (case, path, outside)
        gone = [lines[n - 1] for n in removed]
        assert all(_kept(line, lines, gone) for line in added), (case, path, added)
        if not outside:
            assert len(added) <= 1, (case, path, added)  # the key taking a removed dash
        # Replaced by another allowed value: its own line changes too, and nothing else.
        kind = answer_kind(type(statement), field)
        old = getattr(statement, field.replace("-", "_"), None)
        other = next((c for c in kind.choices if c != str(getattr(old, "value", old))), None)
        if kind.kind is Kind.CHOICE and other is not None and not outside:
            after = edit(text, [Settled(path, other, replace=True)], data)
            removed, added = _changed(text, after)
            value_line = (
                {loaded.positions.find(path)[0]} if path in loaded.positions.values else set()
            )
            assert set(removed) <= notes | value_line, (case, path, removed)
            assert [line for line in added if other in line and field in line], (case, path)
            assert all(line in lines or other in line for line in added), (case, path, added)
            after_data = parse(after, "processing.yaml", positions=False).data
            owner_data = after_data
            for part in owner:
                owner_data = owner_data[part]
            assert owner_data[field] == other
        settled += 1
    assert settled >= 5


def _answer_first(workbook: Path) -> tuple[Any, ...]:
    """Answer the first legal basis with another allowed value; return its path."""
    book = openpyxl.load_workbook(workbook)
    sheet = book.worksheets[0]
    lists = book["lists"]
    letter = openpyxl.utils.get_column_letter(ANSWER + 1)
    for r in range(HEADER_ROW + 2, sheet.max_row + 1):
        validation = next(
            (
                v
                for v in sheet.data_validations.dataValidation
                if f"{letter}{r}" in str(v.sqref).split()
            ),
            None,
        )
        if validation is None or not str(sheet.cell(r, PATH + 1).value).endswith('"legal_basis"]'):
            continue
        column = validation.formula1.split("$")[1]
        offered = [c.value for c in lists[column] if c.value]
        current = sheet.cell(r, COLUMNS.index("current") + 1).value
        choice = next(c for c in offered[1:] if c != current)  # a label, read back as its code
        sheet.cell(r, ANSWER + 1).value = choice
        book.save(workbook)
        return tuple(json.loads(sheet.cell(r, PATH + 1).value))
    raise AssertionError("no row with a list")


@pytest.mark.parametrize("case", CASES)
def test_apply_keeps_every_other_byte(case: str, texts: dict[str, str], tmp_path: Path) -> None:
    data = tmp_path / "processing.yaml"
    data.write_bytes((codecs.BOM_UTF8 if case == "crlf" else b"") + texts[case].encode("utf-8"))
    before = data.read_bytes()
    result = run_cli("review", "--data", str(data), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    workbook = tmp_path / "out" / "review.xlsx"
    # No answer: the file is untouched, byte for byte.
    result = run_cli("review", "--apply", str(workbook), "--data", str(data))
    assert result.returncode == 0, result.stderr
    assert data.read_bytes() == before
    # One answer: its value's line and its note's lines change, nothing else.
    path = _answer_first(workbook)
    result = run_cli("review", "--apply", str(workbook), "--data", str(data))
    assert result.returncode == 0, result.stderr
    assert "1 assumption(s) settled" in result.stdout
    loaded = loads_with_positions(texts[case], "processing.yaml")
    notes = _notes_lines(texts[case], loaded, path[:-1])
    value_line = loaded.positions.find(path)[0]
    after = data.read_bytes()
    if case == "crlf":  # the mark and the line ends stay
        assert after.startswith(codecs.BOM_UTF8)
        assert after.count(b"\n") == after.count(b"\r\n")
    removed, added = _changed(texts[case], after.decode("utf-8-sig"))
    assert value_line in removed
    assert set(removed) <= notes | {value_line} or all(
        "*" in texts[case].splitlines()[n - 1] for n in set(removed) - notes - {value_line}
    )
    assert len([line for line in added if f"{path[-1]}:" in line]) >= 1
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(data=st.data())
def test_settling_several_at_once_touches_only_their_lines(
    texts: dict[str, str], data: st.DataObject
) -> None:
    case = data.draw(st.sampled_from(("starter", "layout", "crlf")))
    text = texts[case]
    lines = text.splitlines()
    found = list(_assumptions(text))
    loaded, plain = found[0][0], found[0][1]
    chosen = data.draw(st.lists(st.sampled_from(found), min_size=1, unique_by=lambda f: f[2]))
    settled: list[Settled] = []
    allowed: set[int] = set()
    for _, _, note_loc, statement, field in chosen:
        owner, path = note_loc[:-2], (*note_loc[:-2], field)
        allowed |= _notes_lines(text, loaded, owner)
        kind = answer_kind(type(statement), field)
        if kind.kind is Kind.CHOICE and data.draw(st.booleans()):
            settled.append(Settled(path, data.draw(st.sampled_from(kind.choices)), replace=True))
            if path in loaded.positions.values:
                allowed.add(loaded.positions.find(path)[0])
        else:
            settled.append(Settled(path))
    after = edit(text, settled, plain)
    removed, added = _changed(text, after)
    gone = [lines[n - 1] for n in removed]
    assert all(n in allowed or "*" in lines[n - 1] for n in removed), (case, removed)
    assert all(
        _kept(line, lines, gone) or any(s.replace and str(s.value) in line for s in settled)
        for line in added
    ), (case, added)
    # What it reads as: the answers in, their notes out, everything else as it was.
    result = loads_with_positions(after, "processing.yaml").datamap
    open_after = {(*n[:-2], f) for n, _, f, _ in result.assumptions()}
    assert open_after == {(*n[:-2], f) for _, _, n, _, f in found} - {s.path for s in settled}
