"""Reverse lookups (``party.activities`` and friends) agree with their definitions.

They are answered from an index built once when the map is linked; here each is compared with
a scan of every activity, on Harmonien, the small fixture and a generated organisation.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import harmonien_ropa as hr

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from generate import generate


def _maps() -> list[hr.DataMap]:
    root = Path(__file__).resolve().parent.parent
    return [
        hr.load(root / "data" / "processing.yaml"),
        hr.load(root / "tests" / "fixtures" / "small.yaml"),
        hr.loads(generate(300, seed=7)),
    ]


@pytest.mark.parametrize("datamap", _maps(), ids=["harmonien", "small", "generated"])
def test_reverse_lookups_match_a_full_scan(datamap: hr.DataMap) -> None:
    acts = datamap.activities
    for subject in datamap.data_subjects:
        assert subject.activities == tuple(a for a in acts if subject.id in a.data_subject_ids)
    for category in datamap.data_categories:
        assert category.activities == tuple(a for a in acts if category.id in a.data_category_ids)
    for system in datamap.systems:
        assert system.activities == tuple(a for a in acts if system.id in a.system_ids)
    for party in datamap.parties:
        expected = tuple(a for a in acts if any(p is party for p in a.all_recipients))
        assert party.activities == expected
        assert all(a is b for a, b in zip(party.activities, expected, strict=True))
        assert party.systems == tuple(
            s for s in datamap.systems if party.id in (s.vendor_id, s.operated_by_id)
        )
    used = [p for p in datamap.parties if p.activities]
    assert used, "the map has recipients, so some party is used"


def test_unlinked_entries_still_refuse_lookups() -> None:
    party = hr.load(Path(__file__).resolve().parent / "fixtures" / "small.yaml").parties[0]
    copy = type(party).model_validate(party.model_dump(by_alias=True))
    with pytest.raises(RuntimeError, match="not part of a resolved DataMap"):
        _ = copy.activities


@pytest.mark.parametrize("datamap", _maps(), ids=["harmonien", "small", "generated"])
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
