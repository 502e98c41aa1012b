"""A synthetic data map of any size, for layout and scaling tests and the benchmark."""

from __future__ import annotations

from typing import Any

import harmonien_ropa as hr

_COUNTRIES = ("NO", "SE", "DE", "IE", "US", "IN")
_MECHANISMS = ("scc", "eu_us_dpf", None)


def synthetic_dict(activities: int, *, systems: int = 25, parties: int = 20) -> dict[str, Any]:
    """A valid data map with ``activities`` activities spread over shared systems and parties.

    Deterministic: the same arguments give the same map. Every fifth activity uses a special
    category; parties in the US and India receive transfers (some without a mechanism).
    """
    subjects = [
        {"id": f"subject-{i}", "name": {"nb": f"gruppe {i}", "en": f"group {i}"}} for i in range(8)
    ]
    categories = [
        {"id": f"cat-{i}", "name": {"nb": f"kategori {i}", "en": f"category {i}"}}
        for i in range(12)
    ]
    categories.append(
        {"id": "health", "name": {"nb": "helse", "en": "health"}, "special_category": True}
    )
    party_list = []
    for i in range(parties):
        country = _COUNTRIES[i % len(_COUNTRIES)]
        party: dict[str, Any] = {
            "id": f"party-{i}",
            "name": f"Vendor {i} AS",
            "role": "processor",
            "country": country,
            "dpa": True,
        }
        if country == "US":
            party["transfer_mechanism"] = "eu_us_dpf"
            party["dpf_certified"] = True
        party_list.append(party)
    system_list = [
        {
            "id": f"system-{i}",
            "name": f"System {i}",
            "hosting_countries": [_COUNTRIES[i % 4]],
            **({"vendor": f"party-{i % parties}"} if i % 5 else {}),
        }
        for i in range(systems)
    ]
    activity_list = []
    for i in range(activities):
        cats = [f"cat-{(i + k) % 12}" for k in range(3)]
        act: dict[str, Any] = {
            "id": f"activity-{i:03d}",
            "name": {"nb": f"Behandling {i}", "en": f"Activity {i}"},
            "purpose": {"nb": "Et formål.", "en": "A purpose."},
            "data_subjects": [f"subject-{i % 8}"],
            "data_categories": [*cats, "health"] if i % 5 == 0 else cats,
            "legal_basis": "contract",
            "systems": [f"system-{i % systems}", f"system-{(i * 7 + 3) % systems}"],
            "recipients": [f"party-{(i * 3) % parties}"],
            "retention": {"text": {"nb": "Ett år.", "en": "One year."}, "period": "P1Y"},
        }
        if i % 5 == 0:
            act["art9_condition"] = "explicit_consent"
        recipient = party_list[(i * 3) % parties]
        if recipient["country"] not in ("NO", "SE", "DE", "IE"):
            mechanism = _MECHANISMS[i % 3]
            transfer: dict[str, Any] = {"party": recipient["id"], "country": recipient["country"]}
            if mechanism:
                transfer["mechanism"] = mechanism
            act["transfers"] = [transfer]
        activity_list.append(act)
    return {
        "organisation": {
            "name": "Synthetic Org",
            "org_number": "999999999",
            "privacy_contact": "privacy@synthetic.example",
        },
        "notice": {"version": "1", "effective_date": "2026-01-01"},
        "record": {"version": "1", "effective_date": "2026-01-01", "maintained_by": "Someone"},
        "data_subjects": subjects,
        "data_categories": categories,
        "parties": party_list,
        "systems": system_list,
        "activities": activity_list,
    }


def synthetic(activities: int, **kwargs: int) -> hr.DataMap:
    """:func:`synthetic_dict` as a resolved :class:`DataMap`."""
    return hr.from_data(synthetic_dict(activities, **kwargs))
