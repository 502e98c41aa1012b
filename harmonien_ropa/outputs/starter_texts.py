"""The texts of a starter map (``harmonien-ropa init``), in bokmål, nynorsk and English.

Each text is written in the three languages (:func:`t`); the starter keeps those the map is
written in. The notes on assumptions and the comments are in the language of the questions.
"""

from __future__ import annotations

from typing import Any


def t(nb: str, nn: str, en: str) -> dict[str, str]:
    return {"nb": nb, "nn": nn, "en": en}


SUBJECTS: dict[str, dict[str, Any]] = {
    "customers": {"name": t("billettkjøpere", "billettkjøparar", "ticket buyers")},
    "subscribers": {
        "name": t(
            "abonnenter på nyhetsbrevet", "abonnentar på nyheitsbrevet", "newsletter subscribers"
        )
    },
    "members": {"name": t("medlemmer", "medlemmer", "members")},
    "employees": {"name": t("ansatte", "tilsette", "employees"), "vulnerable": True},
    "website-visitors": {
        "name": t("besøkende på nettstedet", "besøkjande på nettstaden", "website visitors")
    },
    "followers": {
        "name": t(
            "følgere i sosiale medier", "følgjarar i sosiale medium", "social-media followers"
        )
    },
    "payers": {
        "name": t(
            "kunder og leverandører i regnskapet",
            "kundar og leverandørar i rekneskapen",
            "customers and suppliers in the accounts",
        )
    },
}

CATEGORIES: dict[str, dict[str, Any]] = {
    "name": {"name": t("navn", "namn", "name")},
    "email": {"name": t("e-postadresse", "e-postadresse", "e-mail address")},
    "phone": {"name": t("telefonnummer", "telefonnummer", "phone number")},
    "address": {"name": t("postadresse", "postadresse", "postal address")},
    "purchase": {
        "name": t(
            "kjøps- og betalingsopplysninger",
            "kjøps- og betalingsopplysningar",
            "purchase and payment details",
        )
    },
    "employment": {
        "name": t(
            "arbeidsforhold, lønn og kontonummer",
            "arbeidsforhold, løn og kontonummer",
            "employment, pay and bank account",
        )
    },
    "online-id": {
        "name": t(
            "IP-adresse og informasjonskapsler",
            "IP-adresse og informasjonskapslar",
            "IP address and cookie identifiers",
        )
    },
    "profile": {
        "name": t(
            "profilnavn og kommentarer", "profilnamn og kommentarar", "profile name and comments"
        )
    },
}

CONFIRM_BASIS = t(
    "Foreslått av 'init' som det vanlige grunnlaget for slik behandling; bekreft det.",
    "Føreslått av 'init' som det vanlege grunnlaget for slik behandling; stadfest det.",
    "Suggested by 'init' as the usual basis for such processing; confirm it.",
)
CONFIRM_PROVISION = t(
    "Foreslått av 'init'; bekreft om opplysningene må gis, og hva som skjer om de ikke gis.",
    "Føreslått av 'init'; stadfest om opplysningane må givast, og kva som skjer om dei ikkje blir gitt.",
    "Suggested by 'init'; confirm whether the data must be given, and what happens if it is not.",
)
CONFIRM_RETENTION = t(
    "Foreslått av 'init'; bekreft hvor lenge opplysningene faktisk lagres.",
    "Føreslått av 'init'; stadfest kor lenge opplysningane faktisk blir lagra.",
    "Suggested by 'init'; confirm how long the data is actually kept.",
)


def activity_specs() -> dict[str, dict[str, Any]]:
    return {
        "ticket-sales": {
            "name": t("Billettsalg", "Billettsal", "Ticket sales"),
            "purpose": t(
                "Å selge og levere billetter og gi beskjed om endringer i arrangementet.",
                "Å selje og levere billettar og gi beskjed om endringar i arrangementet.",
                "To sell and deliver tickets and to tell buyers about changes to the event.",
            ),
            "data_subjects": ["customers"],
            "data_categories": ["name", "email", "phone", "purchase"],
            "sources": [{"kind": "data_subject"}],
            "legal_basis": "contract",
            "provision": t(
                "Du må oppgi navn og e-postadresse for å kjøpe billett; uten dem kan vi ikke levere billetten.",
                "Du må oppgi namn og e-postadresse for å kjøpe billett; utan dei kan vi ikkje levere billetten.",
                "You must give your name and e-mail address to buy a ticket; without them we cannot deliver it.",
            ),
            # What the accounts must keep rests on a legal obligation: the accounting activity
            # says so; a contract basis does not cover keeping it.
            "retention": t(
                "Slettes når arrangementet og eventuelle klager er avsluttet.",
                "Blir sletta når arrangementet og eventuelle klager er avslutta.",
                "Erased once the event and any complaints are closed.",
            ),
        },
        "newsletter": {
            "name": t("Nyhetsbrev", "Nyheitsbrev", "Newsletter"),
            "purpose": t(
                "Å sende nyhetsbrev til dem som har bedt om det.",
                "Å sende nyheitsbrev til dei som har bede om det.",
                "To send the newsletter to those who asked for it.",
            ),
            "data_subjects": ["subscribers"],
            "data_categories": ["name", "email"],
            "sources": [{"kind": "data_subject"}],
            "legal_basis": "consent",
            "consent_withdrawal": t(
                "Bruk lenken for avmelding nederst i hvert nyhetsbrev.",
                "Bruk lenkja for avmelding nedst i kvart nyheitsbrev.",
                "Use the unsubscribe link at the end of every newsletter.",
            ),
            "marketing": ["email"],
            "retention": t(
                "Slettes når du melder deg av.",
                "Blir sletta når du melder deg av.",
                "Erased when you unsubscribe.",
            ),
        },
        "members": {
            "name": t("Medlemskap", "Medlemskap", "Membership"),
            "purpose": t(
                "Å administrere medlemskapet, kontingenten og medlemsmøtene.",
                "Å administrere medlemskapet, kontingenten og medlemsmøta.",
                "To administer membership, fees and members' meetings.",
            ),
            "data_subjects": ["members"],
            "data_categories": ["name", "email", "phone", "address"],
            "sources": [{"kind": "data_subject"}],
            "legal_basis": "contract",
            "provision": t(
                "Du må oppgi kontaktopplysningene for å bli medlem; uten dem kan vi ikke ha deg som medlem.",
                "Du må oppgi kontaktopplysningane for å bli medlem; utan dei kan vi ikkje ha deg som medlem.",
                "You must give your contact details to become a member; without them we cannot have you as a member.",
            ),
            "retention": t(
                "Slettes når medlemskapet er avsluttet og alt er gjort opp.",
                "Blir sletta når medlemskapet er avslutta og alt er gjort opp.",
                "Erased when the membership has ended and everything is settled.",
            ),
        },
        "employees": {
            "name": t(
                "Personaladministrasjon", "Personaladministrasjon", "Personnel administration"
            ),
            "purpose": t(
                "Å følge opp arbeidsforholdet og betale lønn.",
                "Å følgje opp arbeidsforholdet og betale løn.",
                "To manage employment and pay salaries.",
            ),
            "data_subjects": ["employees"],
            "data_categories": ["name", "email", "phone", "address", "employment"],
            "sources": [{"kind": "data_subject"}],
            "legal_basis": "contract",
            "provision": t(
                "Opplysningene er nødvendige for arbeidsavtalen og for å betale lønn; uten dem kan vi ikke ansette deg.",
                "Opplysningane er naudsynte for arbeidsavtalen og for å betale løn; utan dei kan vi ikkje tilsetje deg.",
                "The data is needed for the employment contract and to pay salaries; without it we cannot employ you.",
            ),
            "retention": t(
                "Slettes når arbeidsforholdet er avsluttet, unntatt det lov krever at vi "
                "oppbevarer.",
                "Blir sletta når arbeidsforholdet er avslutta, unnateke det lova krev at vi "
                "oppbevarer.",
                "Erased when employment ends, except what the law requires us to keep.",
            ),
        },
        "website-analytics": {
            "name": t(
                "Statistikk for nettstedet", "Statistikk for nettstaden", "Website analytics"
            ),
            "purpose": t(
                "Å se hvordan nettstedet brukes, så vi kan gjøre det bedre.",
                "Å sjå korleis nettstaden blir brukt, så vi kan gjere han betre.",
                "To see how the website is used, so that we can improve it.",
            ),
            "data_subjects": ["website-visitors"],
            "data_categories": ["online-id"],
            "sources": [{"kind": "observed"}],
            "legal_basis": "consent",
            "consent_withdrawal": t(
                "Endre valget ditt i innstillingene for informasjonskapsler på nettstedet.",
                "Endre valet ditt i innstillingane for informasjonskapslar på nettstaden.",
                "Change your choice in the cookie settings on the website.",
            ),
            "retention": t(
                "Slettes etter 14 måneder.",
                "Blir sletta etter 14 månader.",
                "Erased after 14 months.",
            ),
        },
        "social-media": {
            "name": t("Sosiale medier", "Sosiale medium", "Social media"),
            "purpose": t(
                "Å informere om arrangementene våre og svare på kommentarer i sosiale medier.",
                "Å informere om arrangementa våre og svare på kommentarar i sosiale medium.",
                "To tell people about our events and answer comments on social media.",
            ),
            "data_subjects": ["followers"],
            "data_categories": ["profile"],
            "sources": [{"kind": "data_subject"}],
            "legal_basis": "legitimate_interests",
            "legitimate_interest": t(
                "Å nå publikum der de er og svare på spørsmål.",
                "Å nå publikum der dei er, og svare på spørsmål.",
                "To reach our audience where they are and answer their questions.",
            ),
            "retention": t(
                "Innlegg og kommentarer ligger til de slettes av oss eller den som skrev dem.",
                "Innlegg og kommentarar ligg til dei blir sletta av oss eller den som skreiv dei.",
                "Posts and comments remain until we or their author delete them.",
            ),
        },
        "accounting": {
            "name": t("Regnskap", "Rekneskap", "Accounting"),
            "purpose": t(
                "Å føre regnskap og oppfylle plikter etter bokføringsloven.",
                "Å føre rekneskap og oppfylle plikter etter bokføringslova.",
                "To keep the accounts and meet our duties under the Bookkeeping Act.",
            ),
            "data_subjects": ["payers"],
            "data_categories": ["name", "address", "purchase"],
            "sources": [{"kind": "data_subject"}],
            "legal_basis": "legal_obligation",
            "legal_source": "bokføringsloven",
            "provision": t(
                "Bokføringsloven krever opplysningene på bilagene; uten dem kan vi ikke gjennomføre kjøpet eller betalingen.",
                "Bokføringslova krev opplysningane på bilaga; utan dei kan vi ikkje gjennomføre kjøpet eller betalinga.",
                "The Bookkeeping Act requires the data on the vouchers; without it we cannot complete the purchase or payment.",
            ),
            "retention": t(
                "Oppbevares så lenge bokføringsloven krever.",
                "Blir oppbevarte så lenge bokføringslova krev.",
                "Kept as long as the Bookkeeping Act requires.",
            ),
        },
    }


HEADER_SHORT: dict[str, str] = {
    "nb": "# Datakart laget med 'harmonien-ropa init'. Sjekk det med 'harmonien-ropa check'.\n",
    "nn": "# Datakart laga med 'harmonien-ropa init'. Sjekk det med 'harmonien-ropa check'.\n",
    "en": "# Data map made with 'harmonien-ropa init'. Check it with 'harmonien-ropa check'.\n",
}

HEADER: dict[str, str] = {
    "nb": (
        "# Datakart laget med 'harmonien-ropa init': et utgangspunkt å rette til.\n"
        "# Alt under 'assumptions:' er antakelser som må bekreftes; personvernerklæringen\n"
        "# kaller dem foreløpige til de er fjernet. Kjør 'harmonien-ropa check' etter hver\n"
        "# endring, og 'harmonien-ropa render' for å lage erklæringen og protokollen.\n"
        "# Tekster skrives på bokmål (nb) og engelsk (en).\n"
    ),
    "nn": (
        "# Datakart laga med 'harmonien-ropa init': eit utgangspunkt å rette til.\n"
        "# Alt under 'assumptions:' er føresetnader som må stadfestast; personvernerklæringa\n"
        "# kallar dei mellombelse til dei er fjerna. Køyr 'harmonien-ropa check' etter kvar\n"
        "# endring, og 'harmonien-ropa render' for å lage erklæringa og protokollen.\n"
        "# Tekstar blir skrivne på nynorsk (nn) og engelsk (en), språka i 'languages:'.\n"
    ),
    "en": (
        "# Data map made with 'harmonien-ropa init': a starting point to edit.\n"
        "# Everything under 'assumptions:' is an assumption still to confirm; the privacy\n"
        "# notice calls it provisional until the line is removed. Run 'harmonien-ropa check'\n"
        "# after every change, and 'harmonien-ropa render' to make the notice and the record.\n"
        "# Texts are written in Norwegian bokmål (nb) and English (en).\n"
    ),
}

COMMENTS: dict[str, dict[str, str]] = {
    "organisation": {
        "nb": "# Hvem som er behandlingsansvarlig, og hvem de registrerte kan kontakte.",
        "nn": "# Kven som er behandlingsansvarleg, og kven dei registrerte kan kontakte.",
        "en": "# Who the controller is, and whom people can contact.",
    },
    "notice": {
        "nb": "# Personvernerklæringen (art. 13 og 14) og protokollen (art. 30): versjon og dato.",
        "nn": "# Personvernerklæringa (art. 13 og 14) og protokollen (art. 30): versjon og dato.",
        "en": "# The privacy notice (Art. 13 and 14) and the record (Art. 30): version and date.",
    },
    "data_subjects": {
        "nb": "# Hvem opplysningene gjelder, og hvilke opplysninger det er.",
        "nn": "# Kven opplysningane gjeld, og kva opplysningar det er.",
        "en": "# Whose data is processed, and which data.",
    },
    "parties": {
        "nb": "# Leverandører fra katalogen ('harmonien-ropa catalogue'); det som står her, gjelder\n"
        "# foran katalogen.",
        "nn": "# Leverandørar frå katalogen ('harmonien-ropa catalogue'); det som står her, gjeld\n"
        "# framfor katalogen.",
        "en": "# Vendors from the catalogue ('harmonien-ropa catalogue'); what is written here\n"
        "# wins over the catalogue.",
    },
    "activities": {
        "nb": "# Behandlingene: formål, grunnlag (art. 6), lagringstid. Legg til 'systems:' med\n"
        "# tjenestene som brukes, f.eks. en leverandør fra katalogen:\n"
        "#   parties: [{id: ticketco, catalogue: ticketco, role: processor, dpa: true}]",
        "nn": "# Behandlingane: formål, grunnlag (art. 6), lagringstid. Legg til 'systems:' med\n"
        "# tenestene som blir brukte, t.d. ein leverandør frå katalogen:\n"
        "#   parties: [{id: ticketco, catalogue: ticketco, role: processor, dpa: true}]",
        "en": "# The activities: purpose, legal basis (Art. 6), retention. Add 'systems:' with\n"
        "# the services used, e.g. a vendor from the catalogue:\n"
        "#   parties: [{id: ticketco, catalogue: ticketco, role: processor, dpa: true}]",
    },
}
