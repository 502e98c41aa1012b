"""What the rules share within one check: each view or index of the map is built once and is
the same as building it afresh; the rules run with the cyclic collector paused."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from pydantic import BaseModel
from support.paths import FIXTURES, HARMONIEN_YAML
from support.synthetic import synthetic, synthetic_dict

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
    assert fresh.text_values() == [text for _, text in ctx.texts()]
    unlocated = Context(datamap)  # the texts without places first, then with them
    assert unlocated.text_values() == fresh.text_values()
    assert unlocated.statements() == ctx.statements()
    assert unlocated.texts() == ctx.texts()
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


def test_the_texts_places_are_made_only_for_a_text_a_rule_reports(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """ROPA403 and ROPA410 read the texts without their places (one walk for them and the
    statements); the walk that places every text runs only when one of them reports a text,
    and the findings are those the placed texts give."""
    from harmonien_ropa.checks import rule as rule_module

    located = _counted(monkeypatch, rule_module, "texts_and_statements")
    unlocated = _counted(monkeypatch, rule_module, "text_values_and_statements")
    data = synthetic_dict(20)
    ctx = Context(hr.from_data(data))
    assert [list(RULES[code].check(ctx)) for code in ("ROPA403", "ROPA410")] == [[], []]
    ctx.statements()
    assert (len(located), len(unlocated)) == (0, 1)
    data["activities"][3]["purpose"].pop("en")
    data["activities"][5]["purpose"]["nb"] = (
        "Vi utleverer ikke navn med mindre det er særskilt behov for det."
    )
    ctx = Context(hr.from_data(data))
    hits = {code: list(RULES[code].check(ctx)) for code in ("ROPA403", "ROPA410")}
    assert (len(located), len(unlocated)) == (1, 2)
    assert [hit.loc for hit in hits["ROPA403"]] == [("activities", 3, "purpose")]
    assert [hit.loc for hit in hits["ROPA410"]] == [("activities", 5, "purpose", "nb")]


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


class _Counted(frozenset[tuple[str, tuple[str | int, ...]]]):
    """The earlier findings, counting how often they are read through."""

    reads = 0

    def __iter__(self) -> Iterator[tuple[str, tuple[str | int, ...]]]:
        type(self).reads += 1
        return super().__iter__()


def test_acknowledgements_are_matched_with_one_pass_over_the_findings() -> None:
    """ROPA902 (an acknowledgement that matches no finding) reads the earlier findings once,
    however many acknowledgements there are, and reports what comparing each acknowledgement
    with every finding reports."""
    data = synthetic_dict(60)
    for activity in data["activities"]:
        activity["acknowledge"] = [{"code": "ROPA101", "reason": "Decided by the board."}]
    datamap = hr.from_data(data)
    fired = [("ROPA101", ("activities", i, "legal_basis")) for i in range(0, 60, 2)]
    fired += [("ROPA102", ("activities", i)) for i in range(60)]
    ctx = Context(datamap, selected=frozenset(RULES), known=frozenset(RULES))
    _Counted.reads = 0
    ctx.fired = _Counted(fired)
    hits = list(RULES["ROPA902"].check(ctx))
    assert _Counted.reads == 1
    stale = [
        (*loc, "acknowledge", 0, "code")
        for loc, statement in ctx.statements()
        if statement.acknowledge
        and not any(c == "ROPA101" and w[: len(loc)] == loc for c, w in fired)
    ]
    assert [hit.loc for hit in hits] == stale
    assert len(stale) == 30


def test_rules_about_a_kind_of_category_or_system_pass_over_activities_that_use_none(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Criminal-offence data (ROPA108), a national id with a stated need (ROPA150), data read
    from devices (ROPA605), a system of a controller (ROPA213): where the map has none, the
    rules resolve no activity's categories or systems; where every activity uses one, they
    find what they find without passing over any."""
    data = synthetic_dict(40)
    calls: list[str] = []
    for name in ("categories_of", "data_category", "systems_of"):
        original = getattr(hr.DataMap, name)

        def counted(
            self: hr.DataMap, *args: object, _name: str = name, _f: object = original
        ) -> object:
            calls.append(_name)
            return _f(self, *args)  # type: ignore[operator]

        monkeypatch.setattr(hr.DataMap, name, counted)
    codes = ("ROPA108", "ROPA150", "ROPA605", "ROPA213")
    ctx = Context(hr.from_data(data))
    assert not any(list(RULES[code].check(ctx)) for code in codes)
    assert calls == []
    category = data["data_categories"][0]
    first = data["activities"][0]["id"]
    category.update(criminal_offence=True, national_id=True, needed_for=[first])
    category.update(fideslang="user.device.cookie_id", justification={"nb": "x", "en": "x"})
    for activity in data["activities"]:
        others = [c for c in activity["data_categories"] if c != category["id"]]
        activity["data_categories"] = [category["id"], *others]
        activity["legal_basis"] = "contract"
        activity["sources"] = [{"kind": "observed"}]
    ctx = Context(hr.from_data(data))
    found = {code: len(list(RULES[code].check(ctx))) for code in codes}
    controllers = sum(1 for a in data["activities"] if a.get("on_behalf_of") is None)
    assert found["ROPA108"] == found["ROPA605"] == controllers
    assert found["ROPA150"] == len(data["activities"]) - 1  # all but the one it names
    assert calls


def test_the_activities_done_for_a_client_are_the_others() -> None:
    for datamap in (*_maps(), hr.load(FIXTURES / "small.yaml")):
        ctx = Context(datamap)
        processor = list(ctx.processor_activities())
        assert [a for _, a in processor] == list(datamap.processor_activities)
        assert sorted([*ctx.controller_activities(), *processor]) == sorted(ctx.activities())


def test_the_rules_about_a_client_ask_only_the_activities_done_for_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """ROPA215 and ROPA216 look up the client of each activity done for one, not of the
    others."""
    datamap = hr.load(FIXTURES / "small.yaml")
    processor = datamap.processor_activities
    assert 0 < len(processor) < len(datamap.activities)
    calls = _counted(monkeypatch, hr.DataMap, "client_of")
    ctx = Context(datamap)
    for code in ("ROPA215", "ROPA216"):
        list(RULES[code].check(ctx))
    asked = [args[1] for args in calls]  # (the map, the activity)
    assert asked
    assert all(activity in processor for activity in asked)


def test_the_dpia_criteria_read_the_flagged_ids_of_the_map_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Whether an activity uses criminal-offence data or is about vulnerable people is read
    from the ids the map flags, listed once for the map: no activity's categories or
    subjects are resolved for it."""
    from harmonien_ropa.checks.rules import governance

    data = synthetic_dict(40)
    data["data_categories"][0]["criminal_offence"] = True
    data["data_subjects"][0]["vulnerable"] = True
    datamap = hr.from_data(data)
    categories = _counted(monkeypatch, hr.DataMap, "categories_of")
    subjects = _counted(monkeypatch, hr.DataMap, "subjects_of")
    listed = _counted(monkeypatch, governance, "_flagged")
    ctx = Context(datamap)
    for code in ("ROPA701", "ROPA702"):
        list(RULES[code].check(ctx))
    criteria = [governance.wp248_criteria(datamap, a) for a in datamap.activities]
    assert (categories, subjects, len(listed)) == ([], [], 1)
    for activity, found in zip(datamap.activities, criteria, strict=True):
        criminal = any(c.criminal_offence for c in datamap.categories_of(activity))
        special = bool(datamap.special_categories_of(activity))
        vulnerable = any(s.vulnerable for s in datamap.subjects_of(activity))
        assert ("sensitive data" in found) == (criminal or special)
        assert ("vulnerable data subjects" in found) == vulnerable
    assert any("vulnerable data subjects" in found for found in criteria)
    assert any(
        "sensitive data" in found and not datamap.special_categories_of(a)
        for a, found in zip(datamap.activities, criteria, strict=True)
    )
