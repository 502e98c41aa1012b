"""The publication gate: is the map ready for its notice to be published, and if not, why not.

A notice may be published only when the legal grounds it states are confirmed and the checker
finds nothing that fails the map. Three kinds of :class:`Blocker` keep it back:

* a legal ground that is still an assumption: an activity's Art. 6 ``legal_basis`` (or the
  ``basis`` of an entry of ``legal_bases``) or Art. 9
  ``art9_condition``, or a Chapter V ground (a transfer's ``mechanism``, a party's
  ``transfer_mechanism`` or ``dpf_certified``). Each is the ROPA901 finding on that field;
* an item GDPR Art. 13 or 14 requires the notice to give that the map does not give for an
  activity in the notice (:func:`harmonien_ropa.law.requirements.missing`: the controller's
  contact details, a transfer's ground, whether data leaves the EEA when a system's hosting is
  not known, ...): each finding of the rules that report that item, whatever its severity;
* any other finding that makes ``check`` fail (by default: every error).

Both come from one run of the checker with the same configuration as ``check``, so its ignores,
selections and the map's acknowledgements apply: a ground whose ROPA901 finding is acknowledged
(with a reason) or not selected does not block. ``render`` marks a blocked notice with a "not
ready for publication" banner, and ``render --final`` refuses to write anything while a blocker
remains; both ask :func:`publication_blockers`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from enum import StrEnum

from ..core.diagnostics import Diagnostic, Severity
from ..law.requirements import missing
from ..law.rights import notice_activities
from ..model import Activity, DataMap, Party
from ..model.activity import Transfer
from ..model.base import Statement
from ..model.bases import BasisPart
from ..source.loading import LoadedMap, load_with_positions
from ..source.positions import Positions
from .config import CheckConfig
from .engine import CheckResult, check, configuration, diagnostic
from .rule import Context, Loc
from .rules.mapfile import LegalGroundAssumed


class BlockerKind(StrEnum):
    """Why a blocker keeps the notice back."""

    #: An activity's Art. 6(1) legal basis is still an assumption.
    LEGAL_BASIS = "legal_basis"
    #: An activity's Art. 9(2) condition is still an assumption.
    ART9_CONDITION = "art9_condition"
    #: A Chapter V ground (transfer mechanism, DPF certification) is still an assumption.
    TRANSFER_GROUND = "transfer_ground"
    #: An item Art. 13/14 requires in the notice is missing (a finding of a rule reporting it).
    MISSING_ITEM = "missing_item"
    #: A checker finding that makes ``check`` fail.
    FINDING = "finding"


#: (kind of entry, field) → the kind of blocker an assumption there is.
GATED_FIELDS: dict[tuple[type[Statement], str], BlockerKind] = {
    (Activity, "legal_basis"): BlockerKind.LEGAL_BASIS,
    (Activity, "legal_bases"): BlockerKind.LEGAL_BASIS,
    (BasisPart, "basis"): BlockerKind.LEGAL_BASIS,
    (Activity, "art9_condition"): BlockerKind.ART9_CONDITION,
    (Transfer, "mechanism"): BlockerKind.TRANSFER_GROUND,
    (Party, "transfer_mechanism"): BlockerKind.TRANSFER_GROUND,
    (Party, "dpf_certified"): BlockerKind.TRANSFER_GROUND,
}


@dataclass(frozen=True, slots=True, order=True)
class Blocker:
    """One reason the map is not ready to publish, at its place in the YAML.

    ``finding`` is the checker's finding as ``check`` reports it (with its own severity: an
    assumed legal ground is a ROPA901 warning); for publication every blocker is an error.
    """

    finding: Diagnostic
    kind: BlockerKind

    @property
    def path(self) -> str:
        return self.finding.path

    @property
    def line(self) -> int:
        return self.finding.line

    @property
    def column(self) -> int:
        return self.finding.column

    @property
    def code(self) -> str:
        return self.finding.code

    def format(self) -> str:
        """``path:line:col: error CODE message`` (plus an indented fix line), as ``check``."""
        return Diagnostic(
            self.finding.path,
            self.finding.line,
            self.finding.column,
            self.finding.code,
            Severity.ERROR,
            self.finding.message,
            self.finding.fix,
        ).format()


def publication_blockers(
    source: str | os.PathLike[str] | LoadedMap | DataMap, config: CheckConfig | None = None
) -> tuple[Blocker, ...]:
    """Everything that keeps the map's notice from being published, sorted by position; an
    empty result means it is ready (``render --final`` would write it, without a banner).

    ``source`` is the data map's file, or a map already loaded. Given a file, the result is
    exactly what ``render --final --data FILE`` lists: the map is read with the position of
    every value, and by default configured as ``check`` does (the nearest ``pyproject.toml``,
    then the map's ``settings.check``). Given a
    :class:`~harmonien_ropa.source.loading.LoadedMap` or a :class:`DataMap`, the default ``config`` is
    the map's own ``settings.check`` (as :func:`harmonien_ropa.checks.check`), and a bare
    ``DataMap`` has no positions: every blocker is then at line 1, column 1.

    Raises :class:`~harmonien_ropa.core.errors.LoadError` for a map that does not load and
    :class:`~harmonien_ropa.checks.SelectionError` for settings naming no rule.
    """
    if isinstance(source, LoadedMap):
        loaded = source
    elif isinstance(source, DataMap):
        loaded = LoadedMap(source, Positions(), "<map>")
    else:
        loaded = load_with_positions(os.fspath(source))
        if config is None:
            config = configuration(loaded)
    return blockers_of(loaded, check(loaded, config))


def blockers_of(loaded: LoadedMap, result: CheckResult) -> tuple[Blocker, ...]:
    """What keeps the notice of ``loaded`` from being published, given the ``result`` of
    checking it (so that a caller that also reports the check runs the rules once)."""
    config = result.config
    open_findings = set(result.findings)
    blockers: dict[Diagnostic, BlockerKind] = {}
    if LegalGroundAssumed.code in config.codes():
        ctx = Context(loaded.datamap)
        owners: dict[Loc, Statement] = dict(ctx.statements())
        rule = LegalGroundAssumed()
        for hit in rule.check(ctx):
            owner, field = owners.get(hit.loc[:-2]), hit.loc[-1]
            kind = _gated(owner, field)
            if kind is None:
                continue
            found = diagnostic(loaded, rule, hit)
            if found in open_findings:  # not acknowledged
                blockers[found] = kind
    missing_rules = _missing_notice_rules(loaded.datamap)
    for finding in result.findings:
        if finding not in blockers and finding.code in missing_rules:
            blockers[finding] = BlockerKind.MISSING_ITEM
    for finding in result.findings:
        if finding not in blockers and config.fails(finding.severity):
            blockers[finding] = BlockerKind.FINDING
    return tuple(sorted(Blocker(finding, kind) for finding, kind in blockers.items()))


def _missing_notice_rules(datamap: DataMap) -> frozenset[str]:
    """The codes of the rules that report an Art. 13/14 item missing for an activity the notice
    describes (the law layer decides what is missing)."""
    return frozenset(
        code
        for activity in notice_activities(datamap)
        for item, _cell in missing(datamap, activity)
        if not item.record
        for code in item.rules
    )


def counts(blockers: tuple[Blocker, ...]) -> dict[BlockerKind, int]:
    """How many blockers of each kind (every kind present, zero included)."""
    found = dict.fromkeys(BlockerKind, 0)
    for blocker in blockers:
        found[blocker.kind] += 1
    return found


def _gated(owner: Statement | None, field: str | int) -> BlockerKind | None:
    for (kind, name), blocker in GATED_FIELDS.items():
        if name == field and isinstance(owner, kind):
            return blocker
    return None
