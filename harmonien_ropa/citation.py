"""Legal citations in the reader's language.

The legal vocabularies carry their article in the English form used across the EU
(``GDPR Art. 6(1)(b)``). Norwegian readers expect the Norwegian form
(``personvernforordningen art. 6 nr. 1 bokstav b``); :func:`cite` gives either.
"""

from __future__ import annotations

import re

_RANGE = re.compile(r"(\d+)\((\d+)\)-\((\d+)\)")
_POINT = re.compile(r"(\d+)\((\d+)\)\(([a-z])\)")
_PARAGRAPH = re.compile(r"(\d+)\((\d+)\)")
_WORDS_NB = (
    ("GDPR Art. ", "personvernforordningen art. "),
    ("Decision (EU)", "beslutning (EU)"),
    ("second subparagraph", "annet ledd"),
    ("CJEU", "EU-domstolen"),
)


def cite(article: str, lang: str) -> str:
    """``article`` (e.g. ``GDPR Art. 6(1)(b)``) as cited in ``lang``; English is unchanged."""
    if lang != "nb":
        return article
    text = article
    for english, norwegian in _WORDS_NB:
        text = text.replace(english, norwegian)
    text = _RANGE.sub(r"\1 nr. \2–\3", text)
    text = _POINT.sub(r"\1 nr. \2 bokstav \3", text)
    return _PARAGRAPH.sub(r"\1 nr. \2", text)
