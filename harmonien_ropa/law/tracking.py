"""What a website loads and stores before the visitor has chosen: ekomloven § 3-15.

Storing information on a visitor's device, or reading it there (cookies, local storage, the
pixels and tags that set or read them), needs the visitor's consent first, unless it is
strictly necessary for a service the visitor has asked for (§ 3-15 second paragraph). The
purpose categories are the usual four of consent tools; only ``strictly_necessary`` is exempt.

``scan`` takes from here whether what it saw before consent needed consent. (The map's own
cookie inventory keeps its purposes in the same four values, so the same rule serves both.)
"""

from __future__ import annotations

from typing import Literal

#: The four purpose categories of cookies and similar technologies.
Purpose = Literal["strictly_necessary", "preferences", "statistics", "marketing"]
PURPOSES: tuple[Purpose, ...] = ("strictly_necessary", "preferences", "statistics", "marketing")
#: The purposes exempt from consent (ekomloven § 3-15 second paragraph).
EXEMPT: frozenset[str] = frozenset({"strictly_necessary"})


def needs_consent(purpose: str) -> bool:
    """True if storing or reading information for ``purpose`` needs the visitor's consent
    before it happens (ekomloven § 3-15 first paragraph)."""
    return purpose not in EXEMPT
