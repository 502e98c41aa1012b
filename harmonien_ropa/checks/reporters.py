"""Reporters by name: a check result as text, JSON or SARIF (all deterministic)."""

from __future__ import annotations

import json
from collections.abc import Callable

from ..core.diagnostics import Diagnostic, Severity, invisible_in, visible
from .engine import CheckResult

Reporter = Callable[[CheckResult], str]


def _finding(diagnostic: Diagnostic) -> list[str]:
    lines = [
        f"{visible(diagnostic.path)}:{diagnostic.line}:{diagnostic.column}: "
        f"{diagnostic.severity.value} {diagnostic.code} {visible(diagnostic.message)}"
    ]
    lines.extend(_hints(diagnostic))
    return lines


def _hints(diagnostic: Diagnostic) -> list[str]:
    """The law and fix lines below a finding."""
    lines = []
    if diagnostic.law:
        lines.append(f"    law: {visible(diagnostic.law)}")
    if diagnostic.fix:
        lines.append(f"    fix: {visible(diagnostic.fix)}")
    return lines


def _findings(diagnostics: tuple[Diagnostic, ...]) -> list[str]:
    """The lines of ``diagnostics`` as :func:`_finding` writes them, each finding's joined: the
    part a rule writes alike for each of its findings (severity, code, law, fix) made once, and
    the messages escaped only when one of them holds a character to escape."""
    shown: Callable[[str], str] = visible if invisible_in(d.message for d in diagnostics) else str
    paths: dict[str, str] = {}
    parts: dict[tuple[str, Severity, str | None, str | None], tuple[str, str]] = {}
    lines = []
    for diagnostic in diagnostics:
        path = paths.get(diagnostic.path)
        if path is None:
            path = paths[diagnostic.path] = visible(diagnostic.path)
        rule = (diagnostic.code, diagnostic.severity, diagnostic.law, diagnostic.fix)
        part = parts.get(rule)
        if part is None:
            middle = f"{diagnostic.severity.value} {diagnostic.code} "
            part = parts[rule] = (middle, "".join("\n" + line for line in _hints(diagnostic)))
        middle, tail = part
        message = shown(diagnostic.message)
        lines.append(f"{path}:{diagnostic.line}:{diagnostic.column}: {middle}{message}{tail}")
    return lines


def summary(result: CheckResult) -> str:
    """One line such as ``2 errors, 5 warnings, 40 info; 1 acknowledged; 54 rules``."""
    counts = result.counts()
    parts = [
        f"{counts['error']} error{'s' if counts['error'] != 1 else ''}",
        f"{counts['warning']} warning{'s' if counts['warning'] != 1 else ''}",
        f"{counts['info']} info",
    ]
    verdict = "FAILED" if result.failed else "passed"
    return (
        f"{', '.join(parts)}; {counts['acknowledged']} acknowledged; "
        f"{len(result.rules)} rules; {verdict} (fail-on {result.config.fail_on})"
    )


def text(result: CheckResult) -> str:
    """``file:line:col: severity CODE message`` with law and fix lines; acknowledged apart."""
    lines = _findings(result.findings)
    if result.acknowledged:
        lines.append("")
        lines.append(f"acknowledged ({len(result.acknowledged)}):")
        for ack in result.acknowledged:
            lines.extend(_finding(ack.diagnostic))
            lines.append(f"    acknowledged at line {ack.line}: {visible(ack.reason)}")
    lines.append("")
    lines.append(summary(result))
    return "\n".join(lines) + "\n"


def json_report(result: CheckResult) -> str:
    """Findings, acknowledged findings and the summary as one JSON document."""
    document = {
        "path": result.path,
        "summary": result.counts(),
        "fail_on": result.config.fail_on,
        "failed": result.failed,
        "rules": [rule.code for rule in result.rules],
        "findings": [d.to_dict() for d in result.findings],
        "acknowledged": [a.to_dict() for a in result.acknowledged],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _sarif(result: CheckResult) -> str:
    from .sarif import sarif_report

    return sarif_report(result)


REPORTERS: dict[str, Reporter] = {"text": text, "json": json_report, "sarif": _sarif}
