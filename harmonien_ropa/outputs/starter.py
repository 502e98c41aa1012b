"""A starter data map in the current format, from a few answers (``harmonien-ropa init``).

:func:`starter` turns :class:`Answers` into YAML text: the organisation, a contact, and the
common activities chosen (ticket sales, newsletter, members, employees, website analytics,
social media, accounting), each with the usual legal basis, retention and data. Every legal
point the answers do not settle (the basis, the retention, the decision on a DPO, the dates)
is marked as an assumption to confirm, so the outputs call it provisional until someone does.
Vendors are named by their catalogue id (``catalogue:``), so their facts come with a source.

The text is built from data here and dumped with the safe YAML writer, so nothing typed in an
answer can change the structure; the command checks that the result loads before writing it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

import yaml

from ..core.versions import CURRENT

Lang = Literal["nb", "en"]

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

#: The catalogue category that supplies each activity's usual service, if any.
VENDOR_CATEGORY: dict[str, str] = {
    "ticket-sales": "ticketing",
    "newsletter": "email",
    "members": "membership",
    "website-analytics": "analytics",
    "accounting": "accounting",
}

#: Placeholder values a starter map carries until they are replaced (each marked as assumed).
PLACEHOLDER_DATE = "2026-01-01"
PLACEHOLDER_ORG_NUMBER = "999999999"


def _t(nb: str, en: str) -> dict[str, str]:
    return {"nb": nb, "en": en}


_SUBJECTS: dict[str, dict[str, Any]] = {
    "customers": {"name": _t("billettkjøpere", "ticket buyers")},
    "subscribers": {"name": _t("abonnenter på nyhetsbrevet", "newsletter subscribers")},
    "members": {"name": _t("medlemmer", "members")},
    "employees": {"name": _t("ansatte", "employees"), "vulnerable": True},
    "website-visitors": {"name": _t("besøkende på nettstedet", "website visitors")},
    "followers": {"name": _t("følgere i sosiale medier", "social-media followers")},
    "payers": {
        "name": _t("kunder og leverandører i regnskapet", "customers and suppliers in the accounts")
    },
}

_CATEGORIES: dict[str, dict[str, Any]] = {
    "name": {"name": _t("navn", "name")},
    "email": {"name": _t("e-postadresse", "e-mail address")},
    "phone": {"name": _t("telefonnummer", "phone number")},
    "address": {"name": _t("postadresse", "postal address")},
    "purchase": {"name": _t("kjøps- og betalingsopplysninger", "purchase and payment details")},
    "employment": {
        "name": _t("arbeidsforhold, lønn og kontonummer", "employment, pay and bank account")
    },
    "online-id": {
        "name": _t("IP-adresse og informasjonskapsler", "IP address and cookie identifiers")
    },
    "profile": {"name": _t("profilnavn og kommentarer", "profile name and comments")},
}

_CONFIRM_BASIS = _t(
    "Foreslått av 'init' som det vanlige grunnlaget for slik behandling; bekreft det.",
    "Suggested by 'init' as the usual basis for such processing; confirm it.",
)
_CONFIRM_RETENTION = _t(
    "Foreslått av 'init'; bekreft hvor lenge opplysningene faktisk lagres.",
    "Suggested by 'init'; confirm how long the data is actually kept.",
)


def _activity_specs() -> dict[str, dict[str, Any]]:
    return {
        "ticket-sales": {
            "name": _t("Billettsalg", "Ticket sales"),
            "purpose": _t(
                "Å selge og levere billetter og gi beskjed om endringer i arrangementet.",
                "To sell and deliver tickets and to tell buyers about changes to the event.",
            ),
            "data_subjects": ["customers"],
            "data_categories": ["name", "email", "phone", "purchase"],
            "legal_basis": "contract",
            "retention": _t(
                "Slettes når arrangementet og eventuelle klager er avsluttet; regnskapsbilag "
                "oppbevares så lenge bokføringsloven krever.",
                "Erased once the event and any complaints are closed; accounting records are "
                "kept as long as the Bookkeeping Act requires.",
            ),
        },
        "newsletter": {
            "name": _t("Nyhetsbrev", "Newsletter"),
            "purpose": _t(
                "Å sende nyhetsbrev til dem som har bedt om det.",
                "To send the newsletter to those who asked for it.",
            ),
            "data_subjects": ["subscribers"],
            "data_categories": ["name", "email"],
            "legal_basis": "consent",
            "consent_withdrawal": _t(
                "Bruk lenken for avmelding nederst i hvert nyhetsbrev.",
                "Use the unsubscribe link at the end of every newsletter.",
            ),
            "marketing": ["email"],
            "retention": _t("Slettes når du melder deg av.", "Erased when you unsubscribe."),
        },
        "members": {
            "name": _t("Medlemskap", "Membership"),
            "purpose": _t(
                "Å administrere medlemskapet, kontingenten og medlemsmøtene.",
                "To administer membership, fees and members' meetings.",
            ),
            "data_subjects": ["members"],
            "data_categories": ["name", "email", "phone", "address"],
            "legal_basis": "contract",
            "retention": _t(
                "Slettes når medlemskapet er avsluttet og alt er gjort opp.",
                "Erased when the membership has ended and everything is settled.",
            ),
        },
        "employees": {
            "name": _t("Personaladministrasjon", "Personnel administration"),
            "purpose": _t(
                "Å følge opp arbeidsforholdet og betale lønn.",
                "To manage employment and pay salaries.",
            ),
            "data_subjects": ["employees"],
            "data_categories": ["name", "email", "phone", "address", "employment"],
            "legal_basis": "contract",
            "retention": _t(
                "Slettes når arbeidsforholdet er avsluttet, unntatt det lov krever at vi "
                "oppbevarer.",
                "Erased when employment ends, except what the law requires us to keep.",
            ),
        },
        "website-analytics": {
            "name": _t("Statistikk for nettstedet", "Website analytics"),
            "purpose": _t(
                "Å se hvordan nettstedet brukes, så vi kan gjøre det bedre.",
                "To see how the website is used, so that we can improve it.",
            ),
            "data_subjects": ["website-visitors"],
            "data_categories": ["online-id"],
            "legal_basis": "consent",
            "consent_withdrawal": _t(
                "Endre valget ditt i innstillingene for informasjonskapsler på nettstedet.",
                "Change your choice in the cookie settings on the website.",
            ),
            "retention": _t("Slettes etter 14 måneder.", "Erased after 14 months."),
        },
        "social-media": {
            "name": _t("Sosiale medier", "Social media"),
            "purpose": _t(
                "Å informere om arrangementene våre og svare på kommentarer i sosiale medier.",
                "To tell people about our events and answer comments on social media.",
            ),
            "data_subjects": ["followers"],
            "data_categories": ["profile"],
            "legal_basis": "legitimate_interests",
            "legitimate_interest": _t(
                "Å nå publikum der de er og svare på spørsmål.",
                "To reach our audience where they are and answer their questions.",
            ),
            "retention": _t(
                "Innlegg og kommentarer ligger til de slettes av oss eller den som skrev dem.",
                "Posts and comments remain until we or their author delete them.",
            ),
        },
        "accounting": {
            "name": _t("Regnskap", "Accounting"),
            "purpose": _t(
                "Å føre regnskap og oppfylle plikter etter bokføringsloven.",
                "To keep the accounts and meet our duties under the Bookkeeping Act.",
            ),
            "data_subjects": ["payers"],
            "data_categories": ["name", "address", "purchase"],
            "legal_basis": "legal_obligation",
            "legal_source": "bokføringsloven",
            "retention": _t(
                "Oppbevares så lenge bokføringsloven krever.",
                "Kept as long as the Bookkeeping Act requires.",
            ),
        },
    }


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


def _note(text: dict[str, str], lang: Lang) -> str:
    return text[lang]


def starter(answers: Answers, *, commented: bool = False) -> str:
    """The data map for ``answers`` as YAML text (with explanatory comments if ``commented``)."""
    lang = answers.lang
    specs = _activity_specs()
    chosen = [ident for ident in ACTIVITIES if ident in answers.activities]
    subjects = list(dict.fromkeys(s for a in chosen for s in specs[a]["data_subjects"]))
    categories = list(dict.fromkeys(c for a in chosen for c in specs[a]["data_categories"]))

    organisation: dict[str, Any] = {
        "name": answers.organisation or _t("Vår organisasjon", "Our organisation")[lang],
    }
    org_assumptions: dict[str, str] = {}
    organisation["org_number"] = answers.org_number or PLACEHOLDER_ORG_NUMBER
    if not answers.org_number:
        org_assumptions["org_number"] = _t(
            "Plassholder fra 'init': skriv organisasjonsnummeret fra Enhetsregisteret.",
            "Placeholder from 'init': write the organisation number from the register.",
        )[lang]
    contact: dict[str, Any] = {
        "name": answers.contact_name or _t("Kontaktperson", "Contact person")[lang],
        "role": _t("kontakt for personvern", "privacy contact"),
    }
    if answers.contact_email:
        contact["email"] = answers.contact_email
        organisation["privacy_contact"] = answers.contact_email
    organisation["contacts"] = [contact]
    organisation["dpo"] = {
        "appointed": False,
        "reason": _t(
            "Vi har vurdert at vi ikke har plikt til å utpeke personvernombud etter "
            "personvernforordningen artikkel 37 nr. 1.",
            "We have assessed that we are not required to designate a data protection officer "
            "under GDPR Art. 37(1).",
        ),
    }
    org_assumptions["dpo"] = _t(
        "Foreslått av 'init'; vurder artikkel 37 nr. 1 (offentlig organ, omfattende "
        "overvåking eller særlige kategorier i stor skala).",
        "Suggested by 'init'; assess Art. 37(1) (public authority or body, large-scale "
        "monitoring or special categories on a large scale).",
    )[lang]
    if answers.organisation is None:
        org_assumptions["name"] = _t(
            "Skriv inn organisasjonens navn.", "Write the organisation's name."
        )[lang]
    organisation["assumptions"] = org_assumptions

    date_note = _t(
        "Plassholder fra 'init': skriv datoen da denne versjonen gjelder fra.",
        "Placeholder from 'init': write the date this version applies from.",
    )[lang]
    document = {
        "version": "1",
        "effective_date": PLACEHOLDER_DATE,
        "assumptions": {"effective_date": date_note},
    }

    parties: list[dict[str, Any]] = []
    systems: list[dict[str, Any]] = []
    activities: list[dict[str, Any]] = []
    for ident in chosen:
        spec = dict(specs[ident])
        retention = spec.pop("retention")
        activity: dict[str, Any] = {"id": ident, **spec}
        activity["retention"] = {"text": retention}
        vendor = answers.vendors.get(ident)
        if vendor:
            if all(p["id"] != vendor for p in parties):
                parties.append({"id": vendor, "catalogue": vendor})
                systems.append({"id": vendor, "catalogue": vendor})
            activity["systems"] = [vendor]
        activity["assumptions"] = {
            "legal_basis": _note(_CONFIRM_BASIS, lang),
            "retention": _note(_CONFIRM_RETENTION, lang),
        }
        activities.append(activity)

    sections: list[tuple[str, dict[str, Any]]] = [
        ("schema_version", {"schema_version": CURRENT}),
        ("organisation", {"organisation": organisation}),
        ("notice", {"notice": dict(document)}),
        ("record", {"record": dict(document)}),
        ("data_subjects", {"data_subjects": [{"id": s, **_SUBJECTS[s]} for s in subjects]}),
        (
            "data_categories",
            {"data_categories": [{"id": c, **_CATEGORIES[c]} for c in categories]},
        ),
    ]
    if parties:
        sections.append(("parties", {"parties": parties}))
        sections.append(("systems", {"systems": systems}))
    sections.append(("activities", {"activities": activities}))

    out = [_HEADER[lang] if commented else _HEADER_SHORT[lang]]
    for key, value in sections:
        if commented and key in _COMMENTS:
            out.append(_COMMENTS[key][lang])
        out.append(_dump(value))
    return "\n".join(out)


def _dump(value: dict[str, Any]) -> str:
    text: str = yaml.safe_dump(
        value, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False
    )
    return text


_HEADER_SHORT: dict[str, str] = {
    "nb": "# Datakart laget med 'harmonien-ropa init'. Sjekk det med 'harmonien-ropa check'.\n",
    "en": "# Data map made with 'harmonien-ropa init'. Check it with 'harmonien-ropa check'.\n",
}

_HEADER: dict[str, str] = {
    "nb": (
        "# Datakart laget med 'harmonien-ropa init': et utgangspunkt å rette til.\n"
        "# Alt under 'assumptions:' er antakelser som må bekreftes; personvernerklæringen\n"
        "# kaller dem foreløpige til de er fjernet. Kjør 'harmonien-ropa check' etter hver\n"
        "# endring, og 'harmonien-ropa render' for å lage erklæringen og protokollen.\n"
        "# Tekster skrives på bokmål (nb) og engelsk (en).\n"
    ),
    "en": (
        "# Data map made with 'harmonien-ropa init': a starting point to edit.\n"
        "# Everything under 'assumptions:' is an assumption still to confirm; the privacy\n"
        "# notice calls it provisional until the line is removed. Run 'harmonien-ropa check'\n"
        "# after every change, and 'harmonien-ropa render' to make the notice and the record.\n"
        "# Texts are written in Norwegian bokmål (nb) and English (en).\n"
    ),
}

_COMMENTS: dict[str, dict[str, str]] = {
    "organisation": {
        "nb": "# Hvem som er behandlingsansvarlig, og hvem de registrerte kan kontakte.",
        "en": "# Who the controller is, and whom people can contact.",
    },
    "notice": {
        "nb": "# Personvernerklæringen (art. 13 og 14) og protokollen (art. 30): versjon og dato.",
        "en": "# The privacy notice (Art. 13 and 14) and the record (Art. 30): version and date.",
    },
    "data_subjects": {
        "nb": "# Hvem opplysningene gjelder, og hvilke opplysninger det er.",
        "en": "# Whose data is processed, and which data.",
    },
    "parties": {
        "nb": "# Leverandører fra katalogen ('harmonien-ropa catalogue'); det som står her, gjelder\n"
        "# foran katalogen.",
        "en": "# Vendors from the catalogue ('harmonien-ropa catalogue'); what is written here\n"
        "# wins over the catalogue.",
    },
    "activities": {
        "nb": "# Behandlingene: formål, grunnlag (art. 6), lagringstid. Legg til 'systems:' med\n"
        "# tjenestene som brukes, f.eks. en leverandør fra katalogen:\n"
        "#   parties: [{id: ticketco, catalogue: ticketco, role: processor, dpa: true}]",
        "en": "# The activities: purpose, legal basis (Art. 6), retention. Add 'systems:' with\n"
        "# the services used, e.g. a vendor from the catalogue:\n"
        "#   parties: [{id: ticketco, catalogue: ticketco, role: processor, dpa: true}]",
    },
}
