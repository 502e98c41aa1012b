"""What a Fides import makes of the manifests' values: unique ids, and text, links, e-mail
addresses, keys and countries the data map accepts (anything else is left out, not guessed)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from ..core.countrycodes import is_country
from ..model.base import WINDOWS_RESERVED
from .fides import META_KEY


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9_-]+", "-", text.lower()).strip("-_")
    if slug in WINDOWS_RESERVED:
        return f"{slug}-entry"  # a device name on Windows is refused as an id
    return slug[:_ID_LENGTH].rstrip("-_") or "entry"


#: The longest id the loader accepts.
_ID_LENGTH = 80
#: What an id keeps of the id it was made from when it needs a ``-N`` suffix (room for any N).
_ID_STEM = _ID_LENGTH - 21


class _Ids:
    """Unique ids of one kind: the wanted id if it is free, else its stem with the first free
    number, ``-2``, ``-3``, …

    This ends by construction: every try takes a higher number than the one before, and only
    the finitely many ids already taken can refuse one. The next number to try is kept per stem,
    so each taken id refuses at most one try, and allocating every id is linear in their count.
    """

    def __init__(self) -> None:
        self.taken: set[str] = set()
        self.next: dict[str, int] = {}

    def allocate(self, wanted: str) -> str:
        if wanted not in self.taken:
            self.taken.add(wanted)
            return wanted
        stem = wanted[:_ID_STEM].rstrip("-_") or "entry"
        number = self.next.get(stem, 2)
        while f"{stem}-{number}" in self.taken:
            number += 1
        self.next[stem] = number + 1
        found = f"{stem}-{number}"
        self.taken.add(found)
        return found


def _list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list) else []


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _our_meta(system: dict[str, Any]) -> dict[str, Any]:
    meta = system.get("meta")
    ours = meta.get(META_KEY) if isinstance(meta, dict) else None
    return ours if isinstance(ours, dict) else {}


def _dataset_categories(dataset: dict[str, Any]) -> Iterable[str]:
    yield from (str(c) for c in _list(dataset.get("data_categories")))
    for collection in _list(dataset.get("collections")):
        if isinstance(collection, dict):
            yield from (str(c) for c in _list(collection.get("data_categories")))
            for item in _list(collection.get("fields")):
                if isinstance(item, dict):
                    yield from (str(c) for c in _list(item.get("data_categories")))


_URL = re.compile(r"^https?://[^\s<>\"'`]+$")
_KEY = re.compile(r"^[A-Za-z0-9_.:/#-]{1,200}$")


def _short(value: Any, limit: int = 500) -> str | None:
    """One line of text (at most ``limit`` characters), or None for nothing."""
    if value is None or isinstance(value, dict | list):
        return None
    return " ".join(str(value).split())[:limit] or None


def _long(value: Any) -> str | None:
    """Text of at most 20,000 characters, or None for nothing."""
    if value is None or isinstance(value, dict | list):
        return None
    return str(value).strip()[:20000] or None


def _url(value: Any) -> str | None:
    text = _short(value, 2000)
    return text if text and _URL.match(text) else None


def _email(value: Any) -> str | None:
    """The address if the data map would accept it (see :mod:`..core.emails`), else None."""
    from ..model.base import EMAIL_PATTERN

    text = _short(value, 254)
    if not text or not re.match(EMAIL_PATTERN, text):
        return None
    from ..core.emails import InvalidEmail, parse

    try:
        parse(text)
    except InvalidEmail:
        return None
    return text


def _key(value: Any) -> str | None:
    text = _short(value, 200)
    return text if text and _KEY.match(text) else None


def _country(value: Any) -> bool:
    return is_country(value)
