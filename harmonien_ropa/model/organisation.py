"""The controller: who is responsible, how to reach them, and the documents' metadata."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, StringConstraints, model_validator

from .base import CountryCode, Email, Frozen, Phone, ShortText, Statement, Text, Url
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


class Organisation(Statement):
    """The controller the data map describes (GDPR Art. 30(1)(a), 13(1)(a))."""

    name: ShortText
    legal_form: Text | None = Field(default=None, description="E.g. foundation, limited company.")
    org_number: Annotated[
        OrgNumber | None,
        BeforeValidator(unknown_as_missing, json_schema_input_type=OrgNumber | Literal["unknown"]),
    ] = Field(
        description="Organisation number in the national register (Norway: 9 digits), or "
        "'unknown' while it is not known: the outputs then show it as to be confirmed.",
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
    supervisory_authority: SupervisoryAuthority = Field(default_factory=SupervisoryAuthority)
    employees: int | None = Field(
        default=None, ge=0, description="Number of employees (Art. 30(5) exemption threshold)."
    )


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
