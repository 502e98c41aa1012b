"""Storing or reading information on people's devices (cookies and similar technologies).

Under ekomloven § 3-15 (LOV-2024-12-13-76, in force 1 January 2025) this needs the user's
consent, unless it is strictly necessary for a service the user has asked for. That consent is
separate from, and comes before, the GDPR Art. 6 basis of what is done with the data afterwards.

The map says so in two ways: an activity that observes device-based data (its categories), and
the inventory under ``cookies:`` (each cookie, storage key, pixel, SDK or e-mail tracker with its
purpose and activity). Only a strictly necessary one is exempt (§ 3-15 second paragraph); the
other purposes (preferences, statistics, marketing) need consent, and e-mail open tracking and
pixels read information from the device as cookies do.
"""

from __future__ import annotations

from ..model import Activity, DataCategory, DataMap, SourceKind
from ..model.cookies import Tracker
from ..model.legal import LegalBasis, TrackerPurpose

#: fideslang and DPV keys of data stored on or read from a device (cookie and device ids,
#: fingerprints, what the browser or app reports about the device).
DEVICE_KEYS = ("user.device", "pd:DeviceBased", "pd:BrowserFingerprint", "pd:DeviceSoftware")


def device_categories(datamap: DataMap, activity: Activity) -> tuple[DataCategory, ...]:
    """The data categories ``activity`` observes on people's devices: what ekomloven § 3-15
    governs (empty when the activity observes nothing, or nothing device-based)."""
    # Most activities name no device-based category: one set operation (in C) says so.
    if device_category_ids(datamap).isdisjoint(activity.data_category_ids):
        return ()
    if not any(source.kind is SourceKind.OBSERVED for source in activity.sources):
        return ()
    return tuple(c for c in datamap.categories_of(activity) if is_device_based(c))


def device_category_ids(datamap: DataMap) -> frozenset[str]:
    """The ids of the map's device-based categories (:func:`is_device_based`), each judged by
    the category the map resolves it to: found once for the map."""
    return datamap.once_for_map("law.devices.device_category_ids", _device_category_ids)


def _device_category_ids(datamap: DataMap) -> frozenset[str]:
    return datamap.ids_where("data_categories", is_device_based)


def is_device_based(category: DataCategory) -> bool:
    """True if ``category`` is data stored on or read from a device (by its fideslang or DPV
    key, :data:`DEVICE_KEYS`)."""
    return any((key or "").startswith(DEVICE_KEYS) for key in (category.fideslang, category.dpv))


#: Purposes exempt from consent: strictly necessary for a service the user has asked for.
EXEMPT_PURPOSES = frozenset({TrackerPurpose.STRICTLY_NECESSARY})
#: Purposes that a strictly necessary technology cannot serve: if the activity or the provider
#: is about these, the exemption is doubtful.
NOT_NECESSARY_PURPOSES = frozenset({TrackerPurpose.STATISTICS, TrackerPurpose.MARKETING})


def purpose_needs_consent(purpose: TrackerPurpose | str) -> bool:
    """True if storing or reading information on a device for ``purpose`` (one of the four
    purpose categories, as the map's cookie inventory and the website scan name them) needs
    the user's consent first (ekomloven § 3-15 first paragraph): any purpose but strictly
    necessary (second paragraph). An unknown purpose needs consent."""
    return purpose not in EXEMPT_PURPOSES  # a string enum: a plain value compares equal


def consent_needed(tracker: Tracker) -> bool:
    """True if storing or reading ``tracker`` needs the user's consent (ekomloven § 3-15 first
    paragraph): any purpose but strictly necessary."""
    return purpose_needs_consent(tracker.purpose)


def trackers_of(datamap: DataMap, activity: Activity) -> tuple[Tracker, ...]:
    """The cookies and similar technologies listed under ``cookies`` for ``activity``."""
    return datamap.trackers_of(activity.id)


def inventory_missing(datamap: DataMap, activity: Activity) -> tuple[DataCategory, ...]:
    """The device data ``activity`` observes when the map lists no cookie or similar
    technology for it (empty otherwise): ekomloven § 3-15 first paragraph asks for clear and
    comprehensive information on what is stored or read on the device and why, which the
    notice cannot give without the inventory."""
    found = device_categories(datamap, activity)
    return found if found and not trackers_of(datamap, activity) else ()


def asks_device_consent(activity: Activity) -> bool:
    """True if the activity rests on consent (one of its bases), which the map takes to include
    the device consent of ekomloven § 3-15."""
    return activity.has_basis(LegalBasis.CONSENT)


def trackers_without_consent(datamap: DataMap, activity: Activity) -> tuple[Tracker, ...]:
    """The trackers of ``activity`` that need consent when the activity does not ask for it."""
    if asks_device_consent(activity):
        return ()
    return tuple(t for t in trackers_of(datamap, activity) if consent_needed(t))
