"""The controller's activities grouped by the Art. 6(1) bases and the retention rules they
state, once per check.

Many rules are about one kind of basis (legitimate interests, consent, a legal obligation) or of
retention (until consent is withdrawn, permanent archiving): each would otherwise go through
every activity to find the few of its kind. The bases and the retention rules of the activities
done as controller are listed once per check, by kind (:func:`bases_of`, :func:`retentions_of`),
so that such a rule visits only those it is about, in the map's order.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator

from ..law.uses import retentions
from ..model import Activity, LegalBasis
from ..model.activity import Retention
from ..model.bases import Basis
from ..model.legal import RetentionKind
from .rule import Context, Loc

#: A basis with its place in the map's order (a number, to merge kinds), its activity's
#: location and the activity.
Placed = tuple[int, Loc, Activity, Basis]


def bases_of(ctx: Context, *kinds: LegalBasis | None) -> Iterable[Placed]:
    """Every basis of one of ``kinds`` of the activities done as controller (as
    :meth:`Context.controller_activities` lists them), with its activity, in the map's order
    (activity by activity, each activity's bases in its order)."""
    table = ctx.shared("grouping.bases", _by_kind)
    if len(kinds) == 1:
        return table.get(kinds[0], ())
    return heapq.merge(*(table.get(kind, ()) for kind in kinds))


def activities_with(ctx: Context, *kinds: LegalBasis | None) -> Iterator[tuple[Loc, Activity]]:
    """The activities done as controller that state a basis of one of ``kinds``, each once,
    in the map's order."""
    last: Activity | None = None
    for _, loc, activity, _basis in bases_of(ctx, *kinds):
        if activity is not last:
            yield loc, activity
            last = activity


def _by_kind(ctx: Context) -> dict[LegalBasis | None, list[Placed]]:
    """Every basis of the activities done as controller, by kind (``None``: no basis stated)."""
    found: dict[LegalBasis | None, list[Placed]] = {}
    order = 0
    for loc, activity in ctx.controller_activities():
        for basis in activity.bases:
            kind = basis.basis
            placed = found.get(kind)
            if placed is None:
                placed = found[kind] = []
            placed.append((order, loc, activity, basis))
            order += 1
    return found


#: A retention rule with its place in the map's order, its activity's location, the activity
#: and its place under the activity (as :func:`harmonien_ropa.law.uses.retentions` gives it).
PlacedRetention = tuple[int, Loc, Activity, Loc, Retention]


def retentions_of(ctx: Context, *kinds: RetentionKind) -> Iterable[PlacedRetention]:
    """Every retention rule (:func:`harmonien_ropa.law.uses.retentions`: the activity's own,
    then each per-category rule) of the activities done as controller, of one of ``kinds``
    (every rule when none is given), in the map's order."""
    table = ctx.shared("grouping.retentions", _retentions_by_kind)
    if not kinds:
        return table[None]
    if len(kinds) == 1:
        return table.get(kinds[0], ())
    return heapq.merge(*(table.get(kind, ()) for kind in kinds))


def _retentions_by_kind(ctx: Context) -> dict[RetentionKind | None, list[PlacedRetention]]:
    """Every retention rule of the activities done as controller, by kind (``None``: all)."""
    every: list[PlacedRetention] = []
    found: dict[RetentionKind | None, list[PlacedRetention]] = {None: every}
    for loc, activity in ctx.controller_activities():
        for place, retention in retentions(activity):
            placed = (len(every), loc, activity, place, retention)
            every.append(placed)
            kind = found.get(retention.kind)
            if kind is None:
                kind = found[retention.kind] = []
            kind.append(placed)
    return found
