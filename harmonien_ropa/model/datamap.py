# Longer than 400 lines: the root model: its lookups, reverse index, linking and reference checks are one pydantic class.
"""The whole data map: one organisation, its inventory and activities, resolved by id."""

from __future__ import annotations

import copy
import dataclasses
import functools
import operator
import typing
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Literal, Self, TypeVar

from pydantic import BaseModel, Field, PrivateAttr, model_validator

from ..core.languages import DEFAULT_LANGUAGES
from .activity import Activity, Source
from .base import Entity, Frozen, ShortText, Statement, Text
from .cookies import Tracker
from .inventory import DataCategory, DataSubject, Party, System
from .organisation import DocumentMeta, Notice, Organisation

Loc = tuple[str | int, ...]


class CheckSettings(Frozen):
    """Checker settings kept with the data (command-line options override them)."""

    select: tuple[str, ...] = Field(default=(), description="Rule codes or groups to run.")
    ignore: tuple[str, ...] = Field(default=(), description="Rule codes or groups to skip.")
    fail_on: Literal["error", "warning", "info", "never"] | None = None


class Settings(Frozen):
    """Tool settings stored in the data map."""

    check: CheckSettings = Field(default_factory=CheckSettings)


class SeedText(Frozen):
    """Wording from a document the map was built from, kept with its origin."""

    origin: ShortText = Field(
        description="Where the wording comes from, e.g. 'privacy notice (2018), Your rights, 1'."
    )
    text: Text = Field(description="The wording as that document gives it.")
    used_for: ShortText | None = Field(
        default=None, description="Where the map states the fact now, e.g. 'activities.newsletter'."
    )


class DataMap(Frozen):
    """An organisation's complete data map, the single source of every output.

    Build one with :func:`harmonien_ropa.load` (from YAML, with positions in errors) or with
    :func:`harmonien_ropa.from_data` (from a dict); both check its references. Entries hold
    the ids of what they refer to, and the map resolves them: ``datamap.systems_of(activity)``
    gives the :class:`System` objects an activity uses, ``datamap.party(ident)`` a party.
    """

    schema_version: int = Field(
        default=1,
        ge=1,
        le=2,
        description="Version of this file format: 2. A map of version 1 is still read (and "
        "upgraded when loaded); 'harmonien-ropa migrate PATH' rewrites it to 2.",
        examples=[2],
    )
    organisation: Organisation
    notice: Notice
    record: DocumentMeta
    data_subjects: tuple[DataSubject, ...] = ()
    data_categories: tuple[DataCategory, ...] = ()
    systems: tuple[System, ...] = ()
    parties: tuple[Party, ...] = ()
    activities: tuple[Activity, ...] = ()
    cookies: tuple[Tracker, ...] = Field(
        default=(),
        description="Cookies and similar technologies (local storage, pixels, SDKs, e-mail open "
        "tracking) the organisation's websites, apps and e-mails use (ekomloven § 3-15): the "
        "notice and the record list them, and the checker compares each with its activity's "
        "consent.",
        examples=[
            [
                {
                    "name": "_ga",
                    "domain": ".harmonien.no",
                    "provider": "google",
                    "purpose": "statistics",
                    "lifetime": "P13M",
                    "activity": "web-analytics",
                }
            ]
        ],
    )
    seed_texts: tuple[SeedText, ...] = Field(
        default=(),
        description="Wording kept as it stands in the documents the map was built from (e.g. "
        "an earlier privacy notice), with where it comes from. Never published: the notice "
        "states each fact in its own words, and the checker reviews this wording against the "
        "law (ROPA410).",
    )
    settings: Settings = Field(default_factory=Settings)

    #: Every entry by kind and id, and who uses what: built once, on the first lookup (loading
    #: and its reference checks need none of it, and a map only loaded to be refused or
    #: compared is never asked).
    _index: _Index | None = PrivateAttr(default=None)

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """A copy, with its own index (an update may replace the entries it resolves)."""
        copied = super().model_copy(update=update, deep=deep)
        copied._index = None
        return copied

    @model_validator(mode="before")
    @classmethod
    def _upgrade(cls, data: Any) -> Any:
        """A map of an older format version is read as the current one (the steps of
        :mod:`harmonien_ropa.core.versions`, on a copy: the caller's data is left as it was)."""
        from ..core.versions import needs_upgrade, upgrade

        if isinstance(data, dict) and needs_upgrade(data):
            data = copy.deepcopy(data)
            upgrade(data)
        return data

    def __eq__(self, other: object) -> bool:
        # Fields only: the index is derived from them.
        return type(other) is type(self) and other.__dict__ == self.__dict__

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages the organisation publishes in, its default first
        (``organisation.languages``, or :data:`~harmonien_ropa.core.languages.DEFAULT_LANGUAGES`)."""
        return self.organisation.languages or DEFAULT_LANGUAGES

    def __hash__(self) -> int:
        return id(self)

    # -- lookups by id ---------------------------------------------------------------------

    def _resolved(self) -> _Index:
        """The index, read directly: every resolved reference comes through here, and
        pydantic's attribute fallback for private attributes costs ~40x a dict lookup. Built
        the first time it is asked for."""
        private = self.__pydantic_private__
        index: _Index | None = private["_index"] if private else None
        if index is None:
            index = self._index = _Index.of(self)
        return index

    def data_subject(self, ident: str) -> DataSubject:
        """The data subject with id ``ident`` (:class:`KeyError` if there is none)."""
        return _get(self._resolved().data_subjects, "data_subjects", ident)

    def data_category(self, ident: str) -> DataCategory:
        """The data category with id ``ident`` (:class:`KeyError` if there is none)."""
        return _get(self._resolved().data_categories, "data_categories", ident)

    def system(self, ident: str) -> System:
        """The system with id ``ident`` (:class:`KeyError` if there is none)."""
        return _get(self._resolved().systems, "systems", ident)

    def party(self, ident: str) -> Party:
        """The party with id ``ident`` (:class:`KeyError` if there is none)."""
        return _get(self._resolved().parties, "parties", ident)

    def activity(self, ident: str) -> Activity:
        """The activity with id ``ident`` (:class:`KeyError` if there is none)."""
        return _get(self._resolved().activities, "activities", ident)

    # -- an activity's references ----------------------------------------------------------

    def subjects_of(self, activity: Activity) -> tuple[DataSubject, ...]:
        """The data subjects ``activity`` processes data about, in its order."""
        return tuple(map(self._resolved().data_subjects.__getitem__, activity.data_subject_ids))

    def categories_of(self, activity: Activity) -> tuple[DataCategory, ...]:
        """The data categories ``activity`` processes, in its order."""
        table = self._resolved().data_categories
        return tuple(map(table.__getitem__, activity.data_category_ids))

    def special_categories_of(self, activity: Activity) -> tuple[DataCategory, ...]:
        """The special categories (Art. 9(1)) among ``activity``'s data categories; found once
        for each activity of the map (:meth:`once`), as the index is built, and read here from
        the index's table without :meth:`once`'s call (several rules ask for every activity)."""
        kept = self._resolved().derived[_SPECIAL].get(id(activity))
        if kept is not None and kept[0] is activity:
            return kept[1]  # type: ignore[return-value]  # kept by _Index.of
        return self.once(_SPECIAL, activity, _special_categories)

    def systems_of(self, activity: Activity) -> tuple[System, ...]:
        """The systems ``activity`` uses, in its order."""
        return tuple(map(self._resolved().systems.__getitem__, activity.system_ids))

    def recipients_of(self, activity: Activity) -> tuple[Party, ...]:
        """The parties ``activity`` names directly as recipients."""
        return tuple(map(self._resolved().parties.__getitem__, activity.recipient_ids))

    def all_recipients_of(self, activity: Activity) -> tuple[Party, ...]:
        """Direct recipients, the parties behind the systems used, and transfer recipients;
        found once for each activity of the map (kept in the map's index)."""
        index = self._resolved()
        kept = index.recipients.get(id(activity))
        if kept is not None and kept[0] is activity:
            return kept[1]
        # Not found while the index was built: an activity of another map, or a copy (or one
        # naming an unknown party, while a map's references are checked).
        table = index.parties
        found = tuple(table[i] for i in _recipient_ids(activity, index.systems))
        if index.activities.get(activity.id) is activity:  # the map's own: alive as long as it
            index.recipients[id(activity)] = (activity, found)
        return found

    def recipient_ids_of(self, activities: Iterable[Activity]) -> set[str]:
        """The ids of the parties that receive data in any of ``activities`` (those of each
        one's :meth:`all_recipients_of`). For the map's own activities, read party by party from
        who receives data from each (listed as the index is built): a few hundred parties, each
        asked whether one of its activities is among these (nearly always its first), instead
        of every party of every activity."""
        index = self._resolved()
        kept = index.recipients
        own: set[int] = set()
        found: set[str] = set()
        for activity in activities:
            recipients = kept.get(id(activity))
            if recipients is not None and recipients[0] is activity:
                own.add(id(activity))
            else:  # another map's, or a copy: its own parties
                found.update(party.id for party in self.all_recipients_of(activity))
        if own:
            among = own.__contains__
            for ident, users in index.users["parties"].items():
                if ident not in found and any(map(among, map(id, users))):
                    found.add(ident)
        return found

    def once(self, name: str, entry: Held, compute: Callable[[DataMap, Held], T]) -> T:
        """``compute(self, entry)``, found the first time it is asked for and then kept in the
        map's index, for an activity, system, party, data category or data subject of this map
        (another entry is computed each time). ``compute`` must read nothing but the map and
        the entry (both frozen); ``name`` says which function it is (e.g.
        ``"law.transfers.destinations"``), so that no two share a value."""
        private = self.__pydantic_private__  # as _resolved reads it, without the call (every
        index: _Index | None = private["_index"] if private else None  # rule asks, many times)
        if index is None:  # not built yet
            index = self._resolved()
        # One table per name, keyed by the entry's id() alone: no key made for each question.
        values = index.derived.get(name)
        if values is None:
            values = index.derived[name] = {}
        else:
            kept = values.get(id(entry))
            if kept is not None and kept[0] is entry:
                return kept[1]  # type: ignore[return-value]  # what compute returned for this name
        found = compute(self, entry)
        table: dict[str, Entity] | None = getattr(index, _TABLES.get(type(entry), ""), None)
        if table is not None and table.get(entry.id) is entry:  # the map's own: alive with it
            values[id(entry)] = (entry, found)
        return found

    def once_for_map(self, name: str, compute: Callable[[DataMap], T]) -> T:
        """``compute(self)``, found the first time it is asked for and then kept in the map's
        index: a table over the whole map (by id, say) that a question asked of every
        activity reads, instead of a value kept for each entry (:meth:`once`). ``compute``
        must read nothing but the map; ``name`` says which function it is, as for
        :meth:`once`."""
        tables = self._resolved().whole
        found = tables.get(name, _UNSEEN)
        if found is _UNSEEN:
            found = tables[name] = compute(self)
        return found  # type: ignore[return-value]  # what compute returned for this name

    def ids_where(self, kind: str, test: Callable[[Any], bool]) -> frozenset[str]:
        """The ids of the entries of ``kind`` (``"data_subjects"``, ``"data_categories"``,
        ``"systems"`` or ``"parties"``) for which ``test`` is true, each id judged by the entry
        the map resolves it to (its first), as :meth:`data_category` and the like find it."""
        table: dict[str, Entity] = getattr(self._resolved(), kind)
        return frozenset(ident for ident, entry in table.items() if test(entry))

    def client_of(self, activity: Activity) -> Party | None:
        """The controller ``activity`` is done for as a processor (``on_behalf_of``), if any."""
        ident = activity.on_behalf_of_id
        return self._resolved().parties[ident] if ident else None

    def source_party(self, source: Source) -> Party | None:
        """The party ``source`` names, if any."""
        return self._resolved().parties[source.party_id] if source.party_id else None

    def source_categories(self, activity: Activity, source: Source) -> tuple[DataCategory, ...]:
        """Categories from ``source`` of ``activity``: its own list, or all of the activity's."""
        table = self._resolved().data_categories
        return tuple(table[i] for i in source.category_ids or activity.data_category_ids)

    # -- a system's and a party's references -----------------------------------------------

    def vendor_of(self, system: System) -> Party | None:
        """The party that supplies or hosts ``system``, if any."""
        return self._resolved().parties[system.vendor_id] if system.vendor_id else None

    def operator_of(self, system: System) -> Party | None:
        """The party that operates ``system`` on the organisation's behalf, if any."""
        ident = system.operated_by_id
        return self._resolved().parties[ident] if ident else None

    def parties_of(self, system: System) -> tuple[Party, ...]:
        """Vendor and operator of ``system``, without duplicates, in that order."""
        table = self._resolved().parties
        ids = (system.vendor_id, system.operated_by_id)
        return tuple(table[i] for i in dict.fromkeys(ids) if i is not None)

    def engaged_by(self, party: Party) -> Party | None:
        """The processor that engaged the sub-processor ``party``, if any."""
        ident = party.engaged_by_id
        return self._resolved().parties[ident] if ident else None

    def systems_of_party(self, party: Party | str) -> tuple[System, ...]:
        """Systems that ``party`` (or the party of that id) supplies or operates, in map order."""
        ident = party if isinstance(party, str) else party.id
        return self._resolved().party_systems.get(ident, ())

    def trackers_of(self, activity_id: str) -> tuple[Tracker, ...]:
        """The cookies and similar technologies under ``cookies`` that serve activity
        ``activity_id``, in map order."""
        return self._resolved().trackers.get(activity_id, ())

    # -- who uses what ---------------------------------------------------------------------

    def activities_of(
        self, entry: DataSubject | DataCategory | System | Party
    ) -> tuple[Activity, ...]:
        """Activities that use ``entry``, in map order: that process data about a data subject
        or of a category, that use a system, or in which a party receives data (directly,
        through a system or by a transfer)."""
        return self._resolved().users_of(_KIND[type(entry)]).get(entry.id, ())

    def activities_using(self, kind: str, ident: str) -> tuple[Activity, ...]:
        """Activities that use entry ``ident`` of ``kind`` (``"data_subjects"``,
        ``"data_categories"``, ``"systems"`` or ``"parties"``), in map order; see
        :meth:`activities_of`."""
        users = self._resolved().users_of(kind) if kind in _KINDS else {}
        return users.get(ident, ())

    def unused_ids(self, kind: str, idents: Iterable[str]) -> frozenset[str]:
        """The ids among ``idents`` of entries of ``kind`` (as for :meth:`activities_using`)
        that no activity uses. Without listing who uses what: the activities are read only
        until every id of ``idents`` has been named (in a map where all are used, often a few
        of them), one set operation each; from the index's lists if they are made."""
        remaining = set(idents)
        users = self._resolved().users.get(kind)
        if users is not None or kind not in _KINDS:
            return frozenset(i for i in remaining if not users or i not in users)
        ids = _USED_IDS[kind]
        for activity in self.activities:
            if not remaining:
                break
            remaining.difference_update(ids(activity))
        return frozenset(remaining)

    @property
    def controller_activities(self) -> tuple[Activity, ...]:
        """Activities the organisation does as controller (Art. 30(1))."""
        return tuple(a for a in self.activities if not a.is_processor_activity)

    @property
    def processor_activities(self) -> tuple[Activity, ...]:
        """Activities done on behalf of other controllers (Art. 30(2))."""
        return tuple(a for a in self.activities if a.is_processor_activity)

    def statements(self) -> Iterator[tuple[Loc, Statement]]:
        """Every part of the map that can carry assumptions, with its location."""
        yield from _walk_statements(self, ())

    def assumed_statements(self) -> list[Statement]:
        """The parts of the map that hold an assumption, in the order of :meth:`statements`
        but without their locations (about a third cheaper where no place is needed)."""
        found: list[Statement] = []
        _collect_assumed(self, found)
        return found

    def assumptions(self) -> Iterator[tuple[Loc, Statement, str, str]]:
        """Every open assumption: (location of its note, owner, field name, note).

        The location is that of the note under ``assumptions:``, e.g.
        ``("activities", 2, "assumptions", "legal_basis")``, so it maps to the YAML line.
        """
        for loc, statement in self.statements():
            for field, note in sorted(statement.assumptions.items()):
                yield (*loc, "assumptions", field), statement, field, note


_KIND: dict[type, str] = {
    DataSubject: "data_subjects",
    DataCategory: "data_categories",
    System: "systems",
    Party: "parties",
}
#: An entry whose derived values the map keeps (:meth:`DataMap.once`), and its table.
Held = TypeVar("Held", Activity, System, Party, DataCategory, DataSubject)
_TABLES: dict[type, str] = {**_KIND, Activity: "activities"}
_KINDS = frozenset(_KIND.values())

E = TypeVar("E")
T = TypeVar("T")
Entry = TypeVar("Entry", bound=Entity)


def _get(table: dict[str, E], kind: str, ident: str) -> E:
    try:
        return table[ident]
    except KeyError:
        raise KeyError(f"no entry '{ident}' in {kind}") from None


_UNSEEN = object()

#: The name :meth:`DataMap.special_categories_of` keeps its values under (found for every
#: activity of the map as the index is built).
_SPECIAL = "model.datamap.special_categories_of"


def _special_categories(datamap: DataMap, activity: Activity) -> tuple[DataCategory, ...]:
    return tuple(c for c in datamap.categories_of(activity) if c.special_category)


def _recipient_ids(activity: Activity, systems: dict[str, System]) -> tuple[str, ...]:
    """Ids of the parties behind ``activity``'s systems, its direct recipients and its transfer
    recipients, each once, in that order."""
    ids: dict[str, None] = {}  # setting a key again keeps its place
    for system_id in activity.system_ids:
        system = systems.get(system_id)  # None only while a map's references are checked
        if system is not None:
            if system.vendor_id is not None:
                ids[system.vendor_id] = None
            if system.operated_by_id is not None:
                ids[system.operated_by_id] = None
    for party_id in activity.recipient_ids:
        ids[party_id] = None
    for transfer in activity.transfers:
        ids[transfer.party_id] = None
    return tuple(ids)


@dataclass(slots=True)
class _Index:
    """A map's entries by kind and id (the first of a duplicated id, which loading refuses),
    and its reverse lookups, so that a renderer may resolve references in a loop."""

    data_subjects: dict[str, DataSubject]
    data_categories: dict[str, DataCategory]
    systems: dict[str, System]
    parties: dict[str, Party]
    activities: dict[str, Activity]
    #: The map's activities, in its order (duplicated ids among them).
    listed: tuple[Activity, ...]
    #: kind → id → the activities that use that entry, in map order (:meth:`users_of`).
    users: dict[str, dict[str, tuple[Activity, ...]]]
    #: party id → the systems it supplies or operates, in map order.
    party_systems: dict[str, tuple[System, ...]]
    #: activity id → the cookies and similar technologies that serve it, in map order.
    trackers: dict[str, tuple[Tracker, ...]]
    #: id() of an activity of the map → (the activity, :meth:`DataMap.all_recipients_of`),
    #: found while the index is built (the parties looked up in one call per activity; one that
    #: names an unknown party as it is asked for); the activity is kept with its id, so the id
    #: cannot be another object's while the entry exists.
    recipients: dict[int, tuple[Activity, tuple[Party, ...]]]
    #: name → id() of an entry of the map → (the entry, the value): :meth:`DataMap.once`.
    derived: dict[str, dict[int, tuple[Entity, object]]] = dataclasses.field(default_factory=dict)
    #: name → a value derived from the whole map: :meth:`DataMap.once_for_map`.
    whole: dict[str, object] = dataclasses.field(default_factory=dict)

    @classmethod
    def of(cls, datamap: DataMap) -> _Index:
        systems = _first_by_id(datamap.systems)
        data_categories = _first_by_id(datamap.data_categories)
        # Each activity's special categories (:meth:`DataMap.special_categories_of`), found as
        # its categories are listed; an activity naming an unknown category is left to be asked.
        # (As :meth:`DataMap.once` keeps a value: for the entry its table holds.)
        special: dict[int, tuple[Entity, object]] = {}
        activities = _first_by_id(datamap.activities)
        # Who receives data from each activity (its parties) is listed here, as its recipients
        # are found; who uses a data subject, category or system only when first asked
        # (:meth:`_Index.users_of`), by one pass of the activities for that kind.
        parties: defaultdict[str, list[Activity]] = defaultdict(list)
        party_table = _first_by_id(datamap.parties)
        party_of = party_table.__getitem__
        recipients: dict[int, tuple[Activity, tuple[Party, ...]]] = {}
        # Most activities name no special category: two set operations (in C) say so.
        special_ids = {c.id for c in data_categories.values() if c.special_category}
        known = data_categories.__contains__
        # No id named twice (nearly always): each activity is the one its id finds.
        unique = len(activities) == len(datamap.activities)
        for activity in datamap.activities:
            ids = activity.data_category_ids
            specials: list[DataCategory] | None = []
            if not special_ids.isdisjoint(ids) or not all(map(known, ids)):
                for i in ids:
                    category = data_categories.get(i)
                    if category is None:  # only while a map's references are checked
                        specials = None
                    elif category.special_category and specials is not None:
                        specials.append(category)
            if specials is not None and (unique or activities[activity.id] is activity):
                special[id(activity)] = (activity, tuple(specials) if specials else ())
            found = _recipient_ids(activity, systems)
            for i in found:
                parties[i].append(activity)
            try:  # noqa: SIM105 (no context manager made for each activity)
                recipients[id(activity)] = (activity, tuple(map(party_of, found)))
            except KeyError:  # an unknown party: only while a map's references are checked
                pass
        # An activity's parties are listed each once (_recipient_ids).
        users = {"parties": {ident: tuple(found) for ident, found in parties.items()}}
        party_systems: dict[str, list[System]] = {}
        for system in datamap.systems:
            for party_id in dict.fromkeys((system.vendor_id, system.operated_by_id)):
                if party_id is not None:
                    party_systems.setdefault(party_id, []).append(system)
        trackers: dict[str, list[Tracker]] = {}
        for tracker in datamap.cookies:
            trackers.setdefault(tracker.activity_id, []).append(tracker)
        return cls(
            _first_by_id(datamap.data_subjects),
            data_categories,
            systems,
            party_table,
            activities,
            datamap.activities,
            users,
            {key: tuple(found) for key, found in party_systems.items()},
            {key: tuple(found) for key, found in trackers.items()},
            recipients,
            derived={_SPECIAL: special},
        )

    def users_of(self, kind: str) -> dict[str, tuple[Activity, ...]]:
        """Id → the activities that use that entry of ``kind`` (``"data_subjects"``,
        ``"data_categories"``, ``"systems"`` or ``"parties"``), in map order; listed for a kind
        the first time it is asked for (the parties as the index is built)."""
        table = self.users.get(kind)
        if table is None:
            ids = _USED_IDS[kind]  # a KeyError for an unknown kind
            # One list per id, one append per reference; an activity that names an id twice is
            # listed twice in a row (:func:`_each_once`).
            found: defaultdict[str, list[Activity]] = defaultdict(list)
            for activity in self.listed:
                for i in ids(activity):
                    found[i].append(activity)
            table = self.users[kind] = {i: _each_once(listed) for i, listed in found.items()}
        return table


#: kind → the ids of that kind an activity names itself.
_USED_IDS: dict[str, Callable[[Activity], tuple[str, ...]]] = {
    "data_subjects": operator.attrgetter("data_subject_ids"),
    "data_categories": operator.attrgetter("data_category_ids"),
    "systems": operator.attrgetter("system_ids"),
}


def _each_once(listed: list[Activity]) -> tuple[Activity, ...]:
    """The activities that use an entry, each once: an activity naming the entry twice was
    listed twice in a row (each activity's ids are listed before the next activity's), which a
    comparison of each with the one before finds in one pass (in C), before any is dropped."""
    if not any(map(operator.is_, listed, listed[1:])):
        return tuple(listed)
    return tuple(a for n, a in enumerate(listed) if n == 0 or listed[n - 1] is not a)


def _first_by_id(entries: tuple[Entry, ...]) -> dict[str, Entry]:
    # Made in C; as many keys as entries: no id twice, so each is its first (nearly always).
    table: dict[str, Entry] = dict(zip(map(_ID, entries), entries, strict=True))
    if len(table) == len(entries):
        return table
    table = {}
    for entry in entries:
        table.setdefault(entry.id, entry)
    return table


_ID = operator.attrgetter("id")


def _walk_statements(model: BaseModel, loc: Loc) -> Iterator[tuple[Loc, Statement]]:
    if isinstance(model, Statement):
        yield loc, model
    for name, key in _statement_holders(type(model)):
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            yield from _walk_statements(value, (*loc, key))
        elif isinstance(value, tuple):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from _walk_statements(item, (*loc, key, index))


def _collect_assumed(model: BaseModel, found: list[Statement]) -> None:
    if isinstance(model, Statement) and model.assumptions:
        found.append(model)
    for name, _ in _statement_holders(type(model)):
        value = getattr(model, name)
        if isinstance(value, tuple):
            for item in value:
                if isinstance(item, BaseModel):
                    _collect_assumed(item, found)
        elif isinstance(value, BaseModel):
            _collect_assumed(value, found)


@functools.cache
def _statement_holders(model: type[BaseModel]) -> tuple[tuple[str, str], ...]:
    """(attribute, YAML key) of the fields of ``model`` whose type can hold a Statement."""
    return tuple(
        (name, info.alias or name)
        for name, info in model.model_fields.items()
        if _holds_statement(info.annotation, frozenset({model}))
    )


def _holds_statement(annotation: Any, seen: frozenset[type]) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if issubclass(annotation, Statement):
            return True
        if annotation in seen:
            return False
        return any(
            _holds_statement(info.annotation, seen | {annotation})
            for info in annotation.model_fields.values()
        )
    return any(_holds_statement(arg, seen) for arg in typing.get_args(annotation))
