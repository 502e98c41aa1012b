"""Consent as it is obtained: which ways of asking give valid consent, what must be kept and
told, and when a child cannot consent alone.

* Consent is "a clear affirmative act" (GDPR Art. 4(11)); "silence, pre-ticked boxes or
  inactivity" are not consent (recital 32), nor is a consent tied to accepting terms or to a
  service that does not need the data (Art. 7(2), 7(4); recital 43). "By using our services you
  accept …" is consent by use, which is no consent at all.
* The controller must be able to demonstrate consent (Art. 7(1)): where the records of consent
  are kept. Withdrawing must be as easy as giving it, and people must be told how (Art. 7(3),
  13(2)(c)).
* A child under 13 cannot consent alone to an information society service offered directly to
  children: the holder of parental responsibility must give or authorise the consent
  (personopplysningsloven § 5, using the option of GDPR Art. 8(1)). The age limit concerns
  that consent only (Art. 6(1)(a) to such a service), not every activity resting on consent:
  the map says which activities are such services (``child_online_service``), and where it
  does not say, no age limit is stated.

The checker, the notice and the record take these conclusions from here.
"""

from __future__ import annotations

from types import MappingProxyType

from ..model import Activity, DataMap, DataSubject
from ..model.bases import Basis
from ..model.legal import ConsentMechanism, LegalBasis
from .devices import device_categories, trackers_of

#: The age below which the holder of parental responsibility gives or authorises consent to an
#: information society service offered directly to a child in Norway (personopplysningsloven
#: § 5).
CHILD_CONSENT_AGE = 13

#: Ways of asking that give no valid consent: why, and the provisions that say so.
INVALID_MECHANISMS = MappingProxyType(
    {
        ConsentMechanism.PRE_TICKED: (
            "a pre-ticked box is not a clear affirmative act",
            "GDPR Art. 4(11); recital 32",
        ),
        ConsentMechanism.BUNDLED: (
            "consent tied to accepting terms, or to a service that does not need the data, is "
            "neither specific nor freely given",
            "GDPR Art. 4(11), 7(2), 7(4); recital 43",
        ),
        ConsentMechanism.BY_USE: (
            "using a service ('by using our services you accept …') is inactivity, not a clear "
            "affirmative act",
            "GDPR Art. 4(11); recital 32",
        ),
    }
)

#: Ways of asking used in an online service (a web form, box or banner, or e-mail).
ONLINE_MECHANISMS = frozenset(
    {
        ConsentMechanism.OPT_IN_FORM,
        ConsentMechanism.DOUBLE_OPT_IN,
        ConsentMechanism.CHECKBOX,
        ConsentMechanism.CONSENT_BANNER,
        ConsentMechanism.PRE_TICKED,
        ConsentMechanism.BUNDLED,
        ConsentMechanism.BY_USE,
    }
)


def is_valid(mechanism: ConsentMechanism) -> bool:
    """True if asking this way can give valid consent (Art. 4(11), 7; recital 32)."""
    return mechanism not in INVALID_MECHANISMS


#: The Art. 6(1) bases that are consent (:func:`consent_bases`).
CONSENT_BASES: frozenset[LegalBasis] = frozenset({LegalBasis.CONSENT})


def consent_bases(activity: Activity) -> tuple[Basis, ...]:
    """The activity's consent bases (Art. 6(1)(a)), each with how consent is obtained."""
    bases = activity.bases
    if len(bases) == 1:  # the one basis of most activities, without a generator
        return bases if bases[0].basis in CONSENT_BASES else ()
    return tuple([b for b in bases if b.basis in CONSENT_BASES])


def is_online(datamap: DataMap, activity: Activity) -> bool:
    """True if the activity's consent is asked for in an online service: a web form, box or
    banner, or the activity reads or stores information on people's devices."""
    return (
        any(
            b.consent is not None and b.consent.mechanism in ONLINE_MECHANISMS
            for b in consent_bases(activity)
        )
        or bool(device_categories(datamap, activity))
        or bool(trackers_of(datamap, activity))
    )


def parental_consent_needed(activity: Activity) -> bool:
    """True if a child under :data:`CHILD_CONSENT_AGE` cannot consent alone to ``activity``: the
    map says it is an information society service offered directly to children and it rests
    on consent (GDPR Art. 8(1) concerns consent under Art. 6(1)(a); personopplysningsloven § 5).
    False where the map says otherwise or does not say."""
    return activity.child_online_service is True and bool(consent_bases(activity))


def children_without_age_check(datamap: DataMap, activity: Activity) -> tuple[DataSubject, ...]:
    """The data subjects that may include children when ``activity`` rests on consent in an
    online service that is, or may be, offered directly to children (``child_online_service``
    true or not given), and states no age check or consent of the holder of parental
    responsibility (personopplysningsloven § 5, GDPR Art. 8(1)): empty when the rule does not
    apply or a measure is stated."""
    parts = consent_bases(activity)
    if not parts or activity.child_online_service is False:
        return ()
    if activity.child_online_service is None and not is_online(datamap, activity):
        return ()
    if all(b.consent is not None and b.consent.age_check is not None for b in parts):
        return ()
    subjects = datamap.subjects_of(activity)
    children = tuple(s for s in subjects if s.may_include_children)
    return children or (subjects if activity.child_online_service else ())
