"""ROPA21x: recipients: processors, sub-processors and other controllers (GDPR Art. 26, 28)."""

from __future__ import annotations

from collections.abc import Iterator

from ...core.diagnostics import Severity
from ...law.joint import arrangement_missing
from ...law.requirements import client_reachable
from ...model import Party, PartyRole
from ..rule import Context, Hit, Rule

_PROCESSORS = (PartyRole.PROCESSOR, PartyRole.SUB_PROCESSOR)
_CONTROLLERS = (PartyRole.INDEPENDENT_CONTROLLER, PartyRole.JOINT_CONTROLLER)


class ProcessorWithoutDpa(Rule):
    """A processor may only process personal data under a data-processing agreement.

    Art. 28(3) requires a contract with the prescribed content; record ``dpa: true`` once it is
    signed (and ``dpa_reference`` for where it is filed).

    Failing::

        parties:
          - id: hostco
            dpa: null

    Passing::

        parties:
          - id: hostco
            dpa: true
            dpa_reference: arkiv 2026/14
    """

    code = "ROPA210"
    name = "processor-without-dpa"
    severity = Severity.ERROR
    law = "GDPR Art. 28(3)"
    message = "{role} '{party}' has {state} data-processing agreement"
    fix = "sign a data-processing agreement with the party and set 'dpa: true'"

    def check(self, ctx: Context) -> Iterator[Hit]:
        for loc, party in ctx.parties():
            if party.role in _PROCESSORS and party.dpa is not True:
                state = "no" if party.dpa is False else "no recorded"
                role = party.role.value.replace("_", "-")
                yield self.hit((*loc, "dpa"), party=party.id, role=role, state=state)


class SubProcessorChainUndeclared(Rule):
    """Sub-processors must be traceable to the processor that engaged them.

    Art. 28(2) and 28(4): a processor may engage another processor only with the controller's
    authorisation, and under the same obligations. Record ``engaged_by`` on every
    sub-processor, and on the operator of a system supplied by another processor.

    Failing::

        parties:
          - id: backup
            name: Backup AS
            role: sub_processor
            country: "NO"
            dpa: true
        systems:
          - id: register
            operated_by: backup

    Passing::

        parties:
          - id: backup
            name: Backup AS
            role: sub_processor
            country: "NO"
            dpa: true
            engaged_by: hostco
        systems:
          - id: register
            operated_by: backup
    """

    code = "ROPA211"
    name = "sub-processor-chain-undeclared"
    severity = Severity.WARNING
    law = "GDPR Art. 28(2), 28(4)"
    message = "sub-processor chain not declared: {what}"
    fix = "set 'engaged_by:' on the sub-processor to the processor that engaged it"

    def check(self, ctx: Context) -> Iterator[Hit]:
        for loc, party in ctx.parties():
            if party.role is PartyRole.SUB_PROCESSOR and party.engaged_by_id is None:
                what = f"sub-processor '{party.id}' does not say which processor engaged it"
                yield self.hit((*loc, "role"), what=what)
        for loc, system in ctx.systems():
            vendor, operator = ctx.datamap.vendor_of(system), ctx.datamap.operator_of(system)
            if (
                vendor is None
                or operator is None
                or vendor.id == operator.id
                or vendor.role not in _PROCESSORS
                or operator.role not in _PROCESSORS
                or operator.role is PartyRole.SUB_PROCESSOR
                or vendor.role is PartyRole.SUB_PROCESSOR
            ):
                continue
            if vendor.engaged_by_id != operator.id and operator.engaged_by_id != vendor.id:
                what = (
                    f"system '{system.id}' involves processors '{vendor.id}' and "
                    f"'{operator.id}' with no declared chain between them"
                )
                yield self.hit((*loc, "operated_by"), what=what)


class JointArrangementMissing(Rule):
    """Joint controllers must have an arrangement, and its essence must be available.

    Art. 26(1)-(2): joint controllers determine their respective responsibilities in an
    arrangement, whose essence is made available to the data subject.

    Failing::

        parties:
          - id: hostco
            role: joint_controller

    Passing::

        parties:
          - id: hostco
            role: joint_controller
            privacy_policy: https://hostco.example/privacy
            joint_arrangement:
              nb: Hostco svarer på spørsmål om egen behandling.
              en: Hostco answers questions about its own processing.
    """

    code = "ROPA212"
    name = "joint-arrangement-missing"
    severity = Severity.ERROR
    law = "GDPR Art. 26(1)-(2)"
    message = "joint controller '{party}' has no recorded arrangement"
    fix = "add 'joint_arrangement:' (nb and en) with the essence of the Art. 26 arrangement"

    def check(self, ctx: Context) -> Iterator[Hit]:
        for loc, party in ctx.parties():
            if arrangement_missing(party):
                yield self.hit((*loc, "role"), party=party.id)


class ControllerRecipientUndeclared(Rule):
    """A controller behind a system the activity uses is a recipient and should be declared.

    A processor's system is an extension of our own; a vendor that is itself a controller
    (independent or joint) receives the data for its own purposes. List it under the
    activity's ``recipients`` so the disclosure is deliberate and shown in the notice.

    Failing::

        parties:
          - id: hostco
            role: independent_controller
            privacy_policy: https://hostco.example/privacy

    Passing::

        parties:
          - id: hostco
            role: independent_controller
            privacy_policy: https://hostco.example/privacy
        activities:
          - id: membership
            recipients: [hostco]
    """

    code = "ROPA213"
    name = "controller-recipient-undeclared"
    severity = Severity.WARNING
    law = "GDPR Art. 13(1)(e), 30(1)(d)"
    message = "activity '{activity}' uses system '{system}' of {role} '{party}', which is not a declared recipient"
    fix = "add the party to the activity's 'recipients:', or correct its role if it is a processor"

    def check(self, ctx: Context) -> Iterator[Hit]:
        dm = ctx.datamap
        controllers: dict[int, tuple[Party, ...]] = {}  # by system: its controllers, found once
        # Systems supplied or operated by a controller (an activity that uses none is passed over).
        with_controller = {
            s.id for s in dm.systems if any(p.role in _CONTROLLERS for p in dm.parties_of(s))
        }
        if not with_controller:
            return
        for loc, activity in ctx.activities():
            if with_controller.isdisjoint(activity.system_ids):
                continue
            for index, system in enumerate(dm.systems_of(activity)):
                found = controllers.get(id(system))
                if found is None:
                    found = controllers[id(system)] = tuple(
                        p for p in dm.parties_of(system) if p.role in _CONTROLLERS
                    )
                for party in found:
                    if party.id not in activity.recipient_ids:
                        yield self.hit(
                            (*loc, "systems", index),
                            activity=activity.id,
                            system=system.id,
                            party=party.id,
                            role=party.role.value.replace("_", " "),
                        )


class ControllerWithoutPrivacyPolicy(Rule):
    """People should be able to find the notice of controllers who receive their data.

    For independent and joint controllers the notice can only point people onwards (Art. 14,
    26(2)) if it knows where the other controller's privacy notice is.

    Failing::

        parties:
          - id: hostco
            role: independent_controller
        activities:
          - id: membership
            recipients: [hostco]

    Passing::

        parties:
          - id: hostco
            role: independent_controller
            privacy_policy: https://hostco.example/privacy
        activities:
          - id: membership
            recipients: [hostco]
    """

    code = "ROPA214"
    name = "controller-without-privacy-policy"
    severity = Severity.INFO
    law = "GDPR Art. 13(1)(e), 26(2)"
    message = "{role} '{party}' has no link to its privacy notice"
    fix = "add 'privacy_policy:' with the address of the party's own privacy notice"

    def check(self, ctx: Context) -> Iterator[Hit]:
        for loc, party in ctx.parties():
            if party.role in _CONTROLLERS and party.privacy_policy is None:
                yield self.hit(loc, party=party.id, role=party.role.value.replace("_", " "))


class ClientRoleMismatch(Rule):
    """An activity done on behalf of another organisation names that client as a controller.

    Processing as a processor belongs in the Art. 30(2) record under the controller it is done
    for; the party named in ``on_behalf_of`` should have the role ``client_controller``.

    Failing::

        parties:
          - id: orchestra
            name: Orkesteret AS
            role: processor
            country: "NO"
            dpa: true
        activities:
          - id: membership
            on_behalf_of: orchestra

    Passing::

        parties:
          - id: orchestra
            name: Orkesteret AS
            role: client_controller
            country: "NO"
        activities:
          - id: membership
            on_behalf_of: orchestra
    """

    code = "ROPA215"
    name = "client-role-mismatch"
    severity = Severity.WARNING
    law = "GDPR Art. 28(3), 30(2)(a)"
    message = "activity '{activity}' is done on behalf of '{party}', whose role is {role}, not client controller"
    fix = "set the party's 'role: client_controller', or remove 'on_behalf_of' if we are the controller"

    def check(self, ctx: Context) -> Iterator[Hit]:
        for loc, activity in ctx.processor_activities():  # the others have no client
            client = ctx.datamap.client_of(activity)
            if client is not None and client.role is not PartyRole.CLIENT_CONTROLLER:
                role = client.role.value.replace("_", " ")
                yield self.hit(
                    (*loc, "on_behalf_of"), activity=activity.id, party=client.id, role=role
                )


class ClientContactMissing(Rule):
    """The processor record must give the client controller's contact details.

    Art. 30(2)(a) asks for the name and contact details of each controller on whose behalf we
    process: a contact person, or at least its website or privacy notice.

    Failing::

        parties:
          - id: orchestra
            name: Orkesteret AS
            role: client_controller
            country: "NO"
        activities:
          - id: membership
            on_behalf_of: orchestra

    Passing::

        parties:
          - id: orchestra
            name: Orkesteret AS
            role: client_controller
            country: "NO"
            contact: {name: Kari Nordmann, email: kari@orkesteret.example}
        activities:
          - id: membership
            on_behalf_of: orchestra
    """

    code = "ROPA216"
    name = "client-contact-missing"
    severity = Severity.WARNING
    law = "GDPR Art. 30(2)(a)"
    message = (
        "activity '{activity}' is done for '{party}', whose contact details the map does not give"
    )
    fix = "add 'contact:' (or 'website:' / 'privacy_policy:') to the client party"

    def check(self, ctx: Context) -> Iterator[Hit]:
        for loc, activity in ctx.processor_activities():  # the others have no client
            client = ctx.datamap.client_of(activity)
            if client is not None and not client_reachable(ctx.datamap, activity):
                yield self.hit((*loc, "on_behalf_of"), activity=activity.id, party=client.id)


RULES: tuple[type[Rule], ...] = (
    ProcessorWithoutDpa,
    SubProcessorChainUndeclared,
    JointArrangementMissing,
    ControllerRecipientUndeclared,
    ControllerWithoutPrivacyPolicy,
    ClientRoleMismatch,
    ClientContactMissing,
)
