"""The notice as one typed view: each choice the notice makes, asserted on the view itself.

The view (``harmonien_ropa.notice.view``) decides which sentence states a fact, with which
values and which open assumptions; the HTML and Markdown layouts only arrange it. These tests
read the view, not the rendered files (the golden and browser tests cover those).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

import harmonien_ropa as hr
from harmonien_ropa.checks.examples import example_map
from harmonien_ropa.law import rights as rights_law
from harmonien_ropa.law.terms import cite
from harmonien_ropa.model import LANGUAGES
from harmonien_ropa.notice.facts import (
    Fact,
    Link,
    Localized,
    NoticeView,
    Sentence,
    Value,
)
from harmonien_ropa.notice.view import build
from harmonien_ropa.source.i18n import strings

ROOT = Path(__file__).resolve().parents[1]


def _view(overlay: str = "", lang: str = "en") -> NoticeView:
    return build(example_map(overlay).datamap, lang)


def _values(sentence: Value) -> dict[str, Value]:
    assert isinstance(sentence, Sentence)
    return dict(sentence.values)


def _sentences(value: object) -> Iterator[Sentence]:
    """Every interface sentence anywhere in a view (nested values included)."""
    if isinstance(value, Sentence):
        yield value
        for _, inner in value.values:
            yield from _sentences(inner)
    elif isinstance(value, Link):
        yield from _sentences(value.text)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for item in dataclasses.fields(value):
            yield from _sentences(getattr(value, item.name))
    elif isinstance(value, tuple):
        for item in value:
            yield from _sentences(item)


@pytest.fixture(scope="module")
def harmonien() -> hr.DataMap:
    return hr.load(ROOT / "data" / "processing.yaml")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_sentence_of_harmonien_view_exists_and_is_filled(
    harmonien: hr.DataMap, lang: str
) -> None:
    view = build(harmonien, lang)
    found = list(_sentences(view))
    assert len(found) > 50
    table = strings("notice", lang)
    for sentence in found:
        # every placeholder is given a value and the sentence fills without error
        table[sentence.key].format(**dict(sentence.values))


def test_the_view_is_frozen() -> None:
    view = _view()
    with pytest.raises(dataclasses.FrozenInstanceError):
        view.lang = "nb"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        view.activities[0].legal_basis.marks = ()  # type: ignore[misc]


def test_legal_basis_sentence_is_chosen_in_the_view() -> None:
    basis = _view(lang="nb").activities[0].legal_basis
    assert isinstance(basis.value, Sentence)
    assert basis.value.key == "basis_plain"
    assert _values(basis.value)["article"] == "personvernforordningen art. 6 nr. 1 bokstav b"
    with_law = _view(
        """
        activities:
          - id: membership
            legal_basis: legal_obligation
            legal_source: bokføringsloven § 13
        """
    ).activities[0]
    assert isinstance(with_law.legal_basis.value, Sentence)
    assert with_law.legal_basis.value.key == "basis_with_law"
    assert _values(with_law.legal_basis.value)["law"] == "bokføringsloven § 13"
    assert _values(with_law.legal_basis.value)["article"] == "GDPR Art. 6(1)(c)"
    missing = _view("activities:\n  - id: membership\n    legal_basis: null\n").activities[0]
    assert missing.legal_basis.value == Sentence("legal_basis_missing")


def test_dpo_sentence_and_contact_details() -> None:
    none = _view().controller.dpo
    assert none.statement == Sentence("dpo_none")
    assert isinstance(none.reason, Localized)
    assert none.reason.text.startswith("The choir")
    assert none.email is None
    appointed = _view(
        """
        organisation:
          dpo: {appointed: true, name: Ola Normann, email: dpo@kor.example}
        """
    ).controller.dpo
    assert appointed.statement == Sentence("dpo_appointed", (("name", "Ola Normann"),))
    assert appointed.email == "dpo@kor.example"
    assert appointed.reason is None


def test_representative_is_part_of_the_controller() -> None:
    assert _view().controller.representative is None
    rep = _view(
        "organisation:\n  representative: {name: Rep GmbH, email: rep@example.org}\n"
    ).controller.representative
    assert rep is not None
    assert (rep.name, rep.email) == ("Rep GmbH", "rep@example.org")


_US_PROCESSOR = """
parties:
  - id: cloudmail
    name: Cloudmail Inc.
    role: processor
    country: US
    dpa: true
systems:
  - id: mail
    name: Cloudmail
    vendor: cloudmail
    hosting_countries: [US]
activities:
  - id: membership
    systems: [register, mail]
    transfers:
      - party: cloudmail
        country: US
        mechanism: scc
"""


def test_no_transfer_says_so_only_when_nothing_is_unknown() -> None:
    transfers = _view().transfers
    assert transfers.rows == ()
    assert transfers.intro is None
    assert transfers.none == Sentence("no_transfers")
    unknown = _view(
        """
        systems:
          - id: cloud
            name: Cloudbox
        activities:
          - id: membership
            systems: [register, cloud]
        """
    ).transfers
    assert unknown.none is None
    assert unknown.unknown == Sentence("transfers_unknown")
    [(name, marks)] = unknown.hosting_unknown
    assert name == "Cloudbox"
    [[mark]] = marks
    assert mark.where.endswith("hosting_countries")
    assert "Not known yet" in mark.note


def test_our_transfer_under_scc_owes_a_copy_of_the_safeguards() -> None:
    view = _view(_US_PROCESSOR)
    [row] = view.transfers.rows
    assert view.transfers.intro == Sentence("transfers_intro")
    assert row.onward is None
    assert row.importer is None
    assert row.ground_heading == "transfer_mechanism"
    assert row.mechanism is not None
    assert row.mechanism.cite.startswith("GDPR Art. 46(2)(c)")
    assert row.copy == Sentence("transfer_copy_default")
    [line] = view.activities[0].transfers
    assert isinstance(line.value, Sentence)
    assert line.value.key == "transfer_line"
    given = _view(
        _US_PROCESSOR + "        safeguards_copy: {nb: Be oss om den., en: Ask us for it.}\n"
    )
    assert given.transfers.rows[0].copy == Localized("Ask us for it.")


def test_adequacy_owes_no_copy_of_the_safeguards() -> None:
    [row] = _view(_US_PROCESSOR.replace("US", "CH").replace("scc", "adequacy")).transfers.rows
    assert row.copy is None
    assert row.mechanism is not None


def test_a_recipients_onward_transfer_is_theirs() -> None:
    from test_law import _IRISH_RECIPIENT

    view = _view(_IRISH_RECIPIENT)
    [row] = view.transfers.rows
    assert row.onward is not None
    assert row.importer is None
    assert isinstance(row.onward.value, Sentence)
    assert row.onward.value.key == "transfer_onward"
    assert _values(row.onward.value)["importer"] == "Adco, Inc."
    assert row.ground_heading == "transfer_onward_ground"
    assert row.copy is None
    assert view.transfers.intro == Sentence("transfers_intro_onward")
    [line] = view.activities[0].transfers
    assert isinstance(line.value, Sentence)
    assert line.value.key == "transfer_line_onward"
    assert view.joint == ("Adco Ireland Ltd",)


def test_assumptions_are_marks_on_the_fact_they_qualify() -> None:
    assert _view().provisional is False
    view = _view(
        """
        activities:
          - id: membership
            assumptions: {legal_basis: Contract assumed; confirm with the board.}
        """
    )
    assert view.provisional is True
    basis = view.activities[0].legal_basis
    [[mark]] = basis.marks
    assert mark.where == "activities.membership.legal_basis"
    assert mark.note == "Contract assumed; confirm with the board."
    assert view.open_marks == (mark,)
    # nothing else in the notice is marked
    assert view.activities[0].purpose.marks == ()


def test_a_missing_translation_is_shown_in_the_other_language() -> None:
    view = _view("activities:\n  - id: membership\n    purpose: {en: null}\n")
    assert view.activities[0].purpose == Fact(Localized("Å administrere medlemskapet.", "nb"))
    assert view.untranslated == frozenset({"Å administrere medlemskapet."})
    assert _view().untranslated == frozenset()


def test_erasure_limits_come_from_the_law_layer(harmonien: hr.DataMap) -> None:
    for lang in LANGUAGES:
        view = build(harmonien, lang)
        [erasure] = [r for r in view.rights if r.key == "erasure"]
        assert erasure.limited, "Harmonien keeps accounting data by law"
        by_id = {a.id: a for a in harmonien.activities}
        for ref, limit in erasure.limited:
            expected = rights_law.erasure_limit(by_id[ref.id])
            assert expected is not None
            assert limit == cite(expected, lang)


def test_the_view_knows_which_fields_it_shows() -> None:
    loaded = example_map(
        """
        activities:
          - id: membership
            legal_basis: legal_obligation
            legal_source: bokføringsloven § 13
        """
    )
    view = build(loaded.datamap, "en")
    activity = loaded.datamap.activities[0]
    assert view.shows(activity, "legal_source")
    assert view.shows(activity, "provision")
    assert not view.shows(activity, "legitimate_interest")  # not given
    loaded = example_map(
        "activities:\n  - id: membership\n    legal_basis: null\n"
        "    legal_source: bokføringsloven § 13\n"
    )
    view = build(loaded.datamap, "en")
    assert not view.accounts_for(loaded.datamap.activities[0], "legal_source")


_TRACKING = """
data_categories:
  - id: cookie-id
    name: {{nb: informasjonskapsel-ID, en: cookie ID}}
    fideslang: user.device.cookie_id
activities:
  - id: membership
    data_categories: [name, email, cookie-id]
    sources:
      - kind: data_subject
      - kind: {source}
    legal_basis: {basis}
    consent_withdrawal: {{nb: I innstillingene., en: In the settings.}}
"""


def test_cookie_consent_is_its_own_fact_and_never_assumed_given() -> None:
    asked = _view(_TRACKING.format(source="observed", basis="consent"), "nb").activities[0]
    assert asked.device_consent is not None
    assert isinstance(asked.device_consent.value, Sentence)
    assert asked.device_consent.value.key == "device_consent_asked"
    assert _values(asked.device_consent.value)["article"] == "ekomloven § 3-15 (LOV-2024-12-13-76)"
    assert asked.legal_basis.value != asked.device_consent.value  # not the Art. 6 basis
    unsettled = _view(_TRACKING.format(source="observed", basis="legitimate_interests")).activities[
        0
    ]
    assert unsettled.device_consent is not None
    assert isinstance(unsettled.device_consent.value, Sentence)
    assert unsettled.device_consent.value.key == "device_consent_unsettled"
    (group,) = unsettled.device_consent.marks  # provisional: whether consent is asked is not known
    assert "ekomloven § 3-15" in group[0].note
    not_read = _view(_TRACKING.format(source="third_party", basis="consent")).activities[0]
    assert not_read.device_consent is None


def test_erasure_limits_name_a_public_task_only_where_one_is_relied_on(
    harmonien: hr.DataMap,
) -> None:
    (erasure,) = [r for r in build(harmonien, "nb").rights if r.key == "erasure"]
    assert erasure.limited  # bookkeeping
    assert erasure.limited_intro == Sentence("right_erasure_limited_law")
    public = _view(
        """
        activities:
          - id: membership
            legal_basis: public_task
            legal_source: kulturlova § 4
        """
    )
    (erasure,) = [r for r in public.rights if r.key == "erasure"]
    assert erasure.limited_intro == Sentence("right_erasure_limited")


def test_a_controller_abroad_has_its_country_in_both_layouts() -> None:
    from support.notice_text import render_notice

    datamap = example_map(
        "organisation:\n  address: {street: Storgatan 1, postcode: '111 22', city: Stockholm, "
        "country: SE}\n"
    ).datamap
    assert build(datamap, "en").controller.address_country == "Sweden"
    files = render_notice(datamap)
    for name in ("notice.en.md", "notice.en.html"):
        assert "Storgatan 1, 111 22 Stockholm, Sweden" in files[name], name
