"""The mapping table: complete for our vocabularies, valid against fideslang, used as fallback."""

from __future__ import annotations

import warnings

import pytest

import harmonien_ropa as hr
from harmonien_ropa.core.errors import HarmonienError
from harmonien_ropa.interop.mapping import coverage, mapping, parse_mapping
from harmonien_ropa.model import Art9Condition, LegalBasis, PartyRole, TransferMechanism

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    from fideslang import DEFAULT_TAXONOMY
    from fideslang.models import LegalBasisForProcessingEnum, SpecialCategoryLegalBasisEnum

CATEGORIES = {c.fides_key for c in DEFAULT_TAXONOMY.data_category}
SUBJECTS = {s.fides_key for s in DEFAULT_TAXONOMY.data_subject}
USES = {u.fides_key for u in DEFAULT_TAXONOMY.data_use}


@pytest.mark.parametrize(
    ("table", "enum"),
    [
        ("legal_bases", LegalBasis),
        ("art9_conditions", Art9Condition),
        ("transfer_mechanisms", TransferMechanism),
        ("party_roles", PartyRole),
    ],
)
def test_every_member_of_our_vocabularies_has_a_row(table: str, enum: type) -> None:
    rows = mapping().tables[table]
    assert [r.ours for r in rows] == [str(m) for m in enum]  # type: ignore[attr-defined]


def test_legal_basis_texts_are_fideslang_enum_values() -> None:
    table = mapping()
    assert {table.legal_basis(b).fideslang for b in LegalBasis} == {
        e.value for e in LegalBasisForProcessingEnum
    }
    assert {table.art9(c).fideslang for c in Art9Condition} == {
        e.value for e in SpecialCategoryLegalBasisEnum
    }


def test_every_fideslang_key_in_the_table_exists_in_the_taxonomy() -> None:
    table = mapping()
    for row in table.tables["data_categories"]:
        assert row.fideslang in CATEGORIES, row
    for row in table.tables["data_subjects"]:
        assert row.fideslang is None or row.fideslang in SUBJECTS, row
    for rule in table.purposes:
        assert rule.fideslang in USES, rule
    for old, new in table.renamed.items():
        assert old not in CATEGORIES | USES, old
        assert new in CATEGORIES | USES, new


def test_dpv_concepts_use_known_prefixes() -> None:
    table = mapping()
    concepts = [r.dpv for rows in table.tables.values() for r in rows if r.dpv]
    concepts += [r.dpv for r in table.purposes if r.dpv]
    for concept in concepts:
        assert table.expand(concept).startswith("https://w3id.org/dpv"), concept
    assert table.legal_basis(LegalBasis.CONSENT).dpv == "eu-gdpr:A6-1-a"
    assert table.art9(Art9Condition.EXPLICIT_CONSENT).dpv == "eu-gdpr:A9-2-a"


def test_harmonien_maps_completely(harmonien: hr.DataMap) -> None:
    found = {c.kind: c for c in coverage(harmonien)}
    assert [(c.total, c.fideslang_mapped, c.dpv_mapped) for c in found.values()] == [
        (10, 10, 10),
        (5, 5, 5),
        (8, 8, 8),
    ]


def test_small_map_coverage_names_what_did_not_map(small: hr.DataMap) -> None:
    found = {c.kind: c for c in coverage(small)}
    subjects = found["data subjects"]
    assert subjects.fideslang_missing == ("members", "client-customers")
    assert subjects.dpv_missing == ("client-customers",)
    assert "without fideslang: members, client-customers" in subjects.summary()


def test_own_keys_win_over_the_table(harmonien: hr.DataMap) -> None:
    table = mapping()
    # The table row for 'purchases' says purchase history; a map that files purchases under
    # user.financial and pd:Transactional gets its own keys.
    purchases = harmonien.data_category("purchases")
    assert table.category(purchases) == ("user.behavior.purchase_history", "pd:Purchase")
    own = purchases.model_copy(update={"fideslang": "user.financial", "dpv": "pd:Transactional"})
    assert table.category(own) == ("user.financial", "pd:Transactional")
    newsletter = harmonien.activity("newsletter")
    assert table.purpose(harmonien, newsletter) == (
        "marketing.communications.email",
        "dpv:DirectMarketing",
    )
    own = newsletter.model_copy(update={"fideslang": "marketing.communications"})
    assert table.purpose(harmonien, own) == ("marketing.communications", "dpv:DirectMarketing")


def test_table_falls_back_by_id_then_by_fideslang_key(small: hr.DataMap) -> None:
    table = mapping()
    assert table.category(small.data_category("health")) == ("user.health_and_medical", "pd:Health")
    assert table.subject(small.data_subject("members")) == (None, "dpv:Member")
    assert table.nearest("data_categories", "user.health_and_medical.genetic.extra") is not None
    assert table.nearest("data_categories", "nothing.like.this") is None


def test_purpose_rules_in_order(harmonien: hr.DataMap) -> None:
    table = mapping()
    uses = {a.id: table.purpose(harmonien, a)[0] for a in harmonien.activities}
    assert uses == {
        "ticket-administration": "essential.service",
        "wheelchair-seating": "essential.service",
        "newsletter": "marketing.communications.email",
        "prospects": "marketing",
        "ad-targeting": "marketing.advertising.third_party.targeted",
        "web-analytics-ads": "marketing.advertising.profiling",
        "social-media-pages": "marketing",
        "accounting": "essential.legal_obligation",
    }


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ([], "mapping of tables"),
        ({"legal_bases": [{"fideslang": "x"}]}, "every row needs 'ours'"),
        ({"legal_bases": [{"ours": "x", "colour": "red"}]}, "unknown column(s) colour"),
        ({"purposes": [{"when": {"weather": "rain"}}]}, "conditions must be some of"),
    ],
)
def test_malformed_tables_are_refused(raw: object, message: str) -> None:
    with pytest.raises(HarmonienError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_mapping(raw)


def test_unknown_prefix_is_refused() -> None:
    with pytest.raises(HarmonienError, match="unknown prefix"):
        mapping().expand("foo:Bar")
    assert mapping().expand("https://example.org/x") == "https://example.org/x"
