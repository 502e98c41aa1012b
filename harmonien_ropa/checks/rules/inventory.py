"""ROPA5xx: the inventory: everything declared is used, everything used is secured."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ...core.diagnostics import Severity
from ...source.catalogue import catalogue, stale
from ..rule import Context, Hit, Rule


class CategoryUnused(Rule):
    """A data category that no activity uses is either collected without a purpose or stale.

    Data minimisation (Art. 5(1)(c)) means collecting nothing that no purpose needs; a category
    nobody uses should be removed from the map, or the activity that uses it added.

    Failing::

        data_categories:
          - id: phone
            name: {nb: telefonnummer, en: phone number}

    Passing::

        data_categories:
          - id: phone
            name: {nb: telefonnummer, en: phone number}
        activities:
          - id: membership
            data_categories: [name, email, phone]
    """

    code = "ROPA501"
    name = "category-unused"
    severity = Severity.WARNING
    law = "GDPR Art. 5(1)(b)-(c), 30(1)(c)"
    message = "data category '{category}' is used by no activity"
    fix = "add the category to the activity that needs it, or remove it from the map"

    def check(self, ctx: Context) -> Iterator[Hit]:
        entries = ctx.datamap.data_categories
        unused = ctx.datamap.unused_ids("data_categories", [e.id for e in entries])  # used by none
        for loc, category in ctx.data_categories():
            if category.id in unused:
                yield self.hit((*loc, "id"), category=category.id)


class DataSubjectUnused(Rule):
    """A kind of data subject that no activity processes data about is stale.

    Failing::

        data_subjects:
          - id: donors
            name: {nb: givere, en: donors}

    Passing::

        data_subjects:
          - id: donors
            name: {nb: givere, en: donors}
        activities:
          - id: membership
            data_subjects: [members, donors]
    """

    code = "ROPA502"
    name = "data-subject-unused"
    severity = Severity.WARNING
    law = "GDPR Art. 30(1)(c)"
    message = "data subject '{subject}' appears in no activity"
    fix = "add the data subject to the activities that process their data, or remove it"

    def check(self, ctx: Context) -> Iterator[Hit]:
        entries = ctx.datamap.data_subjects
        unused = ctx.datamap.unused_ids("data_subjects", [e.id for e in entries])  # used by none
        for loc, subject in ctx.data_subjects():
            if subject.id in unused:
                yield self.hit((*loc, "id"), subject=subject.id)


class SystemUnused(Rule):
    """A system that no activity uses is missing from an activity, or should be removed.

    If personal data sits in it, some activity processes that data and must say so.

    Failing::

        systems:
          - id: archive
            name: Arkiv
            hosting_countries: ["NO"]

    Passing::

        systems:
          - id: archive
            name: Arkiv
            hosting_countries: ["NO"]
        activities:
          - id: membership
            systems: [register, archive]
    """

    code = "ROPA503"
    name = "system-unused"
    severity = Severity.WARNING
    law = "GDPR Art. 30(1); Art. 32"
    message = "system '{system}' is used by no activity"
    fix = "add the system to the activities that use it, or remove it from the map"

    def check(self, ctx: Context) -> Iterator[Hit]:
        entries = ctx.datamap.systems
        unused = ctx.datamap.unused_ids("systems", [e.id for e in entries])  # used by none
        for loc, system in ctx.systems():
            if system.id in unused:
                yield self.hit((*loc, "id"), system=system.id)


class PartyUnreferenced(Rule):
    """A party nothing refers to receives no data according to the map.

    Either a reference is missing (as a recipient, system vendor or operator, source, transfer,
    client or in a processor chain) or the party should be removed.

    Failing::

        parties:
          - id: printer
            name: Trykkeriet AS
            role: processor
            country: "NO"
            dpa: true

    Passing::

        parties:
          - id: printer
            name: Trykkeriet AS
            role: processor
            country: "NO"
            dpa: true
        activities:
          - id: membership
            recipients: [printer]
    """

    code = "ROPA504"
    name = "party-unreferenced"
    severity = Severity.WARNING
    law = "GDPR Art. 30(1)(d)"
    message = "party '{party}' is never referenced"
    fix = "refer to the party where it receives data (recipients, systems, sources, transfers), or remove it"

    def check(self, ctx: Context) -> Iterator[Hit]:
        dm = ctx.datamap
        used: set[str | None] = set()
        for system in dm.systems:
            used.update((system.vendor_id, system.operated_by_id))
        for party in dm.parties:
            used.add(party.engaged_by_id)
        # A direct recipient, a transfer's recipient and the parties behind a system in use are
        # in the map's index of who uses what; the activities are read only for a party neither
        # names, for the references the index does not hold (client, source, importer).
        users = dm.activities_using
        unseen = [
            (loc, party)
            for loc, party in ctx.parties()
            if party.id not in used and not users("parties", party.id)
        ]
        if unseen:
            for activity in dm.activities:
                used.add(activity.on_behalf_of_id)
                for source in activity.sources:
                    used.add(source.party_id)
                for transfer in activity.transfers:
                    used.add(transfer.importer_id)
        for loc, party in unseen:
            if party.id not in used:
                yield self.hit((*loc, "id"), party=party.id)


class SecurityMeasuresMissing(Rule):
    """The record should describe the security measures for each activity.

    Art. 30(1)(g) asks, where possible, for a general description of the Art. 32 measures.
    Give them on the activity or on the systems it uses.

    Failing::

        systems:
          - id: register
            security_measures: []

    Passing::

        activities:
          - id: membership
            security_measures:
              - {nb: tofaktorinnlogging, en: two-factor sign-in}
    """

    code = "ROPA505"
    name = "security-measures-missing"
    severity = Severity.WARNING
    law = "GDPR Art. 30(1)(g), 32(1)"
    message = "activity '{activity}' has no security measures, neither its own nor its systems'"
    fix = "add 'security_measures:' to the activity or to the systems it uses (nb and en, in general terms)"

    def check(self, ctx: Context) -> Iterator[Hit]:
        for loc, activity in ctx.activities():
            if activity.security_measures:
                continue
            if any(system.security_measures for system in ctx.datamap.systems_of(activity)):
                continue
            yield self.hit(loc, activity=activity.id)


class HostingUnknown(Rule):
    """A system run by an outside party should say where the data is stored.

    Without hosting countries the checker cannot tell whether data leaves the EEA, and the
    record cannot name the location of the data.

    Failing::

        systems:
          - id: register
            hosting_countries: []

    Passing::

        systems:
          - id: register
            hosting_countries: ["NO"]
    """

    code = "ROPA506"
    name = "hosting-unknown"
    severity = Severity.INFO
    law = "GDPR Art. 30(1)(e), 44"
    message = "system '{system}' does not say where its data is stored"
    fix = "add 'hosting_countries:' (ISO codes, e.g. [NO, IE])"

    def check(self, ctx: Context) -> Iterator[Hit]:
        for loc, system in ctx.systems():
            if not system.hosting_countries and not system.is_internal:
                yield self.hit((*loc, "id"), system=system.id)


class CatalogueEntryStale(Rule):
    """A vendor-catalogue entry the map uses was checked against its source more than a year ago.

    Values a party or system takes from the catalogue (``catalogue:``) count as stated, with the
    entry's source and the date it was checked; a vendor's legal entity, country or Data Privacy
    Framework status can change, so an entry checked more than a year before the checker's
    "today" should be checked again (update the package, or state the values in the map). Silent
    when "today" is not known. The examples are checked as on 2028-01-01.

    Failing::

        parties:
          - id: rubic
            catalogue: rubic
            dpa: true

    Passing::

        parties:
          - id: rubic
            name: Rubic AS
            role: processor
            country: "NO"
            dpa: true
    """

    code = "ROPA507"
    name = "catalogue-entry-stale"
    severity = Severity.WARNING
    law = "GDPR Art. 5(2), 24(1) (measures reviewed and updated where necessary)"
    message = "{kind} '{ident}' uses catalogue entry '{entry}', last checked {checked}"
    fix = "check the vendor's facts again (a newer harmonien-ropa), or state them in the map"
    example_today = dt.date(2028, 1, 1)

    def check(self, ctx: Context) -> Iterator[Hit]:
        if ctx.today is None:
            return
        today = ctx.today
        entries = catalogue()
        for kind, items in (("party", ctx.parties()), ("system", ctx.systems())):
            for loc, item in items:
                origin = item.catalogue_origin
                if origin is None or not stale(entries[origin.entry], today):
                    continue
                yield self.hit(
                    (*loc, origin.key),
                    kind=kind,
                    ident=item.id,
                    entry=origin.entry,
                    checked=origin.checked.isoformat(),
                )


RULES: tuple[type[Rule], ...] = (
    CategoryUnused,
    DataSubjectUnused,
    SystemUnused,
    PartyUnreferenced,
    SecurityMeasuresMissing,
    HostingUnknown,
    CatalogueEntryStale,
)
