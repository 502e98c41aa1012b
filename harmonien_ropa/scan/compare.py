"""What a site does against what the map declares: the scan's findings (``SCAN1xx``).

* a known service loaded but not declared (SCAN101), a cookie or storage key not in the
  cookie inventory (SCAN102), a third-party host that is neither (SCAN106);
* statistics, preferences or marketing technology before consent (SCAN103, ekomloven § 3-15,
  as :func:`harmonien_ropa.law.devices.purpose_needs_consent` decides);
* a declared web service or cookie not seen (SCAN104);
* a declared service whose data leaves the EEA with no transfer in the map (SCAN105, as
  :func:`harmonien_ropa.law.transfers.party_needs_mechanism` decides).

Findings about an entry of the map carry its location; the others point at the map file.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass

from ..checks.scan_rules import SCAN_RULES
from ..core.diagnostics import Diagnostic
from ..law.devices import purpose_needs_consent
from .declared import Declared, DeclaredService, Loc, Signature
from .identify import cookie_matches, host_declared, identify, signature_of_cookie
from .observed import Observation


@dataclass(frozen=True, slots=True)
class Finding:
    """One finding of the scan: its code, the words of its message, and where in the map."""

    code: str
    fields: tuple[tuple[str, str], ...]
    loc: Loc | None = None

    @property
    def message(self) -> str:
        return SCAN_RULES[self.code].format_message(**dict(self.fields))


def _finding(code: str, loc: Loc | None = None, **fields: str) -> Finding:
    return Finding(code, tuple(sorted(fields.items())), loc)


def _declares(service: DeclaredService, signature: Signature) -> bool:
    if signature.id in (service.id, service.catalogue_id):
        return True
    if service.name.casefold() == signature.name.casefold():
        return True
    return any(host_declared(host, signature.hosts) for host in service.hosts)


def compare(observation: Observation, declared: Declared) -> tuple[Finding, ...]:
    """Every finding of ``observation`` against ``declared``, in a fixed order."""
    found: dict[Finding, None] = {}

    def add(finding: Finding) -> None:
        found.setdefault(finding)

    identified = identify(observation, declared.signatures)
    seen_services: set[str] = set()
    for seen in identified.services:
        signature = seen.signature
        matching = [s for s in declared.services if _declares(s, signature)]
        what = f"{signature.name} ({', '.join(seen.hosts or seen.cookies)})"
        if not matching:
            add(
                _finding(
                    "SCAN101", service=signature.name, hosts=", ".join(seen.hosts or seen.cookies)
                )
            )
        for service in matching:
            seen_services.add(service.id)
            _transfer(service, add)
        if (
            seen.before_consent is not None
            and signature.purpose
            and purpose_needs_consent(signature.purpose)
        ):
            add(_finding("SCAN103", what=what, purpose=signature.purpose, page=seen.before_consent))
    for host in identified.unknown_hosts:
        owners = [s for s in declared.services if host_declared(host.host, s.hosts)]
        if not owners:
            add(_finding("SCAN106", host=host.host))
        for service in owners:
            seen_services.add(service.id)
            _transfer(service, add)

    cookie_seen: set[str] = set()
    for phase in observation.phases():
        early = phase.phase == "before_consent"
        stored = [("cookie", c.name, c.domain, c.page) for c in phase.cookies] + [
            (s.kind.replace("_", " "), s.key, s.origin, s.page) for s in phase.storage
        ]
        for kind, name, domain, page in stored:
            entries = [c for c in declared.cookies if cookie_matches(name, c.name)]
            cookie_seen.update(c.name for c in entries)
            if not entries:
                add(_finding("SCAN102", kind=kind, name=name, domain=domain))
            if not early or signature_of_cookie(name, declared.signatures) is not None:
                continue  # a known service's cookie is reported with the service
            purposes = {c.purpose for c in entries if c.purpose is not None and c.consent_needed}
            for purpose in sorted(purposes):
                add(_finding("SCAN103", what=f"{kind} '{name}'", purpose=purpose, page=page))

    for service in declared.services:
        if service.id in seen_services:
            continue
        if any(_declares(service, s) for s in declared.signatures):
            add(_finding("SCAN104", service.loc, what=f"{service.name} ({service.id})"))
    for cookie in declared.cookies:
        if cookie.name not in cookie_seen:
            add(_finding("SCAN104", cookie.loc, what=f"cookie '{cookie.name}'"))
    return tuple(found)


def _transfer(service: DeclaredService, add: Callable[[Finding], None]) -> None:
    if service.needs_transfer_ground and not service.transfer_recorded:
        add(
            _finding(
                "SCAN105",
                service.loc,
                service=f"{service.name} ({service.id})",
                country=service.country or "?",
            )
        )


def diagnostics(
    findings: Collection[Finding],
    path: str,
    locate: Callable[[Loc], tuple[int, int]],
    codes: Collection[str],
) -> tuple[Diagnostic, ...]:
    """The findings whose code is in ``codes`` as :class:`Diagnostic` values: at the line and
    column ``locate`` gives for their place in the map, else at the map file (line 0)."""
    result = []
    for finding in findings:
        if finding.code not in codes:
            continue
        rule = SCAN_RULES[finding.code]
        line, column = locate(finding.loc) if finding.loc is not None else (0, 0)
        result.append(
            Diagnostic(
                path, line, column, rule.code, rule.severity, finding.message, rule.fix, rule.law
            )
        )
    return tuple(sorted(set(result)))
