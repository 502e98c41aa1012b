"""The scan's result as text, JSON (what was observed and the findings) or SARIF."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from typing import Any

from ..checks.config import CheckConfig
from ..checks.sarif import SCHEMA_URI, artifact_uri
from ..checks.scan_rules import SCAN_RULES
from ..core.diagnostics import Diagnostic, Severity, visible
from .identify import Identified
from .observed import Observation

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


@dataclass(frozen=True, slots=True)
class ScanResult:
    """A scan compared with a map: what was seen, what it means, and the verdict."""

    path: str
    observation: Observation
    identified: Identified
    findings: tuple[Diagnostic, ...]
    config: CheckConfig
    codes: tuple[str, ...]

    @property
    def failed(self) -> bool:
        return any(self.config.fails(d.severity) for d in self.findings)

    def counts(self) -> dict[str, int]:
        counter = Counter(d.severity.value for d in self.findings)
        return {severity.value: counter.get(severity.value, 0) for severity in Severity}


def text(result: ScanResult) -> str:
    """What was seen (pages, services, unknown hosts, cookies, storage), then the findings as
    ``file:line:col: severity CODE message`` with law and fix."""
    obs = result.observation
    lines = [f"scanned {visible(obs.url)}"]
    for phase in obs.phases():
        title = "before consent" if phase.phase == "before_consent" else "after consent"
        lines.append(f"{title}:")
        for page in phase.pages:
            note = f" ({visible(page.problem)})" if page.problem else ""
            lines.append(f"  page {visible(page.url)}{note}")
        for cookie in phase.cookies:
            life = "session" if cookie.lifetime is None else f"{cookie.lifetime} s"
            party = "first party" if cookie.first_party else "third party"
            lines.append(
                f"  cookie {visible(cookie.name)} {visible(cookie.domain)} {party}, {life}"
            )
        for item in phase.storage:
            lines.append(f"  {item.kind.replace('_', ' ')} {visible(item.key)}")
        for host in phase.hosts():
            failed = sum(1 for r in phase.requests if r.host == host and r.failure)
            total = sum(1 for r in phase.requests if r.host == host)
            extra = f", {failed} failed" if failed else ""
            lines.append(f"  host {visible(host)}: {total} request(s){extra}")
        if phase.truncated:
            lines.append("  (more than the scan records per page; the rest left out)")
    for seen in result.identified.services:
        lines.append(f"service {seen.signature.name}: {', '.join(seen.hosts + seen.cookies)}")
    for unknown in result.identified.unknown_hosts:
        lines.append(f"unknown host {visible(unknown.host)}")
    lines.append("")
    for d in result.findings:
        lines.append(
            f"{visible(d.path)}:{d.line}:{d.column}: {d.severity.value} {d.code} "
            f"{visible(d.message)}"
        )
        lines.append(f"    law: {visible(d.law or '')}")
        lines.append(f"    fix: {visible(d.fix or '')}")
    counts = result.counts()
    verdict = "FAILED" if result.failed else "passed"
    lines.append(
        f"{counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} info; "
        f"{verdict} (fail-on {result.config.fail_on})"
    )
    return "\n".join(lines) + "\n"


def json_report(result: ScanResult) -> str:
    """One JSON object: the map, what was observed, the services identified, the findings."""
    document: dict[str, Any] = {
        "path": result.path,
        "observed": result.observation.to_dict(),
        "services": [
            {
                "id": s.signature.id,
                "name": s.signature.name,
                "hosts": list(s.hosts),
                "cookies": list(s.cookies),
                "before_consent": s.before_consent,
            }
            for s in result.identified.services
        ],
        "unknown_hosts": [h.host for h in result.identified.unknown_hosts],
        "summary": result.counts(),
        "fail_on": result.config.fail_on,
        "failed": result.failed,
        "rules": list(result.codes),
        "findings": [d.to_dict() for d in result.findings],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def sarif_report(result: ScanResult) -> str:
    """SARIF 2.1.0; a finding without a place in the map points at the map file."""
    index = {code: i for i, code in enumerate(result.codes)}
    rules = [
        {
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": rule.summary},
            "help": {
                "text": f"{rule.fix} ({rule.law})",
                "markdown": f"**Fix:** {rule.fix}\n\n**Law:** {rule.law}",
            },
            "defaultConfiguration": {"level": _LEVEL[rule.severity]},
            "properties": {"law": rule.law, "tags": ["scan", "gdpr"]},
        }
        for rule in (SCAN_RULES[code] for code in result.codes)
    ]
    results = []
    for d in result.findings:
        location: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(d.path)}}
        if d.line > 0:
            location["region"] = {"startLine": d.line, "startColumn": max(d.column, 1)}
        results.append(
            {
                "ruleId": d.code,
                "ruleIndex": index[d.code],
                "level": _LEVEL[d.severity],
                "message": {"text": d.message},
                "locations": [{"physicalLocation": location}],
                "properties": {"law": d.law, "fix": d.fix},
            }
        )
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "harmonien-ropa scan", "rules": rules}},
                "columnKind": "unicodeCodePoints",
                "results": results,
                "properties": {"url": result.observation.url},
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


REPORTERS = {"text": text, "json": json_report, "sarif": sarif_report}
