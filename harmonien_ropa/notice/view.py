"""The privacy notice as one typed view per language: sections of facts, no layout.

:func:`build` draws every statement of the notice (GDPR Art. 13 and 14) from the data map and
the law layer, once per language, and makes every choice the notice makes: which sentence says
a fact (the legal basis with or without the law behind it, whether a DPO is appointed, whether a
flow is our transfer or a recipient's own onward transfer, whether a copy of the safeguards is
owed, how far erasure goes), the values it is filled with, and the assumptions still open behind
it. The HTML and Markdown layouts (:mod:`harmonien_ropa.render.notice`) only arrange the view.

A value is plain text (escaped by the layout), a map text in the page's language
(:class:`Localized`, which names its language when it falls back to another), a link, an
e-mail address, a date or an interface sentence (:class:`Sentence`: a key of
``templates/i18n/notice.yaml`` and the values it is filled with). A :class:`Fact` is a value with
its marks: each group of marks (:class:`Mark`) is one place where the public copy shows a
"provisional" tag and the draft numbers each assumption.

The view also knows which fields of the map it shows (:meth:`NoticeView.shows`), so that a
check can tell when a field the law wants in the notice would go missing (ROPA409).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum

from ..law import rights as rights_law
from ..law import transfers as transfers_law
from ..law.countries import country_in_text, country_name, is_eea
from ..law.devices import device_categories
from ..law.terms import Statute, cite
from ..law.terms import label as term_label
from ..model.activity import Activity, Transfer
from ..model.base import LANGUAGES, Statement, Text
from ..model.datamap import DataMap
from ..model.inventory import Party, System
from ..model.legal import LegalBasis

#: The note behind the mark of an activity that reads people's devices without resting on consent.
DEVICE_CONSENT_NOTE = (
    "Not known yet: the activity stores or reads data on people's devices (cookies or similar) "
    "without resting on consent; ekomloven § 3-15 requires consent unless that is strictly "
    "necessary for a service the person asked for. Confirm how consent is asked for, or why it "
    "is strictly necessary."
)
#: The note behind the mark of a system whose hosting the map does not give.
HOSTING_UNKNOWN_NOTE = (
    "Not known yet: the map does not say where this system stores the data "
    "(hosting_countries), so whether data leaves the EEA is not established."
)


@dataclass(frozen=True, slots=True)
class Localized:
    """A text of the map in the notice's language; ``lang`` names the language it is shown in
    when the map has no version in the notice's own (WCAG 3.1.2)."""

    text: str
    lang: str | None = None


@dataclass(frozen=True, slots=True)
class Link:
    """A link to ``url``, showing ``text`` (default: the address itself)."""

    url: str
    text: Value | None = None


@dataclass(frozen=True, slots=True)
class Mail:
    """An e-mail address, shown as a ``mailto:`` link."""

    address: str


@dataclass(frozen=True, slots=True)
class Date:
    """A date, written in the notice's language."""

    value: dt.date


@dataclass(frozen=True, slots=True)
class Sentence:
    """An interface sentence (a key of ``templates/i18n/notice.yaml``) and its values."""

    key: str
    values: tuple[tuple[str, Value], ...] = ()


#: What a fact shows: plain text, a map text, a link, an address, a date or a sentence.
Value = str | Localized | Link | Mail | Date | Sentence


@dataclass(frozen=True, slots=True)
class Mark:
    """One open assumption (or a value the map does not give yet) behind a fact.

    ``key`` identifies the field within one view (a field marked in two places gets one
    number in the draft), ``where`` is its place in the map, ``note`` what is to be confirmed."""

    key: tuple[int, str]
    where: str
    note: str


#: Groups of marks: the public copy tags each non-empty group once, the draft numbers each mark.
Marks = tuple[tuple[Mark, ...], ...]


@dataclass(frozen=True, slots=True)
class Fact:
    """A value the notice states, with the assumptions still open behind it."""

    value: Value
    marks: Marks = ()


@dataclass(frozen=True, slots=True)
class Term:
    """A legal term as the notice names it: its label and its citation."""

    label: str
    cite: str


@dataclass(frozen=True, slots=True)
class Ref:
    """A reference to an activity of the notice (its anchor and name)."""

    id: str
    name: Localized


@dataclass(frozen=True, slots=True)
class Dpo:
    """Whether a data protection officer is designated (Art. 13(1)(b)), and how to reach them."""

    statement: Sentence
    email: str | None
    phone: str | None
    reason: Localized | None
    marks: Marks


@dataclass(frozen=True, slots=True)
class Representative:
    """The controller's representative in the Union (Art. 27, 13(1)(a))."""

    name: str
    role: Localized | None
    email: str | None
    phone: str | None
    marks: Marks


@dataclass(frozen=True, slots=True)
class Controller:
    """Who is responsible (Art. 13(1)(a), (b))."""

    intro: Sentence
    legal_form: Fact | None
    address: Fact | None
    #: The controller's country, when not Norway.
    address_country: str | None
    website: Fact | None
    privacy_contact: Fact | None
    dpo: Dpo
    representative: Representative | None


@dataclass(frozen=True, slots=True)
class Category:
    name: Localized
    special: bool
    marks: Marks
    description: Localized | None


@dataclass(frozen=True, slots=True)
class SourceLine:
    """Where an activity's data come from (Art. 14(2)(f)) and which categories it gives."""

    kind: str
    party: str | None
    description: Localized | None
    categories: tuple[Localized, ...] | None
    marks: Marks


@dataclass(frozen=True, slots=True)
class SystemLine:
    """A system an activity uses: who supplies it and who runs it."""

    system: Value
    run_by: Sentence | None


@dataclass(frozen=True, slots=True)
class RecipientRef:
    """A recipient of one activity, named with its role."""

    name: str
    role: str
    marks: Marks


@dataclass(frozen=True, slots=True)
class ActivityView:
    """One purpose of the processing (Art. 13(1)(c)) and everything said about it."""

    id: str
    name: Localized
    purpose: Fact
    description: Fact | None
    subjects: tuple[Localized, ...]
    subjects_marks: Marks
    categories: tuple[Localized, ...]
    categories_marks: Marks
    legal_basis: Fact
    art9: Fact | None
    device_consent: Fact | None
    legitimate_interest: Fact | None
    consent_withdrawal: Fact | None
    sources: tuple[SourceLine, ...]
    sources_marks: Marks
    provision: Fact | None
    retention: Fact
    systems: tuple[SystemLine, ...]
    systems_marks: Marks
    recipients: tuple[RecipientRef, ...]
    recipients_marks: Marks
    transfers: tuple[Fact, ...]
    marketing: tuple[str, ...]
    marketing_marks: Marks
    profiling: Sentence | None
    no_automated_decision: Fact | None
    rights: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Recipient:
    """A recipient of the notice's activities (Art. 13(1)(e))."""

    id: str
    name: str
    role: str
    role_marks: Marks
    engaged_by: Sentence | None
    established: Sentence
    country_marks: Marks
    description: Localized | None
    joint_arrangement: Fact | None
    privacy_policy: Link | None


@dataclass(frozen=True, slots=True)
class TransferView:
    """One flow outside the EEA: to whom, where, on which Chapter V ground, and whether a copy
    of the safeguards is owed (Art. 13(1)(f)). ``onward`` says, for a recipient's own onward
    transfer, that it is theirs (EDPB Guidelines 05/2021)."""

    party: str
    onward: Fact | None
    importer: Fact | None
    country: Fact
    ground_heading: str
    mechanism: Term | None
    missing: Sentence | None
    mechanism_marks: Marks
    copy: Value | None
    activities: tuple[Ref, ...]


@dataclass(frozen=True, slots=True)
class Transfers:
    #: The sentence that opens the section (``None``: no transfer rows).
    intro: Sentence | None
    rows: tuple[TransferView, ...]
    #: "We do not transfer …": only when nothing is unknown.
    none: Sentence | None
    unrecorded: Sentence | None
    #: Systems whose hosting is not known, with the mark saying so.
    unknown: Sentence | None
    hosting_unknown: tuple[tuple[str, Marks], ...]


@dataclass(frozen=True, slots=True)
class MarketingLine:
    activity: Ref
    channels: tuple[str, ...]
    marks: Marks
    stop: Fact


@dataclass(frozen=True, slots=True)
class SecuritySystem:
    name: str
    description: Localized | None
    access: tuple[Localized, ...]
    access_marks: Marks
    measures: tuple[Localized, ...]
    measures_marks: Marks


@dataclass(frozen=True, slots=True)
class RightView:
    """A right that applies (Art. 13(2)(b)–(d), (f)), how it is explained and how far it goes."""

    key: str
    cite: str
    text: Sentence
    detail: Localized | None
    #: The supervisory authority's name and address (the right to complain).
    authority_address: tuple[str, str] | None
    marks: Marks
    applies_to: tuple[Ref, ...]
    #: Activities where the right is limited, with the statute or article that limits it.
    limited: tuple[tuple[Ref, str], ...]
    #: The sentence that introduces them (the grounds of Art. 17(3)(b) the activities rest on).
    limited_intro: Sentence | None = None


@dataclass(frozen=True, slots=True)
class ContactLine:
    name: str
    role: Localized | None
    email: str | None
    phone: str | None
    marks: Marks


@dataclass(frozen=True, slots=True)
class NoticeView:
    """The whole notice in one language."""

    lang: str
    org_name: str
    version: Fact
    footer: Fact
    #: Where the notice is published ("Published at …").
    published: Sentence | None
    introduction: Fact | None
    controller: Controller
    categories_intro: Sentence
    categories: tuple[Category, ...]
    national_id: tuple[Fact, ...]
    activities: tuple[ActivityView, ...]
    recipients: tuple[Recipient, ...]
    no_other_recipients: Fact | None
    transfers: Transfers
    marketing: tuple[MarketingLine, ...]
    security_summary: Fact | None
    systems: tuple[SecuritySystem, ...]
    erasure_routine: Fact | None
    rights_intro: Sentence
    rights: tuple[RightView, ...]
    joint: tuple[str, ...]
    contact_intro: Sentence
    contacts: tuple[ContactLine, ...]
    #: Every open assumption (or value not known yet) the notice shows, once each.
    open_marks: tuple[Mark, ...]
    #: Map texts shown in another language than the notice's, for want of a translation.
    untranslated: frozenset[str]
    shown: frozenset[tuple[int, str]] = field(repr=False)
    #: Fields the notice leaves out because the law does not ask for them here (a copy of the
    #: safeguards where none is owed, the logic of automated decisions where there are none).
    waived: frozenset[tuple[int, str]] = field(repr=False)

    @property
    def provisional(self) -> bool:
        """True when any statement shown is an assumption (or a value not known yet)."""
        return bool(self.open_marks)

    def shows(self, entry: object, name: str) -> bool:
        """True if the notice shows the field ``name`` of ``entry`` (an entry of the map the
        view was built from; entries are known by identity, so ask while that map is alive)."""
        return (id(entry), name) in self.shown

    def accounts_for(self, entry: object, name: str) -> bool:
        """True if the notice shows the field ``name`` of ``entry``, or leaves it out because
        the law does not ask for it there."""
        return (id(entry), name) in self.shown or (id(entry), name) in self.waived


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


class _Builder:
    """Builds one view; remembers the fields it shows, the marks it made and the fallbacks."""

    def __init__(self, datamap: DataMap, lang: str, place_names: dict[int, str]) -> None:
        self.datamap = datamap
        self.lang = lang
        self.places = place_names
        self.shown: set[tuple[int, str]] = set()
        self.waived: set[tuple[int, str]] = set()
        self.untranslated: set[str] = set()
        self.open_marks: dict[tuple[int, str], Mark] = {}
        self.labels: dict[Enum, str] = {}

    # -- values -----------------------------------------------------------------------------

    def take(self, entry: object, name: str) -> None:
        """Record that the notice shows the field ``name`` of ``entry``."""
        self.shown.add((id(entry), name))

    def waive(self, entry: object, name: str) -> None:
        """Record that the notice leaves the field out because the law does not ask for it."""
        self.waived.add((id(entry), name))

    def t(self, text: Text) -> Localized:
        value = text.get(self.lang)
        if getattr(text, self.lang) is not None:
            return Localized(value)
        self.untranslated.add(value)
        other = next(code for code in LANGUAGES if getattr(text, code) == value)
        return Localized(value, other)

    def field(self, entry: object, name: str) -> Localized | None:
        """The map text ``entry.name`` in the notice's language, recorded as shown."""
        text = getattr(entry, name)
        if text is None:
            return None
        self.take(entry, name)
        return self.t(text)

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
        value = self.field(entry, name)
        if value is None:
            return None
        return Fact(value, self.marks(entry, name) + sum(marks, ()))

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
            Sentence("rights_intro", (("name", org.name), ("email", Mail(request_email))))
            if request_email
            else Sentence("rights_intro_no_email", (("name", org.name),))
        )
        rights = self.rights(activities)
        joint = tuple(p.name for p in rights_law.joint_controllers(activities))
        contacts = self.contacts()
        published = None
        if notice.url:
            self.take(notice, "url")
            published = Sentence("published_at", (("url", Link(notice.url)),))
        footer = Fact(version, self.marks(notice, "url"))
        return NoticeView(
            lang=self.lang,
            org_name=org.name,
            version=head,
            footer=footer,
            published=published,
            introduction=introduction,
            controller=controller,
            categories_intro=Sentence("categories_intro", (("name", org.name),)),
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
            contact_intro=Sentence("contact_intro", (("name", org.name),)),
            contacts=contacts,
            open_marks=tuple(self.open_marks.values()),
            untranslated=frozenset(self.untranslated),
            shown=frozenset(self.shown),
            waived=frozenset(self.waived),
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
                self.marks(dpo, "appointed"),
            )
        else:
            reason = self.field(dpo, "reason") if dpo else None
            dpo_view = Dpo(Sentence("dpo_none"), None, None, reason, self.marks(dpo, "appointed"))
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
        return Controller(
            intro=Sentence("controller_intro", (("name", org.name), ("number", org.org_number))),
            legal_form=legal_form,
            address=address,
            address_country=country,
            website=website,
            privacy_contact=privacy,
            dpo=dpo_view,
            representative=representative,
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
        subjects = tuple(self.t(d.name) for d in a.data_subjects)
        subjects_marks = self.marks(a, "data_subjects")
        categories = tuple(self.t(c.name) for c in a.data_categories)
        categories_marks = self.marks(a, "data_categories")
        recipients = a.all_recipients
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
            legitimate_interest=self.fact(a, "legitimate_interest"),
            consent_withdrawal=self.fact(a, "consent_withdrawal"),
            sources=self.sources(a),
            sources_marks=self.marks(a, "sources") if a.sources else (),
            provision=self.fact(a, "provision"),
            retention=self.retention(a),
            systems=self.activity_systems(a),
            systems_marks=self.marks(a, "systems") if a.systems else (),
            recipients=self.activity_recipients(a, recipients),
            recipients_marks=self.marks(a, "recipients") if recipients else (),
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
            rights=tuple(str(r) for r in rights_law.rights_of(a)),
        )

    def legal_basis(self, a: Activity) -> Fact:
        self.take(a, "legal_basis")
        if a.legal_basis:
            basis = (
                ("basis", self.label(a.legal_basis)),
                ("article", cite(a.legal_basis, self.lang)),
            )
            if a.legal_source:
                self.take(a, "legal_source")
                sentence = Sentence("basis_with_law", (*basis, ("law", a.legal_source)))
            else:
                sentence = Sentence("basis_plain", basis)
        else:
            sentence = Sentence("legal_basis_missing")
        return Fact(sentence, self.marks(a, "legal_basis", "legal_source"))

    def device_consent(self, a: Activity) -> Fact | None:
        """Cookies and similar technologies (ekomloven § 3-15): their consent is separate from
        the Art. 6 basis. Stated as given only when the activity rests on consent; otherwise
        the notice says the law requires it and that whether it is asked for is not settled."""
        if not device_categories(a):
            return None
        article = (("article", cite(Statute.COOKIES, self.lang)),)
        if a.legal_basis is LegalBasis.CONSENT:
            return Fact(Sentence("device_consent_asked", article), self.marks(a, "legal_basis"))
        return Fact(
            Sentence("device_consent_unsettled", article),
            self.marks(a, "data_categories", unknown=DEVICE_CONSENT_NOTE),
        )

    def art9(self, a: Activity) -> Fact | None:
        if not a.art9_condition:
            return None
        self.take(a, "art9_condition")
        sentence = Sentence(
            "basis_plain",
            (
                ("basis", self.label(a.art9_condition)),
                ("article", cite(a.art9_condition, self.lang)),
            ),
        )
        return Fact(sentence, self.marks(a, "art9_condition"))

    def sources(self, a: Activity) -> tuple[SourceLine, ...]:
        if a.sources:
            self.take(a, "sources")
        lines = []
        for src in a.sources:
            party = a.source_party(src)
            categories = None
            if src.kind.is_indirect or src.category_ids:
                categories = tuple(self.t(c.name) for c in a.source_categories(src))
            lines.append(
                SourceLine(
                    self.label(src.kind),
                    party.name if party else None,
                    self.field(src, "description"),
                    categories,
                    self.marks(src, "kind", "party", "description", "categories"),
                )
            )
        return tuple(lines)

    def retention(self, a: Activity) -> Fact:
        self.take(a, "retention")
        if a.retention:
            value: Value = self.t(a.retention.text)
            marks = self.marks(a.retention, "text", "period", "trigger")
        else:
            value, marks = Sentence("retention_missing"), ()
        return Fact(value, marks + self.marks(a, "retention"))

    def activity_systems(self, a: Activity) -> tuple[SystemLine, ...]:
        lines = []
        for sys in a.systems:
            system: Value = (
                Sentence("system_supplied_by", (("system", sys.name), ("vendor", sys.vendor.name)))
                if sys.vendor
                else sys.name
            )
            run_by = None
            if sys.operated_by and sys.operated_by != sys.vendor:
                run_by = Sentence("system_run_by", (("operator", sys.operated_by.name),))
            lines.append(SystemLine(system, run_by))
        return tuple(lines)

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
        used = {p.id for a in activities for p in a.all_recipients}
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
                        Sentence("engaged_by", (("party", p.engaged_by.name),))
                        if p.engaged_by
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
        grouped: dict[tuple[str, str, str], tuple[Transfer, list[Activity]]] = {}
        for activity in activities:
            for transfer in activity.transfers:
                if is_eea(transfer.country):
                    continue
                key = (transfer.party_id, transfer.importer_or_recipient_id, transfer.country)
                grouped.setdefault(key, (transfer, []))[1].append(activity)
        rows = []
        all_onward = True
        for (party_id, _, country), (transfer, acts) in grouped.items():
            rows.append(self.transfer_row(self.datamap.party(party_id), country, transfer, acts))
            all_onward = all_onward and rows[-1].onward is not None
        unrecorded, hosting = _undescribed(activities)
        unknown = bool(hosting or unrecorded)
        intro = None
        if rows:
            intro = Sentence(
                "transfers_intro_onward" if all_onward and not unknown else "transfers_intro"
            )
        return Transfers(
            intro=intro,
            rows=tuple(rows),
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
                    sys.name,
                    self.marks(sys, "hosting_countries", unknown=HOSTING_UNKNOWN_NOTE),
                )
                for sys in hosting
            ),
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
            withdrawal = self.fact(a, "consent_withdrawal")
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
            out.append(
                SecuritySystem(
                    sys.name,
                    self.field(sys, "description"),
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
        notice = dm.notice
        automated = rights_law.has_automated_decisions(dm, activities)
        out = []
        for r in rights_law.applicable_rights(dm, activities):
            key = str(r.right)
            detail = authority = None
            marks: Marks = ()
            if key == "automated_decisions":
                if automated:
                    text = Sentence("right_automated_decisions_some")
                    detail = self.field(notice, "automated_decisions_logic")
                else:
                    text = Sentence("right_automated_decisions_none")
                    self.waive(notice, "automated_decisions_logic")
                marks = self.marks(notice, "automated_decisions")
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
                tuple(Ref(a.id, self.t(a.name)) for a in r.activities)
                if key != "automated_decisions"
                else ()
            )
            limiting = [a for a in r.limited if rights_law.erasure_limit(a) is not None]
            limited = tuple(
                (Ref(a.id, self.t(a.name)), cite(rights_law.erasure_limit(a) or "", self.lang))
                for a in limiting
            )
            intro = None
            if limited:  # a public task is named only where an activity rests on one
                public = any(a.legal_basis is LegalBasis.PUBLIC_TASK for a in limiting)
                intro = Sentence("right_erasure_limited" if public else "right_erasure_limited_law")
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

    def contacts(self) -> tuple[ContactLine, ...]:
        return tuple(
            ContactLine(
                c.name,
                self.field(c, "role"),
                c.email or None,
                c.phone or None,
                self.marks(c, "name", "role", "email", "phone"),
            )
            for c in self.datamap.organisation.contacts
        )


def _undescribed(activities: tuple[Activity, ...]) -> tuple[list[str], tuple[System, ...]]:
    """Third countries our own flows reach that no transfer of the activity records, and the
    systems of the notice's activities whose hosting countries are not given."""
    countries: set[str] = set()
    systems: dict[str, System] = {}
    for activity in activities:
        destinations = transfers_law.destinations(activity)
        countries.update(destinations.ours - {t.country for t in activity.transfers})
        for system in destinations.unknown_hosting:
            systems.setdefault(system.id, system)
    return sorted(countries), tuple(systems.values())
