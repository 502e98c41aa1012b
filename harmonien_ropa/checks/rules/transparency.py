# Longer than 400 lines: one module per rule group (ROPA4xx in registry.GROUPS); each rule is a class with its examples.
"""ROPA4xx: transparency: what the privacy notice must be able to tell people (Art. 12-14)."""

from __future__ import annotations

import typing
from collections.abc import Iterator
from itertools import chain
from operator import attrgetter

from ...core.diagnostics import Severity
from ...law.provision import REQUIREMENT_BASES, provision, requiring_basis
from ...law.requirements import controller_reachable
from ...law.wording import wrong_statements_in
from ...model import LANGUAGES, Activity
from ..grouping import activities_with
from ..rule import Context, Hit, Loc, Rule, describe


class Art14SourceUndescribed(Rule):
    """Data obtained from others needs its source stated (Art. 14(2)(f)).

    When data does not come from the person, the notice must say where it comes from. Name the
    party or describe the source.

    Failing::

        activities:
          - id: membership
            sources:
              - kind: data_subject
              - kind: third_party

    Passing::

        activities:
          - id: membership
            sources:
              - kind: data_subject
              - kind: third_party
                description: {nb: korforbundet, en: the choir association}
    """

    code = "ROPA401"
    name = "art14-source-undescribed"
    severity = Severity.WARNING
    law = "GDPR Art. 14(2)(f)"
    message = "activity '{activity}' gets data from a {kind} source without saying which"
    fix = "add 'party:' (the id of the source) or 'description:' (nb and en) to the source"

    def check(self, ctx: Context) -> Iterator[Hit]:
        for loc, activity in ctx.controller_activities():
            for index, source in enumerate(activity.sources):
                if (
                    source.kind.is_indirect
                    and source.party_id is None
                    and source.description is None
                ):
                    kind = source.kind.value.replace("_", " ")
                    yield self.hit((*loc, "sources", index), activity=activity.id, kind=kind)


class SourcesMissing(Rule):
    """Each activity should say where its data comes from.

    Whether data comes from the person (Art. 13) or from others (Art. 14) decides what the
    notice must say and when; the record template also asks for the source.

    Failing::

        activities:
          - id: membership
            sources: []

    Passing::

        activities:
          - id: membership
            sources:
              - kind: data_subject
    """

    code = "ROPA402"
    name = "sources-missing"
    severity = Severity.WARNING
    law = "GDPR Art. 13, 14(2)(f)"
    message = "activity '{activity}' does not say where its data comes from"
    fix = "add 'sources:' with at least one entry (kind: data_subject, observed, third_party or public_source)"

    def check(self, ctx: Context) -> Iterator[Hit]:
        for loc, activity in ctx.controller_activities():
            if not activity.sources:
                yield self.hit(loc, activity=activity.id)


class MissingTranslation(Rule):
    """Every text must be given in every language of the notice.

    The notice is published in each language of ``organisation.languages`` (by default
    Norwegian bokmål and English); a text missing in one of them would be shown in another.
    Art. 12(1) asks for clear and plain language the reader understands. A language the
    organisation does not publish in is never asked for.

    Failing::

        organisation:
          contacts:
            - name: Kari Nordmann
              role: {nb: daglig leder}
              email: kari@kor.example

    Passing::

        organisation:
          contacts:
            - name: Kari Nordmann
              role: {nb: daglig leder, en: general manager}
              email: kari@kor.example
    """

    code = "ROPA403"
    name = "missing-translation"
    severity = Severity.WARNING
    law = "GDPR Art. 12(1); WP260 rev.01 § 13"
    message = "{where} has no {languages} text"
    fix = "add the missing language(s) next to the existing one"

    def check(self, ctx: Context) -> Iterator[Hit]:
        languages = ctx.datamap.languages
        values = attrgetter(*languages)  # a text's values in the languages, read at once
        several = len(languages) > 1
        # The texts read without their places; the places made only if one lacks a language.
        for text in ctx.text_values():
            found = values(text)
            if found is None or (several and None in found):
                break
        else:
            return
        for loc, text in ctx.texts():
            found = values(text)
            if found is None or (len(languages) > 1 and None in found):
                missing = text.missing_languages(languages)
                yield self.hit(loc, where=describe(ctx.datamap, loc), languages="/".join(missing))


class ProvisionMissing(Rule):
    """The notice must say whether people have to give the data, and what happens if not.

    For data collected from the person under a contract or a legal obligation, Art. 13(2)(e)
    requires stating that providing it is a requirement and the consequences of not doing so.

    Failing::

        activities:
          - id: membership
            provision: null

    Passing::

        activities:
          - id: membership
            provision:
              nb: Uten navn og e-post kan vi ikke ha deg som medlem.
              en: Without your name and e-mail we cannot have you as a member.
    """

    code = "ROPA404"
    name = "provision-missing"
    severity = Severity.WARNING
    law = "GDPR Art. 13(2)(e)"
    message = "activity '{activity}' relies on {basis} but does not say whether giving the data is required"
    fix = (
        "add 'provision:' (nb and en): whether the data must be given and what happens if it is not"
    )

    def check(self, ctx: Context) -> Iterator[Hit]:
        # Only an activity with a basis that may require the data can have it to state.
        for loc, activity in activities_with(ctx, *REQUIREMENT_BASES):
            basis = requiring_basis(activity)
            if basis is not None and provision(activity) == "to_state":
                yield self.hit((*loc, *basis.at("basis")), activity=activity.id, basis=basis.basis)


class AutomatedDecisionsUnexplained(Rule):
    """Automated decisions with legal or similar effect must be explained in the notice.

    Art. 13(2)(f) and 14(2)(g) require saying that such decisions exist and giving meaningful
    information about the logic, significance and consequences. The notice states this in
    ``notice.automated_decisions`` and ``notice.automated_decisions_logic``; an activity that
    makes such decisions while the notice says there are none cannot be shown correctly.

    Failing::

        activities:
          - id: membership
            automated_decisions: true

    Passing::

        notice:
          automated_decisions: true
          automated_decisions_logic:
            nb: Søknader sorteres automatisk etter stemmegruppe og ansiennitet.
            en: Applications are sorted automatically by voice part and seniority.
        activities:
          - id: membership
            automated_decisions: true
    """

    code = "ROPA405"
    name = "automated-decisions-unexplained"
    severity = Severity.ERROR
    law = "GDPR Art. 13(2)(f), 14(2)(g), 22"
    message = "automated decisions not explained: {what}"
    fix = "set 'notice.automated_decisions: true' and describe the logic in 'automated_decisions_logic'"

    def check(self, ctx: Context) -> Iterator[Hit]:
        notice = ctx.datamap.notice
        for loc, activity in ctx.controller_activities_giving("automated_decisions"):
            if not notice.automated_decisions:
                what = (
                    f"activity '{activity.id}' makes automated decisions, "
                    "but the notice says there are none"
                )
                yield self.hit((*loc, "automated_decisions"), what=what)
        if notice.automated_decisions and notice.automated_decisions_logic is None:
            what = "the notice declares automated decisions without explaining the logic"
            yield self.hit(("notice", "automated_decisions"), what=what)


class LeftOutOfNotice(Rule):
    """An activity left out of the public notice still needs its people informed.

    ``in_notice: false`` is right for activities whose people get information another way
    (e.g. an employee handbook). Acknowledge the finding with where that information is.

    Failing::

        activities:
          - id: membership
            in_notice: false

    Passing::

        activities:
          - id: membership
            in_notice: true
    """

    code = "ROPA406"
    name = "left-out-of-notice"
    severity = Severity.INFO
    law = "GDPR Art. 12(1), 13, 14"
    message = (
        "activity '{activity}' is left out of the notice; say how its data subjects are informed"
    )
    fix = "acknowledge this finding with where the people are informed, or set 'in_notice: true'"

    def check(self, ctx: Context) -> Iterator[Hit]:
        for loc, activity in ctx.controller_activities():
            if not activity.in_notice and not activity.is_processor_activity:
                yield self.hit((*loc, "in_notice"), activity=activity.id)


class PrivacyContactMissing(Rule):
    """People need an address for privacy requests.

    Art. 13(1)(a) requires the controller's contact details, and Art. 12(2) that exercising
    rights is made easy. Give a ``privacy_contact`` (or at least an e-mail or phone); a contact
    person with an e-mail address or phone number also gives people a way to reach us.

    Failing::

        organisation:
          email: null
          privacy_contact: null
          contacts: []

    Passing::

        organisation:
          privacy_contact: personvern@kor.example
    """

    code = "ROPA407"
    name = "privacy-contact-missing"
    severity = Severity.WARNING
    law = "GDPR Art. 12(2), 13(1)(a)"
    message = "the organisation gives no address for privacy requests"
    fix = "add 'privacy_contact:' (an e-mail address) to 'organisation'"

    def check(self, ctx: Context) -> Iterator[Hit]:
        if not controller_reachable(ctx.datamap):
            yield self.hit(("organisation", "privacy_contact"), key=True)


class ContactUnreachable(Rule):
    """A contact person the notice names must be reachable.

    A name without an e-mail address or phone number does not help anyone exercise their
    rights (Art. 12(2), 13(1)(a)).

    Failing::

        organisation:
          contacts:
            - name: Kari Nordmann

    Passing::

        organisation:
          contacts:
            - name: Kari Nordmann
              email: kari@kor.example
    """

    code = "ROPA408"
    name = "contact-unreachable"
    severity = Severity.WARNING
    law = "GDPR Art. 12(2), 13(1)(a)"
    message = "contact '{contact}' has neither an e-mail address nor a phone number"
    fix = "add 'email:' or 'phone:' to the contact"

    def check(self, ctx: Context) -> Iterator[Hit]:
        org = ctx.datamap.organisation
        for index, contact in enumerate(org.contacts):
            if contact.email is None and contact.phone is None:
                yield self.hit(("organisation", "contacts", index), contact=contact.name)
        rep = org.representative
        if rep is not None and rep.email is None and rep.phone is None:
            yield self.hit(("organisation", "representative"), contact=rep.name)


#: Notice-relevant fields (GDPR Art. 13/14, 26(2)) by the kind of entry that holds them.
NOTICE_FIELDS: dict[str, tuple[str, ...]] = {
    "organisation": ("representative",),
    "notice": ("automated_decisions_logic",),
    "activity": (
        "description",
        "legal_source",
        "art9_condition",
        "legitimate_interest",
        "consent_withdrawal",
        "provision",
    ),
    "transfer": ("safeguards", "safeguards_copy"),
    "party": ("joint_arrangement", "privacy_policy", "transfer_safeguards", "safeguards_copy"),
}


class NoticeCannotShow(Rule):
    """A notice-relevant item the notice has no place for would silently go missing.

    The rule builds the notice's view (``harmonien_ropa.notice.view``: every statement of the
    notice, before any layout) and asks it, field by field, whether it shows the item. A field
    the law wants in the notice (e.g. the Art. 27 representative, the Art. 49 safeguards of a
    transfer, the essence of a joint arrangement) that is filled in the map but not shown is
    reported, unless the law does not ask for it there (a copy of the safeguards where none is
    owed, the logic of automated decisions where there are none).

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
                safeguards: {nb: Kryptert før overføring., en: Encrypted before transfer.}
                safeguards_copy: {nb: Be oss om en kopi., en: Ask us for a copy.}

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

    code = "ROPA409"
    name = "notice-cannot-show"
    severity = Severity.WARNING
    law = "GDPR Art. 12(1), 13, 14, 26(2)"
    message = "{owner} gives '{field}', but the notice has no place for it"
    fix = "show the field in the notice's view (harmonien_ropa/notice/view.py), or say it in a field the notice shows"

    def check(self, ctx: Context) -> Iterator[Hit]:
        from ...notice.view import accounted  # the notice's sections, only when this rule runs

        dm = ctx.datamap
        accounted_for = accounted(dm, dm.languages[0]).fields  # (id(entry), field): accounts_for
        # Each place with the fields the law wants in the notice from an entry of its kind.
        places: list[tuple[Loc, tuple[str, ...], object]] = [
            (("organisation",), NOTICE_FIELDS["organisation"], dm.organisation),
            (("notice",), NOTICE_FIELDS["notice"], dm.notice),
        ]
        activity_fields, transfer_fields = NOTICE_FIELDS["activity"], NOTICE_FIELDS["transfer"]
        shown: list[Activity] = []
        for loc, activity in ctx.controller_activities():
            if not activity.in_notice:
                continue
            shown.append(activity)
            places.append((loc, activity_fields, activity))
            for index, transfer in enumerate(activity.transfers):
                places.append(((*loc, "transfers", index), transfer_fields, transfer))
        recipients = dm.recipient_ids_of(shown)
        party_fields = NOTICE_FIELDS["party"]
        places.extend(
            (loc, party_fields, party) for loc, party in ctx.parties() if party.id in recipients
        )
        for loc, fields, entry in places:
            ident = id(entry)
            for field in fields:
                value = getattr(entry, field, None)
                # Not given: None, or an empty text or list (a model is never empty, and is not
                # compared with one: that would call its __eq__ twice per field).
                if value is None or (isinstance(value, (str, tuple)) and not value):
                    continue
                if (ident, field) not in accounted_for:
                    yield self.hit((*loc, field), owner=describe(ctx.datamap, loc), field=field)


class WrongInLaw(Rule):
    """A text of the map says something the law contradicts.

    Maps are often written from an earlier privacy notice, and some of its sentences are wrong
    in law: the right of access "including the security measures" (Art. 15 gives no such
    right), a disclosure "when there is a special need" (open-ended: each disclosure needs a
    basis and named recipients), a hashed customer list described as encrypted or used "only
    for groups" (the platform matches individuals; it is personal data). The statements are
    listed in ``harmonien_ropa.law.wording`` and recognised in bokmål, nynorsk and English. Keep an earlier document's wording under
    ``seed_texts:`` with its origin (it is never published, and is reported here so that no one
    copies it back), and state the fact correctly where the notice shows it.

    Failing::

        activities:
          - id: membership
            purpose:
              nb: Vi utleverer ikke navn med mindre det er særskilt behov for det.
              en: We do not disclose names unless there is a special need.

    Passing::

        activities:
          - id: membership
            purpose:
              nb: Vi utleverer bare navn til mottakerne som er nevnt her, eller når loven krever det.
              en: We disclose names only to the recipients named here, or where the law requires it.
    """

    code = "ROPA410"
    name = "wrong-in-law"
    severity = Severity.WARNING
    law = "GDPR Art. 5(1)(a), 12(1)"
    message = (
        "{owner} ({lang}) says what the law contradicts: {wrong} ({article}); instead, {remedy}"
    )
    fix = "state the fact as the law has it where the notice shows it; keep an earlier document's wording only under 'seed_texts:', with its origin"

    def check(self, ctx: Context) -> Iterator[Hit]:
        values = attrgetter(*LANGUAGES)  # a text's values in every language, read at once
        distinct = set(chain.from_iterable(map(values, ctx.text_values())))
        distinct.discard(None)
        # Each distinct value searched once, all of them together (law.wording.wrong_statements_in);
        # the texts' places made only if one holds a wrong statement.
        found = wrong_statements_in(typing.cast(set[str], distinct))
        if not found:
            return
        for loc, text in ctx.texts():
            for lang, value in zip(LANGUAGES, values(text), strict=True):
                for wrong in found.get(value, ()) if value else ():
                    yield self.hit(
                        (*loc, lang),
                        owner=describe(ctx.datamap, loc),
                        lang=lang,
                        wrong=wrong.wrong,
                        article=wrong.law,
                        remedy=wrong.fix,
                    )


RULES: tuple[type[Rule], ...] = (
    Art14SourceUndescribed,
    SourcesMissing,
    MissingTranslation,
    ProvisionMissing,
    AutomatedDecisionsUnexplained,
    LeftOutOfNotice,
    PrivacyContactMissing,
    ContactUnreachable,
    NoticeCannotShow,
    WrongInLaw,
)
