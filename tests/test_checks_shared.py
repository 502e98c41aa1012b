"""What the rules share within one check: each view or index of the map is built once and is
the same as building it afresh; the rules run with the cyclic collector paused."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from pydantic import BaseModel
from support.paths import FIXTURES, HARMONIEN_YAML
from support.synthetic import synthetic

import harmonien_ropa as hr
from harmonien_ropa.checks import RULES, Context, Hit, check
from harmonien_ropa.checks.examples import example_map
from harmonien_ropa.core.collector import exempt_loaded, exemptions_ended
from harmonien_ropa.law import transfers as transfers_law
from harmonien_ropa.model import Text
from harmonien_ropa.notice import view as notice_view
from harmonien_ropa.source.loading import load_with_positions

ORGS = FIXTURES / "orgs"


def _maps() -> Iterator[hr.DataMap]:
    yield hr.load(HARMONIEN_YAML)
    for path in sorted(ORGS.glob("*.yaml")):
        yield hr.load(path)
    yield example_map("").datamap
    yield synthetic(12)


def _every_text(model: BaseModel, loc: tuple[str | int, ...]) -> Iterator[tuple[object, Text]]:
    """Every text of a model, walking every field (the plain way, nothing left out)."""
    if isinstance(model, Text):
        yield loc, model
        return
    for name, info in type(model).model_fields.items():
        key = info.alias or name
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            yield from _every_text(value, (*loc, key))
        elif isinstance(value, tuple):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from _every_text(item, (*loc, key, index))


@pytest.mark.parametrize("datamap", list(_maps()), ids=lambda dm: dm.organisation.name)
def test_shared_views_are_what_building_them_afresh_gives(datamap: hr.DataMap) -> None:
    ctx = Context(datamap)
    assert ctx.texts() == list(_every_text(datamap, ()))
    assert ctx.texts()
    assert ctx.statements() == list(datamap.statements())
    assert len(ctx.statements()) > len(datamap.activities)
    fresh = Context(datamap)  # the statements first, then the texts of the same walk
    assert fresh.statements() == ctx.statements()
    assert fresh.texts() == ctx.texts()
    for lang in datamap.languages:
        assert ctx.notice(lang) is ctx.notice(lang)
        assert ctx.notice(lang) == notice_view.build(datamap, lang, {})
    for activity in datamap.activities:
        assert ctx.destinations(activity) == transfers_law.destinations(datamap, activity)


def _counted(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> list[object]:
    calls: list[object] = []
    original = getattr(module, name)

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, counting)
    return calls


def test_one_check_finds_each_activitys_destinations_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The rules and the notice's view ask for each activity's destinations many times between
    them; the map finds them once for each activity."""
    calls = _counted(monkeypatch, transfers_law, "_destinations")
    ctx = Context(synthetic(40))
    for code in ("ROPA202", "ROPA209", "ROPA218", "ROPA409"):
        list(RULES[code].check(ctx))
    assert len(calls) == len(ctx.datamap.activities)
    assert sorted(id(args[1]) for args in calls) == sorted(map(id, ctx.datamap.activities))


def test_the_rules_run_with_the_cyclic_collector_paused_and_it_is_restored(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rule = RULES["ROPA101"]
    seen: list[bool] = []
    original = rule.check

    def check_noting(ctx: Context) -> Iterator[Hit]:
        seen.append(gc.isenabled())
        yield from original(ctx)

    monkeypatch.setattr(rule, "check", check_noting)
    assert gc.isenabled()
    check(load_with_positions(HARMONIEN_YAML))
    assert seen == [False]
    assert gc.isenabled()
    gc.disable()
    try:
        check(load_with_positions(HARMONIEN_YAML))
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_what_the_check_built_is_not_left_to_the_young_collections() -> None:
    """The views the rules build outlive the pause: they end in the collector's oldest
    generation, so that its first young collection does not walk them all again."""
    loaded = load_with_positions(HARMONIEN_YAML)
    result = check(loaded)
    assert gc.isenabled()
    assert not gc.get_freeze_count()
    young = {id(found) for found in gc.get_objects(generation=0)}
    young |= {id(found) for found in gc.get_objects(generation=1)}
    assert id(result) not in young
    assert not any(id(finding) in young for finding in result.findings)


def test_within_a_commands_exemption_the_check_joins_it_and_is_given_back() -> None:
    """On the command line the loaded map is frozen for the command (``exempt_loaded``); what
    the check keeps is frozen with it, and all is given back when the command ends."""
    with exemptions_ended():
        loaded = load_with_positions(HARMONIEN_YAML)
        exempt_loaded()
        frozen = gc.get_freeze_count()
        result = check(loaded)
        assert gc.get_freeze_count() > frozen
        assert not any(found is result for found in gc.get_objects())
    assert not gc.get_freeze_count()
    assert any(found is result for found in gc.get_objects())


def test_what_another_froze_is_left_as_it_was() -> None:
    """Outside a command's exemption, something frozen by another stays as it is: the check
    neither freezes more nor gives back."""
    loaded = load_with_positions(HARMONIEN_YAML)
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        result = check(loaded)
        # Not more (a frozen object may still be freed by reference counting), and not given back.
        assert 0 < gc.get_freeze_count() <= frozen
        assert any(found is result for found in gc.get_objects())
    finally:
        gc.unfreeze()


def test_outside_a_commands_exemption_nothing_is_exempted() -> None:
    """``exempt_loaded`` outside ``exemptions_ended`` (or while another's objects are frozen)
    freezes nothing: nothing would give it back."""
    exempt_loaded()
    assert not gc.get_freeze_count()
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with exemptions_ended():
            exempt_loaded()
        assert 0 < gc.get_freeze_count() <= frozen
    finally:
        gc.unfreeze()
