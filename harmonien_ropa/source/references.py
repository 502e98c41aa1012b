"""Reference checks of a validated data map: duplicate ids, dangling references, sub-processor
cycles and assumptions about fields an entry does not have.

Pydantic sees one entry at a time; these checks need the whole map. They run when a map is
loaded (:func:`harmonien_ropa.loading.from_document`) and give :class:`Diagnostic` values with
the file, line and column of the YAML that caused them.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from operator import attrgetter

from ..core.diagnostics import Diagnostic, Severity
from ..core.listing import some
from ..core.load_codes import (
    DANGLING_REFERENCE,
    DUPLICATE_ID,
    SUBPROCESSOR_CYCLE,
    UNKNOWN_KEY,
    LoadCode,
)
from ..model.activity import Activity
from ..model.base import Entity, Statement, assumable_fields
from ..model.datamap import DataMap
from .positions import Loc, Positions

#: How many broken references get a "did you mean" guess (each compares with every id).
GUESSES = 100

_SINGULAR = {
    "data_subjects": "data subject",
    "data_categories": "data category",
    "systems": "system",
    "parties": "party",
    "activities": "activity",
}


class _Report:
    """The diagnostics found so far, each placed through the positions index."""

    def __init__(self, positions: Positions, path: str) -> None:
        self.positions, self.path = positions, path
        self.found: list[Diagnostic] = []

    def add(self, loc: Loc, code: LoadCode, message: str, fix: str, *, key: bool = False) -> None:
        line, column = self.positions.find(loc, key=key)
        self.found.append(
            Diagnostic(self.path, line, column, code.code, Severity.ERROR, message, fix)
        )


def reference_problems(
    datamap: DataMap, positions: Positions, path: str, *, assumptions_known: bool = False
) -> list[Diagnostic]:
    """Every duplicate id, dangling reference, sub-processor cycle and misplaced assumption of
    ``datamap``, at its position. The work is linear in the map's size.

    ``assumptions_known``: every statement of the map was validated in an
    :func:`~harmonien_ropa.model.base.audited_assumptions` block, which found no assumption
    about a field its entry does not have (so the map is not walked to look for one)."""
    report = _Report(positions, path)
    ids = _duplicate_ids(datamap, report)
    _dangling(datamap, ids, report)
    _cycles(datamap, ids["parties"], report)
    if not assumptions_known:
        _assumptions(datamap, report)
    return report.found


def _collections(datamap: DataMap) -> dict[str, Sequence[Entity]]:
    return {
        "data_subjects": datamap.data_subjects,
        "data_categories": datamap.data_categories,
        "systems": datamap.systems,
        "parties": datamap.parties,
        "activities": datamap.activities,
    }


_ID = attrgetter("id")


def _duplicate_ids(datamap: DataMap, report: _Report) -> dict[str, set[str]]:
    """Report every id used twice in one list; return the ids of each kind."""
    ids: dict[str, set[str]] = {}
    for kind, entries in _collections(datamap).items():
        known = set(map(_ID, entries))
        if len(known) == len(entries):  # each id once: one set made in C says so
            ids[kind] = known
            continue
        seen: dict[str, int] = {}
        for index, entry in enumerate(entries):
            if entry.id in seen:
                report.add(
                    (kind, index, "id"),
                    DUPLICATE_ID,
                    f"duplicate id '{entry.id}' in {kind} "
                    f"(first used by entry {seen[entry.id] + 1})",
                    DUPLICATE_ID.fix,
                )
            else:
                seen[entry.id] = index
        ids[kind] = set(seen)
    return ids


def _dangling(datamap: DataMap, ids: dict[str, set[str]], report: _Report) -> None:
    """Report every reference to an id that no entry of its kind has."""
    ordered: dict[str, list[str]] = {}
    guessed = 0

    def ref(loc: Loc, owner: str, kind: str, target: str | None) -> None:
        nonlocal guessed
        if target is None or target in ids[kind]:
            return
        if kind not in ordered:
            ordered[kind] = sorted(ids[kind])
        # A guess compares the target with every id: only the first few get one, so that a
        # map full of broken references still costs time linear in its size.
        guessed += 1
        guess = (
            difflib.get_close_matches(target, ordered[kind], n=1, cutoff=0.6)
            if guessed <= GUESSES
            else []
        )
        hint = f"; did you mean '{guess[0]}'?" if guess else ""
        known = some(ordered[kind], 12) or "none defined"
        report.add(
            loc,
            DANGLING_REFERENCE,
            f"{owner} refers to {_SINGULAR[kind]} '{target}', which does not exist{hint}",
            f"use the id of an entry under '{kind}' (known: {known}), or add one",
        )

    def refs(loc: Loc, owner: str, kind: str, targets: Sequence[str]) -> None:
        # Most lists refer only to known ids: one set operation in C says so, and only a
        # list with a broken reference is gone through (in order, so the same ones are
        # guessed).
        if not ids[kind].issuperset(targets):
            for j, target in enumerate(targets):
                ref((*loc, j), owner, kind, target)

    parties, categories = ids["parties"], ids["data_categories"]
    for i, system in enumerate(datamap.systems):
        if system.vendor_id not in parties or system.operated_by_id not in parties:
            owner = f"system '{system.id}'"
            ref(("systems", i, "vendor"), owner, "parties", system.vendor_id)
            ref(("systems", i, "operated_by"), owner, "parties", system.operated_by_id)
    for i, party in enumerate(datamap.parties):
        if party.engaged_by_id not in parties:
            ref(("parties", i, "engaged_by"), f"party '{party.id}'", "parties", party.engaged_by_id)
    for i, category in enumerate(datamap.data_categories):
        refs(
            ("data_categories", i, "needed_for"),
            f"data category '{category.id}'",
            "activities",
            category.needed_for,
        )
    subjects, systems, activities = ids["data_subjects"], ids["systems"], ids["activities"]
    for i, act in enumerate(datamap.activities):
        if _refers_to_known(act, subjects, categories, systems, parties, activities):
            continue  # nothing below would report anything
        owner = f"activity '{act.id}'"
        base: Loc = ("activities", i)
        refs((*base, "data_subjects"), owner, "data_subjects", act.data_subject_ids)
        refs((*base, "data_categories"), owner, "data_categories", act.data_category_ids)
        refs((*base, "systems"), owner, "systems", act.system_ids)
        refs((*base, "recipients"), owner, "parties", act.recipient_ids)
        ref((*base, "on_behalf_of"), owner, "parties", act.on_behalf_of_id)
        listed = set(act.data_category_ids) if act.sources else set()
        for j, src in enumerate(act.sources):
            ref((*base, "sources", j, "party"), owner, "parties", src.party_id)
            for k, cid in enumerate(src.category_ids):
                loc: Loc = (*base, "sources", j, "categories", k)
                if cid in categories and cid not in listed:
                    report.add(
                        loc,
                        DANGLING_REFERENCE,
                        f"{owner} has a source for category '{cid}', which the activity "
                        "does not list under data_categories",
                        f"add '{cid}' to the activity's data_categories or remove it here",
                    )
                ref(loc, owner, "data_categories", cid)
        for j, transfer in enumerate(act.transfers):
            ref((*base, "transfers", j, "party"), owner, "parties", transfer.party_id)
            ref((*base, "transfers", j, "importer"), owner, "parties", transfer.importer_id)
        for j, src in enumerate(act.sources):
            ref((*base, "sources", j, "activity"), owner, "activities", src.activity_id)
        for j, kept in enumerate(act.category_retention):
            for k, cid in enumerate(kept.category_ids):
                where: Loc = (*base, "category_retention", j, "categories", k)
                if cid in categories and cid not in act.data_category_ids:
                    report.add(
                        where,
                        DANGLING_REFERENCE,
                        f"{owner} has a retention rule for category '{cid}', which the "
                        "activity does not list under data_categories",
                        f"add '{cid}' to the activity's data_categories or remove it here",
                    )
                ref(where, owner, "data_categories", cid)
    for i, tracker in enumerate(datamap.cookies):
        owner = f"cookie '{tracker.name}'"
        ref(("cookies", i, "provider"), owner, "parties", tracker.provider_id)
        ref(("cookies", i, "activity"), owner, "activities", tracker.activity_id)


def _refers_to_known(
    act: Activity,
    subjects: set[str],
    categories: set[str],
    systems: set[str],
    parties: set[str],
    activities: set[str],
) -> bool:
    """Whether every reference of ``act`` is to a known id, and every category its sources and
    retention rules name is one of its own: a few set operations in C, where the checks of
    :func:`_dangling` build each reference's place (most activities have no problem)."""
    if not (
        categories.issuperset(act.data_category_ids)
        and subjects.issuperset(act.data_subject_ids)
        and systems.issuperset(act.system_ids)
        and parties.issuperset(act.recipient_ids)
        and (act.on_behalf_of_id is None or act.on_behalf_of_id in parties)
    ):
        return False
    # The lists below are most often empty or short: plain loops, and the activity's own
    # categories made a set only when a source or a retention rule names some.
    listed: set[str] | None = None
    for src in act.sources:
        if (src.party_id is not None and src.party_id not in parties) or (
            src.activity_id is not None and src.activity_id not in activities
        ):
            return False
        if src.category_ids:
            listed = set(act.data_category_ids) if listed is None else listed
            if not listed.issuperset(src.category_ids):
                return False
    for transfer in act.transfers:
        if transfer.party_id not in parties or (
            transfer.importer_id is not None and transfer.importer_id not in parties
        ):
            return False
    for kept in act.category_retention:
        listed = set(act.data_category_ids) if listed is None else listed
        if not listed.issuperset(kept.category_ids):
            return False
    return True


def _cycles(datamap: DataMap, known: set[str], report: _Report) -> None:
    """Report sub-processor chains that lead back to where they started, each once, at its
    party with the smallest id.

    Every party engages at most one other, so one depth-first pass with three colours finds
    every cycle: each party is walked once (white: not seen, grey: on the current chain,
    black: done), and the work is linear in the number of parties however long the chains.
    """
    parties = datamap.parties
    parent = {p.id: p.engaged_by_id for p in parties if p.engaged_by_id in known}
    position = {p.id: i for i, p in enumerate(parties)}
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
    for cycle in sorted(cycles):
        report.add(
            ("parties", position[cycle[0]], "engaged_by"),
            SUBPROCESSOR_CYCLE,
            "sub-processor chain is a cycle: " + _chain(cycle),
            SUBPROCESSOR_CYCLE.fix,
        )


def _chain(cycle: list[str], shown: int = 12) -> str:
    """``a → b → c → a``; a long cycle shows its first and last parties and how many between."""
    if len(cycle) <= shown:
        return " → ".join([*cycle, cycle[0]])
    left = len(cycle) - shown + 2
    return " → ".join([*cycle[: shown - 3], f"… {left:,} more …", *cycle[-1:], cycle[0]])


def _assumptions(datamap: DataMap, report: _Report) -> None:
    """Report assumptions about a field the entry does not have (at the field's key)."""
    fields: dict[type[Statement], tuple[str, ...]] = {}  # each kind's fields, found once
    # Most maps assume nothing about a field an entry does not have: the walk that gives each
    # statement its place (a third dearer) is made only when one does.
    if all(
        assumable_fields(type(statement)).issuperset(statement.assumptions)
        for statement in datamap.assumed_statements()
    ):
        return
    for loc, statement in datamap.statements():
        if not statement.assumptions:
            continue
        kind = type(statement)
        valid = fields.get(kind) or fields.setdefault(kind, kind.statement_fields())
        for field in statement.assumptions:
            if field in valid:
                continue
            guess = difflib.get_close_matches(field, valid, n=1, cutoff=0.6)
            hint = f"; did you mean '{guess[0]}'?" if guess else ""
            report.add(
                (*loc, "assumptions", field),
                UNKNOWN_KEY,
                f"assumption about '{field}', which is not a field here{hint}",
                "name one of: " + ", ".join(valid),
                key=True,
            )
