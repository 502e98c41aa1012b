"""ROPA9xx: the map's own bookkeeping: open assumptions and acknowledgements."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from ...core.diagnostics import Severity
from ..rule import Context, Hit, Loc, Rule, describe

#: Fields whose value is a legal ground: an assumption there is a warning, not a note.
LEGAL_GROUND_FIELDS = frozenset(
    {
        "legal_basis",
        "legal_bases",
        "basis",
        "law",
        "art9_condition",
        "legitimate_interest",
        "legal_source",
        "mechanism",
        "transfer_mechanism",
        "dpf_certified",
        "justification",
        "dpa",
        "joint_arrangement",
        "appointed",
        "role",
    }
)


def _one_line(note: str, limit: int = 300) -> str:
    text = " ".join(note.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _AssumptionRule(Rule, abstract=True):
    legal: ClassVar[bool]

    def check(self, ctx: Context) -> Iterator[Hit]:
        for loc, field, note in ctx.shared("mapfile.assumptions", _assumptions):
            if (field in LEGAL_GROUND_FIELDS) is self.legal:
                yield self.hit(
                    (*loc, "assumptions", field),
                    key=True,
                    owner=describe(ctx.datamap, loc),
                    field=field,
                    note=_one_line(note),
                )


def _assumptions(ctx: Context) -> list[tuple[Loc, str, str]]:
    """Every open assumption: (its owner's location, field, note), in the map's order, each
    owner's fields sorted (listed once for both rules)."""
    return [
        (loc, field, note)
        for loc, statement in ctx.marked_statements()
        if statement.assumptions
        for field, note in sorted(statement.assumptions.items())
    ]


class AssumptionUnconfirmed(_AssumptionRule):
    """Each assumption still to be confirmed is listed, once, where it is written.

    Assumptions keep the map complete while facts are checked; the notice and the record show
    them as such. Confirm the value and delete its line under ``assumptions:``. (Assumed legal
    grounds are reported by ROPA901 instead.)

    Failing::

        activities:
          - id: membership
            assumptions:
              retention: The one-year rule is our guess; confirm with the board.

    Passing::

        activities:
          - id: membership
            assumptions: {}
    """

    code = "ROPA900"
    name = "assumption-unconfirmed"
    severity = Severity.INFO
    law = "GDPR Art. 5(1)(a), 5(2)"
    message = "assumed {owner}.{field}: {note}"
    fix = "confirm the value, then delete its line under 'assumptions:'"
    legal = False


class LegalGroundAssumed(_AssumptionRule):
    """A legal ground that is only assumed cannot yet be relied on.

    Legal bases, Art. 9 conditions, transfer mechanisms, processing agreements, roles and
    similar grounds decide whether processing is lawful at all; while they are assumptions the
    notice cannot state them as fact.

    Failing::

        activities:
          - id: membership
            assumptions:
              legal_basis: The notice gives no basis; contract is assumed.

    Passing::

        activities:
          - id: membership
            assumptions: {}
    """

    code = "ROPA901"
    name = "legal-ground-assumed"
    severity = Severity.WARNING
    law = "GDPR Art. 5(2), 6, 9, 13(1)(c), 28, 44"
    message = "assumed {owner}.{field}: {note}"
    fix = (
        "confirm the legal ground (with a lawyer or the DPO if needed), then delete the assumption"
    )
    legal = True


class StaleAcknowledgement(Rule):
    """An acknowledgement for a finding that no longer occurs should be removed.

    Otherwise it would silently accept the finding if it came back for another reason.

    Failing::

        activities:
          - id: membership
            acknowledge:
              - code: ROPA101
                reason: The board decided the basis in 2025.

    Passing::

        activities:
          - id: membership
            legal_basis: null
            acknowledge:
              - code: ROPA101
                reason: The board is deciding the basis; until then the activity is paused.
    """

    code = "ROPA902"
    name = "stale-acknowledgement"
    severity = Severity.WARNING
    law = "GDPR Art. 5(2)"
    message = "acknowledgement of {ack} on {owner} matches no finding any more"
    fix = "delete the acknowledgement"
    late = True

    def check(self, ctx: Context) -> Iterator[Hit]:
        fired: set[tuple[str, Loc]] | None = None
        for loc, statement in ctx.acknowledging():
            for index, ack in enumerate(statement.acknowledge):
                if ack.code not in ctx.selected or ack.code not in ctx.known:
                    continue
                if fired is None:  # made once, when an acknowledgement is first looked up
                    fired = _fired_within(ctx)
                if (ack.code, loc) not in fired:
                    yield self.hit(
                        (*loc, "acknowledge", index, "code"),
                        ack=ack.code,
                        owner=describe(ctx.datamap, loc),
                    )


def _fired_within(ctx: Context) -> set[tuple[str, Loc]]:
    """(code, location) of every finding before the late rules, and of every place that holds
    one: a finding's code with each prefix of its location, so that whether a code fired
    within a place is one lookup (not one comparison per finding)."""
    return {(code, where[:end]) for code, where in ctx.fired for end in range(len(where) + 1)}


class UnknownAcknowledgement(Rule):
    """An acknowledgement must name the code of a checker rule.

    Failing::

        activities:
          - id: membership
            acknowledge:
              - code: ROPA999
                reason: Typo for another code.

    Passing::

        activities:
          - id: membership
            acknowledge: []
    """

    code = "ROPA903"
    name = "unknown-acknowledgement"
    severity = Severity.WARNING
    law = "GDPR Art. 5(2)"
    message = "acknowledgement names '{ack}', which is not a rule code"
    fix = "use the code shown by 'check' (see the rule reference), or delete the acknowledgement"
    late = True

    def check(self, ctx: Context) -> Iterator[Hit]:
        for loc, statement in ctx.acknowledging():
            for index, ack in enumerate(statement.acknowledge):
                if ack.code not in ctx.known:
                    yield self.hit((*loc, "acknowledge", index, "code"), ack=ack.code)


RULES: tuple[type[Rule], ...] = (
    AssumptionUnconfirmed,
    LegalGroundAssumed,
    StaleAcknowledgement,
    UnknownAcknowledgement,
)
