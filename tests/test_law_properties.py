"""Properties of the legal engine over generated valid maps.

* Every gap the record shows (its gaps table and every cell marked missing) is a gap of
  ``check --coverage`` and is reported by a rule the item names, and the reverse: every missing
  item is in the record, and every finding of those rules is a missing item.
* The notice, the record and ``locate`` give every activity the same rights and the same
  erasure limits.

The example count comes from the profile in ``strategies`` (small in the suite; ``make fuzz``
runs many more).
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from support.notice_text import Page, render_notice
from support.strategies import PROFILE, datamaps

import harmonien_ropa as hr
from harmonien_ropa.checks.coverage import coverage, coverage_json
from harmonien_ropa.checks.registry import RULES
from harmonien_ropa.checks.rule import Context
from harmonien_ropa.flows.queries import locate
from harmonien_ropa.law.requirements import ITEMS, requirements
from harmonien_ropa.law.rights import erasure_limit, notice_activities, rights_of
from harmonien_ropa.law.terms import Right
from harmonien_ropa.record import build_record
from harmonien_ropa.record.activities import COLUMN_ITEMS
from harmonien_ropa.source.i18n import strings

#: Rules that report a missing item, by the items they report.
REPORTING = frozenset(code for item in ITEMS for code in item.rules)
_CHEAP = settings(PROFILE, max_examples=max(10, PROFILE.max_examples // 2))


def _missing(datamap: hr.DataMap) -> set[tuple[str, str]]:
    return {
        (act.id, item.key)
        for act in datamap.activities
        for item, cell in requirements(datamap, act)
        if cell.status == "missing"
    }


def _hits(datamap: hr.DataMap) -> list[tuple[str, tuple[Any, ...]]]:
    ctx = Context(datamap, selected=frozenset(RULES), known=frozenset(RULES))
    return [(code, hit.loc) for code in sorted(REPORTING) for hit in RULES[code].check(ctx)]


@_CHEAP
@given(datamaps())
def test_record_coverage_and_rules_agree_on_what_is_missing(data: dict[str, Any]) -> None:
    datamap = hr.from_data(data)
    missing = _missing(datamap)

    # the record: its gaps table, and the cells it marks missing
    record = build_record(datamap, "en")
    gaps = {tuple(row.key.split("/", 1)) for row in record.gaps.rows}
    assert gaps == missing
    for table in (record.activities, record.processor):
        if table is None:
            continue
        for row in table.rows:
            for column, cell in zip(table.columns, row.cells, strict=True):
                item = COLUMN_ITEMS.get(column.key)
                if cell.status == "missing":
                    assert item is not None, (column.key, row.key)
                    assert (row.key, item) in missing, (column.key, row.key)
        by_column: dict[tuple[str, str], bool] = {}
        for row in table.rows:
            for column, cell in zip(table.columns, row.cells, strict=True):
                item = COLUMN_ITEMS.get(column.key)
                if item is not None:
                    key = (row.key, item)
                    by_column[key] = by_column.get(key, False) or cell.status == "missing"
        for key, shown in by_column.items():
            assert shown == (key in missing), key

    # check --coverage
    document = json.loads(coverage_json(coverage(datamap)))
    listed = {
        (act["id"], key)
        for act in document["activities"]
        for key, cell in act["items"].items()
        if cell["status"] == "missing"
    }
    assert listed == missing

    # the rules that report a missing item: each missing item is reported, each report is one
    index = {act.id: i for i, act in enumerate(datamap.activities)}
    hits = _hits(datamap)
    items = {item.key: item for item in ITEMS}
    for act_id, key in missing:
        codes = set(items[key].rules)
        assert any(
            code in codes and (loc[:2] == ("activities", index[act_id]) or loc[0] != "activities")
            for code, loc in hits
        ), (act_id, key)
    for code, loc in hits:
        reported_by = {(a, k) for a, k in missing if code in items[k].rules}
        if loc[0] == "activities":
            act_id = datamap.activities[loc[1]].id
            assert any(a == act_id for a, _ in reported_by), (code, loc)
        else:
            assert reported_by, (code, loc)


@_CHEAP
@given(datamaps())
def test_notice_record_and_locate_give_the_same_rights(data: dict[str, Any]) -> None:
    datamap = hr.from_data(data)
    lang = datamap.languages[0]
    page = Page(render_notice(datamap, languages=(lang,))[f"notice.{lang}.html"])
    record = build_record(datamap, lang)
    names = strings("record", lang)
    labels = {names[f"right_{r.value}"]: r for r in Right if f"right_{r.value}" in names}
    shown = notice_activities(datamap)
    limited_in_notice = {
        href.removeprefix("#activity-")
        for href in page.hrefs("right-erasure")
        if href.startswith("#activity-")
    }
    for act in datamap.controller_activities:
        expected = set(rights_of(datamap, act))
        limit = erasure_limit(act)
        row = next(r for r in record.activities.rows if r.key == act.id)
        # each right, then the derogations for archiving (which cite Art. 89(3) once)
        archive = f"for {names['archive_data']}"
        items = tuple(
            item
            for item in record.activities.cell(row, "rights").items
            if not item.startswith(archive)
        )
        in_record = {labels[item.split(" (")[0]] for item in items}
        assert in_record == expected
        erasure = next(item for item in items if labels[item.split(" (")[0]] is Right.ERASURE)
        assert (limit is not None) == (":" in erasure)
        if act in shown:
            in_notice = {
                Right(href.removeprefix("#right-"))
                for href in page.hrefs(f"activity-{act.id}")
                if href.startswith("#right-")
            }
            assert in_notice == expected
            assert (act.id in limited_in_notice) == (limit is not None)
    for subject in datamap.data_subjects:
        for holding in locate(datamap, subject.id).holdings:
            act = datamap.activity(holding.activity)
            assert holding.erasure_limited == (erasure_limit(act) is not None)
            assert holding.erasure_reason == erasure_limit(act)
