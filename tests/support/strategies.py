"""Hypothesis strategies: valid data maps as plain data, and mutations of valid YAML text."""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from harmonien_ropa.core.orgnumbers import norwegian_problem
from harmonien_ropa.model.legal import (
    Art9Condition,
    ConsentMechanism,
    DpiaStatus,
    LegalBasis,
    MarketingChannel,
    PartyRole,
    SourceKind,
    TrackerKind,
    TrackerPurpose,
    TransferMechanism,
)
from support.hardening import PAYLOADS

# Every character a data map may hold: no surrogates, no C0 controls but tab and line breaks,
# no DEL or C1 controls, no bidirectional embeddings, overrides or isolates.
_CHAR = st.characters(
    exclude_categories=("Cs",),
    exclude_characters="".join(chr(c) for c in range(32) if chr(c) not in "\t\n\r")
    + "".join(chr(c) for c in range(0x7F, 0xA0))
    + "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    + "\ufffe\uffff",
)
TEXT = st.one_of(
    st.text(_CHAR, min_size=1, max_size=30).filter(lambda s: s.strip() != ""),
    st.sampled_from(sorted(PAYLOADS.values())),
    st.sampled_from(["NO", "yes", "null", "~", "0123", "1e3", "- x", "a: b", "#", "'", '"']),
)
SHORT = TEXT.map(lambda s: s[:500])
COUNTRIES = st.sampled_from(["NO", "SE", "DK", "DE", "US", "GB", "CH", "IN", "JP", "BR"])

#: Example counts of the property tests over generated maps: a small derandomised run in the
#: suite, many more with ``HARMONIEN_FUZZ_PROFILE=fuzz`` (``make fuzz``).
_HEALTH = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
settings.register_profile(
    "hardening", max_examples=40, deadline=None, suppress_health_check=_HEALTH, derandomize=True
)
settings.register_profile(
    "fuzz", max_examples=300, deadline=None, suppress_health_check=_HEALTH, print_blob=True
)
PROFILE_NAME = os.environ.get("HARMONIEN_FUZZ_PROFILE", "hardening")
PROFILE = settings.get_profile(PROFILE_NAME)
DURATIONS = st.sampled_from(["P1Y", "P6M", "P30D", "P2W", "P5Y6M", "P10Y"])


@st.composite
def texts(draw: st.DrawFn) -> dict[str, str]:
    """A text in one, two or three of the languages (nb, nn, en)."""
    langs = draw(st.sampled_from([("nb", "en"), ("nb",), ("en",), ("nn",), ("nb", "nn", "en")]))
    return {lang: draw(TEXT) for lang in langs}


def _ids(prefix: str, count: int) -> list[str]:
    return [f"{prefix}-{i}" for i in range(count)]


#: How consent is obtained: any mechanism (valid or not), records, withdrawal, age check.
CONSENTS = st.fixed_dictionaries(
    {},
    optional={
        "mechanism": st.sampled_from([m.value for m in ConsentMechanism]),
        "records": texts(),
        "withdrawal": texts(),
        "age_check": texts(),
    },
)
#: One entry of ``legal_bases``: a basis with what it covers, its law, interest and consent.
BASIS_PARTS = st.fixed_dictionaries(
    {"basis": st.sampled_from([b.value for b in LegalBasis])},
    optional={
        "covers": texts(),
        "law": SHORT,
        "legitimate_interest": texts(),
        "balancing_test": SHORT,
        "consent": CONSENTS,
    },
)


def _maybe(draw: st.DrawFn, data: dict[str, Any], key: str, strategy: Any) -> None:
    if draw(st.booleans()):
        data[key] = draw(strategy)


@st.composite
def datamaps(draw: st.DrawFn) -> dict[str, Any]:
    """A data map that :func:`harmonien_ropa.from_data` accepts, with varied structure and text."""
    subjects = _ids("subject", draw(st.integers(1, 3)))
    categories = _ids("cat", draw(st.integers(1, 4)))
    parties = _ids("party", draw(st.integers(0, 4)))
    systems = _ids("system", draw(st.integers(0, 3)))

    organisation: dict[str, Any] = {
        "name": draw(SHORT | texts()),
        "org_number": "999 888 771",
    }
    _maybe(
        draw,
        organisation,
        "languages",
        st.sampled_from([["nb", "en"], ["nn"], ["en", "nb"], ["nb", "nn", "en"]]),
    )
    _maybe(draw, organisation, "legal_form", texts())
    _maybe(draw, organisation, "represented_by", st.builds(lambda r: {"role": r}, texts()))
    _maybe(
        draw,
        organisation,
        "data_protection_adviser",
        st.builds(lambda n, r: {"name": n, "role": r}, SHORT, texts()),
    )
    _maybe(draw, organisation, "email", st.just("post@example.org"))
    _maybe(
        draw,
        organisation,
        "dpo",
        st.builds(lambda n: {"appointed": True, "name": n, "email": "dpo@example.org"}, SHORT)
        | st.builds(lambda r: {"appointed": False, "reason": r}, texts()),
    )
    _maybe(
        draw,
        organisation,
        "contacts",
        st.lists(st.builds(lambda n, r: {"name": n, "role": r}, SHORT, texts()), max_size=2),
    )
    date = draw(st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31)))
    notice: dict[str, Any] = {"version": draw(SHORT), "effective_date": date}
    for key in ("introduction", "security_summary", "erasure_routine"):
        _maybe(draw, notice, key, texts())
    _maybe(draw, notice, "no_other_recipients", st.booleans())

    party_list = []
    for index, ident in enumerate(parties):
        party: dict[str, Any] = {
            "id": ident,
            "name": draw(SHORT),
            "role": draw(st.sampled_from(list(PartyRole))).value,
            "country": draw(COUNTRIES),
        }
        _maybe(draw, party, "dpa", st.booleans())
        _maybe(draw, party, "description", texts())
        _maybe(
            draw, party, "transfer_mechanism", st.sampled_from([m.value for m in TransferMechanism])
        )
        _maybe(draw, party, "safeguards_copy", texts())
        _maybe(draw, party, "dpf_certified", st.booleans())
        if index and draw(st.booleans()):
            party["engaged_by"] = draw(st.sampled_from(parties[:index]))  # no cycles
        party_list.append(party)

    system_list = []
    for ident in systems:
        system: dict[str, Any] = {"id": ident, "name": draw(SHORT)}
        if parties:
            _maybe(draw, system, "vendor", st.sampled_from(parties))
        _maybe(draw, system, "hosting_countries", st.lists(COUNTRIES, max_size=2))
        _maybe(draw, system, "access", st.lists(texts(), max_size=2))
        _maybe(draw, system, "security_measures", st.lists(texts(), max_size=2))
        system_list.append(system)

    activity_list = []
    for ident in _ids("activity", draw(st.integers(1, 3))):
        used = draw(st.lists(st.sampled_from(categories), min_size=1, max_size=3, unique=True))
        activity: dict[str, Any] = {
            "id": ident,
            "name": draw(texts()),
            "purpose": draw(texts()),
            "data_subjects": draw(
                st.lists(st.sampled_from(subjects), min_size=1, max_size=2, unique=True)
            ),
            "data_categories": used,
        }
        if draw(st.booleans()):
            _maybe(draw, activity, "legal_basis", st.sampled_from([b.value for b in LegalBasis]))
            _maybe(draw, activity, "legitimate_interest", texts())
            _maybe(draw, activity, "consent", CONSENTS)
        else:
            activity["legal_bases"] = draw(st.lists(BASIS_PARTS, min_size=1, max_size=3))
        _maybe(draw, activity, "art9_condition", st.sampled_from([c.value for c in Art9Condition]))
        _maybe(draw, activity, "in_notice", st.booleans())
        _maybe(
            draw,
            activity,
            "retention",
            st.builds(
                lambda t, p, g: {"text": t, **({"period": p} if p else {}), **g},
                texts(),
                st.none() | DURATIONS,
                st.just({}) | texts().map(lambda t: {"trigger": t}),
            ),
        )
        _maybe(draw, activity, "security_measures", st.lists(texts(), max_size=2))
        _maybe(
            draw,
            activity,
            "marketing",
            st.lists(st.sampled_from([m.value for m in MarketingChannel]), max_size=2, unique=True),
        )
        _maybe(
            draw,
            activity,
            "dpia",
            st.builds(
                lambda s, r: {"status": s, "reason": r},
                st.sampled_from([d.value for d in DpiaStatus]),
                texts(),
            ),
        )
        for flag in ("profiling", "large_scale", "automated_decisions"):
            _maybe(draw, activity, flag, st.booleans())
        if systems:
            _maybe(
                draw,
                activity,
                "systems",
                st.lists(st.sampled_from(systems), max_size=3, unique=True),
            )
        if parties:
            _maybe(
                draw,
                activity,
                "recipients",
                st.lists(st.sampled_from(parties), max_size=2, unique=True),
            )
            if draw(st.booleans()):
                activity["on_behalf_of"] = draw(st.sampled_from(parties))
            _maybe(
                draw,
                activity,
                "transfers",
                st.lists(
                    st.builds(
                        lambda p, c, m, i: {
                            "party": p,
                            "country": c,
                            **({"mechanism": m} if m else {}),
                            **({"importer": i} if i else {}),
                        },
                        st.sampled_from(parties),
                        COUNTRIES,
                        st.none() | st.sampled_from([m.value for m in TransferMechanism]),
                        st.none() | st.sampled_from(parties),
                    ),
                    max_size=2,
                ),
            )
        sources = []
        for _ in range(draw(st.integers(0, 2))):
            kind = draw(st.sampled_from(list(SourceKind)))
            source: dict[str, Any] = {"kind": kind.value}
            if kind is SourceKind.OWN_ACTIVITY:
                earlier = [a["id"] for a in activity_list] + [activity["id"]]
                source["activity"] = draw(st.sampled_from(earlier))
                _maybe(draw, source, "compatibility", texts())
            if parties and draw(st.booleans()):
                source["party"] = draw(st.sampled_from(parties))
            _maybe(draw, source, "description", texts())
            _maybe(
                draw, source, "categories", st.lists(st.sampled_from(used), max_size=2, unique=True)
            )
            sources.append(source)
        if sources:
            activity["sources"] = sources
        if draw(st.booleans()):
            activity["assumptions"] = {"purpose": draw(SHORT)}
        activity_list.append(activity)

    cookie_list = []
    for _ in range(draw(st.integers(0, 2))):
        cookie: dict[str, Any] = {
            "name": draw(SHORT),
            "purpose": draw(st.sampled_from([p.value for p in TrackerPurpose])),
            "activity": draw(st.sampled_from([a["id"] for a in activity_list])),
        }
        _maybe(draw, cookie, "kind", st.sampled_from([k.value for k in TrackerKind]))
        _maybe(draw, cookie, "domain", SHORT)
        _maybe(draw, cookie, "first_party", st.booleans())
        _maybe(draw, cookie, "lifetime", st.just("session") | DURATIONS | SHORT)
        _maybe(draw, cookie, "description", texts())
        if parties:
            _maybe(draw, cookie, "provider", st.sampled_from(parties))
        cookie_list.append(cookie)

    return {
        "schema_version": 1,
        "organisation": organisation,
        "notice": notice,
        "record": {"version": draw(SHORT), "effective_date": date},
        "data_subjects": [
            {
                "id": i,
                "name": draw(texts()),
                "may_include_children": draw(st.booleans()),
                "business_contacts": draw(st.booleans()),
            }
            for i in subjects
        ],
        "data_categories": [
            {"id": i, "name": draw(texts()), "special_category": draw(st.booleans())}
            for i in categories
        ],
        "parties": party_list,
        "systems": system_list,
        "activities": activity_list,
        "cookies": cookie_list,
    }


#: Fragments that are likely to confuse a YAML reader or the model.
TOKENS = [
    ":",
    ": ",
    "- ",
    "  ",
    "\t",
    "\n",
    "\r\n",
    "#",
    "[",
    "]",
    "{",
    "}",
    ",",
    "'",
    '"',
    "&a ",
    "*a",
    "<<: *a",
    "!!python/object/apply:os.system ['true']",
    "!!binary aGk=",
    "!tag ",
    "~",
    "null",
    "yes",
    "NO",
    "0x1F",
    "0o17",
    "1e400",
    ".nan",
    "2026-13-45",
    "2026-02-29",
    "\ufeff",
    "\u2028",
    "\x85",
    "\u202e",
    '"\\x9b"',
    "%YAML 1.1\n",
    "---\n",
    "...\n",
    "? ",
    "|\n",
    ">-\n",
    "\\",
    '"\\x00"',
    '"\\e"',
    "&b [*b]",
    "id: x",
    "data_subjects: []",
    "😀",
]


@st.composite
def mutated(draw: st.DrawFn, source: str) -> str:
    """``source`` after one to four random edits: deletions, insertions, line shuffles."""
    text = source
    for _ in range(draw(st.integers(1, 4))):
        lines = text.split("\n")
        kind = draw(
            st.sampled_from(
                [
                    "delete",
                    "insert",
                    "replace_line",
                    "duplicate_line",
                    "swap_lines",
                    "indent",
                    "truncate",
                ]
            )
        )
        at = draw(st.integers(0, max(len(text) - 1, 0)))
        line = draw(st.integers(0, max(len(lines) - 1, 0)))
        fragment = draw(st.sampled_from(TOKENS) | st.text(_CHAR, max_size=6))
        if kind == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 40)) :]
        elif kind == "insert":
            text = text[:at] + fragment + text[at:]
        elif kind == "replace_line":
            lines[line] = lines[line][: len(lines[line]) // 2] + fragment
            text = "\n".join(lines)
        elif kind == "duplicate_line":
            lines.insert(line, lines[line])
            text = "\n".join(lines)
        elif kind == "swap_lines":
            other = draw(st.integers(0, max(len(lines) - 1, 0)))
            lines[line], lines[other] = lines[other], lines[line]
            text = "\n".join(lines)
        elif kind == "indent":
            lines[line] = draw(st.sampled_from(["", " ", "   ", "\t"])) + lines[line].lstrip(" ")
            text = "\n".join(lines)
        else:
            text = text[:at]
    return text


# -- hostile but valid maps ---------------------------------------------------------------------

#: Characters that each output escapes in its own way (HTML, Markdown, DOT, CSV, Turtle, JSON).
_TRICKY = "]&\\\"'<>{}|*_`#%\t😀Æ\u200f\u00ad"
#: Text at a length limit, made of the tricky characters.
LONG = st.builds(
    lambda chars, size: (chars * size)[:size],
    st.text(st.sampled_from(_TRICKY + "ab "), min_size=1, max_size=6).filter(str.strip),
    st.sampled_from([1, 499, 500, 5000, 20000]),
)
_KEY_CHARS = "abcXYZ019_.:/#-"
#: Values the patterns of the model allow, from their edges.
DPV_CONCEPTS = st.one_of(
    st.builds(
        "{}:{}".format,
        st.sampled_from(["dpv", "pd", "eu-gdpr", "loc"]),
        st.text(st.sampled_from(_KEY_CHARS), min_size=1, max_size=60),
    ),
    st.builds("https://{}".format, st.text(st.sampled_from(_KEY_CHARS), min_size=1, max_size=60)),
)
FIDES_KEYS = st.text(st.sampled_from(_KEY_CHARS), min_size=1, max_size=200)
WEBSITES = st.from_regex(r"\Ahttps?://[^\s<>\"'`]{1,80}\Z")


@st.composite
def hostile_maps(draw: st.DrawFn) -> dict[str, Any]:
    """A map from :func:`datamaps` with text, keys and addresses pushed to the edges of what
    the model allows (the loader may still refuse some: those are not valid maps)."""
    data = draw(datamaps())
    organisation = data["organisation"]
    organisation["name"] = draw(LONG).strip()[:500] or "x"
    _maybe(draw, organisation, "website", WEBSITES)
    _maybe(draw, organisation, "privacy_contact", st.emails())
    for entry in data["data_subjects"] + data["data_categories"] + data["activities"]:
        entry["name"] = {"nb": draw(LONG), "en": draw(LONG)}
        _maybe(draw, entry, "dpv", DPV_CONCEPTS)
        _maybe(draw, entry, "fideslang", FIDES_KEYS)
    for entry in data["parties"] + data["systems"]:
        entry["name"] = draw(LONG).strip()[:500] or "x"
    for party in data["parties"]:
        party["country"] = draw(st.from_regex(r"\A[A-Z]{2}\Z"))  # not every pair is a country
    organisation["org_number"] = draw(st.from_regex(r"\A[0-9A-Z -]{4,20}\Z").filter(str.strip))
    if norwegian_problem(organisation["org_number"]) is not None:
        # Any number the pattern allows is taken as written for an organisation abroad; in
        # Norway it must pass the register's check digit.
        organisation["address"] = {"country": draw(st.sampled_from(["SE", "DK", "DE", "US"]))}
    _maybe(draw, organisation, "phone", st.from_regex(r"\A\+?[0-9][0-9 ]{3,20}\Z"))
    for activity in data["activities"]:
        activity["purpose"] = {"nb": draw(LONG), "en": draw(LONG)}
        _maybe(draw, activity, "assumptions", st.fixed_dictionaries({"purpose": LONG}))
        if "retention" in activity:
            activity["retention"]["period"] = draw(
                st.from_regex(r"\AP([0-9]{1,4}Y)?([0-9]{1,4}M)?([0-9]{1,4}W)?[0-9]{1,4}D\Z")
            )
    return data
