"""Every field that can hold free text is checked for the characters the model refuses, and only
those fields call the check (model.base.FREE_TEXT)."""

from __future__ import annotations

import copy
import datetime as dt
import enum
import types
import typing
from typing import Annotated, Any, Literal

import pytest
from pydantic import BaseModel
from support.paths import HARMONIEN_YAML

import harmonien_ropa as hr
import harmonien_ropa.source.catalogue  # its models are Frozen too
from harmonien_ropa.model import base

#: Patterns that match only ASCII letters, digits and a few signs (or digits, ``\d``): a value
#: that matches one holds no character the model refuses.
_CLOSED_PATTERNS = {
    base.ID_PATTERN,
    base.COUNTRY_PATTERN,
    base.PHONE_PATTERN,
    base.DURATION_PATTERN,
    r"^[A-Za-z0-9_.:/#-]{1,200}$",  # a taxonomy key, a DPV concept
    r"^[A-Za-z0-9 -]{2,12}$",  # a postcode
    r"^[0-9A-Z -]{4,20}$",  # an organisation number
    r"^[0-9]{6,12}$",  # the catalogue's organisation number
    r"^[A-Z]+[0-9]+$",  # a finding's code
}
#: Validators that accept only values of a fixed list.
_CLOSED_VALIDATORS = {"_iso_country"}


def _models() -> set[type[base.Frozen]]:
    found: set[type[base.Frozen]] = set()
    todo = [base.Frozen]
    while todo:
        for sub in todo.pop().__subclasses__():
            if sub not in found:
                found.add(sub)
                todo.append(sub)
    return found


def _free(annotation: Any, metadata: tuple[Any, ...] = ()) -> bool:
    """Whether a value of ``annotation`` (with ``metadata``) may hold text that no pattern of
    :data:`_CLOSED_PATTERNS` or list of values restricts, outside a model of its own."""
    origin = typing.get_origin(annotation)
    if origin is Annotated:
        inner, *more = typing.get_args(annotation)
        return _free(inner, (*metadata, *more))
    if annotation is str:
        patterns = {getattr(m, "pattern", None) for m in metadata} - {None}
        checks = {getattr(getattr(m, "func", None), "__name__", None) for m in metadata}
        return not (patterns & _CLOSED_PATTERNS or checks & _CLOSED_VALIDATORS)
    if origin in (typing.Union, types.UnionType):
        return any(_free(arg, metadata) for arg in typing.get_args(annotation))
    if origin in (tuple, list, dict, set, frozenset):
        return any(_free(arg) for arg in typing.get_args(annotation) if arg is not Ellipsis)
    if origin is Literal or annotation is type(None):
        return False
    closed = (BaseModel, enum.Enum, bool, int, float, dt.date)
    return not (isinstance(annotation, type) and issubclass(annotation, closed))


def test_every_field_that_can_hold_free_text_is_checked() -> None:
    free = {
        (model.__name__, name)
        for model in _models()
        if model is not base.Text  # checks its languages itself
        for name, info in model.model_fields.items()
        if _free(info.annotation, tuple(info.metadata))
    }
    assert len(free) > 40
    assert {name for _, name in free} <= set(base.FREE_TEXT)
    # and every name listed is such a field somewhere (the list holds nothing stale)
    assert set(base.FREE_TEXT) <= {name for _, name in free}


def test_the_classification_sees_what_it_must() -> None:
    assert _free(base.ShortText)
    assert _free(base.Name)
    assert _free(base.Email)
    assert _free(base.Url | None)
    assert _free(dict[str, base.ShortText])
    assert not _free(base.Id)
    assert not _free(tuple[base.Ref, ...])
    assert not _free(base.CountryCode | None)
    assert not _free(base.Text | None)
    assert not _free(Literal["a", "b"])


@pytest.mark.parametrize(
    ("place", "expected"),
    [
        (("parties", 0, "name"), "parties[0] (id"),
        (("activities", 0, "legal_source"), "activities[0] (id"),
        (("activities", 0, "assumptions"), "activities[0] (id"),
        (("organisation", "name"), "organisation.name"),
        (("activities", 0, "name", "en"), "activities[0] (id"),
    ],
)
def test_a_refused_character_in_free_text_is_reported(
    place: tuple[str | int, ...], expected: str
) -> None:
    data = hr.load(HARMONIEN_YAML).model_dump(mode="json", by_alias=True, exclude_defaults=True)
    node: Any = data
    for part in place[:-1]:
        node = node[part]
    node[place[-1]] = (
        {"legal_basis": "Antatt \u202e."} if place[-1] == "assumptions" else "Navn \u202e"
    )
    with pytest.raises(hr.LoadError) as caught:
        hr.from_data(copy.deepcopy(data), "h.yaml")
    (problem,) = caught.value.diagnostics
    assert expected in problem.message
    assert "bidirectional formatting character U+202E" in problem.message


def _named_free(node: Any) -> int:
    """How many keys of the data are named in FREE_TEXT or are a text's language (which
    :class:`~harmonien_ropa.model.base.Text` checks itself); an assumption's keys are not
    fields."""
    if isinstance(node, list):
        return sum(_named_free(item) for item in node)
    if not isinstance(node, dict):
        return 0
    found = sum(1 for key in node if key in base.FREE_TEXT or key in base.LANGUAGES)
    return found + sum(_named_free(v) for k, v in node.items() if k != "assumptions")


def test_only_free_text_fields_call_the_check(monkeypatch: pytest.MonkeyPatch) -> None:
    """The check is called once for each value of a field named in FREE_TEXT and each language
    of a text, and for no other (no id, boolean, list of ids or of models)."""
    calls: list[Any] = []
    depth = [0]
    check = base._check_writable

    def counted(value: Any) -> None:
        if not depth[0]:  # a field's value, not an item the check looks into
            calls.append(value)
        depth[0] += 1
        try:
            check(value)
        finally:
            depth[0] -= 1

    monkeypatch.setattr(base, "_check_writable", counted)
    data = hr.load(HARMONIEN_YAML).model_dump(mode="json", by_alias=True, exclude_defaults=True)
    hr.from_data(copy.deepcopy(data), "h.yaml")
    assert len(calls) == _named_free(data) > 50
    ids = {entry["id"] for kind in ("activities", "systems", "parties") for entry in data[kind]}
    assert not ids & {value for value in calls if isinstance(value, str)}
    # no list of ids (a field of a list of entries, `cookies:`, shares its name with the
    # catalogue's free text: it reaches the check, to no effect)
    assert not any(isinstance(value, tuple) and ids & set(value) for value in calls)
