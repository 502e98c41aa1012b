# Longer than 400 lines: one table of every Art. 30/13/14 item, kept whole so the record, coverage and rules read one list.
"""What the law asks the record and the notice to contain, and whether the map gives it.

Each :class:`Item` is one thing Art. 30(1), 30(2), 13 or 14 requires, with when it applies (to
activities done as controller, or to those done as a processor for a client) and the rules of
the checker that report it when it is missing. :func:`requirements` gives its status for one
activity: ``stated``, ``assumed`` (stated as an assumption still to confirm), ``missing`` or
``n/a``. This is the single source of the record's "gaps" table, of ``check --coverage`` and of
the rules that report a missing item: they cannot disagree about what is missing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from ..model.activity import Activity
from ..model.base import Statement
from ..model.datamap import DataMap
from ..model.legal import LegalBasis
from .consent import consent_bases
from .provision import provision
from .rights import rights_of, uses_consent
from .transfers import (
    destinations,
    effective_mechanism,
    importer,
    is_onward,
    needs_mechanism,
    owes_safeguards_copy,
    party_needs_mechanism,
)

Status = Literal["stated", "assumed", "missing", "n/a"]
STATUSES: tuple[Status, ...] = ("stated", "assumed", "missing", "n/a")
Applies = Literal["controller", "processor"]


@dataclass(frozen=True, slots=True)
class Cell:
    """The status of one item for one activity, with a short note (English) on why."""

    status: Status
    note: str = ""


@dataclass(frozen=True, slots=True)
class Item:
    """One thing the record or the notice must contain."""

    key: str
    short: str
    article: str
    label: str
    label_nb: str
    #: Which activities the item is asked of: those done as controller or as a processor.
    applies: Applies
    #: Codes of the checker's rules that report the item when it is missing.
    rules: tuple[str, ...]

    def text(self, lang: str) -> str:
        if lang == "nn":
            return LABELS_NN[self.key]
        return self.label_nb if lang == "nb" else self.label

    @property
    def record(self) -> bool:
        """True for an Art. 30 record item (else an Art. 13/14 notice item)."""
        return self.key.startswith("30.")


def _cell(present: bool, assumed: bool, note: str = "") -> Cell:
    if not present:
        return Cell("missing", note)
    return Cell("assumed" if assumed else "stated", note)


def _assumed(statement: Statement | None, *fields: str) -> bool:
    return statement is not None and any(statement.is_assumed(f) for f in fields)


# -- the items -------------------------------------------------------------------------------


def controller_reachable(dm: DataMap) -> bool:
    """True if the controller gives a way to reach it (Art. 13(1)(a), 30(1)(a))."""
    org = dm.organisation
    if org.privacy_contact or org.email or org.phone:
        return True
    return any(c.email or c.phone for c in org.contacts)


def _controller(dm: DataMap, _: Activity) -> Cell:
    org = dm.organisation
    used = [f for f in ("privacy_contact", "email", "phone") if getattr(org, f)]
    reachable = controller_reachable(dm)
    return _cell(reachable, _assumed(org, *used), "" if reachable else "no contact details")


def _purposes(_: DataMap, a: Activity) -> Cell:
    return _cell(True, _assumed(a, "purpose", "name"))


def _subjects_categories(dm: DataMap, a: Activity) -> Cell:
    assumed = _assumed(a, "data_subjects", "data_categories") or any(
        c.is_assumed("name") for c in dm.categories_of(a)
    )
    return _cell(True, assumed)


def _recipients(dm: DataMap, a: Activity) -> Cell:
    parties = dm.all_recipients_of(a)
    assumed = _assumed(a, "recipients", "systems") or any(p.is_assumed("role") for p in parties)
    return _cell(True, assumed, "none" if not parties else "")


def transfer_gap(dm: DataMap, a: Activity, *, notice: bool = False) -> str | None:
    """Why the activity's transfers are incompletely stated (English), or ``None``.

    Our own destinations outside the EEA must be recorded, each of our transfers needs a
    Chapter V ground unless an adequacy decision covers the importer, the Art. 49(1) second
    subparagraph needs its safeguards described, and (for the notice) a ground that owes people
    a copy of the safeguards must say how to get one.
    """
    recorded = {t.country for t in a.transfers}
    if destinations(dm, a).ours - recorded:
        return "destination outside the EEA not recorded"
    named = {t.party_id for t in a.transfers}
    for party in dm.all_recipients_of(a):
        if (
            party.id not in named
            and party.transfer_mechanism is None
            and party_needs_mechanism(party)
        ):
            return f"no mechanism for {party.id}"
    for transfer in a.transfers:
        party = dm.party(transfer.party_id)
        mechanism = effective_mechanism(transfer, party)
        if mechanism is None and needs_mechanism(dm, transfer):
            return f"no mechanism for {party.id}"
        if (
            mechanism is not None
            and mechanism.value == "derogation_compelling_interests"
            and not (transfer.safeguards or party.transfer_safeguards)
        ):
            return f"no safeguards described for {party.id}"
        if (
            notice
            and not is_onward(dm, transfer)  # the recipient's own notice says it
            and owes_safeguards_copy(mechanism)
            and not (transfer.safeguards_copy or party.safeguards_copy)
        ):
            return f"no copy of the safeguards for {party.id}"
    return None


def _transfers(dm: DataMap, a: Activity, *, notice: bool = False) -> Cell:
    found = destinations(dm, a)
    if not (found.ours or a.transfers or found.unknown_hosting):
        return Cell("n/a")
    gap = transfer_gap(dm, a, notice=notice)
    if gap is not None:
        return Cell("missing", gap)
    if notice and found.unknown_hosting:
        # The notice must say whether data leaves the EEA (Art. 13(1)(f)); it cannot yet.
        return Cell("missing", "hosting of a system not known")
    assumed = _assumed(a, "transfers") or bool(found.unknown_hosting)
    for transfer in a.transfers:
        party = dm.party(transfer.party_id)
        if transfer.mechanism is not None:
            assumed = assumed or transfer.is_assumed("mechanism")
        else:
            assumed = assumed or party.is_assumed("transfer_mechanism")
        assumed = assumed or importer(dm, transfer).is_assumed("dpf_certified")
    note = "hosting of a system not known" if found.unknown_hosting else ""
    return _cell(True, assumed, note)


def _retention(_: DataMap, a: Activity) -> Cell:
    retention = a.retention
    assumed = _assumed(a, "retention") or bool(retention and retention.assumptions)
    return _cell(retention is not None, assumed)


def _security(dm: DataMap, a: Activity) -> Cell:
    if a.security_measures:
        return _cell(True, _assumed(a, "security_measures"))
    systems = [s for s in dm.systems_of(a) if s.security_measures]
    assumed = bool(systems) and all(s.is_assumed("security_measures") for s in systems)
    return _cell(bool(systems), assumed)


def _dpo(dm: DataMap, _: Activity) -> Cell:
    dpo = dm.organisation.dpo
    if dpo is None:
        return Cell("missing", "no DPO decision")
    if not dpo.appointed and dpo.reason is None:
        return Cell("missing", "no reason for not appointing a DPO")
    return _cell(True, _assumed(dpo, "appointed", "email", "phone", "name"))


def dpo_missing(dm: DataMap) -> bool:
    """True if the map does not record the DPO decision (or why none is designated)."""
    dpo = dm.organisation.dpo
    return dpo is None or (not dpo.appointed and dpo.reason is None)


def _bases_assumed(a: Activity, *names: str) -> bool:
    """True if a field ``names`` (``basis``, ``law``, …) of any of the activity's bases is an
    assumption (the whole ``legal_bases`` list counts for each)."""
    return _assumed(a, "legal_bases") or any(b.is_assumed(n) for b in a.bases for n in names)


def _basis(dm: DataMap, a: Activity) -> Cell:
    if not a.basis_values:
        return Cell("missing", "no Art. 6 basis")
    if any(b.basis is None for b in a.bases):
        return Cell("missing", "an entry of legal_bases has no basis")
    if dm.special_categories_of(a) and a.art9_condition is None:
        return Cell("missing", "no Art. 9(2) condition")
    return _cell(True, _bases_assumed(a, "basis", "law", "covers") or _assumed(a, "art9_condition"))


def _interests(_: DataMap, a: Activity) -> Cell:
    parts = [b for b in a.bases if b.basis is LegalBasis.LEGITIMATE_INTERESTS]
    if not parts:
        return Cell("n/a")
    stated = all(b.legitimate_interest is not None for b in parts)
    return _cell(stated, any(b.is_assumed("legitimate_interest") for b in parts))


def _rights(dm: DataMap, a: Activity) -> Cell:
    if not a.basis_values:
        return Cell("missing", "no legal basis to derive them from")
    return _cell(True, _bases_assumed(a, "basis"), ", ".join(r.value for r in rights_of(dm, a)))


def _withdrawal(_: DataMap, a: Activity) -> Cell:
    if not uses_consent(a):
        return Cell("n/a")
    parts = consent_bases(a) or a.bases[:1]
    stated = all(b.withdrawal is not None for b in parts)
    assumed = _assumed(a, "consent_withdrawal") or any(
        b.consent is not None and b.consent.is_assumed("withdrawal") for b in parts
    )
    return _cell(stated, assumed)


def _complaint(dm: DataMap, _: Activity) -> Cell:
    return _cell(True, _assumed(dm.organisation.supervisory_authority, "name", "url"))


def _provision(_: DataMap, a: Activity) -> Cell:
    found = provision(a)
    if found == "stated":
        return _cell(True, _assumed(a, "provision"))
    if found == "to_state":
        return Cell("missing")
    if found == "voluntary":  # the notice says so, from the bases
        return _cell(True, _bases_assumed(a, "basis"), "voluntary: no statute or contract")
    return Cell("n/a")


def _automated(dm: DataMap, a: Activity) -> Cell:
    notice = dm.notice
    if a.automated_decisions and not notice.automated_decisions:
        return Cell("missing", "automated decisions not declared in the notice")
    if notice.automated_decisions and notice.automated_decisions_logic is None:
        return Cell("missing", "automated decisions not explained")
    return _cell(True, _assumed(notice, "automated_decisions", "automated_decisions_logic"))


def _art14_categories(_: DataMap, a: Activity) -> Cell:
    if not a.is_indirect:
        return Cell("n/a")
    return _cell(True, _assumed(a, "data_categories"))


def _art14_source(_: DataMap, a: Activity) -> Cell:
    indirect = [s for s in a.sources if s.kind.is_indirect]
    if not indirect:
        return Cell("n/a")
    described = all(s.party_id or s.description for s in indirect)
    assumed = _assumed(a, "sources") or any(s.assumptions for s in indirect)
    return _cell(described, assumed)


def client_reachable(dm: DataMap, a: Activity) -> bool:
    """True if the record can give the client controller's contact details (Art. 30(2)(a))."""
    client = dm.client_of(a)
    return client is not None and bool(client.contact or client.website or client.privacy_policy)


def _processor_controller(dm: DataMap, a: Activity) -> Cell:
    client = dm.client_of(a)
    if not controller_reachable(dm):
        return Cell("missing", "no contact details of ours")
    dpo = _dpo(dm, a)
    if dpo.status == "missing":
        return dpo
    if not client_reachable(dm, a):
        return Cell("missing", f"no contact details for {a.on_behalf_of_id}")
    assumed = _assumed(a, "on_behalf_of") or _assumed(client, "role", "contact")
    return _cell(True, assumed)


_I = Item
_C: Applies = "controller"
_P: Applies = "processor"
_ITEMS: tuple[tuple[Item, Callable[[DataMap, Activity], Cell]], ...] = (
    (
        _I(
            "30.1a",
            "a",
            "GDPR Art. 30(1)(a)",
            "controller's name and contact details",
            "behandlingsansvarliges navn og kontaktopplysninger",
            _C,
            ("ROPA407",),
        ),
        _controller,
    ),
    (_I("30.1b", "b", "GDPR Art. 30(1)(b)", "purposes", "formål", _C, ()), _purposes),
    (
        _I(
            "30.1c",
            "c",
            "GDPR Art. 30(1)(c)",
            "data subjects and data categories",
            "kategorier av registrerte og personopplysninger",
            _C,
            (),
        ),
        _subjects_categories,
    ),
    (_I("30.1d", "d", "GDPR Art. 30(1)(d)", "recipients", "mottakere", _C, ()), _recipients),
    (
        _I(
            "30.1e",
            "e",
            "GDPR Art. 30(1)(e)",
            "transfers to third countries",
            "overføringer til tredjeland",
            _C,
            ("ROPA201", "ROPA202", "ROPA217"),
        ),
        _transfers,
    ),
    (
        _I(
            "30.1f",
            "f",
            "GDPR Art. 30(1)(f)",
            "time limits for erasure",
            "frister for sletting",
            _C,
            ("ROPA301",),
        ),
        _retention,
    ),
    (
        _I(
            "30.1g",
            "g",
            "GDPR Art. 30(1)(g)",
            "security measures",
            "sikkerhetstiltak",
            _C,
            ("ROPA505",),
        ),
        _security,
    ),
    (
        _I(
            "30.2a",
            "Pa",
            "GDPR Art. 30(2)(a)",
            "processor's and client controller's name and contact details",
            "databehandlerens og den behandlingsansvarliges navn og kontaktopplysninger",
            _P,
            ("ROPA407", "ROPA216", "ROPA704"),
        ),
        _processor_controller,
    ),
    (
        _I(
            "30.2b",
            "Pb",
            "GDPR Art. 30(2)(b)",
            "categories of processing",
            "kategorier av behandling",
            _P,
            (),
        ),
        _purposes,
    ),
    (
        _I(
            "30.2c",
            "Pc",
            "GDPR Art. 30(2)(c)",
            "transfers to third countries",
            "overføringer til tredjeland",
            _P,
            ("ROPA201", "ROPA202", "ROPA217"),
        ),
        _transfers,
    ),
    (
        _I(
            "30.2d",
            "Pd",
            "GDPR Art. 30(2)(d)",
            "security measures",
            "sikkerhetstiltak",
            _P,
            ("ROPA505",),
        ),
        _security,
    ),
    (
        _I(
            "13.1a",
            "1a",
            "GDPR Art. 13(1)(a)",
            "controller's identity and contact details",
            "behandlingsansvarliges identitet og kontaktopplysninger",
            _C,
            ("ROPA407",),
        ),
        _controller,
    ),
    (
        _I(
            "13.1b",
            "1b",
            "GDPR Art. 13(1)(b)",
            "DPO's contact details (or the decision)",
            "personvernombudets kontaktopplysninger (eller beslutningen)",
            _C,
            ("ROPA704",),
        ),
        _dpo,
    ),
    (
        _I(
            "13.1c",
            "1c",
            "GDPR Art. 13(1)(c)",
            "purposes and legal basis",
            "formål og behandlingsgrunnlag",
            _C,
            ("ROPA101", "ROPA102"),
        ),
        _basis,
    ),
    (
        _I(
            "13.1d",
            "1d",
            "GDPR Art. 13(1)(d)",
            "legitimate interests pursued",
            "berettigede interesser som forfølges",
            _C,
            ("ROPA103",),
        ),
        _interests,
    ),
    (_I("13.1e", "1e", "GDPR Art. 13(1)(e)", "recipients", "mottakere", _C, ()), _recipients),
    (
        _I(
            "13.1f",
            "1f",
            "GDPR Art. 13(1)(f)",
            "transfers, adequacy or safeguards",
            "overføringer, tilstrekkelighet eller garantier",
            _C,
            ("ROPA201", "ROPA202", "ROPA205", "ROPA217", "ROPA218"),
        ),
        lambda dm, a: _transfers(dm, a, notice=True),
    ),
    (
        _I(
            "13.2a",
            "2a",
            "GDPR Art. 13(2)(a)",
            "storage period or criteria",
            "lagringstid eller kriterier for den",
            _C,
            ("ROPA301",),
        ),
        _retention,
    ),
    (
        _I(
            "13.2b",
            "2b",
            "GDPR Art. 13(2)(b)",
            "the rights that apply",
            "rettighetene som gjelder",
            _C,
            ("ROPA101",),
        ),
        _rights,
    ),
    (
        _I(
            "13.2c",
            "2c",
            "GDPR Art. 13(2)(c)",
            "right to withdraw consent",
            "retten til å trekke samtykke",
            _C,
            ("ROPA105",),
        ),
        _withdrawal,
    ),
    (
        _I(
            "13.2d",
            "2d",
            "GDPR Art. 13(2)(d)",
            "right to complain to the authority",
            "retten til å klage til tilsynsmyndigheten",
            _C,
            (),
        ),
        _complaint,
    ),
    (
        _I(
            "13.2e",
            "2e",
            "GDPR Art. 13(2)(e)",
            "whether the data must be provided",
            "om det er plikt til å gi opplysningene",
            _C,
            ("ROPA404",),
        ),
        _provision,
    ),
    (
        _I(
            "13.2f",
            "2f",
            "GDPR Art. 13(2)(f)",
            "automated decisions and profiling",
            "automatiserte avgjørelser og profilering",
            _C,
            ("ROPA405",),
        ),
        _automated,
    ),
    (
        _I(
            "14.1d",
            "14d",
            "GDPR Art. 14(1)(d)",
            "categories of data (data from others)",
            "kategorier av opplysninger (opplysninger fra andre)",
            _C,
            (),
        ),
        _art14_categories,
    ),
    (
        _I(
            "14.2f",
            "14f",
            "GDPR Art. 14(2)(f)",
            "source of the data (data from others)",
            "hvor opplysningene kommer fra (opplysninger fra andre)",
            _C,
            ("ROPA401",),
        ),
        _art14_source,
    ),
)
ITEMS: tuple[Item, ...] = tuple(item for item, _ in _ITEMS)

#: Each item's label in nynorsk, by its key.
LABELS_NN: dict[str, str] = {
    "30.1a": "namnet og kontaktopplysningane til den behandlingsansvarlege",
    "30.1b": "føremål",
    "30.1c": "kategoriar av registrerte og personopplysningar",
    "30.1d": "mottakarar",
    "30.1e": "overføringar til tredjeland",
    "30.1f": "fristar for sletting",
    "30.1g": "tryggingstiltak",
    "30.2a": "namnet og kontaktopplysningane til databehandlaren og den behandlingsansvarlege",
    "30.2b": "kategoriar av behandling",
    "30.2c": "overføringar til tredjeland",
    "30.2d": "tryggingstiltak",
    "13.1a": "identiteten og kontaktopplysningane til den behandlingsansvarlege",
    "13.1b": "kontaktopplysningane til personvernombodet (eller avgjerda)",
    "13.1c": "føremål og behandlingsgrunnlag",
    "13.1d": "berettiga interesser som blir forfølgde",
    "13.1e": "mottakarar",
    "13.1f": "overføringar, tilstrekkelegheit eller garantiar",
    "13.2a": "lagringstid eller kriterium for ho",
    "13.2b": "rettane som gjeld",
    "13.2c": "retten til å trekkje samtykke",
    "13.2d": "retten til å klage til tilsynsstyresmakta",
    "13.2e": "om det er plikt til å gje opplysningane",
    "13.2f": "automatiserte avgjerder og profilering",
    "14.1d": "kategoriar av opplysningar (opplysningar frå andre)",
    "14.2f": "kvar opplysningane kjem frå (opplysningar frå andre)",
}
if set(LABELS_NN) != {item.key for item in ITEMS}:  # pragma: no cover - a table kept in step
    raise ValueError("every requirement item needs a nynorsk label in LABELS_NN, and no other")


def applies_to(item: Item, activity: Activity) -> bool:
    """True if ``item`` is asked of ``activity`` (as controller, or as a processor)."""
    return (item.applies == "processor") == activity.is_processor_activity


def requirements(datamap: DataMap, activity: Activity) -> tuple[tuple[Item, Cell], ...]:
    """Every item with its status for ``activity``, in the order of :data:`ITEMS`; found once
    for each activity of the map (:meth:`~harmonien_ropa.model.datamap.DataMap.once`)."""
    return datamap.once("law.requirements.requirements", activity, _requirements)


def _requirements(datamap: DataMap, activity: Activity) -> tuple[tuple[Item, Cell], ...]:
    return tuple(
        (item, compute(datamap, activity) if applies_to(item, activity) else Cell("n/a"))
        for item, compute in _ITEMS
    )


def missing(datamap: DataMap, activity: Activity) -> tuple[tuple[Item, Cell], ...]:
    """The items ``activity`` misses."""
    return tuple((i, c) for i, c in requirements(datamap, activity) if c.status == "missing")
