# Longer than 400 lines: one module per rule group (ROPA1xx in registry.GROUPS); each rule is a class with its examples.
"""ROPA1xx: lawfulness: Art. 6 bases, Art. 9 conditions, Art. 10 data, national identity numbers."""

from __future__ import annotations

from collections.abc import Iterator

from ...core.diagnostics import Severity
from ...law.consent import consent_bases
from ...law.rights import statutes, uses_consent
from ...law.uses import national_id_need_unwritten, national_id_statutes
from ...model import LegalBasis
from ..grouping import bases_of
from ..rule import Context, Hit, Rule


class MissingLegalBasis(Rule):
    """Every processing activity needs a lawful basis under GDPR Art. 6(1).

    Without one the processing is unlawful, and neither the notice (Art. 13(1)(c)) nor the
    record can say why the data may be processed.

    Failing::

        activities:
          - id: membership
            legal_basis: null

    Passing::

        activities:
          - id: membership
            legal_basis: contract
    """

    code = "ROPA101"
    name = "missing-legal-basis"
    severity = Severity.ERROR
    law = "GDPR Art. 6(1), 13(1)(c)"
    message = "activity '{activity}' has no Art. 6(1) legal basis"
    fix = "add 'legal_basis:' (consent, contract, legal_obligation, vital_interests, public_task or legitimate_interests)"

    def check(self, ctx: Context) -> Iterator[Hit]:
        for loc, activity in ctx.controller_activities():
            if not activity.basis_values:
                yield self.hit((*loc, "legal_basis"), activity=activity.id)


class MissingArt9Condition(Rule):
    """Special categories of personal data need an Art. 9(2) condition besides the Art. 6 basis.

    Health, religion, ethnicity, biometrics and the other Art. 9(1) categories may only be
    processed under one of the conditions in Art. 9(2) (for Norway see also
    personopplysningsloven §§ 6-11). The Art. 6 basis alone is not enough.

    Failing::

        data_categories:
          - id: health
            name: {nb: helseopplysninger, en: health data}
            special_category: true
        activities:
          - id: membership
            data_categories: [name, email, health]

    Passing::

        data_categories:
          - id: health
            name: {nb: helseopplysninger, en: health data}
            special_category: true
        activities:
          - id: membership
            data_categories: [name, email, health]
            art9_condition: explicit_consent
            consent_withdrawal: {nb: Skriv til oss., en: Write to us.}
    """

    code = "ROPA102"
    name = "missing-art9-condition"
    severity = Severity.ERROR
    law = "GDPR Art. 9(1)-(2); personopplysningsloven §§ 6-11"
    message = "activity '{activity}' uses special-category data ({categories}) without an Art. 9(2) condition"
    fix = "add 'art9_condition:' (e.g. explicit_consent, employment, legal_claims), or stop using the data"

    def check(self, ctx: Context) -> Iterator[Hit]:
        for loc, activity in ctx.controller_activities():
            special = ctx.datamap.special_categories_of(activity)
            if special and activity.art9_condition is None:
                names = ", ".join(c.id for c in special)
                yield self.hit((*loc, "data_categories"), activity=activity.id, categories=names)


class LegitimateInterestUndescribed(Rule):
    """Legitimate interests as a basis requires the interest to be described.

    The notice must name the interest pursued (Art. 13(1)(d), 14(2)(b)), and the controller
    must be able to show that it is not overridden by the person's interests (the balancing
    test of Art. 6(1)(f)). Write both in ``legitimate_interest``.

    Failing::

        activities:
          - id: membership
            legal_basis: legitimate_interests

    Passing::

        activities:
          - id: membership
            legal_basis: legitimate_interests
            legitimate_interest:
              nb: Å drive koret; medlemmene venter dette, og vi bruker bare kontaktdata.
              en: Running the choir; members expect it, and we only use contact details.
            balancing_test: LIA 2026-01
    """

    code = "ROPA103"
    name = "legitimate-interest-undescribed"
    severity = Severity.ERROR
    law = "GDPR Art. 6(1)(f), 13(1)(d), 14(2)(b)"
    message = "activity '{activity}' relies on legitimate interests without describing the interest and the balancing"
    fix = "add 'legitimate_interest:' (nb and en): the interest, and why it is not overridden by the person's interests"

    def check(self, ctx: Context) -> Iterator[Hit]:
        for _, loc, activity, basis in bases_of(ctx, LegalBasis.LEGITIMATE_INTERESTS):
            if basis.legitimate_interest is None:
                yield self.hit((*loc, *basis.at("basis")), activity=activity.id)


class BalancingTestMissing(Rule):
    """A legitimate-interests basis should point to a recorded balancing test.

    Accountability (Art. 5(2)) means being able to show the assessment behind Art. 6(1)(f),
    not only its conclusion. Record where the legitimate-interests assessment (LIA) is kept.

    Failing::

        activities:
          - id: membership
            legal_basis: legitimate_interests
            legitimate_interest: {nb: Å drive koret., en: Running the choir.}

    Passing::

        activities:
          - id: membership
            legal_basis: legitimate_interests
            legitimate_interest: {nb: Å drive koret., en: Running the choir.}
            balancing_test: LIA 2026-01, styremøte 12. januar
    """

    code = "ROPA104"
    name = "balancing-test-missing"
    severity = Severity.WARNING
    law = "GDPR Art. 5(2), 6(1)(f)"
    message = (
        "activity '{activity}' relies on legitimate interests but no balancing test is recorded"
    )
    fix = "do the legitimate-interests assessment and add 'balancing_test:' saying where it is kept"

    def check(self, ctx: Context) -> Iterator[Hit]:
        for _, loc, activity, basis in bases_of(ctx, LegalBasis.LEGITIMATE_INTERESTS):
            if basis.legitimate_interest is not None and basis.balancing_test is None:
                yield self.hit((*loc, *basis.at("legitimate_interest")), activity=activity.id)


class ConsentWithdrawalMissing(Rule):
    """Consent must be as easy to withdraw as to give, and the notice must say how.

    Applies to consent under Art. 6(1)(a) and explicit consent under Art. 9(2)(a).

    Failing::

        activities:
          - id: membership
            legal_basis: consent

    Passing::

        activities:
          - id: membership
            legal_basis: consent
            consent_withdrawal:
              nb: Trykk på lenken nederst i hver e-post, eller skriv til oss.
              en: Use the link at the bottom of every e-mail, or write to us.
    """

    code = "ROPA105"
    name = "consent-withdrawal-missing"
    severity = Severity.ERROR
    law = "GDPR Art. 7(3), 13(2)(c)"
    message = "activity '{activity}' relies on consent but says nothing about how to withdraw it"
    fix = "add 'consent_withdrawal:' or 'consent: {withdrawal: …}' (nb and en) describing a route as easy as giving consent"

    def check(self, ctx: Context) -> Iterator[Hit]:
        for loc, activity in ctx.controller_activities():
            if not uses_consent(activity):
                continue
            parts = consent_bases(activity)
            for basis in parts:
                if basis.withdrawal is None:
                    yield self.hit((*loc, *basis.at("basis")), activity=activity.id)
            if not parts and activity.bases[0].withdrawal is None:
                yield self.hit((*loc, "art9_condition"), activity=activity.id)


class LegalSourceMissing(Rule):
    """A legal obligation or public task must be laid down in law, and the law named.

    Art. 6(3) requires the basis for (c) and (e) to be set out in Union or national law; the
    record and the notice should name it (e.g. ``bokføringsloven § 13``).

    With several bases (``legal_bases``), each legal obligation or public task names its own
    ``law``.

    Failing::

        activities:
          - id: membership
            legal_basis: legal_obligation

    Passing::

        activities:
          - id: membership
            legal_basis: legal_obligation
            legal_source: frivillighetsregisterloven § 4
    """

    code = "ROPA106"
    name = "legal-source-missing"
    severity = Severity.WARNING
    law = "GDPR Art. 6(1)(c), 6(1)(e), 6(3)"
    message = "activity '{activity}' relies on {basis} but names no law"
    fix = "add 'legal_source:' (or 'law:' in the entry of 'legal_bases') naming the statute, e.g. 'bokføringsloven § 13'"

    def check(self, ctx: Context) -> Iterator[Hit]:
        kinds = (LegalBasis.LEGAL_OBLIGATION, LegalBasis.PUBLIC_TASK)
        for _, loc, activity, part in bases_of(ctx, *kinds):
            if part.law is None:
                yield self.hit((*loc, *part.at("basis")), activity=activity.id, basis=part.basis)


class NationalIdUnjustified(Rule):
    """A national identity number may only be used where secure identification is needed.

    Personopplysningsloven § 12 allows fødselsnummer and other unique identifiers only when
    there is an objective need for secure identification and the method is needed to achieve
    it (GDPR Art. 87 leaves national identification numbers to national law; they are not
    Art. 9 or Art. 10 data). Write down that need in ``justification``. A use required by a
    statute that every activity using the number names as its ``legal_source`` (a legal
    obligation or public task) is left to ROPA153, which asks whether that statute requires
    the number itself.

    Failing::

        data_categories:
          - id: fnr
            name: {nb: fødselsnummer, en: national identity number}
            national_id: true
        activities:
          - id: membership
            data_categories: [name, email, fnr]

    Passing::

        data_categories:
          - id: fnr
            name: {nb: fødselsnummer, en: national identity number}
            national_id: true
            justification:
              nb: Kreves for innrapportering av honorarer til Skatteetaten.
              en: Required to report fees to the tax authority.
        activities:
          - id: membership
            data_categories: [name, email, fnr]
    """

    code = "ROPA107"
    name = "national-id-unjustified"
    severity = Severity.ERROR
    law = "personopplysningsloven § 12; GDPR Art. 87"
    message = (
        "national identity number '{category}' has no documented need for secure identification"
    )
    fix = "add 'justification:' (nb and en) saying why secure identification is needed, or name the statute that requires it as the activity's 'legal_source'"

    def check(self, ctx: Context) -> Iterator[Hit]:
        for loc, category in ctx.data_categories():
            if national_id_need_unwritten(category):
                if national_id_statutes(ctx.datamap.activities_of(category), category):
                    continue  # ROPA153 asks whether the statute requires the number itself
                yield self.hit((*loc, "national_id"), category=category.id)


class CriminalOffenceData(Rule):
    """Data on criminal convictions and offences needs authority in law.

    Art. 10 allows such data (e.g. a police certificate, politiattest) only under official
    authority or where law authorises it; name that law in ``legal_source``.

    Failing::

        data_categories:
          - id: police-certificate
            name: {nb: politiattest, en: police certificate}
            criminal_offence: true
        activities:
          - id: membership
            data_categories: [name, email, police-certificate]

    Passing::

        data_categories:
          - id: police-certificate
            name: {nb: politiattest, en: police certificate}
            criminal_offence: true
        activities:
          - id: membership
            data_categories: [name, email, police-certificate]
            legal_source: politiregisterloven § 39
    """

    code = "ROPA108"
    name = "criminal-offence-data-without-law"
    severity = Severity.ERROR
    law = "GDPR Art. 10; personopplysningsloven § 11"
    message = "activity '{activity}' uses criminal-offence data ({categories}) without naming the law that allows it"
    fix = "add 'legal_source:' naming the statute that authorises the processing"

    def check(self, ctx: Context) -> Iterator[Hit]:
        criminal = {c.id for c in ctx.datamap.data_categories if c.criminal_offence}
        if not criminal:
            return
        for loc, activity in ctx.controller_activities():
            if criminal.isdisjoint(activity.data_category_ids):
                continue  # uses none: its categories are not looked up
            found = [c.id for c in ctx.datamap.categories_of(activity) if c.criminal_offence]
            if found and not statutes(activity):
                yield self.hit(
                    (*loc, "data_categories"), activity=activity.id, categories=", ".join(found)
                )


class Art9WithoutSpecialCategory(Rule):
    """An Art. 9(2) condition on an activity that uses no special category is a sign of drift.

    Either a special category is missing from the activity's ``data_categories`` (or is not
    marked ``special_category: true``), or the condition is left over and should go.

    Failing::

        activities:
          - id: membership
            art9_condition: explicit_consent
            consent_withdrawal: {nb: Skriv til oss., en: Write to us.}

    Passing::

        activities:
          - id: membership
            art9_condition: null
    """

    code = "ROPA109"
    name = "art9-without-special-category"
    severity = Severity.INFO
    law = "GDPR Art. 9(1), 30(1)(c)"
    message = (
        "activity '{activity}' states an Art. 9(2) condition but uses no special-category data"
    )
    fix = "mark the special category with 'special_category: true' and list it, or remove 'art9_condition'"

    def check(self, ctx: Context) -> Iterator[Hit]:
        for loc, activity in ctx.controller_activities():
            if activity.art9_condition is not None and not ctx.datamap.special_categories_of(
                activity
            ):
                yield self.hit((*loc, "art9_condition"), activity=activity.id)


RULES: tuple[type[Rule], ...] = (
    MissingLegalBasis,
    MissingArt9Condition,
    LegitimateInterestUndescribed,
    BalancingTestMissing,
    ConsentWithdrawalMissing,
    LegalSourceMissing,
    NationalIdUnjustified,
    CriminalOffenceData,
    Art9WithoutSpecialCategory,
)
