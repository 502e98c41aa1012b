"""ROPA20x: transfers of personal data outside the EEA (GDPR Chapter V): whether each is
recorded and has a mechanism, and whose transfer it is. The grounds themselves (the Data
Privacy Framework, Art. 49 derogations, the copy of the safeguards) are in
:mod:`.transfer_grounds`."""

from __future__ import annotations

from collections.abc import Iterator

from ...core.diagnostics import Severity
from ...law.countries import adequacy, is_eea
from ...law.transfers import (
    DPF_COUNTRY,
    effective_mechanism,
    needs_mechanism,
    party_needs_mechanism,
)
from ...model import Activity, Party, Transfer, TransferMechanism
from ..rule import Context, Hit, Loc, Rule

_Flow = tuple[Loc, Activity, Transfer, Party]


def _transfers(ctx: Context) -> Iterator[_Flow]:
    """Every transfer of the map with its activity and recipient (listed once per check)."""
    return iter(ctx.shared("transfers.flows", _flows))


def _flows(ctx: Context) -> list[_Flow]:
    return [
        ((*loc, "transfers", index), activity, transfer, ctx.datamap.party(transfer.party_id))
        for loc, activity in ctx.activities()
        for index, transfer in enumerate(activity.transfers)
    ]


def _mechanism(transfer: Transfer, party: Party) -> TransferMechanism | None:
    return effective_mechanism(transfer, party)


class TransferWithoutMechanism(Rule):
    """Personal data may only leave the EEA under a Chapter V ground.

    A transfer to a country without an adequacy decision (the United States counts as adequate
    only for organisations certified under the EU-US Data Privacy Framework) needs standard
    contractual clauses, binding corporate rules, another Art. 46 safeguard or an Art. 49
    derogation. The rule looks at each recorded transfer and at each recipient established
    outside the EEA.

    Failing::

        parties:
          - id: cloudmail
            name: Cloudmail Inc.
            role: processor
            country: US
            dpa: true
        activities:
          - id: membership
            recipients: [cloudmail]
            transfers:
              - party: cloudmail
                country: US

    Passing::

        parties:
          - id: cloudmail
            name: Cloudmail Inc.
            role: processor
            country: US
            dpa: true
            safeguards_copy: {nb: Be oss om en kopi., en: Ask us for a copy.}
        activities:
          - id: membership
            recipients: [cloudmail]
            transfers:
              - party: cloudmail
                country: US
                mechanism: scc
    """

    code = "ROPA201"
    name = "transfer-without-mechanism"
    severity = Severity.ERROR
    law = "GDPR Art. 44-46, 49"
    message = (
        "data goes to '{party}' in {country}, outside the EEA, without a Chapter V mechanism{where}"
    )
    fix = "add 'mechanism:' to the transfer (or 'transfer_mechanism:' to the party): e.g. scc, eu_us_dpf, adequacy"

    def check(self, ctx: Context) -> Iterator[Hit]:
        for loc, activity, transfer, party in _transfers(ctx):
            if _mechanism(transfer, party) is None and needs_mechanism(ctx.datamap, transfer):
                where = f" (activity '{activity.id}')"
                yield self.hit(loc, party=party.id, country=transfer.country, where=where)
        # Recipients established outside the EEA that an activity sends data to without a
        # transfer of its own naming them: the party itself needs a ground.
        flagged: set[str] = set()
        locations = {party.id: loc for loc, party in ctx.parties()}
        # The parties (by identity) that would need a ground of their own, each asked once.
        unfounded = {
            id(party)
            for party in ctx.datamap.parties
            if party.transfer_mechanism is None and party_needs_mechanism(party)
        }
        for _loc, activity in ctx.activities() if unfounded else ():
            for party in ctx.datamap.all_recipients_of(activity):
                if (
                    id(party) in unfounded
                    and party.id not in flagged
                    and all(t.party_id != party.id for t in activity.transfers)
                ):
                    flagged.add(party.id)
                    yield self.hit(
                        (*locations[party.id], "country"),
                        party=party.id,
                        country=party.country,
                        where="",
                    )


class TransferNotRecorded(Rule):
    """Every destination outside the EEA must be recorded as a transfer of the activity.

    Art. 30(1)(e) asks the record to name each third country data goes to, and the notice must
    mention the transfer (Art. 13(1)(f)). Data goes there when a recipient is established
    outside the EEA or a system used by the activity is hosted there. A system supplied only by
    a controller established in the EEA (an independent or joint controller) that hosts it
    outside the EEA is that controller's own transfer: ROPA209 reports it instead.

    Failing::

        systems:
          - id: register
            hosting_countries: ["NO", US]

    Passing::

        parties:
          - id: hostco
            transfer_mechanism: scc
            safeguards_copy: {nb: Be oss om en kopi., en: Ask us for a copy.}
        systems:
          - id: register
            hosting_countries: ["NO", US]
        activities:
          - id: membership
            transfers:
              - party: hostco
                country: US
    """

    code = "ROPA202"
    name = "transfer-not-recorded"
    severity = Severity.WARNING
    law = "GDPR Art. 30(1)(e), 13(1)(f)"
    message = "activity '{activity}' sends data to {countries} (outside the EEA) but records no transfer there"
    fix = "add an entry under the activity's 'transfers:' with the party, the country and the mechanism"

    def check(self, ctx: Context) -> Iterator[Hit]:
        for loc, activity, destinations in ctx.activities_leaving_eea():
            ours = destinations.ours
            if not ours:
                continue
            missing = ours - {t.country for t in activity.transfers}
            if missing:
                place = "transfers" if activity.transfers else "systems"
                yield self.hit(
                    (*loc, place), activity=activity.id, countries=", ".join(sorted(missing))
                )


class TransfersNotKnown(Rule):
    """The notice must say whether an activity's data leaves the EEA (Art. 13(1)(f), 14(1)(f));
    it cannot while a system the activity uses gives its hosting countries as ``unknown`` (or not
    at all). Every statement about the activity's transfers is then provisional, and the notice
    is not published until the countries are known.

    Failing::

        systems:
          - id: register
            hosting_countries: unknown

    Passing::

        systems:
          - id: register
            hosting_countries: ["NO"]
    """

    code = "ROPA218"
    name = "transfers-not-known"
    severity = Severity.WARNING
    law = "GDPR Art. 13(1)(f), 14(1)(f)"
    message = "activity '{activity}' uses system '{system}', whose hosting countries are not known, so the notice cannot say whether its data leaves the EEA"
    fix = "find out where the system stores the data (the vendor's data-processing agreement or sub-processor list) and list the countries under 'hosting_countries'"

    def check(self, ctx: Context) -> Iterator[Hit]:
        for loc, activity, destinations in ctx.activities_leaving_eea():
            if activity.is_processor_activity:
                continue  # the controller's activities only (controller_activities)
            for system in destinations.unknown_hosting:
                yield self.hit((*loc, "systems"), activity=activity.id, system=system.id)


class AdequacyNotAvailable(Rule):
    """'adequacy' is a valid ground only for countries with a Commission adequacy decision.

    For the United States use ``eu_us_dpf`` (certified recipients only); for other countries
    without a decision use SCCs or another Art. 46 safeguard.

    Failing::

        parties:
          - id: cloudmail
            name: Cloudmail Pte.
            role: processor
            country: SG
            dpa: true
        activities:
          - id: membership
            recipients: [cloudmail]
            transfers:
              - party: cloudmail
                country: SG
                mechanism: adequacy

    Passing::

        parties:
          - id: cloudmail
            name: Cloudmail Ltd
            role: processor
            country: GB
            dpa: true
        activities:
          - id: membership
            recipients: [cloudmail]
            transfers:
              - party: cloudmail
                country: GB
                mechanism: adequacy
    """

    code = "ROPA206"
    name = "adequacy-not-available"
    severity = Severity.ERROR
    law = "GDPR Art. 45"
    message = (
        "transfer to '{party}' claims adequacy, but {country} has no general adequacy decision"
    )
    fix = "use 'eu_us_dpf' for certified US recipients, or 'scc' or another Art. 46 safeguard"

    def check(self, ctx: Context) -> Iterator[Hit]:
        for loc, _activity, transfer, party in _transfers(ctx):
            if _mechanism(transfer, party) is not TransferMechanism.ADEQUACY:
                continue
            decision = adequacy(transfer.country)
            if decision is None or decision.code == DPF_COUNTRY:
                yield self.hit(loc, party=party.id, country=transfer.country)


class TransferInsideEea(Rule):
    """A 'transfer' to a country inside the EEA is not a Chapter V transfer.

    Listing it makes the notice announce a transfer abroad that does not exist.

    Failing::

        activities:
          - id: membership
            transfers:
              - party: hostco
                country: SE

    Passing::

        activities:
          - id: membership
            transfers: []
    """

    code = "ROPA207"
    name = "transfer-inside-eea"
    severity = Severity.INFO
    law = "GDPR Art. 44; EEA Agreement"
    message = "transfer to '{party}' goes to {country}, which is inside the EEA"
    fix = "remove the transfer; data moving inside the EEA needs no Chapter V ground"

    def check(self, ctx: Context) -> Iterator[Hit]:
        for loc, _activity, transfer, party in _transfers(ctx):
            if is_eea(transfer.country):
                yield self.hit((*loc, "country"), party=party.id, country=transfer.country)


class OnwardTransferByRecipient(Rule):
    """Data that an EEA-based controller sends outside the EEA is that controller's transfer.

    When we disclose data to an independent or joint controller established in the EEA and it
    stores the data, or sends it on, outside the EEA, Chapter V applies to that controller, not
    to us (EDPB Guidelines 05/2021). The notice should say who receives the data and that the
    onward transfer is the recipient's; it must not present it as our transfer. Record it as a
    transfer (with the recipient as ``party`` and the importer abroad as ``importer``) so the
    notice can describe it.

    Failing::

        parties:
          - id: adco
            name: Adco Ireland Ltd
            role: independent_controller
            country: IE
            privacy_policy: https://adco.example/privacy
        systems:
          - id: ads
            name: Adco Ads
            vendor: adco
            hosting_countries: [IE, US]
        activities:
          - id: membership
            systems: [ads]

    Passing::

        parties:
          - id: adco
            name: Adco Ireland Ltd
            role: independent_controller
            country: IE
            privacy_policy: https://adco.example/privacy
        systems:
          - id: ads
            name: Adco Ads
            vendor: adco
            hosting_countries: [IE]
        activities:
          - id: membership
            systems: [ads]
    """

    code = "ROPA209"
    name = "onward-transfer-by-recipient"
    severity = Severity.INFO
    law = "GDPR Art. 44, 13(1)(e)-(f); EDPB Guidelines 05/2021"
    message = (
        "activity '{activity}': a recipient established in the EEA takes data on to {countries} "
        "under its own responsibility (its transfer, not ours); the notice does not say so"
    )
    fix = "record it under the activity's 'transfers:' with the recipient as 'party', the country and the 'importer:' there"

    def check(self, ctx: Context) -> Iterator[Hit]:
        for loc, activity, destinations in ctx.activities_leaving_eea():
            theirs = destinations.theirs
            if not theirs:
                continue
            missing = theirs - {t.country for t in activity.transfers}
            if missing:
                yield self.hit(
                    (*loc, "systems"), activity=activity.id, countries=", ".join(sorted(missing))
                )


RULES: tuple[type[Rule], ...] = (
    TransferWithoutMechanism,
    TransferNotRecorded,
    TransfersNotKnown,
    AdequacyNotAvailable,
    TransferInsideEea,
    OnwardTransferByRecipient,
)
