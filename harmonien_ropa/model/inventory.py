"""What the organisation has: data subjects, data categories, systems and outside parties."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    PrivateAttr,
    StringConstraints,
    model_validator,
)
from pydantic_core import PydanticCustomError

from .base import CountryCode, Entity, Name, Provenance, Ref, ShortText, Text, Url
from .legal import PartyRole, TransferMechanism
from .organisation import Contact
from .words import unknown_as_empty

TaxonomyKey = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_.:/#-]{1,200}$")]

#: The W3C DPV vocabularies a concept may name by prefix (``pd:EmailAddress``): DPV itself, its
#: personal-data extension, its GDPR extension and its locations. The exports and the mapping
#: table use the same prefixes.
DPV_PREFIXES: dict[str, str] = {
    "dpv": "https://w3id.org/dpv#",
    "pd": "https://w3id.org/dpv/pd#",
    "eu-gdpr": "https://w3id.org/dpv/legal/eu/gdpr#",
    "loc": "https://w3id.org/dpv/loc#",
}


def _known_dpv_prefix(value: str) -> str:
    """A DPV concept is ``prefix:Name`` with a prefix of :data:`DPV_PREFIXES`, or a full IRI."""
    if value.startswith(("http://", "https://")):
        if value.count("#") > 1:
            raise PydanticCustomError(
                "dpv_concept", "'{value}' has more than one '#'", {"value": value}
            )
        return value
    prefixes = DPV_PREFIXES
    prefix, sep, name = value.partition(":")
    if not sep or prefix not in prefixes or not name:
        raise PydanticCustomError(
            "dpv_concept",
            "'{value}' has no known DPV prefix",
            {"value": value, "prefixes": ", ".join(f"{p}:" for p in sorted(prefixes))},
        )
    return value


#: A W3C DPV concept: ``dpv:Customer``, ``pd:EmailAddress`` (a prefix the DPV export knows)
#: or a full ``https://`` IRI.
DpvConcept = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Za-z0-9_.:/#-]{1,200}$"),
    AfterValidator(_known_dpv_prefix),
]


@dataclass(frozen=True, slots=True)
class CatalogueOrigin:
    """The vendor-catalogue entry a party or system refers to, and the keys it filled."""

    entry: str
    source: str
    checked: dt.date
    fields: frozenset[str]
    #: The key that names the entry: ``catalogue`` (the service) or ``catalogue_importer``
    #: (the company that receives its data outside the EEA).
    key: Literal["catalogue", "catalogue_importer"] = "catalogue"

    def note(self) -> str:
        what = " (data importer)" if self.key == "catalogue_importer" else ""
        return (
            f"vendor catalogue '{self.entry}'{what}: {self.source}, "
            f"checked {self.checked.isoformat()}"
        )


class FromCatalogue(Entity):
    """An entry that may take what it leaves out from the vendor catalogue (``catalogue:``)."""

    catalogue_id: Ref | None = Field(
        default=None,
        alias="catalogue",
        description="Id of an entry of the vendor catalogue (list them with "
        "'harmonien-ropa catalogue'); the entry fills the keys left out here (legal name, "
        "country, role, links, DPF status), with its source and date; what is written here wins.",
        examples=["mailchimp"],
    )
    _catalogue: CatalogueOrigin | None = PrivateAttr(default=None)

    @property
    def catalogue_origin(self) -> CatalogueOrigin | None:
        """The catalogue entry used and the keys it filled (set by the loader)."""
        private = self.__pydantic_private__
        return private.get("_catalogue") if private else None

    def provenance(self, field: str) -> Provenance:
        """Assumed (with the note), or stated; a value from the catalogue is stated with the
        entry's source and date as its note."""
        found = super().provenance(field)
        origin = self.catalogue_origin
        if found.is_assumed or origin is None or field not in origin.fields:
            return found
        return Provenance("stated", origin.note())


class DataSubject(Entity):
    """A kind of person whose data is processed (e.g. ticket customers, prospects)."""

    name: Text
    description: Text | None = None
    vulnerable: bool = Field(
        default=False, description="Children, employees or others in a weak position (WP248)."
    )
    business_contacts: bool = Field(
        default=False,
        description="Reached at work addresses in a business role (contact persons at "
        "suppliers, partners, the press), not as private persons: e-mail marketing to them is "
        "not under the consent rule of markedsføringsloven § 15 when sent to the business, "
        "though a named person's work address may still be.",
        examples=[True],
    )
    may_include_children: bool = Field(
        default=False,
        description="True if some of these people may be children (under 18): information to "
        "them must be in clear language (Art. 12(1)); consent below 13 to an information society "
        "service offered directly to children needs the holder of parental responsibility "
        "(personopplysningsloven § 5, GDPR Art. 8(1); see the activity's "
        "'child_online_service').",
        examples=[True],
    )
    children_note: Text | None = Field(
        default=None,
        description="Which ages, and why children are among them (e.g. 'pupils aged 10-16 on "
        "school concerts').",
        examples=[
            {"nb": "elever fra 10 år på skolekonserter", "en": "pupils from 10 at school concerts"}
        ],
    )
    fideslang: TaxonomyKey | None = Field(default=None, description="fideslang subject key.")
    dpv: DpvConcept | None = Field(
        default=None, description="W3C DPV concept, e.g. dpv:Customer (or a full IRI)."
    )


class DataCategory(Entity):
    """A category of personal data (e.g. e-mail address, health information)."""

    name: Text
    description: Text | None = None
    special_category: bool = Field(
        default=False,
        description="Special category under GDPR Art. 9(1) (health, religion, ethnicity, ...).",
    )
    criminal_offence: bool = Field(
        default=False, description="Data about criminal convictions and offences (Art. 10)."
    )
    national_id: bool = Field(
        default=False,
        description="National identity number or other unique identifier "
        "(personopplysningsloven § 12).",
    )
    justification: Text | None = Field(
        default=None,
        description="Why this category is needed; required reasoning for national identity "
        "numbers (a 'saklig behov' for secure identification).",
    )
    needed_for: tuple[Ref, ...] = Field(
        default=(),
        description="For a national identity number: ids of the activities the stated need "
        "('justification') covers; using the number in any other activity is reported "
        "(ROPA150). Leave out only where the need covers every activity using it.",
        examples=[["payroll", "fee-reporting"]],
    )
    fideslang: TaxonomyKey | None = Field(
        default=None, description="fideslang data category, e.g. user.contact.email."
    )
    dpv: DpvConcept | None = Field(
        default=None, description="W3C DPV concept, e.g. pd:EmailAddress (or a full IRI)."
    )

    @model_validator(mode="after")
    def _need_of_a_national_id(self) -> DataCategory:
        if self.needed_for and not self.national_id:
            raise ValueError(
                "'needed_for' names the activities the stated need for a national identity "
                "number covers: set 'national_id: true', or remove 'needed_for'"
            )
        return self


class Party(FromCatalogue):
    """An outside organisation that receives or handles personal data."""

    name: ShortText
    role: PartyRole
    country: CountryCode = Field(description="Where the party is established.")
    description: Text | None = Field(default=None, description="What the party does for us.")
    website: Url | None = None
    privacy_policy: Url | None = Field(default=None, description="The party's own privacy notice.")
    contact: Contact | None = None
    dpa: bool | None = Field(
        default=None,
        description="True if a data-processing agreement (Art. 28(3)) is in place; "
        "false if not; leave out if unknown.",
    )
    dpa_reference: ShortText | None = Field(
        default=None, description="Where the agreement is kept (link or archive reference)."
    )
    joint_arrangement: Text | None = Field(
        default=None,
        description="For joint controllers: the essence of the Art. 26 arrangement.",
    )
    engaged_by_id: Ref | None = Field(
        default=None,
        alias="engaged_by",
        description="For sub-processors: the id of the processor that engaged this party.",
    )
    transfer_mechanism: TransferMechanism | None = Field(
        default=None,
        description="Chapter V ground for transfers to this party when it is outside the EEA.",
    )
    transfer_safeguards: Text | None = Field(
        default=None, description="Supplementary measures or details of the safeguards."
    )
    safeguards_copy: Text | None = Field(
        default=None, description="How people can get a copy of the safeguards (Art. 13(1)(f))."
    )
    dpf_certified: bool | None = Field(
        default=None, description="True if the party is on the EU-US Data Privacy Framework list."
    )
    catalogue_importer_id: Ref | None = Field(
        default=None,
        alias="catalogue_importer",
        description="Id of a vendor-catalogue entry whose data importer this party is: the "
        "company that receives the service's data outside the EEA (e.g. the US parent of an "
        "Irish service). The entry's importer fills the keys left out here (legal name, "
        "country, DPF status), with its source and date; name the party as 'importer' of the "
        "activity's transfer. Not together with 'catalogue'.",
        examples=["google-analytics"],
    )

    @model_validator(mode="after")
    def _one_catalogue_key(self) -> Party:
        if self.catalogue_id is not None and self.catalogue_importer_id is not None:
            raise ValueError(
                "'catalogue' names the service and 'catalogue_importer' the company that "
                "receives its data outside the EEA: a party is one of them, so keep one key"
            )
        return self


class System(FromCatalogue):
    """A system or service where personal data is stored or handled."""

    name: Name
    description: Text | None = None
    vendor_id: Ref | None = Field(
        default=None,
        alias="vendor",
        description="Id of the party that supplies or hosts the system; leave out for systems "
        "the organisation runs itself.",
    )
    operated_by_id: Ref | None = Field(
        default=None,
        alias="operated_by",
        description="Id of a party that operates the system on the organisation's behalf.",
    )
    hosting_countries: Annotated[
        tuple[CountryCode, ...],
        BeforeValidator(
            unknown_as_empty, json_schema_input_type=tuple[CountryCode, ...] | Literal["unknown"]
        ),
    ] = Field(
        default=(),
        description="Where the data is stored (ISO country codes), or 'unknown': then every "
        "statement about transfers for the system is provisional in the notice and the record "
        "(leaving it out means the same).",
        examples=[["NO", "IE"], "unknown"],
    )
    access: tuple[Text, ...] = Field(
        default=(),
        description="Who has access to the data (roles or groups); an activity may name fewer "
        "in its own 'access'.",
    )
    security_measures: tuple[Text, ...] = Field(
        default=(), description="Technical and organisational measures specific to this system."
    )

    @property
    def is_internal(self) -> bool:
        """True if no outside party supplies or operates the system."""
        return self.vendor_id is None and self.operated_by_id is None
