"""The bad-input corpus: every case gives exactly the expected problems.

A case is the base map ``tests/bad_yaml/base.yaml`` with a small patch (``support/bad_yaml.py``)
or a file of its own under ``tests/bad_yaml/``; each has a ``<case>.expect`` with one
``LINE:COL CODE MESSAGE`` line per problem (positions in the patched text), all of which must be
reported together. Regenerate after an intended wording change with
``UPDATE_GOLDEN=1 pytest tests/test_bad_yaml.py`` and review the diff.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from support import bad_yaml
from support.cli import run_cli

import harmonien_ropa as hr

CASES = bad_yaml.case_names()


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder the patched cases are written to (once per run)."""
    return tmp_path_factory.mktemp("bad_yaml")


def _problems(path: Path) -> list[str]:
    with pytest.raises(hr.LoadError) as caught:
        hr.load(path, display_path=path.name)
    return [f"{d.line}:{d.column} {d.code} {d.message}" for d in caught.value.diagnostics]


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 40
    assert len(bad_yaml.PATCHES) >= 70


def test_base_map_is_valid_so_each_case_fails_by_its_patch() -> None:
    hr.load(bad_yaml.BASE)
    expects = {p.stem for p in bad_yaml.FOLDER.glob("*.expect")}
    assert expects == set(CASES), "every case has an .expect file and every .expect a case"


@pytest.mark.parametrize("name", sorted(bad_yaml.PATCHES))
def test_patch_changes_the_base(name: str) -> None:
    assert bad_yaml.case_bytes(name) != bad_yaml.BASE.read_bytes()


@pytest.mark.parametrize("name", CASES)
def test_bad_file_reports_expected_problems(name: str, written: Path) -> None:
    case = bad_yaml.case_file(name, written)
    got = _problems(case)
    expect_file = bad_yaml.expected(name)
    if os.environ.get("UPDATE_GOLDEN"):
        expect_file.write_text("\n".join(got) + "\n", encoding="utf-8")
    expected = expect_file.read_text(encoding="utf-8").splitlines()
    assert got == expected


@pytest.mark.parametrize("name", CASES)
def test_every_problem_has_position_and_fix_or_clear_message(name: str, written: Path) -> None:
    with pytest.raises(hr.LoadError) as caught:
        hr.load(bad_yaml.case_file(name, written))
    for diagnostic in caught.value.diagnostics:
        assert diagnostic.line >= 1
        assert diagnostic.column >= 1
        assert diagnostic.severity is hr.Severity.ERROR
        assert diagnostic.code.startswith("ROPA0")
        assert len(diagnostic.message) > 10


@pytest.mark.parametrize(
    "name", ["several_errors", "latin1_encoding", "python_object_tag", "alias_bomb", "empty_file"]
)
def test_cli_reports_without_traceback(name: str, written: Path) -> None:
    case = bad_yaml.case_file(name, written)
    proc = run_cli("check", "--data", str(case))
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    expected = bad_yaml.expected(name).read_text(encoding="utf-8").splitlines()
    reported = [line for line in proc.stderr.splitlines() if line.startswith(str(case))]
    assert len(reported) == len(expected)
    for line, want in zip(reported, expected, strict=True):
        position, code, message = want.split(" ", 2)
        assert line == f"{case}:{position}: error {code} {message}"


@pytest.mark.parametrize("name", CASES)
def test_cli_exit_code_and_messages_for_every_case(
    name: str, written: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from harmonien_ropa.cli import main

    case = bad_yaml.case_file(name, written)
    assert main(["check", "--data", str(case)]) == 2
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    assert captured.out == ""
    expected = bad_yaml.expected(name).read_text(encoding="utf-8").splitlines()
    heads = [line for line in captured.err.splitlines() if not line.startswith("    fix: ")]
    assert heads == [
        f"{case}:{want.split(' ', 2)[0]}: error {want.split(' ', 2)[1]} {want.split(' ', 2)[2]}"
        for want in expected
    ]


def test_misleading_characters_never_reach_the_terminal(
    written: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """DEL, C1 controls and bidirectional overrides are refused at their place with a fix, and
    the message shows them as escapes, not raw (a raw U+202E would reorder the terminal line)."""
    from harmonien_ropa.cli import main

    case = bad_yaml.case_file("misleading_characters", written)
    assert main(["check", "--data", str(case)]) == 2
    err = capsys.readouterr().err
    assert not re.search("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]", err)
    assert "(id 'health\\u202e')" in err
    heads = [line for line in err.splitlines() if not line.startswith("    fix: ")]
    fixes = [line for line in err.splitlines() if line.startswith("    fix: remove the character")]
    assert len(heads) == len(fixes) == 5
