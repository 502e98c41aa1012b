"""Storing or reading information on people's devices (cookies and similar technologies).

Under ekomloven § 3-15 (LOV-2024-12-13-76, in force 1 January 2025) this needs the user's
consent, unless it is strictly necessary for a service the user has asked for. That consent is
separate from, and comes before, the GDPR Art. 6 basis of what is done with the data afterwards.
"""

from __future__ import annotations

from ..model import Activity, DataCategory, DataMap, SourceKind

#: fideslang and DPV keys of data stored on or read from a device (cookie and device ids,
#: fingerprints, what the browser or app reports about the device).
DEVICE_KEYS = ("user.device", "pd:DeviceBased", "pd:BrowserFingerprint", "pd:DeviceSoftware")


def device_categories(datamap: DataMap, activity: Activity) -> tuple[DataCategory, ...]:
    """The data categories ``activity`` observes on people's devices: what ekomloven § 3-15
    governs (empty when the activity observes nothing, or nothing device-based)."""
    if not any(source.kind is SourceKind.OBSERVED for source in activity.sources):
        return ()
    return tuple(
        category
        for category in datamap.categories_of(activity)
        if any((key or "").startswith(DEVICE_KEYS) for key in (category.fideslang, category.dpv))
    )
