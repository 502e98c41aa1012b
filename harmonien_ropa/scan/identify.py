"""Which known services a scan saw: requests and cookies matched against service signatures.

A request matches a signature when its host is one of the signature's hosts or a subdomain of
one (``www.googletagmanager.com`` matches ``googletagmanager.com``), and its path starts with
the signature's path when it names one (``facebook.com/tr``). A cookie matches one of the
signature's cookie names, where ``*`` stands for any text. What matches no signature is kept by
host, so that it can be compared with the hosts the map declares.
"""

from __future__ import annotations

import re
import urllib.parse
from dataclasses import dataclass
from functools import cache

from .declared import Signature
from .observed import Observation


@dataclass(frozen=True, slots=True)
class ServiceSeen:
    """A known service the site loaded."""

    signature: Signature
    hosts: tuple[str, ...]
    cookies: tuple[str, ...]
    #: The first page where it loaded before consent (``None`` if only after consent).
    before_consent: str | None


@dataclass(frozen=True, slots=True)
class HostSeen:
    """A third-party host that matches no known service."""

    host: str
    #: The first page where it loaded (before consent if it did then).
    page: str
    before_consent: bool


@dataclass(frozen=True, slots=True)
class Identified:
    services: tuple[ServiceSeen, ...]
    unknown_hosts: tuple[HostSeen, ...]


def _host_matches(host: str, pattern_host: str) -> bool:
    return host == pattern_host or host.endswith("." + pattern_host)


def url_matches(url: str, pattern: str) -> bool:
    """True if ``url`` is under ``pattern`` (``host`` or ``host/path``)."""
    parts = urllib.parse.urlsplit(url)
    pattern_host, _, path = pattern.partition("/")
    if not _host_matches((parts.hostname or "").lower(), pattern_host.lower()):
        return False
    return not path or parts.path.startswith("/" + path)


def host_declared(host: str, hosts: tuple[str, ...]) -> bool:
    """True if ``host`` is one of ``hosts`` (or a subdomain of one)."""
    return any(_host_matches(host, pattern.partition("/")[0].lower()) for pattern in hosts)


@cache
def _cookie_pattern(pattern: str) -> re.Pattern[str]:
    return re.compile(".*".join(re.escape(part) for part in pattern.split("*")))


def cookie_matches(name: str, pattern: str) -> bool:
    """True if the cookie ``name`` is ``pattern``, where ``*`` stands for any text."""
    return _cookie_pattern(pattern).fullmatch(name) is not None


def signature_of_cookie(name: str, signatures: tuple[Signature, ...]) -> Signature | None:
    return next((s for s in signatures if any(cookie_matches(name, p) for p in s.cookies)), None)


def identify(observation: Observation, signatures: tuple[Signature, ...]) -> Identified:
    """The known services and the unknown hosts of ``observation``."""
    hosts: dict[str, set[str]] = {}
    cookies: dict[str, set[str]] = {}
    before: dict[str, str] = {}
    unknown: dict[str, HostSeen] = {}
    for phase in observation.phases():
        early = phase.phase == "before_consent"
        for request in phase.requests:
            signature = next(
                (s for s in signatures if any(url_matches(request.url, p) for p in s.hosts)),
                None,
            )
            if signature is None:
                if request.host not in unknown:
                    unknown[request.host] = HostSeen(request.host, request.page, early)
                continue
            hosts.setdefault(signature.id, set()).add(request.host)
            if early:
                before.setdefault(signature.id, request.page)
        for cookie in phase.cookies:
            signature = signature_of_cookie(cookie.name, signatures)
            if signature is None:
                continue
            cookies.setdefault(signature.id, set()).add(cookie.name)
            if early:
                before.setdefault(signature.id, cookie.page)
    by_id = {s.id: s for s in signatures}
    seen = sorted(set(hosts) | set(cookies))
    return Identified(
        tuple(
            ServiceSeen(
                by_id[ident],
                tuple(sorted(hosts.get(ident, ()))),
                tuple(sorted(cookies.get(ident, ()))),
                before.get(ident),
            )
            for ident in seen
        ),
        tuple(sorted(unknown.values(), key=lambda h: h.host)),
    )
