"""ROPA62x: cookies and similar technologies and their inventory (ekomloven § 3-15)."""

from __future__ import annotations

from collections.abc import Iterator

from ...core.diagnostics import Severity
from ...law.devices import (
    NOT_NECESSARY_PURPOSES,
    consent_needed,
    inventory_missing,
    trackers_without_consent,
)
from ...law.rights import is_direct_marketing
from ...model.legal import TrackerPurpose
from ..rule import Context, Hit, Rule


class CookieWithoutConsent(Rule):
    """A cookie or similar technology that is not strictly necessary needs consent.

    Ekomloven § 3-15 (LOV-2024-12-13-76) allows storing or reading information on a user's
    device only with consent to the GDPR standard, unless it is strictly necessary for a
    service the user has asked for (second paragraph). A cookie, storage key, pixel, SDK or
    e-mail open tracker listed under ``cookies:`` for preferences, statistics or marketing
    must serve an activity that asks for consent (a ``consent`` basis); legitimate interests
    cannot replace it.

    Failing::

        cookies:
          - name: _ga
            domain: .kor.example
            provider: hostco
            purpose: statistics
            lifetime: P13M
            activity: membership

    Passing::

        cookies:
          - name: session
            domain: kor.example
            purpose: strictly_necessary
            lifetime: session
            activity: membership
    """

    code = "ROPA620"
    name = "cookie-without-consent"
    severity = Severity.ERROR
    law = "ekomloven § 3-15 (LOV-2024-12-13-76); GDPR Art. 4(11), 7"
    message = "cookie '{cookie}' ({purpose}) serves activity '{activity}', which does not ask for the consent ekomloven § 3-15 requires"
    fix = "rest the activity (or a part of it under 'legal_bases') on consent asked before the cookie is set, or drop the cookie; only strictly necessary cookies are exempt"

    def check(self, ctx: Context) -> Iterator[Hit]:
        dm = ctx.datamap
        if not dm.cookies:  # no tracker to flag
            return
        flagged = {id(t) for a in dm.controller_activities for t in trackers_without_consent(dm, a)}
        for index, tracker in enumerate(dm.cookies):
            if id(tracker) in flagged:
                yield self.hit(
                    ("cookies", index, "purpose"),
                    cookie=tracker.name,
                    purpose=tracker.purpose.value,
                    activity=tracker.activity_id,
                )


class StrictlyNecessaryDoubtful(Rule):
    """A "strictly necessary" cookie that serves marketing or analytics is probably not.

    The exemption of ekomloven § 3-15 second paragraph covers only what the service the user
    asked for cannot work without (a session, a shopping basket, the consent choice itself).
    A cookie marked ``strictly_necessary`` whose activity is direct marketing, or whose
    provider also supplies statistics or marketing cookies in the inventory, is doubtful:
    check it, and acknowledge the finding if it holds.

    Failing::

        cookies:
          - name: _fbp
            provider: hostco
            purpose: marketing
            activity: membership
          - name: hc_id
            provider: hostco
            purpose: strictly_necessary
            activity: membership
        activities:
          - id: membership
            legal_basis: consent
            consent_withdrawal: {nb: I innstillingene., en: In the settings.}

    Passing::

        cookies:
          - name: hc_id
            provider: hostco
            purpose: strictly_necessary
            activity: membership
    """

    code = "ROPA621"
    name = "strictly-necessary-doubtful"
    severity = Severity.WARNING
    law = "ekomloven § 3-15 second paragraph"
    message = "cookie '{cookie}' is marked strictly necessary, but {why}"
    fix = "mark it for its real purpose (then ask for consent), or acknowledge the finding with why the service cannot work without it"

    def check(self, ctx: Context) -> Iterator[Hit]:
        dm = ctx.datamap
        tracking = {t.provider_id for t in dm.cookies if t.purpose in NOT_NECESSARY_PURPOSES} - {
            None
        }
        for index, tracker in enumerate(dm.cookies):
            if consent_needed(tracker) or tracker.purpose is not TrackerPurpose.STRICTLY_NECESSARY:
                continue
            activity = dm.activity(tracker.activity_id)
            if is_direct_marketing(activity):
                why = f"it serves activity '{activity.id}', which is direct marketing"
            elif tracker.provider_id in tracking:
                why = f"its provider '{tracker.provider_id}' also sets statistics or marketing cookies"
            else:
                continue
            yield self.hit(("cookies", index, "purpose"), cookie=tracker.name, why=why)


class CookieProviderNotRecipient(Rule):
    """The provider of a cookie or similar technology receives data: name it as a recipient.

    A provider whose technology runs on people's devices (an analytics or advertising cookie, a
    pixel, an SDK) receives what it reads there, so it is a recipient of the activity the
    cookie serves (GDPR Art. 4(9), 13(1)(e), 30(1)(d)). The rule fires when a cookie's
    ``provider`` is neither among its activity's ``recipients`` nor the vendor or operator of
    one of its systems, so that the notice and the record name it.

    Failing::

        parties:
          - id: adco
            name: Adco Ltd
            role: independent_controller
            country: IE
        cookies:
          - name: _ad
            provider: adco
            purpose: strictly_necessary
            activity: membership

    Passing::

        parties:
          - id: adco
            name: Adco Ltd
            role: independent_controller
            country: IE
        activities:
          - id: membership
            recipients: [adco]
        cookies:
          - name: _ad
            provider: adco
            purpose: strictly_necessary
            activity: membership
    """

    code = "ROPA622"
    name = "cookie-provider-not-recipient"
    severity = Severity.WARNING
    law = "GDPR Art. 4(9), 13(1)(e), 30(1)(d)"
    message = "cookie '{cookie}' comes from '{provider}', which activity '{activity}' does not name as a recipient"
    fix = "add the provider to the activity's 'recipients' (or to a system it uses as vendor or operator)"

    def check(self, ctx: Context) -> Iterator[Hit]:
        dm = ctx.datamap
        for index, tracker in enumerate(dm.cookies):
            if tracker.provider_id is None:
                continue
            activity = dm.activity(tracker.activity_id)
            if tracker.provider_id not in {p.id for p in dm.all_recipients_of(activity)}:
                yield self.hit(
                    ("cookies", index, "provider"),
                    cookie=tracker.name,
                    provider=tracker.provider_id,
                    activity=activity.id,
                )


class DeviceDataWithoutInventory(Rule):
    """An activity that reads data on people's devices needs its cookies listed.

    Ekomloven § 3-15 (LOV-2024-12-13-76) first paragraph allows storing or reading information
    on a user's device only after clear and comprehensive information on what is stored and
    why. An activity that observes device data (a category with a fideslang ``user.device``
    or DPV device-based key, and an ``observed`` source) but has no cookie, pixel or storage
    key listed under ``cookies:`` leaves the notice unable to say what is stored, by whom, for
    how long and for what purpose. ``harmonien-ropa scan`` lists what a website sets.

    Failing::

        data_categories:
          - id: cookie-id
            name: {nb: informasjonskapsel-ID, en: cookie ID}
            fideslang: user.device.cookie_id
        activities:
          - id: membership
            data_categories: [name, email, cookie-id]
            sources:
              - kind: data_subject
              - kind: observed
            legal_basis: consent
            consent_withdrawal: {nb: I innstillingene., en: In the settings.}

    Passing::

        data_categories:
          - id: cookie-id
            name: {nb: informasjonskapsel-ID, en: cookie ID}
            fideslang: user.device.cookie_id
        activities:
          - id: membership
            data_categories: [name, email, cookie-id]
            sources:
              - kind: data_subject
              - kind: observed
            legal_basis: consent
            consent_withdrawal: {nb: I innstillingene., en: In the settings.}
        cookies:
          - name: _ga
            domain: .kor.example
            purpose: statistics
            lifetime: P13M
            activity: membership
    """

    code = "ROPA623"
    name = "device-data-without-inventory"
    severity = Severity.WARNING
    law = "ekomloven § 3-15 (LOV-2024-12-13-76) first paragraph; GDPR Art. 13(1)(c)"
    message = "activity '{activity}' reads data on people's devices ({categories}), but no cookie or similar technology is listed for it"
    fix = "list each cookie, pixel or storage key under 'cookies:' with its provider, purpose, lifetime and the activity's id ('harmonien-ropa scan' finds what a website sets)"

    def check(self, ctx: Context) -> Iterator[Hit]:
        for loc, activity in ctx.controller_activities():
            found = inventory_missing(ctx.datamap, activity)
            if found:
                yield self.hit(
                    (*loc, "data_categories"),
                    activity=activity.id,
                    categories=", ".join(c.id for c in found),
                )


RULES: tuple[type[Rule], ...] = (
    CookieWithoutConsent,
    StrictlyNecessaryDoubtful,
    CookieProviderNotRecipient,
    DeviceDataWithoutInventory,
)
