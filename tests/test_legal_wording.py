"""Statements of the notice and the record that a legal review found wrong or misleading,
each asserted on what is published (notice, record, ``check``) or on the law layer's
recognisers."""

from __future__ import annotations

import pytest

from harmonien_ropa.law.wording import wrong_statements


def _keys(text: str) -> list[str]:
    return [w.key for w in wrong_statements(text)]


# -- ROPA410 recognises the wrong wording in nynorsk too ---------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "Du kan be om innsyn i kva opplysningar vi behandlar og kva tryggingstiltak vi har.",
            "access-includes-security-measures",
        ),
        (
            "Du kan krevje innsyn i opplysningane og i sikkerheitstiltaka våre.",
            "access-includes-security-measures",
        ),
        (
            "Vi utleverer ikkje namn med mindre det er særleg behov for det.",
            "open-ended-disclosure",
        ),
        ("Vi gjev ikkje ut e-postadresser utan særskild behov.", "open-ended-disclosure"),
        ("Listene blir lasta opp krypterte (hasha).", "hashed-list-is-anonymous"),
        ("Målretting skjer berre mot store grupper.", "hashed-list-is-anonymous"),
        ("Ved å nytte nettstaden godtek du informasjonskapslar.", "consent-by-use"),
    ],
)
def test_nynorsk_wrong_wording_is_recognised(text: str, key: str) -> None:
    assert _keys(text) == [key]


@pytest.mark.parametrize(
    "text",
    [
        "Tryggingstiltak: tilgangskontroll og logging.",
        "Du kan be om innsyn i opplysningane vi har om deg.",
        "Listene blir gjorde om til hash-verdiar før opplasting; dei er framleis personopplysningar.",
        "Vi har behov for namnet ditt for å sende billettane.",
    ],
)
def test_ordinary_nynorsk_wording_is_not_reported(text: str) -> None:
    assert _keys(text) == []
