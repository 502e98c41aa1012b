"""The controller: who is responsible, how to reach them, and the documents' metadata."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import (
    BeforeValidator,
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from .base import CountryCode, Email, Frozen, Name, Phone, ShortText, Statement, Text, Url
from .words import unknown_as_missing

#: An organisation number as registered (Norway: nine digits).
OrgNumber = Annotated[str, StringConstraints(pattern=r"^[0-9A-Z -]{4,20}$")]


class Address(Frozen):
    """A postal address."""

    street: ShortText | None = None
    postcode: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9 -]{2,12}$")] | None = None
    city: ShortText | None = None
    country: CountryCode = "NO"

    def one_line(self) -> str:
        """The address on one line, e.g. ``Grieghallen, Edvard Griegs plass 1, 5015 Bergen``."""
        place = " ".join(part for part in (self.postcode, self.city) if part)
        return ", ".join(part for part in (self.street, place) if part)


class Contact(Statement):
    """A person (or function) people can contact."""

    name: ShortText
    role: Text | None = Field(default=None, description="Job title or function.")
    email: Email | None = None
    phone: Phone | None = None


class RepresentedBy(Statement):
    """Who legally represents the organisation: signs for it and answers for it in law (e.g.
    its managing director, "daglig leder"), as distinct from the Art. 27 representative."""

    role: Text = Field(
        description="The function that represents the organisation, e.g. {nb: daglig leder, "
        "nn: dagleg leiar, en: managing director}.",
    )
    name: ShortText | None = Field(default=None, description="The person in that role, if named.")


class Dpo(Statement):
    """The data-protection officer (GDPR Art. 37-39), or the decision not to appoint one."""

    appointed: bool = Field(description="True if a data-protection officer is appointed.")
    name: ShortText | None = None
    email: Email | None = None
    phone: Phone | None = None
    reason: Text | None = Field(
        default=None,
        description="Why no DPO is appointed (required when appointed is false), "
        "or how the DPO was chosen.",
    )

    @model_validator(mode="after")
    def _appointed_has_contact(self) -> Dpo:
        if self.appointed and not (self.email or self.phone):
            raise ValueError(
                "an appointed DPO needs an 'email' or a 'phone' so people can reach them"
            )
        return self


class SupervisoryAuthority(Statement):
    """The supervisory authority people may complain to (GDPR Art. 13(2)(d), 77)."""

    name: ShortText = "Datatilsynet"
    url: Url = "https://www.datatilsynet.no/"
    address: Address | None = None
    email: Email | None = None
    phone: Phone | None = None


#: A language an organisation can publish in (see :data:`harmonien_ropa.core.languages.LANGUAGES`).
Language = Literal["nb", "nn", "en"]


class Organisation(Statement):
    """The controller the data map describes (GDPR Art. 30(1)(a), 13(1)(a))."""

    name: Name
    languages: tuple[Language, ...] | None = Field(
        default=None,
        min_length=1,
        description="The languages the organisation publishes in: nb (Norwegian bokmål), nn "
        "(Norwegian nynorsk), en (English). The first is the default: it gets the unsuffixed "
        "file names where an output has them (dataflow.svg), and the commands that show one "
        "language use it. Every text of the map needs each of these languages, and no other "
        "is required; outputs are made in these only. Absent means [nb, en].",
        examples=[["nn"], ["nb", "nn", "en"]],
    )
    legal_form: Text | None = Field(default=None, description="E.g. foundation, limited company.")
    org_number: Annotated[
        OrgNumber | None,
        BeforeValidator(unknown_as_missing, json_schema_input_type=OrgNumber | Literal["unknown"]),
    ] = Field(
        description="Organisation number in the national register, or 'unknown' while it is "
        "not known: the outputs then show it as to be confirmed. For an organisation in Norway "
        "(its address's country; Norway when no address is given) the nine digits of "
        "Enhetsregisteret, spaces allowed, whose last digit must be the modulus-11 check digit "
        "of the first eight; another country's number is taken as written.",
        examples=["916 558 155", "unknown"],
    )
    address: Address | None = None
    website: Url | None = None
    email: Email | None = None
    phone: Phone | None = None
    privacy_contact: Email | None = Field(
        default=None, description="Where to send privacy requests (access, erasure, objection)."
    )
    contacts: tuple[Contact, ...] = ()
    dpo: Dpo | None = Field(default=None, description="DPO, or the decision not to appoint one.")
    representative: Contact | None = Field(
        default=None, description="EU/EEA representative (Art. 27), where one is required."
    )
    represented_by: RepresentedBy | None = Field(
        default=None,
        description="Who legally represents the organisation (e.g. its managing director); the "
        "notice and the record say it is represented by them. Not the Art. 27 representative "
        "in the Union (that is 'representative').",
        examples=[
            {"role": {"nb": "daglig leder", "nn": "dagleg leiar", "en": "managing director"}}
        ],
    )
    data_protection_adviser: Contact | None = Field(
        default=None,
        description="A data-protection adviser (personvernrådgiver) people may contact about "
        "privacy, who is not a data-protection officer under GDPR Art. 37-39: the notice lists "
        "them as a contact and never calls them a DPO. Whether a DPO is designated is still "
        "decided under 'dpo'.",
        examples=[
            {
                "name": "Kari Nordmann",
                "role": {"nb": "personvernrådgiver", "en": "data-protection adviser"},
                "email": "personvern@example.org",
            }
        ],
    )
    supervisory_authority: SupervisoryAuthority = Field(default_factory=SupervisoryAuthority)
    employees: int | None = Field(
        default=None, ge=0, description="Number of employees (Art. 30(5) exemption threshold)."
    )

    @property
    def country(self) -> str:
        """Where the organisation is established: its address's country, Norway without one."""
        return self.address.country if self.address is not None else "NO"

    @model_validator(mode="after")
    def _norwegian_org_number(self) -> Organisation:
        """A Norwegian organisation's number must pass the register's check digit."""
        from ..core.orgnumbers import FIX, NORWAY, norwegian_problem

        number = self.org_number
        if number is None or self.country != NORWAY:
            return self
        reason = norwegian_problem(number)
        if reason is None:
            return self
        error = PydanticCustomError(
            "org_number",
            "'{value}' is not a valid Norwegian organisation number: {reason}",
            {"value": number, "reason": reason, "fix": FIX},
        )
        raise ValidationError.from_exception_data(
            type(self).__name__,
            [InitErrorDetails(type=error, loc=("org_number",), input=number)],
        )

    @field_validator("languages")
    @classmethod
    def _each_language_once(cls, value: tuple[str, ...] | None) -> tuple[str, ...] | None:
        if value is not None and len(set(value)) != len(value):
            twice = next(lang for lang in value if value.count(lang) > 1)
            raise ValueError(f"'{twice}' is listed twice; list each language once")
        return value


class DocumentMeta(Statement):
    """Version metadata of a published document (the notice or the record)."""

    version: ShortText
    effective_date: dt.date = Field(description="Date from which this version applies.")
    maintained_by: ShortText | None = Field(
        default=None, description="Who keeps the document up to date."
    )
    url: Url | None = Field(default=None, description="Where the published version lives.")


class Notice(DocumentMeta):
    """Metadata and general statements of the privacy notice."""

    automated_decisions: bool = Field(
        default=False,
        description="True if any decision based solely on automated processing, including "
        "profiling, produces legal or similarly significant effects (Art. 22).",
    )
    automated_decisions_logic: Text | None = Field(
        default=None, description="Meaningful information about the logic involved (Art. 13(2)(f))."
    )
    no_other_recipients: bool = Field(
        default=False,
        description="True if personal data is shared with nobody but the recipients listed.",
    )
    introduction: Text | None = Field(default=None, description="Optional opening paragraph.")
    security_summary: Text | None = Field(
        default=None, description="How personal data is kept safe, in general terms."
    )
    erasure_routine: Text | None = Field(
        default=None, description="How the organisation makes sure data is deleted in time."
    )
