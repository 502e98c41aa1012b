# Longer than 400 lines: one builder: every section records the fields it shows and the marks it makes in one state (ROPA409).
"""The privacy notice as one typed view per language: sections of facts, no layout.

:func:`build` draws every statement of the notice (GDPR Art. 13 and 14) from the data map and
the law layer, once per language, and makes every choice the notice makes: which sentence says
a fact (the legal basis with or without the law behind it, whether a DPO is appointed, whether a
flow is our transfer or a recipient's own onward transfer, whether a copy of the safeguards is
owed, how far erasure goes), the values it is filled with, and the assumptions still open behind
it. The HTML and Markdown layouts (:mod:`harmonien_ropa.outputs.notice_pages`) only arrange the view.

The values it is made of are in :mod:`harmonien_ropa.notice.facts`.

The view also knows which fields of the map it shows (:meth:`NoticeView.shows`), so that a
check can tell when a field the law wants in the notice would go missing (ROPA409).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum
from typing import ClassVar

from ..law import consent as consent_law
from ..law import joint as joint_law
from ..law import provision as provision_law
from ..law import rights as rights_law
from ..law import transfers as transfers_law
from ..law import uses as uses_law
from ..law.countries import country_in_text, country_name, is_eea
from ..law.devices import consent_needed, device_categories, trackers_of
from ..law.terms import Right, Statute, cite, split_stop
from ..law.terms import label as term_label
from ..model.activity import Activity, Retention, Transfer
from ..model.base import LANGUAGES, Statement, Text, in_language
from ..model.bases import Basis
from ..model.datamap import DataMap
from ..model.inventory import Party, System
from ..model.legal import LegalBasis, RetentionKind
from ..model.organisation import Contact
from ..model.words import ORG_NUMBER_UNKNOWN_NOTE
from .facts import (
    ActivityView,
    Category,
    ContactLine,
    Controller,
    CookieLine,
    Date,
    Dpo,
    Fact,
    Link,
    Localized,
    Mail,
    Mark,
    MarketingLine,
    Marks,
    NoticeView,
    Recipient,
    RecipientRef,
    Ref,
    Representative,
    RightView,
    SecuritySystem,
    Sentence,
    SourceLine,
    SystemLine,
    Term,
    Transfers,
    TransferView,
    Value,
)

#: The note behind the mark of an activity that reads people's devices without resting on consent.
DEVICE_CONSENT_NOTE = (
    "Not known yet: the activity stores or reads data on people's devices (cookies or similar) "
    "without resting on consent; ekomloven § 3-15 requires consent unless that is strictly "
    "necessary for a service the person asked for. Confirm how consent is asked for, or why it "
    "is strictly necessary."
)
#: An ISO 8601 duration of years, months, weeks and days (as the model accepts it).
_DURATION = re.compile(r"P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?")
#: The note behind the mark of a system whose hosting the map does not give.
HOSTING_UNKNOWN_NOTE = (
    "Not known yet: the map does not say where this system stores the data "
    "(hosting_countries), so whether data leaves the EEA is not established."
)

#: The note behind the mark of a retention "until consent is withdrawn" on an activity that does
#: not rest on consent.
RETENTION_WITHOUT_CONSENT_NOTE = (
    "Not settled: the data is kept 'until consent is withdrawn', but the activity does not rest "
    "on consent; state when the data is erased (a period or an event, or until the person "
    "objects)."
)


def places(datamap: DataMap) -> dict[int, str]:
    """Each statement's place in the map as a readable path, e.g. ``activities.prospects``."""
    found: dict[int, str] = {}
    for loc, statement in datamap.statements():
        parts: list[str] = []
        for index, part in enumerate(loc):
            if isinstance(part, int):
                entries = getattr(datamap, str(loc[0]), ()) if index == 1 else ()
                ident = getattr(entries[part], "id", None) if index == 1 else None
                parts.append(ident if isinstance(ident, str) else f"[{part}]")
            else:
                parts.append(part)
        found[id(statement)] = ".".join(parts).replace(".[", "[")
    return found


def build(datamap: DataMap, lang: str, place_names: dict[int, str] | None = None) -> NoticeView:
    """The notice of ``datamap`` in ``lang``; ``place_names`` (from :func:`places`) may be
    shared between languages."""
    names = places(datamap) if place_names is None else place_names
    return _Builder(datamap, lang, names).view()


@dataclass(frozen=True, slots=True)
class Accounted:
    """Which fields of the map the notice shows or leaves out as the law allows, as
    :attr:`NoticeView.shown` and :attr:`NoticeView.waived` have them for the fields the law wants
    in the notice (those ROPA409 asks about), without the rest of the view."""

    shown: frozenset[tuple[int, str]]
    waived: frozenset[tuple[int, str]]
    #: Both: ``(id(entry), name)`` of every field shown or waived (what :meth:`accounts_for`
    #: reads; a rule asking about thousands of fields may look them up here).
    fields: frozenset[tuple[int, str]]

    def accounts_for(self, entry: object, name: str) -> bool:
        """As :meth:`NoticeView.accounts_for`, for a field the law wants in the notice."""
        return (id(entry), name) in self.fields


def accounted(datamap: DataMap, lang: str) -> Accounted:
    """What the notice in ``lang`` shows of the fields the law wants in it (the controller's
    representative, an activity's description, law, Art. 9 condition, interest, withdrawal and
    provision, the recipients' arrangements and policies, the transfers' copies of the
    safeguards, the logic of automated decisions), found by the sections of :func:`build` that
    show them, each called as :meth:`_Builder.view`, :meth:`_Builder.activity` and
    :meth:`_Builder.rights` call it; the other sections (rights, retention, systems, sources,
    cookies, marketing) are not built, and the values they are filled with are not made
    (:class:`_Accountant`)."""
    builder = _Accountant(datamap, lang, {})
    activities = rights_law.notice_activities(datamap)
    builder.controller()
    for a in activities:
        builder.fact(a, "description")
        builder.legal_basis(a)
        builder.art9(a)
        if a.legal_bases:
            for b in a.bases:
                builder.basis_part(b)
        else:
            builder.fact(a, "legitimate_interest")
        builder.withdrawal(a)
        builder.provision(a)
    builder.recipients(activities)
    builder.transfer_rows(activities)  # what the rest of the transfers section shows is no field
    builder.automated_decisions(rights_law.has_automated_decisions(datamap, activities))
    return Accounted(
        frozenset(builder.shown),
        frozenset(builder.waived),
        frozenset(builder.shown | builder.waived),
    )


#: Why the notice's answer to "do you have to give the data?" is provisional under a contract or
#: a legal obligation while the map does not say it.
PROVISION_OPEN_NOTE = (
    "Not stated: whether giving the data is a statutory or contractual requirement, whether the "
    "person must give it, and what happens if they do not (GDPR Art. 13(2)(e)); add 'provision:'."
)


class _Builder:
    """Builds one view; remembers the fields it shows, the marks it made and the fallbacks."""

    #: The facts and sentences of the sections every activity has, made through the builder
    #: (the classes themselves here) so that an :class:`_Accountant` makes none of them.
    new_fact: ClassVar[Callable[..., Fact]] = Fact
    new_sentence: ClassVar[Callable[..., Sentence]] = Sentence

    def __init__(self, datamap: DataMap, lang: str, place_names: dict[int, str]) -> None:
        self.datamap = datamap
        self.lang = lang
        self.places = place_names
        self.shown: set[tuple[int, str]] = set()
        self.waived: set[tuple[int, str]] = set()
        self.untranslated: set[str] = set()
        self.open_marks: dict[tuple[int, str], Mark] = {}
        self.labels: dict[Enum, str] = {}
        #: A term with its citation (:meth:`term_values`), made once per view: the same few
        #: bases and Art. 9 conditions are stated for every activity.
        self.term_values_made: dict[Enum, tuple[tuple[str, Value], tuple[str, Value]]] = {}
        #: Made once per view, by id() of the map's entry (kept with it, so that the id stays
        #: its own): a text in the view's language, a system as an activity lists it.
        self.localized: dict[int, tuple[Text, Localized]] = {}
        self.system_lines: dict[int, tuple[System, SystemLine]] = {}

    # -- values -----------------------------------------------------------------------------

    def take(self, entry: object, name: str) -> None:
        """Record that the notice shows the field ``name`` of ``entry``."""
        self.shown.add((id(entry), name))

    def waive(self, entry: object, name: str) -> None:
        """Record that the notice leaves the field out because the law does not ask for it."""
        self.waived.add((id(entry), name))

    def t(self, text: Text) -> Localized:
        found = self.localized.get(id(text))
        if found is not None and found[0] is text:
            return found[1]
        localized = self._localize(text)
        self.localized[id(text)] = (text, localized)
        return localized

    def _localize(self, text: Text) -> Localized:
        value = text.get(self.lang)
        if getattr(text, self.lang) is not None:
            return Localized(value)
        self.untranslated.add(value)
        other = next(code for code in LANGUAGES if getattr(text, code) == value)
        return Localized(value, other)

    def name(self, value: str | Text) -> str | Localized:
        """A name of the map (plain, or translated) in the notice's language."""
        return value if isinstance(value, str) else self.t(value)

    def field(self, entry: object, name: str) -> Localized | None:
        """The map text ``entry.name`` in the notice's language, recorded as shown."""
        text = getattr(entry, name)
        if text is None:
            return None
        self.take(entry, name)
        return self.t(text)

    def term_values(self, term: Enum) -> tuple[tuple[str, Value], tuple[str, Value]]:
        """The values of a sentence stating ``term`` with its article: its label and citation."""
        found = self.term_values_made.get(term)
        if found is None:
            found = self.term_values_made[term] = (
                ("basis", self.label(term)),
                ("article", cite(term, self.lang)),
            )
        return found

    def label(self, term: Enum) -> str:
        if term not in self.labels:
            self.labels[term] = term_label(term, self.lang)
        return self.labels[term]

    def country(self, code: str) -> str:
        """The country's name standing alone (a table cell, an address)."""
        return country_name(code, self.lang)

    def country_in_text(self, code: str) -> str:
        """The country's name inside a sentence ("in the United States")."""
        return country_in_text(code, self.lang)

    def marks(self, entry: Statement | None, *names: str, unknown: str | None = None) -> Marks:
        """One group of marks: the assumed fields among ``names`` of ``entry`` (with
        ``unknown``, each of ``names`` as a value not known yet, ``unknown`` the note)."""
        if entry is None or not (entry.assumptions or unknown):
            return ()
        group = []
        for name in names:
            if unknown is None and not entry.is_assumed(name):
                continue
            place = self.places.get(id(entry))
            where = f"{place}.{name}" if place else name
            note = unknown if unknown is not None else entry.assumptions[name]
            mark = Mark((id(entry), name), where, note)
            self.open_marks.setdefault(mark.key, mark)
            group.append(mark)
        return (tuple(group),) if group else ()

    def fact(self, entry: Statement, name: str, *marks: Marks) -> Fact | None:
        # As field() and marks() make it, without their calls where nothing is shown or marked
        # (each section asks for several facts of every activity).
        text = getattr(entry, name)
        if text is None:
            return None
        self.shown.add((id(entry), name))
        value = self.t(text)
        own = self.marks(entry, name) if entry.assumptions else ()
        return self.new_fact(value, own + sum(marks, ()) if marks else own)

    # -- sections ---------------------------------------------------------------------------

    def view(self) -> NoticeView:
        dm = self.datamap
        notice = dm.notice
        activities = rights_law.notice_activities(dm)
        version = Sentence(
            "version_line", (("version", notice.version), ("date", Date(notice.effective_date)))
        )
        self.take(notice, "version")
        self.take(notice, "effective_date")
        head = Fact(version, self.marks(notice, "version", "effective_date"))
        introduction = self.fact(notice, "introduction")
        controller = self.controller()
        categories, national_id = self.categories(activities)
        activity_views = tuple(self.activity(a) for a in activities)
        cookies = self.cookies(activities)
        recipients = self.recipients(activities)
        no_other = (
            Fact(Sentence("no_other_recipients"), self.marks(notice, "no_other_recipients"))
            if notice.no_other_recipients
            else None
        )
        transfers = self.transfers(activities)
        marketing = self.marketing(activities)
        summary = self.fact(notice, "security_summary")
        systems = self.security(activities)
        erasure = self.fact(notice, "erasure_routine")
        org = dm.organisation
        request_email = org.privacy_contact or org.email
        rights_intro = (
            Sentence(
                "rights_intro", (("name", self.name(org.name)), ("email", Mail(request_email)))
            )
            if request_email
            else Sentence("rights_intro_no_email", (("name", self.name(org.name)),))
        )
        rights = self.rights(activities)
        joint = tuple(p.name for p in rights_law.joint_controllers(self.datamap, activities))
        contacts = self.contacts()
        published = None
        if notice.url:
            self.take(notice, "url")
            published = Sentence("published_at", (("url", Link(notice.url)),))
        footer = Fact(version, self.marks(notice, "url"))
        return NoticeView(
            lang=self.lang,
            org_name=in_language(org.name, self.lang),
            version=head,
            footer=footer,
            published=published,
            introduction=introduction,
            controller=controller,
            categories_intro=Sentence("categories_intro", (("name", self.name(org.name)),)),
            categories=categories,
            national_id=national_id,
            activities=activity_views,
            recipients=recipients,
            no_other_recipients=no_other,
            transfers=transfers,
            marketing=marketing,
            security_summary=summary,
            systems=systems,
            erasure_routine=erasure,
            rights_intro=rights_intro,
            rights=rights,
            joint=joint,
            contact_intro=Sentence("contact_intro", (("name", self.name(org.name)),)),
            contacts=contacts,
            open_marks=tuple(self.open_marks.values()),
            untranslated=frozenset(self.untranslated),
            shown=frozenset(self.shown),
            waived=frozenset(self.waived),
            cookies=cookies,
            cookies_intro=(
                Sentence("cookies_intro", (("article", cite(Statute.COOKIES, self.lang)),))
                if cookies
                else None
            ),
        )

    def controller_intro(self) -> Fact:
        """Who the controller is, with its organisation number, or that number as not known."""
        org = self.datamap.organisation
        if org.org_number is None:
            return Fact(
                Sentence("controller_intro_no_number", (("name", self.name(org.name)),)),
                self.marks(org, "name")
                + self.marks(org, "org_number", unknown=ORG_NUMBER_UNKNOWN_NOTE),
            )
        self.take(org, "org_number")
        return Fact(
            Sentence(
                "controller_intro", (("name", self.name(org.name)), ("number", org.org_number))
            ),
            self.marks(org, "name", "org_number"),
        )

    def controller(self) -> Controller:
        org = self.datamap.organisation
        legal_form = self.fact(org, "legal_form")
        address = country = None
        if org.address:
            self.take(org, "address")
            address = Fact(org.address.one_line(), self.marks(org, "address"))
            if org.address.country != "NO":
                country = self.country(org.address.country)
        website = None
        if org.website:
            self.take(org, "website")
            website = Fact(Link(org.website), self.marks(org, "website"))
        privacy = None
        if org.privacy_contact:
            self.take(org, "privacy_contact")
            privacy = Fact(Mail(org.privacy_contact), self.marks(org, "privacy_contact"))
        dpo = org.dpo
        if dpo and dpo.appointed:
            self.take(dpo, "appointed")
            dpo_view = Dpo(
                Sentence("dpo_appointed", (("name", dpo.name or ""),)),
                dpo.email or None,
                dpo.phone or None,
                None,
                self.marks(org, "dpo") + self.marks(dpo, "appointed"),
            )
        else:
            reason = self.field(dpo, "reason") if dpo else None
            marks = self.marks(org, "dpo") + self.marks(dpo, "appointed")
            dpo_view = Dpo(Sentence("dpo_none"), None, None, reason, marks)
        representative = None
        if org.representative:
            rep = org.representative
            self.take(org, "representative")
            role = self.field(rep, "role")
            representative = Representative(
                rep.name,
                role,
                rep.email or None,
                rep.phone or None,
                self.marks(org, "representative") + self.marks(rep, "name", "email", "phone"),
            )
        represented_by = None
        if org.represented_by:
            signatory = org.represented_by
            self.take(org, "represented_by")
            role = self.field(signatory, "role")
            assert role is not None  # a required field
            value: Value = (
                Sentence("represented_by_named", (("role", role), ("name", signatory.name)))
                if signatory.name
                else role
            )
            represented_by = Fact(
                value, self.marks(org, "represented_by") + self.marks(signatory, "role", "name")
            )
        return Controller(
            intro=self.controller_intro(),
            legal_form=legal_form,
            address=address,
            address_country=country,
            website=website,
            privacy_contact=privacy,
            dpo=dpo_view,
            representative=representative,
            represented_by=represented_by,
        )

    def categories(
        self, activities: tuple[Activity, ...]
    ) -> tuple[tuple[Category, ...], tuple[Fact, ...]]:
        used = {c for a in activities for c in a.data_category_ids}
        shown = tuple(c for c in self.datamap.data_categories if c.id in used)
        categories = tuple(
            Category(
                self.t(c.name),
                bool(c.special_category),
                self.marks(c, "name"),
                self.field(c, "description"),
            )
            for c in shown
        )
        notes = []
        for c in shown:
            if c.national_id and c.justification:
                justification = self.field(c, "justification")
                assert justification is not None
                notes.append(Fact(justification, self.marks(c, "justification")))
        return categories, tuple(notes)

    def activity(self, a: Activity) -> ActivityView:
        self.take(a, "name")
        self.take(a, "purpose")
        purpose = Fact(self.t(a.purpose), self.marks(a, "purpose"))
        description = self.fact(a, "description")
        subjects = tuple(self.t(d.name) for d in self.datamap.subjects_of(a))
        subjects_marks = self.marks(a, "data_subjects")
        categories = tuple(self.t(c.name) for c in self.datamap.categories_of(a))
        categories_marks = self.marks(a, "data_categories")
        recipients = self.datamap.all_recipients_of(a)
        rights = rights_law.rights_of(self.datamap, a)
        return ActivityView(
            id=a.id,
            name=self.t(a.name),
            purpose=purpose,
            description=description,
            subjects=subjects,
            subjects_marks=subjects_marks,
            categories=categories,
            categories_marks=categories_marks,
            legal_basis=self.legal_basis(a),
            art9=self.art9(a),
            device_consent=self.device_consent(a),
            legitimate_interest=None if a.legal_bases else self.fact(a, "legitimate_interest"),
            consent_withdrawal=self.withdrawal(a),
            sources=self.sources(a),
            sources_marks=self.marks(a, "sources") if a.sources else (),
            provision=self.provision(a),
            retention=self.retention(a),
            category_retention=self.category_retention(a),
            systems=self.activity_systems(a),
            systems_marks=self.marks(a, "systems") if self.datamap.systems_of(a) else (),
            recipients=self.activity_recipients(a, recipients),
            recipients_marks=self.marks(a, "recipients") if recipients else (),
            no_recipients=self.no_recipients(a, recipients),
            transfers=self.activity_transfers(a),
            marketing=tuple(self.label(m) for m in a.marketing),
            marketing_marks=self.marks(a, "marketing") if a.marketing else (),
            profiling=Sentence("profiling_text") if a.profiling else None,
            no_automated_decision=(
                Fact(
                    Sentence("no_automated_decision"),
                    self.marks(self.datamap.notice, "automated_decisions"),
                )
                if a.profiling and not a.automated_decisions
                else None
            ),
            rights=tuple(str(r) for r in rights),
            right_notes=self.right_notes(a, rights),
            rights_limits=self.rights_limits(a, rights),
            legal_bases=tuple(self.basis_part(b) for b in a.bases) if a.legal_bases else (),
            children=self.children(a),
        )

    def right_notes(self, a: Activity, rights: tuple[Right, ...]) -> tuple[tuple[str, Value], ...]:
        """For the activity's own list of ``rights``: the parts a right holds for when it holds
        for only some of them, and the limit on erasure (the law layer decides both)."""
        notes: list[tuple[str, Value]] = []
        for right in rights:
            parts = rights_law.right_parts(a, right)
            if parts:
                names = [self.t(b.covers).text for b in parts if b.covers is not None]
                if names:
                    notes.append((str(right), ", ".join(names)))
            elif right is Right.ERASURE:
                limit = rights_law.erasure_limit(a)
                if limit is not None:
                    why = cite(limit, self.lang)
                    notes.append((str(right), Sentence("right_limited", (("why", why),))))
        return tuple(notes)

    def rights_limits(self, a: Activity, held: tuple[Right, ...]) -> tuple[Fact, ...]:
        """Data kept permanently for archiving in the public interest: which of the activity's
        rights the derogations may limit, with their provisions, once per retention rule;
        provisional while the rule lacks what the derogations presuppose (the Art. 89(1)
        safeguards, the statute requiring the archive). ``held``: the activity's rights."""
        archived = rights_law.archive_retentions(a)
        if not archived:
            return ()
        limited = [self.label(r) for r in held if r in rights_law.ARCHIVE_LIMITED_RIGHTS]
        if not limited:
            return ()
        rights: Value = limited[-1]
        if len(limited) > 1:
            rights = Sentence(
                "duration_and", (("first", ", ".join(limited[:-1])), ("rest", rights))
            )
        sentence = Sentence(
            "rights_limited_archive",
            (("rights", rights), ("article", cite(Statute.ARCHIVE_DEROGATIONS, self.lang))),
        )
        facts = []
        for kept in archived:
            value: Value = sentence
            ids = getattr(kept, "category_ids", ())
            if ids:
                names = ", ".join(self.t(self.datamap.data_category(c).name).text for c in ids)
                value = Sentence(
                    "retention_for_categories", (("categories", names), ("rule", value))
                )
            gaps = uses_law.archive_gaps(kept)
            marks = self.marks(kept, *gaps, unknown=rights_law.ARCHIVE_OPEN_NOTE) if gaps else ()
            facts.append(Fact(value, marks))
        return tuple(facts)

    def legal_basis(self, a: Activity) -> Fact:
        if a.legal_bases:
            return self.basis_part(a.bases[0])
        self.take(a, "legal_basis")
        basis = self.basis_sentence(a.bases[0])
        sentence = basis or self.new_sentence("legal_basis_missing")
        return self.new_fact(sentence, self.marks(a, "legal_basis", "legal_source"))

    def basis_sentence(self, b: Basis) -> Sentence | None:
        """The basis, its article and the law behind it; ``None`` when none is stated."""
        if b.basis is None:
            return None
        basis = self.term_values(b.basis)
        if b.law:
            self.take(b.owner, b.field("law"))
            return self.new_sentence("basis_with_law", (*basis, ("law", b.law)))
        return self.new_sentence("basis_plain", basis)

    def basis_part(self, b: Basis) -> Fact:
        """One entry of ``legal_bases``: the part it covers, its basis and, for legitimate
        interests, the interest."""
        self.take(b.owner, "basis")
        sentence = self.basis_sentence(b) or self.new_sentence("legal_basis_missing")
        if b.covers is not None:
            sentence = self.new_sentence(
                "basis_part", (("covers", self.field(b.owner, "covers") or ""), ("basis", sentence))
            )
        interest = self.field(b.owner, "legitimate_interest")
        if interest is not None:
            sentence = self.new_sentence(
                "basis_part_interest", (("basis", sentence), ("interest", interest))
            )
        return self.new_fact(
            sentence, self.marks(b.owner, "basis", "covers", "law", "legitimate_interest")
        )

    def provision(self, a: Activity) -> Fact | None:
        """Whether the person must give the data (Art. 13(2)(e)): the map's text; else what the
        law layer concludes from the bases (not required, provisional while a basis is assumed);
        else, under a contract or legal obligation, that it is not settled yet (provisional)."""
        found = provision_law.provision(a)
        if found == "voluntary":
            marks = sum((self.marks(b.owner, b.field("basis")) for b in a.bases), ())
            return self.new_fact(self.new_sentence("provision_voluntary"), marks)
        if found == "to_state":
            return self.new_fact(
                self.new_sentence("provision_open"),
                self.marks(a, "provision", unknown=PROVISION_OPEN_NOTE),
            )
        return self.fact(a, "provision")

    def withdrawal(self, a: Activity) -> Fact | None:
        """How to withdraw consent: the consent basis's own route, else the activity's."""
        for b in consent_law.consent_bases(a) or a.bases[:1]:
            if b.consent is not None and b.consent.withdrawal is not None:
                return self.fact(b.consent, "withdrawal")
        return self.fact(a, "consent_withdrawal")

    def children(self, a: Activity) -> Fact | None:
        """Said when some of the people may be children, or the activity is an information
        society service offered directly to children; the age limit of consent only where the
        law layer says it applies (personopplysningsloven § 5, GDPR Art. 8(1))."""
        subjects = [s for s in self.datamap.subjects_of(a) if s.may_include_children]
        parental = consent_law.parental_consent_needed(a)
        if not subjects and not parental:
            return None
        notes = [n for n in (self.field(s, "children_note") for s in subjects) if n is not None]
        marks = sum((self.marks(s, "may_include_children", "children_note") for s in subjects), ())
        values: tuple[tuple[str, Value], ...] = (
            ("note", Sentence("children_note", (("note", notes[0]),)) if notes else ""),
        )
        if not parental:
            return Fact(Sentence("children_included", values), marks)
        self.take(a, "child_online_service")
        values += (
            ("article", cite(Statute.CHILDREN_CONSENT, self.lang)),
            ("age", str(consent_law.CHILD_CONSENT_AGE)),
        )
        return Fact(
            Sentence("children_consent", values), marks + self.marks(a, "child_online_service")
        )

    def cookies(self, activities: tuple[Activity, ...]) -> tuple[CookieLine, ...]:
        """The cookie table: every tracker of an activity in the notice, in map order."""
        shown = {a.id: a for a in activities}
        lines = []
        for tracker in self.datamap.cookies:
            a = shown.get(tracker.activity_id)
            if a is None:
                continue
            for name in ("name", "domain", "kind", "first_party", "provider", "purpose"):
                self.take(tracker, name)
            self.take(tracker, "lifetime")
            provider = self.datamap.party(tracker.provider_id).name if tracker.provider_id else None
            lines.append(
                CookieLine(
                    name=tracker.name,
                    domain=tracker.domain,
                    kind=self.label(tracker.kind),
                    provider=provider,
                    party=Sentence(
                        "cookie_first_party" if tracker.first_party else "cookie_third_party"
                    ),
                    purpose=self.label(tracker.purpose),
                    lifetime=self.lifetime(tracker.lifetime),
                    consent=Sentence(
                        "cookie_consent_needed" if consent_needed(tracker) else "cookie_exempt"
                    ),
                    activity=Ref(a.id, self.t(a.name)),
                    description=self.field(tracker, "description"),
                    marks=self.marks(
                        tracker, "name", "provider", "purpose", "lifetime", "first_party", "kind"
                    ),
                )
            )
        return tuple(lines)

    def lifetime(self, value: str | None) -> Value | None:
        """A lifetime as people read it: 'session', or an ISO 8601 duration in words."""
        if value is None:
            return None
        if value == "session":
            return Sentence("cookie_session")
        match = _DURATION.fullmatch(value)
        if match is None:
            return value
        parts: list[Value] = [
            Sentence(f"duration_{unit}_{'one' if int(n) == 1 else 'other'}", (("n", n),))
            for unit, n in zip(("years", "months", "weeks", "days"), match.groups(), strict=True)
            if n
        ]
        words = parts[-1]
        for part in reversed(parts[:-1]):
            words = Sentence("duration_and", (("first", part), ("rest", words)))
        return words

    def device_consent(self, a: Activity) -> Fact | None:
        """Cookies and similar technologies (ekomloven § 3-15): their consent is separate from
        the Art. 6 basis. Stated as given only when the activity rests on consent; otherwise
        the notice says the law requires it and that whether it is asked for is not settled."""
        if not device_categories(self.datamap, a) and not any(
            consent_needed(t) for t in trackers_of(self.datamap, a)
        ):
            return None
        article = (("article", cite(Statute.COOKIES, self.lang)),)
        if a.has_basis(LegalBasis.CONSENT):
            return Fact(Sentence("device_consent_asked", article), self.marks(a, "legal_basis"))
        return Fact(
            Sentence("device_consent_unsettled", article),
            self.marks(a, "data_categories", unknown=DEVICE_CONSENT_NOTE),
        )

    def art9(self, a: Activity) -> Fact | None:
        if not a.art9_condition:
            return None
        self.take(a, "art9_condition")
        sentence = self.new_sentence("basis_plain", self.term_values(a.art9_condition))
        return self.new_fact(sentence, self.marks(a, "art9_condition"))

    def sources(self, a: Activity) -> tuple[SourceLine, ...]:
        if a.sources:
            self.take(a, "sources")
        lines = []
        for src in a.sources:
            party = self.datamap.source_party(src)
            origin = party.name if party else None
            if src.activity_id is not None:
                # Data reused from another of our activities: named by that activity.
                origin = self.t(self.datamap.activity(src.activity_id).name).text
            categories = None
            if src.kind.is_indirect or src.category_ids:
                categories = tuple(self.t(c.name) for c in self.datamap.source_categories(a, src))
            lines.append(
                SourceLine(
                    self.label(src.kind),
                    origin,
                    self.field(src, "description") or self.field(src, "compatibility"),
                    categories,
                    self.marks(src, "kind", "party", "description", "categories"),
                )
            )
        return tuple(lines)

    def retention(self, a: Activity) -> Fact:
        self.take(a, "retention")
        if a.retention and uses_law.until_withdrawn_without_consent(a, a.retention):
            # "Until consent is withdrawn" cannot apply where the activity does not rest on
            # consent: the rule's own words only, and not settled until it says when the data
            # is erased.
            value: Value = self.t(a.retention.text)
            marks = self.marks(a.retention, "text", "period", "trigger") + self.marks(
                a.retention, "kind", unknown=RETENTION_WITHOUT_CONSENT_NOTE
            )
        elif a.retention:
            value = self.retention_value(a.retention)
            marks = self.marks(a.retention, "text", "period", "trigger", "kind")
        else:
            value, marks = Sentence("retention_missing"), ()
        return Fact(value, marks + self.marks(a, "retention"))

    def retention_value(self, retention: Retention) -> Value:
        """The rule's own words; where storage ends otherwise than after a period (until
        consent is withdrawn, or never: permanent archiving), that kind with its article."""
        text = self.t(retention.text)
        if retention.kind is RetentionKind.PERIOD:
            return text
        self.take(retention, "kind")
        # the article goes inside the rule's last sentence; "until consent is withdrawn" is
        # what the rule's own words say, so only its article is added (said once)
        body, stop = split_stop(text.text)
        values: tuple[tuple[str, Value], ...] = (
            ("text", Localized(body, text.lang)),
            ("article", cite(retention.kind, self.lang)),
            ("stop", stop),
        )
        if retention.kind is RetentionKind.UNTIL_CONSENT_WITHDRAWN:
            return Sentence("retention_cited", values)
        return Sentence("retention_with_kind", (*values, ("kind", self.label(retention.kind))))

    def category_retention(self, a: Activity) -> tuple[Fact, ...]:
        if a.category_retention:
            self.take(a, "category_retention")
        facts = []
        for kept in a.category_retention:
            names = ", ".join(
                self.t(self.datamap.data_category(c).name).text for c in kept.category_ids
            )
            facts.append(
                Fact(
                    Sentence(
                        "retention_for_categories",
                        (("categories", names), ("rule", self.retention_value(kept))),
                    ),
                    self.marks(kept, "text", "period", "trigger", "kind", "categories")
                    + self.marks(a, "category_retention"),
                )
            )
        return tuple(facts)

    def no_recipients(self, a: Activity, recipients: tuple[Party, ...]) -> Fact | None:
        """An activity that states it discloses data to no one says so (with the systems'
        providers, to no one else)."""
        if not a.no_recipients:
            return None
        self.take(a, "no_recipients")
        key = "no_recipients_but_providers" if recipients else "no_recipients_activity"
        return Fact(Sentence(key), self.marks(a, "recipients", "no_recipients"))

    def activity_systems(self, a: Activity) -> tuple[SystemLine, ...]:
        return tuple(self.system_line(sys) for sys in self.datamap.systems_of(a))

    def system_line(self, sys: System) -> SystemLine:
        """A system as an activity lists it, with its vendor and operator (made once)."""
        found = self.system_lines.get(id(sys))
        if found is not None and found[0] is sys:
            return found[1]
        vendor, operator = self.datamap.vendor_of(sys), self.datamap.operator_of(sys)
        system: Value = (
            Sentence(
                "system_supplied_by",
                (("system", self.name(sys.name)), ("vendor", vendor.name)),
            )
            if vendor
            else self.name(sys.name)
        )
        run_by = None
        if operator and operator != vendor:
            run_by = Sentence("system_run_by", (("operator", operator.name),))
        line = SystemLine(system, run_by)
        self.system_lines[id(sys)] = (sys, line)
        return line

    def activity_recipients(
        self, a: Activity, recipients: tuple[Party, ...]
    ) -> tuple[RecipientRef, ...]:
        if recipients:
            self.take(a, "recipients")
        return tuple(
            RecipientRef(p.name, self.label(p.role), self.marks(p, "role")) for p in recipients
        )

    def activity_transfers(self, a: Activity) -> tuple[Fact, ...]:
        facts = []
        for tr in a.transfers:
            if is_eea(tr.country):
                continue
            party = self.datamap.party(tr.party_id)
            mechanism = transfers_law.effective_mechanism(tr, party)
            importer = transfers_law.importer(self.datamap, tr)
            if transfers_law.is_onward(self.datamap, tr):
                key = "transfer_line_onward"
            elif importer.id != party.id:
                key = "transfer_line_importer"
            else:
                key = "transfer_line"
            mech: Value = (
                self.label(mechanism) if mechanism else Sentence("transfer_mechanism_missing")
            )
            sentence = Sentence(
                key,
                (
                    ("party", party.name),
                    ("importer", importer.name),
                    ("country", self.country_in_text(tr.country)),
                    ("mechanism", mech),
                ),
            )
            facts.append(Fact(sentence, self.marks(tr, "mechanism", "country", "importer")))
        return tuple(facts)

    def recipients(self, activities: tuple[Activity, ...]) -> tuple[Recipient, ...]:
        """Parties that receive data in the notice's activities (a party that is only a source
        of data is not a recipient: it appears with the activity's sources)."""
        used = self.datamap.recipient_ids_of(activities)
        out = []
        for p in self.datamap.parties:
            if p.id not in used:
                continue
            # A copy of the safeguards is owed only for a transfer that needs one, and then
            # :meth:`transfer_row` shows it; a recipient without such a transfer needs none.
            self.waive(p, "safeguards_copy")
            joint = None
            if p.joint_arrangement:
                arrangement = self.field(p, "joint_arrangement")
                assert arrangement is not None
                joint = Fact(arrangement, self.marks(p, "joint_arrangement"))
            elif joint_law.arrangement_missing(p):  # Art. 26(2): said to be open, provisional
                joint = Fact(
                    Sentence("joint_arrangement_open"),
                    self.marks(p, "joint_arrangement", unknown=joint_law.ARRANGEMENT_OPEN_NOTE),
                )
            policy = None
            if p.privacy_policy:
                self.take(p, "privacy_policy")
                policy = Link(
                    p.privacy_policy, Sentence("own_privacy_policy", (("party", p.name),))
                )
            out.append(
                Recipient(
                    id=p.id,
                    name=p.name,
                    role=self.label(p.role),
                    role_marks=self.marks(p, "role"),
                    engaged_by=(
                        Sentence("engaged_by", (("party", engaged_by.name),))
                        if (engaged_by := self.datamap.engaged_by(p))
                        else None
                    ),
                    established=Sentence(
                        "established_in", (("country", self.country_in_text(p.country)),)
                    ),
                    country_marks=self.marks(p, "country"),
                    description=self.field(p, "description"),
                    joint_arrangement=joint,
                    privacy_policy=policy,
                )
            )
        return tuple(out)

    def transfers(self, activities: tuple[Activity, ...]) -> Transfers:
        """Transfers outside the EEA, one row per recipient, importer and country, in map order;
        what the map does not record or know yet is said as such."""
        rows = self.transfer_rows(activities)
        all_onward = all(row.onward is not None for row in rows)
        unrecorded, hosting = _undescribed(self.datamap, activities)
        unknown = bool(hosting or unrecorded)
        intro = None
        if rows:
            intro = Sentence(
                "transfers_intro_onward" if all_onward and not unknown else "transfers_intro"
            )
        return Transfers(
            intro=intro,
            rows=rows,
            none=Sentence("no_transfers") if not rows and not unknown else None,
            unrecorded=(
                Sentence(
                    "transfers_unrecorded",
                    (("countries", ", ".join(self.country_in_text(c) for c in unrecorded)),),
                )
                if unrecorded
                else None
            ),
            unknown=Sentence("transfers_unknown") if hosting else None,
            hosting_unknown=tuple(
                (
                    in_language(sys.name, self.lang),
                    self.marks(sys, "hosting_countries", unknown=HOSTING_UNKNOWN_NOTE),
                )
                for sys in hosting
            ),
        )

    def transfer_rows(self, activities: tuple[Activity, ...]) -> tuple[TransferView, ...]:
        """The rows of :meth:`transfers`: one per recipient, importer and country outside the
        EEA, in map order."""
        grouped: dict[tuple[str, str, str], tuple[Transfer, list[Activity]]] = {}
        for activity in activities:
            for transfer in activity.transfers:
                if is_eea(transfer.country):
                    continue
                key = (transfer.party_id, transfer.importer_or_recipient_id, transfer.country)
                grouped.setdefault(key, (transfer, []))[1].append(activity)
        return tuple(
            self.transfer_row(self.datamap.party(party_id), country, transfer, acts)
            for (party_id, _, country), (transfer, acts) in grouped.items()
        )

    def transfer_row(
        self, party: Party, country: str, transfer: Transfer, acts: list[Activity]
    ) -> TransferView:
        importer = transfers_law.importer(self.datamap, transfer)
        mechanism = transfers_law.effective_mechanism(transfer, party)
        onward = transfers_law.is_onward(self.datamap, transfer)
        onward_fact = importer_fact = None
        if onward:
            onward_fact = Fact(
                Sentence(
                    "transfer_onward",
                    (
                        ("party", party.name),
                        ("established", self.country_in_text(party.country)),
                        ("importer", importer.name),
                        ("country", self.country_in_text(country)),
                    ),
                ),
                self.marks(transfer, "importer"),
            )
        elif importer.id != party.id:
            importer_fact = Fact(importer.name, self.marks(transfer, "importer"))
        country_fact = Fact(self.country(country), self.marks(transfer, "country"))
        self.take(transfer, "mechanism")
        copy: Value | None = None
        if transfers_law.owes_safeguards_copy(mechanism) and not onward:
            source: Statement = transfer if transfer.safeguards_copy else party
            text = self.field(source, "safeguards_copy")
            copy = text if text is not None else Sentence("transfer_copy_default")
            if source is transfer:
                self.waive(party, "safeguards_copy")  # the transfer's own copy comes first
        else:
            self.waive(transfer, "safeguards_copy")
            self.waive(party, "safeguards_copy")
        return TransferView(
            party=party.name,
            onward=onward_fact,
            importer=importer_fact,
            country=country_fact,
            ground_heading="transfer_onward_ground" if onward else "transfer_mechanism",
            mechanism=Term(self.label(mechanism), cite(mechanism, self.lang))
            if mechanism
            else None,
            missing=None if mechanism else Sentence("transfer_mechanism_missing"),
            mechanism_marks=self.marks(transfer, "mechanism"),
            copy=copy,
            activities=tuple(Ref(a.id, self.t(a.name)) for a in acts),
        )

    def marketing(self, activities: tuple[Activity, ...]) -> tuple[MarketingLine, ...]:
        org = self.datamap.organisation
        lines = []
        for a in activities:
            if not rights_law.is_direct_marketing(a):
                continue
            channels = tuple(self.label(m) for m in a.marketing)
            marks = self.marks(a, "marketing", "direct_marketing")
            withdrawal = self.withdrawal(a)
            stop = withdrawal or Fact(
                Sentence("stop_by_objecting", (("email", org.privacy_contact or org.email or ""),))
            )
            lines.append(MarketingLine(Ref(a.id, self.t(a.name)), channels, marks, stop))
        return tuple(lines)

    def security(self, activities: tuple[Activity, ...]) -> tuple[SecuritySystem, ...]:
        used = {s for a in activities for s in a.system_ids}
        out = []
        for sys in self.datamap.systems:
            if sys.id not in used:
                continue
            access = self.texts(sys, "access")
            access_marks = self.marks(sys, "access") if access else ()
            measures = self.texts(sys, "security_measures")
            measures_marks = self.marks(sys, "security_measures") if measures else ()
            description = self.field(sys, "description")
            if not (description or access or measures):
                continue  # nothing to say of it: a bare name would read as an empty promise
            out.append(
                SecuritySystem(
                    in_language(sys.name, self.lang),
                    description,
                    access,
                    access_marks,
                    measures,
                    measures_marks,
                )
            )
        return tuple(out)

    def texts(self, entry: System, name: str) -> tuple[Localized, ...]:
        texts: Iterable[Text] = getattr(entry, name)
        found = tuple(self.t(text) for text in texts)
        if found:
            self.take(entry, name)
        return found

    def rights(self, activities: tuple[Activity, ...]) -> tuple[RightView, ...]:
        dm = self.datamap
        automated = rights_law.has_automated_decisions(dm, activities)
        out = []
        for r in rights_law.applicable_rights(dm, activities):
            key = str(r.right)
            detail = authority = None
            marks: Marks = ()
            if key == "automated_decisions":
                text, detail, marks = self.automated_decisions(automated)
            elif key == "complaint":
                sa = dm.organisation.supervisory_authority
                text = Sentence(
                    "right_complaint_text", (("authority", sa.name), ("url", Link(sa.url)))
                )
                if sa.address:
                    authority = (sa.name, sa.address.one_line())
                    marks = self.marks(sa, "address")
            else:
                text = Sentence(f"right_{key}_text")
            applies = (
                tuple(self.right_ref(a, r.right) for a in r.activities)
                if key != "automated_decisions"
                else ()
            )
            limiting = [a for a in r.limited if rights_law.erasure_limit(a) is not None]
            limited = tuple(
                (Ref(a.id, self.t(a.name)), cite(rights_law.erasure_limit(a) or "", self.lang))
                for a in limiting
            )
            intro = None
            if limited:  # a public task or archiving is named only where an activity has one
                public = any(a.has_basis(LegalBasis.PUBLIC_TASK) for a in limiting)
                archive = any(rights_law.archive_retentions(a) for a in limiting)
                intro = Sentence(
                    "right_erasure_limited_archive"
                    if archive
                    else "right_erasure_limited"
                    if public
                    else "right_erasure_limited_law"
                )
            out.append(
                RightView(
                    key,
                    cite(r.right, self.lang),
                    text,
                    detail,
                    authority,
                    marks,
                    applies,
                    limited,
                    intro,
                )
            )
        return tuple(out)

    def automated_decisions(self, automated: bool) -> tuple[Sentence, Localized | None, Marks]:
        """The Art. 22 line (always given): that solely automated decisions take place, with
        the notice's account of their logic, or that none do (then the logic is not asked for)."""
        notice = self.datamap.notice
        detail = None
        if automated:
            text = Sentence("right_automated_decisions_some")
            detail = self.field(notice, "automated_decisions_logic")
        else:
            text = Sentence("right_automated_decisions_none")
            self.waive(notice, "automated_decisions_logic")
        return text, detail, self.marks(notice, "automated_decisions")

    def right_ref(self, a: Activity, right: Right) -> Ref:
        """The activity a right applies to, named with the parts it covers when it holds for
        only some of them (several bases)."""
        name = self.t(a.name)
        covers = [self.t(b.covers) for b in rights_law.right_parts(a, right) if b.covers]
        if not covers:
            return Ref(a.id, name)
        parts = "; ".join(c.text for c in covers)
        return Ref(a.id, Localized(f"{name.text} ({parts})", name.lang))

    def contacts(self) -> tuple[ContactLine, ...]:
        """The organisation's contacts, then its data-protection adviser (a contact named by
        its function, never as a DPO: that is the controller section's statement)."""
        org = self.datamap.organisation
        lines = [self.contact_line(c) for c in org.contacts]
        if org.data_protection_adviser:
            self.take(org, "data_protection_adviser")
            lines.append(self.contact_line(org.data_protection_adviser, "adviser_role"))
        return tuple(lines)

    def contact_line(self, c: Contact, default_role: str | None = None) -> ContactLine:
        """A contact as the notice lists it; without a role of its own, ``default_role`` (a
        key of the notice's strings) names its function."""
        role: Localized | Sentence | None = self.field(c, "role")
        if role is None and default_role is not None:
            role = Sentence(default_role)
        return ContactLine(
            c.name,
            role,
            c.email or None,
            c.phone or None,
            self.marks(c, "name", "role", "email", "phone"),
        )


class _Accountant(_Builder):
    """A builder that only accounts for fields (:func:`accounted`): the sections run as they
    are, and decide alone what they take and waive; only the values they fill in (texts in
    the notice's language, country names, marks of assumptions, the facts and sentences of
    every activity's sections) are not made, each the same empty value. Nothing overridden
    here may take or waive a field: that stays with the sections
    (``tests/test_notice_accounted.py`` compares the account with the whole view)."""

    def t(self, text: Text) -> Localized:
        return _UNMADE

    def marks(self, entry: Statement | None, *names: str, unknown: str | None = None) -> Marks:
        return ()

    def country(self, code: str) -> str:
        return ""

    def country_in_text(self, code: str) -> str:
        return ""

    # What the sections fill in, never read by them (a fact or a sentence is only passed on).
    new_fact = staticmethod(lambda value, marks=(): _UNMADE_FACT)
    new_sentence = staticmethod(lambda key, values=(): _UNMADE_SENTENCE)


#: What an :class:`_Accountant` fills in for every text, fact and sentence.
_UNMADE = Localized("")
_UNMADE_FACT: Fact = Fact(_UNMADE)
_UNMADE_SENTENCE: Sentence = Sentence("")


def _undescribed(
    datamap: DataMap, activities: tuple[Activity, ...]
) -> tuple[list[str], tuple[System, ...]]:
    """Third countries our own flows reach that no transfer of the activity records, and the
    systems of the notice's activities whose hosting countries are not given."""
    countries: set[str] = set()
    systems: dict[str, System] = {}
    for activity in activities:
        destinations = transfers_law.destinations(datamap, activity)
        countries.update(destinations.ours - {t.country for t in activity.transfers})
        for system in destinations.unknown_hosting:
            systems.setdefault(system.id, system)
    return sorted(countries), tuple(systems.values())
