"""The typed model: navigation across references, provenance, reference checks."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

import harmonien_ropa as hr
from harmonien_ropa.law.terms import article, label
from harmonien_ropa.law.transfers import is_adequacy, is_derogation
from harmonien_ropa.model import (
    Art9Condition,
    LegalBasis,
    PartyRole,
    Provenance,
    System,
    Text,
    TransferMechanism,
)

MINIMAL = Path(__file__).parent / "good_yaml" / "minimal.yaml"


def _minimal_text() -> str:
    return MINIMAL.read_text(encoding="utf-8")


def test_activity_gives_objects_not_ids(small: hr.DataMap) -> None:
    membership = small.activity("membership")
    assert all(isinstance(system, System) for system in small.systems_of(membership))
    assert [s.name for s in small.systems_of(membership)] == ["Medlemsregister", "Mailhost"]
    assert small.vendor_of(small.systems_of(membership)[1]) is small.party("mailhost")
    assert [c.id for c in small.special_categories_of(membership)] == ["health"]
    assert [p.id for p in small.all_recipients_of(membership)] == ["mailhost"]
    assert small.activities_of(small.party("mailhost")) == (membership,)
    assert small.activities_of(small.data_category("health")) == (membership,)
    assert small.activities_of(small.system("members-db")) == (
        membership,
        small.activity("ticket-service"),
    )


def test_processor_activities_are_separated(small: hr.DataMap) -> None:
    assert [a.id for a in small.processor_activities] == ["ticket-service"]
    assert [a.id for a in small.controller_activities] == ["membership"]
    ticket = small.activity("ticket-service")
    assert small.client_of(ticket) is small.party("client")
    assert ticket.is_indirect
    assert small.source_party(ticket.sources[0]) is small.party("client")


def test_provenance_marks_assumptions(small: hr.DataMap) -> None:
    ticket = small.activity("ticket-service")
    assert ticket.provenance("retention") == Provenance(
        "assumed", "The organiser has not confirmed the period yet."
    )
    assert ticket.provenance("legal_basis") == Provenance("stated")
    assumptions = list(small.assumptions())
    assert [(loc, field) for loc, _, field, _ in assumptions] == [
        (("activities", 1, "assumptions", "retention"), "retention")
    ]


def test_legal_terms_have_articles_and_labels() -> None:
    assert article(LegalBasis.CONSENT) == "GDPR Art. 6(1)(a)"
    assert label(LegalBasis.LEGITIMATE_INTERESTS, "nb") == "berettiget interesse"
    assert article(Art9Condition.EXPLICIT_CONSENT) == "GDPR Art. 9(2)(a)"
    assert is_derogation(TransferMechanism.DEROGATION_CONTRACT)
    assert is_adequacy(TransferMechanism.EU_US_DPF)
    assert not is_adequacy(TransferMechanism.SCC)
    for enum in (LegalBasis, Art9Condition, TransferMechanism, PartyRole):
        for member in enum:
            assert article(member)
            assert label(member, "nb")
            assert label(member, "en")


def test_text_falls_back_to_the_other_language() -> None:
    only_nb = Text(nb="hei")
    assert only_nb.get("en") == "hei"
    assert only_nb.missing_languages() == ("en",)
    with pytest.raises(ValidationError):
        Text()


def test_models_are_frozen(small: hr.DataMap) -> None:
    with pytest.raises(ValidationError):
        small.organisation.name = "x"  # type: ignore[misc]


def test_build_from_dict_checks_references() -> None:
    data = hr.loads(_minimal_text()).model_dump(mode="json", by_alias=True)
    data["activities"][0]["systems"] = ["superofice"]
    data["systems"][0]["id"] = "superoffice"
    with pytest.raises(hr.LoadError) as caught:
        hr.from_data(data)
    assert caught.value.diagnostics[0].code == "ROPA006"
    assert caught.value.diagnostics[0].message == (
        "activity 'sales' refers to system 'superofice', which does not exist; "
        "did you mean 'superoffice'?"
    )
    data["activities"][0]["systems"] = ["superoffice"]
    assert (datamap := hr.from_data(data)).systems_of(datamap.activities[0])[0].id == "superoffice"


def test_dangling_reference_message_names_the_place() -> None:
    text = _minimal_text().replace("systems: [crm]", "systems: [crm, crn]")
    with pytest.raises(hr.LoadError) as caught:
        hr.loads(text, "org.yaml")
    (problem,) = caught.value.diagnostics
    assert problem.format().splitlines()[0] == (
        "org.yaml:39:20: error ROPA006 activity 'sales' refers to system 'crn', "
        "which does not exist; did you mean 'crm'?"
    )


def test_all_errors_are_reported_at_once() -> None:
    text = (
        _minimal_text()
        .replace("legal_basis: contract", "legal_basis: contrakt")
        .replace("role: processor", "role: prosessor")
        .replace('org_number: "999999999"', "org_number: 999999999")
    )
    with pytest.raises(hr.LoadError) as caught:
        hr.loads(text)
    assert [d.line for d in caught.value.diagnostics] == [4, 26, 38]


def test_unknown_key_suggests_the_nearest() -> None:
    text = _minimal_text().replace("    retention:", "    retension:")
    with pytest.raises(hr.LoadError) as caught:
        hr.loads(text)
    messages = [d.message for d in caught.value.diagnostics]
    assert "unknown key 'retension' in 'activities[0] (id 'sales')'; did you mean 'retention'?" in (
        messages
    )


def test_ids_are_per_kind(harmonien: hr.DataMap) -> None:
    assert harmonien.vendor_of(harmonien.system("superoffice")) is harmonien.party("superoffice")


def test_lookup_of_unknown_id_raises_keyerror(small: hr.DataMap) -> None:
    with pytest.raises(KeyError, match="no entry 'nope' in systems"):
        small.system("nope")


def test_json_schema_covers_the_model() -> None:
    from harmonien_ropa.schema.json_schemas import datamap_schema

    schema = datamap_schema()
    assert schema["$schema"].endswith("2020-12/schema")
    activity = schema["$defs"]["Activity"]
    assert {"systems", "data_subjects", "legal_basis", "assumptions"} <= set(activity["properties"])
    assert activity["additionalProperties"] is False
    assert set(schema["$defs"]["LegalBasis"]["enum"]) == {b.value for b in LegalBasis}


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ({"kind": "own_activity"}, "names the activity the data comes from"),
        (
            {"kind": "data_subject", "activity": "ticket-sales"},
            "use them with 'kind: own_activity'",
        ),
        (
            {"kind": "third_party", "compatibility": {"en": "Same purpose."}},
            "use them with 'kind: own_activity'",
        ),
    ],
)
def test_a_source_names_an_activity_only_for_data_reused(
    source: dict[str, object], expected: str
) -> None:
    from harmonien_ropa.model.activity import Source

    with pytest.raises(ValidationError, match=expected):
        Source.model_validate(source)
    Source.model_validate({"kind": "own_activity", "activity": "ticket-sales"})
