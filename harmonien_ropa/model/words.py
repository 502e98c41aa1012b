"""The words a map may write where a value is explicitly not there: ``none``, ``unknown``."""

from __future__ import annotations

from typing import Any

#: The word for "there are none", e.g. ``recipients: none``.
NONE = "none"
#: The word for "not known yet", e.g. ``hosting_countries: unknown``.
UNKNOWN = "unknown"


def none_as_empty(value: Any) -> Any:
    """``none`` for a list means an empty list, stated."""
    if value == NONE:
        return ()
    return value


def unknown_as_empty(value: Any) -> Any:
    """``unknown`` for a list means an empty list, not known yet."""
    if value == UNKNOWN:
        return ()
    return value


def unknown_as_missing(value: Any) -> Any:
    """``unknown`` for a single value means no value, not known yet."""
    if value == UNKNOWN:
        return None
    return value
