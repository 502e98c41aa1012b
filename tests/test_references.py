"""The reference checks of a loaded map (source/references.py): every broken reference in a
list is reported at its own place, the known ones around it are not, and only the first
``GUESSES`` broken references (in the map's order) get a "did you mean"."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml
from support.paths import HARMONIEN_YAML

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


def _broken(data: dict[str, Any], kind: str) -> bool:
    """Break one reference of the kind ``kind`` in the first activity that has one."""
    categories = [c["id"] for c in data["data_categories"]]
    for act in data["activities"]:
        unlisted = [c for c in categories if c not in act["data_categories"]]
        sources = act.get("sources") or []
        transfers = act.get("transfers") or []
        kept = act.get("category_retention") or []
        if kind in ("data_subjects", "data_categories", "systems", "recipients"):
            act[kind] = [*act.get(kind, []), "nowhere"]
        elif kind == "on_behalf_of":
            act[kind] = "nowhere"
        elif kind.startswith("sources.") and sources:
            key = kind.split(".")[1]
            if key == "categories" and not unlisted:
                continue
            sources[0][key] = [unlisted[0]] if key == "categories" else "nowhere"
        elif kind.startswith("transfers.") and transfers:
            transfers[0][kind.split(".")[1]] = "nowhere"
        elif kind == "category_retention" and unlisted:
            rule = {**act["retention"], "categories": [unlisted[0]]}
            act[kind] = [*kept, {key: rule[key] for key in rule if key != "assumptions"}]
        else:
            continue
        return True
    return False


@pytest.mark.parametrize(
    "kind",
    [
        "data_subjects",
        "data_categories",
        "systems",
        "recipients",
        "on_behalf_of",
        "sources.party",
        "sources.activity",
        "sources.categories",
        "transfers.party",
        "transfers.importer",
        "category_retention",
    ],
)
def test_an_activity_passed_over_has_no_broken_reference(
    kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An activity whose references a few set operations find known is not gone through
    reference by reference: whatever it breaks, the problems are those the full check finds."""
    data = hr.load(HARMONIEN_YAML).model_dump(mode="json", by_alias=True, exclude_defaults=True)
    assert _broken(data, kind)

    def problems() -> list[str]:
        with pytest.raises(hr.LoadError) as caught:
            hr.from_data(copy.deepcopy(data), "h.yaml")
        return [d.format() for d in caught.value.diagnostics]

    found = problems()
    assert found
    monkeypatch.setattr(references, "_refers_to_known", lambda *args: False)
    assert problems() == found


def test_the_statements_with_assumptions_are_found_without_their_places() -> None:
    datamap = hr.load(HARMONIEN_YAML)
    assumed = [statement for _, statement in datamap.statements() if statement.assumptions]
    assert len(assumed) > 10
    found = datamap.assumed_statements()
    assert len(found) == len(assumed)
    assert all(a is b for a, b in zip(found, assumed, strict=True))


@pytest.mark.parametrize("field", ["purpose", "legal_basis", "lawful_basis", "systems"])
def test_an_assumption_about_a_missing_field_is_reported_as_the_full_walk_does(field: str) -> None:
    """The walk without places only says whether the walk with them is needed: a map with
    an assumption about a field its entry lacks is reported at its place, one without none
    (tests/bad_yaml/assumption_unknown_field.expect holds the whole report)."""
    data = hr.load(HARMONIEN_YAML).model_dump(mode="json", by_alias=True, exclude_defaults=True)
    data["activities"][2].setdefault("assumptions", {})[field] = "a note"

    def problems() -> list[str]:
        try:
            hr.from_data(copy.deepcopy(data), "h.yaml")
        except hr.LoadError as exc:
            return [d.format() for d in exc.diagnostics]
        return []

    found = problems()
    valid = hr.load(HARMONIEN_YAML).activities[2].statement_fields()
    assert len(found) == (field not in valid)
    assert all(f"assumption about '{field}', which is not a field here" in line for line in found)


def _assumption_problems(load: Any) -> list[tuple[str, str]]:
    try:
        load()
    except hr.LoadError as exc:
        return [(d.code, d.message) for d in exc.diagnostics]
    return []


def _statement_places() -> list[tuple[tuple[str | int, ...], str]]:
    """One place of each kind of statement in Harmonien's map, with a field of another kind
    that this kind lacks (and an assumption about it would be misplaced)."""
    datamap = hr.load(HARMONIEN_YAML)
    places: dict[type, tuple[str | int, ...]] = {}
    for loc, statement in datamap.statements():
        places.setdefault(type(statement), loc)
    every = {name for kind in places for name in kind.statement_fields()}
    return [(loc, sorted(every - set(kind.statement_fields()))[0]) for kind, loc in places.items()]


@pytest.mark.parametrize(("loc", "field"), _statement_places())
def test_validation_tells_the_loader_whether_an_assumption_is_misplaced(
    loc: tuple[str | int, ...], field: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Loading YAML walks the map for misplaced assumptions only when validation saw one (each
    kind of statement asking about its own fields), and then reports what the walk of
    ``from_data`` (which holds no such proof) reports; a valid map is not walked."""
    data = hr.load(HARMONIEN_YAML).model_dump(mode="json", by_alias=True, exclude_defaults=True)
    node: Any = data
    for part in loc:
        node = node[part]
    walked = _assumption_problems(lambda: hr.from_data(copy.deepcopy(data), "h.yaml"))
    assert walked == []
    node.setdefault("assumptions", {})[field] = "a note"
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    walked = _assumption_problems(lambda: hr.from_data(copy.deepcopy(data), "h.yaml"))
    assert len(walked) == 1
    assert walked[0][0] == "ROPA003"
    assert walked[0][1].startswith(f"assumption about '{field}', which is not a field here")
    assert _assumption_problems(lambda: hr.loads(text, "h.yaml")) == walked

    def no_walk(*args: object) -> None:
        raise AssertionError("walked a map with no misplaced assumption")

    del node["assumptions"][field]
    monkeypatch.setattr(references, "_assumptions", no_walk)
    hr.loads(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "h.yaml")
