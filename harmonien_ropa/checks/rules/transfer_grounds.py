"""ROPA20x: the ground a transfer outside the EEA rests on (GDPR Chapter V): the EU-US Data
Privacy Framework, the Art. 49 derogations and the copy of the Art. 46 safeguards owed."""

from __future__ import annotations

from collections.abc import Iterator

from ...core.diagnostics import Severity
from ...law.transfers import (
    DPF_COUNTRY,
    importer,
    is_derogation,
    is_onward,
    needs_documented_safeguards,
    owes_safeguards_copy,
)
from ...model import TransferMechanism
from ..rule import Context, Hit, Rule
from .transfers import _mechanism, _transfers


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
    DpfNotApplicable,
    DerogationUsed,
    SafeguardsCopyMissing,
    DpfCertifiedOutsideUs,
    CompellingInterestsUndocumented,
)
