"""Lists of ids (or names) in messages, kept short however large the data map is."""

from __future__ import annotations

from collections.abc import Sequence

#: How many items a message names before it says how many more there are.
SHOWN = 10


def some(items: Sequence[str], shown: int = SHOWN) -> str:
    """``a, b, c``, or the first ``shown`` items and ``… and N more`` when there are more."""
    if len(items) <= shown:
        return ", ".join(items)
    return f"{', '.join(items[:shown])} … and {len(items) - shown} more"
