"""Statements the law contradicts, recognised wherever they appear in a map's text.

Maps are often written from an organisation's earlier privacy notice, and some of its sentences
are wrong in law. Each :class:`WrongStatement` names one such statement, how to recognise it
(in Norwegian bokmål and nynorsk or English), what the law says instead and where. The checker (ROPA410) reports
every text of the map that makes one; the notice states the law in the library's own words.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection
from dataclasses import dataclass
from itertools import accumulate


@dataclass(frozen=True, slots=True)
class WrongStatement:
    """A statement the law contradicts."""

    key: str
    #: Any of these (searched case-insensitively) marks a text as making the statement.
    patterns: tuple[re.Pattern[str], ...]
    #: Words in lower case, one of which is in every text a pattern matches (each pattern
    #: requires one of them): a text with none of them is passed over without a search.
    words: tuple[str, ...]
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
        ("innsyn", "security measures"),
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
        ("behov", "need"),
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
        ("hash", "målretting", "targeting"),
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
        ("godtar", "godtek", "aksepterer", "samtykk", "accept", "agree", "consent"),
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

#: Every statement's words, each once.
WORDS: tuple[str, ...] = tuple(dict.fromkeys(word for w in WRONG_STATEMENTS for word in w.words))

#: The characters that a case-insensitive search takes for a letter of :data:`WORDS` but that
#: ``str.lower`` does not turn into that letter (dotted and dotless i, long s): a text holding
#: one is searched whatever words it has. ``tests/test_legal_wording.py`` checks every character
#: against every letter of the words.
UNLOWERED = "\u0130\u0131\u017f"
_UNLOWERED = re.compile(f"[{UNLOWERED}]")


def wrong_statements(text: str) -> tuple[WrongStatement, ...]:
    """The wrong statements ``text`` makes, in the order of :data:`WRONG_STATEMENTS`."""
    if _ANY.search(text) is None:
        return ()
    return tuple(w for w in WRONG_STATEMENTS if w.found_in(text))


def wrong_statements_in(texts: Collection[str]) -> dict[str, tuple[WrongStatement, ...]]:
    """Each of ``texts`` that makes a wrong statement, with the statements
    (:func:`wrong_statements`).

    Only a text that holds one of the statements' :data:`WORDS` (in any case) is searched, and
    the words are looked for in all the texts at once, in lower case: a plain search of a word
    is many times faster than a case-insensitive search of the patterns, and nearly every text
    has none of them."""
    listed = list(texts)
    joined = "\0".join(listed)  # no word holds a NUL, so none is found across two texts
    lowered = joined.lower()
    lengths = [len(text) for text in listed]
    if len(lowered) != len(joined):  # a character became several: the places moved
        pieces = [text.lower() for text in listed]
        lowered = "\0".join(pieces)
        lengths = [len(piece) for piece in pieces]
    #: Where each text starts in ``lowered``, and where one more would.
    starts = list(accumulate((length + 1 for length in lengths), initial=0))
    hits: set[int] = set()
    # One search per character (a text of Latin-1 letters alone, as Norwegian and English
    # are, cannot hold one, which a search for a single character knows without a pass).
    if any(char in joined for char in UNLOWERED):
        hits.update(i for i, text in enumerate(listed) if _UNLOWERED.search(text))
    for word in WORDS:
        at = lowered.find(word)
        while at != -1:
            index = bisect_right(starts, at) - 1
            hits.add(index)
            at = lowered.find(word, starts[index + 1])
    found: dict[str, tuple[WrongStatement, ...]] = {}
    for index in sorted(hits):
        wrongs = wrong_statements(listed[index])
        if wrongs:
            found[listed[index]] = wrongs
    return found
