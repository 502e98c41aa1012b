"""Reverse lookups (``datamap.activities_of(party)`` and friends) agree with their definitions.

They are answered from an index built once, on the first lookup; here each is compared with
a scan of every activity, on Harmonien, the small fixture (also with ids named twice in an
activity's lists) and a generated organisation.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import harmonien_ropa as hr

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from generate import generate


def _twice(datamap: hr.DataMap) -> hr.DataMap:
    """``datamap`` with each activity naming every data subject, category and system twice."""
    data = datamap.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    for activity in data["activities"]:
        for key in ("data_subjects", "data_categories", "systems"):
            activity[key] = [*activity.get(key, []), *reversed(activity.get(key, []))]
    return hr.from_data(data)


def _maps() -> list[hr.DataMap]:
    root = Path(__file__).resolve().parent.parent
    small = hr.load(root / "tests" / "fixtures" / "small.yaml")
    return [
        hr.load(root / "data" / "processing.yaml"),
        small,
        _twice(small),
        hr.loads(generate(300, seed=7)),
    ]


@pytest.mark.parametrize("datamap", _maps(), ids=["harmonien", "small", "twice", "generated"])
def test_reverse_lookups_match_a_full_scan(datamap: hr.DataMap) -> None:
    acts = datamap.activities
    for subject in datamap.data_subjects:
        expected = tuple(a for a in acts if subject.id in a.data_subject_ids)
        assert datamap.activities_of(subject) == expected
    for category in datamap.data_categories:
        expected = tuple(a for a in acts if category.id in a.data_category_ids)
        assert datamap.activities_of(category) == expected
    for system in datamap.systems:
        expected = tuple(a for a in acts if system.id in a.system_ids)
        assert datamap.activities_of(system) == expected
    for party in datamap.parties:
        expected = tuple(a for a in acts if any(p is party for p in datamap.all_recipients_of(a)))
        assert datamap.activities_of(party) == expected
        assert all(a is b for a, b in zip(datamap.activities_of(party), expected, strict=True))
        assert datamap.systems_of_party(party) == tuple(
            s for s in datamap.systems if party.id in (s.vendor_id, s.operated_by_id)
        )
    used = [p for p in datamap.parties if datamap.activities_of(p)]
    assert used, "the map has recipients, so some party is used"


@pytest.mark.parametrize("datamap", _maps(), ids=["harmonien", "small", "twice", "generated"])
def test_the_unused_ids_are_those_no_activity_uses(datamap: hr.DataMap) -> None:
    """``unused_ids`` gives the ids :meth:`activities_using` finds no activity for, whether or
    not the index has listed who uses that kind yet (asked before and after the lists)."""
    kinds = ("data_subjects", "data_categories", "systems", "parties")
    entries = (datamap.data_subjects, datamap.data_categories, datamap.systems, datamap.parties)
    asked = {
        kind: [e.id for e in listed] + ["no-such-id"]
        for kind, listed in zip(kinds, entries, strict=True)
    }
    before = {kind: datamap.unused_ids(kind, asked[kind]) for kind in kinds}
    for kind in kinds:
        expected = {i for i in asked[kind] if not datamap.activities_using(kind, i)}
        assert "no-such-id" in expected
        assert before[kind] == expected == datamap.unused_ids(kind, asked[kind])
    assert datamap.unused_ids("activities", ["x"]) == {"x"}
    assert datamap.activities_using("activities", "x") == ()


def test_entries_hold_ids_and_the_map_resolves_them() -> None:
    """An entry is a plain value (a copy equals it and hashes alike); only a map resolves
    the ids it holds, and a map refuses an id it does not have."""
    datamap = hr.load(Path(__file__).resolve().parent / "fixtures" / "small.yaml")
    party = datamap.parties[0]
    copy = type(party).model_validate(party.model_dump(by_alias=True))
    assert copy == party
    assert hash(copy) == hash(party)
    assert not hasattr(copy, "activities")
    assert datamap.activities_of(copy) == datamap.activities_of(party) != ()
    with pytest.raises(KeyError, match="no entry 'nope' in parties"):
        datamap.party("nope")


@pytest.mark.parametrize("datamap", _maps(), ids=["harmonien", "small", "twice", "generated"])
def test_activity_views_in_one_pass_equal_one_view_at_a_time(datamap: hr.DataMap) -> None:
    from harmonien_ropa.flows import graph as g

    full = g.build(datamap)
    views = g.activity_views(full, [a.id for a in datamap.activities])
    assert list(views) == [a.id for a in datamap.activities]
    for activity in datamap.activities:
        one, batch = g.activity_view(full, activity.id), views[activity.id]
        assert list(batch.nodes(data=True)) == list(one.nodes(data=True))
        assert list(batch.edges(keys=True, data=True)) == list(one.edges(keys=True, data=True))
        assert batch.graph == one.graph
    with pytest.raises(KeyError, match="no activity 'nope'"):
        g.activity_views(full, ["nope"])


def test_a_copy_of_the_map_resolves_through_its_own_entries() -> None:
    datamap = hr.load(Path(__file__).resolve().parent / "fixtures" / "small.yaml")
    renamed = tuple(s.model_copy(update={"name": f"{s.name} (new)"}) for s in datamap.systems)
    copy = datamap.model_copy(update={"systems": renamed})
    for activity in copy.activities:
        assert copy.systems_of(activity) == tuple(copy.system(i) for i in activity.system_ids)
        assert all(s.name.endswith(" (new)") for s in copy.systems_of(activity))
        assert not any(s.name.endswith(" (new)") for s in datamap.systems_of(activity))


def test_every_activitys_recipients_are_found_as_the_index_is_built(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """After the index is built, an activity of the map finds its recipients with one lookup:
    its parties are not listed again; a copy (not the map's own) lists them itself."""
    from harmonien_ropa.model import datamap as datamap_module

    datamap = hr.loads(generate(60, seed=3))
    datamap.party(datamap.parties[0].id)  # builds the index
    listed: list[object] = []
    original = datamap_module._recipient_ids
    monkeypatch.setattr(
        datamap_module, "_recipient_ids", lambda *a: listed.append(a) or original(*a)
    )
    found = [datamap.all_recipients_of(activity) for activity in datamap.activities]
    assert listed == []
    assert any(found)
    copy = datamap.activities[0].model_copy()
    assert datamap.all_recipients_of(copy) == found[0]
    assert len(listed) == 1


@pytest.mark.parametrize("datamap", _maps(), ids=["harmonien", "small", "twice", "generated"])
def test_the_recipients_of_several_activities_are_those_of_each(
    datamap: hr.DataMap, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``recipient_ids_of`` gives the parties of every activity's ``all_recipients_of``: for
    every activity, a part of them, and a copy (not the map's own) among them; the map's own
    activities are answered from the index, without asking any of them for its recipients."""
    acts = datamap.activities
    parts = [acts, acts[::2], acts[1:2], (), (acts[-1].model_copy(), *acts[:1])]
    expected = [{p.id for a in part for p in datamap.all_recipients_of(a)} for part in parts]
    asked: list[object] = []
    original = hr.DataMap.all_recipients_of
    monkeypatch.setattr(
        hr.DataMap, "all_recipients_of", lambda self, a: asked.append(a) or original(self, a)
    )
    assert [datamap.recipient_ids_of(part) for part in parts] == expected
    assert len(asked) == 1
    assert asked[0] is parts[-1][0]
