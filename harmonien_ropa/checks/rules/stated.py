# Longer than 400 lines: seven small rules over law/uses.py, each with its runnable Failing/Passing examples.
"""Rules on what the map states per use: the need for a national identity number, reuse of
our own data, retention kinds, access per activity and review dates.

Their codes sit in the groups of their topics (ROPA1xx lawfulness, ROPA3xx retention, ROPA5xx
inventory, ROPA7xx accountability); each legal conclusion is taken from :mod:`...law.uses`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ...core.diagnostics import Severity
from ...law import uses
from ...model.legal import RetentionKind
from ..grouping import retentions_of
from ..rule import Context, Hit, Rule


class NationalIdOutsideNeed(Rule):
    """A national identity number is used in an activity its stated need does not cover.

    Personopplysningsloven § 12 allows fødselsnummer only where secure identification is
    needed, and the need is judged for each use. When a category's ``needed_for`` names the
    activities the stated need covers (payroll, reporting fees), using the number anywhere
    else (ticket sales, say) has no stated need. Either stop using it there, or extend the
    justification and name the activity. A use required by a statute the activity names as
    its ``legal_source`` is not reported.

    Failing::

        data_categories:
          - id: fnr
            name: {nb: fødselsnummer, en: national identity number}
            national_id: true
            justification:
              nb: Kreves for innrapportering av honorarer til Skatteetaten.
              en: Required to report fees to the tax authority.
            needed_for: [fees]
        activities:
          - id: membership
            data_categories: [name, email, fnr]
          - id: fees
            name: {nb: Honorarer, en: Fees}
            purpose: {nb: Å betale honorarer., en: To pay fees.}
            data_subjects: [members]
            data_categories: [name, fnr]
            sources: [{kind: data_subject}]
            legal_basis: legal_obligation
            legal_source: skatteforvaltningsloven § 7-2
            provision: {nb: Lovpålagt., en: Required by law.}
            systems: [register]
            retention:
              text: {nb: Fem år., en: Five years.}
              period: P5Y
              trigger: {nb: regnskapsårets slutt, en: end of the financial year}
            dpia: {status: not_needed, reason: {nb: Lite omfang., en: Small scale.}}

    Passing::

        data_categories:
          - id: fnr
            name: {nb: fødselsnummer, en: national identity number}
            national_id: true
            justification:
              nb: Kreves for innrapportering av honorarer til Skatteetaten.
              en: Required to report fees to the tax authority.
            needed_for: [membership]
        activities:
          - id: membership
            data_categories: [name, email, fnr]
    """

    code = "ROPA150"
    name = "national-id-outside-need"
    severity = Severity.ERROR
    law = "personopplysningsloven § 12; GDPR Art. 87"
    message = (
        "activity '{activity}' uses the national identity number '{category}', whose stated "
        "need covers only {covered}"
    )
    fix = "remove the category from the activity, or add the activity to the category's 'needed_for' and say why in its 'justification'"

    def check(self, ctx: Context) -> Iterator[Hit]:
        # The categories whose need the law layer compares with an activity: a national id
        # with a stated need (an activity that uses none of them is passed over).
        needs = {c.id for c in ctx.datamap.data_categories if c.national_id and c.needed_for}
        if not needs:
            return
        for loc, activity in ctx.activities():
            if needs.isdisjoint(activity.data_category_ids):
                continue
            for index, cid in enumerate(activity.data_category_ids):
                category = ctx.datamap.data_category(cid)
                if uses.national_id_outside_need(category, activity):
                    yield self.hit(
                        (*loc, "data_categories", index),
                        activity=activity.id,
                        category=category.id,
                        covered=", ".join(f"'{a}'" for a in category.needed_for),
                    )


class NationalIdNeedOpen(Rule):
    """A national identity number is used on a need that is still an assumption.

    Personopplysningsloven § 12 allows fødselsnummer and other unique identifiers only where
    there is an objective need for secure identification and the method is necessary to achieve
    it. While the category's ``justification`` is an open assumption, neither is settled, and
    a statute that requires keeping accounts or reporting to an authority does not by that alone
    require the number. Confirm both parts (and remove the assumption), or stop collecting it.

    Failing::

        data_categories:
          - id: fnr
            name: {nb: fødselsnummer, en: national identity number}
            national_id: true
            justification:
              nb: Brukes ved tilbakebetaling.
              en: Used for refunds.
            assumptions:
              justification: Assumed from the current notice; confirm.
        activities:
          - id: membership
            data_categories: [name, email, fnr]

    Passing::

        data_categories:
          - id: fnr
            name: {nb: fødselsnummer, en: national identity number}
            national_id: true
            justification:
              nb: Kreves for innrapportering av honorarer til Skatteetaten (a-meldingen).
              en: Required to report fees to the tax authority (the a-melding).
        activities:
          - id: membership
            data_categories: [name, email, fnr]
    """

    code = "ROPA152"
    name = "national-id-need-open"
    severity = Severity.WARNING
    law = "personopplysningsloven § 12"
    message = (
        "national identity number '{category}' is used ({activities}) on a need not yet "
        f"confirmed: personopplysningsloven § 12 asks for {uses.NATIONAL_ID_CONDITION}"
    )
    fix = "confirm both parts of the need in 'justification' and remove its assumption, or stop collecting the number"

    def check(self, ctx: Context) -> Iterator[Hit]:
        for loc, category in ctx.data_categories():
            # Who uses the category asked only of a number whose need is open (the map's
            # index lists who uses a category only when first asked).
            if not uses.national_id_need_open(category):
                continue
            used = ctx.datamap.activities_of(category)
            if used:
                yield self.hit(
                    (*loc, "justification"),
                    category=category.id,
                    activities=", ".join(f"'{a.id}'" for a in used),
                )


class NationalIdOnStatuteAlone(Rule):
    """A national identity number rests on a named statute, with no need written down.

    Personopplysningsloven § 12 allows fødselsnummer only where there is an objective need for
    secure identification and the method is necessary. A statute that requires the
    processing does not by that alone require the number: reporting pay under
    a-opplysningsloven does, keeping accounts under bokføringsloven does not. When every
    activity using the number names a statute and ``justification`` is empty, confirm that
    the statute asks for the number itself and write that in ``justification``.

    Failing::

        data_categories:
          - id: fnr
            name: {nb: fødselsnummer, en: national identity number}
            national_id: true
        activities:
          - id: membership
            data_categories: [name, email, fnr]
            legal_basis: legal_obligation
            legal_source: bokføringsloven § 13

    Passing::

        data_categories:
          - id: fnr
            name: {nb: fødselsnummer, en: national identity number}
            national_id: true
            justification:
              nb: A-opplysningsloven § 4 krever fødselsnummeret i a-meldingen.
              en: The a-opplysningsloven § 4 requires the number in the a-melding.
        activities:
          - id: membership
            data_categories: [name, email, fnr]
            legal_basis: legal_obligation
            legal_source: a-opplysningsloven § 4
    """

    code = "ROPA153"
    name = "national-id-on-statute-alone"
    severity = Severity.INFO
    law = "personopplysningsloven § 12"
    message = (
        "national identity number '{category}' rests on {statutes} with no need written down: "
        "confirm that the statute requires the number itself"
    )
    fix = "write in 'justification' which provision requires the number (nb and en), or stop collecting it"

    def check(self, ctx: Context) -> Iterator[Hit]:
        for loc, category in ctx.data_categories():
            if not uses.national_id_need_unwritten(category):  # no statutes: no users asked
                continue
            found = uses.national_id_statutes(ctx.datamap.activities_of(category), category)
            if found:
                yield self.hit(
                    (*loc, "national_id"), category=category.id, statutes=", ".join(found)
                )


class ReuseCompatibilityMissing(Rule):
    """Data reused from another of our activities needs the compatibility of the purposes
    assessed.

    Using data collected for one purpose for another is allowed only when the new purpose is
    compatible with the first (GDPR Art. 6(4): the link between the purposes, the context,
    the nature of the data, the consequences and the safeguards), unless the new processing
    rests on consent or on a law. Before the data is used again, people must be told of the
    new purpose (Art. 13(3)). Record the assessment in the source's ``compatibility``.

    Failing::

        activities:
          - id: survey
            name: {nb: Publikumsundersøkelse, en: Audience survey}
            purpose: {nb: Å forbedre konsertene., en: To improve the concerts.}
            data_subjects: [members]
            data_categories: [email]
            sources:
              - kind: own_activity
                activity: membership
            legal_basis: legitimate_interests
            legitimate_interest: {nb: Bedre konserter., en: Better concerts.}
            balancing_test: LIA-1
            provision: {nb: Frivillig., en: Voluntary.}
            systems: [register]
            retention:
              text: {nb: Slettes etter tre måneder., en: Erased after three months.}
              period: P3M
              trigger: {nb: undersøkelsens slutt, en: end of the survey}
            dpia: {status: not_needed, reason: {nb: Lite omfang., en: Small scale.}}

    Passing::

        activities:
          - id: survey
            name: {nb: Publikumsundersøkelse, en: Audience survey}
            purpose: {nb: Å forbedre konsertene., en: To improve the concerts.}
            data_subjects: [members]
            data_categories: [email]
            sources:
              - kind: own_activity
                activity: membership
                compatibility:
                  nb: Begge formål gjelder medlemskapet; bare e-post brukes.
                  en: Both purposes concern the membership; only the e-mail is used.
            legal_basis: legitimate_interests
            legitimate_interest: {nb: Bedre konserter., en: Better concerts.}
            balancing_test: LIA-1
            provision: {nb: Frivillig., en: Voluntary.}
            systems: [register]
            retention:
              text: {nb: Slettes etter tre måneder., en: Erased after three months.}
              period: P3M
              trigger: {nb: undersøkelsens slutt, en: end of the survey}
            dpia: {status: not_needed, reason: {nb: Lite omfang., en: Small scale.}}
    """

    code = "ROPA151"
    name = "reuse-compatibility-missing"
    severity = Severity.WARNING
    law = "GDPR Art. 5(1)(b), 6(4), 13(3)"
    message = (
        "activity '{activity}' reuses data from activity '{source}' without saying why the "
        "new purpose is compatible"
    )
    fix = "add 'compatibility:' (nb and en) to the source: the link between the purposes, the context, the data, the consequences and the safeguards (Art. 6(4))"

    def check(self, ctx: Context) -> Iterator[Hit]:
        for loc, activity in ctx.controller_activities():
            for index, source in enumerate(activity.sources):
                if uses.compatibility_needed(activity, source) and source.compatibility is None:
                    yield self.hit(
                        (*loc, "sources", index),
                        activity=activity.id,
                        source=source.activity_id,
                    )


class UntilWithdrawnWithoutConsent(Rule):
    """Data kept "until consent is withdrawn" must rest on consent.

    Withdrawing consent ends processing that rests on it (Art. 7(3), 17(1)(b)); an activity on
    another basis cannot tie its retention to a consent it does not have. Give the period or
    event that ends storage, or base the activity on consent.

    Failing::

        activities:
          - id: membership
            retention:
              kind: until_consent_withdrawn
              text: {nb: Til du trekker samtykket., en: Until you withdraw your consent.}
              period: null
              trigger: {nb: tilbaketrukket samtykke, en: withdrawal of consent}

    Passing::

        activities:
          - id: membership
            legal_basis: consent
            consent_withdrawal:
              nb: Skriv til personvern@kor.example.
              en: Write to personvern@kor.example.
            retention:
              kind: until_consent_withdrawn
              text: {nb: Til du trekker samtykket., en: Until you withdraw your consent.}
              period: null
              trigger: {nb: tilbaketrukket samtykke, en: withdrawal of consent}
    """

    code = "ROPA350"
    name = "until-withdrawn-without-consent"
    severity = Severity.ERROR
    law = "GDPR Art. 5(1)(e), 7(3), 17(1)(b)"
    message = (
        "activity '{activity}' keeps data until consent is withdrawn, but rests on {basis}, "
        "not consent"
    )
    fix = "state a 'period' or 'trigger' with 'kind: period', or base the activity on consent"

    def check(self, ctx: Context) -> Iterator[Hit]:
        # law.uses asks only about a rule of this kind (kept until consent is withdrawn).
        kind = RetentionKind.UNTIL_CONSENT_WITHDRAWN
        for _, loc, activity, where, retention in retentions_of(ctx, kind):
            if uses.until_withdrawn_without_consent(activity, retention):
                yield self.hit(
                    (*loc, *where, "kind"),
                    activity=activity.id,
                    basis=activity.legal_basis,
                )


class PermanentArchiveUnsupported(Rule):
    """Permanent archiving needs its safeguards and the law that requires it stated.

    Data may be kept beyond its purpose only for archiving in the public interest, research or
    statistics, with the safeguards of Art. 89(1) (Art. 5(1)(e)). For a public body, the
    archive act requires records to be kept for posterity (arkivlova §§ 12–13): name that
    as the retention's ``legal_source`` and describe the safeguards in ``safeguards``.

    Failing::

        activities:
          - id: membership
            retention:
              kind: permanent_archive
              text: {nb: Bevares for ettertiden., en: Kept for posterity.}
              period: null
              trigger: {nb: avlevering, en: deposit}

    Passing::

        activities:
          - id: membership
            retention:
              kind: permanent_archive
              text: {nb: Bevares for ettertiden., en: Kept for posterity.}
              period: null
              trigger: {nb: avlevering, en: deposit}
              legal_source: arkivlova § 12
              safeguards:
                nb: Avleveres til arkivdepot; bare arkivarer har tilgang.
                en: Deposited with the archive; only archivists have access.
    """

    code = "ROPA351"
    name = "permanent-archive-unsupported"
    severity = Severity.WARNING
    law = "GDPR Art. 5(1)(e), 89(1); arkivlova §§ 12, 13 (LOV-2025-06-20-96)"
    message = "activity '{activity}' keeps data permanently without stating {missing}"
    fix = "add 'safeguards:' (the Art. 89(1) measures) and 'legal_source:' (e.g. arkivlova § 12) to the retention"

    def check(self, ctx: Context) -> Iterator[Hit]:
        # law.uses finds gaps only in a rule of this kind (kept for good for archiving).
        kind = RetentionKind.PERMANENT_ARCHIVE
        for _, loc, activity, where, retention in retentions_of(ctx, kind):
            missing = uses.archive_gaps(retention)
            if missing:
                yield self.hit(
                    (*loc, *where, "kind"),
                    activity=activity.id,
                    missing=" and ".join(f"'{m}'" for m in missing),
                )


class SpecialCategoryAccessWider(Rule):
    """Special-category data sits in a system that more people can see than the activity
    allows.

    When an activity names who may see its data (``access``) and uses special categories
    (Art. 9), a system that gives access to further roles exposes that data to them. Limit
    access in the system (a restricted area, a separate register), or widen the activity's
    ``access`` if those roles do need it (data protection by default, Art. 25(2); security of
    processing, Art. 32(1)(b) and 32(4)).

    Failing::

        data_categories:
          - id: health
            name: {nb: helseopplysninger, en: health data}
            special_category: true
        systems:
          - id: register
            access:
              - {nb: styret, en: the board}
              - {nb: alle korledere, en: all choir leaders}
        activities:
          - id: membership
            data_categories: [name, email, health]
            art9_condition: explicit_consent
            legal_basis: consent
            consent_withdrawal: {nb: Skriv til oss., en: Write to us.}
            access:
              - {nb: styret, en: the board}

    Passing::

        data_categories:
          - id: health
            name: {nb: helseopplysninger, en: health data}
            special_category: true
        systems:
          - id: register
            access:
              - {nb: styret, en: the board}
        activities:
          - id: membership
            data_categories: [name, email, health]
            art9_condition: explicit_consent
            legal_basis: consent
            consent_withdrawal: {nb: Skriv til oss., en: Write to us.}
            access:
              - {nb: styret, en: the board}
    """

    code = "ROPA550"
    name = "special-category-access-wider"
    severity = Severity.WARNING
    law = "GDPR Art. 9, 25(2), 32(1)(b), 32(4)"
    message = (
        "activity '{activity}' keeps special-category data in system '{system}', which also "
        "gives access to {roles}"
    )
    fix = "restrict access in the system to the activity's 'access', or add those roles to the activity's 'access' if they need the data"

    def check(self, ctx: Context) -> Iterator[Hit]:
        for loc, activity in ctx.controller_activities():
            # No system's access is wider than an activity's that names none (its categories
            # and systems are then not looked up).
            if not uses.states_access(activity) or not ctx.datamap.special_categories_of(activity):
                continue
            for index, system in enumerate(ctx.datamap.systems_of(activity)):
                wider = uses.wider_access(activity, system)
                if wider:
                    yield self.hit(
                        (*loc, "systems", index),
                        activity=activity.id,
                        system=system.id,
                        roles=", ".join(f"'{role.get('en')}'" for role in wider),
                    )


class ReviewOverdue(Rule):
    """An activity's entry was due for review and has not been reviewed.

    The controller must be able to show that the record is right (Art. 5(2), 24(1), 30); an
    owner and a review date per activity is how many organisations and municipalities keep it
    so. Counted from the checker's "today" (``--today``); silent when that is not known.

    Failing::

        activities:
          - id: membership
            owner:
              role: {nb: daglig leder, en: general manager}
            last_reviewed: 2020-01-15
            review_by: 2021-01-15

    Passing::

        activities:
          - id: membership
            owner:
              role: {nb: daglig leder, en: general manager}
            last_reviewed: 2026-06-01
            review_by: 2099-06-01
    """

    code = "ROPA750"
    name = "review-overdue"
    example_today = dt.date(2026, 12, 1)
    severity = Severity.WARNING
    law = "GDPR Art. 5(2), 24(1), 30"
    message = "activity '{activity}' was due for review by {due}{owner}"
    fix = "review the activity's entry, then set 'last_reviewed' to the date and 'review_by' to the next review"

    def check(self, ctx: Context) -> Iterator[Hit]:
        for loc, activity in ctx.activities():
            if uses.review_overdue(activity, ctx.today):
                owner = activity.owner
                yield self.hit(
                    (*loc, "review_by"),
                    activity=activity.id,
                    due=activity.review_by,
                    owner=f" (owner: {owner.role.get('en')})" if owner is not None else "",
                )


RULES: tuple[type[Rule], ...] = (
    NationalIdOutsideNeed,
    NationalIdNeedOpen,
    NationalIdOnStatuteAlone,
    ReuseCompatibilityMissing,
    UntilWithdrawnWithoutConsent,
    PermanentArchiveUnsupported,
    SpecialCategoryAccessWider,
    ReviewOverdue,
)
