"""The whole data map: one organisation, its inventory and activities, resolved by id."""

from __future__ import annotations

import copy
import difflib
import functools
import typing
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, Field, PrivateAttr, model_validator

from ..listing import some
from .activity import Activity
from .base import Frozen, ShortText, Statement, Text
from .inventory import DataCategory, DataSubject, Linked, Party, System
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


@dataclass(frozen=True, slots=True)
class ModelProblem:
    """A problem found in a validated map that pydantic alone cannot see (ids, references)."""

    loc: Loc
    code: str
    message: str
    fix: str | None = None


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
    :meth:`DataMap.build` (from a dict). Both check references and link entries, so that e.g.
    ``activity.systems`` gives :class:`System` objects.
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
    seed_texts: tuple[SeedText, ...] = Field(
        default=(),
        description="Wording kept as it stands in the documents the map was built from (e.g. "
        "an earlier privacy notice), with where it comes from. Never published: the notice "
        "states each fact in its own words, and the checker reviews this wording against the "
        "law (ROPA410).",
    )
    settings: Settings = Field(default_factory=Settings)

    _index: dict[str, dict[str, Linked]] = PrivateAttr(default_factory=dict)
    #: (kind, id) → the activities that use that entry, in map order (built by :meth:`link`).
    _users: dict[tuple[str, str], tuple[Activity, ...]] = PrivateAttr(default_factory=dict)
    #: party id → the systems it supplies or operates, in map order (built by :meth:`link`).
    _party_systems: dict[str, tuple[System, ...]] = PrivateAttr(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _upgrade(cls, data: Any) -> Any:
        """A map of an older format version is read as the current one (the steps of
        :mod:`harmonien_ropa.versions`, on a copy: the caller's data is left as it was)."""
        from ..versions import needs_upgrade, upgrade

        if isinstance(data, dict) and needs_upgrade(data):
            data = copy.deepcopy(data)
            upgrade(data)
        return data

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other.__dict__ == self.__dict__

    def __hash__(self) -> int:
        return id(self)

    # -- construction ----------------------------------------------------------------------

    @classmethod
    def build(cls, data: Any) -> DataMap:
        """Validate ``data``, check its references and link it.

        Raises :class:`pydantic.ValidationError` for structural problems and
        :class:`harmonien_ropa.errors.ReferenceError` for broken references.
        """
        from ..errors import ModelReferenceError

        datamap = cls.model_validate(data)
        problems = datamap.problems()
        if problems:
            raise ModelReferenceError(problems)
        datamap.link()
        return datamap

    def link(self) -> None:
        """Index entries by id and give each a back-reference to this map."""
        self._index = {}
        for kind, entries in self._collections().items():
            table: dict[str, Linked] = {}
            for entry in entries:
                table.setdefault(entry.id, entry)
                entry._map = self
            self._index[kind] = table
        self._link_reverse()

    def _link_reverse(self) -> None:
        """Index who uses what once, so that e.g. ``party.activities`` is a lookup, not a scan."""
        users: dict[tuple[str, str], list[Activity]] = {}
        for activity in self.activities:
            used = [
                *(("data_subjects", i) for i in activity.data_subject_ids),
                *(("data_categories", i) for i in activity.data_category_ids),
                *(("systems", i) for i in activity.system_ids),
                *(("parties", p.id) for p in activity.all_recipients),
            ]
            for key in dict.fromkeys(used):
                users.setdefault(key, []).append(activity)
        self._users = {key: tuple(found) for key, found in users.items()}
        party_systems: dict[str, list[System]] = {}
        for system in self.systems:
            for party_id in dict.fromkeys((system.vendor_id, system.operated_by_id)):
                if party_id is not None:
                    party_systems.setdefault(party_id, []).append(system)
        self._party_systems = {key: tuple(found) for key, found in party_systems.items()}

    def _collections(self) -> dict[str, Sequence[Linked]]:
        return {
            "data_subjects": self.data_subjects,
            "data_categories": self.data_categories,
            "systems": self.systems,
            "parties": self.parties,
            "activities": self.activities,
        }

    # -- lookups ---------------------------------------------------------------------------

    def _private(self, name: str) -> Any:
        """A private attribute, read directly: every resolved reference comes through here, and
        pydantic's attribute fallback for private attributes costs ~40x a dict lookup."""
        private = self.__pydantic_private__
        return private[name] if private else getattr(self, name)

    def _get(self, kind: str, ident: str) -> Any:
        try:
            index: dict[str, dict[str, Linked]] = self._private("_index")
            return index[kind][ident]
        except KeyError:
            raise KeyError(f"no entry '{ident}' in {kind}") from None

    def data_subject(self, ident: str) -> DataSubject:
        result: DataSubject = self._get("data_subjects", ident)
        return result

    def data_category(self, ident: str) -> DataCategory:
        result: DataCategory = self._get("data_categories", ident)
        return result

    def system(self, ident: str) -> System:
        result: System = self._get("systems", ident)
        return result

    def party(self, ident: str) -> Party:
        result: Party = self._get("parties", ident)
        return result

    def activity(self, ident: str) -> Activity:
        result: Activity = self._get("activities", ident)
        return result

    def activities_using(self, kind: str, ident: str) -> tuple[Activity, ...]:
        """Activities that use entry ``ident`` of ``kind`` (``"data_subjects"``,
        ``"data_categories"``, ``"systems"`` or ``"parties"``, the latter as a recipient,
        directly, through a system or by a transfer), in map order."""
        users: dict[tuple[str, str], tuple[Activity, ...]] = self._private("_users")
        return users.get((kind, ident), ())

    def systems_of_party(self, ident: str) -> tuple[System, ...]:
        """Systems that party ``ident`` supplies or operates, in map order."""
        systems: dict[str, tuple[System, ...]] = self._private("_party_systems")
        return systems.get(ident, ())

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

    def assumptions(self) -> Iterator[tuple[Loc, Statement, str, str]]:
        """Every open assumption: (location of its note, owner, field name, note).

        The location is that of the note under ``assumptions:``, e.g.
        ``("activities", 2, "assumptions", "legal_basis")``, so it maps to the YAML line.
        """
        for loc, statement in self.statements():
            for field, note in sorted(statement.assumptions.items()):
                yield (*loc, "assumptions", field), statement, field, note

    # -- reference checks ------------------------------------------------------------------

    def problems(self) -> list[ModelProblem]:
        """Duplicate ids, dangling references, cycles and misplaced assumptions."""
        problems: list[ModelProblem] = []
        ids: dict[str, set[str]] = {}
        for kind, entries in self._collections().items():
            seen: dict[str, int] = {}
            for index, entry in enumerate(entries):
                if entry.id in seen:
                    problems.append(
                        ModelProblem(
                            (kind, index, "id"),
                            "ROPA007",
                            f"duplicate id '{entry.id}' in {kind} "
                            f"(first used by entry {seen[entry.id] + 1})",
                            "give every entry of a list its own id",
                        )
                    )
                else:
                    seen[entry.id] = index
            ids[kind] = set(seen)

        ordered: dict[str, list[str]] = {}
        guessed = 0

        def ref(loc: Loc, owner: str, kind: str, target: str | None) -> None:
            nonlocal guessed
            if target is None or target in ids[kind]:
                return
            noun = _SINGULAR[kind]
            if kind not in ordered:
                ordered[kind] = sorted(ids[kind])
            # A guess compares the target with every id: only the first few get one, so that a
            # map full of broken references still costs time linear in its size.
            guessed += 1
            guess = (
                difflib.get_close_matches(target, ordered[kind], n=1, cutoff=0.6)
                if guessed <= _GUESSES
                else []
            )
            hint = f"; did you mean '{guess[0]}'?" if guess else ""
            known = some(ordered[kind], 12) or "none defined"
            problems.append(
                ModelProblem(
                    loc,
                    "ROPA006",
                    f"{owner} refers to {noun} '{target}', which does not exist{hint}",
                    f"use the id of an entry under '{kind}' (known: {known}), or add one",
                )
            )

        for i, system in enumerate(self.systems):
            owner = f"system '{system.id}'"
            ref(("systems", i, "vendor"), owner, "parties", system.vendor_id)
            ref(("systems", i, "operated_by"), owner, "parties", system.operated_by_id)
        for i, party in enumerate(self.parties):
            ref(("parties", i, "engaged_by"), f"party '{party.id}'", "parties", party.engaged_by_id)
        for i, act in enumerate(self.activities):
            owner = f"activity '{act.id}'"
            base: Loc = ("activities", i)
            for j, sid in enumerate(act.data_subject_ids):
                ref((*base, "data_subjects", j), owner, "data_subjects", sid)
            for j, cid in enumerate(act.data_category_ids):
                ref((*base, "data_categories", j), owner, "data_categories", cid)
            for j, sys_id in enumerate(act.system_ids):
                ref((*base, "systems", j), owner, "systems", sys_id)
            for j, pid in enumerate(act.recipient_ids):
                ref((*base, "recipients", j), owner, "parties", pid)
            ref((*base, "on_behalf_of"), owner, "parties", act.on_behalf_of_id)
            listed = set(act.data_category_ids) if act.sources else set()
            for j, src in enumerate(act.sources):
                ref((*base, "sources", j, "party"), owner, "parties", src.party_id)
                for k, cid in enumerate(src.category_ids):
                    loc: Loc = (*base, "sources", j, "categories", k)
                    if cid in ids["data_categories"] and cid not in listed:
                        problems.append(
                            ModelProblem(
                                loc,
                                "ROPA006",
                                f"{owner} has a source for category '{cid}', which the activity "
                                "does not list under data_categories",
                                f"add '{cid}' to the activity's data_categories or remove it here",
                            )
                        )
                    ref(loc, owner, "data_categories", cid)
            for j, transfer in enumerate(act.transfers):
                ref((*base, "transfers", j, "party"), owner, "parties", transfer.party_id)
                ref((*base, "transfers", j, "importer"), owner, "parties", transfer.importer_id)
        problems.extend(self._cycle_problems(ids["parties"]))
        problems.extend(self._assumption_problems())
        return problems

    def _cycle_problems(self, known: set[str]) -> list[ModelProblem]:
        """Sub-processor chains that lead back to where they started, each reported once, at
        its party with the smallest id.

        Every party engages at most one other, so one depth-first pass with three colours finds
        every cycle: each party is walked once (white: not seen, grey: on the current chain,
        black: done), and the work is linear in the number of parties however long the chains.
        """
        parent = {p.id: p.engaged_by_id for p in self.parties if p.engaged_by_id in known}
        position = {p.id: i for i, p in enumerate(self.parties)}
        done: set[str] = set()  # black
        cycles: list[list[str]] = []
        for start in sorted(parent):
            chain: dict[str, int] = {}  # grey: the current chain, party → place on it
            node: str | None = start
            while node is not None and node not in done and node not in chain:
                chain[node] = len(chain)
                node = parent.get(node)
            if node is not None and node in chain:
                cycle = list(chain)[chain[node] :]
                first = cycle.index(min(cycle))
                cycles.append(cycle[first:] + cycle[:first])
            done.update(chain)
        return [
            ModelProblem(
                ("parties", position[cycle[0]], "engaged_by"),
                "ROPA010",
                "sub-processor chain is a cycle: " + _chain(cycle),
                "a party cannot (indirectly) engage itself; fix 'engaged_by'",
            )
            for cycle in sorted(cycles)
        ]

    def _assumption_problems(self) -> list[ModelProblem]:
        problems = []
        for loc, statement in self.statements():
            if not statement.assumptions:
                continue
            valid = statement.statement_fields()
            for field in statement.assumptions:
                if field in valid:
                    continue
                guess = difflib.get_close_matches(field, valid, n=1, cutoff=0.6)
                hint = f"; did you mean '{guess[0]}'?" if guess else ""
                problems.append(
                    ModelProblem(
                        (*loc, "assumptions", field),
                        "ROPA003",
                        f"assumption about '{field}', which is not a field here{hint}",
                        "name one of: " + ", ".join(valid),
                    )
                )
        return problems


def _chain(cycle: list[str], shown: int = 12) -> str:
    """``a → b → c → a``; a long cycle shows its first and last parties and how many between."""
    if len(cycle) <= shown:
        return " → ".join([*cycle, cycle[0]])
    left = len(cycle) - shown + 2
    return " → ".join([*cycle[: shown - 3], f"… {left:,} more …", *cycle[-1:], cycle[0]])


#: How many broken references get a "did you mean" guess (each compares with every id).
_GUESSES = 100

_SINGULAR = {
    "data_subjects": "data subject",
    "data_categories": "data category",
    "systems": "system",
    "parties": "party",
    "activities": "activity",
}


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
