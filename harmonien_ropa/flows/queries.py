"""Questions people ask of a data map, answered as typed values.

* :func:`locate` — for an access or erasure request (Art. 15, 17): which systems and outside parties
  hold data about a kind of person, which categories, under which activity, how long it is kept,
  and whether a legal obligation limits erasure (Art. 17(3)(b)).
* :func:`impact` — if a vendor or system is breached or dropped: which activities, categories and
  data subjects are affected, and whether special categories or transfers outside the EEA are
  involved (the first questions of an Art. 33/34 assessment).

The map records categories per activity, not per system, so a system or party is said to hold
every category of each activity it serves: an upper bound to confirm for the case at hand.

A fact resting on an open assumption of the map is given with its notes in the ``assumed``
mapping of the value holding it (:mod:`.assumed`): no answer states an unconfirmed legal basis,
role or transfer ground as settled.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from ..core.errors import HarmonienError
from ..core.listing import some
from ..law.countries import is_eea
from ..law.rights import erasure_limit
from ..law.transfers import effective_mechanism, importer
from ..model.activity import Activity
from ..model.base import in_language
from ..model.datamap import DataMap
from ..model.inventory import Party, System
from ..model.legal import LegalBasis
from .assumed import (
    Assumed,
    assumed_facts,
    basis_assumptions,
    ground_notes,
    notes_of,
    retention_notes,
)


class QueryError(HarmonienError):
    """A query names something the data map does not have."""


@dataclass(frozen=True, slots=True)
class Retention:
    """An activity's retention rule (``None`` fields are not stated in the map)."""

    text: str | None
    period: str | None
    trigger: str | None
    legal_source: str | None
    assumed: bool


@dataclass(frozen=True, slots=True)
class Holding:
    """What one activity holds about the person, and whether it can be erased on request."""

    activity: str
    name: str
    categories: tuple[str, ...]
    legal_basis: str | None
    systems: tuple[str, ...]
    recipients: tuple[str, ...]
    marketing: tuple[str, ...]
    retention: Retention
    erasure_limited: bool
    erasure_reason: str | None
    #: The values of ``legal_basis`` that are assumptions still to be confirmed.
    legal_bases_assumed: tuple[str, ...] = ()
    #: The facts above that rest on open assumptions: fact → notes.
    assumed: Assumed = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Holder:
    """A system or outside party holding the person's data, and through which activities."""

    kind: str  # "system" or "party"
    id: str
    name: str
    role: str | None
    country: tuple[str, ...]
    categories: tuple[str, ...]
    activities: tuple[str, ...]
    keep_for: tuple[str, ...]  # activities whose data must be kept (legal obligation)
    via: tuple[str, ...]  # systems through which a party receives the data
    #: The facts above that rest on open assumptions (``role``, ``country``): fact → notes.
    assumed: Assumed = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class LocateResult:
    """Where data about ``subject`` (optionally only ``categories``) is held."""

    subject: str
    subject_name: str
    categories: tuple[str, ...]
    holdings: tuple[Holding, ...]
    holders: tuple[Holder, ...]

    @property
    def erasable(self) -> tuple[Holding, ...]:
        return tuple(h for h in self.holdings if not h.erasure_limited)

    @property
    def kept(self) -> tuple[Holding, ...]:
        return tuple(h for h in self.holdings if h.erasure_limited)

    def holder_ids(self, kind: str) -> tuple[str, ...]:
        return tuple(h.id for h in self.holders if h.kind == kind)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Transfer:
    """A transfer outside the EEA touched by an incident."""

    activity: str
    party: str
    country: str
    mechanism: str | None
    declared: bool
    #: ``mechanism`` when the transfer's ground is an open assumption: fact → notes.
    assumed: Assumed = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ImpactResult:
    """What a breach at, or the loss of, one system or party touches."""

    kind: str  # "system" or "party"
    id: str
    name: str
    parties: tuple[str, ...]  # the party and the sub-processors it engaged, or a system's parties
    systems: tuple[str, ...]
    activities: tuple[str, ...]
    data_subjects: tuple[str, ...]
    categories: tuple[str, ...]
    special_categories: tuple[str, ...]
    national_id: tuple[str, ...]
    vulnerable_subjects: tuple[str, ...]
    transfers: tuple[Transfer, ...]
    legal_bases: tuple[str, ...]
    large_scale: bool
    #: The values of ``legal_bases`` that are assumptions in an affected activity.
    legal_bases_assumed: tuple[str, ...] = ()
    #: The facts above that rest on open assumptions (``legal_bases``): fact → notes.
    assumed: Assumed = field(default_factory=dict)

    @property
    def involves_special_categories(self) -> bool:
        return bool(self.special_categories)

    @property
    def involves_transfers(self) -> bool:
        return bool(self.transfers)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["involves_special_categories"] = self.involves_special_categories
        data["involves_transfers"] = self.involves_transfers
        return data


# -- locate ------------------------------------------------------------------------------


def _unknown(kind: str, given: str, known: Iterable[str]) -> QueryError:
    names = sorted(known)
    guess = difflib.get_close_matches(given, names, n=1, cutoff=0.6)
    hint = f"; did you mean '{guess[0]}'?" if guess else ""
    return QueryError(f"no {kind} '{given}' in the data map{hint} (known: {some(names)})")


def _retention(act: Activity, lang: str) -> Retention:
    r = act.retention
    if r is None:
        return Retention(None, None, None, None, act.is_assumed("retention"))
    return Retention(
        text=r.text.get(lang),
        period=r.period,
        trigger=r.trigger.get(lang) if r.trigger else None,
        legal_source=r.legal_source,
        assumed=act.is_assumed("retention") or bool(r.assumptions),
    )


def locate(
    datamap: DataMap, subject: str, categories: Iterable[str] = (), lang: str = "en"
) -> LocateResult:
    """Every place data about ``subject`` is held (only ``categories``, when given)."""
    try:
        person = datamap.data_subject(subject)
    except KeyError:
        raise _unknown("data subject", subject, (s.id for s in datamap.data_subjects)) from None
    wanted = tuple(dict.fromkeys(categories))
    for cid in wanted:
        try:
            datamap.data_category(cid)
        except KeyError:
            known = (c.id for c in datamap.data_categories)
            raise _unknown("data category", cid, known) from None
    holdings: list[Holding] = []
    holders: dict[tuple[str, str], dict[str, Any]] = {}

    def hold(
        kind: str, entry: System | Party, act: Activity, cats: list[str], via: str | None
    ) -> None:
        slot = holders.setdefault(
            (kind, entry.id),
            {"entry": entry, "cats": [], "acts": [], "keep": [], "via": []},
        )
        slot["cats"] += [c for c in cats if c not in slot["cats"]]
        if act.id not in slot["acts"]:
            slot["acts"].append(act.id)
        if erasure_limit(act) and act.id not in slot["keep"]:
            slot["keep"].append(act.id)
        if via and via not in slot["via"]:
            slot["via"].append(via)

    for act in datamap.activities_of(person):
        cats = [c for c in act.data_category_ids if not wanted or c in wanted]
        if not cats:
            continue
        reason = erasure_limit(act)
        assumed_bases, basis_notes = basis_assumptions(act)
        kept_notes = retention_notes(act)
        holdings.append(
            Holding(
                activity=act.id,
                name=act.name.get(lang),
                categories=tuple(cats),
                legal_basis=", ".join(b.value for b in act.basis_values) or None,
                systems=act.system_ids,
                recipients=tuple(p.id for p in datamap.all_recipients_of(act)),
                marketing=tuple(m.value for m in act.marketing),
                retention=_retention(act, lang),
                erasure_limited=reason is not None,
                erasure_reason=reason,
                legal_bases_assumed=assumed_bases,
                assumed=assumed_facts(
                    categories=notes_of(act, "data_categories"),
                    legal_basis=basis_notes,
                    systems=notes_of(act, "systems"),
                    recipients=notes_of(act, "recipients"),
                    marketing=notes_of(act, "marketing"),
                    retention=kept_notes,
                    # Whether erasure may be refused follows from the retention's statute and
                    # the basis (law.rights.erasure_limit): it is as settled as they are.
                    erasure_limited=basis_notes + kept_notes,
                ),
            )
        )
        for system in datamap.systems_of(act):
            hold("system", system, act, cats, None)
            for party in datamap.parties_of(system):
                hold("party", party, act, cats, system.id)
        for party in datamap.all_recipients_of(act):
            hold("party", party, act, cats, None)
            engaged_by = datamap.engaged_by(party)
            if engaged_by is not None:
                hold("party", engaged_by, act, cats, None)

    cat_order = {c.id: i for i, c in enumerate(datamap.data_categories)}
    out = []
    for (kind, _), slot in holders.items():
        entry = slot["entry"]
        is_party = isinstance(entry, Party)
        out.append(
            Holder(
                kind=kind,
                id=entry.id,
                name=entry.name,
                role=entry.role.value if is_party else None,
                country=(entry.country,) if is_party else tuple(entry.hosting_countries),
                categories=tuple(sorted(slot["cats"], key=cat_order.__getitem__)),
                activities=tuple(slot["acts"]),
                keep_for=tuple(slot["keep"]),
                via=tuple(slot["via"]),
                assumed=assumed_facts(
                    role=notes_of(entry, "role") if is_party else (),
                    country=notes_of(entry, "country" if is_party else "hosting_countries"),
                ),
            )
        )
    return LocateResult(
        subject=person.id,
        subject_name=person.name.get(lang),
        categories=wanted,
        holdings=tuple(holdings),
        holders=tuple(out),
    )


# -- impact ------------------------------------------------------------------------------


def _engaged(datamap: DataMap, party: Party) -> list[Party]:
    """``party`` and every sub-processor it engaged, directly or down the chain."""
    engaged: dict[str, list[Party]] = {}  # who each party engaged, in map order
    for other in datamap.parties:
        if other.engaged_by_id is not None:
            engaged.setdefault(other.engaged_by_id, []).append(other)
    found = [party]
    seen = {party.id}
    for current in found:  # breadth first, each party once: linear however long the chain
        for other in engaged.get(current.id, ()):
            if other.id not in seen:
                seen.add(other.id)
                found.append(other)
    return found


def impact(
    datamap: DataMap, *, party: str | None = None, system: str | None = None
) -> ImpactResult:
    """What is affected if ``party`` (with its sub-processors) or ``system`` is breached or lost."""
    if (party is None) == (system is None):
        raise QueryError("give exactly one of a party or a system")
    if party is not None:
        try:
            target: Party | System = datamap.party(party)
        except KeyError:
            raise _unknown("party", party, (p.id for p in datamap.parties)) from None
        parties = _engaged(datamap, target)  # type: ignore[arg-type]
        party_ids = {p.id for p in parties}
        systems = [
            s for s in datamap.systems if party_ids & {s.vendor_id, s.operated_by_id} - {None}
        ]
        acts = [
            a
            for a in datamap.activities
            if party_ids & {p.id for p in datamap.all_recipients_of(a)}
        ]
    else:
        try:
            target = datamap.system(str(system))
        except KeyError:
            raise _unknown("system", str(system), (s.id for s in datamap.systems)) from None
        systems = [target]
        parties = list(datamap.parties_of(target))
        acts = list(datamap.activities_of(target))
    # Parties whose hands the data passes through in this incident: the target's, and the
    # parties behind the affected systems (they receive what the system holds).
    reach = {p.id for p in parties} | {p.id for s in systems for p in datamap.parties_of(s)}
    transfers = _transfers(datamap, acts, reach)
    categories = [
        c for c in datamap.data_categories if any(c in datamap.categories_of(a) for a in acts)
    ]
    subjects = [s for s in datamap.data_subjects if any(s in datamap.subjects_of(a) for a in acts)]
    bases = [b.value for b in LegalBasis if any(b in a.basis_values for a in acts)]
    per_activity = [basis_assumptions(a) for a in acts]
    assumed_bases = {value for values, _ in per_activity for value in values}
    return ImpactResult(
        kind="party" if party is not None else "system",
        id=target.id,
        name=in_language(target.name, datamap.languages[0]),
        parties=tuple(p.id for p in parties),
        systems=tuple(s.id for s in systems),
        activities=tuple(a.id for a in acts),
        data_subjects=tuple(s.id for s in subjects),
        categories=tuple(c.id for c in categories),
        special_categories=tuple(c.id for c in categories if c.special_category),
        national_id=tuple(c.id for c in categories if c.national_id),
        vulnerable_subjects=tuple(s.id for s in subjects if s.vulnerable),
        transfers=tuple(transfers),
        legal_bases=tuple(bases),
        large_scale=any(a.large_scale for a in acts),
        legal_bases_assumed=tuple(b for b in bases if b in assumed_bases),
        assumed=assumed_facts(legal_bases=tuple(n for _, notes in per_activity for n in notes)),
    )


def _transfers(datamap: DataMap, acts: Iterable[Activity], reach: set[str]) -> list[Transfer]:
    found: list[Transfer] = []
    for act in acts:
        declared = set()
        for t in act.transfers:
            declared.add(t.party_id)
            if t.party_id in reach and not is_eea(t.country):
                party = datamap.party(t.party_id)
                effective = effective_mechanism(t, party)
                mech = effective.value if effective else None
                marks = ground_notes(act, t, party, importer(datamap, t))
                found.append(Transfer(act.id, t.party_id, t.country, mech, True, marks))
        for p in datamap.all_recipients_of(act):
            if p.id in reach and p.id not in declared and not is_eea(p.country):
                mech = p.transfer_mechanism.value if p.transfer_mechanism else None
                marks = ground_notes(act, None, p, p)
                found.append(Transfer(act.id, p.id, p.country, mech, False, marks))
    return found
