"""SARIF 2.1.0 output, so code-scanning services can show findings on pull requests.

Acknowledged findings are included as results with an ``inSource`` suppression carrying the
reason, which is how SARIF viewers show accepted findings.
"""

from __future__ import annotations

import json
import urllib.parse
from importlib.metadata import PackageNotFoundError, version
from pathlib import PurePath, PurePosixPath, PureWindowsPath
from typing import Any

from ..core.diagnostics import Diagnostic, Severity
from .engine import CheckResult
from .registry import group_of
from .rule import Rule

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _version() -> str:
    try:
        return version("harmonien-ropa")
    except PackageNotFoundError:  # pragma: no cover - uninstalled checkout
        return "0+unknown"


def artifact_uri(path: str) -> str:
    """A URI for ``path``: relative paths stay relative (POSIX), absolute ones become file:."""
    windows = PureWindowsPath(path)
    pure: PurePath = windows if windows.drive else PurePosixPath(path.replace("\\", "/"))
    if pure.is_absolute():
        return pure.as_uri()
    return urllib.parse.quote("/".join(pure.parts))


def _rule(rule: Rule) -> dict[str, Any]:
    group = group_of(rule.code)
    description = rule.explanation() or rule.summary()
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary()},
        "fullDescription": {"text": description},
        "help": {
            "text": f"{rule.fix} ({rule.law})",
            "markdown": f"**Fix:** {rule.fix}\n\n**Law:** {rule.law}",
        },
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {"law": rule.law, "tags": [group.name if group else "other", "gdpr"]},
    }


def _result(diagnostic: Diagnostic, index: dict[str, int]) -> dict[str, Any]:
    location: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(diagnostic.path)}}
    if diagnostic.line > 0:
        region = {"startLine": diagnostic.line}
        if diagnostic.column > 0:
            region["startColumn"] = diagnostic.column
        location["region"] = region
    result: dict[str, Any] = {
        "ruleId": diagnostic.code,
        "level": _LEVEL[diagnostic.severity],
        "message": {"text": diagnostic.message},
        "locations": [{"physicalLocation": location}],
        "properties": {"law": diagnostic.law, "fix": diagnostic.fix},
    }
    if diagnostic.code in index:
        result["ruleIndex"] = index[diagnostic.code]
    return result


def sarif_log(result: CheckResult) -> dict[str, Any]:
    """The SARIF log as a JSON-ready mapping."""
    index = {rule.code: i for i, rule in enumerate(result.rules)}
    results = [_result(d, index) for d in result.findings]
    for ack in result.acknowledged:
        item = _result(ack.diagnostic, index)
        item["suppressions"] = [{"kind": "inSource", "justification": ack.reason}]
        results.append(item)
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "harmonien-ropa",
                        "version": _version(),
                        "rules": [_rule(rule) for rule in result.rules],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def sarif_report(result: CheckResult) -> str:
    """The SARIF log as JSON text."""
    return json.dumps(sarif_log(result), ensure_ascii=False, indent=2) + "\n"
