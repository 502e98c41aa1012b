"""The reference checks of a loaded map (source/references.py): every broken reference in a
list is reported at its own place, the known ones around it are not, and only the first
``GUESSES`` broken references (in the map's order) get a "did you mean"."""

from __future__ import annotations

from pathlib import Path

import pytest

import harmonien_ropa as hr
from harmonien_ropa.source import references

MINIMAL = Path(__file__).parent / "good_yaml" / "minimal.yaml"


def _problems(text: str) -> list[str]:
    with pytest.raises(hr.LoadError) as caught:
        hr.loads(text, "org.yaml")
    return [d.format().splitlines()[0] for d in caught.value.diagnostics]


def test_each_broken_reference_in_a_list_is_reported_at_its_place() -> None:
    text = (
        MINIMAL.read_text(encoding="utf-8")
        .replace("data_subjects: [customers]", "data_subjects: [customers, kustomers, customers]")
        .replace("data_categories: [email]", "data_categories: [email, emial, health]")
        .replace("systems: [crm]", "systems: [crn, crm, crm2]")
        .replace("    vendor: vendor\n", "    vendor: vendr\n")
    )
    assert _problems(text) == [
        "org.yaml:31:13: error ROPA006 system 'crm' refers to party 'vendr', which does not "
        "exist; did you mean 'vendor'?",
        "org.yaml:36:32: error ROPA006 activity 'sales' refers to data subject 'kustomers', "
        "which does not exist; did you mean 'customers'?",
        "org.yaml:37:30: error ROPA006 activity 'sales' refers to data category 'emial', which "
        "does not exist; did you mean 'email'?",
        "org.yaml:39:15: error ROPA006 activity 'sales' refers to system 'crn', which does not "
        "exist; did you mean 'crm'?",
        "org.yaml:39:25: error ROPA006 activity 'sales' refers to system 'crm2', which does not "
        "exist; did you mean 'crm'?",
    ]


def test_only_the_first_broken_references_get_a_guess() -> None:
    count = references.GUESSES + 5
    broken = ", ".join(f"crm{n}" for n in range(count))
    text = MINIMAL.read_text(encoding="utf-8").replace("systems: [crm]", f"systems: [{broken}]")
    problems = _problems(text)
    assert len(problems) == count
    guessed = ["did you mean 'crm'?" in problem for problem in problems]
    assert guessed == [True] * references.GUESSES + [False] * 5
