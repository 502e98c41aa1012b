"""A starter data map in the current format, from a few answers (``harmonien-ropa init``).

:func:`starter` turns :class:`Answers` into YAML text: the organisation, a contact, and the
common activities chosen (ticket sales, newsletter, members, employees, website analytics,
social media, accounting), each with the usual legal basis, retention and data. Every legal
point the answers do not settle (the basis, the retention, the decision on a DPO, the dates)
is marked as an assumption to confirm, so the outputs call it provisional until someone does.
Vendors are named by their catalogue id (``catalogue:``), so their facts come with a source;
what the catalogue does not state about them is assumed as well (:mod:`.starter_vendors`). The
map's texts are written in the language of the questions and in English, and a nynorsk map
declares its languages (``organisation.languages``).

The text is built from data here and dumped with the safe YAML writer, so nothing typed in an
answer can change the structure; the command checks that the result loads before writing it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

import yaml

from ..core.versions import CURRENT
from .starter_texts import (
    CATEGORIES,
    COMMENTS,
    CONFIRM_BASIS,
    CONFIRM_PROVISION,
    CONFIRM_RETENTION,
    HEADER,
    HEADER_SHORT,
    SUBJECTS,
    activity_specs,
    t,
)
from .starter_vendors import OTHER, VENDOR_CATEGORIES, VendorAnswers, vendor_sections

Lang = Literal["nb", "nn", "en"]

__all__ = ["ACTIVITIES", "OTHER", "VENDOR_CATEGORIES", "Answers", "Lang", "starter"]

#: The activities ``init`` offers, in the order it asks about them.
ACTIVITIES: tuple[str, ...] = (
    "ticket-sales",
    "newsletter",
    "members",
    "employees",
    "website-analytics",
    "social-media",
    "accounting",
)

#: Placeholder values a starter map carries until they are replaced (each marked as assumed).
PLACEHOLDER_DATE = "2026-01-01"
PLACEHOLDER_ORG_NUMBER = "999999999"


#: The languages a starter map's texts are written in, by the language of the questions: a
#: nynorsk map declares its own (``organisation.languages``), the others take the default.
MAP_LANGUAGES: dict[str, tuple[str, ...]] = {
    "nb": ("nb", "en"),
    "nn": ("nn", "en"),
    "en": ("nb", "en"),
}


def _in(text: dict[str, str], lang: Lang) -> dict[str, str]:
    """A text of the map, in the languages the map is written in."""
    return {code: text[code] for code in MAP_LANGUAGES[lang]}


def _texts(value: Any, lang: Lang) -> Any:
    """``value`` with every text of three languages (see :func:`.starter_texts.t`) cut to the map's two."""
    if isinstance(value, dict):
        if set(value) == {"nb", "nn", "en"}:
            return _in(value, lang)
        return {key: _texts(item, lang) for key, item in value.items()}
    if isinstance(value, list):
        return [_texts(item, lang) for item in value]
    return value


@dataclass
class Answers:
    """What ``init`` asks; anything left as ``None`` becomes a placeholder marked as assumed."""

    lang: Lang = "en"
    organisation: str | None = None
    org_number: str | None = None
    contact_name: str | None = None
    contact_email: str | None = None
    activities: tuple[str, ...] = ACTIVITIES
    #: Activity id -> catalogue id of the service it uses.
    vendors: dict[str, str] = field(default_factory=dict)
    #: Activities that use a service not in the catalogue.
    other: tuple[str, ...] = ()
    #: Catalogue id -> whether its data-processing agreement is in place (absent: not known).
    dpa: dict[str, bool] = field(default_factory=dict)
    #: Catalogue id -> where the company is established, when the catalogue does not say.
    countries: dict[str, str] = field(default_factory=dict)
    #: Catalogue id -> the countries where the service stores the data (absent: not known).
    hosting: dict[str, tuple[str, ...]] = field(default_factory=dict)


def _note(text: dict[str, str], lang: Lang) -> str:
    return text[lang]


def starter(answers: Answers, *, commented: bool = False) -> str:
    """The data map for ``answers`` as YAML text (with explanatory comments if ``commented``)."""
    lang = answers.lang
    specs = activity_specs()
    chosen = [ident for ident in ACTIVITIES if ident in answers.activities]
    subjects = list(dict.fromkeys(s for a in chosen for s in specs[a]["data_subjects"]))
    categories = list(dict.fromkeys(c for a in chosen for c in specs[a]["data_categories"]))

    organisation: dict[str, Any] = {
        "name": answers.organisation
        or t("Vår organisasjon", "Organisasjonen vår", "Our organisation")[lang],
    }
    if lang == "nn":
        organisation["languages"] = list(MAP_LANGUAGES[lang])
    org_assumptions: dict[str, str] = {}
    organisation["org_number"] = answers.org_number or PLACEHOLDER_ORG_NUMBER
    if not answers.org_number:
        org_assumptions["org_number"] = t(
            "Plassholder fra 'init': skriv organisasjonsnummeret fra Enhetsregisteret.",
            "Plasshaldar frå 'init': skriv organisasjonsnummeret frå Einingsregisteret.",
            "Placeholder from 'init': write the organisation number from the register.",
        )[lang]
    contact: dict[str, Any] = {
        "name": answers.contact_name or t("Kontaktperson", "Kontaktperson", "Contact person")[lang],
        "role": t("kontakt for personvern", "kontakt for personvern", "privacy contact"),
    }
    if answers.contact_email:
        contact["email"] = answers.contact_email
        organisation["privacy_contact"] = answers.contact_email
    organisation["contacts"] = [contact]
    organisation["dpo"] = {
        "appointed": False,
        "reason": t(
            "Vi har vurdert at vi ikke har plikt til å utpeke personvernombud etter "
            "personvernforordningen artikkel 37 nr. 1.",
            "Vi har vurdert at vi ikkje har plikt til å peike ut personvernombod etter "
            "personvernforordninga artikkel 37 nr. 1.",
            "We have assessed that we are not required to designate a data protection officer "
            "under GDPR Art. 37(1).",
        ),
    }
    org_assumptions["dpo"] = t(
        "Foreslått av 'init'; vurder artikkel 37 nr. 1 (offentlig organ, omfattende "
        "overvåking eller særlige kategorier i stor skala).",
        "Føreslått av 'init'; vurder artikkel 37 nr. 1 (offentleg organ, omfattande "
        "overvaking eller særlege kategoriar i stor skala).",
        "Suggested by 'init'; assess Art. 37(1) (public authority or body, large-scale "
        "monitoring or special categories on a large scale).",
    )[lang]
    if answers.organisation is None:
        org_assumptions["name"] = t(
            "Skriv inn organisasjonens navn.",
            "Skriv inn namnet på organisasjonen.",
            "Write the organisation's name.",
        )[lang]
    organisation["assumptions"] = org_assumptions

    date_note = t(
        "Plassholder fra 'init': skriv datoen da denne versjonen gjelder fra.",
        "Plasshaldar frå 'init': skriv datoen då denne versjonen gjeld frå.",
        "Placeholder from 'init': write the date this version applies from.",
    )[lang]
    document = {
        "version": "1",
        "effective_date": PLACEHOLDER_DATE,
        "assumptions": {"effective_date": date_note},
    }

    services = {a: v for a, v in answers.vendors.items() if a in chosen}
    services.update({a: OTHER for a in answers.other if a in chosen})
    vendors = vendor_sections(
        {a: services[a] for a in chosen if a in services},
        VendorAnswers(
            dpa=dict(answers.dpa), country=dict(answers.countries), hosting=dict(answers.hosting)
        ),
        lang,
    )
    activities: list[dict[str, Any]] = []
    for ident in chosen:
        spec = dict(specs[ident])
        retention = spec.pop("retention")
        activity: dict[str, Any] = {"id": ident, **spec}
        if ident in vendors.systems_of:
            activity["systems"] = vendors.systems_of[ident]
        if ident in vendors.transfers_of:
            activity["transfers"] = vendors.transfers_of[ident]
        activity["retention"] = {"text": retention}
        activity["assumptions"] = {
            "legal_basis": _note(CONFIRM_BASIS, lang),
            "retention": _note(CONFIRM_RETENTION, lang),
            **({"provision": _note(CONFIRM_PROVISION, lang)} if "provision" in spec else {}),
            **vendors.notes_of.get(ident, {}),
        }
        activities.append(activity)

    sections: list[tuple[str, dict[str, Any]]] = [
        ("schema_version", {"schema_version": CURRENT}),
        ("organisation", {"organisation": organisation}),
        ("notice", {"notice": dict(document)}),
        ("record", {"record": dict(document)}),
        ("data_subjects", {"data_subjects": [{"id": s, **SUBJECTS[s]} for s in subjects]}),
        (
            "data_categories",
            {"data_categories": [{"id": c, **CATEGORIES[c]} for c in categories]},
        ),
    ]
    if vendors.parties:
        sections.append(("parties", {"parties": vendors.parties}))
        sections.append(("systems", {"systems": vendors.systems}))
    sections.append(("activities", {"activities": activities}))

    out = [HEADER[lang] if commented else HEADER_SHORT[lang]]
    for key, value in sections:
        if commented and key in COMMENTS:
            out.append(COMMENTS[key][lang])
        out.append(_dump(_texts(value, lang)))
    return "\n".join(out)


def _dump(value: dict[str, Any]) -> str:
    text: str = yaml.safe_dump(
        value, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False
    )
    return text
