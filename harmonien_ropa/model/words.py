"""The words a map may write where a value is explicitly not there: ``none``, ``unknown``."""

from __future__ import annotations

from typing import Any

from pydantic_core import PydanticCustomError

#: The word for "there are none", e.g. ``recipients: none``.
NONE = "none"
#: The word for "not known yet", e.g. ``hosting_countries: unknown``.
UNKNOWN = "unknown"

#: The note the notice and the record give an organisation number written as ``unknown``.
ORG_NUMBER_UNKNOWN_NOTE = (
    "Not known yet: the map gives the organisation number as unknown; write the number from "
    "the national register (Norway: Enhetsregisteret, nine digits)."
)


def _only(word: str, value: str) -> PydanticCustomError:
    return PydanticCustomError(
        "list_or_word",
        "must be a list or the word '{word}', not '{value}'",
        {
            "word": word,
            "value": value[:80],
            "fix": f"write each item on its own line starting with '- ', or '{word}'",
        },
    )


def none_as_empty(value: Any) -> Any:
    """``none`` for a list means an empty list, stated; other text is refused."""
    if value == NONE:
        return ()
    if isinstance(value, str):
        raise _only(NONE, value)
    return value


def unknown_as_empty(value: Any) -> Any:
    """``unknown`` for a list means an empty list, not known yet; other text is refused."""
    if value == UNKNOWN:
        return ()
    if isinstance(value, str):
        raise _only(UNKNOWN, value)
    return value


def unknown_as_missing(value: Any) -> Any:
    """``unknown`` for a single value means no value, not known yet."""
    if value == UNKNOWN:
        return None
    return value
