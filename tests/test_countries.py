"""EEA membership, adequacy decisions and country names."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from harmonien_ropa.model import countries as c


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
    assert not c.has_adequacy("US")
    assert not c.has_adequacy("US", dpf_certified=False)
    assert c.has_adequacy("US", dpf_certified=True)
    assert c.needs_transfer_mechanism("US")
    assert not c.needs_transfer_mechanism("US", dpf_certified=True)


@pytest.mark.parametrize("code", ["CH", "GB", "JP", "KR", "NZ", "UY", "IL", "CA"])
def test_adequacy_countries(code: str) -> None:
    assert c.has_adequacy(code)
    assert not c.needs_transfer_mechanism(code)


@pytest.mark.parametrize("code", ["CN", "IN", "RU", "NO", "IE"])
def test_no_adequacy(code: str) -> None:
    assert not c.has_adequacy(code)


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
        assert not c.needs_transfer_mechanism(code)
