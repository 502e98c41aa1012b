"""ROPA3xx: storage limitation: retention stated, specific, and no shorter than the law requires."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...core.diagnostics import Severity
from ...law import uses
from ...law.rights import statutes
from ..grouping import retentions_of
from ..rule import Context, Hit, Rule

#: Phrases that state no limit at all, in the languages of the map.
_VAGUE = re.compile(
    r"as long as (necessary|needed|required)|so long as|until no longer needed|indefinitely"
    r"|så lenge (det er )?(nødvendig|naudsynt|behov)|så lenge vi har (behov|bruk for)"
    r"|på ubestemt tid",
    re.IGNORECASE,
)
_BOOKKEEPING = re.compile(r"bokføringslov|bookkeeping act", re.IGNORECASE)  # nn: bokføringslova
_DURATION = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$")
#: bokføringsloven § 13(1): primary records are kept five years after the financial year.
BOOKKEEPING_MONTHS = 60


def months(period: str) -> float:
    """Length of an ISO 8601 duration such as ``P5Y6M`` in months (weeks and days as fractions)."""
    match = _DURATION.match(period)
    if match is None:
        raise ValueError(f"not a duration: {period!r}")
    years, months_, weeks, days = (int(part or 0) for part in match.groups())
    return years * 12 + months_ + (weeks * 7 + days) / 30.44


class RetentionMissing(Rule):
    """Every activity must say how long its data is kept.

    The record needs the envisaged time limits for erasure (Art. 30(1)(f)) and the notice the
    period or the criteria that set it (Art. 13(2)(a), 14(2)(a)).

    Failing::

        activities:
          - id: membership
            retention: null

    Passing::

        activities:
          - id: membership
            retention:
              text: {nb: Slettes ett år etter utmelding., en: Erased one year after leaving.}
              period: P1Y
              trigger: {nb: utmelding, en: leaving}
    """

    code = "ROPA301"
    name = "retention-missing"
    severity = Severity.ERROR
    law = "GDPR Art. 5(1)(e), 13(2)(a), 30(1)(f)"
    message = "activity '{activity}' says nothing about how long the data is kept"
    fix = "add 'retention:' with 'text' and a 'period' (e.g. P3Y) or a 'trigger' (the event that ends storage)"

    def check(self, ctx: Context) -> Iterator[Hit]:
        for loc, activity in ctx.controller_activities():
            if activity.retention is None:
                yield self.hit(loc, activity=activity.id)


class RetentionVague(Rule):
    """A retention rule must let someone work out when the data will be erased.

    "As long as necessary" restates the principle without a limit. Give a period, or the
    event that ends storage, or both. A rule whose kind says when storage ends (until consent
    is withdrawn) or that it does not (permanent archiving, ROPA351) needs neither. Rules per
    category (``category_retention``) are read the same way.

    Failing::

        activities:
          - id: membership
            retention:
              text: {nb: Så lenge det er nødvendig., en: As long as necessary.}
              period: null
              trigger: null

    Passing::

        activities:
          - id: membership
            retention:
              text: {nb: Slettes ett år etter utmelding., en: Erased one year after leaving.}
              period: P1Y
              trigger: {nb: utmelding, en: leaving}
    """

    code = "ROPA302"
    name = "retention-vague"
    severity = Severity.WARNING
    law = "GDPR Art. 5(1)(e), 13(2)(a); WP260 rev.01 § 11"
    message = "activity '{activity}' has a vague retention rule: {why}"
    fix = (
        "state a 'period' (e.g. P3Y) and/or a 'trigger' such as 'end of the customer relationship'"
    )

    def check(self, ctx: Context) -> Iterator[Hit]:
        found: dict[tuple[str | None, ...], str | None] = {}  # a wording repeated is read once
        for _, loc, activity, place, retention in retentions_of(ctx):
            if (
                retention.period is None
                and retention.trigger is None
                and not uses.ends_by_kind(retention)
            ):
                yield self.hit(
                    (*loc, *place, "text"),
                    activity=activity.id,
                    why="neither a period nor a trigger",
                )
                continue
            text = retention.text
            wording = (text.nb, text.nn, text.en)
            if wording in found:
                phrase = found[wording]
            else:
                vague = _VAGUE.search(" ".join(t for t in wording if t))
                phrase = found[wording] = None if vague is None else vague.group(0)
            if phrase is not None:
                yield self.hit((*loc, *place, "text"), activity=activity.id, why=f"'{phrase}'")


class AccountingRetentionTooShort(Rule):
    """Accounting records must be kept for as long as bokføringsloven requires.

    Primary accounting records are kept five years after the end of the financial year
    (bokføringsloven § 13(1)). An activity that names the Act but erases earlier breaks it;
    erasure requests do not override it (Art. 17(3)(b)).

    Failing::

        activities:
          - id: membership
            legal_basis: legal_obligation
            legal_source: bokføringsloven § 13
            retention:
              text: {nb: Slettes etter tre år., en: Erased after three years.}
              period: P3Y
              trigger: {nb: regnskapsårets slutt, en: the end of the financial year}

    Passing::

        activities:
          - id: membership
            legal_basis: legal_obligation
            legal_source: bokføringsloven § 13
            retention:
              text: {nb: Oppbevares i fem år., en: Kept for five years.}
              period: P5Y
              trigger: {nb: regnskapsårets slutt, en: the end of the financial year}
              legal_source: bokføringsloven § 13
    """

    code = "ROPA303"
    name = "accounting-retention-too-short"
    severity = Severity.ERROR
    law = "bokføringsloven § 13; GDPR Art. 17(3)(b)"
    message = "activity '{activity}' keeps accounting data for {period}, shorter than the 5 years bokføringsloven § 13 requires"
    fix = "set 'period: P5Y' counted from the end of the financial year"

    def check(self, ctx: Context) -> Iterator[Hit]:
        named: dict[str, bool] = {}  # the statutes an activity names, each wording read once
        for loc, activity in ctx.controller_activities():
            retention = activity.retention
            if retention is None or retention.period is None:
                continue
            sources = " ".join((*statutes(activity), retention.legal_source or ""))
            bookkeeping = named.get(sources)
            if bookkeeping is None:
                bookkeeping = named[sources] = _BOOKKEEPING.search(sources) is not None
            if bookkeeping and months(retention.period) < BOOKKEEPING_MONTHS:
                yield self.hit(
                    (*loc, "retention", "period"), activity=activity.id, period=retention.period
                )


class RetentionPeriodWithoutTrigger(Rule):
    """A retention period needs a starting point.

    "Three years" from collection, from the last contact or from the end of a contract are
    very different limits; say which event the period counts from.

    Failing::

        activities:
          - id: membership
            retention:
              trigger: null

    Passing::

        activities:
          - id: membership
            retention:
              trigger: {nb: utmelding, en: leaving}
    """

    code = "ROPA304"
    name = "retention-period-without-trigger"
    severity = Severity.INFO
    law = "GDPR Art. 13(2)(a), 30(1)(f)"
    message = "activity '{activity}' has a retention period of {period} but does not say from when it counts"
    fix = "add 'trigger:' (nb and en), e.g. 'the last contact' or 'the end of the financial year'"

    def check(self, ctx: Context) -> Iterator[Hit]:
        for _, loc, activity, place, retention in retentions_of(ctx):
            if retention.period and retention.trigger is None:
                yield self.hit(
                    (*loc, *place, "period"), activity=activity.id, period=retention.period
                )


RULES: tuple[type[Rule], ...] = (
    RetentionMissing,
    RetentionVague,
    AccountingRetentionTooShort,
    RetentionPeriodWithoutTrigger,
)
