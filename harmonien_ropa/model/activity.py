"""Processing activities: the heart of the data map (GDPR Art. 30(1), 13, 14)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints, model_validator

from .base import DURATION_PATTERN, CountryCode, Entity, Ref, ShortText, Statement, Text
from .bases import Basis, BasisPart, Consent
from .inventory import DpvConcept, TaxonomyKey
from .legal import (
    Art9Condition,
    DpiaStatus,
    LegalBasis,
    MarketingChannel,
    SourceKind,
    TransferMechanism,
)

#: ISO 8601 duration of years, months, weeks and days, e.g. P3Y, P6M, P5Y6M, P30D.
Duration = Annotated[
    str,
    StringConstraints(pattern=DURATION_PATTERN),
    Field(
        description="ISO 8601 duration, e.g. P3Y (three years), P6M, P30D; at most six digits "
        "in each number."
    ),
]


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


class Dpia(Statement):
    """The data-protection impact assessment decision (Art. 35)."""

    status: DpiaStatus
    reference: ShortText | None = Field(default=None, description="Where the assessment is kept.")
    reason: Text | None = Field(default=None, description="Why it is or is not needed.")


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
    recipient_ids: tuple[Ref, ...] = Field(
        default=(),
        alias="recipients",
        description="Ids of parties that receive data in this activity (besides the systems' "
        "vendors, which are recipients through the systems).",
    )
    transfers: tuple[Transfer, ...] = ()
    retention: Retention | None = None
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

    @property
    def bases(self) -> tuple[Basis, ...]:
        """Every Art. 6(1) basis, in either form: the entries of ``legal_bases``, else the one
        ``legal_basis`` (a single entry with ``basis`` None when none is stated)."""
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
        return tuple(dict.fromkeys(b.basis for b in self.bases if b.basis is not None))

    def has_basis(self, *bases: LegalBasis) -> bool:
        """True if any of the activity's bases is one of ``bases``."""
        return any(b in bases for b in self.basis_values)

    # -- derived from the activity's own fields (the DataMap resolves its ids) ---------------

    @property
    def is_processor_activity(self) -> bool:
        """True if done on behalf of another controller (Art. 30(2))."""
        return self.on_behalf_of_id is not None

    @property
    def is_indirect(self) -> bool:
        """True if some data does not come from the person (Art. 14 applies)."""
        return any(s.kind.is_indirect for s in self.sources)
