"""Explicit 'none' and 'unknown', retention kinds, reused sources, owners and review dates:
what the loader accepts, what it refuses (with a position and a fix), and what the map then
holds."""

from __future__ import annotations

import datetime as dt

import pytest

from harmonien_ropa.checks.examples import example_text
from harmonien_ropa.cli import main
from harmonien_ropa.core.errors import LoadError
from harmonien_ropa.model import DataMap
from harmonien_ropa.model.legal import RetentionKind
from harmonien_ropa.source.loading import loads


def _load(overlay: str) -> DataMap:
    return loads(example_text(overlay), "example.yaml")


def _refused(overlay: str) -> list[str]:
    with pytest.raises(LoadError) as caught:
        _load(overlay)
    return [f"{d.line}:{d.column} {d.message}" for d in caught.value.diagnostics]


def test_recipients_none_is_stated_and_empty() -> None:
    activity = _load("activities: [{id: membership, recipients: none}]").activity("membership")
    assert activity.recipient_ids == ()
    assert activity.no_recipients
    silent = _load("").activity("membership")
    assert silent.recipient_ids == ()
    assert not silent.no_recipients


def test_recipients_none_with_recipients_is_refused() -> None:
    problems = _refused("activities: [{id: membership, recipients: [hostco], no_recipients: true}]")
    assert any("lists no recipients" in p for p in problems), problems


@pytest.mark.parametrize("word", ["None", "nobody", "unknown"])
def test_other_words_for_recipients_are_refused(word: str) -> None:
    problems = _refused(f"activities: [{{id: membership, recipients: {word}}}]")
    assert any(f"or the word 'none', not '{word}'" in p for p in problems), problems


def test_unknown_hosting_and_org_number() -> None:
    datamap = _load(
        "organisation: {org_number: unknown}\nsystems: [{id: register, hosting_countries: unknown}]"
    )
    assert datamap.organisation.org_number is None
    assert datamap.system("register").hosting_countries == ()


def test_unknown_org_number_is_never_shown_as_the_word(tmp_path: object) -> None:
    from harmonien_ropa import render
    from harmonien_ropa.outputs import RenderOptions

    datamap = _load("organisation: {org_number: unknown}")
    result = render(datamap, ["notice", "record", "dpv", "model"], RenderOptions())
    for artifact in result.artifacts:
        if artifact.path.endswith((".md", ".html", ".csv", ".json", ".ttl", ".jsonld")):
            text = artifact.content.decode()
            assert "UNKNOWN" not in text, artifact.path
            assert "org.nr. unknown" not in text, artifact.path
            assert "number unknown" not in text, artifact.path


def test_review_by_before_last_reviewed_is_refused() -> None:
    problems = _refused(
        "activities: [{id: membership, last_reviewed: 2026-05-01, review_by: 2026-01-01}]"
    )
    assert any("before last_reviewed" in p for p in problems), problems


def test_own_activity_source_names_an_existing_activity() -> None:
    assert any(
        "add 'activity: <id>'" in p
        for p in _refused("activities: [{id: membership, sources: [{kind: own_activity}]}]")
    )
    problems = _refused(
        "activities: [{id: membership, sources: [{kind: own_activity, activity: tickets}]}]"
    )
    assert any("activity 'tickets', which does not exist" in p for p in problems), problems


def test_needed_for_and_category_retention_refer_to_what_exists() -> None:
    problems = _refused(
        "data_categories: [{id: email, national_id: true, needed_for: [payroll]}]\n"
        "activities: [{id: membership, category_retention: "
        "[{categories: [phone], text: {nb: x, en: x}, period: P1Y}]}]"
    )
    assert any("activity 'payroll'" in p for p in problems), problems
    assert any("category 'phone'" in p for p in problems), problems


def test_retention_kinds_load() -> None:
    datamap = _load(
        "activities: [{id: membership, retention: {kind: permanent_archive, "
        "text: {nb: Varig., en: Permanent.}, legal_source: arkivlova § 9}}]"
    )
    retention = datamap.activity("membership").retention
    assert retention is not None
    assert retention.kind is RetentionKind.PERMANENT_ARCHIVE


def test_bad_value_exits_2_with_a_position(
    tmp_path: object, capsys: pytest.CaptureFixture[str]
) -> None:
    from pathlib import Path

    folder = Path(str(tmp_path))
    path = folder / "map.yaml"
    path.write_text(
        example_text("activities: [{id: membership, retention: {kind: forever}}]"), "utf-8"
    )
    assert main(["check", "--data", str(path)]) == 2
    err = capsys.readouterr().err
    assert "map.yaml:" in err
    assert "'forever' is not a valid value" in err
    assert "until_consent_withdrawn, permanent_archive" in err
    assert "Traceback" not in err


def test_a_bad_value_in_a_list_lists_the_valid_values(
    tmp_path: object, capsys: pytest.CaptureFixture[str]
) -> None:
    """An item of a list of choices (a marketing channel) that is none of them: the fix names
    every valid one, as for a single choice."""
    from pathlib import Path

    from harmonien_ropa.model import MarketingChannel

    path = Path(str(tmp_path)) / "map.yaml"
    path.write_text(example_text("activities: [{id: membership, marketing: [phone]}]"), "utf-8")
    assert main(["check", "--data", str(path)]) == 2
    err = capsys.readouterr().err
    assert "'phone' is not a valid value" in err
    assert "did you mean 'telephone'?" in err
    assert "valid values: " + ", ".join(c.value for c in MarketingChannel) in err


def test_docs_employees_example_loads_checks_clean_and_renders() -> None:
    """The YAML of docs/employees.md, on the rule examples' reference map: it loads, has no
    error or warning, and its notice names the referees as a source."""
    from pathlib import Path

    from harmonien_ropa import render
    from harmonien_ropa.checks import CheckConfig, check
    from harmonien_ropa.checks.examples import example_map
    from harmonien_ropa.outputs import RenderOptions

    page = (Path(__file__).resolve().parent.parent / "docs" / "employees.md").read_text("utf-8")
    block = page.split("```yaml\n", 1)[1].split("```", 1)[0]
    loaded = example_map(block)
    found = check(loaded, CheckConfig(today=dt.date(2026, 12, 1))).findings
    assert [f.code for f in found if f.severity.value in ("error", "warning")] == []
    notice = render(loaded.datamap, ["notice"], RenderOptions())
    text = next(a.content for a in notice.artifacts if a.path == "notice.en.md").decode()
    assert "from another person: referees you name" in text
    assert "For reference statement: Erased at the appointment" in text


@pytest.mark.parametrize(
    ("overlay", "expected"),
    [
        # the kind says when storage ends: neither vague nor without a trigger
        (
            "activities: [{id: membership, legal_basis: consent, consent_withdrawal: "
            "{nb: Skriv til oss., en: Write to us.}, retention: {kind: until_consent_withdrawn, "
            "text: {nb: Til du trekker samtykket., en: Until you withdraw.}, period: null, "
            "trigger: null}}]",
            set(),
        ),
        # a rule per category is read like the activity's own
        (
            "activities: [{id: membership, category_retention: [{categories: [email], "
            "text: {nb: Så lenge det er nødvendig., en: As long as necessary.}, period: P1Y}]}]",
            {"ROPA302", "ROPA304"},
        ),
    ],
)
def test_retention_rules_read_kinds_and_category_rules(overlay: str, expected: set[str]) -> None:
    from harmonien_ropa.checks import check
    from harmonien_ropa.checks.examples import example_map

    found = {d.code for d in check(example_map(overlay)).findings}
    assert found & {"ROPA302", "ROPA304", "ROPA350", "ROPA351"} == expected


@pytest.mark.parametrize(
    ("overlay", "words"),
    [
        (
            "data_categories: [{id: email, needed_for: [membership]}]",
            "set 'national_id: true'",
        ),
        (
            "activities: [{id: membership, sources: [{kind: data_subject, "
            "compatibility: {nb: x, en: x}}]}]",
            "with 'kind: own_activity' only",
        ),
    ],
)
def test_keys_of_one_kind_of_entry_are_refused_elsewhere(overlay: str, words: str) -> None:
    problems = _refused(overlay)
    assert any(words in p for p in problems), problems
