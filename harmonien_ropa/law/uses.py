"""Whether a use of data stays within what the map states about it.

* **National identity numbers** (personopplysningsloven § 12): the need for secure
  identification is stated once per category (``justification``) and covers the activities it
  names (``needed_for``); a use in any other activity has no stated need, and a need that is
  still an assumption is not settled (:data:`NATIONAL_ID_CONDITION`).
* **Reuse of our own data** (GDPR Art. 6(4)): data from another of our activities used for a
  new purpose needs that purpose to be compatible, unless the new processing rests on consent
  or on a law; the compatibility note records the assessment of Art. 6(4)(a)-(e).
* **Retention kinds**: "until consent is withdrawn" presupposes consent (Art. 7(3), 17(1)(b));
  permanent archiving is storage for archiving in the public interest (Art. 5(1)(e)), which
  needs the safeguards of Art. 89(1) and, for a public body, the archive act that requires the
  records to be kept for posterity (arkivlova §§ 12–13, LOV-2025-06-20-96).
* **Access** (Art. 25(2), 32(4)): special-category data kept in a system whose access is wider
  than the activity's own.
* **Review dates**: an activity whose ``review_by`` has passed (accountability, Art. 5(2), 24).

The checker's rules, the notice and the record take these conclusions from here.
"""

from __future__ import annotations

import datetime as dt

from ..model.activity import Activity, Retention, Source
from ..model.base import LANGUAGES, Text
from ..model.inventory import DataCategory, System
from ..model.legal import Art9Condition, LegalBasis, RetentionKind, SourceKind
from .rights import required_by_statute, statutes

#: Bases under which Art. 6(4)'s compatibility test does not apply: consent, or a law that
#: requires the processing (Art. 6(4), first sentence).
_REUSE_WITHOUT_TEST = frozenset({LegalBasis.CONSENT})


def national_id_outside_need(category: DataCategory, activity: Activity) -> bool:
    """True if ``activity`` uses the national identity number ``category`` outside the
    activities its stated need names (and no statute of the activity requires it)."""
    if not category.national_id or not category.needed_for:
        return False
    return activity.id not in category.needed_for and not required_by_statute(activity)


#: What personopplysningsloven § 12 asks before a national identity number is used: both parts
#: must hold, and the map's ``justification`` records them.
NATIONAL_ID_CONDITION = (
    "an objective need for secure identification, and the number necessary to achieve it"
)


def national_id_statutes(
    activities: tuple[Activity, ...], category: DataCategory
) -> tuple[str, ...]:
    """The statutes the national identity number ``category`` rests on when no need is written
    down: those named behind ``activities`` (the activities using it), if every one of them is
    required by a statute and ``justification`` is empty; else none. Personopplysningsloven
    § 12 is met only if such a statute requires the number itself (as reporting under
    a-opplysningsloven does), not merely the processing (keeping accounts under bokføringsloven
    does not), which the map does not say: the use is not settled until the need is written."""
    if not national_id_need_unwritten(category) or not activities:
        return ()
    if not all(required_by_statute(a) for a in activities):
        return ()
    return tuple(dict.fromkeys(law for a in activities for law in statutes(a)))


def national_id_need_unwritten(category: DataCategory) -> bool:
    """True if ``category`` is a national identity number whose need the map does not write
    down (no ``justification``): only then may it rest on statutes (:func:`national_id_statutes`),
    and a rule asks who uses it."""
    return category.national_id and category.justification is None


def national_id_need_open(category: DataCategory) -> bool:
    """True if the national identity number ``category`` is used on a need the map has not
    settled: its ``justification`` is still an assumption. Personopplysningsloven § 12 allows
    the number only where there is an objective need for secure identification and the method
    is necessary to achieve it; a statute that requires keeping accounts or reporting does not
    by that alone require the number, so an open need stays open whatever the activity's basis."""
    return (
        category.national_id
        and category.justification is not None
        and category.is_assumed("justification")
    )


def compatibility_needed(activity: Activity, source: Source) -> bool:
    """True if ``source`` reuses data from another of our activities and the new purpose must
    be shown to be compatible with the first (Art. 6(4))."""
    if source.kind is not SourceKind.OWN_ACTIVITY or source.activity_id == activity.id:
        return False
    if activity.legal_basis in _REUSE_WITHOUT_TEST:
        return False
    # A statute that obliges us to process the data is a law of Art. 6(4); the general
    # provision behind a public task is not one that allows reuse for a new purpose.
    return not (
        activity.legal_basis is LegalBasis.LEGAL_OBLIGATION and activity.legal_source is not None
    )


def retentions(activity: Activity) -> tuple[tuple[tuple[str | int, ...], Retention], ...]:
    """The activity's retention rules with their place under the activity: its own, then each
    per-category rule."""
    own = activity.retention
    per_category = activity.category_retention
    if not per_category:  # most activities: made without a generator
        return () if own is None else ((_OWN, own),)
    found: list[tuple[tuple[str | int, ...], Retention]] = [] if own is None else [(_OWN, own)]
    found.extend((("category_retention", index), kept) for index, kept in enumerate(per_category))
    return tuple(found)


_OWN: tuple[str | int, ...] = ("retention",)


def ends_by_kind(retention: Retention) -> bool:
    """True if the retention's kind itself says when storage ends (the withdrawal of consent)
    or that it does not end (permanent archiving), so that no period or trigger is needed."""
    return retention.kind is not RetentionKind.PERIOD


def until_withdrawn_without_consent(activity: Activity, retention: Retention) -> bool:
    """True if data is kept "until consent is withdrawn" where the activity does not rest on
    consent (Art. 7(3), 17(1)(b))."""
    return (
        retention.kind is RetentionKind.UNTIL_CONSENT_WITHDRAWN
        and bool(activity.basis_values)
        and not activity.has_basis(LegalBasis.CONSENT)
        and activity.art9_condition is not Art9Condition.EXPLICIT_CONSENT
    )


def archive_gaps(retention: Retention) -> tuple[str, ...]:
    """What a permanent-archiving rule lacks: the Art. 89(1) ``safeguards`` and the
    ``legal_source`` that requires keeping the records."""
    if retention.kind is not RetentionKind.PERMANENT_ARCHIVE:
        return ()
    missing = []
    if retention.safeguards is None:
        missing.append("safeguards")
    if retention.legal_source is None:
        missing.append("legal_source")
    return tuple(missing)


def _same(one: Text, other: Text) -> bool:
    """Two access entries name the same role when any of their languages agree (case and
    spacing aside)."""
    for lang in LANGUAGES:
        a, b = getattr(one, lang), getattr(other, lang)
        if (
            a is not None
            and b is not None
            and " ".join(a.casefold().split()) == " ".join(b.casefold().split())
        ):
            return True
    return False


def wider_access(activity: Activity, system: System) -> tuple[Text, ...]:
    """The roles with access to ``system`` that the activity's own ``access`` does not name
    (nothing when the activity states no access of its own: :func:`states_access`)."""
    if not states_access(activity):
        return ()
    return tuple(
        role for role in system.access if not any(_same(role, own) for own in activity.access)
    )


def states_access(activity: Activity) -> bool:
    """True if the activity names the roles that may see its data (``access``): only then can
    a system's access be wider (:func:`wider_access`)."""
    return bool(activity.access)


def review_overdue(activity: Activity, today: dt.date | None) -> bool:
    """True if the activity's ``review_by`` date is before ``today`` (never when today is not
    known)."""
    return today is not None and activity.review_by is not None and activity.review_by < today
