"""ROPA20x: transfers of personal data outside the EEA (GDPR Chapter V)."""

from __future__ import annotations

from collections.abc import Iterator

from ...core.diagnostics import Severity
from ...law.countries import adequacy, is_eea
from ...law.transfers import (
    DPF_COUNTRY,
    destinations,
    effective_mechanism,
    importer,
    is_derogation,
    is_onward,
    needs_documented_safeguards,
    needs_mechanism,
    owes_safeguards_copy,
    party_needs_mechanism,
)
from ...model import Activity, Party, Transfer, TransferMechanism
from ..rule import Context, Hit, Loc, Rule


def _transfers(ctx: Context) -> Iterator[tuple[Loc, Activity, Transfer, Party]]:
    for loc, activity in ctx.activities():
        for index, transfer in enumerate(activity.transfers):
            party = ctx.datamap.party(transfer.party_id)
            yield (*loc, "transfers", index), activity, transfer, party


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
        for _loc, activity in ctx.activities():
            named = {t.party_id for t in activity.transfers}
            for party in activity.all_recipients:
                if (
                    party.id not in named
                    and party.id not in flagged
                    and party.transfer_mechanism is None
                    and party_needs_mechanism(party)
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
        for loc, activity in ctx.activities():
            missing = destinations(activity).ours - {t.country for t in activity.transfers}
            if missing:
                place = "transfers" if activity.transfers else "systems"
                yield self.hit(
                    (*loc, place), activity=activity.id, countries=", ".join(sorted(missing))
                )


class DpfNotApplicable(Rule):
    """The EU-US Data Privacy Framework covers only certified importers in the United States.

    Implementing Decision (EU) 2023/1795 applies to transfers to US organisations on the DPF
    list. Mark the US party that receives the data ``dpf_certified: true`` after checking the
    list, and use it only for US transfers. When the recipient is an EEA company that sends the
    data to its US parent, name the parent as the transfer's ``importer``: it is the parent that
    must be certified.

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
                mechanism: eu_us_dpf

    Passing::

        parties:
          - id: cloudmail
            name: Cloudmail Inc.
            role: processor
            country: US
            dpa: true
            dpf_certified: true
        activities:
          - id: membership
            recipients: [cloudmail]
            transfers:
              - party: cloudmail
                country: US
                mechanism: eu_us_dpf
    """

    code = "ROPA203"
    name = "dpf-not-applicable"
    severity = Severity.ERROR
    law = "GDPR Art. 45; Decision (EU) 2023/1795"
    message = "'{party}' relies on the EU-US Data Privacy Framework, but {why}"
    fix = "check the DPF list and set 'dpf_certified: true', or use another mechanism (e.g. scc)"

    def check(self, ctx: Context) -> Iterator[Hit]:
        dpf = TransferMechanism.EU_US_DPF
        flagged: set[str] = set()
        for loc, party in ctx.parties():
            if (
                party.transfer_mechanism is dpf
                and party.dpf_certified is not True
                and party.country == DPF_COUNTRY
            ):
                flagged.add(party.id)
                yield self.hit((*loc, "transfer_mechanism"), party=party.id, why=_UNCERTIFIED)
        for loc, _activity, transfer, party in _transfers(ctx):
            if _mechanism(transfer, party) is not dpf:
                continue
            receiver = importer(ctx.datamap, transfer)
            if transfer.country != DPF_COUNTRY:
                why = f"the transfer goes to {transfer.country}, not the United States"
                yield self.hit(loc, party=party.id, why=why)
            elif receiver.country != DPF_COUNTRY:
                why = (
                    f"the data is received by '{receiver.id}', established in {receiver.country}; "
                    "only a US organisation can be certified (name its US importer with 'importer:')"
                )
                yield self.hit(loc, party=party.id, why=why)
            elif receiver.dpf_certified is not True and receiver.id not in flagged:
                yield self.hit(loc, party=receiver.id, why=_UNCERTIFIED)


_UNCERTIFIED = "the party is not marked 'dpf_certified: true'"


class DerogationUsed(Rule):
    """Art. 49 derogations are exceptions for occasional transfers, not a standing ground.

    The EDPB reads them narrowly (Guidelines 2/2018): regular transfers need adequacy or an
    Art. 46 safeguard. Acknowledge the finding if the transfer really is occasional.

    Failing::

        parties:
          - id: festival
            name: Festival Inc.
            role: independent_controller
            country: US
            transfer_mechanism: derogation_contract
        activities:
          - id: membership
            recipients: [festival]
            transfers:
              - party: festival
                country: US

    Passing::

        parties:
          - id: festival
            name: Festival Inc.
            role: independent_controller
            country: US
            privacy_policy: https://festival.example/privacy
            transfer_mechanism: scc
            safeguards_copy: {nb: Be oss om en kopi., en: Ask us for a copy.}
        activities:
          - id: membership
            recipients: [festival]
            transfers:
              - party: festival
                country: US
    """

    code = "ROPA204"
    name = "derogation-used"
    severity = Severity.WARNING
    law = "GDPR Art. 49; EDPB Guidelines 2/2018"
    message = "transfer to '{party}' in {country} relies on the Art. 49 derogation '{mechanism}'"
    fix = "use adequacy or an Art. 46 safeguard (e.g. scc) for regular transfers; acknowledge if it is truly occasional"

    def check(self, ctx: Context) -> Iterator[Hit]:
        for loc, _activity, transfer, party in _transfers(ctx):
            mechanism = _mechanism(transfer, party)
            if mechanism is not None and is_derogation(mechanism):
                yield self.hit(
                    loc, party=party.id, country=transfer.country, mechanism=mechanism.value
                )


class SafeguardsCopyMissing(Rule):
    """The notice must say how people can get a copy of the transfer safeguards.

    For transfers under Art. 46 or 47 safeguards (SCCs, BCRs, ...) and the Art. 49(1) second
    subparagraph, Art. 13(1)(f) and 14(1)(f) require the means to obtain a copy of them or
    where they are available.

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
                mechanism: scc

    Passing::

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
                mechanism: scc
                safeguards_copy: {nb: Be oss om en kopi., en: Ask us for a copy.}
    """

    code = "ROPA205"
    name = "safeguards-copy-missing"
    severity = Severity.WARNING
    law = "GDPR Art. 13(1)(f), 14(1)(f)"
    message = (
        "transfer to '{party}' under '{mechanism}' does not say how to get a copy of the safeguards"
    )
    fix = (
        "add 'safeguards_copy:' (nb and en) to the transfer or the party, e.g. 'Ask us for a copy.'"
    )

    def check(self, ctx: Context) -> Iterator[Hit]:
        for loc, activity, transfer, party in _transfers(ctx):
            mechanism = _mechanism(transfer, party)
            if (
                not activity.is_processor_activity  # the client's notice, not ours
                and owes_safeguards_copy(mechanism)
                and not is_onward(ctx.datamap, transfer)
                and transfer.safeguards_copy is None
                and party.safeguards_copy is None
            ):
                yield self.hit(loc, party=party.id, mechanism=str(mechanism))


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


class DpfCertifiedOutsideUs(Rule):
    """Only organisations in the United States can be certified under the EU-US DPF.

    The Data Privacy Framework is a US self-certification with the US Department of Commerce;
    a company established elsewhere (an Irish subsidiary, say) is never on the list, whatever
    its parent is. Mark the US company (e.g. Meta Platforms, Inc.; Google LLC) as its own party
    with ``dpf_certified: true`` and name it as the ``importer:`` of the transfer.

    Failing::

        parties:
          - id: adco
            name: Adco Ireland Ltd
            role: independent_controller
            country: IE
            dpf_certified: true

    Passing::

        parties:
          - id: adco
            name: Adco Ireland Ltd
            role: independent_controller
            country: IE
          - id: adco-us
            name: Adco, Inc.
            role: other_recipient
            country: US
            dpf_certified: true
    """

    code = "ROPA208"
    name = "dpf-certified-outside-us"
    severity = Severity.ERROR
    law = "GDPR Art. 45; Implementing Decision (EU) 2023/1795"
    message = (
        "'{party}' is established in {country}, but only US organisations can be DPF-certified"
    )
    fix = "remove 'dpf_certified' here; add the certified US company as a party and name it as the transfer's 'importer:'"

    def check(self, ctx: Context) -> Iterator[Hit]:
        for loc, party in ctx.parties():
            if party.dpf_certified is not None and party.country != DPF_COUNTRY:
                yield self.hit((*loc, "dpf_certified"), party=party.id, country=party.country)


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
        for loc, activity in ctx.activities():
            missing = destinations(activity).theirs - {t.country for t in activity.transfers}
            if missing:
                yield self.hit(
                    (*loc, "systems"), activity=activity.id, countries=", ".join(sorted(missing))
                )


class CompellingInterestsUndocumented(Rule):
    """A one-off transfer on compelling legitimate interests needs its safeguards documented.

    Art. 49(1) second subparagraph allows it only when the controller has assessed the
    circumstances and provided suitable safeguards; Art. 30(1)(e) asks the record to document
    them.

    Failing::

        parties:
          - id: festival
            name: Festival Inc.
            role: independent_controller
            country: US
            privacy_policy: https://festival.example/privacy
        activities:
          - id: membership
            recipients: [festival]
            transfers:
              - party: festival
                country: US
                mechanism: derogation_compelling_interests
                safeguards_copy: {nb: Be oss om en kopi., en: Ask us for a copy.}

    Passing::

        parties:
          - id: festival
            name: Festival Inc.
            role: independent_controller
            country: US
            privacy_policy: https://festival.example/privacy
        activities:
          - id: membership
            recipients: [festival]
            transfers:
              - party: festival
                country: US
                mechanism: derogation_compelling_interests
                safeguards: {nb: Bare navn og e-post., en: Names and e-mail only.}
                safeguards_copy: {nb: Be oss om en kopi., en: Ask us for a copy.}
    """

    code = "ROPA217"
    name = "compelling-interests-undocumented"
    severity = Severity.WARNING
    law = "GDPR Art. 49(1) second subparagraph, 30(1)(e)"
    message = (
        "transfer to '{party}' on compelling legitimate interests does not document its safeguards"
    )
    fix = "add 'safeguards:' (nb and en) to the transfer: what was assessed and what protects the data"

    def check(self, ctx: Context) -> Iterator[Hit]:
        for loc, _activity, transfer, party in _transfers(ctx):
            mechanism = _mechanism(transfer, party)
            if (
                needs_documented_safeguards(mechanism)
                and transfer.safeguards is None
                and party.transfer_safeguards is None
            ):
                yield self.hit(loc, party=party.id)


RULES: tuple[type[Rule], ...] = (
    TransferWithoutMechanism,
    TransferNotRecorded,
    DpfNotApplicable,
    DerogationUsed,
    SafeguardsCopyMissing,
    AdequacyNotAvailable,
    TransferInsideEea,
    DpfCertifiedOutsideUs,
    OnwardTransferByRecipient,
    CompellingInterestsUndocumented,
)
