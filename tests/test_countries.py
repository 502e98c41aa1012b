"""EEA membership, adequacy decisions and country names."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from harmonien_ropa.law import countries as c
from harmonien_ropa.law import transfers as tr
from harmonien_ropa.model import Party


def test_eea_is_eu_plus_efta_three() -> None:
    assert len(c.EU_MEMBERS) == 27
    assert len(c.EEA_MEMBERS) == 30
    assert {"IS", "LI", "NO"} == c.EEA_MEMBERS - c.EU_MEMBERS


@pytest.mark.parametrize(
    ("code", "eea"),
    [("NO", True), ("IE", True), ("se", True), ("EL", True), ("US", False), ("GB", False)],
)
def test_is_eea(code: str, eea: bool) -> None:
    assert c.is_eea(code) is eea
    assert c.is_third_country(code) is not eea


def test_aliases() -> None:
    assert c.normalise("uk") == "GB"
    assert c.normalise("EL") == "GR"
    assert c.country_name("UK", "nb") == "Storbritannia"


def test_us_adequacy_needs_dpf_certification() -> None:
    us = c.adequacy("US")
    assert us is not None
    assert us.partial
    assert "2023/1795" in us.decision
    assert "Data Privacy Framework" in (us.condition("en") or "")
    assert not tr.has_adequacy("US")
    assert not tr.has_adequacy("US", _party("US", dpf_certified=False))
    assert tr.has_adequacy("US", _party("US", dpf_certified=True))
    assert tr.party_needs_mechanism(_party("US"))
    assert not tr.party_needs_mechanism(_party("US", dpf_certified=True))


def test_only_a_us_importer_is_covered_by_the_dpf() -> None:
    """A certified flag on an Irish company does not make a transfer to the US adequate."""
    assert not tr.has_adequacy("US", _party("IE", dpf_certified=True))


def _party(country: str, **fields: object) -> Party:
    return Party.model_validate(
        {"id": "p", "name": "P", "role": "processor", "country": country, **fields}
    )


@pytest.mark.parametrize("code", ["CH", "GB", "JP", "KR", "NZ", "UY", "IL", "CA"])
def test_adequacy_countries(code: str) -> None:
    assert tr.has_adequacy(code)
    assert not tr.party_needs_mechanism(_party(code))


@pytest.mark.parametrize("code", ["CN", "IN", "RU", "NO", "IE"])
def test_no_adequacy(code: str) -> None:
    assert not tr.has_adequacy(code)


def test_adequacy_and_eea_do_not_overlap() -> None:
    assert not set(c.ADEQUACY) & c.EEA_MEMBERS


def test_names() -> None:
    assert c.country_name("NO", "nb") == "Norge"
    assert c.country_name("NO", "en") == "Norway"
    assert c.country_name("US", "nb") == "USA"
    assert c.country_name("IE", "en") == "Ireland"
    assert c.country_name("ZZ", "en") == "ZZ"


def test_every_relevant_code_has_both_names() -> None:
    for code in sorted(c.EEA_MEMBERS | set(c.ADEQUACY)):
        assert c.country_name(code, "nb") != code
        assert c.country_name(code, "en") != code


@given(st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=2))
def test_every_code_is_eea_or_third_country(code: str) -> None:
    assert c.is_eea(code) != c.is_third_country(code)
    if c.is_eea(code):
        assert not tr.party_needs_mechanism(_party(code))
