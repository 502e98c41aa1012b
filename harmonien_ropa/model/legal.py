"""Legal vocabularies with stable keys: Art. 6 bases, Art. 9 conditions, Chapter V mechanisms.

Every member carries its article reference and a short label in each supported language, so
renderers and the checker never hard-code legal wording. The keys (the enum values) are what the
YAML uses and must never change once published.
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple


class LegalTerm(NamedTuple):
    """Reference and plain-language labels of one legal vocabulary entry."""

    article: str
    nb: str
    en: str


class _LegalEnum(StrEnum):
    """A string enum whose members know their article and translated labels."""

    @property
    def term(self) -> LegalTerm:
        return _TERMS[self]

    @property
    def article(self) -> str:
        return self.term.article

    def label(self, lang: str) -> str:
        """Short plain-language label in ``lang`` (``nb`` or ``en``)."""
        term = self.term
        return term.nb if lang == "nb" else term.en


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

    @property
    def is_derogation(self) -> bool:
        """True for the Art. 49 derogations, which are to be read narrowly."""
        return self.value.startswith("derogation_")

    @property
    def is_adequacy(self) -> bool:
        """True for Art. 45 adequacy decisions (including the EU-US Data Privacy Framework)."""
        return self in (TransferMechanism.ADEQUACY, TransferMechanism.EU_US_DPF)


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

    @property
    def is_indirect(self) -> bool:
        """True when Art. 14 (data not obtained from the data subject) applies."""
        return self in (SourceKind.THIRD_PARTY, SourceKind.PUBLIC_SOURCE)


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


_T = LegalTerm
_TERMS: dict[_LegalEnum, LegalTerm] = {
    LegalBasis.CONSENT: _T("GDPR Art. 6(1)(a)", "samtykke", "consent"),
    LegalBasis.CONTRACT: _T(
        "GDPR Art. 6(1)(b)",
        "nødvendig for å oppfylle en avtale med deg",
        "necessary to perform a contract with you",
    ),
    LegalBasis.LEGAL_OBLIGATION: _T(
        "GDPR Art. 6(1)(c)",
        "nødvendig for å oppfylle en rettslig forpliktelse",
        "necessary to comply with a legal obligation",
    ),
    LegalBasis.VITAL_INTERESTS: _T(
        "GDPR Art. 6(1)(d)",
        "nødvendig for å beskytte vitale interesser",
        "necessary to protect vital interests",
    ),
    LegalBasis.PUBLIC_TASK: _T(
        "GDPR Art. 6(1)(e)",
        "nødvendig for å utføre en oppgave i allmennhetens interesse",
        "necessary for a task carried out in the public interest",
    ),
    LegalBasis.LEGITIMATE_INTERESTS: _T(
        "GDPR Art. 6(1)(f)",
        "berettiget interesse",
        "legitimate interests",
    ),
    Art9Condition.EXPLICIT_CONSENT: _T(
        "GDPR Art. 9(2)(a)", "uttrykkelig samtykke", "explicit consent"
    ),
    Art9Condition.EMPLOYMENT: _T(
        "GDPR Art. 9(2)(b)",
        "plikter og rettigheter innen arbeidsrett og trygderett",
        "obligations and rights in employment and social security law",
    ),
    Art9Condition.VITAL_INTERESTS: _T(
        "GDPR Art. 9(2)(c)",
        "vitale interesser når samtykke ikke kan gis",
        "vital interests where consent cannot be given",
    ),
    Art9Condition.NOT_FOR_PROFIT_BODY: _T(
        "GDPR Art. 9(2)(d)",
        "ideell organisasjons behandling om egne medlemmer",
        "a not-for-profit body's processing about its members",
    ),
    Art9Condition.MADE_PUBLIC: _T(
        "GDPR Art. 9(2)(e)",
        "opplysninger du selv åpenbart har offentliggjort",
        "data you have manifestly made public",
    ),
    Art9Condition.LEGAL_CLAIMS: _T(
        "GDPR Art. 9(2)(f)",
        "fastsettelse, utøvelse eller forsvar av rettskrav",
        "establishing, exercising or defending legal claims",
    ),
    Art9Condition.SUBSTANTIAL_PUBLIC_INTEREST: _T(
        "GDPR Art. 9(2)(g)",
        "viktige allmenne interesser med hjemmel i lov",
        "substantial public interest on the basis of law",
    ),
    Art9Condition.HEALTH_SOCIAL_CARE: _T(
        "GDPR Art. 9(2)(h)",
        "forebyggende medisin, arbeidsmedisin, helse- og omsorgstjenester",
        "preventive or occupational medicine, health or social care",
    ),
    Art9Condition.PUBLIC_HEALTH: _T(
        "GDPR Art. 9(2)(i)",
        "allmenne folkehelsehensyn",
        "public interest in public health",
    ),
    Art9Condition.ARCHIVING_RESEARCH_STATISTICS: _T(
        "GDPR Art. 9(2)(j)",
        "arkiv, forskning eller statistikk",
        "archiving, research or statistics",
    ),
    TransferMechanism.ADEQUACY: _T(
        "GDPR Art. 45",
        "EU-kommisjonens beslutning om tilstrekkelig beskyttelsesnivå",
        "European Commission adequacy decision",
    ),
    TransferMechanism.EU_US_DPF: _T(
        "GDPR Art. 45; Decision (EU) 2023/1795",
        "EU–US Data Privacy Framework (mottakeren er sertifisert)",
        "EU–US Data Privacy Framework (the recipient is certified)",
    ),
    TransferMechanism.SCC: _T(
        "GDPR Art. 46(2)(c); Decision (EU) 2021/914",
        "EU-kommisjonens standard personvernbestemmelser (SCC)",
        "the European Commission's standard contractual clauses (SCCs)",
    ),
    TransferMechanism.BCR: _T(
        "GDPR Art. 46(2)(b), 47",
        "bindende virksomhetsregler (BCR)",
        "binding corporate rules (BCRs)",
    ),
    TransferMechanism.CODE_OF_CONDUCT: _T(
        "GDPR Art. 46(2)(e)",
        "godkjente atferdsnormer med bindende forpliktelser",
        "an approved code of conduct with binding commitments",
    ),
    TransferMechanism.CERTIFICATION: _T(
        "GDPR Art. 46(2)(f)",
        "godkjent sertifiseringsordning med bindende forpliktelser",
        "an approved certification mechanism with binding commitments",
    ),
    TransferMechanism.AD_HOC_CLAUSES: _T(
        "GDPR Art. 46(3)(a)",
        "avtalevilkår godkjent av tilsynsmyndigheten",
        "contractual clauses authorised by the supervisory authority",
    ),
    TransferMechanism.PUBLIC_AUTHORITY_INSTRUMENT: _T(
        "GDPR Art. 46(2)(a)",
        "bindende instrument mellom offentlige myndigheter",
        "a binding instrument between public authorities",
    ),
    TransferMechanism.DEROGATION_EXPLICIT_CONSENT: _T(
        "GDPR Art. 49(1)(a)",
        "ditt uttrykkelige samtykke til overføringen",
        "your explicit consent to the transfer",
    ),
    TransferMechanism.DEROGATION_CONTRACT: _T(
        "GDPR Art. 49(1)(b)",
        "nødvendig for å oppfylle en avtale med deg",
        "necessary to perform a contract with you",
    ),
    TransferMechanism.DEROGATION_CONTRACT_IN_INTEREST: _T(
        "GDPR Art. 49(1)(c)",
        "nødvendig for en avtale inngått i din interesse",
        "necessary for a contract concluded in your interest",
    ),
    TransferMechanism.DEROGATION_PUBLIC_INTEREST: _T(
        "GDPR Art. 49(1)(d)",
        "nødvendig av hensyn til viktige allmenne interesser",
        "necessary for important reasons of public interest",
    ),
    TransferMechanism.DEROGATION_LEGAL_CLAIMS: _T(
        "GDPR Art. 49(1)(e)",
        "nødvendig for rettskrav",
        "necessary for legal claims",
    ),
    TransferMechanism.DEROGATION_VITAL_INTERESTS: _T(
        "GDPR Art. 49(1)(f)",
        "nødvendig for å beskytte vitale interesser",
        "necessary to protect vital interests",
    ),
    TransferMechanism.DEROGATION_PUBLIC_REGISTER: _T(
        "GDPR Art. 49(1)(g)",
        "overføring fra et offentlig register",
        "transfer from a public register",
    ),
    TransferMechanism.DEROGATION_COMPELLING_INTERESTS: _T(
        "GDPR Art. 49(1) second subparagraph",
        "tvingende berettigede interesser (enkeltstående overføring)",
        "compelling legitimate interests (a one-off transfer)",
    ),
    PartyRole.PROCESSOR: _T("GDPR Art. 28", "databehandler", "processor"),
    PartyRole.SUB_PROCESSOR: _T("GDPR Art. 28(2), 28(4)", "underdatabehandler", "sub-processor"),
    PartyRole.INDEPENDENT_CONTROLLER: _T(
        "GDPR Art. 4(7)", "selvstendig behandlingsansvarlig", "independent controller"
    ),
    PartyRole.JOINT_CONTROLLER: _T(
        "GDPR Art. 26", "felles behandlingsansvarlig", "joint controller"
    ),
    PartyRole.CLIENT_CONTROLLER: _T(
        "GDPR Art. 30(2)",
        "behandlingsansvarlig vi er databehandler for",
        "controller on whose behalf we process",
    ),
    PartyRole.PUBLIC_AUTHORITY: _T("GDPR Art. 4(9)", "offentlig myndighet", "public authority"),
    PartyRole.OTHER_RECIPIENT: _T("GDPR Art. 4(9)", "annen mottaker", "other recipient"),
    SourceKind.DATA_SUBJECT: _T("GDPR Art. 13", "fra deg", "from you"),
    SourceKind.OBSERVED: _T(
        "GDPR Art. 13",
        "registrert når du bruker tjenestene våre",
        "observed when you use our services",
    ),
    SourceKind.THIRD_PARTY: _T("GDPR Art. 14", "fra andre", "from others"),
    SourceKind.PUBLIC_SOURCE: _T(
        "GDPR Art. 14(2)(f)",
        "fra offentlig tilgjengelige kilder",
        "from publicly available sources",
    ),
    MarketingChannel.EMAIL: _T("markedsføringsloven § 15", "e-post", "e-mail"),
    MarketingChannel.SMS: _T("markedsføringsloven § 15", "SMS", "text message"),
    MarketingChannel.TELEPHONE: _T("markedsføringsloven § 12", "telefon", "telephone"),
    MarketingChannel.POST: _T("markedsføringsloven § 12", "post", "post"),
    MarketingChannel.CUSTOM_AUDIENCE: _T(
        "GDPR Art. 26; CJEU C-210/16, C-40/17",
        "målretting med kundelister i annonsesystemer",
        "ad targeting with customer lists",
    ),
    MarketingChannel.LOOKALIKE_AUDIENCE: _T(
        "GDPR Art. 26; CJEU C-210/16, C-40/17",
        "speilsegmenter (lignende målgrupper)",
        "lookalike (mirror) audiences",
    ),
    MarketingChannel.SOCIAL_MEDIA: _T("GDPR Art. 26", "sosiale medier", "social media"),
    DpiaStatus.DONE: _T("GDPR Art. 35", "gjennomført", "done"),
    DpiaStatus.IN_PROGRESS: _T("GDPR Art. 35", "pågår", "in progress"),
    DpiaStatus.NEEDED: _T("GDPR Art. 35", "nødvendig, ikke startet", "needed, not started"),
    DpiaStatus.NOT_NEEDED: _T("GDPR Art. 35", "ikke nødvendig", "not needed"),
    DpiaStatus.NOT_ASSESSED: _T("GDPR Art. 35", "ikke vurdert", "not assessed"),
}
