"""Legal vocabularies with stable keys: Art. 6 bases, Art. 9 conditions, Chapter V mechanisms.

The keys (the enum values) are what the YAML uses and must never change once published. What
each term means in law (its article, its labels, how it is cited) is in
:mod:`harmonien_ropa.law.terms`, the one place every output and the checker take it from.
"""

from __future__ import annotations

from enum import StrEnum


class _LegalEnum(StrEnum):
    """A string enum of one legal vocabulary; its article and labels are in :mod:`..law.terms`."""


class LegalBasis(_LegalEnum):
    """Lawful basis for processing, GDPR Art. 6(1)(a)-(f)."""

    CONSENT = "consent"
    CONTRACT = "contract"
    LEGAL_OBLIGATION = "legal_obligation"
    VITAL_INTERESTS = "vital_interests"
    PUBLIC_TASK = "public_task"
    LEGITIMATE_INTERESTS = "legitimate_interests"


class Art9Condition(_LegalEnum):
    """Condition for processing special categories of personal data, GDPR Art. 9(2)(a)-(j)."""

    EXPLICIT_CONSENT = "explicit_consent"
    EMPLOYMENT = "employment"
    VITAL_INTERESTS = "vital_interests"
    NOT_FOR_PROFIT_BODY = "not_for_profit_body"
    MADE_PUBLIC = "made_public"
    LEGAL_CLAIMS = "legal_claims"
    SUBSTANTIAL_PUBLIC_INTEREST = "substantial_public_interest"
    HEALTH_SOCIAL_CARE = "health_social_care"
    PUBLIC_HEALTH = "public_health"
    ARCHIVING_RESEARCH_STATISTICS = "archiving_research_statistics"


class TransferMechanism(_LegalEnum):
    """Ground for a transfer of personal data outside the EEA, GDPR Chapter V."""

    ADEQUACY = "adequacy"
    EU_US_DPF = "eu_us_dpf"
    SCC = "scc"
    BCR = "bcr"
    CODE_OF_CONDUCT = "code_of_conduct"
    CERTIFICATION = "certification"
    AD_HOC_CLAUSES = "ad_hoc_clauses"
    PUBLIC_AUTHORITY_INSTRUMENT = "public_authority_instrument"
    DEROGATION_EXPLICIT_CONSENT = "derogation_explicit_consent"
    DEROGATION_CONTRACT = "derogation_contract"
    DEROGATION_CONTRACT_IN_INTEREST = "derogation_contract_in_interest"
    DEROGATION_PUBLIC_INTEREST = "derogation_public_interest"
    DEROGATION_LEGAL_CLAIMS = "derogation_legal_claims"
    DEROGATION_VITAL_INTERESTS = "derogation_vital_interests"
    DEROGATION_PUBLIC_REGISTER = "derogation_public_register"
    DEROGATION_COMPELLING_INTERESTS = "derogation_compelling_interests"


class PartyRole(_LegalEnum):
    """The role an outside organisation plays towards the controller."""

    PROCESSOR = "processor"
    SUB_PROCESSOR = "sub_processor"
    INDEPENDENT_CONTROLLER = "independent_controller"
    JOINT_CONTROLLER = "joint_controller"
    CLIENT_CONTROLLER = "client_controller"
    PUBLIC_AUTHORITY = "public_authority"
    OTHER_RECIPIENT = "other_recipient"


class SourceKind(_LegalEnum):
    """Where personal data comes from (Art. 13 when from the person, Art. 14 otherwise)."""

    DATA_SUBJECT = "data_subject"
    OBSERVED = "observed"
    THIRD_PARTY = "third_party"
    PUBLIC_SOURCE = "public_source"
    #: A public register or catalogue (Brønnøysundregistrene, Folkeregisteret).
    PUBLIC_REGISTER = "public_register"
    #: A person other than the data subject, e.g. a referee named by an applicant.
    OTHER_PERSON = "other_person"
    #: Data we already hold from another of our own activities, used again (Art. 6(4)).
    OWN_ACTIVITY = "own_activity"

    @property
    def is_indirect(self) -> bool:
        """True when Art. 14 (data not obtained from the data subject) applies."""
        return self in (
            SourceKind.THIRD_PARTY,
            SourceKind.PUBLIC_SOURCE,
            SourceKind.PUBLIC_REGISTER,
            SourceKind.OTHER_PERSON,
        )


class RetentionKind(_LegalEnum):
    """What ends the storage of data (Art. 5(1)(e), 13(2)(a))."""

    #: Erased after a period or an event (the default).
    PERIOD = "period"
    #: Kept until the person withdraws consent (Art. 7(3)), then erased.
    UNTIL_CONSENT_WITHDRAWN = "until_consent_withdrawn"
    #: Kept permanently for archiving in the public interest (Art. 5(1)(e), 89(1)); for a public
    #: body, because the archive act forbids erasing it.
    PERMANENT_ARCHIVE = "permanent_archive"


class MarketingChannel(_LegalEnum):
    """Direct-marketing channels, which carry rules of their own (markedsføringsloven § 15)."""

    EMAIL = "email"
    SMS = "sms"
    TELEPHONE = "telephone"
    POST = "post"
    CUSTOM_AUDIENCE = "custom_audience"
    LOOKALIKE_AUDIENCE = "lookalike_audience"
    SOCIAL_MEDIA = "social_media"


class DpiaStatus(_LegalEnum):
    """State of the data-protection impact assessment for an activity (Art. 35)."""

    DONE = "done"
    IN_PROGRESS = "in_progress"
    NEEDED = "needed"
    NOT_NEEDED = "not_needed"
    NOT_ASSESSED = "not_assessed"


class ConsentMechanism(_LegalEnum):
    """How consent is obtained (GDPR Art. 4(11), 7; recital 32): an active, specific choice, or
    one of the ways that give no valid consent (``pre_ticked``, ``bundled``, ``by_use``)."""

    OPT_IN_FORM = "opt_in_form"
    DOUBLE_OPT_IN = "double_opt_in"
    CHECKBOX = "checkbox"
    CONSENT_BANNER = "consent_banner"
    SIGNED_FORM = "signed_form"
    PRE_TICKED = "pre_ticked"
    BUNDLED = "bundled"
    BY_USE = "by_use"


class TrackerKind(_LegalEnum):
    """A technology that stores or reads information on a user's device (ekomloven § 3-15)."""

    COOKIE = "cookie"
    LOCAL_STORAGE = "local_storage"
    PIXEL = "pixel"
    SDK = "sdk"
    EMAIL_TRACKING = "email_tracking"


class TrackerPurpose(_LegalEnum):
    """What a cookie or similar technology is for, in the usual four consent categories."""

    STRICTLY_NECESSARY = "strictly_necessary"
    PREFERENCES = "preferences"
    STATISTICS = "statistics"
    MARKETING = "marketing"
