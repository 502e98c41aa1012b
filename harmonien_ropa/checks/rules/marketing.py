"""ROPA6xx: direct marketing and ad targeting (markedsføringsloven § 15, GDPR Art. 21, 26)."""

from __future__ import annotations

from collections.abc import Iterator

from ...core.diagnostics import Severity
from ...law.devices import device_categories, device_category_ids
from ...law.marketing import only_business_contacts
from ...model import Activity, LegalBasis, MarketingChannel, PartyRole, SourceKind
from ..rule import Context, Hit, Rule

_ELECTRONIC = (MarketingChannel.EMAIL, MarketingChannel.SMS)
_AUDIENCES = (MarketingChannel.CUSTOM_AUDIENCE, MarketingChannel.LOOKALIKE_AUDIENCE)


def _targets(activity: Activity) -> bool:
    """True if the activity targets ads at people using their data."""
    return any(c in _AUDIENCES for c in activity.marketing) or (
        activity.profiling and bool(activity.marketing)
    )


class EmailMarketingWithoutConsent(Rule):
    """E-mail and SMS marketing to individuals needs prior consent.

    Markedsføringsloven § 15 first paragraph forbids marketing by e-mail or SMS to natural
    persons without their prior consent to receive it. That consent is its own: a consent
    given under the GDPR for something else (a newsletter sign-up for one purpose, say) is not
    consent to marketing under § 15, so the consent behind the activity must be a consent to
    this marketing by this channel. The only exception (§ 15 third paragraph) is existing
    customers whose address was obtained in a sale, for the business's own similar products,
    with an easy opt-out each time; set ``existing_customer_exception: true`` only if all of
    that holds. Marketing only to business contacts (``business_contacts: true`` on every data
    subject) is reported by ROPA606 instead.

    Failing::

        activities:
          - id: membership
            marketing: [email]

    Passing::

        activities:
          - id: membership
            marketing: [email]
            existing_customer_exception: true
    """

    code = "ROPA601"
    name = "email-marketing-without-consent"
    severity = Severity.ERROR
    law = "markedsføringsloven § 15; GDPR Art. 6(1)(a)"
    message = "activity '{activity}' markets by {channels} without consent or the existing-customer exception"
    fix = "ask for prior consent to this marketing by this channel (markedsføringsloven § 15; 'legal_basis: consent'), document that the § 15 third-paragraph exception applies, or drop the channel"

    def check(self, ctx: Context) -> Iterator[Hit]:
        for loc, activity in ctx.controller_activities_giving("marketing"):
            channels = [c.value for c in activity.marketing if c in _ELECTRONIC]
            if (
                channels
                and not activity.has_basis(LegalBasis.CONSENT)
                and not activity.existing_customer_exception
                and not only_business_contacts(ctx.datamap, activity)
            ):
                yield self.hit(
                    (*loc, "marketing"), activity=activity.id, channels="/".join(channels)
                )


class ExistingCustomerExceptionDoubtful(Rule):
    """The existing-customer exception covers e-mail/SMS to addresses the customer gave us.

    Markedsføringsloven § 15(3) requires that the address was obtained from the customer in
    connection with a sale. An activity claiming it needs an e-mail or SMS channel and data
    that comes from the person.

    Failing::

        activities:
          - id: membership
            existing_customer_exception: true
            marketing: [email]
            sources:
              - kind: third_party
                description: {nb: kjøpt liste, en: a bought list}

    Passing::

        activities:
          - id: membership
            existing_customer_exception: true
            marketing: [email]
            sources:
              - kind: data_subject
    """

    code = "ROPA602"
    name = "existing-customer-exception-doubtful"
    severity = Severity.WARNING
    law = "markedsføringsloven § 15(3)"
    message = "activity '{activity}' claims the existing-customer exception, but {why}"
    fix = "use the exception only for e-mail/SMS to addresses customers gave in a sale; otherwise ask for consent"

    def check(self, ctx: Context) -> Iterator[Hit]:
        for loc, activity in ctx.controller_activities_giving("existing_customer_exception"):
            if not any(c in _ELECTRONIC for c in activity.marketing):
                why = "it does not market by e-mail or SMS"
            elif not any(s.kind is SourceKind.DATA_SUBJECT for s in activity.sources):
                why = "none of its data comes from the customers themselves"
            else:
                continue
            yield self.hit((*loc, "existing_customer_exception"), activity=activity.id, why=why)


class CustomAudienceWithoutJointController(Rule):
    """Uploading customer lists to an ad platform makes us joint controllers with it.

    Under the CJEU's Fashion ID (C-40/17) and Wirtschaftsakademie (C-210/16) judgments, and
    EDPB Guidelines 8/2020 on targeting, a business using custom or lookalike audiences is a
    joint controller with the platform and needs an Art. 26 arrangement. Record the platform
    as a ``joint_controller`` recipient with its ``joint_arrangement``.

    Failing::

        parties:
          - id: adplatform
            name: Adplatform Ltd
            role: independent_controller
            country: IE
            privacy_policy: https://ads.example/privacy
        activities:
          - id: membership
            marketing: [custom_audience]
            recipients: [adplatform]

    Passing::

        parties:
          - id: adplatform
            name: Adplatform Ltd
            role: joint_controller
            country: IE
            privacy_policy: https://ads.example/privacy
            joint_arrangement:
              nb: Plattformen og vi er felles behandlingsansvarlige for målrettingen.
              en: The platform and we are joint controllers for the targeting.
        activities:
          - id: membership
            marketing: [custom_audience]
            recipients: [adplatform]
    """

    code = "ROPA603"
    name = "custom-audience-without-joint-controller"
    severity = Severity.ERROR
    law = "GDPR Art. 26; CJEU C-210/16, C-40/17; EDPB Guidelines 8/2020"
    message = "activity '{activity}' uses {channels} but no recipient is a joint controller with an arrangement"
    fix = "add the ad platform as a 'joint_controller' party with 'joint_arrangement', and list it as a recipient"

    def check(self, ctx: Context) -> Iterator[Hit]:
        for loc, activity in ctx.controller_activities_giving("marketing"):
            channels = [c.value for c in activity.marketing if c in _AUDIENCES]
            if not channels:
                continue
            if any(
                p.role is PartyRole.JOINT_CONTROLLER and p.joint_arrangement is not None
                for p in ctx.datamap.all_recipients_of(activity)
            ):
                continue
            yield self.hit((*loc, "marketing"), activity=activity.id, channels="/".join(channels))


class TargetingOnLegitimateInterests(Rule):
    """Ad targeting based on profiles or customer lists rarely rests on legitimate interests.

    EDPB Guidelines 8/2020 and Datatilsynet consider consent the likely basis for targeting
    that combines data or tracks people; legitimate interests needs a convincing balancing test
    and an easy objection route (Art. 21(2)-(3)). Review the basis, or record the assessment
    and acknowledge the finding.

    Failing::

        activities:
          - id: membership
            legal_basis: legitimate_interests
            legitimate_interest: {nb: Å nå publikum., en: Reaching our audience.}
            balancing_test: LIA 2026-02
            marketing: [social_media]
            profiling: true

    Passing::

        activities:
          - id: membership
            legal_basis: consent
            consent_withdrawal: {nb: I innstillingene., en: In the settings.}
            marketing: [social_media]
            profiling: true
    """

    code = "ROPA604"
    name = "targeting-on-legitimate-interests"
    severity = Severity.WARNING
    law = "GDPR Art. 6(1)(f), 21(2); EDPB Guidelines 8/2020"
    message = (
        "activity '{activity}' targets advertising using personal data on legitimate interests"
    )
    fix = "consider consent as the basis; otherwise record a balancing test and acknowledge this finding"

    def check(self, ctx: Context) -> Iterator[Hit]:
        # Only an activity that markets can target ads (_targets).
        for loc, activity in ctx.controller_activities_giving("marketing"):
            for basis in activity.bases:
                if basis.basis is LegalBasis.LEGITIMATE_INTERESTS and _targets(activity):
                    yield self.hit((*loc, *basis.at("basis")), activity=activity.id)


#: Taxonomy keys of data read from people's devices (cookies, advertising ids, device ids).
class TrackingWithoutConsent(Rule):
    """Reading or storing identifiers on people's devices for tracking needs consent.

    Since 1 January 2025 ekomloven § 3-15 (the electronic communications act,
    LOV-2024-12-13-76) requires consent to the GDPR standard for storing or reading information
    on people's devices (cookies and similar technology) that is not strictly necessary. That
    consent is required by ekomloven whatever the Art. 6 basis of the later processing: it is not
    the same thing as the Art. 6 basis, and legitimate interests can never replace it. The rule
    fires for activities that observe people and use device identifiers (fideslang
    ``user.device.*`` or DPV ``pd:OnlineIdentifier``) without consent.

    Failing::

        data_categories:
          - id: cookie-id
            name: {nb: informasjonskapsel-ID, en: cookie ID}
            fideslang: user.device.cookie_id
        activities:
          - id: membership
            data_categories: [name, email, cookie-id]
            sources:
              - kind: data_subject
              - kind: observed

    Passing::

        data_categories:
          - id: cookie-id
            name: {nb: informasjonskapsel-ID, en: cookie ID}
            fideslang: user.device.cookie_id
        activities:
          - id: membership
            data_categories: [name, email, cookie-id]
            sources:
              - kind: data_subject
              - kind: observed
            legal_basis: consent
            consent_withdrawal: {nb: I innstillingene., en: In the settings.}
    """

    code = "ROPA605"
    name = "tracking-without-consent"
    severity = Severity.WARNING
    law = "ekomloven § 3-15 (LOV-2024-12-13-76); GDPR Art. 4(11), 7"
    message = "activity '{activity}' reads device identifiers ({categories}) without the consent ekomloven § 3-15 requires"
    fix = "ask for consent (a cookie banner with an equally easy refusal), or show the tracking is strictly necessary and acknowledge"

    def check(self, ctx: Context) -> Iterator[Hit]:
        devices = device_category_ids(ctx.datamap)
        if not devices:
            return
        for loc, activity in ctx.controller_activities():
            if activity.has_basis(LegalBasis.CONSENT) or devices.isdisjoint(
                activity.data_category_ids
            ):
                continue  # on consent, or uses no device-based category
            found = [c.id for c in device_categories(ctx.datamap, activity)]
            if found:
                yield self.hit(
                    (*loc, "data_categories"), activity=activity.id, categories=", ".join(found)
                )


class EmailMarketingToBusinessContacts(Rule):
    """E-mail or SMS marketing to business contacts: check whom the messages reach.

    The consent rule of markedsføringsloven § 15 first paragraph protects natural persons:
    marketing sent to a business (a generic address such as post@firma.no) is outside it.
    A named person's work address (ola.nordmann@firma.no) still reaches a natural person, and
    Forbrukertilsynet treats it as covered. The rule fires, as a warning, for e-mail or SMS
    marketing without consent or the existing-customer exception when every data subject is
    marked ``business_contacts``: confirm that the messages go to the businesses, or ask for
    consent.

    Failing::

        data_subjects:
          - id: members
            business_contacts: true
        activities:
          - id: membership
            marketing: [email]

    Passing::

        data_subjects:
          - id: members
            business_contacts: true
        activities:
          - id: membership
            marketing: [email]
            legal_basis: consent
            consent_withdrawal: {nb: Lenken i hver e-post., en: The link in every e-mail.}
    """

    code = "ROPA606"
    name = "email-marketing-to-business-contacts"
    severity = Severity.WARNING
    law = "markedsføringsloven § 15 first paragraph"
    message = "activity '{activity}' markets by {channels} to business contacts without consent: the consent rule still applies where a message reaches a named person"
    fix = "send to the businesses' own addresses, or ask the contact persons for consent; acknowledge the finding once confirmed"

    def check(self, ctx: Context) -> Iterator[Hit]:
        for loc, activity in ctx.controller_activities_giving("marketing"):
            channels = [c.value for c in activity.marketing if c in _ELECTRONIC]
            if (
                channels
                and not activity.has_basis(LegalBasis.CONSENT)
                and not activity.existing_customer_exception
                and only_business_contacts(ctx.datamap, activity)
            ):
                yield self.hit(
                    (*loc, "marketing"), activity=activity.id, channels="/".join(channels)
                )


RULES: tuple[type[Rule], ...] = (
    EmailMarketingWithoutConsent,
    EmailMarketingToBusinessContacts,
    ExistingCustomerExceptionDoubtful,
    CustomAudienceWithoutJointController,
    TargetingOnLegitimateInterests,
    TrackingWithoutConsent,
)
