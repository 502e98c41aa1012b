"""Norwegian organisation numbers (organisasjonsnummer): nine digits whose last is a modulus-11
check digit over the first eight (weights 3, 2, 7, 6, 5, 4, 3, 2), checked with python-stdnum
(``stdnum.no.orgnr``), the well-kept library of such numbers.

Only a number of a party established in Norway is held to this rule: another country's register
numbers its organisations otherwise, so the model asks :func:`norwegian_problem` only where the
country is Norway.
"""

from __future__ import annotations

from stdnum.exceptions import InvalidChecksum, InvalidFormat, InvalidLength, ValidationError
from stdnum.no import orgnr

#: The country whose organisation numbers this module checks.
NORWAY = "NO"

#: How to put a refused number right.
FIX = (
    "copy the nine digits from Enhetsregisteret (brreg.no), spaces allowed, e.g. "
    "\"976 619 005\"; write 'unknown' while it is not known, or give the organisation's "
    "address with its country (address: {country: SE}) if it is registered outside Norway"
)


def norwegian_problem(value: str) -> str | None:
    """Why ``value`` is not a valid Norwegian organisation number, or ``None`` if it is."""
    try:
        orgnr.validate(value)
    except InvalidLength:  # (a subclass of InvalidFormat: caught first)
        digits = len(orgnr.compact(value))
        return f"a Norwegian organisation number has nine digits, not {digits}"
    except InvalidFormat:
        return "a Norwegian organisation number has only digits (and spaces between them)"
    except InvalidChecksum:
        return (
            "its last digit is not the check digit of the first eight (modulus 11): "
            "a digit is mistyped or two are swapped"
        )
    except ValidationError:  # pragma: no cover - stdnum's other errors do not apply to orgnr
        return "not a valid Norwegian organisation number"
    return None
