# Longer than 400 lines: the comparison of every part of two maps makes the same Change values in one walk.
"""What changed between two versions of a data map, in substance, and who must hear of it.

:func:`compare` returns a :class:`Changelog` of typed :class:`Change` values (purposes added or
removed, recipients, transfers, legal bases, retention, categories, ...), each classified:

* ``notify`` – people must be told before it takes effect (a new purpose, a new category of
  recipient, a new transfer, a changed legal basis; GDPR Art. 13(3), 14(4) and the transparency
  guidelines);
* ``record`` – the record (and the notice text) must be updated, no notice of its own is needed;
* ``editorial`` – new wording, same substance.

The changelog renders itself in every language as plain text or Markdown, and gives the rows of
a version-history table for the record.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from ..core.escaping import markdown
from ..core.languages import DEFAULT_LANGUAGES
from ..law.countries import country_in_text
from ..law.terms import label
from ..model.activity import Activity, Retention, Transfer
from ..model.base import LANGUAGES, Text
from ..model.datamap import DataMap
from ..model.inventory import Party
from ..model.legal import PartyRole
from ..source.i18n import strings

#: The organisation's fields reported together as "organisation details changed".
ORGANISATION_DETAILS = (
    "address",
    "website",
    "phone",
    "contacts",
    "represented_by",
    "data_protection_adviser",
)


class Level(StrEnum):
    """How a change must be handled, most demanding first."""

    NOTIFY = "notify"
    RECORD = "record"
    EDITORIAL = "editorial"


LEVELS: tuple[Level, ...] = (Level.NOTIFY, Level.RECORD, Level.EDITORIAL)


@dataclass(frozen=True, slots=True)
class Change:
    """One change in substance. ``kind`` names its message in ``templates/i18n/changes.yaml``."""

    kind: str
    level: Level
    activity: str | None
    values: tuple[tuple[str, Text], ...] = ()
    public: bool = True

    def text(self, lang: str) -> str:
        """The change as one sentence in ``lang``."""
        table = strings("changes", lang)
        return table[self.kind].format(**{k: v.get(lang) for k, v in self.values})

    def to_dict(self, languages: tuple[str, ...] = DEFAULT_LANGUAGES) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "level": str(self.level),
            "activity": self.activity,
            "in_notice": self.public,
            "text": {lang: self.text(lang) for lang in languages},
        }


@dataclass(frozen=True, slots=True)
class Changelog:
    """The changes from ``old`` to ``new``, with the notice versions they lie between."""

    old_version: str
    old_date: str
    new_version: str
    new_date: str
    changes: tuple[Change, ...]
    #: The languages the (new) map publishes in: the JSON form gives each change in these.
    languages: tuple[str, ...] = DEFAULT_LANGUAGES

    def at(self, level: Level) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.level == level)

    @property
    def level(self) -> Level | None:
        """The most demanding level among the changes (None when nothing changed)."""
        return next((lv for lv in LEVELS if self.at(lv)), None)

    def title(self, lang: str) -> str:
        return strings("changes", lang)["title"].format(
            old=self.old_version,
            old_date=self.old_date,
            new=self.new_version,
            new_date=self.new_date,
        )

    def counts(self) -> dict[str, int]:
        return {str(lv): len(self.at(lv)) for lv in LEVELS}

    def render(self, lang: str, fmt: str = "text") -> str:
        """The changelog in ``lang`` as ``text`` or ``markdown``."""
        table = strings("changes", lang)
        md = fmt == "markdown"
        esc = markdown if md else (lambda s: s)
        lines = [("# " if md else "") + esc(self.title(lang)), ""]
        if not self.changes:
            lines += [table["no_changes"], ""]
        for level in LEVELS:
            found = self.at(level)
            if not found:
                continue
            heading = f"{table['level_' + level]} ({len(found)})"
            lines.append(f"## {esc(heading)}" if md else heading + ":")
            lines.append(("" if md else "  ") + esc(table[f"level_{level}_why"]))
            if md:
                lines.append("")
            lines += [f"- {esc(c.text(lang))}" for c in found]
            lines.append("")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return {
            "old": {"version": self.old_version, "effective_date": self.old_date},
            "new": {"version": self.new_version, "effective_date": self.new_date},
            "level": str(self.level) if self.level else None,
            "counts": self.counts(),
            "changes": [c.to_dict(self.languages) for c in self.changes],
        }

    def for_notice(self) -> Changelog:
        """Only what a public notice's "what changed" section shows: no editorial changes and
        nothing about activities left out of the notice."""
        kept = tuple(c for c in self.changes if c.level != Level.EDITORIAL and c.public)
        return Changelog(
            self.old_version, self.old_date, self.new_version, self.new_date, kept, self.languages
        )


@dataclass(frozen=True, slots=True)
class HistoryRow:
    """A row of the record's version-history table: a version, its date, what changed."""

    version: str
    effective_date: str
    summary: Text
    changes: tuple[Change, ...] = ()

    def items(self, lang: str) -> tuple[str, ...]:
        """The summary, then every change in substance (editorial ones are only counted)."""
        kept = [c for level in LEVELS[:2] for c in self.changes if c.level == level]
        return (self.summary.get(lang), *(c.text(lang) for c in kept))


def version_history(previous: DataMap, current: DataMap) -> tuple[HistoryRow, ...]:
    """Rows for the record's previous and current versions, the latter with its changes."""
    changelog = compare(previous, current)
    counts = changelog.counts()
    summary = Text(
        **{lang: strings("changes", lang)["history_counts"].format(**counts) for lang in LANGUAGES}
    )
    old, new = previous.record, current.record
    return (
        HistoryRow(old.version, old.effective_date.isoformat(), _text_of("history_first")),
        HistoryRow(new.version, new.effective_date.isoformat(), summary, changelog.changes),
    )


@dataclass(frozen=True, slots=True)
class NoticeSection:
    """The "what changed" section of a notice in one language: heading, intro, one line each."""

    heading: str
    intro: str
    lines: tuple[str, ...]


def notice_section(previous: DataMap, current: DataMap, lang: str) -> NoticeSection:
    """What the public notice says changed since ``previous``: notify- and record-level changes
    to what the notice covers, the ones people must be told about first."""
    changelog = compare(previous, current).for_notice()
    table = strings("changes", lang)
    ordered = [c for level in LEVELS for c in changelog.at(level)]
    lines = tuple(c.text(lang) for c in ordered) or (table["no_changes"],)
    return NoticeSection(table["notice_heading"], changelog.title(lang), lines)


# -- comparing ---------------------------------------------------------------------------------


def compare(old: DataMap, new: DataMap) -> Changelog:
    """Every change in substance from ``old`` to ``new``, in a stable order."""
    from .details import changes as details

    changes = [*_organisation(old, new), *_inventory(old, new), *_activities(old, new)]
    changes += details(old, new, changes)
    return Changelog(
        old.notice.version,
        old.notice.effective_date.isoformat(),
        new.notice.version,
        new.notice.effective_date.isoformat(),
        tuple(changes),
        new.languages,
    )


def _same(value: str) -> Text:
    return Text(**dict.fromkeys(LANGUAGES, value))


def _name(value: str | Text) -> Text:
    """A name of the map, plain (the same in every language) or translated."""
    return value if isinstance(value, Text) else _same(value)


def _text_of(key: str) -> Text:
    return Text(**{lang: strings("changes", lang)[key] for lang in LANGUAGES})


def _country(code: str) -> Text:
    return Text(**{lang: country_in_text(code, lang) for lang in LANGUAGES})


def _label(term: Any) -> Text:
    """Label of a legal term (or 'none') in every language."""
    if term is None:
        return _text_of("none")
    return Text(**{lang: label(term, lang) for lang in LANGUAGES})


def _labels(terms: tuple[Any, ...]) -> Text:
    """Labels of legal terms joined with commas (or 'none') in every language."""
    if len(terms) < 2:
        return _label(terms[0] if terms else None)
    return Text(**{lang: ", ".join(label(t, lang) for t in terms) for lang in LANGUAGES})


def _organisation(old: DataMap, new: DataMap) -> Iterator[Change]:
    from .details import facts  # (details builds on this module)

    a, b = old.organisation, new.organisation
    if a.name != b.name:
        yield Change(
            "controller_changed",
            Level.NOTIFY,
            None,
            (("old", _name(a.name)), ("new", _name(b.name))),
        )
    old_contact, new_contact = a.privacy_contact or a.email, b.privacy_contact or b.email
    if old_contact != new_contact:
        yield Change(
            "contact_changed",
            Level.NOTIFY,
            None,
            (("old", _same(old_contact or "–")), ("new", _same(new_contact or "–"))),
        )
    if _dpo(a.dpo) != _dpo(b.dpo):
        yield Change(
            "dpo_changed",
            Level.NOTIFY,
            None,
            (("old", _same(_dpo(a.dpo) or "–")), ("new", _same(_dpo(b.dpo) or "–"))),
        )
    for field in ORGANISATION_DETAILS:
        if getattr(a, field) != getattr(b, field) and facts(getattr(a, field)) != facts(
            getattr(b, field)
        ):
            yield Change(
                "organisation_details_changed",
                Level.EDITORIAL,
                None,
                (("field", _text_of(f"field_{field}")),),
            )


def _dpo(dpo: Any) -> str | None:
    if dpo is None or not dpo.appointed:
        return None
    return ", ".join(p for p in (dpo.name, dpo.email, dpo.phone) if p)


def _inventory(old: DataMap, new: DataMap) -> Iterator[Change]:
    old_parties = {p.id: p for p in old.parties}
    for party in new.parties:
        before = old_parties.get(party.id)
        if before is None:
            continue
        item = ("item", _same(party.name))
        if before.role != party.role and new.activities_of(party):
            yield Change(
                "party_role_changed",
                Level.NOTIFY,
                None,
                (item, ("old", _label(before.role)), ("new", _label(party.role))),
            )
        if before.country != party.country:
            yield Change(
                "party_country_changed",
                Level.RECORD,
                None,
                (item, ("old", _country(before.country)), ("new", _country(party.country))),
            )
        if before.name != party.name:
            yield Change(
                "party_renamed", Level.EDITORIAL, None, (item, ("old", _same(before.name)))
            )
    old_categories = {c.id: c for c in old.data_categories}
    for category in new.data_categories:
        was = old_categories.get(category.id)
        if was is None:
            continue
        item = ("item", category.name)
        if was.special_category != category.special_category:
            special = "special_yes" if category.special_category else "special_no"
            level = Level.NOTIFY if category.special_category else Level.RECORD
            yield Change(
                "category_special_changed", level, None, (item, ("new", _text_of(special)))
            )
        if was.name != category.name:
            yield Change("category_renamed", Level.EDITORIAL, None, (item, ("old", was.name)))


def _activities(old: DataMap, new: DataMap) -> Iterator[Change]:
    old_acts = {a.id: a for a in old.activities}
    new_ids = {a.id for a in new.activities}
    for activity in new.activities:
        before = old_acts.get(activity.id)
        if before is None:
            yield Change(
                "activity_added",
                Level.NOTIFY if activity.in_notice else Level.RECORD,
                activity.id,
                (("activity", activity.name),),
                activity.in_notice,
            )
        else:
            yield from _activity(old, new, before, activity)
    for activity in old.activities:
        if activity.id not in new_ids:
            yield Change(
                "activity_removed",
                Level.RECORD,
                activity.id,
                (("activity", activity.name),),
                activity.in_notice,
            )


def _activity(old: DataMap, new: DataMap, a: Activity, b: Activity) -> Iterator[Change]:
    """What changed in an activity: ``a`` of the ``old`` map, ``b`` of the ``new`` one."""
    public = a.in_notice or b.in_notice
    name = ("activity", b.name)

    def change(kind: str, level: Level, *values: tuple[str, Text]) -> Change:
        return Change(kind, level, b.id, (name, *values), public)

    if a.name != b.name:
        yield change("activity_renamed", Level.EDITORIAL, ("old", a.name))
    if a.in_notice != b.in_notice:
        key = "in_notice_true" if b.in_notice else "in_notice_false"
        level = Level.NOTIFY if b.in_notice else Level.RECORD
        yield Change("notice_scope_changed", level, b.id, (name, ("new", _text_of(key))))
    if a.purpose != b.purpose:
        yield change("purpose_changed", Level.RECORD)
    if a.basis_values != b.basis_values:
        yield change(
            "legal_basis_changed",
            Level.NOTIFY,
            ("old", _labels(a.basis_values)),
            ("new", _labels(b.basis_values)),
        )
    if a.art9_condition != b.art9_condition:
        yield change(
            "art9_changed",
            Level.NOTIFY,
            ("old", _label(a.art9_condition)),
            ("new", _label(b.art9_condition)),
        )
    for field in ("description", "legitimate_interest", "consent_withdrawal", "provision"):
        if getattr(a, field) != getattr(b, field):
            yield change("wording_changed", Level.EDITORIAL, ("field", _text_of(f"field_{field}")))
    # data categories and subjects
    old_cats = set(a.data_category_ids)
    for category in new.categories_of(b):
        if category.id not in old_cats:
            sensitive = category.special_category or category.criminal_offence
            level = Level.NOTIFY if sensitive or category.national_id else Level.RECORD
            yield change("category_added", level, ("item", category.name))
    new_cats = set(b.data_category_ids)
    for category in old.categories_of(a):
        if category.id not in new_cats:
            yield change("category_removed", Level.RECORD, ("item", category.name))
    yield from _pairs(change, "subject", old.subjects_of(a), new.subjects_of(b), Level.RECORD)
    yield from _recipients(change, old.all_recipients_of(a), new.all_recipients_of(b))
    yield from _pairs(
        change,
        "system",
        old.systems_of(a),
        new.systems_of(b),
        Level.RECORD,
        label=lambda s: _name(s.name),
    )
    yield from _transfers(change, old, new, a, b)
    yield from _retention(change, a.retention, b.retention)
    for channel in b.marketing:
        if channel not in a.marketing:
            yield change("marketing_added", Level.NOTIFY, ("item", _label(channel)))
    for channel in a.marketing:
        if channel not in b.marketing:
            yield change("marketing_removed", Level.RECORD, ("item", _label(channel)))
    if a.automated_decisions != b.automated_decisions:
        started = b.automated_decisions
        yield change(
            "automated_decisions_started" if started else "automated_decisions_stopped",
            Level.NOTIFY if started else Level.RECORD,
        )
    if a.profiling != b.profiling:
        yield change("profiling_started" if b.profiling else "profiling_stopped", Level.RECORD)


def _pairs(
    change: Any,
    noun: str,
    before: Sequence[Any],
    after: Sequence[Any],
    level: Level,
    label: Any = None,
) -> Iterator[Change]:
    get = label or (lambda entry: entry.name)
    old_ids = {e.id for e in before}
    new_ids = {e.id for e in after}
    for entry in after:
        if entry.id not in old_ids:
            yield change(f"{noun}_added", level, ("item", get(entry)))
    for entry in before:
        if entry.id not in new_ids:
            yield change(f"{noun}_removed", Level.RECORD, ("item", get(entry)))


def _recipients(
    change: Any, before: tuple[Party, ...], after: tuple[Party, ...]
) -> Iterator[Change]:
    old_ids = {p.id for p in before}
    old_roles = {_recipient_kind(p.role) for p in before}
    for party in after:
        if party.id in old_ids:
            continue
        # A new *category* of recipient must be notified; one more processor is record-only.
        level = Level.RECORD if _recipient_kind(party.role) in old_roles else Level.NOTIFY
        yield change(
            "recipient_added", level, ("item", _same(party.name)), ("role", _label(party.role))
        )
    new_ids = {p.id for p in after}
    for party in before:
        if party.id not in new_ids:
            yield change("recipient_removed", Level.RECORD, ("item", _same(party.name)))


def _recipient_kind(role: PartyRole) -> PartyRole:
    return PartyRole.PROCESSOR if role == PartyRole.SUB_PROCESSOR else role


def _transfer_key(transfer: Transfer) -> tuple[str, str]:
    return transfer.party_id, transfer.country


def _transfers(
    change: Any, old_map: DataMap, new_map: DataMap, a: Activity, b: Activity
) -> Iterator[Change]:
    old = {_transfer_key(t): t for t in a.transfers}
    new = {_transfer_key(t): t for t in b.transfers}
    for key, transfer in new.items():
        party = ("item", _same(new_map.party(transfer.party_id).name))
        country = ("country", _country(transfer.country))
        before = old.get(key)
        if before is None:
            yield change(
                "transfer_added",
                Level.NOTIFY,
                party,
                country,
                ("mechanism", _label(transfer.mechanism)),
            )
        elif before.mechanism != transfer.mechanism:
            yield change(
                "transfer_mechanism_changed",
                Level.NOTIFY,
                party,
                country,
                ("old", _label(before.mechanism)),
                ("new", _label(transfer.mechanism)),
            )
    for key, transfer in old.items():
        if key not in new:
            party = ("item", _same(old_map.party(transfer.party_id).name))
            yield change(
                "transfer_removed", Level.RECORD, party, ("country", _country(transfer.country))
            )


def _retention(change: Any, a: Retention | None, b: Retention | None) -> Iterator[Change]:
    if a == b:
        return
    none = _text_of("none")
    old_text = a.text if a else none
    new_text = b.text if b else none

    def rule(r: Retention | None) -> tuple[Any, ...]:
        return (r.period, r.trigger, r.legal_source) if r else (None, None, None)

    if rule(a) != rule(b) or (a is None) != (b is None):
        yield change("retention_changed", Level.RECORD, ("old", old_text), ("new", new_text))
    elif old_text != new_text:
        yield change("retention_wording_changed", Level.EDITORIAL, ("new", new_text))
