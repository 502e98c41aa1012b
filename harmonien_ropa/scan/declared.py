"""What the map declares for a website, and the signatures of known services: the ONE place
the scan reads the data map and the vendor catalogue.

Everything else in :mod:`harmonien_ropa.scan` works on the plain values defined here, so the
comparison can be tested with values made by hand and follows the map's format through this
module alone. One function per fact:

* :func:`services`: the parties and systems of the map that a site may load (id, name, the
  catalogue entry they name, the hosts of their website), and for each whether its data leaves
  the EEA without a Chapter V ground and whether the map records a transfer to it;
* :func:`cookies`: the map's cookie inventory (name, provider, purpose, whether consent is
  needed), empty while the map has none;
* :func:`signatures`: how known services show on a website (hosts, cookie names, purpose),
  from the vendor catalogue when the package ships one, else :data:`FALLBACK_SIGNATURES`.

Legal conclusions (consent needed, EEA, transfer grounds) come from :mod:`harmonien_ropa.law`.
"""

from __future__ import annotations

import importlib
import urllib.parse
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..law.tracking import needs_consent
from ..law.transfers import party_needs_mechanism
from ..model import DataMap, Party

Loc = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Signature:
    """How a known service shows on a website."""

    id: str
    name: str
    #: Hosts it loads from or sends to (a subdomain matches too); ``host/path`` matches only
    #: requests under that path (``facebook.com/tr``).
    hosts: tuple[str, ...]
    #: Cookie names; ``*`` stands for any text (``_ga_*``).
    cookies: tuple[str, ...] = ()
    #: strictly_necessary, preferences, statistics or marketing; ``None`` if not known.
    purpose: str | None = None
    #: Where the service's provider is established, if known.
    country: str | None = None


@dataclass(frozen=True, slots=True)
class DeclaredService:
    """A party or system of the map that a website may load."""

    kind: str  # "parties" or "systems"
    id: str
    name: str
    loc: Loc
    catalogue_id: str | None = None
    hosts: tuple[str, ...] = ()
    #: The party whose data handling it is (the party itself, or the system's vendor).
    party_id: str | None = None
    country: str | None = None
    #: True if sending data to the party needs a Chapter V ground (outside the EEA, no
    #: adequacy decision covering it).
    needs_transfer_ground: bool = False
    #: True if the map records a transfer to the party or a ground on the party.
    transfer_recorded: bool = False


@dataclass(frozen=True, slots=True)
class DeclaredCookie:
    """An entry of the map's cookie inventory."""

    name: str
    loc: Loc
    purpose: str | None = None
    provider_id: str | None = None
    consent_needed: bool = True


@dataclass(frozen=True, slots=True)
class Declared:
    """Everything the scan compares with, read once from the map."""

    services: tuple[DeclaredService, ...] = ()
    cookies: tuple[DeclaredCookie, ...] = ()
    signatures: tuple[Signature, ...] = ()


def read(datamap: DataMap) -> Declared:
    """What ``datamap`` declares, and the signatures to identify services with."""
    return Declared(services(datamap), cookies(datamap), signatures())


def host_of(url: object) -> str | None:
    """The host of ``url`` without ``www.``, or ``None``."""
    if not url:
        return None
    host = (urllib.parse.urlsplit(str(url)).hostname or "").lower()
    return (host[4:] if host.startswith("www.") else host) or None


def transfer_recorded(datamap: DataMap, party: Party) -> bool:
    """True if an activity records a transfer to ``party`` (as recipient or importer), or the
    party carries its own Chapter V ground."""
    if party.transfer_mechanism is not None:
        return True
    return any(
        party.id in (transfer.party_id, transfer.importer_id)
        for activity in datamap.activities
        for transfer in activity.transfers
    )


def _catalogue_id(entry: object) -> str | None:
    # ``catalogue: <id>`` on parties and systems (added with the vendor catalogue).
    value = getattr(entry, "catalogue_id", None)
    return value if isinstance(value, str) else None


def services(datamap: DataMap) -> tuple[DeclaredService, ...]:
    """The parties and systems of the map, with their hosts and transfer facts."""
    found: list[DeclaredService] = []
    for index, party in enumerate(datamap.parties):
        hosts = tuple(
            dict.fromkeys(
                host
                for host in (host_of(party.website), host_of(party.privacy_policy))
                if host is not None
            )
        )
        found.append(
            DeclaredService(
                "parties",
                party.id,
                party.name,
                ("parties", index),
                _catalogue_id(party),
                hosts,
                party.id,
                party.country,
                party_needs_mechanism(party),
                transfer_recorded(datamap, party),
            )
        )
    for index, system in enumerate(datamap.systems):
        vendor = datamap.vendor_of(system)
        found.append(
            DeclaredService(
                "systems",
                system.id,
                system.name,
                ("systems", index),
                _catalogue_id(system),
                (),
                vendor.id if vendor else None,
                vendor.country if vendor else None,
                party_needs_mechanism(vendor) if vendor else False,
                transfer_recorded(datamap, vendor) if vendor else False,
            )
        )
    return tuple(found)


def cookies(datamap: DataMap) -> tuple[DeclaredCookie, ...]:
    """The map's cookie inventory (``cookies:``, each with name, provider and purpose); empty
    while the map's format has none."""
    inventory: Iterable[Any] = getattr(datamap, "cookies", ())
    found: list[DeclaredCookie] = []
    for index, entry in enumerate(inventory):
        purpose = getattr(entry, "purpose", None)
        purpose_value = str(getattr(purpose, "value", purpose)) if purpose is not None else None
        found.append(
            DeclaredCookie(
                str(entry.name),
                ("cookies", index),
                purpose_value,
                getattr(entry, "provider_id", None),
                needs_consent(purpose_value) if purpose_value is not None else True,
            )
        )
    return tuple(found)


#: FALLBACK until the vendor catalogue ships with the package: the signatures of the services
#: the scan must know in any case, from the catalogue's sources (Google's and Meta's pages).
FALLBACK_SIGNATURES: tuple[Signature, ...] = (
    Signature(
        "google-analytics",
        "Google Analytics",
        ("googletagmanager.com", "google-analytics.com"),
        ("_ga", "_ga_*", "_gid"),
        "statistics",
        "IE",
    ),
    Signature(
        "meta-pixel",
        "Meta Pixel",
        ("connect.facebook.net", "facebook.com/tr"),
        ("_fbp", "_fbc", "fr"),
        "marketing",
        "IE",
    ),
    Signature(
        "youtube",
        "YouTube",
        ("youtube.com", "youtube-nocookie.com", "ytimg.com", "googlevideo.com"),
        ("VISITOR_INFO1_LIVE", "YSC", "PREF", "GPS"),
        "marketing",
        "IE",
    ),
)

#: Catalogue categories → the purpose of their web tags (others: not known).
_PURPOSE_OF_CATEGORY = {"analytics": "statistics", "advertising": "marketing", "video": "marketing"}


def signatures() -> tuple[Signature, ...]:
    """The signatures of the vendor catalogue's entries that have web hosts or cookies, else
    :data:`FALLBACK_SIGNATURES`."""
    try:
        catalogue = importlib.import_module("harmonien_ropa.catalogue")
    except ImportError:
        return FALLBACK_SIGNATURES
    entries: Any = catalogue.catalogue()
    found = [
        Signature(
            str(entry.id),
            str(entry.name),
            tuple(entry.hosts),
            tuple(entry.cookies),
            _PURPOSE_OF_CATEGORY.get(str(entry.category)),
            entry.country,
        )
        for entry in entries.values()
        if entry.hosts or entry.cookies
    ]
    return tuple(found) or FALLBACK_SIGNATURES
