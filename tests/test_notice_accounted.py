"""The notice's account of the fields the law wants in it (``notice.view.accounted``, what
ROPA409 asks) is what the whole view says of them, on every map of the tests and every rule's
examples, in every language."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from support.paths import FIXTURES, HARMONIEN_YAML, ROOT
from support.synthetic import synthetic

import harmonien_ropa as hr
from harmonien_ropa.checks import RULES, check
from harmonien_ropa.checks.examples import example_map
from harmonien_ropa.checks.rules.transparency import NOTICE_FIELDS
from harmonien_ropa.model import LANGUAGES
from harmonien_ropa.notice import view as notice_view
from harmonien_ropa.source.loading import load_with_positions

MAP_FILES: tuple[Path, ...] = (
    HARMONIEN_YAML,
    ROOT / "harmonien_ropa" / "checks" / "example.yaml",
    *sorted((FIXTURES / "orgs").glob("*.yaml")),
    *sorted((ROOT / "tests" / "good_yaml").glob("*.yaml")),
    *sorted((ROOT / "docs" / "tutorial").glob("*.yaml")),
)


def _maps() -> Iterator[tuple[str, hr.DataMap]]:
    for path in MAP_FILES:
        yield path.name, hr.load(path)
    for code, rule in RULES.items():
        for kind, example in rule.examples().items():
            yield f"{code}-{kind}", example_map(example).datamap
    yield "synthetic", synthetic(30)


def _places(datamap: hr.DataMap) -> Iterator[tuple[str, object]]:
    """Every entry that may hold a field of ``NOTICE_FIELDS``, with its kind."""
    yield "organisation", datamap.organisation
    yield "notice", datamap.notice
    for activity in datamap.activities:
        yield "activity", activity
        for transfer in activity.transfers:
            yield "transfer", transfer
    for party in datamap.parties:
        yield "party", party


def _answers(datamap: hr.DataMap, view: object) -> list[tuple[str, int, str, bool]]:
    return [
        (kind, index, name, view.accounts_for(entry, name))  # type: ignore[attr-defined]
        for index, (kind, entry) in enumerate(_places(datamap))
        for name in NOTICE_FIELDS[kind]
    ]


def test_the_account_is_what_the_whole_view_says() -> None:
    compared = 0
    answers: set[bool] = set()
    for name, datamap in _maps():
        for lang in LANGUAGES:
            whole = _answers(datamap, notice_view.build(datamap, lang, {}))
            account = _answers(datamap, notice_view.accounted(datamap, lang))
            assert account == whole, (name, lang)
            compared += len(whole)
            answers.update(answer for *_, answer in whole)
    assert compared > 1000
    assert answers == {True, False}  # both shown (or waived) fields and missing ones compared


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_automated_decisions_line_is_the_one_the_rights_give(lang: str) -> None:
    """The Art. 22 line the account builds alone is the one :meth:`rights` shows."""
    datamap = hr.load(HARMONIEN_YAML)
    view = notice_view.build(datamap, lang, {})
    line = next(r for r in view.rights if r.key == "automated_decisions")
    builder = notice_view._Builder(datamap, lang, {})
    activities = notice_view.rights_law.notice_activities(datamap)
    automated = notice_view.rights_law.has_automated_decisions(datamap, activities)
    text, detail, marks = builder.automated_decisions(automated)
    assert (line.text, line.detail, line.marks) == (text, detail, marks)


def test_a_check_builds_no_whole_view_and_one_account(monkeypatch: pytest.MonkeyPatch) -> None:
    builds: list[object] = []
    accounts: list[object] = []
    original_build, original_account = notice_view.build, notice_view.accounted
    monkeypatch.setattr(notice_view, "build", lambda *a: builds.append(a) or original_build(*a))
    monkeypatch.setattr(
        notice_view, "accounted", lambda *a: accounts.append(a) or original_account(*a)
    )
    result = check(load_with_positions(HARMONIEN_YAML))
    assert "ROPA409" in {rule.code for rule in result.rules}
    assert (len(builds), len(accounts)) == (0, 1)


def test_the_account_makes_no_text_or_mark_of_the_notice(monkeypatch: pytest.MonkeyPatch) -> None:
    """The account runs the sections but fills in no value: no text is put in the notice's
    language, no mark of an assumption made (the whole view makes both, on the same map)."""
    made: list[str] = []
    localize, marks = notice_view._Builder._localize, notice_view._Builder.marks

    def counted_localize(self: notice_view._Builder, text: object) -> object:
        made.append("text")
        return localize(self, text)  # type: ignore[arg-type]

    def counted_marks(self: notice_view._Builder, *args: object, **kwargs: object) -> object:
        made.append("mark")
        return marks(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(notice_view._Builder, "_localize", counted_localize)
    monkeypatch.setattr(notice_view._Builder, "marks", counted_marks)
    datamap = hr.load(HARMONIEN_YAML)
    notice_view.accounted(datamap, "nb")
    assert made == []
    notice_view.build(datamap, "nb", {})
    assert {"text", "mark"} <= set(made)


def test_the_account_makes_no_fact_or_sentence_of_the_activities_sections(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The sections every activity has make their facts and sentences through the builder:
    the account makes none of them (the whole view makes them, on the same map)."""
    made: list[str] = []
    fact, sentence = notice_view._Builder.new_fact, notice_view._Builder.new_sentence
    monkeypatch.setattr(
        notice_view._Builder,
        "new_fact",
        staticmethod(lambda *a: made.append("fact") or fact(*a)),
    )
    monkeypatch.setattr(
        notice_view._Builder,
        "new_sentence",
        staticmethod(lambda *a: made.append("sentence") or sentence(*a)),
    )
    datamap = synthetic(20)
    notice_view.accounted(datamap, "nb")
    assert made == []
    notice_view.build(datamap, "nb", {})
    assert made.count("fact") >= len(datamap.activities)
    assert made.count("sentence") >= len(datamap.activities)
