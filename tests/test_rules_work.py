"""The work the rules do grows with what can fire, not with every value of the map: counted
(calls, searches), never timed; and the faster forms of the law's helpers give what the plain
forms give."""

from __future__ import annotations

import re
from typing import Any

import pytest
from support.paths import FIXTURES, HARMONIEN_YAML
from support.synthetic import synthetic, synthetic_dict

import harmonien_ropa as hr
from harmonien_ropa.checks import RULES, Context, check
from harmonien_ropa.checks import walk as walk_module
from harmonien_ropa.checks.grouping import activities_with, bases_of, retentions_of
from harmonien_ropa.checks.rules import retention as retention_rules
from harmonien_ropa.law import consent, provision, rights, uses
from harmonien_ropa.model import Activity
from harmonien_ropa.model.legal import LegalBasis, RetentionKind
from harmonien_ropa.source.loading import LoadedMap
from harmonien_ropa.source.positions import Positions


def test_the_walk_asks_no_value_of_a_field_of_one_class_its_kind(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every field of an activity names one class (a text, a model, or a tuple of either): the
    walk takes its values as that class, so the values it asks their kind (names that may be
    plain or translated, say) are as many for 10 activities as for 60."""
    asked: list[tuple[str | int, ...]] = []
    original = walk_module._value

    def counting(value: object, loc: tuple[str | int, ...], *args: Any) -> None:
        asked.append(loc)
        original(value, loc, *args)

    monkeypatch.setattr(walk_module, "_value", counting)
    counts = []
    for size in (10, 60):
        asked.clear()
        _texts, statements = walk_module.texts_and_statements(synthetic(size))
        assert len(statements) > size
        assert not [loc for loc in asked if loc[0] == "activities"]
        counts.append(len(asked))
    assert counts[0] == counts[1]


def test_a_vague_retention_wording_and_a_statute_are_each_read_once() -> None:
    """ROPA302 searches each distinct retention wording once, ROPA303 each distinct set of
    statutes once, however many activities repeat them."""
    data = synthetic_dict(40)
    for index, activity in enumerate(data["activities"]):
        activity["legal_basis"] = "legal_obligation"
        activity["legal_source"] = "bokføringsloven § 13" if index % 2 else "arkivlova § 6"
        words = "as long as necessary" if index % 3 == 0 else "until the case closes"
        activity["retention"] = {"text": {"nb": words, "en": words}, "period": "P3Y"}
    datamap = hr.from_data(data)
    searched: dict[str, list[str]] = {"vague": [], "bookkeeping": []}

    class Counting:
        def __init__(self, pattern: re.Pattern[str], calls: list[str]) -> None:
            self.pattern, self.calls = pattern, calls

        def search(self, text: str) -> re.Match[str] | None:
            self.calls.append(text)
            return self.pattern.search(text)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            retention_rules, "_VAGUE", Counting(retention_rules._VAGUE, searched["vague"])
        )
        patch.setattr(
            retention_rules,
            "_BOOKKEEPING",
            Counting(retention_rules._BOOKKEEPING, searched["bookkeeping"]),
        )
        ctx = Context(datamap)
        vague = list(RULES["ROPA302"].check(ctx))
        short = list(RULES["ROPA303"].check(ctx))
    controllers = [a for a in datamap.activities if not a.is_processor_activity]
    assert len(searched["vague"]) == 2
    assert len(searched["bookkeeping"]) == 2
    necessary = [
        a for a in controllers if a.retention and "necessary" in (a.retention.text.en or "")
    ]
    assert len(vague) == len(necessary)
    assert len(short) == len(
        [a for a in controllers if "bokføringsloven" in (a.legal_source or "")]
    )
    assert vague
    assert short


def test_wider_access_passes_over_activities_that_name_no_access(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """ROPA550 looks up an activity's special categories only where the activity names the
    roles that may see its data: without one, no system's access can be wider."""
    calls: list[str] = []
    original = hr.DataMap.special_categories_of

    def counted(self: hr.DataMap, activity: Any) -> Any:
        calls.append(activity.id)
        return original(self, activity)

    monkeypatch.setattr(hr.DataMap, "special_categories_of", counted)
    data = synthetic_dict(30)
    for activity in data["activities"]:
        activity.pop("access", None)
    assert list(RULES["ROPA550"].check(Context(hr.from_data(data)))) == []
    assert calls == []
    named = data["activities"][:5]
    for activity in named:
        activity["access"] = [{"nb": "HR", "en": "HR"}]
    list(RULES["ROPA550"].check(Context(hr.from_data(data))))
    assert sorted(calls) == sorted(a["id"] for a in named if a.get("on_behalf_of") is None)


def test_party_unreferenced_reads_the_activities_only_for_a_party_the_index_does_not_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """ROPA504 finds a recipient, a transfer's recipient and the parties behind systems in the
    map's index; only a party none of those name sends it to the activities' clients, sources
    and importers, where it finds the parties those name."""
    data = synthetic_dict(20)
    datamap = hr.from_data(data)
    assert list(RULES["ROPA504"].check(Context(datamap))) == [
        hit
        for hit in RULES["ROPA504"].check(Context(datamap))
        if not datamap.activities_of(datamap.party(str(dict(hit.fields)["party"])))
    ]
    extra = {"name": "Kilde AS", "role": "independent_controller", "country": "NO"}
    data["parties"].append({"id": "source-only", **extra})
    data["parties"].append({"id": "nobody", **extra})
    data["activities"][0]["sources"] = [{"kind": "third_party", "party": "source-only"}]
    hits = list(RULES["ROPA504"].check(Context(hr.from_data(data))))
    assert [dict(hit.fields)["party"] for hit in hits][-1:] == ["nobody"]
    assert "source-only" not in [dict(hit.fields)["party"] for hit in hits]


@pytest.mark.parametrize(
    ("datamap", "with_several"),
    [
        (hr.load(HARMONIEN_YAML), False),
        (hr.load(FIXTURES / "bases.yaml"), True),
        (synthetic(30), False),
    ],
    ids=["harmonien", "bases", "synthetic"],
)
def test_the_laws_helpers_give_what_their_plain_forms_give(
    datamap: hr.DataMap, with_several: bool
) -> None:
    """An activity's retention rules, consent bases, statutes and the basis that may require
    the data, made without a generator for one basis, are those the plain definitions give,
    also for an activity with several bases."""
    several = 0
    for activity in datamap.activities:
        bases = activity.bases
        several += len(bases) > 1
        plain_retentions = (
            [(("retention",), activity.retention)] if activity.retention else []
        ) + [
            (("category_retention", i), kept) for i, kept in enumerate(activity.category_retention)
        ]
        assert list(uses.retentions(activity)) == plain_retentions
        assert consent.consent_bases(activity) == tuple(
            b for b in bases if b.basis is LegalBasis.CONSENT
        )
        assert rights.statutes(activity) == tuple(dict.fromkeys(b.law for b in bases if b.law))
        assert provision.requiring_basis(activity) is next(
            (b for b in bases if b.basis in provision.REQUIREMENT_BASES), None
        )
    assert several or not with_several


@pytest.mark.parametrize(
    "datamap",
    [hr.load(HARMONIEN_YAML), hr.load(FIXTURES / "bases.yaml"), synthetic(30)],
    ids=["harmonien", "bases", "synthetic"],
)
def test_the_bases_grouped_by_kind_are_those_of_every_activity_in_order(
    datamap: hr.DataMap,
) -> None:
    """:func:`grouping.bases_of` gives, for any kinds, the bases a loop over every activity
    done as controller and its bases gives, in the same order; :func:`grouping.activities_with`
    each such activity once."""
    ctx = Context(datamap)
    kinds_to_ask: list[tuple[LegalBasis | None, ...]] = [
        (kind,) for kind in (*LegalBasis, None)
    ] + [tuple(LegalBasis), (LegalBasis.LEGAL_OBLIGATION, LegalBasis.PUBLIC_TASK)]
    for kinds in kinds_to_ask:
        plain = [
            (loc, activity, basis)
            for loc, activity in ctx.controller_activities()
            for basis in activity.bases
            if basis.basis in kinds
        ]
        grouped = [(loc, activity, basis) for _, loc, activity, basis in bases_of(ctx, *kinds)]
        assert grouped == plain
        assert list(activities_with(ctx, *kinds)) == list(
            dict.fromkeys((loc, a) for loc, a, _ in plain)
        )


def test_rules_about_a_kind_of_basis_visit_no_other_activity(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Once the bases are grouped (one pass over the activities, once per check), the rules
    about legitimate interests, a legal obligation or public task and consent read no
    activity's bases again: they visit only the bases of their kind."""
    data = synthetic_dict(40)
    for index, activity in enumerate(data["activities"]):
        for field in ("legal_source", "legitimate_interest", "balancing_test", "consent"):
            activity.pop(field, None)
        activity["legal_basis"] = ("legitimate_interests", "legal_obligation", "consent")[index % 3]
    ctx = Context(hr.from_data(data))
    list(bases_of(ctx, LegalBasis.CONSENT))  # the grouping, made by whichever rule asks first
    read: list[str] = []
    original = Activity.bases

    def counted(self: Activity) -> Any:
        read.append(self.id)
        return original.__get__(self)

    monkeypatch.setattr(Activity, "bases", property(counted))
    found = {code: list(RULES[code].check(ctx)) for code in ("ROPA103", "ROPA104", "ROPA106")}
    found.update({code: list(RULES[code].check(ctx)) for code in ("ROPA120", "ROPA121")})
    assert read == []
    assert all(found[code] for code in ("ROPA103", "ROPA106", "ROPA121"))


def test_retention_rules_grouped_by_kind_and_visited_by_kind(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """:func:`grouping.retentions_of` gives every retention rule of the activities done as
    controller (all of them, or those of some kinds) in the map's order; ROPA350 and ROPA351 ask
    the law about the rules of their one kind only, not about every activity's."""
    data = synthetic_dict(30)
    for index, activity in enumerate(data["activities"]):
        if index % 5 == 0:
            activity["retention"] = {"kind": "permanent_archive", "text": {"nb": "x", "en": "x"}}
        elif index % 5 == 1:
            activity["retention"] = {
                "kind": "until_consent_withdrawn",
                "text": {"nb": "y", "en": "y"},
            }
    ctx = Context(hr.from_data(data))
    plain = [
        (loc, activity, place, retention)
        for loc, activity in ctx.controller_activities()
        for place, retention in uses.retentions(activity)
    ]
    every = [(loc, a, place, r) for _, loc, a, place, r in retentions_of(ctx)]
    assert every == plain
    for kinds in [(kind,) for kind in RetentionKind] + [tuple(RetentionKind)]:
        kept = [(loc, a, place, r) for _, loc, a, place, r in retentions_of(ctx, *kinds)]
        assert kept == [row for row in plain if row[3].kind in kinds]
    asked = {
        "until_withdrawn_without_consent": _counted(
            monkeypatch, uses, "until_withdrawn_without_consent"
        ),
        "archive_gaps": _counted(monkeypatch, uses, "archive_gaps"),
    }
    list(RULES["ROPA350"].check(ctx))
    list(RULES["ROPA351"].check(ctx))
    found_kinds = [row[3].kind for row in plain]
    assert len(asked["until_withdrawn_without_consent"]) == found_kinds.count(
        RetentionKind.UNTIL_CONSENT_WITHDRAWN
    )
    assert len(asked["archive_gaps"]) == found_kinds.count(RetentionKind.PERMANENT_ARCHIVE)
    assert asked["archive_gaps"]
    assert asked["until_withdrawn_without_consent"]
    assert len(asked["archive_gaps"]) < len(plain)


def _counted(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> list[object]:
    calls: list[object] = []
    original = getattr(module, name)

    def counting(*args: object) -> object:
        calls.append(args)
        return original(*args)

    monkeypatch.setattr(module, name, counting)
    return calls


def test_a_check_lists_who_uses_a_category_only_for_a_national_id_it_asks_about() -> None:
    """The map's index lists who uses each data subject, category and system only when first
    asked: every rule of a check of a map without an unsettled national identity number asks
    none of it (ROPA501–503 ask which ids are used, ROPA107, 152 and 153 first whether a
    category is such a number); one whose need is written down nowhere is asked about."""

    def listed(data: dict[str, Any]) -> set[str]:
        datamap = hr.from_data(data)
        check(LoadedMap(datamap, Positions(), "map.yaml"))
        return set(datamap._resolved().users)

    data = synthetic_dict(30)
    for category in data["data_categories"]:
        category.pop("national_id", None)
    assert listed(data) == {"parties"}
    data["data_categories"][0]["national_id"] = True
    data["data_categories"][0].pop("justification", None)
    assert listed(data) == {"parties", "data_categories"}


def test_an_unused_category_is_found_reading_the_activities_only_until_all_are_named(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """ROPA501 asks the map which of its categories no activity uses: the activities are read
    until every category has been named (all of them only when one is unused)."""
    from harmonien_ropa.model import datamap as datamap_module

    read: list[str] = []

    def counting(activity: Activity) -> tuple[str, ...]:
        read.append(activity.id)
        return activity.data_category_ids

    monkeypatch.setitem(datamap_module._USED_IDS, "data_categories", counting)
    data = synthetic_dict(60)
    assert list(RULES["ROPA501"].check(Context(hr.from_data(data)))) == []
    assert 0 < len(read) < 60
    read.clear()
    data["data_categories"].append({**data["data_categories"][0], "id": "unused"})
    hits = list(RULES["ROPA501"].check(Context(hr.from_data(data))))
    assert [dict(hit.fields)["category"] for hit in hits] == ["unused"]
    assert len(read) == 60


def test_the_rules_about_assumptions_and_acknowledgements_read_only_the_statements_holding_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The walk notes the statements holding an assumption or an acknowledgement as it passes
    them (``Context.marked_statements``): ROPA900-903 read those few, never every statement of
    the map, and find what a reading of every statement finds."""
    data = synthetic_dict(30)
    data["activities"][4]["acknowledge"] = [{"code": "ROPA101", "reason": "Decided by the board."}]
    data["activities"][7]["acknowledge"] = [{"code": "ROPA999", "reason": "A typo."}]
    data["activities"][9]["assumptions"] = {"retention": "Our guess.", "legal_basis": "Assumed."}
    ctx = Context(hr.from_data(data))
    every = ctx.statements()
    expected = [(loc, s) for loc, s in every if s.assumptions or s.acknowledge]
    assert len(every) > 10 * len(expected) > 0
    assert ctx.marked_statements() == expected
    asked: list[object] = []
    monkeypatch.setattr(Context, "statements", lambda self: asked.append(self) or every)
    ctx = Context(hr.from_data(data), selected=frozenset(RULES), known=frozenset(RULES))
    found = {code: [hit.loc for hit in RULES[code].check(ctx)] for code in ("ROPA900", "ROPA901")}
    ctx.fired = frozenset()
    for code in ("ROPA902", "ROPA903"):
        found[code] = [hit.loc for hit in RULES[code].check(ctx)]
    assert asked == []
    assert found == {
        "ROPA900": [("activities", 9, "assumptions", "retention")],
        "ROPA901": [("activities", 9, "assumptions", "legal_basis")],
        "ROPA902": [("activities", 4, "acknowledge", 0, "code")],
        "ROPA903": [("activities", 7, "acknowledge", 0, "code")],
    }


def test_the_rules_about_a_field_few_activities_give_visit_only_those(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The marketing rules and ROPA405 ask for the activities that give their field
    (``Context.controller_activities_giving``): the activities are gone through once per field
    for all of them, not once per rule, and only those giving it are visited."""
    data = synthetic_dict(40)
    for index in (3, 17):
        data["activities"][index]["marketing"] = ["email", "custom_audience"]
    data["activities"][5]["existing_customer_exception"] = True
    ctx = Context(hr.from_data(data))
    passes: list[object] = []
    original = Context.controller_activities
    monkeypatch.setattr(
        Context, "controller_activities", lambda self: passes.append(self) or original(self)
    )
    found = {
        code: [hit.loc[:2] for hit in RULES[code].check(ctx)]
        for code in ("ROPA601", "ROPA602", "ROPA603", "ROPA604", "ROPA605", "ROPA606", "ROPA405")
    }
    # One pass per field (marketing, existing_customer_exception, automated_decisions), not
    # one per rule (ROPA604 reads none: the map has no device-based category).
    assert len(passes) == 3
    marketing = ctx.controller_activities_giving("marketing")
    assert [loc for loc, _ in marketing] == [("activities", 3), ("activities", 17)]
    assert found["ROPA602"] == [("activities", 5)]
    assert found["ROPA603"] == [("activities", 3), ("activities", 17)]
    assert ctx.controller_activities_giving("automated_decisions") == []


def test_the_rules_about_where_data_goes_visit_only_the_activities_it_leaves_the_eea_from(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """ROPA202, ROPA209 and ROPA218 read each activity's destinations once between them, and
    visit only the activities whose data leaves the EEA (or whose hosting is not known)."""
    datamap = synthetic(60)
    ctx = Context(datamap)
    asked: list[Activity] = []
    original = Context.destinations
    monkeypatch.setattr(
        Context, "destinations", lambda self, a: asked.append(a) or original(self, a)
    )
    for code in ("ROPA202", "ROPA209", "ROPA218"):
        list(RULES[code].check(ctx))
    assert len(asked) == len(datamap.activities)
    leaving = ctx.activities_leaving_eea()
    expected = [
        a
        for a in datamap.activities
        if (d := original(ctx, a)).ours or d.theirs or d.unknown_hosting
    ]
    assert 0 < len(leaving) < len(datamap.activities)
    assert [a for _, a, _ in leaving] == expected


def test_an_activitys_device_data_is_what_the_plain_form_gives_and_asks_no_category_otherwise(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``law.devices.device_categories`` first asks whether the activity names one of the
    map's device-based categories (found once for the map): it gives what the plain form gives
    for every activity, and looks no category up for an activity naming none."""
    from harmonien_ropa.law import devices

    data = synthetic_dict(30)
    data["data_categories"][1]["fideslang"] = "user.device.cookie_id"
    for index in (0, 2, 11):  # 0 and 11 name the category, 2 does not
        data["activities"][index]["sources"] = [{"kind": "observed"}]
    data["activities"][12]["sources"] = [{"kind": "data_subject"}]  # names it, not observed
    datamap = hr.from_data(data)
    looked_up: list[Activity] = []
    original = hr.DataMap.categories_of
    monkeypatch.setattr(
        hr.DataMap, "categories_of", lambda self, a: looked_up.append(a) or original(self, a)
    )
    found = [devices.device_categories(datamap, a) for a in datamap.activities]
    plain = [
        tuple(c for c in original(datamap, a) if devices.is_device_based(c))
        if any(s.kind.value == "observed" for s in a.sources)
        else ()
        for a in datamap.activities
    ]
    assert found == plain
    assert [i for i, f in enumerate(found) if f] == [0, 11]
    naming = [a for a in datamap.activities if "cat-1" in a.data_category_ids]
    assert all(a in naming for a in looked_up)
    assert len(looked_up) < len(datamap.activities)
