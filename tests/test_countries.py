"""EEA membership, adequacy decisions, country codes and names."""

from __future__ import annotations

import re
import runpy
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from support.paths import ROOT

from harmonien_ropa.cli import main
from harmonien_ropa.core import countrycodes
from harmonien_ropa.law import countries as c
from harmonien_ropa.law import transfers as tr
from harmonien_ropa.model import Party


def test_eea_is_eu_plus_efta_three() -> None:
    assert len(c.EU_MEMBERS) == 27
    assert len(c.EEA_MEMBERS) == 30
    assert {"IS", "LI", "NO"} == c.EEA_MEMBERS - c.EU_MEMBERS


@pytest.mark.parametrize(
    ("code", "eea"),
    [("NO", True), ("IE", True), ("GR", True), ("US", False), ("GB", False)],
)
def test_is_eea(code: str, eea: bool) -> None:
    assert c.is_eea(code) is eea
    assert c.is_third_country(code) is not eea


def test_every_iso_3166_1_code_and_nothing_else() -> None:
    codes = countrycodes.codes()
    assert len(codes) == 249  # the officially assigned ISO 3166-1 alpha-2 codes
    assert list(codes) == sorted(codes)
    assert {"SS", "CW", "SX", "BQ", "AX", "GG", "JE", "IM", "PS", "TW", "VA"} <= set(codes)
    assert not countrycodes.NOT_COUNTRIES & set(codes)
    assert not {"UK", "EL", "SW", "EU", "XK", "ZZ", "no", "No"} & set(codes)
    assert c.EEA_MEMBERS | set(c.ADEQUACY) <= set(codes)


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
    assert c.country_name("NO", "nn") == "Noreg"
    assert c.country_name("NO", "en") == "Norway"
    assert c.country_name("US", "nb") == "USA"
    assert c.country_name("IE", "en") == "Ireland"
    assert c.country_name("FO", "nn") == "Færøyane"
    assert c.country_name("SS", "en") == "South Sudan"


def test_every_code_has_a_name_in_nb_nn_and_en() -> None:
    for code in countrycodes.codes():
        for lang in ("nb", "nn", "en"):
            name = c.country_name(code, lang)
            assert name
            assert name != code
            assert name.strip() == name


@pytest.mark.parametrize(
    ("code", "lang", "in_text"),
    [
        ("US", "en", "the United States"),
        ("GB", "en", "the United Kingdom"),
        ("NL", "en", "the Netherlands"),
        ("PH", "en", "the Philippines"),
        ("IE", "en", "Ireland"),
        ("US", "nb", "USA"),
        ("NL", "nn", "Nederland"),
    ],
)
def test_a_sentence_gives_english_names_their_article(code: str, lang: str, in_text: str) -> None:
    assert c.country_in_text(code, lang) == in_text
    assert c.country_name(code, lang) == in_text.removeprefix("the ")


def test_the_names_that_take_an_article_are_all_listed() -> None:
    """A plural or descriptive English name ("... Islands", "... Republic", "United ...")
    takes "the" in a sentence; the list names only real codes."""
    plural = re.compile(r"Islands|Republic|United|Territor|Netherlands|Lands")
    for code in countrycodes.codes():
        if plural.search(c.country_name(code, "en")):
            assert code in countrycodes.ENGLISH_ARTICLE, code
    assert set(countrycodes.codes()) >= countrycodes.ENGLISH_ARTICLE


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            "EU",
            "'EU' is not a valid country code for 'systems[0] (id 's').hosting_countries[0]': "
            "it stands for European Union, not a country; name each country the data goes to",
        ),
        (
            "SW",
            "no ISO 3166-1 country has this code; did you mean 'CH' (Switzerland) or "
            "'SE' (Sweden)?",
        ),
        (
            "UK",
            "it is an abbreviation, not the ISO 3166-1 code; did you mean 'GB' (United Kingdom)?",
        ),
        ("EL", "did you mean 'GR' (Greece)?"),
        ("se", "write it in capitals; did you mean 'SE' (Sweden)?"),
        ("Norway", "did you mean 'NO' (Norway)?"),
        ("Tyskland", "did you mean 'DE' (Germany)?"),
        ("QQ", "'QQ' is not a valid country code"),
    ],
)
def test_a_code_that_is_not_a_country_is_refused_at_load_with_a_hint(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str, expected: str
) -> None:
    data = tmp_path / "map.yaml"
    data.write_text(
        "organisation: {name: O, org_number: '999999999'}\n"
        "notice: {version: '1', effective_date: 2026-01-01}\n"
        "record: {version: '1', effective_date: 2026-01-01}\n"
        "systems:\n"
        f"  - {{id: s, name: S, hosting_countries: [{value}]}}\n",
        encoding="utf-8",
    )
    assert main(["check", "--data", str(data)]) == 2
    err = capsys.readouterr().err
    assert f"{data}:5:42: error ROPA004 " in err
    assert expected in err
    assert "fix: write a two-letter ISO 3166 country code in capitals" in err
    assert "Traceback" not in err


@given(st.sampled_from(countrycodes.codes()))
def test_every_code_is_eea_or_third_country(code: str) -> None:
    assert c.is_eea(code) != c.is_third_country(code)
    if c.is_eea(code):
        assert not tr.party_needs_mechanism(_party(code))


def test_the_shipped_table_is_cldr_s_as_the_pinned_babel_gives_it() -> None:
    """``countrycodes.json`` is what ``scripts/update-countries.py`` writes from Babel (a dev
    dependency: the package itself reads the JSON and never unpickles Babel's data)."""
    script = runpy.run_path(str(ROOT / "scripts" / "update-countries.py"))
    shipped = (ROOT / "harmonien_ropa" / "core" / "countrycodes.json").read_text(encoding="utf-8")
    assert shipped == script["text"](), "run scripts/update-countries.py and review the diff"
    assert set(script["NOT_COUNTRIES"]) == countrycodes.NOT_COUNTRIES
