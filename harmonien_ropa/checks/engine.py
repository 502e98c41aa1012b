"""Run the rules over a loaded map: findings with positions, acknowledgements set apart."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from itertools import groupby
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import Any

from ..core.collector import collector_paused
from ..core.diagnostics import Diagnostic, Severity
from ..core.errors import LoadError
from ..core.load_codes import INVALID_VALUE
from ..source.loading import LoadedMap
from .config import CheckConfig, Layer, combine, find_pyproject, from_settings, read_pyproject
from .registry import RULES, SelectionError, resolve
from .rule import Context, Hit, Loc, Rule


@dataclass(frozen=True, slots=True)
class Acknowledged:
    """A finding the map acknowledges, with the reason and where the acknowledgement is."""

    diagnostic: Diagnostic
    reason: str
    line: int
    column: int

    def to_dict(self) -> dict[str, Any]:
        data = self.diagnostic.to_dict()
        data["reason"] = self.reason
        data["acknowledged_at"] = {"line": self.line, "column": self.column}
        return data


@dataclass(frozen=True, slots=True)
class CheckResult:
    """Everything one check found, sorted by position."""

    path: str
    findings: tuple[Diagnostic, ...]
    acknowledged: tuple[Acknowledged, ...]
    rules: tuple[Rule, ...]
    config: CheckConfig

    @property
    def failed(self) -> bool:
        """True if a finding (not acknowledged) is at or above ``config.fail_on``."""
        return any(self.config.fails(d.severity) for d in self.findings)

    def counts(self) -> dict[str, int]:
        """Findings per severity, plus the number acknowledged."""
        counter = Counter(map(_SEVERITY, self.findings))  # counted in C, by member
        result = {severity.value: counter.get(severity, 0) for severity in Severity}
        result["acknowledged"] = len(self.acknowledged)
        return result


def check(loaded: LoadedMap, config: CheckConfig | None = None) -> CheckResult:
    """Check ``loaded`` with ``config`` (default: the map's own ``settings.check``)."""
    if config is None:
        config = combine(settings_layer(loaded))
    codes = config.codes()
    rules = tuple(rule for code, rule in RULES.items() if code in codes)
    ctx = Context(
        loaded.datamap, selected=frozenset(codes), known=frozenset(RULES), today=config.today
    )

    # Python's cyclic garbage collector is paused until the findings are made (reference
    # counting still frees everything at once): the rules build views of the map (the notice's,
    # at hundreds of thousands of small values on a large map) that live until the check ends,
    # and each full collection would scan them all again (a fifth of the rules' time, and most
    # of the time spent making the findings). What it built moves to the collector's oldest
    # generation as the pause ends (``kept``), so that the first collection after it does not
    # walk all of it once more.
    with collector_paused(kept=True):
        early, late = _run(rules, ctx)

        findings, acknowledged = _findings(loaded, early + late, _acknowledgements(ctx))
        return CheckResult(
            path=loaded.path,
            findings=findings,
            acknowledged=acknowledged,
            rules=rules,
            config=config,
        )


def _findings(
    loaded: LoadedMap, found: list[_Found], acks: dict[str, list[_Ack]]
) -> tuple[tuple[Diagnostic, ...], tuple[Acknowledged, ...]]:
    """The findings of ``found`` (each once, sorted as :class:`Diagnostic` sorts), and those
    ``acks`` acknowledges apart.

    A finding is known by its line, column, code and message before it is made: the path is
    the map's and the severity, fix and law are its rule's (one rule per code), so these four
    tell two findings apart and sort them as the whole :class:`Diagnostic` would (the path
    first, then the line, column and code, the severity before the message but one per code).
    Each distinct finding is then made once, in order; duplicates are never made or hashed."""
    find = loaded.positions.find
    made: dict[tuple[int, int, str, str], Rule] = {}
    kept: dict[tuple[int, int, str, str], tuple[Rule, Loc, str]] = {}
    # A rule's hits come together (see _run): what is the same for all of them is read once.
    for rule, hits in groupby(found, key=_FIRST):
        code, message_of = rule.code, rule.format_message
        with_acks = not rule.late and code in acks
        for _, hit in hits:
            line, column = find(hit.loc, key=hit.key)
            message = message_of(hit)
            key = (line, column, code, message)
            ack = _matching(acks, code, hit.loc) if with_acks else None
            if ack is None:
                made.setdefault(key, rule)
            elif key not in kept:
                kept[key] = (rule, *ack)
    path = loaded.path
    findings = tuple(
        Diagnostic(path, line, column, code, rule.severity, message, rule.fix, rule.law)
        for (line, column, code, message), rule in sorted(made.items(), key=_FIRST)
    )
    acknowledged = []
    for (line, column, code, message), (rule, ack_loc, reason) in sorted(kept.items(), key=_FIRST):
        at_line, at_column = find(ack_loc)
        finding = Diagnostic(path, line, column, code, rule.severity, message, rule.fix, rule.law)
        acknowledged.append(Acknowledged(finding, reason, at_line, at_column))
    return findings, tuple(acknowledged)


_FIRST = itemgetter(0)
_SEVERITY = attrgetter("severity")


def _run(rules: tuple[Rule, ...], ctx: Context) -> tuple[list[_Found], list[_Found]]:
    """What the rules find: the others', then the late ones', which see the others' in ``ctx``."""
    early: list[_Found] = []
    for rule in rules:
        if not rule.late:
            early.extend((rule, hit) for hit in rule.check(ctx))
    ctx.fired = frozenset((rule.code, hit.loc) for rule, hit in early)
    late = [(rule, hit) for rule in rules if rule.late for hit in rule.check(ctx)]
    return early, late


_Found = tuple[Rule, Hit]


def configuration(
    loaded: LoadedMap,
    config_file: Path | None = None,
    cli: Layer | None = None,
    *,
    report: Callable[[str], None] | None = None,
) -> CheckConfig:
    """The configuration ``check`` uses for ``loaded``: ``[tool.harmonien_ropa]`` of
    ``config_file`` (default: the ``pyproject.toml`` nearest the map, up to the repository
    root), then the map's own ``settings.check`` block, then ``cli`` (the command-line options),
    each overriding the one before. ``report`` is told which settings file was used."""
    pyproject = config_file if config_file is not None else find_pyproject(Path(loaded.path))
    layers = []
    if pyproject is not None:
        layer, present = read_pyproject(pyproject)
        if present:
            layers.append(layer)
            if report is not None:
                report(f"settings from {pyproject} [tool.harmonien_ropa]")
        elif config_file is not None and report is not None:
            report(f"{pyproject} has no [tool.harmonien_ropa] table")
    layers.append(settings_layer(loaded))
    if cli is not None:
        layers.append(cli)
    return combine(*layers)


def settings_layer(loaded: LoadedMap) -> Layer:
    """The map's own ``settings.check`` block; a bad selector is a load error at its line."""
    settings = loaded.datamap.settings.check
    for key in ("select", "ignore"):
        for index, selector in enumerate(getattr(settings, key)):
            try:
                resolve(selector)
            except SelectionError as exc:
                line, column = loaded.positions.find(("settings", "check", key, index))
                problem = Diagnostic(
                    loaded.path,
                    line,
                    column,
                    INVALID_VALUE.code,
                    Severity.ERROR,
                    str(exc),
                    "see the rule reference for the codes, groups and names",
                )
                raise LoadError([problem]) from None
    return from_settings(settings)


def diagnostic(loaded: LoadedMap, rule: Rule, hit: Hit) -> Diagnostic:
    """The finding ``rule`` reports for ``hit``, at its line and column in ``loaded``."""
    line, column = loaded.positions.find(hit.loc, key=hit.key)
    return Diagnostic(
        loaded.path,
        line,
        column,
        rule.code,
        rule.severity,
        rule.format_message(hit),
        rule.fix,
        rule.law,
    )


_Ack = tuple[Loc, Loc, str]  # (owner location, acknowledgement location, reason)


def _acknowledgements(ctx: Context) -> dict[str, list[_Ack]]:
    """The acknowledgements of the map by the code they name: their owner, where each is and
    why (the statements holding one listed once per check: :meth:`Context.acknowledging`)."""
    found: dict[str, list[_Ack]] = {}
    for loc, statement in ctx.acknowledging():
        for index, ack in enumerate(statement.acknowledge):
            entry = (loc, (*loc, "acknowledge", index, "code"), ack.reason)
            found.setdefault(ack.code, []).append(entry)
    return found


def _matching(acks: dict[str, list[_Ack]], code: str, loc: Loc) -> tuple[Loc, str] | None:
    """The nearest acknowledgement of ``code`` on ``loc`` or one of its ancestors."""
    best: _Ack | None = None
    for owner, ack_loc, reason in acks.get(code, ()):
        if loc[: len(owner)] == owner and (best is None or len(owner) > len(best[0])):
            best = (owner, ack_loc, reason)
    return None if best is None else (best[1], best[2])
