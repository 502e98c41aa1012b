"""The controller's activities grouped by the Art. 6(1) bases they state, once per check.

Many rules are about one kind of basis (legitimate interests, consent, a legal obligation): each
would otherwise go through every activity and its bases to find the few of its kind. The bases
of the activities done as controller are listed once per check, by kind
(:func:`bases_of`), so that such a rule visits only the bases it is about, in the map's order.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator

from ..model import Activity, LegalBasis
from ..model.bases import Basis
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
