"""Seeded synthetic organisations for the benchmark: N activities that pass validation.

The shape follows a large public body (a municipality or a hospital trust): about N/10 systems,
N/20 outside parties (processors, sub-processors, authorities, a few joint controllers and
client controllers), special categories, national identity numbers, transfers outside the EEA,
processor activities, bilingual text throughout and some open assumptions. The same ``(n, seed)``
always gives the same bytes.

    python bench/generate.py 1000 --seed 1 -o /tmp/org-1000.yaml
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from pathlib import Path
from typing import Any

import yaml

try:
    from yaml import CSafeDumper as _Dumper
except ImportError:  # pragma: no cover - pure-Python fallback when libyaml is absent
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]

#: (id, nb, en, special category, national id) of the category pool.
CATEGORIES: tuple[tuple[str, str, str, bool, bool], ...] = (
    ("name", "navn", "name", False, False),
    ("email", "e-postadresse", "e-mail address", False, False),
    ("phone", "telefonnummer", "phone number", False, False),
    ("address", "adresse", "postal address", False, False),
    ("birth-date", "fødselsdato", "date of birth", False, False),
    ("national-id", "fødselsnummer", "national identity number", False, True),
    ("bank-account", "kontonummer", "bank account number", False, False),
    ("salary", "lønn", "salary", False, False),
    ("case-notes", "saksnotater", "case notes", False, False),
    ("photo", "foto", "photograph", False, False),
    ("ip-address", "IP-adresse", "IP address", False, False),
    ("usage-logs", "bruksdata", "usage logs", False, False),
    ("health", "helseopplysninger", "health data", True, False),
    ("union-membership", "fagforeningsmedlemskap", "trade-union membership", True, False),
    ("religion", "religiøs oppfatning", "religious belief", True, False),
    ("ethnicity", "etnisk opprinnelse", "ethnic origin", True, False),
    ("biometrics", "biometriske opplysninger", "biometric data", True, False),
    ("criminal-record", "politiattest", "criminal record certificate", False, False),
)

SUBJECTS: tuple[tuple[str, str, bool], ...] = (
    ("innbyggere", "residents", False),
    ("ansatte", "employees", True),
    ("pasienter", "patients", True),
    ("elever", "pupils", True),
    ("foresatte", "parents and guardians", False),
    ("søkere", "applicants", False),
    ("leverandørkontakter", "supplier contacts", False),
    ("besøkende", "visitors", False),
    ("brukere av nettsidene", "website users", False),
    ("frivillige", "volunteers", False),
)

#: Word pairs (nb, en) for names and purposes.
WORDS: tuple[tuple[str, str], ...] = (
    ("saksbehandling", "case handling"),
    ("tjenester", "services"),
    ("vedtak", "decisions"),
    ("oppfølging", "follow-up"),
    ("oppgaver", "tasks"),
    ("kontakt", "contact"),
    ("kvalitet", "quality"),
    ("tilbud", "offers"),
    ("søknader", "applications"),
    ("timebestilling", "appointments"),
    ("fakturering", "invoicing"),
    ("rapportering", "reporting"),
    ("planlegging", "planning"),
    ("arkiv", "archive"),
    ("drift", "operations"),
    ("varsling", "alerts"),
    ("opplæring", "training"),
    ("statistikk", "statistics"),
    ("tilsyn", "supervision"),
    ("innkjøp", "procurement"),
    ("rekruttering", "recruitment"),
    ("helse", "health"),
    ("skole", "school"),
    ("omsorg", "care"),
    ("barnehage", "kindergarten"),
    ("byggesak", "building"),
    ("vann", "water"),
    ("avfall", "waste"),
)
DEPARTMENTS = (
    ("helse og omsorg", "health and care"),
    ("oppvekst", "education"),
    ("teknisk", "technical services"),
    ("økonomi", "finance"),
    ("personal", "human resources"),
    ("kultur", "culture"),
    ("IT", "IT"),
)
EEA = ("NO", "NO", "NO", "NO", "SE", "DK", "FI", "DE", "IE", "NL")
OUTSIDE = ("US", "US", "GB", "IN", "CA")
BASES = (
    "contract",
    "legal_obligation",
    "public_task",
    "public_task",
    "consent",
    "legitimate_interests",
)
ART9 = ("explicit_consent", "employment", "health_social_care", "substantial_public_interest")


def _text(nb: str, en: str) -> dict[str, str]:
    return {"nb": nb, "en": en}


def _phrase(rng: random.Random, words: int) -> tuple[str, str]:
    picks = [WORDS[rng.randrange(len(WORDS))] for _ in range(words)]
    return " ".join(nb for nb, _ in picks), " ".join(en for _, en in picks)


def _sentence(rng: random.Random, words: int) -> dict[str, str]:
    nb, en = _phrase(rng, words)
    return _text(f"Å ivareta {nb}.".capitalize(), f"To take care of {en}.")


def organisation(n: int, seed: int = 1) -> dict[str, Any]:
    """The data map of a synthetic organisation with ``n`` activities, as plain data."""
    rng = random.Random(f"harmonien-bench-{n}-{seed}")
    date = dt.date(2026, 1, 1)
    data: dict[str, Any] = {
        "schema_version": 1,
        "organisation": {
            "name": f"Syntetisk kommune {n}",
            "legal_form": _text("kommune", "municipality"),
            "org_number": "999000118",
            "address": {"street": "Rådhusgata 1", "postcode": "5000", "city": "Bergen"},
            "website": "https://kommune.example/",
            "email": "post@kommune.example",
            "privacy_contact": "personvern@kommune.example",
            "contacts": [
                {
                    "name": "Kari Nordmann",
                    "role": _text("kommunedirektør", "chief executive"),
                    "email": "kari@kommune.example",
                }
            ],
            "dpo": {"appointed": True, "name": "Ola Personvern", "email": "dpo@kommune.example"},
            "employees": 10 * n,
        },
        "notice": {"version": "1", "effective_date": date, "no_other_recipients": True},
        "record": {"version": "1", "effective_date": date, "maintained_by": "Ola Personvern"},
    }
    subjects = _subjects(n)
    categories = _categories(rng)
    parties = _parties(rng, max(4, n // 20))
    systems = _systems(rng, max(2, n // 10), parties)
    data["data_subjects"] = subjects
    data["data_categories"] = categories
    data["parties"] = parties
    data["systems"] = systems
    pools = _Pools(subjects, categories, parties, systems)
    data["activities"] = [_activity(rng, i, pools) for i in range(n)]
    return data


def _subjects(n: int) -> list[dict[str, Any]]:
    count = max(3, min(len(SUBJECTS) * 20, n // 25))
    result = []
    for i in range(count):
        nb, en, vulnerable = SUBJECTS[i % len(SUBJECTS)]
        group = i // len(SUBJECTS)
        suffix_nb, suffix_en = (
            (f" (gruppe {group + 1})", f" (group {group + 1})") if group else ("", "")
        )
        entry: dict[str, Any] = {
            "id": f"subject-{i}",
            "name": _text(nb + suffix_nb, en + suffix_en),
            "dpv": "dpv:DataSubject",
        }
        if vulnerable:
            entry["vulnerable"] = True
        result.append(entry)
    return result


def _categories(rng: random.Random) -> list[dict[str, Any]]:
    result = []
    for ident, nb, en, special, national in CATEGORIES:
        entry: dict[str, Any] = {"id": ident, "name": _text(nb, en)}
        if special:
            entry["special_category"] = True
        if national:
            entry["national_id"] = True
            entry["justification"] = _text(
                "Nødvendig for sikker identifisering.", "Needed for secure identification."
            )
        if ident == "criminal-record":
            entry["criminal_offence"] = True
        if rng.random() < 0.5:
            entry["fideslang"] = f"user.{ident.replace('-', '_')}"
        result.append(entry)
    return result


def _parties(rng: random.Random, count: int) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = []
    processors: list[str] = []
    for i in range(count):
        ident = f"party-{i}"
        roll = rng.random()
        country = rng.choice(OUTSIDE) if rng.random() < 0.15 else rng.choice(EEA)
        if i == 1:
            country = "US"  # every organisation uses a US cloud service
        entry: dict[str, Any] = {"id": ident, "name": f"Leverandør {i} AS", "country": country}
        if i == 2:
            roll = 0.87  # every organisation has a client (processor activities)
        elif i == 3:
            roll = 0.6  # and a sub-processor
        if i < 2 or roll < 0.55:
            entry["role"] = "processor"
            entry["dpa"] = rng.random() < 0.9
            processors.append(ident)
        elif roll < 0.7 and processors:
            entry["role"] = "sub_processor"
            entry["engaged_by"] = rng.choice(processors)
        elif roll < 0.8:
            entry["role"] = "public_authority"
        elif roll < 0.85:
            entry["role"] = "joint_controller"
            entry["joint_arrangement"] = _text(
                "Partene har avtalt ansvarsfordelingen.", "The parties have agreed who does what."
            )
        elif roll < 0.9:
            entry["role"] = "client_controller"
        else:
            entry["role"] = "independent_controller"
        entry["description"] = _sentence(rng, 3)
        if country in OUTSIDE:
            if country == "US" and rng.random() < 0.5:
                entry["transfer_mechanism"] = "eu_us_dpf"
                entry["dpf_certified"] = True
            elif country in ("GB", "CA"):
                entry["transfer_mechanism"] = "adequacy"
            else:
                entry["transfer_mechanism"] = "scc"
                entry["safeguards_copy"] = _text("Be oss om en kopi.", "Ask us for a copy.")
        if rng.random() < 0.1:
            entry["assumptions"] = {"country": "Taken from the contract; confirm."}
        result.append(entry)
    return result


def _systems(rng: random.Random, count: int, parties: list[dict[str, Any]]) -> list[dict[str, Any]]:
    vendors = [p for p in parties if p["role"] in ("processor", "sub_processor")]
    result = []
    for i in range(count):
        entry: dict[str, Any] = {"id": f"system-{i}", "name": f"Fagsystem {i}"}
        entry["description"] = _sentence(rng, 2)
        if rng.random() < 0.85:
            vendor = rng.choice(vendors)
            entry["vendor"] = vendor["id"]
            hosting = [vendor["country"]]
            if rng.random() < 0.2:
                other = rng.choice(vendors)
                entry["operated_by"] = other["id"]
        else:
            hosting = ["NO"]
        entry["hosting_countries"] = hosting
        entry["access"] = [_text(nb, en) for nb, en in rng.sample(DEPARTMENTS, 2)]
        entry["security_measures"] = [_text("tilgangsstyring", "access control")]
        result.append(entry)
    return result


class _Pools:
    """What activities pick from, indexed once."""

    def __init__(
        self,
        subjects: list[dict[str, Any]],
        categories: list[dict[str, Any]],
        parties: list[dict[str, Any]],
        systems: list[dict[str, Any]],
    ) -> None:
        self.subjects = subjects
        self.categories = categories
        self.systems = systems
        self.by_id = {p["id"]: p for p in parties}
        self.clients = [p for p in parties if p["role"] == "client_controller"]
        self.recipients = [
            p for p in parties if p["role"] in ("public_authority", "joint_controller")
        ]


def _activity(rng: random.Random, i: int, pools: _Pools) -> dict[str, Any]:
    subjects, categories, systems = pools.subjects, pools.categories, pools.systems
    nb, en = _phrase(rng, 3)
    cats = sorted(rng.sample(range(len(categories)), rng.randint(2, 6)))
    cat_ids = [categories[c]["id"] for c in cats]
    special = any(categories[c].get("special_category") for c in cats)
    basis = rng.choice(BASES)
    dept_nb, dept_en = rng.choice(DEPARTMENTS)
    entry: dict[str, Any] = {
        "id": f"activity-{i}",
        "name": _text(f"{nb} {i}".capitalize(), f"{en} {i}".capitalize()),
        "purpose": _sentence(rng, 8),
        "business_function": _text(dept_nb, dept_en),
        "data_subjects": [s["id"] for s in rng.sample(subjects, rng.randint(1, 2))],
        "data_categories": cat_ids,
        "sources": [{"kind": "data_subject"}],
        "legal_basis": basis,
    }
    clients = pools.clients
    if clients and rng.random() < 0.05:
        client = rng.choice(clients)
        entry["on_behalf_of"] = client["id"]
        entry["sources"].append(
            {"kind": "third_party", "party": client["id"], "categories": cat_ids[:1]}
        )
    if basis in ("legal_obligation", "public_task"):
        entry["legal_source"] = f"forvaltningsloven § {rng.randint(1, 60)}"
    elif basis == "consent":
        entry["consent_withdrawal"] = _text("Skriv til oss.", "Write to us.")
    elif basis == "legitimate_interests":
        entry["legitimate_interest"] = _sentence(rng, 6)
    if special:
        entry["art9_condition"] = rng.choice(ART9)
    used = rng.sample(systems, min(len(systems), rng.randint(1, 3)))
    entry["systems"] = [s["id"] for s in used]
    others = pools.recipients
    if others and rng.random() < 0.3:
        entry["recipients"] = [rng.choice(others)["id"]]
    transfers = []
    by_id = pools.by_id
    for system in used:
        vendor = by_id.get(system.get("vendor", ""))
        if vendor is not None and vendor["country"] in OUTSIDE:
            transfer: dict[str, Any] = {"party": vendor["id"], "country": vendor["country"]}
            if "transfer_mechanism" in vendor:
                transfer["mechanism"] = vendor["transfer_mechanism"]
            transfers.append(transfer)
    if transfers:
        entry["transfers"] = transfers
    years = rng.randint(1, 10)
    entry["retention"] = {
        "text": _text(
            f"Slettes {years} år etter avsluttet sak.",
            f"Erased {years} years after the case closes.",
        ),
        "period": f"P{years}Y",
        "trigger": _text("avsluttet sak", "the case closes"),
    }
    entry["security_measures"] = [_text("logging av tilgang", "access logging")]
    if special:
        entry["large_scale"] = rng.random() < 0.3
        entry["dpia"] = {"status": rng.choice(("done", "in_progress", "needed"))}
    else:
        entry["dpia"] = {
            "status": "not_needed",
            "reason": _text("Lav risiko.", "Low risk."),
        }
    if rng.random() < 0.1:
        entry["assumptions"] = {"retention": "Period not yet confirmed with the archive."}
    return entry


def dump(data: dict[str, Any]) -> str:
    """The data map as block-style YAML, as people write it."""
    text: str = yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=100,
    )
    return "# Synthetic organisation for the benchmark (bench/generate.py).\n" + text


def generate(n: int, seed: int = 1) -> str:
    """YAML text of a synthetic organisation with ``n`` activities."""
    return dump(organisation(n, seed))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of processing activities")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")
    args = parser.parse_args(argv)
    text = generate(args.n, args.seed)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
