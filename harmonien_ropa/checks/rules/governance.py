"""ROPA7xx: accountability: DPIAs, the data-protection officer, the record's owner."""

from __future__ import annotations

from collections.abc import Iterator
from operator import attrgetter

from ...core.diagnostics import Severity
from ...law import adviser as adviser_law
from ...model import Activity, DataMap, DpiaStatus, MarketingChannel
from ..rule import Context, Hit, Rule

_DONE = (DpiaStatus.DONE, DpiaStatus.IN_PROGRESS)
_ADS = (
    MarketingChannel.CUSTOM_AUDIENCE,
    MarketingChannel.LOOKALIKE_AUDIENCE,
    MarketingChannel.SOCIAL_MEDIA,
)


def wp248_criteria(datamap: DataMap, activity: Activity) -> list[str]:
    """The WP248 rev.01 high-risk criteria the activity meets (as far as the map tells)."""
    return _criteria(datamap, activity, bool(datamap.special_categories_of(activity)))


def _criteria(datamap: DataMap, activity: Activity, special: bool) -> list[str]:
    """:func:`wp248_criteria`, given whether the activity uses a special category."""
    found = []
    if activity.profiling:
        found.append("evaluation or scoring")
    if activity.automated_decisions:
        found.append("automated decisions")
    criminal, vulnerable = datamap.once_for_map(_FLAGGED, _flagged)
    if special or not criminal.isdisjoint(activity.data_category_ids):
        found.append("sensitive data")
    if activity.large_scale:
        found.append("large scale")
    if activity.combines_datasets:
        found.append("combined data sets")
    if not vulnerable.isdisjoint(activity.data_subject_ids):
        found.append("vulnerable data subjects")
    return found


_FLAGGED = "checks.governance.flagged"  # :func:`_flagged`'s (:meth:`DataMap.once_for_map`)


def _flagged(datamap: DataMap) -> tuple[frozenset[str], frozenset[str]]:
    """The ids of the map's criminal-offence categories and vulnerable data subjects (each as
    the map resolves it), found once: each activity's criteria are then two set operations on
    its ids, with no category or subject it names looked up."""
    return (
        datamap.ids_where("data_categories", attrgetter("criminal_offence")),
        datamap.ids_where("data_subjects", attrgetter("vulnerable")),
    )


def dpia_reasons(datamap: DataMap, activity: Activity) -> tuple[str, ...]:
    """Why a DPIA is likely required for ``activity``; empty if nothing points to one (found
    once for each activity of the map: ROPA701 and ROPA702 both ask)."""
    return datamap.once("checks.governance.dpia_reasons", activity, _dpia_reasons)


def _dpia_reasons(datamap: DataMap, activity: Activity) -> tuple[str, ...]:
    special = bool(datamap.special_categories_of(activity))  # asked once for both questions
    criteria = _criteria(datamap, activity, special)
    reasons: list[str] = []
    if len(criteria) >= 2:
        reasons.append("WP248 criteria: " + ", ".join(criteria))
    if activity.profiling and any(c in _ADS for c in activity.marketing):
        reasons.append("profiling for advertising (Datatilsynet's list)")
    if activity.is_indirect and (
        activity.automated_decisions or (activity.profiling and activity.large_scale)
    ):
        reasons.append(
            "data from third parties used to decide whether people get, keep or lose an offer, "
            "product or service (Datatilsynet's list)"
        )
    if special and activity.large_scale:
        reasons.append("special categories on a large scale (Art. 35(3)(b))")
    if activity.automated_decisions and activity.profiling:
        reasons.append("profiling with automated decisions (Art. 35(3)(a))")
    return tuple(reasons)


class DpiaLikelyRequired(Rule):
    """Processing likely to be high-risk needs a DPIA before it starts.

    Art. 35(1) and (3), the EDPB-endorsed WP248 criteria (two or more normally mean a DPIA) and
    Datatilsynet's Art. 35(4) list (e.g. profiling to infer interests for advertising; data
    obtained from third parties used to decide whether people get, keep or lose an offer,
    product or service, which the map shows as data from others used for automated decisions
    or large-scale profiling) decide. The rule fires when the map shows
    such signs and no DPIA is done or in progress.

    Failing::

        activities:
          - id: membership
            profiling: true
            combines_datasets: true

    Passing::

        activities:
          - id: membership
            profiling: true
            combines_datasets: true
            dpia:
              status: done
              reference: DPIA 2026-03
    """

    code = "ROPA701"
    name = "dpia-likely-required"
    severity = Severity.ERROR
    law = "GDPR Art. 35(1), 35(3)-(4); WP248 rev.01; Datatilsynet's DPIA list"
    message = "activity '{activity}' likely needs a DPIA, but {state}: {reasons}"
    fix = "carry out the DPIA and record 'dpia: {status: done, reference: ...}' (or in_progress)"

    def check(self, ctx: Context) -> Iterator[Hit]:
        for loc, activity in ctx.controller_activities():
            dpia = activity.dpia
            if dpia is not None and dpia.status in _DONE:
                continue
            reasons = dpia_reasons(ctx.datamap, activity)
            if not reasons:
                continue
            state = "none is recorded" if dpia is None else f"its status is '{dpia.status}'"
            where = (*loc, "dpia", "status") if dpia is not None else loc
            yield self.hit(where, activity=activity.id, reasons="; ".join(reasons), state=state)


class DpiaNotAssessed(Rule):
    """Every activity should record whether a DPIA is needed.

    Screening is how a controller shows it considered Art. 35 (accountability, Art. 5(2)).
    Record ``not_needed`` with the reason, or the assessment's status.

    Failing::

        activities:
          - id: membership
            dpia:
              status: not_assessed

    Passing::

        activities:
          - id: membership
            dpia:
              status: not_needed
              reason: {nb: Få opplysninger og lite omfang., en: Little data and small scale.}
    """

    code = "ROPA702"
    name = "dpia-not-assessed"
    severity = Severity.WARNING
    law = "GDPR Art. 5(2), 35(1)"
    message = "activity '{activity}' has no recorded DPIA screening"
    fix = "screen the activity and record 'dpia:' with status not_needed (and the reason) or done"

    def check(self, ctx: Context) -> Iterator[Hit]:
        for loc, activity in ctx.controller_activities():
            dpia = activity.dpia
            if dpia is not None and dpia.status is not DpiaStatus.NOT_ASSESSED:
                continue
            if dpia_reasons(ctx.datamap, activity):
                continue  # ROPA701 says more
            where = (*loc, "dpia", "status") if dpia is not None else loc
            yield self.hit(where, activity=activity.id)


class DpiaUndocumented(Rule):
    """A DPIA decision should say where the assessment is, or why none is needed.

    Failing::

        activities:
          - id: membership
            dpia:
              status: not_needed
              reason: null

    Passing::

        activities:
          - id: membership
            dpia:
              status: not_needed
              reason: {nb: Få opplysninger og lite omfang., en: Little data and small scale.}
    """

    code = "ROPA703"
    name = "dpia-undocumented"
    severity = Severity.INFO
    law = "GDPR Art. 5(2), 35(7)"
    message = "activity '{activity}' records the DPIA as '{status}' without {what}"
    fix = "add 'reference:' (where the DPIA is kept) or 'reason:' (why none is needed)"

    def check(self, ctx: Context) -> Iterator[Hit]:
        for loc, activity in ctx.controller_activities():
            dpia = activity.dpia
            if dpia is None:
                continue
            if dpia.status in _DONE and dpia.reference is None:
                what = "a reference to the assessment"
            elif dpia.status is DpiaStatus.NOT_NEEDED and dpia.reason is None:
                what = "the reason"
            else:
                continue
            yield self.hit(
                (*loc, "dpia", "status"), activity=activity.id, status=dpia.status, what=what
            )


class DpoDecisionMissing(Rule):
    """The map should record whether a data-protection officer is appointed, and why (not).

    Art. 37(1) makes a DPO mandatory for public bodies and for core activities of large-scale
    monitoring or special-category processing; either way the decision belongs in the record,
    and a DPO's contact details in the notice (Art. 13(1)(b)).

    Failing::

        organisation:
          dpo: null

    Passing::

        organisation:
          dpo:
            appointed: false
            reason: {nb: Ikke påkrevd etter art. 37., en: Not required under Art. 37.}
    """

    code = "ROPA704"
    name = "dpo-decision-missing"
    severity = Severity.WARNING
    law = "GDPR Art. 13(1)(b), 37(1), 5(2)"
    message = "DPO decision not recorded: {what}"
    fix = "add 'organisation.dpo' with 'appointed' and, if false, the 'reason'"

    def check(self, ctx: Context) -> Iterator[Hit]:
        dpo = ctx.datamap.organisation.dpo
        if dpo is None:
            what = "the organisation says neither that a DPO is appointed nor that none is"
            yield self.hit(("organisation", "dpo"), key=True, what=what)
        elif not dpo.appointed and dpo.reason is None:
            what = "no DPO is appointed, and the map does not say why"
            yield self.hit(("organisation", "dpo", "appointed"), what=what)


class DpoLikelyRequired(Rule):
    """Large-scale special-category processing or monitoring as a core activity needs a DPO.

    Art. 37(1)(b)-(c). The rule fires when an activity processes special categories, or
    profiles people, on a large scale and no DPO is appointed.

    Failing::

        data_categories:
          - id: health
            name: {nb: helseopplysninger, en: health data}
            special_category: true
        activities:
          - id: membership
            data_categories: [name, email, health]
            art9_condition: explicit_consent
            consent_withdrawal: {nb: Skriv til oss., en: Write to us.}
            large_scale: true

    Passing::

        organisation:
          dpo:
            appointed: true
            name: Ola Personvern
            email: personvernombud@kor.example
        data_categories:
          - id: health
            name: {nb: helseopplysninger, en: health data}
            special_category: true
        activities:
          - id: membership
            data_categories: [name, email, health]
            art9_condition: explicit_consent
            consent_withdrawal: {nb: Skriv til oss., en: Write to us.}
            large_scale: true
    """

    code = "ROPA705"
    name = "dpo-likely-required"
    severity = Severity.WARNING
    law = "GDPR Art. 37(1)(b)-(c)"
    message = "activity '{activity}' {what} on a large scale, but no DPO is appointed"
    fix = "appoint a DPO, or record in 'dpo.reason' why this is not a core activity"

    def check(self, ctx: Context) -> Iterator[Hit]:
        dpo = ctx.datamap.organisation.dpo
        if dpo is not None and dpo.appointed:
            return
        for loc, activity in ctx.controller_activities():
            if not activity.large_scale:
                continue
            if ctx.datamap.special_categories_of(activity):
                what = "processes special categories"
            elif activity.profiling:
                what = "monitors people (profiling)"
            else:
                continue
            yield self.hit((*loc, "large_scale"), activity=activity.id, what=what)


class RecordOwnerMissing(Rule):
    """Someone must keep the record of processing activities up to date.

    Failing::

        record:
          maintained_by: null

    Passing::

        record:
          maintained_by: Kari Nordmann
    """

    code = "ROPA706"
    name = "record-owner-missing"
    severity = Severity.INFO
    law = "GDPR Art. 5(2), 24, 30"
    message = "the record names nobody who maintains it"
    fix = "add 'record.maintained_by:' (a person or function)"

    def check(self, ctx: Context) -> Iterator[Hit]:
        if ctx.datamap.record.maintained_by is None:
            yield self.hit(("record", "maintained_by"), key=True)


class AdviserCalledDpo(Rule):
    """A data-protection adviser must not be presented as the data-protection officer.

    Only the person designated under Art. 37, with the position and tasks of Art. 38-39, is the
    DPO; the notice gives the DPO's contact details (Art. 13(1)(b)), and shows an adviser as a
    contact by function. An adviser whose role says "personvernombud" or "DPO" would be read as
    the officer. Designate the adviser as DPO under ``dpo:`` if that is what they are.

    Failing::

        organisation:
          data_protection_adviser:
            name: Per Rådgiver
            role: {nb: personvernombud, en: data protection officer}
            email: per@kor.example

    Passing::

        organisation:
          data_protection_adviser:
            name: Per Rådgiver
            role: {nb: personvernrådgiver, en: data-protection adviser}
            email: per@kor.example
    """

    code = "ROPA707"
    name = "adviser-called-dpo"
    severity = Severity.ERROR
    law = adviser_law.LAW
    message = (
        "the data-protection adviser's role says '{title}', but only the officer designated "
        "under 'dpo' is the data-protection officer"
    )
    fix = (
        "give the adviser's own function (e.g. {nb: personvernrådgiver, en: data-protection "
        "adviser}), or, if they are designated as DPO, record them under 'organisation.dpo' "
        "with 'appointed: true'"
    )

    def check(self, ctx: Context) -> Iterator[Hit]:
        adviser = ctx.datamap.organisation.data_protection_adviser
        title = adviser_law.dpo_title_in(adviser.role) if adviser else None
        if title is not None:
            yield self.hit(("organisation", "data_protection_adviser", "role"), title=title)


RULES: tuple[type[Rule], ...] = (
    DpiaLikelyRequired,
    DpiaNotAssessed,
    DpiaUndocumented,
    DpoDecisionMissing,
    DpoLikelyRequired,
    RecordOwnerMissing,
    AdviserCalledDpo,
)
