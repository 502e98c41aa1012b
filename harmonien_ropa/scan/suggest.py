"""What a scan stored on the visitor's device, as a draft of the map's cookie inventory.

The draft is YAML for a person to review: each cookie and storage key with its domain, first
or third party, lifetime (``session`` or an ISO 8601 duration), and the provider and purpose
of the known service it belongs to. What the scan cannot know (the activity it serves, the
purpose of an unknown one) is left ``null`` to fill in.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import yaml

from ..core.errors import OutputError
from .declared import Declared
from .identify import signature_of_cookie
from .observed import Observation

DAY = 86400


def duration(seconds: int | None) -> str:
    """``session`` for a session cookie, else an ISO 8601 duration (``P30D``, ``PT2H``)."""
    if seconds is None:
        return "session"
    if seconds >= DAY:
        return f"P{round(seconds / DAY)}D"
    if seconds >= 3600:
        return f"PT{round(seconds / 3600)}H"
    return f"PT{max(1, round(seconds / 60))}M"


def entries(observation: Observation, declared: Declared) -> list[dict[str, Any]]:
    """One inventory entry per cookie and storage key seen (in any phase), in a fixed order."""
    found: dict[tuple[str, str, str], dict[str, Any]] = {}
    for phase in observation.phases():
        for cookie in phase.cookies:
            found.setdefault(
                ("cookie", cookie.name, cookie.domain),
                _entry(
                    cookie.name,
                    cookie.domain,
                    "cookie",
                    cookie.first_party,
                    duration(cookie.lifetime),
                    declared,
                ),
            )
        for item in phase.storage:
            found.setdefault(
                ("local_storage", item.key, item.origin),
                _entry(item.key, item.origin, "local_storage", True, None, declared),
            )
    return [found[key] for key in sorted(found)]


def _entry(
    name: str, domain: str, kind: str, first: bool, lifetime: str | None, declared: Declared
) -> dict[str, Any]:
    signature = signature_of_cookie(name, declared.signatures)
    provider = None
    if signature is not None:
        provider = next(
            (s.id for s in declared.services if signature.id in (s.id, s.catalogue_id)),
            signature.id,
        )
    return {
        "name": name,
        "domain": domain,
        "kind": kind,
        "first_party": first,
        "provider": provider,
        "purpose": signature.purpose if signature is not None else None,
        "lifetime": lifetime,
        "activity": None,
    }


def snippet(observation: Observation, declared: Declared) -> str:
    """The draft inventory as YAML text with a header saying what to review."""
    header = (
        f"# Cookies and storage keys seen by `harmonien-ropa scan` on {observation.url}\n"
        "# A draft to review before it goes under `cookies:` in the map: check each provider\n"
        "# (a party id of the map) and purpose, and fill in what is null (the activity).\n"
    )
    body = yaml.safe_dump(
        {"cookies": entries(observation, declared)},
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
    )
    return header + body


def write(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` whole or not at all (a staged file renamed into place);
    raises :class:`OutputError`."""
    folder = path.parent
    try:
        handle, staged = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(staged, path)
    except OSError as exc:
        Path(staged).unlink(missing_ok=True)
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
