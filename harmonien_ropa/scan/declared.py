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
  from the vendor catalogue (each entry's web-tag hosts and cookie names).

Legal conclusions (consent needed, EEA, transfer grounds) come from :mod:`harmonien_ropa.law`.
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass

from ..law.devices import consent_needed
from ..law.transfers import party_needs_mechanism
from ..model import DataMap, Party
from ..model.base import in_language
from ..source.catalogue import catalogue

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
                party.catalogue_id,
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
                in_language(system.name, datamap.languages[0]),
                ("systems", index),
                system.catalogue_id,
                (),
                vendor.id if vendor else None,
                vendor.country if vendor else None,
                party_needs_mechanism(vendor) if vendor else False,
                transfer_recorded(datamap, vendor) if vendor else False,
            )
        )
    return tuple(found)


def cookies(datamap: DataMap) -> tuple[DeclaredCookie, ...]:
    """The map's cookie inventory (``cookies:``, each with name, provider and purpose), with
    whether each needs consent (:func:`harmonien_ropa.law.devices.consent_needed`)."""
    return tuple(
        DeclaredCookie(
            tracker.name,
            ("cookies", index),
            tracker.purpose.value,
            tracker.provider_id,
            consent_needed(tracker),
        )
        for index, tracker in enumerate(datamap.cookies)
    )


#: Catalogue categories → the purpose of their web tags (others: not known).
_PURPOSE_OF_CATEGORY = {"analytics": "statistics", "advertising": "marketing", "video": "marketing"}


def signatures() -> tuple[Signature, ...]:
    """The signatures of the vendor catalogue's entries that have web hosts or cookies."""
    return tuple(
        Signature(
            entry.id,
            entry.name,
            tuple(entry.hosts),
            tuple(entry.cookies),
            _PURPOSE_OF_CATEGORY.get(str(entry.category)),
            entry.country,
        )
        for entry in catalogue().values()
        if entry.hosts or entry.cookies
    )
