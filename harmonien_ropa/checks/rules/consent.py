"""ROPA12x: consent as it is obtained (GDPR Art. 4(11), 7, 8; personopplysningsloven § 5)."""

from __future__ import annotations

from collections.abc import Iterator

from ...core.diagnostics import Severity
from ...law.consent import (
    CHILD_CONSENT_AGE,
    CONSENT_BASES,
    INVALID_MECHANISMS,
    children_without_age_check,
    consent_bases,
)
from ..grouping import activities_with, bases_of
from ..rule import Context, Hit, Rule


class ConsentMechanismInvalid(Rule):
    """Consent asked for in a way that gives no consent is no basis at all.

    Consent is "a clear affirmative act" (GDPR Art. 4(11)); "silence, pre-ticked boxes or
    inactivity" do not constitute consent (recital 32), "by using our services you accept …"
    is consent by use, which is inactivity, and a consent tied to accepting terms or to a
    service that does not need the data is neither specific nor freely given (Art. 7(2), 7(4);
    recital 43). An activity whose ``consent.mechanism`` is ``pre_ticked``, ``bundled`` or
    ``by_use`` has no valid basis for what the consent was to cover.

    Failing::

        activities:
          - id: membership
            legal_basis: consent
            consent:
              mechanism: pre_ticked
              records: {nb: I medlemsregisteret., en: In the member register.}
              withdrawal: {nb: Skriv til oss., en: Write to us.}

    Passing::

        activities:
          - id: membership
            legal_basis: consent
            consent:
              mechanism: checkbox
              records: {nb: I medlemsregisteret., en: In the member register.}
              withdrawal: {nb: Skriv til oss., en: Write to us.}
    """

    code = "ROPA120"
    name = "consent-mechanism-invalid"
    severity = Severity.ERROR
    law = "GDPR Art. 4(11), 7(2), 7(4); recitals 32, 43"
    message = "activity '{activity}' asks for consent by '{mechanism}': {why} ({article})"
    fix = "ask with an unticked box, an opt-in form or double opt-in, separate from the terms; or rest the processing on another basis"

    def check(self, ctx: Context) -> Iterator[Hit]:
        for _, loc, activity, basis in bases_of(ctx, *CONSENT_BASES):  # each consent_bases
            mechanism = basis.consent.mechanism if basis.consent is not None else None
            if mechanism is None or mechanism not in INVALID_MECHANISMS:
                continue
            why, article = INVALID_MECHANISMS[mechanism]
            yield self.hit(
                (*loc, *basis.at("consent"), "mechanism"),
                activity=activity.id,
                mechanism=mechanism.value,
                why=why,
                article=article,
            )


class ConsentRecordsMissing(Rule):
    """The controller must be able to show that each person consented.

    GDPR Art. 7(1) puts the burden of proof on the controller: who consented, when, to what
    and how (the ICO's "record of consent"). Say where those records are kept in
    ``consent.records``; the record of processing shows it.

    Failing::

        activities:
          - id: membership
            legal_basis: consent
            consent_withdrawal: {nb: Skriv til oss., en: Write to us.}

    Passing::

        activities:
          - id: membership
            legal_basis: consent
            consent:
              mechanism: double_opt_in
              records: {nb: Påmeldingslogg i nyhetsbrevverktøyet., en: Sign-up log in the newsletter tool.}
              withdrawal: {nb: Lenken nederst i hver e-post., en: The link at the bottom of every e-mail.}
    """

    code = "ROPA121"
    name = "consent-records-missing"
    severity = Severity.WARNING
    law = "GDPR Art. 5(2), 7(1)"
    message = "activity '{activity}' relies on consent but does not say where the records of consent are kept"
    fix = "add 'consent: {records: …}' (nb and en) naming where each consent is logged, with when, how and to what"

    def check(self, ctx: Context) -> Iterator[Hit]:
        for _, loc, activity, basis in bases_of(ctx, *CONSENT_BASES):  # each consent_bases
            if basis.consent is None or basis.consent.records is None:
                yield self.hit((*loc, *basis.at("basis")), activity=activity.id)


class ChildConsentUnchecked(Rule):
    """Children under 13 cannot consent alone to an information society service offered
    directly to them: the holder of parental responsibility must give or authorise the consent.

    Personopplysningsloven § 5 sets the age at 13 for consent to information society services
    offered directly to children (GDPR Art. 8(1)), and the controller must make reasonable
    efforts to verify that consent below it (Art. 8(2)). The rule fires for an activity that
    rests on consent and is such a service (``child_online_service: true``), or may be one
    (not given, and consent is asked for online: a form, box or banner, or cookies and similar
    technologies, with a data subject that ``may_include_children``), when ``consent.age_check``
    says nothing of how age is checked or that consent obtained. ``child_online_service:
    false`` states that the activity is no such service.

    Failing::

        data_subjects:
          - id: members
            may_include_children: true
        activities:
          - id: membership
            legal_basis: consent
            consent:
              mechanism: opt_in_form
              records: {nb: Påmeldingslogg., en: Sign-up log.}
              withdrawal: {nb: Skriv til oss., en: Write to us.}

    Passing::

        data_subjects:
          - id: members
            may_include_children: true
        activities:
          - id: membership
            legal_basis: consent
            consent:
              mechanism: opt_in_form
              records: {nb: Påmeldingslogg., en: Sign-up log.}
              withdrawal: {nb: Skriv til oss., en: Write to us.}
              age_check: {nb: Under 13 år melder en forelder på., en: Below 13 a parent signs up.}
    """

    code = "ROPA122"
    name = "child-consent-unchecked"
    severity = Severity.WARNING
    law = "personopplysningsloven § 5; GDPR Art. 8(1)-(2)"
    message = f"activity '{{activity}}' asks for consent online from people who may be children ({{subjects}}) without saying how the holder of parental responsibility consents below {CHILD_CONSENT_AGE}"
    fix = "add 'consent: {age_check: …}' saying how age is checked and that consent obtained; set 'child_online_service: false' if the activity is no information society service offered directly to children, or mark the subjects as adults"

    def check(self, ctx: Context) -> Iterator[Hit]:
        # Only an activity resting on consent can have children consent without a check.
        for loc, activity in activities_with(ctx, *CONSENT_BASES):
            found = children_without_age_check(ctx.datamap, activity)
            if found:
                part = consent_bases(activity)[0]
                yield self.hit(
                    (*loc, *part.at("basis")),
                    activity=activity.id,
                    subjects=", ".join(s.id for s in found),
                )


RULES: tuple[type[Rule], ...] = (
    ConsentMechanismInvalid,
    ConsentRecordsMissing,
    ChildConsentUnchecked,
)
