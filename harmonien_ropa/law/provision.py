"""Whether people must give the data they are asked for (GDPR Art. 13(2)(e)).

Where data is collected from the person, the notice must say whether giving it is a statutory
or contractual requirement, or a requirement for entering into a contract, whether the person
is obliged to give it, and what happens if they do not. Art. 14 has no such item, so the
question arises only for data the person gives us (a source of kind ``data_subject``).

* The map's own ``provision`` text answers it (``stated``).
* Under a contract or a legal obligation (Art. 6(1)(b), (c)) only the organisation knows what
  the contract or the statute requires, so the map must say it (``to_state``); until it does,
  the notice says so as a provisional statement and the checker reports ROPA404.
* Where every basis is consent or legitimate interests, neither a statute nor a contract can
  make giving the data a duty (consent must be freely given, Art. 4(11), 7(4); legitimate
  interests rest on no duty of the person), so the law answers it: the person does not have
  to give the data (``voluntary``), provisional while a basis is still an assumption.
* Otherwise (a task in the public interest, vital interests, no basis yet) the law gives no
  answer of its own (``n/a``), as before.

The notice, the Art. 13 coverage and the checker share this one reading.
"""

from __future__ import annotations

from typing import Literal

from ..model import memo
from ..model.activity import Activity
from ..model.bases import Basis
from ..model.legal import LegalBasis, SourceKind

Provision = Literal["n/a", "stated", "voluntary", "to_state"]

#: Bases under which giving the data may be a statutory or contractual requirement.
REQUIREMENT_BASES = frozenset({LegalBasis.CONTRACT, LegalBasis.LEGAL_OBLIGATION})
#: Bases under which giving the data is never a duty of the person.
VOLUNTARY_BASES = frozenset({LegalBasis.CONSENT, LegalBasis.LEGITIMATE_INTERESTS})


def collected_from_person(activity: Activity) -> bool:
    """True if (some of) the activity's data is collected from the person (Art. 13)."""
    for source in activity.sources:  # noqa: SIM110 (no generator: asked for every activity)
        if source.kind is SourceKind.DATA_SUBJECT:
            return True
    return False


def requiring_basis(activity: Activity) -> Basis | None:
    """The first basis under which giving the data may be required (contract, legal
    obligation), or ``None``."""
    for basis in activity.bases:  # a loop, not a generator: every rule and notice asks
        if basis.basis in REQUIREMENT_BASES:
            return basis
    return None


def provision(activity: Activity) -> Provision:
    """What the notice can say about Art. 13(2)(e) for ``activity`` (see the module); found
    once for the activity (:mod:`harmonien_ropa.model.memo`)."""
    return memo.once(activity, _PROVISION, _provision)


_PROVISION = memo.key("law.provision.provision")


def _provision(activity: Activity) -> Provision:
    if not collected_from_person(activity):
        return "n/a"
    if activity.provision is not None:
        return "stated"
    if requiring_basis(activity) is not None:
        return "to_state"
    bases = activity.bases
    if not bases:
        return "n/a"
    for b in bases:  # a loop, not a generator: found for every activity
        if b.basis not in VOLUNTARY_BASES:
            return "n/a"
    return "voluntary"
