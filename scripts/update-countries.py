#!/usr/bin/env python3
"""Regenerate ``harmonien_ropa/core/countrycodes.json``: the ISO 3166-1 alpha-2 codes and their names
in nb, nn and en, from the Unicode CLDR data of the installed Babel.

    python scripts/update-countries.py

Babel is a dev dependency only: it ships CLDR as pickled files, and the package never unpickles
anything, so it reads the JSON written here (a test checks that the file matches the pinned
Babel). Review ``git diff`` after a Babel upgrade: a country's name in the published notice may
change.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "harmonien_ropa" / "core" / "countrycodes.json"
LANGUAGES = ("en", "nb", "nn")
#: Two-letter codes CLDR names that are not ISO 3166-1 alpha-2 countries (kept in step with
#: ``countrycodes.NOT_COUNTRIES``; a test compares them).
NOT_COUNTRIES = (
    "AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB", "XK", "ZZ",
)  # fmt: skip


def table() -> dict[str, Any]:
    """The table as the package reads it."""
    import babel
    from babel import Locale
    from babel.core import get_global

    territories = {lang: Locale.parse(lang).territories for lang in LANGUAGES}
    codes = sorted(
        code
        for code in territories["en"]
        if len(code) == 2 and code.isalpha() and code not in NOT_COUNTRIES
    )
    aliases = {
        old: new[0]
        for old, new in sorted(get_global("territory_aliases").items())
        if len(old) == 2 and len(new) == 1 and new[0] in codes
    }
    return {
        "source": f"Unicode CLDR via Babel {babel.__version__}",
        "names": {lang: {code: territories[lang][code] for code in codes} for lang in LANGUAGES},
        "not_countries": {code: territories["en"][code] for code in NOT_COUNTRIES},
        "aliases": aliases,
    }


def text() -> str:
    return json.dumps(table(), ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def main() -> None:
    OUT.write_text(text(), encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(table()['names']['en'])} countries")


if __name__ == "__main__":
    main()
