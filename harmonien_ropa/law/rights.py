"""Which data-subject rights apply, derived from the legal bases of the activities.

GDPR Art. 13(2)(b)-(d) and 14(2)(c)-(e) ask the notice to state the rights that exist for the
processing, not a generic list. Some rights hold for every basis (access, rectification,
erasure, restriction, complaint); others depend on it:

* data portability (Art. 20(1)(a)) only for consent (Art. 6(1)(a), 9(2)(a)) and contract, and
  never for a task in the public interest (Art. 20(3));
* the right to object (Art. 21(1)) only for legitimate interests and public task;
* the right to object to direct marketing (Art. 21(2)-(3)) for any marketing activity; it is
  absolute, so the notice states it separately (Art. 21(4));
* withdrawal of consent (Art. 7(3), 13(2)(c)) where consent or explicit consent is used;
* erasure applies on the grounds of Art. 17(1), and is limited where the law requires keeping
  the data or the data is needed for a task in the public interest (Art. 17(3)(b)): an
  activity under a legal obligation or a public task, or one whose retention (its own or a
  category's) names the statute that requires keeping the data; and where data is kept
  permanently for archiving in the public interest, as far as erasure would make that
  impossible or seriously impair it (Art. 17(3)(d)) (:func:`erasure_limit`);
* data kept permanently for archiving in the public interest is also under the derogations
  that Art. 89(3) allows and personopplysningsloven § 17 makes: access, rectification,
  restriction, portability and objection may be limited as far as they would make the
  archiving impossible or seriously impair it (:func:`archive_retentions`,
  :data:`ARCHIVE_LIMITED_RIGHTS`); the derogations presuppose the Art. 89(1) safeguards, so
  the outputs state them as provisional while the map lacks those
  (:func:`harmonien_ropa.law.uses.archive_gaps`).

An activity may rest on several bases, each for a part of its processing (``legal_bases``):
a right that depends on the basis then holds for the parts whose basis gives it
(:func:`right_parts`), e.g. portability for the part under a contract and objection for the part
under legitimate interests of the same activity.

The notice, the record, ``locate`` and the checker share this derivation, so they agree on it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..model import memo
from ..model.activity import Activity, Retention
from ..model.bases import Basis
from ..model.datamap import DataMap
from ..model.inventory import Party
from ..model.legal import Art9Condition, LegalBasis, PartyRole, RetentionKind
from .terms import Right, Statute, article

#: Bases that give data portability (Art. 20(1)(a)).
PORTABILITY_BASES = frozenset({LegalBasis.CONSENT, LegalBasis.CONTRACT})
#: Bases that give the right to object (Art. 21(1)).
OBJECTION_BASES = frozenset({LegalBasis.LEGITIMATE_INTERESTS, LegalBasis.PUBLIC_TASK})
#: Bases under which erasure may be refused: the processing is required by law or is a task in
#: the public interest (Art. 17(3)(b)).
ERASURE_LIMITED_BASES = frozenset({LegalBasis.LEGAL_OBLIGATION, LegalBasis.PUBLIC_TASK})


#: The rights, besides erasure, that the derogations for archiving in the public interest may
#: limit (GDPR Art. 89(3); personopplysningsloven § 17), in the order the outputs list rights.
ARCHIVE_LIMITED_RIGHTS = (
    Right.ACCESS,
    Right.RECTIFICATION,
    Right.RESTRICTION,
    Right.PORTABILITY,
    Right.OBJECTION,
)


#: Why the limits of rights for archiving are provisional where a permanent-archiving rule
#: lacks what the derogations presuppose.
ARCHIVE_OPEN_NOTE = (
    "Not settled: the derogations from people's rights for archiving in the public interest "
    "(Art. 17(3)(d) and 89(3), personopplysningsloven § 17) apply only with the safeguards of "
    "Art. 89(1), and for a public body under the archive act; the map does not state them "
    "(retention.safeguards, retention.legal_source)."
)


def _retentions(activity: Activity) -> tuple[Retention, ...]:
    own = (activity.retention,) if activity.retention is not None else ()
    return own + tuple(activity.category_retention)


def archive_retentions(activity: Activity) -> tuple[Retention, ...]:
    """The activity's retention rules (its own, then per category) that keep data permanently
    for archiving in the public interest."""
    return tuple(r for r in _retentions(activity) if r.kind is RetentionKind.PERMANENT_ARCHIVE)


def erasure_limit(activity: Activity) -> str | None:
    """Why erasure of (some of) this activity's data may be refused, or ``None`` when it may
    not: the provisions, in the EU-wide English form (:func:`~.terms.cite` gives them in a
    reader's language); found once for the activity (:mod:`harmonien_ropa.model.memo`).

    For each retention rule (the activity's own, then per category): permanent archiving in
    the public interest (Art. 17(3)(d)) with the statute that requires it, if named; a statute
    that requires keeping the data (Art. 17(3)(b) with its ``legal_source``). Then Art. 17(3)(b)
    itself when a basis is a legal obligation or a public task (erasure may be refused while
    the processing is necessary for it), once. The law behind the basis is not named here: a law
    that requires the processing does not by that alone require keeping the data.
    """
    return memo.once(activity, _ERASURE_LIMIT, _erasure_limit)


_ERASURE_LIMIT = memo.key("law.rights.erasure_limit")


def _erasure_limit(activity: Activity) -> str | None:
    points: set[Statute] = set()
    statutes: list[str] = []
    for retention in _retentions(activity):
        if retention.kind is RetentionKind.PERMANENT_ARCHIVE:
            points.add(Statute.ARCHIVE_ERASURE)
        elif retention.legal_source:
            points.add(Statute.ERASURE_EXCEPTIONS)
        if retention.legal_source:
            statutes.append(retention.legal_source)
    if any(b.basis in ERASURE_LIMITED_BASES for b in activity.bases):
        points.add(Statute.ERASURE_EXCEPTIONS)
    if not points:
        return None
    # "GDPR Art. 17(3)(b), 17(3)(d)", then the statutes: each provision once
    gdpr = ", ".join(article(p).removeprefix("GDPR Art. ") for p in _ERASURE_POINTS if p in points)
    return "; ".join((f"GDPR Art. {gdpr}", *dict.fromkeys(statutes)))


#: The exceptions to erasure, in the order of Art. 17(3).
_ERASURE_POINTS = (Statute.ERASURE_EXCEPTIONS, Statute.ARCHIVE_ERASURE)


def required_by_statute(activity: Activity) -> bool:
    """True if a statute named as the law of one of the activity's bases requires the
    processing (a legal obligation or public task with its ``legal_source`` or ``law``)."""
    return any(b.law is not None and b.basis in ERASURE_LIMITED_BASES for b in activity.bases)


def statutes(activity: Activity) -> tuple[str, ...]:
    """The laws named behind the activity's bases, in map order, without repeats."""
    bases = activity.bases
    if len(bases) == 1:  # the one basis of most activities, without a generator
        law = bases[0].law
        return (law,) if law else ()
    return tuple(dict.fromkeys([b.law for b in bases if b.law]))


#: The rights that depend on the Art. 6(1) basis, with the bases that give each.
BASIS_RIGHTS: dict[Right, frozenset[LegalBasis]] = {
    Right.PORTABILITY: PORTABILITY_BASES,
    Right.OBJECTION: OBJECTION_BASES,
    Right.WITHDRAW_CONSENT: frozenset({LegalBasis.CONSENT}),
}


def gives_portability(activity: Activity) -> bool:
    """True if data portability applies to some part of ``activity``: a part on consent or a
    contract (Art. 20(1)(a)), or Art. 9(2)(a) explicit consent for a part that is not a task in
    the public interest (Art. 20(3) excludes those)."""
    return bool(_portability_parts(activity))


def _portability_parts(activity: Activity) -> tuple[Basis, ...]:
    return memo.once(activity, _PORTABILITY_PARTS, _find_portability_parts)


_PORTABILITY_PARTS = memo.key("law.rights.portability_parts")


def _find_portability_parts(activity: Activity) -> tuple[Basis, ...]:
    if activity.art9_condition is Art9Condition.EXPLICIT_CONSENT:
        return tuple(b for b in activity.bases if b.basis is not LegalBasis.PUBLIC_TASK)
    return tuple(b for b in activity.bases if b.basis in PORTABILITY_BASES)


def right_parts(activity: Activity, right: Right) -> tuple[Basis, ...]:
    """The parts of ``activity`` a basis-dependent ``right`` holds for, when it holds for only
    some of them: the ``legal_bases`` entries whose basis gives it. Empty when the right holds
    for the whole activity or not at all (one basis, or every basis gives it; the Art. 9(2)(a)
    explicit consent gives portability and withdrawal for the whole activity)."""
    bases = BASIS_RIGHTS.get(right)
    if bases is None or len(activity.bases) < 2:
        return ()
    if right is Right.PORTABILITY:
        parts = _portability_parts(activity)
    elif activity.art9_condition is Art9Condition.EXPLICIT_CONSENT and right is not Right.OBJECTION:
        return ()
    else:
        parts = tuple(b for b in activity.bases if b.basis in bases)
    return parts if len(parts) < len(activity.bases) else ()


def joint_controllers(datamap: DataMap, activities: tuple[Activity, ...]) -> tuple[Party, ...]:
    """The joint controllers of ``activities``, in map order: people may exercise their rights
    against each of them as against us (Art. 26(3))."""
    found = {p.id: p for a in activities for p in datamap.all_recipients_of(a)}
    return tuple(
        p
        for p in (datamap.parties if activities else ())
        if p.id in found and p.role is PartyRole.JOINT_CONTROLLER
    )


def is_direct_marketing(activity: Activity) -> bool:
    """True if the activity processes data for direct marketing (Art. 21(2)): as the map says,
    else when it lists a marketing channel."""
    if activity.direct_marketing is not None:
        return activity.direct_marketing
    return bool(activity.marketing)


def uses_consent(activity: Activity) -> bool:
    """True if the activity relies on consent (Art. 6(1)(a)) or explicit consent (Art. 9(2)(a))."""
    return (
        activity.has_basis(LegalBasis.CONSENT)
        or activity.art9_condition is Art9Condition.EXPLICIT_CONSENT
    )


@dataclass(frozen=True, slots=True)
class ApplicableRight:
    """A right that applies, and the activities it applies to.

    ``activities`` is empty for rights that hold whatever the processing (access, complaint) or
    statements about the whole notice (automated decisions). ``limited`` lists activities where
    the right is restricted (erasure under a legal obligation).
    """

    right: Right
    activities: tuple[Activity, ...] = ()
    limited: tuple[Activity, ...] = ()

    @property
    def article(self) -> str:
        return article(self.right)


def has_automated_decisions(datamap: DataMap, activities: tuple[Activity, ...]) -> bool:
    """True if the notice or any activity declares solely automated decisions (Art. 22)."""
    return datamap.notice.automated_decisions or any(a.automated_decisions for a in activities)


def applicable_rights(
    datamap: DataMap, activities: tuple[Activity, ...] | None = None
) -> tuple[ApplicableRight, ...]:
    """The rights that apply to ``activities`` (default: the controller's activities in the
    notice), in the order a notice presents them.

    Access, rectification, erasure, restriction and complaint always apply; the automated
    decisions statement is always given (saying that none take place, if so). The others appear
    only when an activity gives them.
    """
    acts = activities if activities is not None else notice_activities(datamap)

    def where(predicate: Callable[[Activity], bool]) -> tuple[Activity, ...]:
        return tuple(a for a in acts if predicate(a))

    out = [
        ApplicableRight(Right.ACCESS),
        ApplicableRight(Right.RECTIFICATION),
        ApplicableRight(Right.ERASURE, limited=where(lambda a: erasure_limit(a) is not None)),
        ApplicableRight(Right.RESTRICTION),
    ]
    for right, gives in _DEPENDING:
        found = where(gives)
        if found:
            out.append(ApplicableRight(right, found))
    out.append(
        ApplicableRight(Right.AUTOMATED_DECISIONS, where(lambda a: bool(a.automated_decisions)))
    )
    out.append(ApplicableRight(Right.COMPLAINT))
    return tuple(out)


def _objection(activity: Activity) -> bool:
    return activity.has_basis(*OBJECTION_BASES)


#: The rights that hold only where an activity gives them, in the order a notice presents
#: them, each with the test of whether an activity gives it.
_DEPENDING: tuple[tuple[Right, Callable[[Activity], bool]], ...] = (
    (Right.PORTABILITY, gives_portability),
    (Right.OBJECTION, _objection),
    (Right.OBJECTION_DIRECT_MARKETING, is_direct_marketing),
    (Right.WITHDRAW_CONSENT, uses_consent),
)


def rights_of(datamap: DataMap, activity: Activity) -> tuple[Right, ...]:
    """The rights a person has for one activity (without the general complaint/Art. 22 lines):
    those of :func:`applicable_rights` for this activity alone, without the work on the
    others' limits; found once for the activity (:mod:`harmonien_ropa.model.memo`)."""
    return memo.once(activity, _RIGHTS_OF, _rights_of)


_RIGHTS_OF = memo.key("law.rights.rights_of")


def _rights_of(activity: Activity) -> tuple[Right, ...]:
    return _ALWAYS_ORDER + tuple(right for right, gives in _DEPENDING if gives(activity))


#: The rights that apply whatever the processing, in the order a notice presents them.
_ALWAYS_ORDER = (Right.ACCESS, Right.RECTIFICATION, Right.ERASURE, Right.RESTRICTION)


def notice_activities(datamap: DataMap) -> tuple[Activity, ...]:
    """Activities the public notice describes: the controller's own, unless left out (found
    once for the map: the notice's sections, its account and the checker all ask)."""
    return datamap.once_for_map("law.rights.notice_activities", _notice_activities)


def _notice_activities(datamap: DataMap) -> tuple[Activity, ...]:
    return tuple(a for a in datamap.controller_activities if a.in_notice)
