"""ISO 3166-1 alpha-2 country codes and their names, from the Unicode CLDR.

Which codes name a country, and what each is called in Norwegian (bokmål and nynorsk) and
English, come from CLDR's territory data, written by ``scripts/update-countries.py`` from the
pinned Babel into ``countrycodes.json`` (Babel keeps CLDR as pickled files, and nothing here is
ever unpickled, so the package reads that JSON and needs no Babel at run time). Typed by hand
are only the codes CLDR lists that are not ISO 3166-1 countries (:data:`NOT_COUNTRIES`), the
abbreviations the EU uses for two countries (:data:`EU_ABBREVIATIONS`, refused with a hint),
and the English names that take "the" in running text (:data:`ENGLISH_ARTICLE`). What a country
is in law (the EEA, adequacy decisions) is in :mod:`harmonien_ropa.law.countries`.

A base module: the model validates codes with :func:`is_country` and :func:`problem`; the table
is read when a code is first checked or named.
"""

from __future__ import annotations

import functools
import json
from types import MappingProxyType
from typing import Any

#: Two-letter codes CLDR names that are not ISO 3166-1 alpha-2 countries: groupings (EU, EZ,
#: UN, QO), private-use and test codes (XA, XB, XK, ZZ) and codes ISO only reserves for other
#: organisations (AC, CP, CQ, DG, EA, IC, TA). With them left out, CLDR's two-letter regions
#: are exactly the 249 officially assigned ISO 3166-1 codes.
NOT_COUNTRIES: frozenset[str] = frozenset(
    {"AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB", "XK", "ZZ"}
)

#: Abbreviations the EU uses for two member states instead of their ISO codes.
EU_ABBREVIATIONS = MappingProxyType({"EL": "GR", "UK": "GB"})

#: Countries whose English name takes the definite article in running text ("in the United
#: States", "established in the Netherlands"); a list or a table shows the bare name.
# fmt: off
ENGLISH_ARTICLE: frozenset[str] = frozenset({
    "AE", "AX", "BQ", "BS", "CC", "CD", "CF", "CG", "CK", "DO", "FK", "FO", "GB", "GM",
    "GS", "HM", "IM", "IO", "KM", "KY", "MH", "MP", "MV", "NL", "PH", "PN", "PS", "SB", "SC",
    "TC", "TF", "UM", "US", "VG", "VI",
})
# fmt: on

#: The language whose names the codes' did-you-mean hints give.
_HINT_LANGUAGE = "en"


@functools.cache
def _table() -> dict[str, Any]:
    from importlib.resources import files

    text = files(__package__).joinpath("countrycodes.json").read_text(encoding="utf-8")
    table: dict[str, Any] = json.loads(text)
    return table


@functools.cache
def _names(lang: str) -> MappingProxyType[str, str]:
    """Every ISO 3166-1 code's CLDR name in ``lang`` (nb, nn or en)."""
    return MappingProxyType(dict(sorted(_table()["names"][lang].items())))


def codes() -> tuple[str, ...]:
    """Every ISO 3166-1 alpha-2 code, sorted."""
    return tuple(_names(_HINT_LANGUAGE))


def is_country(code: object) -> bool:
    """True if ``code`` is an ISO 3166-1 alpha-2 country code, in capitals."""
    return isinstance(code, str) and code in _names(_HINT_LANGUAGE)


def name(code: str, lang: str) -> str:
    """The country's CLDR name in ``lang`` as a list or a table shows it ("United States")."""
    return _names(lang)[code]


def name_in_text(code: str, lang: str) -> str:
    """The country's name as a sentence uses it after a preposition ("in the United States")."""
    found = name(code, lang)
    if lang == "en" and code in ENGLISH_ARTICLE:
        return f"the {found}"
    return found


@functools.cache
def _by_name() -> MappingProxyType[str, str]:
    """Country names in nb, nn and en (case-folded) → code, for hints."""
    found: dict[str, str] = {}
    for lang in ("en", "nb", "nn"):
        for code, text in _names(lang).items():
            found.setdefault(text.casefold(), code)
    return MappingProxyType(found)


def suggestions(value: str) -> tuple[str, ...]:
    """Codes someone who wrote ``value`` (not a valid code) probably meant, best first."""
    text = value.strip()
    upper = text.upper()
    if is_country(upper):
        return (upper,)
    if upper in EU_ABBREVIATIONS:
        return (EU_ABBREVIATIONS[upper],)
    alias = _table()["aliases"].get(upper)
    if alias is not None:
        return (alias,)
    named = _by_name().get(text.casefold())
    if named is not None:
        return (named,)
    if len(text) < 2:
        return ()
    start = text.casefold()
    return tuple(
        code for code, label in _names(_HINT_LANGUAGE).items() if label.casefold().startswith(start)
    )[:3]


def problem(value: str) -> tuple[str, str]:
    """Why ``value`` is not a country code and what to write instead: (reason, hint)."""
    upper = value.strip().upper()
    if upper in NOT_COUNTRIES and upper not in {"XA", "XB", "ZZ"}:
        reason = f"it stands for {name_of_region(upper)}, not a country"
    elif upper in EU_ABBREVIATIONS:
        reason = "it is an abbreviation, not the ISO 3166-1 code"
    elif is_country(upper):
        reason = "write it in capitals"
    elif len(upper) != 2 or not upper.isalpha():
        reason = "a country code is two letters (ISO 3166-1 alpha-2)"
    else:
        reason = "no ISO 3166-1 country has this code"
    guesses = suggestions(value)
    hint = ""
    if guesses:
        hint = "did you mean " + " or ".join(
            f"'{code}' ({name(code, _HINT_LANGUAGE)})" for code in guesses
        )
        hint += "?"
    elif upper in {"EU", "EZ"}:
        hint = "name each country the data goes to, e.g. IE or DE"
    return reason, hint


def name_of_region(code: str) -> str:
    """CLDR's English name of a region code it knows (also the non-countries), else the code."""
    found: str = _table()["not_countries"].get(code) or _names(_HINT_LANGUAGE).get(code, code)
    return found
