"""The vendor catalogue: facts about common services, each with the public source it came from.

The entries live in ``vendors.yaml`` next to this module (package data), read with the project's
safe YAML reader and validated by :class:`CatalogueEntry`, the one definition of an entry. A
party or system of a data map names an entry with ``catalogue: <id>``; :func:`fill` gives the
values the entry supplies for the keys the map leaves out, and the loader records which keys
came from the catalogue so that the model can say where each value comes from (stated, with the
entry's source and date, not assumed).

This package sits between the model and the loader: it imports only the model and base modules.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Mapping
from functools import cache
from importlib.resources import files
from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints, ValidationError, model_validator

from ...core.errors import HarmonienError
from ...model.base import CountryCode, Frozen, Id, ShortText
from ...model.inventory import DpvConcept, TaxonomyKey
from ...model.legal import PartyRole

#: What kind of service an entry is (for listing and for ``init``'s suggestions).
Category = Literal[
    "ticketing",
    "crm",
    "email",
    "automation",
    "office",
    "payments",
    "accounting",
    "advertising",
    "analytics",
    "video",
    "membership",
]

HttpsUrl = Annotated[
    str,
    StringConstraints(pattern=r"^https://[^\s<>\"'`]+$", max_length=2000),
    Field(description="An https:// address."),
]
#: A host name a service's web tags load from or send to (``connect.facebook.net``).
Host = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9-]+)+$")]
#: A cookie name; ``*`` stands for any text (``_ga_*``, ``_pk_id.*``).
CookieName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_.*-]{1,100}$")]


class Importer(Frozen):
    """The company that receives the service's data outside the EEA, as the service's own
    data-processing agreement or privacy policy names it (e.g. a US parent company)."""

    legal_entity: ShortText = Field(description="The importer's legal name, e.g. 'Google LLC'.")
    country: CountryCode = Field(description="Where the importer is established.")
    dpf_certified: bool | None = Field(
        default=None,
        description="True if the source says the (US) importer is certified under the EU-US "
        "Data Privacy Framework, false if it says it is not; null when not known.",
    )
    source: HttpsUrl = Field(description="The public page that names the importer.")

    @model_validator(mode="after")
    def _dpf_only_in_the_us(self) -> Importer:
        if self.dpf_certified is not None and self.country != "US":
            raise ValueError("only US organisations can be certified under the DPF")
        return self


class CatalogueEntry(Frozen):
    """One service of the catalogue, as its public pages describe it.

    Only facts read on ``source`` (or ``other_sources``, or the importer's ``source``) on the
    date ``checked`` are written; a fact not confirmed there is left out (``country: null`` when
    the country is not, ``importer: null`` when no source names the importer).
    """

    id: Id
    name: ShortText = Field(description="The service's name, e.g. 'Mailchimp'.")
    category: Category
    legal_entity: ShortText | None = Field(
        default=None, description="The company that provides the service to customers in Norway."
    )
    org_number: Annotated[str, StringConstraints(pattern=r"^[0-9]{6,12}$")] | None = None
    country: CountryCode | None = Field(
        description="Where the legal entity is established; null when not confirmed."
    )
    role: PartyRole | None = Field(
        default=None, description="The role the source says the service usually plays."
    )
    dpf_certified: bool | None = Field(
        default=None,
        description="True if the source says the (US) legal entity is certified under the EU-US "
        "Data Privacy Framework.",
    )
    importer: Importer | None = Field(
        default=None,
        description="The company that receives the data outside the EEA when it is not the "
        "legal entity itself; null when no source names one (not known).",
    )
    website: HttpsUrl | None = None
    privacy_policy: HttpsUrl | None = None
    dpa: HttpsUrl | None = Field(
        default=None, description="Where the service's data-processing agreement is published."
    )
    hosts: tuple[Host, ...] = Field(
        default=(), description="Hosts the service's web tags load from or send data to."
    )
    cookies: tuple[CookieName, ...] = Field(
        default=(), description="Names of the cookies its web tags set ('*' for any text)."
    )
    fideslang: tuple[TaxonomyKey, ...] = Field(
        default=(), description="fideslang data uses the service usually serves."
    )
    dpv: tuple[DpvConcept, ...] = Field(
        default=(), description="W3C DPV purposes the service usually serves."
    )
    source: HttpsUrl = Field(description="The public page the facts were taken from.")
    other_sources: tuple[HttpsUrl, ...] = ()
    checked: dt.date = Field(description="When the facts were last checked against the source.")

    @model_validator(mode="after")
    def _norwegian_org_number(self) -> CatalogueEntry:
        """A company registered in Norway has an organisation number with a valid check digit."""
        from ...core.orgnumbers import NORWAY, norwegian_problem

        if self.country == NORWAY and self.org_number is not None:
            reason = norwegian_problem(self.org_number)
            if reason is not None:
                raise ValueError(f"org_number {self.org_number!r}: {reason}")
        return self

    def summary(self) -> dict[str, Any]:
        """The entry as JSON-ready data (every key, null where not known)."""
        return self.model_dump(mode="json")


class CatalogueError(HarmonienError):
    """The packaged catalogue is broken (a bug in the package, reported as such)."""


@cache
def catalogue() -> Mapping[str, CatalogueEntry]:
    """Every entry by id, in the order of the file (read and validated once per process)."""
    from ..yamlbase import YamlError
    from ..yamlsource import parse

    text = files(__package__).joinpath("vendors.yaml").read_text(encoding="utf-8")
    try:
        raw = parse(text, "catalogue/vendors.yaml", positions=False).data
    except YamlError as exc:  # pragma: no cover - the packaged file is tested
        raise CatalogueError(str(exc)) from None
    if not isinstance(raw, list):  # pragma: no cover - the packaged file is tested
        raise CatalogueError("catalogue/vendors.yaml must hold a list of entries")
    entries: dict[str, CatalogueEntry] = {}
    for index, item in enumerate(raw):
        try:
            entry = CatalogueEntry.model_validate(item)
        except ValidationError as exc:  # pragma: no cover - the packaged file is tested
            raise CatalogueError(f"catalogue entry {index}: {exc}") from None
        if entry.id in entries:  # pragma: no cover - the packaged file is tested
            raise CatalogueError(f"catalogue entry '{entry.id}' is written twice")
        entries[entry.id] = entry
    return entries


def suggestion(ident: str) -> str | None:
    """The catalogue id closest to ``ident``, if any is close."""
    found = difflib.get_close_matches(ident, list(catalogue()), n=1, cutoff=0.6)
    return found[0] if found else None


#: Keys of a party the catalogue fills, with the entry's field each comes from.
PARTY_FIELDS: dict[str, str] = {
    "name": "legal_entity",
    "country": "country",
    "role": "role",
    "website": "website",
    "privacy_policy": "privacy_policy",
    "dpa_reference": "dpa",
    "dpf_certified": "dpf_certified",
}
#: Keys of a system the catalogue fills.
SYSTEM_FIELDS: dict[str, str] = {"name": "name"}
#: Keys of a party naming an entry's data importer (``catalogue_importer:``) the entry fills.
IMPORTER_FIELDS: dict[str, str] = {
    "name": "legal_entity",
    "country": "country",
    "dpf_certified": "dpf_certified",
}


def fill_importer(entry: CatalogueEntry) -> dict[str, Any]:
    """The values the data importer ``entry`` names gives a party (none if it names none)."""
    importer = entry.importer
    if importer is None:
        return {}
    values = {key: getattr(importer, attribute) for key, attribute in IMPORTER_FIELDS.items()}
    return {key: value for key, value in values.items() if value is not None}


def fill(entry: CatalogueEntry, kind: Literal["parties", "systems"]) -> dict[str, Any]:
    """The values ``entry`` gives a party or system, by YAML key (only those it knows)."""
    fields = PARTY_FIELDS if kind == "parties" else SYSTEM_FIELDS
    values: dict[str, Any] = {}
    for key, attribute in fields.items():
        value = getattr(entry, attribute)
        if key == "name" and value is None:
            value = entry.name  # a party without a confirmed legal entity keeps the service name
        if value is None:
            continue
        values[key] = value.value if isinstance(value, PartyRole) else value
    return values


def stale(entry: CatalogueEntry, today: dt.date) -> bool:
    """True if ``entry`` was checked more than a year before ``today``."""
    try:
        year_before = today.replace(year=today.year - 1)
    except ValueError:  # 29 February
        year_before = today.replace(year=today.year - 1, day=28)
    return entry.checked < year_before
