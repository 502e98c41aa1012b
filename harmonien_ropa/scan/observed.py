"""What a scan saw on a website, as plain typed values (no browser, no map).

Everything is kept in a fixed order (sorted), so that the same site gives the same report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Phase = Literal["before_consent", "after_consent"]


@dataclass(frozen=True, slots=True, order=True)
class ObservedCookie:
    """A cookie the browser held after a page loaded."""

    name: str
    #: The domain the cookie is set for, as the browser reports it (``.example.org``).
    domain: str
    #: True if the domain is the site's own (or a parent of it).
    first_party: bool
    #: Seconds from when it was seen to when it expires; ``None`` for a session cookie.
    lifetime: int | None
    #: The page after which it was first seen.
    page: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "domain": self.domain,
            "first_party": self.first_party,
            "lifetime_seconds": self.lifetime,
            "page": self.page,
        }


@dataclass(frozen=True, slots=True, order=True)
class ObservedStorage:
    """A key of the page's local or session storage."""

    kind: Literal["local_storage", "session_storage"]
    key: str
    #: The origin the storage belongs to.
    origin: str
    page: str

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "key": self.key, "origin": self.origin, "page": self.page}


@dataclass(frozen=True, slots=True, order=True)
class ObservedRequest:
    """A request to a host other than the site's own."""

    host: str
    url: str
    #: The resource type the browser gives (script, image, sub_frame, xhr, …).
    type: str
    page: str
    #: Why it failed (``net::ERR_NAME_NOT_RESOLVED``, ``blocked: offline``), or ``None``.
    failure: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "host": self.host,
            "url": self.url,
            "type": self.type,
            "page": self.page,
            "failure": self.failure,
        }


@dataclass(frozen=True, slots=True, order=True)
class ObservedPage:
    """A page the scan visited."""

    url: str
    #: The HTTP status of the final answer (``None`` for a file).
    status: int | None
    #: A problem that did not stop the scan (the page did not finish loading in time).
    problem: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"url": self.url, "status": self.status, "problem": self.problem}


@dataclass(frozen=True, slots=True)
class PhaseObservation:
    """What the pages loaded and stored in one phase (before or after consent)."""

    phase: Phase
    pages: tuple[ObservedPage, ...] = ()
    cookies: tuple[ObservedCookie, ...] = ()
    storage: tuple[ObservedStorage, ...] = ()
    requests: tuple[ObservedRequest, ...] = ()
    #: True if a limit cut the recording short (requests or links per page).
    truncated: bool = False

    def hosts(self) -> tuple[str, ...]:
        return tuple(sorted({r.host for r in self.requests}))

    def to_dict(self) -> dict[str, Any]:
        return {
            "phase": self.phase,
            "pages": [p.to_dict() for p in self.pages],
            "cookies": [c.to_dict() for c in self.cookies],
            "storage": [s.to_dict() for s in self.storage],
            "requests": [r.to_dict() for r in self.requests],
            "truncated": self.truncated,
        }


@dataclass(frozen=True, slots=True)
class Observation:
    """A whole scan: the site, what loaded before consent and, with ``--accept``, after."""

    url: str
    #: The site's own host (``None`` for a ``file://`` site).
    site: str | None
    before: PhaseObservation
    after: PhaseObservation | None = None
    #: The consent button's selector (``--accept``), when one was clicked.
    accept: str | None = None
    user_agent: str = field(default="")

    def phases(self) -> tuple[PhaseObservation, ...]:
        return (self.before,) if self.after is None else (self.before, self.after)

    def to_dict(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "site": self.site,
            "accept": self.accept,
            "user_agent": self.user_agent,
            "before_consent": self.before.to_dict(),
            "after_consent": None if self.after is None else self.after.to_dict(),
        }
