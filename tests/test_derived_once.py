"""Values derived from the map are found once per entry in a check or a notice view, never
stale: counted computations (never time), and the kept values against a copy of an entry."""

from __future__ import annotations

import copy

import pytest
from support.paths import HARMONIEN_YAML
from support.synthetic import synthetic

import harmonien_ropa as hr
from harmonien_ropa.checks import RULES, Context, check
from harmonien_ropa.checks.coverage import coverage
from harmonien_ropa.checks.rules import governance
from harmonien_ropa.law import provision as provision_law
from harmonien_ropa.law import requirements as requirements_law
from harmonien_ropa.law import rights as rights_law
from harmonien_ropa.law import transfers as transfers_law
from harmonien_ropa.model import Activity, LegalBasis, memo
from harmonien_ropa.model import datamap as datamap_module
from harmonien_ropa.notice import view as notice_view
from harmonien_ropa.record import build_records
from harmonien_ropa.source.loading import LoadedMap, load_with_positions
from harmonien_ropa.source.positions import Positions


def _counting(monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> list[int]:
    """Count the calls of ``owner.name``, by the id() of their first argument (or self)."""
    calls: list[int] = []
    original = getattr(owner, name)

    def counted(*args: object) -> object:
        calls.append(id(args[0]) if not isinstance(args[0], hr.DataMap) else id(args[1]))
        return original(*args)

    monkeypatch.setattr(owner, name, counted)
    return calls


def _at_most_once_each(calls: list[int], activities: tuple[Activity, ...]) -> None:
    assert calls, "nothing was computed: the count proves nothing"
    assert len(calls) == len(set(calls)), "a value was computed twice for one entry"
    assert set(calls) <= set(map(id, activities))


@pytest.mark.parametrize(
    ("owner", "name"),
    [
        (Activity, "_bases"),
        (rights_law, "_erasure_limit"),
        (rights_law, "_rights_of"),
        (rights_law, "_find_portability_parts"),
        (provision_law, "_provision"),
        (transfers_law, "_destinations"),
        (datamap_module, "_recipient_ids"),
        (governance, "_dpia_reasons"),
    ],
)
def test_one_check_finds_each_activitys_derived_values_once(
    monkeypatch: pytest.MonkeyPatch, owner: object, name: str
) -> None:
    """Every rule, the notice's sections ROPA409 asks, the law and then the notice's whole
    view in each language ask for these many times per activity; each is computed once per
    activity of the map."""
    loaded = load_with_positions(HARMONIEN_YAML)
    calls = _counting(monkeypatch, owner, name)
    result = check(loaded)
    assert "ROPA409" in {rule.code for rule in result.rules}
    for lang in loaded.datamap.languages:
        notice_view.build(loaded.datamap, lang)
    _at_most_once_each(calls, loaded.datamap.activities)


def test_the_index_finds_each_activitys_special_categories_as_it_lists_its_categories(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The map's index lists each activity's special categories as it is built: a check asks
    for none of them again, and each is what the plain form finds; an activity of no map (a
    copy) has its own found when asked."""
    datamap = synthetic(30)
    calls = _counting(monkeypatch, datamap_module, "_special_categories")
    check(LoadedMap(datamap, Positions(), "map.yaml"))
    assert calls == []
    found = [datamap.special_categories_of(a) for a in datamap.activities]
    assert found == [
        tuple(c for c in datamap.categories_of(a) if c.special_category) for a in datamap.activities
    ]
    assert any(found)
    assert not all(found)
    assert calls == []
    activity = next(a for a, special in zip(datamap.activities, found, strict=True) if special)
    copied = copy.copy(activity)
    assert datamap.special_categories_of(copied) == datamap.special_categories_of(activity)
    assert calls == [id(copied)]


def test_the_notice_view_of_every_language_shares_the_activities_values(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    datamap = synthetic(30)
    bases = _counting(monkeypatch, Activity, "_bases")
    destinations = _counting(monkeypatch, transfers_law, "_destinations")
    for lang in datamap.languages:
        notice_view.build(datamap, lang)
    assert len(datamap.languages) > 1
    _at_most_once_each(bases, datamap.activities)
    _at_most_once_each(destinations, datamap.activities)


def test_a_view_makes_each_text_of_the_map_once_in_its_language(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    datamap = synthetic(30)
    texts: list[int] = []
    original = notice_view._Builder._localize

    def localize(builder: notice_view._Builder, text: hr.Text) -> object:
        texts.append(id(text))
        return original(builder, text)

    monkeypatch.setattr(notice_view._Builder, "_localize", localize)
    view = notice_view.build(datamap, "nb")
    assert texts
    assert len(texts) == len(set(texts))
    assert view == notice_view.build(datamap, "nb")


def _activity(datamap: hr.DataMap) -> Activity:
    return next(a for a in datamap.activities if a.legal_basis is not None)


def test_a_copy_of_an_activity_does_not_take_its_kept_bases() -> None:
    activity = _activity(hr.load(HARMONIEN_YAML))
    kept = activity.bases
    assert memo.kept(activity)
    assert activity.bases is kept  # made once
    other = next(b for b in LegalBasis if b is not activity.legal_basis)
    changed = activity.model_copy(update={"legal_basis": other})
    assert changed.bases[0].basis is other
    assert changed.basis_values == (other,)
    assert activity.bases[0].basis is activity.legal_basis
    for twin in (copy.copy(activity), copy.deepcopy(activity), activity.model_copy()):
        assert not memo.kept(twin)
        assert twin.bases[0].owner is twin  # the single form names the copy, not the original
        assert twin == activity


def test_kept_values_leave_equality_and_the_dump_as_they_were() -> None:
    fresh = hr.load(HARMONIEN_YAML)
    used = hr.load(HARMONIEN_YAML)
    dumped = used.model_dump(mode="json", by_alias=True)
    for activity in used.activities:
        rights_law.erasure_limit(activity)
        provision_law.provision(activity)
        assert activity.basis_values is activity.basis_values
    assert all(memo.kept(a) for a in used.activities)
    assert used == fresh
    assert fresh == used
    assert used.activities == fresh.activities
    assert used.model_dump(mode="json", by_alias=True) == dumped
    assert all(dict(a).keys() == type(a).model_fields.keys() for a in used.activities)
    assert repr(used.activities[0]) == repr(fresh.activities[0])
    assert used.model_dump_json() == fresh.model_dump_json()


def _replaced(datamap: hr.DataMap, activity: Activity, **update: object) -> hr.DataMap:
    activities = tuple(
        a.model_copy(update=update) if a is activity else a for a in datamap.activities
    )
    return datamap.model_copy(update={"activities": activities})


def test_the_map_keeps_values_of_its_own_entries_and_a_copy_of_the_map_its_own() -> None:
    datamap = synthetic(12)
    changes = [
        (a, _replaced(datamap, a, transfers=(), system_ids=(), recipient_ids=()))
        for a in datamap.activities
        if a.transfers and a.system_ids
    ]
    activity, copied = next(
        (a, c)
        for a, c in changes
        if transfers_law._destinations(c, c.activity(a.id))
        != transfers_law._destinations(datamap, a)
    )
    before = transfers_law.destinations(datamap, activity)
    assert transfers_law.destinations(datamap, activity) is before  # kept
    recipients = datamap.all_recipients_of(activity)
    assert datamap.all_recipients_of(activity) is recipients  # kept
    changed = copied.activity(activity.id)
    assert transfers_law.destinations(copied, changed) != before
    assert transfers_law.destinations(copied, changed) == transfers_law._destinations(
        copied, changed
    )
    systems = {s.id: s for s in copied.systems}
    fresh = tuple(copied.party(i) for i in datamap_module._recipient_ids(changed, systems))
    assert copied.all_recipients_of(changed) == fresh
    # The original map still answers for its own activity as before.
    assert transfers_law.destinations(datamap, activity) is before
    assert datamap.all_recipients_of(activity) is recipients


def test_the_map_does_not_keep_a_value_for_an_entry_not_its_own() -> None:
    datamap = synthetic(6)
    stranger = datamap.activities[0].model_copy(update={"transfers": ()})
    calls: list[Activity] = []

    def compute(dm: hr.DataMap, activity: Activity) -> int:
        calls.append(activity)
        return len(calls)

    assert datamap.once("test", stranger, compute) == 1
    assert datamap.once("test", stranger, compute) == 2  # computed each time: not kept
    own = datamap.activities[0]
    assert datamap.once("test", own, compute) == 3
    assert datamap.once("test", own, compute) == 3  # kept
    assert datamap.once("other", own, compute) == 4  # another name, another value
    system = datamap.systems[0]
    assert datamap.once("test", system, compute) == 5
    assert datamap.once("test", system, compute) == 5


def test_the_record_finds_each_activitys_requirements_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The record's rows, its gaps and ``check --coverage`` all read the Art. 30/13/14 items of
    each activity; they are worked out once per activity."""
    datamap = synthetic(20)
    calls = _counting(monkeypatch, requirements_law, "_requirements")
    records = list(build_records(datamap, datamap.languages))
    assert len(records) == len(datamap.languages) > 1
    coverage(datamap)
    _at_most_once_each(calls, datamap.activities)
    assert len(calls) == len(datamap.activities)


def test_what_the_rules_of_a_topic_walk_is_listed_once_per_check() -> None:
    """``Context.shared`` builds a list the first time a rule asks and hands the same list to
    every rule after it; another check builds its own."""
    datamap = synthetic(20)
    built: list[Context] = []

    def flows(ctx: Context) -> list[str]:
        built.append(ctx)
        return [a.id for a in ctx.datamap.activities]

    ctx = Context(datamap)
    assert ctx.shared("test.flows", flows) is ctx.shared("test.flows", flows)
    assert built == [ctx]
    other = Context(datamap)
    assert other.shared("test.flows", flows) == ctx.shared("test.flows", flows)
    assert built == [ctx, other]
    # the transfer rules share the map's transfers
    for code in ("ROPA201", "ROPA202"):
        list(RULES[code].check(ctx))
    flows_listed = ctx.shared("transfers.flows", lambda _: [])
    assert len(flows_listed) == sum(len(a.transfers) for a in datamap.activities) > 0


def test_one_check_finds_each_systems_hosting_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where each system keeps data outside the EEA is found once for the map (one table of
    the systems by id), however many activities use the system."""
    datamap = synthetic(60)
    tables: list[hr.DataMap] = []
    original = transfers_law._hosting_by_id
    monkeypatch.setattr(
        transfers_law, "_hosting_by_id", lambda dm: tables.append(dm) or original(dm)
    )
    calls = _counting(monkeypatch, transfers_law, "_hosted_by_controller")
    for ctx in (Context(datamap), Context(datamap)):  # a second check reads the map's table
        for code in ("ROPA202", "ROPA209", "ROPA218"):
            list(RULES[code].check(ctx))
    used = {system_id for activity in datamap.activities for system_id in activity.system_ids}
    assert len(used) < len(datamap.activities)
    assert tables == [datamap]
    assert len(calls) == len(set(calls)) <= len(datamap.systems)


def test_a_value_asked_of_a_map_before_any_lookup_builds_its_index_and_is_kept() -> None:
    datamap = synthetic(4)
    assert datamap.__pydantic_private__ == {"_index": None}  # nothing looked up yet
    own = datamap.activities[0]
    calls: list[Activity] = []

    def compute(dm: hr.DataMap, activity: Activity) -> int:
        calls.append(activity)
        return len(calls)

    assert datamap.once("test", own, compute) == 1
    assert datamap.once("test", own, compute) == 1  # kept in the index it built
    assert datamap.activity(own.id) is own
