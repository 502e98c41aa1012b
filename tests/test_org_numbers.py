"""Norwegian organisation numbers: the register's modulus-11 check digit, only for Norway."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.paths import SMALL_YAML

import harmonien_ropa as hr
from harmonien_ropa.cli import main
from harmonien_ropa.core.orgnumbers import norwegian_problem
from harmonien_ropa.source.catalogue import catalogue

MAP = SMALL_YAML.read_text(encoding="utf-8")
NUMBER = '  org_number: "999888771"\n'
ADDRESS = '  address: {street: Storgata 1, postcode: "0155", city: Oslo}\n'


def _write(tmp_path: Path, number: str, address: str = ADDRESS) -> Path:
    """The small map with ``number`` and ``address`` for the organisation's."""
    assert NUMBER + ADDRESS in MAP
    path = tmp_path / "map.yaml"
    text = MAP.replace(NUMBER + ADDRESS, f"  org_number: {number}\n{address}")
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("number", "valid"),
    [
        ("976619005", True),  # Harmonien
        ("976 619 005", True),  # spaces between the groups
        ("976619006", False),  # last digit mistyped
        ("976916005", False),  # two digits swapped
        ("97661900", False),  # eight digits
        ("9766190055", False),  # ten digits
        ("NO976619005MVA", False),  # the VAT number, not the organisation number
        ("976-619-005", False),
    ],
)
def test_the_check_digit(number: str, valid: bool) -> None:
    assert (norwegian_problem(number) is None) is valid


def test_a_mistyped_number_is_refused_at_its_line_with_a_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, '"999 888 777"')
    assert main(["check", "--data", str(path)]) == 2
    err = capsys.readouterr().err
    line = MAP.splitlines().index(NUMBER.rstrip("\n")) + 1
    assert (
        f"{path}:{line}:15: error ROPA004 'organisation.org_number': '999 888 777' is not a "
        "valid Norwegian organisation number: its last digit is not the check digit"
    ) in err
    assert "fix: copy the nine digits from Enhetsregisteret" in err
    assert "Traceback" not in err


def test_a_number_of_the_wrong_length_says_how_many_digits(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--data", str(_write(tmp_path, '"12 345 678"'))]) == 2
    assert "has nine digits, not 8" in capsys.readouterr().err


@pytest.mark.parametrize(
    "address", ["", '  address: {street: Gate 1, postcode: "5015", city: Bergen, country: "NO"}\n']
)
def test_an_organisation_in_norway_or_without_an_address_is_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], address: str
) -> None:
    assert main(["check", "--data", str(_write(tmp_path, '"999888777"', address))]) == 2
    assert "not a valid Norwegian organisation number" in capsys.readouterr().err


@pytest.mark.parametrize("number", ['"556036-0793"', '"999888777"', "DE123456789"])
def test_a_number_of_an_organisation_abroad_is_taken_as_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], number: str
) -> None:
    path = _write(tmp_path, number, "  address: {city: Göteborg, country: SE}\n")
    assert main(["check", "--data", str(path), "--fail-on", "never"]) == 0, capsys.readouterr().err
    assert hr.load(path).organisation.org_number == number.strip('"')


def test_an_unknown_number_is_not_checked(tmp_path: Path) -> None:
    assert hr.load(_write(tmp_path, "unknown")).organisation.org_number is None


def test_the_python_api_refuses_it_too() -> None:
    data = {
        "organisation": {"name": "O", "org_number": "123456789"},
        "notice": {"version": "1", "effective_date": "2026-01-01"},
        "record": {"version": "1", "effective_date": "2026-01-01"},
    }
    with pytest.raises(hr.LoadError, match="not a valid Norwegian organisation number"):
        hr.from_data(data)
    data["organisation"]["org_number"] = "123456785"
    assert hr.from_data(data).organisation.org_number == "123456785"


def test_every_norwegian_entry_of_the_vendor_catalogue_has_a_valid_number() -> None:
    entries = [e for e in catalogue().values() if e.country == "NO" and e.org_number]
    assert entries  # the catalogue has Norwegian companies with their numbers
    assert {e.id: norwegian_problem(e.org_number) for e in entries if e.org_number} == {
        e.id: None for e in entries
    }
