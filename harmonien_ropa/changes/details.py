"""The changes :mod:`.changelog`'s rules of their own do not name, so that no change of a fact
of the map goes unreported.

:func:`changes` gives, after the changelog's own comparison:

* the organisation number (the controller's identity, GDPR Art. 13(1)(a), 30(1)(a));
* each assumption added or confirmed (its line under ``assumptions:`` removed) on a part of
  the map found in both versions: a legal basis that went from assumed to confirmed is a
  change of what the notice may state as settled;
* a party's or system's vendor-catalogue entry (``catalogue:``);
* cookies and similar technologies added or removed (ekomloven § 3-15);
* and, field by field, every other stored value of the organisation, the notice's and the
  record's metadata, the data subjects, data categories, parties, systems, activities and
  cookies that changed and that no rule of the changelog reported (by its YAML key).

The comparison walks each map once: linear in their size.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from pydantic import BaseModel

from ..model.base import Entity, Statement, Text
from ..model.cookies import Tracker
from ..model.datamap import DataMap
from ..model.inventory import DataCategory, DataSubject, Party, System
from .changelog import ORGANISATION_DETAILS, Change, Level, _name, _same, _text_of

#: The keys (as the YAML writes them) each kind of change of the changelog reports.
KIND_FIELDS: Mapping[str, frozenset[str]] = {
    kind: frozenset(keys)
    for kind, keys in {
        "controller_changed": ("name",),
        "contact_changed": ("privacy_contact", "email"),
        "dpo_changed": ("dpo",),
        "organisation_details_changed": ORGANISATION_DETAILS,
        "activity_renamed": ("name",),
        "notice_scope_changed": ("in_notice",),
        "purpose_changed": ("purpose",),
        "legal_basis_changed": ("legal_basis", "legal_bases"),
        "art9_changed": ("art9_condition",),
        "wording_changed": (
            "description",
            "legitimate_interest",
            "consent_withdrawal",
            "provision",
        ),
        "category_added": ("data_categories",),
        "category_removed": ("data_categories",),
        "subject_added": ("data_subjects",),
        "subject_removed": ("data_subjects",),
        "recipient_added": ("recipients", "no_recipients"),
        "recipient_removed": ("recipients", "no_recipients"),
        "system_added": ("systems",),
        "system_removed": ("systems",),
        "transfer_added": ("transfers",),
        "transfer_removed": ("transfers",),
        "transfer_mechanism_changed": ("transfers",),
        "retention_changed": ("retention",),
        "retention_wording_changed": ("retention",),
        "marketing_added": ("marketing",),
        "marketing_removed": ("marketing",),
        "automated_decisions_started": ("automated_decisions",),
        "automated_decisions_stopped": ("automated_decisions",),
        "profiling_started": ("profiling",),
        "profiling_stopped": ("profiling",),
    }.items()
}

#: Keys no field-by-field comparison reports: bookkeeping (assumptions are compared on their
#: own), an entry's id, the catalogue reference (its own change) and the documents' version
#: and date (the changelog's title gives them).
_NOT_FIELDS = frozenset(
    {"id", "assumptions", "acknowledge", "catalogue", "org_number", "version", "effective_date"}
)


def changes(old: DataMap, new: DataMap, reported: Iterable[Change]) -> Iterator[Change]:
    """What changed from ``old`` to ``new`` that the changes ``reported`` do not say."""
    by_activity: dict[str | None, set[str]] = {}
    for change in reported:
        by_activity.setdefault(change.activity, set()).update(KIND_FIELDS.get(change.kind, ()))
    yield from _org_number(old, new)
    org = ("item", _name(new.organisation.name))
    covered = by_activity.get(None, set())
    yield from _fields(old.organisation, new.organisation, org, covered)
    yield from _fields(old.notice, new.notice, ("item", _text_of("item_notice")), set())
    yield from _fields(old.record, new.record, ("item", _text_of("item_record")), set())
    yield from _inventory(old, new)
    old_acts = {a.id: a for a in old.activities}
    for activity in new.activities:
        before = old_acts.get(activity.id)
        if before is not None:
            covered = by_activity.get(activity.id, set())
            yield from _fields(before, activity, ("activity", activity.name), covered, activity.id)
    yield from _cookies(old.cookies, new.cookies)
    yield from _assumptions(old, new)


def _org_number(old: DataMap, new: DataMap) -> Iterator[Change]:
    a, b = old.organisation.org_number, new.organisation.org_number
    if _digits(a) == _digits(b):
        return
    unknown = _text_of("org_number_unknown")
    # Another number is another legal person (or a corrected one): people are told who the
    # controller is (Art. 13(1)(a)); a number that becomes known or unknown is record only.
    level = Level.NOTIFY if a is not None and b is not None else Level.RECORD
    yield Change(
        "org_number_changed",
        level,
        None,
        (("old", _same(a) if a else unknown), ("new", _same(b) if b else unknown)),
    )


def _digits(number: str | None) -> str | None:
    return "".join(number.split()) if number is not None else None


def _fields(
    a: BaseModel,
    b: BaseModel,
    item: tuple[str, Text],
    covered: set[str],
    activity: str | None = None,
    gone: frozenset[str] = frozenset(),
) -> Iterator[Change]:
    """A change for each field of ``a`` → ``b`` that differs and that ``covered`` leaves out.

    In a list of ids, the ids of ``gone`` (activities in only one of the maps, whose addition or
    removal the changelog reports) do not count: ``needed_for`` losing a removed activity is
    not a change of its own."""
    kind = "activity_field_changed" if activity is not None else "field_changed"
    for name, info in type(b).model_fields.items():
        key = info.alias or name
        if key in _NOT_FIELDS or key in covered:
            continue
        was, now = getattr(a, name), getattr(b, name)
        if was != now and _without(was, gone) != _without(now, gone):
            yield Change(kind, Level.RECORD, activity, (item, ("field", _same(key))), False)


def facts(value: Any) -> Any:
    """``value`` as compared for a change: without its assumptions (an assumption added or
    confirmed is a change of its own, not a new value)."""
    return _without(value, frozenset())


def _without(value: Any, ids: frozenset[str]) -> Any:
    """``value`` as compared: without the ids ``ids`` and without assumptions (compared on
    their own), so that confirming a value is not also a new value."""
    if isinstance(value, BaseModel):
        return tuple(
            (name, _without(getattr(value, name), ids))
            for name in type(value).model_fields
            if name not in ("assumptions", "acknowledge")
        )
    if isinstance(value, tuple):
        if ids and all(isinstance(v, str) for v in value):
            return tuple(v for v in value if v not in ids)
        return tuple(_without(v, ids) for v in value)
    return value


#: The keys of each kind of entry the changelog's own rules report (``party_renamed``,
#: ``party_country_changed``, ``category_special_changed``, ``category_renamed``).
_INVENTORY: tuple[tuple[str, frozenset[str]], ...] = (
    ("data_subjects", frozenset()),
    ("data_categories", frozenset({"name", "special_category"})),
    ("parties", frozenset({"name", "country"})),
    ("systems", frozenset()),
)


def _inventory(old: DataMap, new: DataMap) -> Iterator[Change]:
    gone = frozenset({a.id for a in old.activities} ^ {a.id for a in new.activities})
    for kind, handled in _INVENTORY:
        earlier: dict[str, DataSubject | DataCategory | Party | System] = {
            e.id: e for e in getattr(old, kind)
        }
        entry: DataSubject | DataCategory | Party | System
        for entry in getattr(new, kind):
            before = earlier.get(entry.id)
            if before is None:
                continue
            item = ("item", _name(entry.name))
            covered = set(handled)
            if isinstance(entry, Party) and new.activities_of(entry):
                covered.add("role")  # the changelog's party_role_changed
            yield from _catalogue(before, entry, item)
            yield from _fields(before, entry, item, covered, gone=gone)


def _catalogue(a: Entity, b: Entity, item: tuple[str, Text]) -> Iterator[Change]:
    was, now = getattr(a, "catalogue_id", None), getattr(b, "catalogue_id", None)
    if was != now:
        none = _text_of("none")
        yield Change(
            "catalogue_changed",
            Level.RECORD,
            None,
            (item, ("old", _same(was) if was else none), ("new", _same(now) if now else none)),
            False,
        )


def _cookie_key(cookie: Tracker) -> tuple[str, str | None, str]:
    return cookie.name, cookie.domain, cookie.activity_id


def _cookies(old: tuple[Tracker, ...], new: tuple[Tracker, ...]) -> Iterator[Change]:
    earlier = {_cookie_key(c): c for c in old}
    later = {_cookie_key(c): c for c in new}
    for key, cookie in later.items():
        before = earlier.get(key)
        item = ("item", _same(cookie.name))
        if before is None:
            yield Change("cookie_added", Level.RECORD, cookie.activity_id, (item,))
        else:
            yield from _fields(before, cookie, item, set())
    for key, cookie in earlier.items():
        if key not in later:
            item = ("item", _same(cookie.name))
            yield Change("cookie_removed", Level.RECORD, cookie.activity_id, (item,))


# -- assumptions -------------------------------------------------------------------------------


def _assumptions(old: DataMap, new: DataMap) -> Iterator[Change]:
    earlier = dict(_places(old))
    names = {a.id: a.name for a in new.activities}
    for place, statement in _places(new):
        before = earlier.get(place)
        if before is None:
            continue  # a new part: the change that added it says so
        activity = str(place[1]) if place[0] == "activities" else None
        inside = place[2:] if activity is not None else place
        for field, note in sorted(statement.assumptions.items()):
            if field not in before.assumptions:
                where = _dotted((*inside, field))
                yield _assumption("assumption_added", activity, names, where, note)
        for field in sorted(before.assumptions):
            if field not in statement.assumptions:
                where = _dotted((*inside, field))
                yield _assumption("assumption_confirmed", activity, names, where, None)


def _assumption(
    kind: str, activity: str | None, names: Mapping[str, Text], where: str, note: str | None
) -> Change:
    values: tuple[tuple[str, Text], ...] = (("field", _same(where)),)
    if note is not None:
        values += (("note", _same(" ".join(note.split()))),)
    if activity is not None:
        return Change(
            f"activity_{kind}",
            Level.RECORD,
            activity,
            (("activity", names[activity]), *values),
            False,
        )
    return Change(kind, Level.RECORD, None, values, False)


def _dotted(place: tuple[str | int, ...]) -> str:
    return ".".join(str(part) for part in place)


def _places(datamap: DataMap) -> Iterator[tuple[tuple[str | int, ...], Statement]]:
    """Every part of the map that can carry assumptions, by a place that names an entry of a
    list by its id (``("activities", "newsletter", "retention")``), so that the same part is
    found in both versions whatever was added before it."""
    for name in ("organisation", "notice", "record", *_LISTS):
        yield from _walk(getattr(datamap, name), (name,))


#: The lists of the map whose parts may carry assumptions (the settings and seed texts hold no
#: published fact).
_LISTS = ("data_subjects", "data_categories", "systems", "parties", "activities", "cookies")


def _walk(
    value: Any, place: tuple[str | int, ...]
) -> Iterator[tuple[tuple[str | int, ...], Statement]]:
    if isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from _walk(item, (*place, item.id if isinstance(item, Entity) else index))
        return
    if not isinstance(value, BaseModel):
        return
    if isinstance(value, Statement):
        yield place, value
    for name, info in type(value).model_fields.items():
        if name in ("assumptions", "acknowledge"):
            continue
        child = getattr(value, name)
        if isinstance(child, BaseModel) or (
            isinstance(child, tuple) and child and isinstance(child[0], BaseModel)
        ):
            yield from _walk(child, (*place, info.alias or name))
