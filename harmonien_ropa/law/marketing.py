"""Direct marketing by e-mail and SMS (markedsføringsloven § 15): whom the consent rule protects.

§ 15 first paragraph forbids marketing by e-mail or SMS to natural persons without their prior
consent. Messages to a business (a generic address such as post@firma.no) are outside it; a
named person's work address still reaches a natural person (Forbrukertilsynet's guidance on
§ 15). Data subjects marked ``business_contacts`` are reached at work in a business role, so
for them the rule is at most a warning to confirm whom the messages reach.
"""

from __future__ import annotations

from ..model import Activity, DataMap


def only_business_contacts(datamap: DataMap, activity: Activity) -> bool:
    """True if every data subject of ``activity`` is a business contact."""
    subjects = datamap.subjects_of(activity)
    return bool(subjects) and all(s.business_contacts for s in subjects)
