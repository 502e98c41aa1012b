"""Statements the law contradicts, recognised wherever they appear in a map's text.

Maps are often written from an organisation's earlier privacy notice, and some of its sentences
are wrong in law. Each :class:`WrongStatement` names one such statement, how to recognise it
(in Norwegian bokmål and nynorsk or English), what the law says instead and where. The checker (ROPA410) reports
every text of the map that makes one; the notice states the law in the library's own words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class WrongStatement:
    """A statement the law contradicts."""

    key: str
    #: Any of these (searched case-insensitively) marks a text as making the statement.
    patterns: tuple[re.Pattern[str], ...]
    #: What is wrong, in English, for the checker's message.
    wrong: str
    #: The provisions that say otherwise.
    law: str
    #: How to put it right.
    fix: str

    def found_in(self, text: str) -> bool:
        return any(p.search(text) for p in self.patterns)


_FLAGS = re.IGNORECASE | re.DOTALL


def _re(*patterns: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, _FLAGS) for p in patterns)


WRONG_STATEMENTS: tuple[WrongStatement, ...] = (
    WrongStatement(
        "access-includes-security-measures",
        _re(
            # bokmål "sikkerhetstiltak"; nynorsk "sikkerheitstiltak", "tryggingstiltak"
            r"\binnsyn\b[^.]{0,200}\b(sikkerhetstiltak|sikkerheitstiltak|tryggingstiltak"
            r"|tryggleikstiltak)",
            r"\b(request|ask for|right of|right to)\s+access\b[^.]{0,200}\bsecurity measures",
        ),
        "the right of access covers the data and facts about its processing (purposes, "
        "recipients, storage period, source, safeguards for transfers), not the controller's "
        "security measures",
        "GDPR Art. 15(1)-(3)",
        "describe the right of access as Art. 15 gives it; security is described in the notice "
        "and the record, not as part of access",
    ),
    WrongStatement(
        "open-ended-disclosure",
        _re(
            r"\b(særskilt|særskild|spesielt|særlig|særleg)\s+behov\b",
            r"\b(special|specific|particular)\s+need\b",
        ),
        "a disclosure 'when there is a special need' is open-ended: each disclosure needs its "
        "own legal basis and purpose, and the notice must name the recipients",
        "GDPR Art. 5(1)(a)-(b), 6(1), 13(1)(e)",
        "name the recipients and the cases in which data is disclosed (e.g. where the law "
        "requires it), and leave out the open-ended wording",
    ),
    WrongStatement(
        "hashed-list-is-anonymous",
        _re(
            r"\b(kryptert|krypterte)\b[^.]{0,40}\bhash",
            r"\bencrypted\b[^.]{0,40}\bhash",
            r"\bmålretting\b[^.]{0,60}\b(bare|berre)\b[^.]{0,40}\bgrupper",
            r"\btargeting\b[^.]{0,60}\bonly\b[^.]{0,40}\bgroup",
        ),
        "a hashed customer list is not encrypted or anonymous: the advertising platform matches "
        "the individuals on it, so it is personal data and the ads reach matched individuals, "
        "not only groups",
        "GDPR Art. 4(1), 4(5), 26; EDPB Guidelines 8/2020",
        "say that the list is hashed before upload, that the platform matches individuals, and "
        "that hashed lists are still personal data",
    ),
    # Consent by use: "ved å bruke nettsiden godtar du …" (nb), "ved å nytte tenesta godtek du
    # …" (nn), "by using our website you accept …" (en). The mechanism itself is an error
    # (ROPA120, consent.mechanism: by_use); in prose it is reported here as wording.
    WrongStatement(
        "consent-by-use",
        _re(
            r"\bved\s+(å|at\s+du)\s+(bruke|benytte|besøke|fortsette|nytte|nytta|vitje)\b[^.]{0,160}"
            r"\b(godtar|godtek|aksepterer|samtykker|samtykkjer|gir\s+du\s+samtykke|gjev\s+du\s+samtykke)\b",
            r"\bby\s+(using|visiting|browsing|continuing\s+to\s+(use|browse))\b[^.]{0,160}"
            r"\byou\s+(accept|agree|consent)",
            r"\b(continued|further)\s+use\b[^.]{0,80}\b(constitutes|means|implies)\b[^.]{0,40}"
            r"\b(acceptance|consent|agreement)",
        ),
        "using a service is not consent: consent is a clear affirmative act, and silence or "
        "inactivity is not (consent by use)",
        "GDPR Art. 4(11), 7(1)-(2); recital 32",
        "ask for consent with an active choice (an unticked box or a consent banner with an "
        "equally easy refusal) and describe that choice, or name the basis the processing "
        "rests on",
    ),
)


#: Every pattern of every statement as one: a text none of them matches (nearly every text)
#: is passed over with one search instead of one per pattern.
_ANY = re.compile(
    "|".join(f"(?:{p.pattern})" for w in WRONG_STATEMENTS for p in w.patterns), _FLAGS
)


def wrong_statements(text: str) -> tuple[WrongStatement, ...]:
    """The wrong statements ``text`` makes, in the order of :data:`WRONG_STATEMENTS`."""
    if _ANY.search(text) is None:
        return ()
    return tuple(w for w in WRONG_STATEMENTS if w.found_in(text))
