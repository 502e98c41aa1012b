"""Which facts of a query's answer rest on open assumptions of the map, with their notes.

A field named under an entry's ``assumptions:`` is read through
:meth:`~harmonien_ropa.model.base.Statement.is_assumed` and its note, as the notice, the record
and the checker read it; these helpers only gather, for each fact ``locate`` and ``impact``
print, the fields it is made from.
"""

from __future__ import annotations

from ..model.activity import Activity, Transfer
from ..model.base import Statement
from ..model.inventory import Party

#: Fact name → the notes of the open assumptions it rests on (only facts that rest on one).
Assumed = dict[str, tuple[str, ...]]


def notes_of(entry: Statement | None, *fields: str) -> tuple[str, ...]:
    """The notes of the assumptions on ``fields`` of ``entry``, in the order of ``fields``."""
    if entry is None or not entry.assumptions:
        return ()
    return tuple(entry.assumptions[f] for f in fields if entry.is_assumed(f))


def assumed_facts(**facts: tuple[str, ...]) -> Assumed:
    """The facts among ``facts`` that rest on at least one assumption, each note once."""
    return {name: tuple(dict.fromkeys(found)) for name, found in facts.items() if found}


def basis_assumptions(act: Activity) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The activity's bases that are assumptions (their values) and the notes behind them.

    A basis is assumed where the publication gate holds it back: the whole ``legal_bases``
    list, the single ``legal_basis`` or the ``basis`` of an entry of ``legal_bases``.
    """
    whole = notes_of(act, "legal_bases")
    values: list[str] = []
    found: list[str] = [*whole]
    for b in act.bases:
        own = notes_of(b.owner, b.field("basis"))
        if b.basis is not None and (whole or own):
            values.append(b.basis.value)
        found += own
    return tuple(dict.fromkeys(values)), tuple(found)


def retention_notes(act: Activity) -> tuple[str, ...]:
    """The notes of the assumptions on the activity's retention and within it."""
    r = act.retention
    return notes_of(act, "retention") + (tuple(r.assumptions.values()) if r is not None else ())


def ground_notes(
    act: Activity, transfer: Transfer | None, party: Party, importer: Party
) -> Assumed:
    """The assumptions behind a transfer's Chapter V ground: the transfer's own ``mechanism``,
    else the recipient's ``transfer_mechanism`` it falls back on (as
    :func:`~harmonien_ropa.law.transfers.effective_mechanism`), the importer's
    ``dpf_certified``, and the activity's list of ``transfers``."""
    own = transfer is not None and transfer.mechanism is not None
    found = notes_of(act, "transfers") if transfer is not None else ()
    found += notes_of(transfer, "mechanism")
    if not own:
        found += notes_of(party, "transfer_mechanism")
    found += notes_of(importer, "dpf_certified")
    return assumed_facts(mechanism=found)
