"""The notice's view as values: sections of facts, each with its open assumptions.

A value is plain text (escaped by the layout), a map text in the page's language
(:class:`Localized`, which names its language when it falls back to another), a link, an
e-mail address, a date or an interface sentence (:class:`Sentence`: a key of
``templates/i18n/notice.yaml`` and the values it is filled with). A :class:`Fact` is a value with
its marks: each group of marks (:class:`Mark`) is one place where the public copy shows a
"provisional" tag and the draft numbers each assumption.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


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

    intro: Fact
    legal_form: Fact | None
    address: Fact | None
    #: The controller's country, when not Norway.
    address_country: str | None
    website: Fact | None
    privacy_contact: Fact | None
    dpo: Dpo
    representative: Representative | None
    #: Who legally represents the organisation (its role, and name where given).
    represented_by: Fact | None = None


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
    #: Retention rules for some of the activity's categories (``category_retention``).
    category_retention: tuple[Fact, ...]
    systems: tuple[SystemLine, ...]
    systems_marks: Marks
    recipients: tuple[RecipientRef, ...]
    recipients_marks: Marks
    #: The activity states that it discloses data to no one (``recipients: none``).
    no_recipients: Fact | None
    transfers: tuple[Fact, ...]
    marketing: tuple[str, ...]
    marketing_marks: Marks
    profiling: Sentence | None
    no_automated_decision: Fact | None
    rights: tuple[str, ...]
    #: With several bases (``legal_bases``): each basis with the part it covers, in map order
    #: (``legal_basis`` is then the first of them).
    legal_bases: tuple[Fact, ...] = ()
    #: Said when some of the people may be children (Art. 12(1); personopplysningsloven § 5).
    children: Fact | None = None
    #: A right of ``rights`` that holds only for some parts (the parts it holds for) or is
    #: limited here (erasure, with the reason): (right, what to add after its name).
    right_notes: tuple[tuple[str, Value], ...] = ()
    #: The limits of the rights where data is kept permanently for archiving in the public
    #: interest (GDPR Art. 89(3); personopplysningsloven § 17), said once for the activity.
    rights_limits: tuple[Fact, ...] = ()


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
    role: Localized | Sentence | None
    email: str | None
    phone: str | None
    marks: Marks


@dataclass(frozen=True, slots=True)
class CookieLine:
    """One cookie or similar technology in the notice's cookie table."""

    name: str
    domain: str | None
    kind: str
    provider: str | None
    party: Sentence
    purpose: str
    lifetime: Value | None
    consent: Sentence
    activity: Ref
    description: Localized | None
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
    #: The cookies and similar technologies of the activities in the notice (ekomloven § 3-15).
    cookies: tuple[CookieLine, ...] = ()
    cookies_intro: Sentence | None = None

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
