# Longer than 400 lines: one processing activity is one pydantic model with the values nested in it (sources, transfers, retention, owner), kept together so that its schema reads in one place.
"""Processing activities: the heart of the data map (GDPR Art. 30(1), 13, 14)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal, Self

from pydantic import BeforeValidator, Field, StringConstraints, model_validator

from . import memo
from .base import DURATION_PATTERN, CountryCode, Email, Entity, Ref, ShortText, Statement, Text
from .bases import Basis, BasisPart, Consent
from .inventory import DpvConcept, TaxonomyKey
from .legal import (
    Art9Condition,
    DpiaStatus,
    LegalBasis,
    MarketingChannel,
    RetentionKind,
    SourceKind,
    TransferMechanism,
)
from .words import none_as_empty

#: ISO 8601 duration of years, months, weeks and days, e.g. P3Y, P6M, P5Y6M, P30D.
Duration = Annotated[
    str,
    StringConstraints(pattern=DURATION_PATTERN),
    Field(
        description="ISO 8601 duration, e.g. P3Y (three years), P6M, P30D; at most six digits "
        "in each number."
    ),
]


_OWN_ACTIVITY = SourceKind.OWN_ACTIVITY


class Source(Statement):
    """Where (some of) an activity's data comes from."""

    kind: SourceKind
    party_id: Ref | None = Field(
        default=None, alias="party", description="Id of the party the data comes from, if any."
    )
    description: Text | None = Field(default=None, description="The source in words.")
    category_ids: tuple[Ref, ...] = Field(
        default=(),
        alias="categories",
        description="Ids of the categories from this source; empty means all of the activity's.",
    )
    activity_id: Ref | None = Field(
        default=None,
        alias="activity",
        description="For kind own_activity: the id of our own activity the data is reused from, "
        "e.g. 'ticket-sales' for a survey of ticket buyers.",
        examples=["ticket-sales"],
    )
    compatibility: Text | None = Field(
        default=None,
        description="For kind own_activity: why the new purpose is compatible with the one the "
        "data was collected for (GDPR Art. 6(4): the link between the purposes, the context, the "
        "nature of the data, the consequences, the safeguards).",
        examples=[
            {
                "nb": "Begge formål gjelder konsertbesøket; bare e-postadressen brukes.",
                "en": "Both purposes concern the concert visit; only the e-mail address is used.",
            }
        ],
    )

    @model_validator(mode="after")
    def _own_activity_named(self) -> Source:
        own = self.kind is _OWN_ACTIVITY  # (an enum's member read once: every source asks)
        if own and self.activity_id is None:
            raise ValueError(
                "a source of kind own_activity names the activity the data comes from: "
                "add 'activity: <id>'"
            )
        if not own and (self.activity_id is not None or self.compatibility is not None):
            raise ValueError(
                "'activity' and 'compatibility' describe data reused from our own activity: "
                "use them with 'kind: own_activity' only"
            )
        return self


class Transfer(Statement):
    """A transfer of personal data to a country outside the EEA (GDPR Chapter V)."""

    party_id: Ref = Field(alias="party", description="Id of the receiving party.")
    country: CountryCode
    importer_id: Ref | None = Field(
        default=None,
        alias="importer",
        description="Id of the party that receives the data in 'country' when it is not the "
        "recipient itself, e.g. the US parent (Meta Platforms, Inc.) to which an Irish recipient "
        "(Meta Platforms Ireland Ltd) transfers it; its 'dpf_certified' decides the EU-US DPF.",
    )
    mechanism: TransferMechanism | None = Field(
        default=None,
        description="Chapter V ground; leave out only if unknown (the checker flags it).",
    )
    safeguards: Text | None = Field(
        default=None,
        description="Suitable safeguards; required for Art. 49(1) second-subparagraph transfers.",
    )
    safeguards_copy: Text | None = Field(
        default=None, description="How people can get a copy of the safeguards."
    )

    @property
    def importer_or_recipient_id(self) -> str:
        """The party receiving the data in the third country: the importer, else the recipient."""
        return self.importer_id or self.party_id


class Retention(Statement):
    """How long data is kept, and when it is erased (Art. 30(1)(f), 13(2)(a))."""

    kind: RetentionKind = Field(
        default=RetentionKind.PERIOD,
        description="What ends storage: 'period' (erased after a period or an event, the "
        "default), 'until_consent_withdrawn' (kept until the person withdraws consent, for "
        "consent-based activities) or 'permanent_archive' (kept for good for archiving in the "
        "public interest, GDPR Art. 5(1)(e) and 89(1); for a public body, because arkivlova "
        "§ 12 requires it to be kept for posterity and § 13 allows destroying only what need not "
        "be: name it as 'legal_source' and the safeguards in 'safeguards').",
        examples=["permanent_archive"],
    )
    text: Text = Field(description="The rule in plain words, as the notice states it.")
    period: Duration | None = Field(default=None, description="The period, when it is fixed.")
    trigger: Text | None = Field(
        default=None,
        description="The event the period counts from or that ends storage, e.g. "
        "'end of the customer relationship'.",
    )
    legal_source: ShortText | None = Field(
        default=None,
        description="Statute that requires keeping the data, e.g. 'bokføringsloven § 13'.",
    )
    safeguards: Text | None = Field(
        default=None,
        description="For permanent_archive: the Art. 89(1) safeguards, e.g. data minimisation, "
        "restricted access, transfer to the archive repository.",
        examples=[
            {
                "nb": "Avleveres til IKA Vestland; bare arkivtjenesten har tilgang.",
                "en": "Deposited with the inter-municipal archive; only archivists have access.",
            }
        ],
    )


class CategoryRetention(Retention):
    """A retention rule for some of an activity's data categories, where it differs from the
    activity's own."""

    category_ids: tuple[Ref, ...] = Field(
        alias="categories",
        min_length=1,
        description="Ids of the activity's categories this rule applies to.",
        examples=[["cv", "references"]],
    )


class Owner(Statement):
    """Who answers for an activity and keeps its entry up to date."""

    role: Text = Field(
        description="The role or function that owns the activity, e.g. 'HR manager'.",
        examples=[{"nb": "HR-sjef", "en": "HR manager"}],
    )
    name: ShortText | None = Field(default=None, description="The person, if named.")
    email: Email | None = Field(default=None, description="How to reach the owner.")


#: A list of ids, or the word ``none`` when the map states that there are none.
_NoneOrIds = Annotated[
    tuple[Ref, ...],
    BeforeValidator(none_as_empty, json_schema_input_type=tuple[Ref, ...] | Literal["none"]),
]


class Dpia(Statement):
    """The data-protection impact assessment decision (Art. 35)."""

    status: DpiaStatus
    reference: ShortText | None = Field(default=None, description="Where the assessment is kept.")
    reason: Text | None = Field(default=None, description="Why it is or is not needed.")


#: Where an activity keeps its bases once made (:mod:`.memo`).
_BASES = memo.key("bases")
_BASIS_VALUES = memo.key("basis_values")


class Activity(Entity):
    """One processing activity: a purpose, the data it uses and everything the law asks about it."""

    name: Text
    purpose: Text = Field(description="Why the data is processed, in plain words.")
    description: Text | None = Field(default=None, description="More detail for the notice.")
    business_function: Text | None = Field(
        default=None, description="Department or function responsible."
    )
    in_notice: bool = Field(
        default=True, description="False for internal activities the public notice leaves out."
    )
    on_behalf_of_id: Ref | None = Field(
        default=None,
        alias="on_behalf_of",
        description="Id of the client controller when this activity is done as a processor "
        "(it then belongs in the Art. 30(2) processor record).",
    )
    data_subject_ids: tuple[Ref, ...] = Field(alias="data_subjects", min_length=1)
    data_category_ids: tuple[Ref, ...] = Field(alias="data_categories", min_length=1)
    sources: tuple[Source, ...] = Field(default=(), description="Where the data comes from.")
    legal_basis: LegalBasis | None = Field(
        default=None,
        description="Art. 6(1) basis, when one basis covers the whole activity; use "
        "'legal_bases' instead when different parts rest on different bases.",
    )
    legal_bases: tuple[BasisPart, ...] = Field(
        default=(),
        description="Several Art. 6(1) bases, each with the part of the processing it covers "
        "(instead of 'legal_basis', 'legal_source', 'legitimate_interest', 'balancing_test' and "
        "'consent' on the activity).",
        examples=[
            [
                {"basis": "contract", "covers": {"nb": "Lønn.", "en": "Paying salaries."}},
                {
                    "basis": "legal_obligation",
                    "law": "skatteforvaltningsloven § 7-2",
                    "covers": {"nb": "Skatterapportering.", "en": "Tax reporting."},
                },
            ]
        ],
    )
    consent: Consent | None = Field(
        default=None,
        description="For a consent basis given as 'legal_basis': how consent is obtained, "
        "recorded and withdrawn.",
        examples=[
            {
                "mechanism": "double_opt_in",
                "records": {"nb": "Påmeldingslogg.", "en": "Sign-up log."},
                "withdrawal": {"nb": "Lenken i hver e-post.", "en": "The link in every e-mail."},
            }
        ],
    )
    legal_source: ShortText | None = Field(
        default=None,
        description="The law behind a legal_obligation or public_task basis, "
        "e.g. 'bokføringsloven § 13'.",
    )
    art9_condition: Art9Condition | None = Field(
        default=None, description="Art. 9(2) condition, needed when special categories are used."
    )
    legitimate_interest: Text | None = Field(
        default=None,
        description="For legitimate_interests: the interest pursued and why it is not "
        "overridden by the person's interests (balancing).",
    )
    balancing_test: ShortText | None = Field(
        default=None, description="Reference to the legitimate-interests assessment."
    )
    consent_withdrawal: Text | None = Field(
        default=None, description="How people withdraw consent (for consent-based activities)."
    )
    provision: Text | None = Field(
        default=None,
        description="Whether giving the data is required by law or contract and what happens "
        "if it is not given (Art. 13(2)(e)).",
    )
    system_ids: tuple[Ref, ...] = Field(default=(), alias="systems")
    recipient_ids: _NoneOrIds = Field(
        default=(),
        alias="recipients",
        description="Ids of parties that receive data in this activity (besides the systems' "
        "vendors, which are recipients through the systems), or 'none' to state that the "
        "activity discloses data to no one (the notice then says so).",
        examples=[["skatteetaten"], "none"],
    )
    no_recipients: bool = Field(
        default=False,
        description="True when the activity discloses data to no one; 'recipients: none' sets "
        "it. Systems' vendors that only process data for us are not disclosures of this kind.",
    )
    transfers: tuple[Transfer, ...] = ()
    retention: Retention | None = None
    category_retention: tuple[CategoryRetention, ...] = Field(
        default=(),
        description="Retention rules for some of the activity's categories where they differ "
        "from 'retention', e.g. references erased sooner than the CV.",
    )
    owner: Owner | None = Field(
        default=None, description="Who answers for the activity and keeps its entry current."
    )
    last_reviewed: dt.date | None = Field(
        default=None,
        description="When the entry was last reviewed and found right.",
        examples=["2026-03-01"],
    )
    review_by: dt.date | None = Field(
        default=None,
        description="When the entry is next to be reviewed; 'check' reports it once that date "
        "has passed (ROPA750).",
        examples=["2027-03-01"],
    )
    access: tuple[Text, ...] = Field(
        default=(),
        description="The roles or groups that may see this activity's data, where fewer than "
        "those with access to its systems (each as written in the systems' 'access').",
        examples=[[{"nb": "HR-avdelingen", "en": "HR department"}]],
    )
    security_measures: tuple[Text, ...] = Field(
        default=(), description="Art. 32 measures in general terms (besides the systems' own)."
    )
    marketing: tuple[MarketingChannel, ...] = Field(
        default=(), description="Direct-marketing channels used by this activity."
    )
    direct_marketing: bool | None = Field(
        default=None,
        description="True if the data is processed for direct marketing even where no channel "
        "is listed (e.g. contact details kept to market to later): people then have the "
        "absolute right to object (Art. 21(2)-(3)). Leave out to follow 'marketing'.",
    )
    existing_customer_exception: bool = Field(
        default=False,
        description="E-mail/SMS marketing relies on the existing-customer exception "
        "(markedsføringsloven § 15(3)).",
    )
    profiling: bool = Field(default=False, description="Evaluates personal aspects (Art. 4(4)).")
    combines_datasets: bool = Field(
        default=False, description="Matches or combines data sets from different sources."
    )
    large_scale: bool = Field(default=False, description="Processing on a large scale (Art. 35).")
    automated_decisions: bool = Field(
        default=False, description="Solely automated decisions with legal or similar effect."
    )
    child_online_service: bool | None = Field(
        default=None,
        description="True if the activity is an information society service (an online service "
        "provided at a distance at the person's request, GDPR Art. 4(25)) offered directly to "
        "children: where it rests on consent, a child under 13 cannot consent alone, and the "
        "holder of parental responsibility must give or authorise the consent (GDPR Art. 8(1), "
        "personopplysningsloven § 5); the notice then says so. False if it is not such a "
        "service; leave out while not known (the notice then states no age limit).",
        examples=[True],
    )
    dpia: Dpia | None = None
    fideslang: TaxonomyKey | None = Field(
        default=None, description="fideslang data use, e.g. marketing.communications.email."
    )
    dpv: DpvConcept | None = Field(
        default=None,
        description="W3C DPV purpose concept, e.g. dpv:DirectMarketing (or a full IRI).",
    )

    @model_validator(mode="after")
    def _one_form_of_basis(self) -> Activity:
        if self.legal_bases:
            single = [
                name
                for name in ("legal_basis", "legal_source", "legitimate_interest", "balancing_test")
                if getattr(self, name) is not None
            ]
            if self.consent is not None:
                single.append("consent")
            if single:
                names = ", ".join(f"'{n}'" for n in single)
                raise ValueError(
                    f"{names} cannot stand beside 'legal_bases': move it into the entry of "
                    "'legal_bases' it belongs to (as 'basis', 'law', 'legitimate_interest', "
                    "'balancing_test' or 'consent')"
                )
        return self

    @model_validator(mode="before")
    @classmethod
    def _recipients_none(cls, data: Any) -> Any:
        """``recipients: none`` states that the activity discloses data to no one."""
        if isinstance(data, dict) and data.get("recipients") == "none":
            if data.get("no_recipients") is False:
                return data  # contradicted: left to the check below
            return {**data, "no_recipients": True}
        return data

    @model_validator(mode="after")
    def _consistent(self) -> Activity:
        if self.no_recipients and self.recipient_ids:
            raise ValueError(
                "an activity with 'no_recipients: true' (recipients: none) lists no recipients: "
                "remove one or the other"
            )
        if (
            self.last_reviewed is not None
            and self.review_by is not None
            and self.review_by < self.last_reviewed
        ):
            raise ValueError(
                f"review_by ({self.review_by}) is before last_reviewed ({self.last_reviewed}): "
                "give the date of the next review"
            )
        return self

    def __copy__(self) -> Self:
        """A shallow copy, without the values kept for this instance (:mod:`.memo`)."""
        return memo.forget(super().__copy__())

    def __deepcopy__(self, copied: dict[int, Any] | None = None) -> Self:
        """A deep copy, without the values kept for this instance (:mod:`.memo`)."""
        return super(Activity, memo.forget(super().__copy__())).__deepcopy__(copied)

    @property
    def bases(self) -> tuple[Basis, ...]:
        """Every Art. 6(1) basis, in either form: the entries of ``legal_bases``, else the one
        ``legal_basis`` (a single entry with ``basis`` None when none is stated); made once
        for the activity (:mod:`.memo`)."""
        found: tuple[Basis, ...] | None = self.__dict__.get(_BASES)
        if found is None:
            found = self.__dict__[_BASES] = self._bases()
        return found

    def _bases(self) -> tuple[Basis, ...]:
        if self.legal_bases:
            return tuple(
                Basis(
                    p.basis,
                    p.covers,
                    p.law,
                    p.legitimate_interest,
                    p.balancing_test,
                    p.consent,
                    (p.consent.withdrawal if p.consent else None) or self.consent_withdrawal,
                    p,
                    ("legal_bases", i),
                )
                for i, p in enumerate(self.legal_bases)
            )
        consent = self.consent
        return (
            Basis(
                self.legal_basis,
                None,
                self.legal_source,
                self.legitimate_interest,
                self.balancing_test,
                consent,
                (consent.withdrawal if consent else None) or self.consent_withdrawal,
                self,
                (),
            ),
        )

    @property
    def basis_values(self) -> tuple[LegalBasis, ...]:
        """The Art. 6(1) bases stated, in map order, without repeats."""
        found: tuple[LegalBasis, ...] | None = self.__dict__.get(_BASIS_VALUES)
        if found is None:
            if not self.legal_bases:  # the single form: its one basis, read without the bases
                basis = self.legal_basis
                found = (basis,) if basis is not None else ()
            else:
                found = tuple(dict.fromkeys(b.basis for b in self.bases if b.basis is not None))
            self.__dict__[_BASIS_VALUES] = found
        return found

    def has_basis(self, *bases: LegalBasis) -> bool:
        """True if any of the activity's bases is one of ``bases``."""
        for value in self.basis_values:  # noqa: SIM110 (no generator: rules ask for every activity)
            if value in bases:
                return True
        return False

    # -- derived from the activity's own fields (the DataMap resolves its ids) ---------------

    @property
    def is_processor_activity(self) -> bool:
        """True if done on behalf of another controller (Art. 30(2))."""
        return self.on_behalf_of_id is not None

    @property
    def is_indirect(self) -> bool:
        """True if some data does not come from the person (Art. 14 applies)."""
        for source in self.sources:  # noqa: SIM110 (no generator: rules ask for every activity)
            if source.kind.is_indirect:
                return True
        return False
