"""Joint controllers (GDPR Art. 26): the arrangement whose essence people are owed.

Joint controllers set out their respective responsibilities in an arrangement, and its essence
is made available to the data subject (Art. 26(1)-(2)). A joint controller without a recorded
arrangement is an error of the map (ROPA212); until it is recorded, the notice says the essence
is not described yet, as a provisional statement, rather than saying nothing of it. People may
exercise their rights against each controller whatever the arrangement says (Art. 26(3),
:func:`harmonien_ropa.law.rights.joint_controllers`).
"""

from __future__ import annotations

from ..model.inventory import Party
from ..model.legal import PartyRole

#: Why the notice's line on a joint controller's arrangement is provisional.
ARRANGEMENT_OPEN_NOTE = (
    "Not stated: the essence of the joint-controller arrangement, which must be made available "
    "to the people concerned (GDPR Art. 26(2)); add 'joint_arrangement:'."
)


def arrangement_missing(party: Party) -> bool:
    """True if ``party`` is a joint controller and the map records no arrangement with it."""
    return party.role is PartyRole.JOINT_CONTROLLER and party.joint_arrangement is None
