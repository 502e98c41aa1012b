"""Rights derived from the legal bases (harmonien_ropa.law.rights)."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import harmonien_ropa as hr
from harmonien_ropa.law.rights import applicable_rights, notice_activities, rights_of
from harmonien_ropa.law.terms import Right, article
from harmonien_ropa.model import Activity, Art9Condition, LegalBasis, MarketingChannel


def _by_right(datamap: hr.DataMap) -> dict[Right, set[str]]:
    return {r.right: {a.id for a in r.activities} for r in applicable_rights(datamap)}


def test_harmonien_rights(harmonien: hr.DataMap) -> None:
    found = _by_right(harmonien)
    assert list(found) == [
        Right.ACCESS,
        Right.RECTIFICATION,
        Right.ERASURE,
        Right.RESTRICTION,
        Right.PORTABILITY,
        Right.OBJECTION,
        Right.OBJECTION_DIRECT_MARKETING,
        Right.WITHDRAW_CONSENT,
        Right.AUTOMATED_DECISIONS,
        Right.COMPLAINT,
    ]
    assert found[Right.PORTABILITY] == {
        "ticket-administration",
        "wheelchair-seating",
        "newsletter",
        "web-analytics-ads",
    }
    assert found[Right.OBJECTION] == {"prospects", "ad-targeting", "social-media-pages"}
    assert found[Right.WITHDRAW_CONSENT] == {
        "wheelchair-seating",
        "newsletter",
        "web-analytics-ads",
    }
    assert "accounting" not in found[Right.OBJECTION_DIRECT_MARKETING]
    assert found[Right.AUTOMATED_DECISIONS] == set()
    erasure = next(r for r in applicable_rights(harmonien) if r.right is Right.ERASURE)
    assert [a.id for a in erasure.limited] == ["accounting"]
    assert rights_of(harmonien, harmonien.activity("accounting")) == (
        Right.ACCESS,
        Right.RECTIFICATION,
        Right.ERASURE,
        Right.RESTRICTION,
    )
    assert article(Right.OBJECTION) == "GDPR Art. 21(1)"


def test_processor_and_hidden_activities_are_not_in_the_notice(small: hr.DataMap) -> None:
    ids = {a.id for a in notice_activities(small)}
    assert ids
    assert all(not small.activity(i).is_processor_activity for i in ids)
    assert {a.id for a in small.processor_activities}.isdisjoint(ids)


BASES = st.sampled_from(list(LegalBasis))
ART9 = st.sampled_from([None, Art9Condition.EXPLICIT_CONSENT, Art9Condition.EMPLOYMENT])
ACTIVITY = st.tuples(BASES, ART9, st.booleans(), st.booleans())


@settings(max_examples=60, deadline=None)
@given(specs=st.lists(ACTIVITY, min_size=1, max_size=5))
def test_rights_follow_the_legal_bases(small: hr.DataMap, specs: list[tuple[Any, ...]]) -> None:
    data = small.model_dump(mode="json", by_alias=True)
    template = next(a for a in data["activities"] if not a.get("on_behalf_of"))
    data["activities"] = []
    for i, (basis, art9, marketing, automated) in enumerate(specs):
        activity = {**template, "id": f"a{i}", "legal_basis": basis.value}
        activity["art9_condition"] = art9.value if art9 else None
        activity["marketing"] = [MarketingChannel.EMAIL.value] if marketing else []
        activity["automated_decisions"] = automated
        data["activities"].append(activity)
    datamap = hr.from_data(data)
    found = _by_right(datamap)

    def ids(pred: Any) -> set[str]:
        return {f"a{i}" for i, spec in enumerate(specs) if pred(*spec)}

    consent = LegalBasis.CONSENT
    portable = ids(
        lambda b, a9, m, au: (
            b in (consent, LegalBasis.CONTRACT)
            or (a9 is Art9Condition.EXPLICIT_CONSENT and b is not LegalBasis.PUBLIC_TASK)
        )
    )
    objectable = ids(
        lambda b, a9, m, au: b in (LegalBasis.LEGITIMATE_INTERESTS, LegalBasis.PUBLIC_TASK)
    )
    marketing = ids(lambda b, a9, m, au: m)
    withdraw = ids(lambda b, a9, m, au: b is consent or a9 is Art9Condition.EXPLICIT_CONSENT)
    for right, expected in (
        (Right.PORTABILITY, portable),
        (Right.OBJECTION, objectable),
        (Right.OBJECTION_DIRECT_MARKETING, marketing),
        (Right.WITHDRAW_CONSENT, withdraw),
    ):
        assert found.get(right, set()) == expected, right
        assert (right in found) == bool(expected)
    for always in (
        Right.ACCESS,
        Right.RECTIFICATION,
        Right.ERASURE,
        Right.RESTRICTION,
        Right.COMPLAINT,
        Right.AUTOMATED_DECISIONS,
    ):
        assert always in found
    assert found[Right.AUTOMATED_DECISIONS] == ids(lambda b, a9, m, au: au)


#: The rights every activity gives, in the order the notice lists them.
ALWAYS = (Right.ACCESS, Right.RECTIFICATION, Right.ERASURE, Right.RESTRICTION)


def _alone(datamap: hr.DataMap, activity: Activity) -> tuple[Right, ...]:
    """The rights ``applicable_rights`` gives for ``activity`` alone, but the general lines."""
    general = (Right.AUTOMATED_DECISIONS, Right.COMPLAINT)
    return tuple(
        r.right
        for r in applicable_rights(datamap, (activity,))
        if r.right not in general and (r.activities or r.right in ALWAYS)
    )


@settings(max_examples=30, deadline=None)
@given(specs=st.lists(ACTIVITY, min_size=1, max_size=4))
def test_rights_of_one_activity_are_those_applicable_to_it_alone(
    small: hr.DataMap, specs: list[tuple[Any, ...]]
) -> None:
    """``rights_of`` decides an activity's rights directly; they are the rights
    ``applicable_rights`` gives for that activity alone, in the same order."""
    data = small.model_dump(mode="json", by_alias=True)
    template = next(a for a in data["activities"] if not a.get("on_behalf_of"))
    data["activities"] = []
    for i, (basis, art9, marketing, automated) in enumerate(specs):
        activity = {**template, "id": f"a{i}", "legal_basis": basis.value}
        activity["art9_condition"] = art9.value if art9 else None
        activity["marketing"] = [MarketingChannel.EMAIL.value] if marketing else []
        activity["automated_decisions"] = automated
        data["activities"].append(activity)
    datamap = hr.from_data(data)
    for activity in datamap.activities:
        assert rights_of(datamap, activity) == _alone(datamap, activity)


def test_rights_of_agree_with_applicable_rights_on_harmonien(harmonien: hr.DataMap) -> None:
    held = [rights_of(harmonien, a) for a in harmonien.activities]
    assert held == [_alone(harmonien, a) for a in harmonien.activities]
    assert {len(h) for h in held} != {len(ALWAYS)}  # some activity gives a right by its basis
