"""What the organisation has: data subjects, data categories, systems and outside parties."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    PrivateAttr,
    StringConstraints,
    model_validator,
)
from pydantic_core import PydanticCustomError

from .base import CountryCode, Entity, Ref, ShortText, Text, Url
from .legal import PartyRole, TransferMechanism
from .organisation import Contact
from .words import unknown_as_empty

if TYPE_CHECKING:
    from .activity import Activity
    from .datamap import DataMap

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


class Linked(Entity):
    """An entity that can follow its references once the data map is resolved."""

    _map: DataMap | None = PrivateAttr(default=None)

    def __eq__(self, other: object) -> bool:
        # Compare fields only: the back-reference to the map would recurse.
        return type(other) is type(self) and other.__dict__ == self.__dict__

    def __hash__(self) -> int:
        return hash((type(self).__name__, self.id))

    @property
    def datamap(self) -> DataMap:
        """The data map this entry belongs to (set when the map is resolved)."""
        # Read the private slot directly: every resolved reference goes through here, and
        # pydantic's attribute fallback for private attributes is far slower than a dict lookup.
        private = self.__pydantic_private__
        found: DataMap | None = private.get("_map") if private else None
        if found is None:
            raise RuntimeError(
                f"{type(self).__name__} '{self.id}' is not part of a resolved DataMap"
            )
        return found


class DataSubject(Linked):
    """A kind of person whose data is processed (e.g. ticket customers, prospects)."""

    name: Text
    description: Text | None = None
    vulnerable: bool = Field(
        default=False, description="Children, employees or others in a weak position (WP248)."
    )
    fideslang: TaxonomyKey | None = Field(default=None, description="fideslang subject key.")
    dpv: DpvConcept | None = Field(
        default=None, description="W3C DPV concept, e.g. dpv:Customer (or a full IRI)."
    )

    @property
    def activities(self) -> tuple[Activity, ...]:
        """Activities that process data about this kind of person."""
        return self.datamap.activities_using("data_subjects", self.id)


class DataCategory(Linked):
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

    @property
    def activities(self) -> tuple[Activity, ...]:
        """Activities that process this category."""
        return self.datamap.activities_using("data_categories", self.id)


class Party(Linked):
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

    @property
    def engaged_by(self) -> Party | None:
        """The processor that engaged this sub-processor, if any."""
        return self.datamap.party(self.engaged_by_id) if self.engaged_by_id else None

    @property
    def systems(self) -> tuple[System, ...]:
        """Systems this party supplies or runs."""
        return self.datamap.systems_of_party(self.id)

    @property
    def activities(self) -> tuple[Activity, ...]:
        """Activities in which this party receives data (directly or through a system)."""
        return self.datamap.activities_using("parties", self.id)


class System(Linked):
    """A system or service where personal data is stored or handled."""

    name: ShortText
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
    def vendor(self) -> Party | None:
        return self.datamap.party(self.vendor_id) if self.vendor_id else None

    @property
    def operated_by(self) -> Party | None:
        return self.datamap.party(self.operated_by_id) if self.operated_by_id else None

    @property
    def parties(self) -> tuple[Party, ...]:
        """Vendor and operator, without duplicates, in that order."""
        found: dict[str, Party] = {}
        for party in (self.vendor, self.operated_by):
            if party is not None:
                found.setdefault(party.id, party)
        return tuple(found.values())

    @property
    def is_internal(self) -> bool:
        """True if no outside party supplies or operates the system."""
        return self.vendor_id is None and self.operated_by_id is None

    @property
    def activities(self) -> tuple[Activity, ...]:
        """Activities that use this system."""
        return self.datamap.activities_using("systems", self.id)
