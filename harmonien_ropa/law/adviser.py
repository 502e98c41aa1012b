"""A data-protection adviser who is not a data-protection officer.

Only a person designated under GDPR Art. 37 is the organisation's data-protection officer
("personvernombud", nynorsk "personvernombod"), with the position Art. 38 gives (independence,
no instructions on the tasks, reporting to the highest management) and the tasks of Art. 39;
the notice gives that officer's contact details under Art. 13(1)(b) and 14(1)(b). Many
organisations have a privacy adviser ("personvernrådgiver") who has neither, and who must not
be presented as the officer: people would take the adviser's word for the officer's, and the
organisation would appear to meet Art. 37 when it has decided otherwise (transparency,
Art. 5(1)(a) and 12(1)). The notice names an adviser by function only; the checker reports an
adviser whose role the map gives as the officer's (ROPA707).
"""

from __future__ import annotations

import re

from ..model.base import Text

#: The titles of a data-protection officer, in bokmål, nynorsk and English.
DPO_TITLE = re.compile(
    r"\bpersonvernombud\w*|\bpersonvernombod\w*|\bdata[- ]protection officer\b|\bDPO\b",
    re.IGNORECASE,
)

#: The provisions that reserve the title for the officer designated under Art. 37.
LAW = "GDPR Art. 37-39, 13(1)(b), 5(1)(a), 12(1)"


def dpo_title_in(role: Text | None) -> str | None:
    """The first officer's title ``role`` gives (in any of its languages), or ``None``."""
    if role is None:
        return None
    for value in (role.nb, role.nn, role.en):
        found = DPO_TITLE.search(value) if value else None
        if found:
            return found.group(0)
    return None
