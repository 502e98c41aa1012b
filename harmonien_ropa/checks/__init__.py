"""Compliance checks: rules with stable codes, run over a loaded data map.

Usage::

    from harmonien_ropa.source.loading import load_with_positions
    from harmonien_ropa.checks import check

    result = check(load_with_positions("data/processing.yaml"))
    for finding in result.findings:
        print(finding.format())

``RULES`` is the registry (code → rule); ``REPORTERS`` turns a result into text, JSON or SARIF;
:mod:`.coverage` reports which Art. 30 and Art. 13/14 items each activity states;
:func:`.reference.markdown` generates the rule reference page.
"""

from __future__ import annotations

from .config import CheckConfig, Layer, combine
from .engine import Acknowledged, CheckResult, check
from .registry import GROUPS, RULES, SelectionError
from .reporters import REPORTERS
from .rule import Context, Hit, Rule

__all__ = [
    "GROUPS",
    "REPORTERS",
    "RULES",
    "Acknowledged",
    "CheckConfig",
    "CheckResult",
    "Context",
    "Hit",
    "Layer",
    "Rule",
    "SelectionError",
    "check",
    "combine",
]
