# Longer than 400 lines: one table of every legal term, kept whole so that a collision or a missing term is refused in one place.
"""Legal terms and citations: each term once, with its article and its labels.

Every legal vocabulary of the model (Art. 6 bases, Art. 9 conditions, Chapter V mechanisms,
party roles, sources, marketing channels, DPIA states), the data-subject rights and the
Norwegian statutes the outputs name have one entry here: the article in the form used across
the EU (``GDPR Art. 6(1)(b)``) and a short label in each language. :func:`cite` gives a citation
in the reader's language (``personvernforordningen art. 6 nr. 1 bokstav b`` in Norwegian) and
:func:`label_cite` the one way every output writes "label (article)".

The table is keyed by the term's vocabulary *and* its value: two vocabularies may share a value
(``vital_interests`` is both an Art. 6(1)(d) basis and an Art. 9(2)(c) condition) and each keeps
its own entry; building the table refuses a key given twice and a term without an entry.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from enum import Enum, StrEnum
from functools import lru_cache
from types import MappingProxyType
from typing import NamedTuple

from ..model.legal import (
    Art9Condition,
    ConsentMechanism,
    DpiaStatus,
    LegalBasis,
    MarketingChannel,
    PartyRole,
    RetentionKind,
    SourceKind,
    TrackerKind,
    TrackerPurpose,
    TransferMechanism,
)


class LegalTerm(NamedTuple):
    """Reference and plain-language labels of one legal term (nynorsk from :data:`_NN`)."""

    article: str
    nb: str
    en: str
    nn: str = ""

    def label(self, lang: str) -> str:
        if lang == "nb":
            return self.nb
        if lang == "nn":
            return self.nn or self.nb
        return self.en


class Right(StrEnum):
    """A data-subject right (or statement about one) a notice may have to give."""

    ACCESS = "access"
    RECTIFICATION = "rectification"
    ERASURE = "erasure"
    RESTRICTION = "restriction"
    PORTABILITY = "portability"
    OBJECTION = "objection"
    OBJECTION_DIRECT_MARKETING = "objection_direct_marketing"
    WITHDRAW_CONSENT = "withdraw_consent"
    AUTOMATED_DECISIONS = "automated_decisions"
    COMPLAINT = "complaint"


class Statute(StrEnum):
    """Provisions outside the GDPR's vocabularies that the outputs and the checker name."""

    NATIONAL_ID = "national_id"
    SPECIAL_CATEGORIES = "special_categories"
    CRIMINAL_OFFENCES = "criminal_offences"
    ELECTRONIC_MARKETING = "electronic_marketing"
    ELECTRONIC_MARKETING_EXISTING_CUSTOMERS = "electronic_marketing_existing_customers"
    COOKIES = "cookies"
    RESPONSE_TIME = "response_time"
    JOINT_CONTROLLERS_RIGHTS = "joint_controllers_rights"
    DPO = "dpo"
    REPRESENTATIVE = "representative"
    ERASURE_GROUNDS = "erasure_grounds"
    ERASURE_EXCEPTIONS = "erasure_exceptions"
    CONSENT_CONDITIONS = "consent_conditions"
    CONSENT_WITHDRAWAL = "consent_withdrawal"
    CONSENT_INVALID = "consent_invalid"
    CHILDREN_CONSENT = "children_consent"
    COOKIES_EXEMPT = "cookies_exempt"
    ARCHIVE_ACT = "archive_act"
    ARCHIVE_ERASURE = "archive_erasure"
    ARCHIVE_DEROGATIONS = "archive_derogations"
    COMPATIBLE_PURPOSE = "compatible_purpose"


#: A member of any vocabulary in :data:`VOCABULARIES`.
Term = Enum

_T = LegalTerm
_ENTRIES: tuple[tuple[Enum, LegalTerm], ...] = (
    (LegalBasis.CONSENT, _T("GDPR Art. 6(1)(a)", "samtykke", "consent")),
    (
        LegalBasis.CONTRACT,
        _T(
            "GDPR Art. 6(1)(b)",
            "nødvendig for å oppfylle en avtale med deg, eller for å gjennomføre tiltak du "
            "har bedt om før en avtale inngås",
            "necessary to perform a contract with you, or to take steps at your request "
            "before entering into one",
        ),
    ),
    (
        LegalBasis.LEGAL_OBLIGATION,
        _T(
            "GDPR Art. 6(1)(c)",
            "nødvendig for å oppfylle en rettslig forpliktelse",
            "necessary to comply with a legal obligation",
        ),
    ),
    (
        LegalBasis.VITAL_INTERESTS,
        _T(
            "GDPR Art. 6(1)(d)",
            "nødvendig for å beskytte vitale interesser",
            "necessary to protect vital interests",
        ),
    ),
    (
        LegalBasis.PUBLIC_TASK,
        _T(
            "GDPR Art. 6(1)(e)",
            "nødvendig for å utføre en oppgave i allmennhetens interesse",
            "necessary for a task carried out in the public interest",
        ),
    ),
    (
        LegalBasis.LEGITIMATE_INTERESTS,
        _T(
            "GDPR Art. 6(1)(f)",
            "berettiget interesse",
            "legitimate interests",
        ),
    ),
    (
        Art9Condition.EXPLICIT_CONSENT,
        _T("GDPR Art. 9(2)(a)", "uttrykkelig samtykke", "explicit consent"),
    ),
    (
        Art9Condition.EMPLOYMENT,
        _T(
            "GDPR Art. 9(2)(b)",
            "plikter og rettigheter innen arbeidsrett og trygderett",
            "obligations and rights in employment and social security law",
        ),
    ),
    (
        Art9Condition.VITAL_INTERESTS,
        _T(
            "GDPR Art. 9(2)(c)",
            "vitale interesser når samtykke ikke kan gis",
            "vital interests where consent cannot be given",
        ),
    ),
    (
        Art9Condition.NOT_FOR_PROFIT_BODY,
        _T(
            "GDPR Art. 9(2)(d)",
            "ideell organisasjons behandling om egne medlemmer",
            "a not-for-profit body's processing about its members",
        ),
    ),
    (
        Art9Condition.MADE_PUBLIC,
        _T(
            "GDPR Art. 9(2)(e)",
            "opplysninger du selv åpenbart har offentliggjort",
            "data you have manifestly made public",
        ),
    ),
    (
        Art9Condition.LEGAL_CLAIMS,
        _T(
            "GDPR Art. 9(2)(f)",
            "fastsettelse, utøvelse eller forsvar av rettskrav",
            "establishing, exercising or defending legal claims",
        ),
    ),
    (
        Art9Condition.SUBSTANTIAL_PUBLIC_INTEREST,
        _T(
            "GDPR Art. 9(2)(g)",
            "viktige allmenne interesser med hjemmel i lov",
            "substantial public interest on the basis of law",
        ),
    ),
    (
        Art9Condition.HEALTH_SOCIAL_CARE,
        _T(
            "GDPR Art. 9(2)(h)",
            "forebyggende medisin, arbeidsmedisin, helse- og omsorgstjenester",
            "preventive or occupational medicine, health or social care",
        ),
    ),
    (
        Art9Condition.PUBLIC_HEALTH,
        _T(
            "GDPR Art. 9(2)(i)",
            "allmenne folkehelsehensyn",
            "public interest in public health",
        ),
    ),
    (
        Art9Condition.ARCHIVING_RESEARCH_STATISTICS,
        _T(
            "GDPR Art. 9(2)(j)",
            "arkiv, forskning eller statistikk",
            "archiving, research or statistics",
        ),
    ),
    (
        TransferMechanism.ADEQUACY,
        _T(
            "GDPR Art. 45",
            "EU-kommisjonens beslutning om tilstrekkelig beskyttelsesnivå",
            "European Commission adequacy decision",
        ),
    ),
    (
        TransferMechanism.EU_US_DPF,
        _T(
            "GDPR Art. 45; Commission Implementing Decision (EU) 2023/1795",
            "EU-kommisjonens beslutning om tilstrekkelig beskyttelsesnivå for EU–US Data Privacy "
            "Framework (gjelder bare mottakere i USA som er sertifisert under rammeverket)",
            "European Commission adequacy decision for the EU–US Data Privacy Framework (covers "
            "only importers in the United States certified under the framework)",
        ),
    ),
    (
        TransferMechanism.SCC,
        _T(
            "GDPR Art. 46(2)(c); Commission Implementing Decision (EU) 2021/914",
            "EU-kommisjonens standard personvernbestemmelser (SCC)",
            "the European Commission's standard contractual clauses (SCCs)",
        ),
    ),
    (
        TransferMechanism.BCR,
        _T(
            "GDPR Art. 46(2)(b), 47",
            "bindende virksomhetsregler (BCR)",
            "binding corporate rules (BCRs)",
        ),
    ),
    (
        TransferMechanism.CODE_OF_CONDUCT,
        _T(
            "GDPR Art. 46(2)(e)",
            "godkjente atferdsnormer med bindende forpliktelser",
            "an approved code of conduct with binding commitments",
        ),
    ),
    (
        TransferMechanism.CERTIFICATION,
        _T(
            "GDPR Art. 46(2)(f)",
            "godkjent sertifiseringsordning med bindende forpliktelser",
            "an approved certification mechanism with binding commitments",
        ),
    ),
    (
        TransferMechanism.AD_HOC_CLAUSES,
        _T(
            "GDPR Art. 46(3)(a)",
            "avtalevilkår godkjent av tilsynsmyndigheten",
            "contractual clauses authorised by the supervisory authority",
        ),
    ),
    (
        TransferMechanism.PUBLIC_AUTHORITY_INSTRUMENT,
        _T(
            "GDPR Art. 46(2)(a)",
            "bindende instrument mellom offentlige myndigheter",
            "a binding instrument between public authorities",
        ),
    ),
    (
        TransferMechanism.DEROGATION_EXPLICIT_CONSENT,
        _T(
            "GDPR Art. 49(1)(a)",
            "ditt uttrykkelige samtykke til overføringen",
            "your explicit consent to the transfer",
        ),
    ),
    (
        TransferMechanism.DEROGATION_CONTRACT,
        _T(
            "GDPR Art. 49(1)(b)",
            "nødvendig for å oppfylle en avtale med deg",
            "necessary to perform a contract with you",
        ),
    ),
    (
        TransferMechanism.DEROGATION_CONTRACT_IN_INTEREST,
        _T(
            "GDPR Art. 49(1)(c)",
            "nødvendig for en avtale inngått i din interesse",
            "necessary for a contract concluded in your interest",
        ),
    ),
    (
        TransferMechanism.DEROGATION_PUBLIC_INTEREST,
        _T(
            "GDPR Art. 49(1)(d)",
            "nødvendig av hensyn til viktige allmenne interesser",
            "necessary for important reasons of public interest",
        ),
    ),
    (
        TransferMechanism.DEROGATION_LEGAL_CLAIMS,
        _T(
            "GDPR Art. 49(1)(e)",
            "nødvendig for rettskrav",
            "necessary for legal claims",
        ),
    ),
    (
        TransferMechanism.DEROGATION_VITAL_INTERESTS,
        _T(
            "GDPR Art. 49(1)(f)",
            "nødvendig for å beskytte vitale interesser",
            "necessary to protect vital interests",
        ),
    ),
    (
        TransferMechanism.DEROGATION_PUBLIC_REGISTER,
        _T(
            "GDPR Art. 49(1)(g)",
            "overføring fra et offentlig register",
            "transfer from a public register",
        ),
    ),
    (
        TransferMechanism.DEROGATION_COMPELLING_INTERESTS,
        _T(
            "GDPR Art. 49(1) second subparagraph",
            "tvingende berettigede interesser (enkeltstående overføring)",
            "compelling legitimate interests (a one-off transfer)",
        ),
    ),
    (PartyRole.PROCESSOR, _T("GDPR Art. 28", "databehandler", "processor")),
    (PartyRole.SUB_PROCESSOR, _T("GDPR Art. 28(2), 28(4)", "underdatabehandler", "sub-processor")),
    (
        PartyRole.INDEPENDENT_CONTROLLER,
        _T("GDPR Art. 4(7)", "selvstendig behandlingsansvarlig", "independent controller"),
    ),
    (
        PartyRole.JOINT_CONTROLLER,
        _T("GDPR Art. 26", "felles behandlingsansvarlig", "joint controller"),
    ),
    (
        PartyRole.CLIENT_CONTROLLER,
        _T(
            "GDPR Art. 30(2)",
            "behandlingsansvarlig vi er databehandler for",
            "controller on whose behalf we process",
        ),
    ),
    (PartyRole.PUBLIC_AUTHORITY, _T("GDPR Art. 4(9)", "offentlig myndighet", "public authority")),
    (PartyRole.OTHER_RECIPIENT, _T("GDPR Art. 4(9)", "annen mottaker", "other recipient")),
    (SourceKind.DATA_SUBJECT, _T("GDPR Art. 13", "fra deg", "from you")),
    (
        SourceKind.OBSERVED,
        _T(
            "GDPR Art. 13",
            "registrert når du bruker tjenestene våre",
            "observed when you use our services",
        ),
    ),
    (SourceKind.THIRD_PARTY, _T("GDPR Art. 14", "fra andre", "from others")),
    (
        SourceKind.PUBLIC_SOURCE,
        _T(
            "GDPR Art. 14(2)(f)",
            "fra offentlig tilgjengelige kilder",
            "from publicly available sources",
        ),
    ),
    (
        SourceKind.PUBLIC_REGISTER,
        _T(
            "GDPR Art. 14(2)(f)",
            "fra offentlig tilgjengelige kilder (som offentlige registre)",
            "from publicly accessible sources (such as public registers)",
        ),
    ),
    (
        SourceKind.OTHER_PERSON,
        _T("GDPR Art. 14(2)(f)", "fra en annen person", "from another person"),
    ),
    (
        SourceKind.OWN_ACTIVITY,
        _T(
            "GDPR Art. 6(4), 13(3)",
            "fra en annen av våre behandlinger",
            "from another of our activities",
        ),
    ),
    (
        RetentionKind.PERIOD,
        _T("GDPR Art. 5(1)(e)", "slettes etter en frist", "erased after a period"),
    ),
    (
        RetentionKind.UNTIL_CONSENT_WITHDRAWN,
        _T(
            "GDPR Art. 7(3), 17(1)(b)",
            "til du trekker samtykket",
            "until you withdraw your consent",
        ),
    ),
    (
        RetentionKind.PERMANENT_ARCHIVE,
        _T(
            "GDPR Art. 5(1)(e), 89(1)",
            "bevares varig for arkivformål i allmennhetens interesse",
            "kept permanently for archiving purposes in the public interest",
        ),
    ),
    (MarketingChannel.EMAIL, _T("markedsføringsloven § 15", "e-post", "e-mail")),
    (MarketingChannel.SMS, _T("markedsføringsloven § 15", "SMS", "text message")),
    (MarketingChannel.TELEPHONE, _T("markedsføringsloven § 12", "telefon", "telephone")),
    (MarketingChannel.POST, _T("markedsføringsloven § 12", "post", "post")),
    (
        MarketingChannel.CUSTOM_AUDIENCE,
        _T(
            "GDPR Art. 26; CJEU C-210/16, C-40/17",
            "målretting med kundelister i annonsesystemer",
            "ad targeting with customer lists",
        ),
    ),
    (
        MarketingChannel.LOOKALIKE_AUDIENCE,
        _T(
            "GDPR Art. 26; CJEU C-210/16, C-40/17",
            "speilsegmenter (lignende målgrupper)",
            "lookalike (mirror) audiences",
        ),
    ),
    (MarketingChannel.SOCIAL_MEDIA, _T("GDPR Art. 26", "sosiale medier", "social media")),
    (DpiaStatus.DONE, _T("GDPR Art. 35", "gjennomført", "done")),
    (DpiaStatus.IN_PROGRESS, _T("GDPR Art. 35", "pågår", "in progress")),
    (DpiaStatus.NEEDED, _T("GDPR Art. 35", "nødvendig, ikke startet", "needed, not started")),
    (DpiaStatus.NOT_NEEDED, _T("GDPR Art. 35", "ikke nødvendig", "not needed")),
    (DpiaStatus.NOT_ASSESSED, _T("GDPR Art. 35", "ikke vurdert", "not assessed")),
    (ConsentMechanism.OPT_IN_FORM, _T("GDPR Art. 4(11)", "påmeldingsskjema", "opt-in form")),
    (
        ConsentMechanism.DOUBLE_OPT_IN,
        _T("GDPR Art. 4(11)", "dobbel bekreftelse (double opt-in)", "double opt-in"),
    ),
    (ConsentMechanism.CHECKBOX, _T("GDPR Art. 4(11)", "avkrysningsboks", "tick box")),
    (
        ConsentMechanism.CONSENT_BANNER,
        _T("GDPR Art. 4(11)", "samtykkebanner", "consent banner"),
    ),
    (ConsentMechanism.SIGNED_FORM, _T("GDPR Art. 4(11)", "signert skjema", "signed form")),
    (
        ConsentMechanism.PRE_TICKED,
        _T("GDPR Art. 4(11); recital 32", "forhåndsavkrysset boks", "pre-ticked box"),
    ),
    (
        ConsentMechanism.BUNDLED,
        _T(
            "GDPR Art. 7(2), 7(4)",
            "samtykke koblet til vilkår",
            "consent bundled with terms",
        ),
    ),
    (
        ConsentMechanism.BY_USE,
        _T(
            "GDPR Art. 4(11); recital 32",
            "«samtykke» ved bruk av tjenesten",
            "'consent' by using the service",
        ),
    ),
    (TrackerKind.COOKIE, _T("ekomloven § 3-15", "informasjonskapsel", "cookie")),
    (TrackerKind.LOCAL_STORAGE, _T("ekomloven § 3-15", "lokal lagring", "local storage")),
    (TrackerKind.PIXEL, _T("ekomloven § 3-15", "sporingspiksel", "tracking pixel")),
    (TrackerKind.SDK, _T("ekomloven § 3-15", "programvarebibliotek (SDK)", "SDK")),
    (
        TrackerKind.EMAIL_TRACKING,
        _T("ekomloven § 3-15", "sporing av åpnet e-post", "e-mail open tracking"),
    ),
    (
        TrackerPurpose.STRICTLY_NECESSARY,
        _T("ekomloven § 3-15 second paragraph", "strengt nødvendig", "strictly necessary"),
    ),
    (TrackerPurpose.PREFERENCES, _T("ekomloven § 3-15", "innstillinger", "preferences")),
    (TrackerPurpose.STATISTICS, _T("ekomloven § 3-15", "statistikk", "statistics")),
    (TrackerPurpose.MARKETING, _T("ekomloven § 3-15", "markedsføring", "marketing")),
    (Right.ACCESS, _T("GDPR Art. 15", "innsyn", "access")),
    (Right.RECTIFICATION, _T("GDPR Art. 16", "retting", "rectification")),
    (Right.ERASURE, _T("GDPR Art. 17", "sletting", "erasure")),
    (Right.RESTRICTION, _T("GDPR Art. 18", "begrenset behandling", "restriction")),
    (Right.PORTABILITY, _T("GDPR Art. 20", "dataportabilitet", "data portability")),
    (Right.OBJECTION, _T("GDPR Art. 21(1)", "protest", "objection")),
    (
        Right.OBJECTION_DIRECT_MARKETING,
        _T(
            "GDPR Art. 21(2)-(3)",
            "protest mot direkte markedsføring",
            "objection to direct marketing",
        ),
    ),
    (Right.WITHDRAW_CONSENT, _T("GDPR Art. 7(3)", "trekke samtykke", "withdrawing consent")),
    (
        Right.AUTOMATED_DECISIONS,
        _T("GDPR Art. 22", "automatiserte avgjørelser", "automated decisions"),
    ),
    (Right.COMPLAINT, _T("GDPR Art. 77", "klage", "complaint")),
    (
        Statute.NATIONAL_ID,
        _T(
            "personopplysningsloven § 12; GDPR Art. 87", "fødselsnummer", "national identity number"
        ),
    ),
    (
        Statute.SPECIAL_CATEGORIES,
        _T("GDPR Art. 9", "særlige kategorier", "special categories"),
    ),
    (
        Statute.CRIMINAL_OFFENCES,
        _T(
            "GDPR Art. 10", "straffedommer og lovovertredelser", "criminal convictions and offences"
        ),
    ),
    (
        Statute.ELECTRONIC_MARKETING,
        _T(
            "markedsføringsloven § 15",
            "samtykke til markedsføring på e-post og SMS",
            "consent to marketing by e-mail and text message",
        ),
    ),
    (
        Statute.ELECTRONIC_MARKETING_EXISTING_CUSTOMERS,
        _T(
            "markedsføringsloven § 15 third paragraph",
            "unntaket for eksisterende kundeforhold",
            "the existing-customer exception",
        ),
    ),
    (
        Statute.COOKIES,
        _T(
            "ekomloven § 3-15 (LOV-2024-12-13-76)",
            "lagring av og tilgang til informasjon på brukerens utstyr (informasjonskapsler)",
            "storing or reading information on the user's device (cookies)",
        ),
    ),
    (
        Statute.RESPONSE_TIME,
        _T("GDPR Art. 12(3)", "svarfrist", "time limit for answering"),
    ),
    (
        Statute.JOINT_CONTROLLERS_RIGHTS,
        _T(
            "GDPR Art. 26(3)",
            "rettigheter overfor hver felles behandlingsansvarlig",
            "rights against each joint controller",
        ),
    ),
    (Statute.DPO, _T("GDPR Art. 37", "personvernombud", "data protection officer")),
    (Statute.REPRESENTATIVE, _T("GDPR Art. 27", "representant", "representative")),
    (
        Statute.ERASURE_GROUNDS,
        _T("GDPR Art. 17(1)", "grunnlag for sletting", "grounds for erasure"),
    ),
    (
        Statute.ERASURE_EXCEPTIONS,
        _T("GDPR Art. 17(3)(b)", "lovpålagt oppbevaring", "storage required by law"),
    ),
    (
        Statute.CONSENT_CONDITIONS,
        _T("GDPR Art. 7(1)", "dokumentasjon av samtykke", "demonstrating consent"),
    ),
    (
        Statute.CONSENT_WITHDRAWAL,
        _T("GDPR Art. 7(3)", "tilbaketrekking av samtykke", "withdrawing consent"),
    ),
    (
        Statute.CONSENT_INVALID,
        _T(
            "GDPR Art. 4(11), 7(2), 7(4); recital 32",
            "gyldig samtykke: en aktiv, frivillig og spesifikk handling",
            "valid consent: an active, freely given and specific act",
        ),
    ),
    (
        Statute.CHILDREN_CONSENT,
        _T(
            "personopplysningsloven § 5; GDPR Art. 8(1)",
            "barns samtykke til informasjonssamfunnstjenester (13 år)",
            "children's consent to information society services (13 years)",
        ),
    ),
    (
        Statute.COOKIES_EXEMPT,
        _T(
            "ekomloven § 3-15 second paragraph",
            "nødvendig bare for å overføre en kommunikasjon, eller strengt nødvendig for en "
            "tjeneste brukeren uttrykkelig har bedt om",
            "needed only to transmit a communication, or strictly necessary for a service the "
            "user has expressly asked for",
        ),
    ),
    (
        Statute.ARCHIVE_ACT,
        _T(
            "arkivlova §§ 5, 12, 13 (LOV-2025-06-20-96); GDPR Art. 17(3)(d), 89(1)",
            "arkivplikt og bevaring for ettertiden",
            "duty to keep archives and to preserve records for posterity",
        ),
    ),
    (
        Statute.ARCHIVE_ERASURE,
        _T(
            "GDPR Art. 17(3)(d)",
            "bevaring for arkivformål i allmennhetens interesse",
            "archiving in the public interest",
        ),
    ),
    (
        Statute.ARCHIVE_DEROGATIONS,
        _T(
            "GDPR Art. 89(3); personopplysningsloven § 17",
            "unntak fra rettighetene ved arkivformål i allmennhetens interesse",
            "derogations from rights for archiving in the public interest",
        ),
    ),
    (
        Statute.COMPATIBLE_PURPOSE,
        _T(
            "GDPR Art. 6(4)",
            "forenlig formål",
            "compatible purpose",
        ),
    ),
)
VOCABULARIES: tuple[type[Enum], ...] = (
    LegalBasis,
    ConsentMechanism,
    TrackerKind,
    TrackerPurpose,
    Art9Condition,
    TransferMechanism,
    PartyRole,
    SourceKind,
    RetentionKind,
    MarketingChannel,
    DpiaStatus,
    Right,
    Statute,
)


#: The nynorsk label of every term, kept beside the bokmål and English ones of ``_ENTRIES``
#: (building the table refuses a term without one).
_NN: dict[Enum, str] = {
    LegalBasis.CONSENT: "samtykke",
    LegalBasis.CONTRACT: "naudsynt for å oppfylle ein avtale med deg, eller for å gjennomføre "
    "tiltak du har bede om før ein avtale blir inngått",
    LegalBasis.LEGAL_OBLIGATION: "naudsynt for å oppfylle ei rettsleg plikt",
    LegalBasis.VITAL_INTERESTS: "naudsynt for å verne vitale interesser",
    LegalBasis.PUBLIC_TASK: "naudsynt for å utføre ei oppgåve i ålmenta si interesse",
    LegalBasis.LEGITIMATE_INTERESTS: "berettiga interesse",
    Art9Condition.EXPLICIT_CONSENT: "uttrykkeleg samtykke",
    Art9Condition.EMPLOYMENT: "plikter og rettar innanfor arbeidsrett og trygderett",
    Art9Condition.VITAL_INTERESTS: "vitale interesser når samtykke ikkje kan givast",
    Art9Condition.NOT_FOR_PROFIT_BODY: "behandling i ein ideell organisasjon om eigne medlemmer",
    Art9Condition.MADE_PUBLIC: "opplysningar du sjølv openbert har offentleggjort",
    Art9Condition.LEGAL_CLAIMS: "fastsetjing, utøving eller forsvar av rettskrav",
    Art9Condition.SUBSTANTIAL_PUBLIC_INTEREST: "viktige ålmenne interesser med heimel i lov",
    Art9Condition.HEALTH_SOCIAL_CARE: "førebyggjande medisin, arbeidsmedisin, helse- og "
    "omsorgstenester",
    Art9Condition.PUBLIC_HEALTH: "ålmenne folkehelseomsyn",
    Art9Condition.ARCHIVING_RESEARCH_STATISTICS: "arkiv, forsking eller statistikk",
    TransferMechanism.ADEQUACY: "avgjerda til EU-kommisjonen om tilstrekkeleg vernenivå",
    TransferMechanism.EU_US_DPF: "avgjerda til EU-kommisjonen om tilstrekkeleg vernenivå for "
    "EU–US Data Privacy Framework (gjeld berre mottakarar i USA som er sertifiserte under "
    "rammeverket)",
    TransferMechanism.SCC: "standard personvernføresegner frå EU-kommisjonen (SCC)",
    TransferMechanism.BCR: "bindande verksemdsreglar (BCR)",
    TransferMechanism.CODE_OF_CONDUCT: "godkjende åtferdsnormer med bindande plikter",
    TransferMechanism.CERTIFICATION: "godkjend sertifiseringsordning med bindande plikter",
    TransferMechanism.AD_HOC_CLAUSES: "avtalevilkår godkjende av tilsynsstyresmakta",
    TransferMechanism.PUBLIC_AUTHORITY_INSTRUMENT: "bindande instrument mellom offentlege "
    "styresmakter",
    TransferMechanism.DEROGATION_EXPLICIT_CONSENT: "det uttrykkelege samtykket ditt til "
    "overføringa",
    TransferMechanism.DEROGATION_CONTRACT: "naudsynt for å oppfylle ein avtale med deg",
    TransferMechanism.DEROGATION_CONTRACT_IN_INTEREST: "naudsynt for ein avtale inngått i di "
    "interesse",
    TransferMechanism.DEROGATION_PUBLIC_INTEREST: "naudsynt av omsyn til viktige ålmenne "
    "interesser",
    TransferMechanism.DEROGATION_LEGAL_CLAIMS: "naudsynt for rettskrav",
    TransferMechanism.DEROGATION_VITAL_INTERESTS: "naudsynt for å verne vitale interesser",
    TransferMechanism.DEROGATION_PUBLIC_REGISTER: "overføring frå eit offentleg register",
    TransferMechanism.DEROGATION_COMPELLING_INTERESTS: "tvingande berettiga interesser "
    "(einskild overføring)",
    PartyRole.PROCESSOR: "databehandlar",
    PartyRole.SUB_PROCESSOR: "underdatabehandlar",
    PartyRole.INDEPENDENT_CONTROLLER: "sjølvstendig behandlingsansvarleg",
    PartyRole.JOINT_CONTROLLER: "felles behandlingsansvarleg",
    PartyRole.CLIENT_CONTROLLER: "behandlingsansvarleg vi er databehandlar for",
    PartyRole.PUBLIC_AUTHORITY: "offentleg styresmakt",
    PartyRole.OTHER_RECIPIENT: "annan mottakar",
    SourceKind.DATA_SUBJECT: "frå deg",
    SourceKind.OBSERVED: "registrert når du bruker tenestene våre",
    SourceKind.THIRD_PARTY: "frå andre",
    SourceKind.PUBLIC_SOURCE: "frå offentleg tilgjengelege kjelder",
    SourceKind.PUBLIC_REGISTER: "frå offentleg tilgjengelege kjelder (som offentlege register)",
    SourceKind.OTHER_PERSON: "frå ein annan person",
    SourceKind.OWN_ACTIVITY: "frå ei anna av behandlingane våre",
    RetentionKind.PERIOD: "blir sletta etter ein frist",
    RetentionKind.UNTIL_CONSENT_WITHDRAWN: "til du trekkjer tilbake samtykket",
    RetentionKind.PERMANENT_ARCHIVE: "blir teke vare på for alltid for arkivformål i ålmenta si "
    "interesse",
    MarketingChannel.EMAIL: "e-post",
    MarketingChannel.SMS: "SMS",
    MarketingChannel.TELEPHONE: "telefon",
    MarketingChannel.POST: "post",
    MarketingChannel.CUSTOM_AUDIENCE: "målretting med kundelister i annonsesystem",
    MarketingChannel.LOOKALIKE_AUDIENCE: "spegelsegment (liknande målgrupper)",
    MarketingChannel.SOCIAL_MEDIA: "sosiale medium",
    DpiaStatus.DONE: "gjennomført",
    DpiaStatus.IN_PROGRESS: "pågår",
    DpiaStatus.NEEDED: "naudsynt, ikkje starta",
    DpiaStatus.NOT_NEEDED: "ikkje naudsynt",
    DpiaStatus.NOT_ASSESSED: "ikkje vurdert",
    ConsentMechanism.OPT_IN_FORM: "påmeldingsskjema",
    ConsentMechanism.DOUBLE_OPT_IN: "dobbel stadfesting (double opt-in)",
    ConsentMechanism.CHECKBOX: "avkryssingsboks",
    ConsentMechanism.CONSENT_BANNER: "samtykkebanner",
    ConsentMechanism.SIGNED_FORM: "signert skjema",
    ConsentMechanism.PRE_TICKED: "førehandsavkryssa boks",
    ConsentMechanism.BUNDLED: "samtykke kopla til vilkår",
    ConsentMechanism.BY_USE: "«samtykke» ved bruk av tenesta",
    TrackerKind.COOKIE: "informasjonskapsel",
    TrackerKind.LOCAL_STORAGE: "lokal lagring",
    TrackerKind.PIXEL: "sporingspiksel",
    TrackerKind.SDK: "programvarebibliotek (SDK)",
    TrackerKind.EMAIL_TRACKING: "sporing av opna e-post",
    TrackerPurpose.STRICTLY_NECESSARY: "strengt naudsynt",
    TrackerPurpose.PREFERENCES: "innstillingar",
    TrackerPurpose.STATISTICS: "statistikk",
    TrackerPurpose.MARKETING: "marknadsføring",
    Right.ACCESS: "innsyn",
    Right.RECTIFICATION: "retting",
    Right.ERASURE: "sletting",
    Right.RESTRICTION: "avgrensa behandling",
    Right.PORTABILITY: "dataportabilitet",
    Right.OBJECTION: "protest",
    Right.OBJECTION_DIRECT_MARKETING: "protest mot direkte marknadsføring",
    Right.WITHDRAW_CONSENT: "trekkje samtykke",
    Right.AUTOMATED_DECISIONS: "automatiserte avgjerder",
    Right.COMPLAINT: "klage",
    Statute.NATIONAL_ID: "fødselsnummer",
    Statute.SPECIAL_CATEGORIES: "særlege kategoriar",
    Statute.CRIMINAL_OFFENCES: "straffedommar og lovbrot",
    Statute.ELECTRONIC_MARKETING: "samtykke til marknadsføring på e-post og SMS",
    Statute.ELECTRONIC_MARKETING_EXISTING_CUSTOMERS: "unntaket for eksisterande kundeforhold",
    Statute.COOKIES: "lagring av og tilgang til informasjon på utstyret til brukaren "
    "(informasjonskapslar)",
    Statute.RESPONSE_TIME: "svarfrist",
    Statute.JOINT_CONTROLLERS_RIGHTS: "rettar overfor kvar felles behandlingsansvarleg",
    Statute.DPO: "personvernombod",
    Statute.REPRESENTATIVE: "representant",
    Statute.ERASURE_GROUNDS: "grunnlag for sletting",
    Statute.ERASURE_EXCEPTIONS: "lovpålagd oppbevaring",
    Statute.CONSENT_CONDITIONS: "dokumentasjon av samtykke",
    Statute.CONSENT_WITHDRAWAL: "tilbaketrekking av samtykke",
    Statute.CONSENT_INVALID: "gyldig samtykke: ei aktiv, frivillig og spesifikk handling",
    Statute.CHILDREN_CONSENT: "samtykke frå barn til informasjonssamfunnstenester (13 år)",
    Statute.COOKIES_EXEMPT: (
        "naudsynt berre for å overføre ein kommunikasjon, eller strengt naudsynt for ei teneste "
        "brukaren uttrykkeleg har bede om"
    ),
    Statute.ARCHIVE_ACT: "arkivplikt og bevaring for ettertida",
    Statute.ARCHIVE_ERASURE: "bevaring for arkivformål i ålmenta si interesse",
    Statute.ARCHIVE_DEROGATIONS: "unntak frå rettane ved arkivformål i ålmenta si interesse",
    Statute.COMPATIBLE_PURPOSE: "sameinleg formål",
}


def build_table(
    entries: Iterable[tuple[Enum, LegalTerm]],
    vocabularies: Iterable[type[Enum]] = (),
    nynorsk: Mapping[Enum, str] | None = None,
) -> MappingProxyType[tuple[type[Enum], str], LegalTerm]:
    """The term table keyed by (vocabulary, value), each term's nynorsk label its own or taken
    from ``nynorsk`` (by default :data:`_NN`); refuses a key given twice, a term without a
    nynorsk label and, for each of ``vocabularies``, a member without an entry (a
    ``ValueError`` naming it)."""
    if nynorsk is None:
        nynorsk = _NN
    table: dict[tuple[type[Enum], str], LegalTerm] = {}
    for member, given in entries:
        key = (type(member), str(member.value))
        if key in table:
            raise ValueError(f"legal term {key[0].__name__}.{member.name} is given twice")
        if not given.nn and member not in nynorsk:
            raise ValueError(f"legal term {key[0].__name__}.{member.name} has no nynorsk label")
        table[key] = given if given.nn else given._replace(nn=nynorsk[member])
    for vocabulary in vocabularies:
        for member in vocabulary:
            if (vocabulary, str(member.value)) not in table:
                raise ValueError(f"legal term {vocabulary.__name__}.{member.name} has no entry")
    return MappingProxyType(table)


TERMS = build_table(_ENTRIES, VOCABULARIES)


def term(member: Term) -> LegalTerm:
    """The entry of ``member`` (its own vocabulary's, even where two share a value)."""
    return TERMS[(type(member), str(member.value))]


def article(member: Term) -> str:
    """The article of ``member`` in the EU-wide English form, e.g. ``GDPR Art. 6(1)(b)``."""
    return term(member).article


def label(member: Term, lang: str) -> str:
    """The short plain-language label of ``member`` in ``lang``."""
    return term(member).label(lang)


_RANGE = re.compile(r"(\d+)\((\d+)\)-\((\d+)\)")
_POINT = re.compile(r"(\d+)\((\d+)\)\(([a-z])\)")
_PARAGRAPH = re.compile(r"(\d+)\((\d+)\)")
_ARTICLE_RANGE = re.compile(r"(art\. \d+)-(\d+)")
_WORDS_NB = (
    ("GDPR Art. ", "personvernforordningen art. "),
    ("Art. ", "art. "),
    ("Commission Implementing Decision (EU)", "Kommisjonens gjennomføringsbeslutning (EU)"),
    ("Implementing Decision (EU)", "gjennomføringsbeslutning (EU)"),
    ("Decision (EU)", "beslutning (EU)"),
    ("second subparagraph", "annet ledd"),
    ("second paragraph", "annet ledd"),
    ("third paragraph", "tredje ledd"),
    ("recital", "fortalepunkt"),
    ("CJEU", "EU-domstolen"),
    ("EDPB Guidelines", "EDPBs retningslinjer"),
)
_WORDS_NN = (
    ("GDPR Art. ", "personvernforordninga art. "),
    ("Art. ", "art. "),
    ("Commission Implementing Decision (EU)", "gjennomføringsavgjerd frå Kommisjonen (EU)"),
    ("Implementing Decision (EU)", "gjennomføringsavgjerd (EU)"),
    ("Decision (EU)", "avgjerd (EU)"),
    ("second subparagraph", "andre ledd"),
    ("second paragraph", "andre ledd"),
    ("third paragraph", "tredje ledd"),
    ("recital", "fortalepunkt"),
    ("CJEU", "EU-domstolen"),
    ("EDPB Guidelines", "retningslinjene frå EDPB"),
    ("markedsføringsloven", "marknadsføringslova"),
)
#: A Norwegian statute's short title in bokmål (``arkivloven``), whose nynorsk form ends in
#: ``-lova`` (``arkivlova``, ``personopplysningslova``, ``ekomlova``).
_STATUTE_NB = re.compile(r"\b(\w+)loven\b")


def cite(reference: Term | str, lang: str, *, short: bool = False) -> str:
    """``reference`` (a term or an article such as ``GDPR Art. 6(1)(b)``) as cited in ``lang``.

    English keeps the EU-wide form; bokmål gives ``personvernforordningen art. 6 nr. 1
    bokstav b`` and nynorsk ``personvernforordninga artikkel 6 nr. 1 bokstav b`` (with Norwegian
    statutes by their nynorsk names: ``personopplysningslova § 12``). ``short`` leaves out the
    regulation's name (``Art. 6(1)(b)``, ``art. 6 nr. 1 bokstav b``), for column headings where
    the regulation is understood.
    """
    if isinstance(reference, Enum):  # by its vocabulary: two may share a value
        # A term's citation is kept by the term itself (its identity: reading its value and
        # hashing a term both run Python code, and the notice cites terms thousands of times).
        key = (id(reference), lang, short)
        kept = _TERM_CITES.get(key)
        if kept is not None and kept[0] is reference:
            return kept[1]
        found = _cited(type(reference), str(reference.value), lang, short)
        _TERM_CITES[key] = (reference, found)
        return found
    return _cited(str, reference, lang, short)


#: (id of a term, language, short) → (the term, :func:`cite` of it): a term is one of the few
#: members of a vocabulary, so this holds a few hundred entries at most.
_TERM_CITES: dict[tuple[int, str, bool], tuple[Enum, str]] = {}


@lru_cache(maxsize=1024)
def _cited(vocabulary: type, value: str, lang: str, short: bool) -> str:
    """:func:`cite` of the term ``value`` of ``vocabulary`` (of the article ``value`` when
    ``vocabulary`` is ``str``): the same few references are cited again and again."""
    text = TERMS[(vocabulary, value)].article if issubclass(vocabulary, Enum) else value
    if short:
        text = text.replace("GDPR Art. ", "Art. ")
    if lang not in ("nb", "nn"):
        return text
    for english, norwegian in _WORDS_NB if lang == "nb" else _WORDS_NN:
        text = text.replace(english, norwegian)
    text = _RANGE.sub(r"\1 nr. \2–\3", text)
    text = _POINT.sub(r"\1 nr. \2 bokstav \3", text)
    text = _PARAGRAPH.sub(r"\1 nr. \2", text)
    text = _ARTICLE_RANGE.sub(r"\1–\2", text)
    if lang == "nn":
        text = _STATUTE_NB.sub(r"\1lova", text)
        text = text.replace("personvernforordninga art. ", "personvernforordninga artikkel ")
    return text


def split_stop(text: str) -> tuple[str, str]:
    """``text`` without the full stop that ends it, and that stop (``""`` when there is none):
    a note or a citation added to a sentence goes inside it, before its stop."""
    body = text.rstrip()
    if body.endswith(".") and not body.endswith(".."):
        return body[:-1].rstrip(), "."
    return body, ""


def with_citation(text: str, citation: str) -> str:
    """``text`` with ``citation`` in brackets inside its last sentence: ``Kept for 5 years, as
    the law requires (bokføringsloven § 13).`` (never ``requires. (…)`` or ``requires.; …``).
    A text that already ends in brackets gets the citation in them: ``(Bookkeeping Act § 13;
    bokføringsloven § 13).`` The one way the outputs add a citation or a note to a text of the
    map."""
    body, stop = split_stop(text)
    if body.endswith(")"):
        return f"{body[:-1]}; {citation}){stop}"
    return f"{body} ({citation}){stop}"


def label_cite(member: Term, lang: str) -> str:
    """``label (citation)`` in ``lang``: the one way the outputs name a legal term."""
    return f"{label(member, lang)} ({cite(member, lang)})"
