# Longer than 400 lines: one importer: every manifest section adds to the same ids, notes and diagnostics.
"""Turn Fides manifests (systems, datasets, organisation) into a data map of our own.

Fides knows less than a GDPR data map needs: no organisation number, no notice text, purposes
only as a declaration name and a data use, no transfer countries. Everything the import has to
fill in for that is written under ``assumptions:`` on the entry, with a note saying what to
check, so the new map is usable at once and honest about what is still a guess. Older
fideslang keys are read as their current names (also noted). The result is validated with the
same loader as any data map before it is returned.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.diagnostics import Diagnostic, Severity
from ..core.errors import HarmonienError, LoadError
from ..core.listing import some
from ..core.load_codes import INVALID_VALUE
from ..core.versions import CURRENT
from ..model.base import strip_unwritable
from ..model.legal import PartyRole, TransferMechanism
from ..source.loading import loads
from ..source.yamlbase import YamlDocument, YamlError
from ..source.yamlsource import parse, read_text
from .fides import dump_yaml
from .fides_values import (
    _country,
    _dataset_categories,
    _email,
    _Ids,
    _key,
    _list,
    _long,
    _our_meta,
    _short,
    _slug,
    _unique,
    _url,
)
from .mapping import Mapping, Row, mapping

#: Where something is written in the manifests: the parsed manifest and a location in it.
_Origin = tuple[YamlDocument, tuple[str | int, ...]]

_PLACEHOLDER_SUBJECT = "people"
_PLACEHOLDER_CATEGORY = "unspecified-data"


def _placeholder(
    entries: dict[str, dict[str, Any]], ident: str, name: dict[str, str], note: str
) -> str:
    """``ident``, added to ``entries`` once as an entry whose name is marked an assumption."""
    entries.setdefault(ident, {"id": ident, "name": name, "assumptions": {"name": note}})
    return ident


@dataclass
class _Declaration:
    system: str
    name: str
    data_use: str
    categories: list[str]
    subjects: list[str]
    raw: dict[str, Any]
    notes: dict[str, str] = field(default_factory=dict)
    #: where the declaration is written: its manifest and location there
    origin: _Origin | None = None


def read_manifests(paths: Sequence[str | Path]) -> list[YamlDocument]:
    """Parse each manifest safely (size limit, duplicate keys); raises LoadError.

    A folder (such as a Fides project's ``.fides/``) stands for its ``*.yml``/``*.yaml`` files.
    """
    files: list[Path] = []
    for given in map(Path, paths):
        if given.is_dir():
            found = sorted(p for p in given.iterdir() if p.suffix in (".yml", ".yaml"))
            if not found:
                raise HarmonienError(f"folder '{given}' holds no .yml or .yaml manifest")
            files.extend(found)
        else:
            files.append(given)
    documents = []
    for path in files:
        try:
            text = read_text(Path(path), str(path))
            documents.append(parse(text, str(path)))
        except YamlError as exc:
            raise LoadError(exc.diagnostics) from None
    return documents


def import_fides(documents: Sequence[YamlDocument], *, effective_date: dt.date) -> dict[str, Any]:
    """Our data map (plain data, ready to dump as YAML) from parsed Fides manifests.

    Characters no output can carry (control characters) are dropped from every text first.
    """
    return _import(documents, effective_date)[0]


def _import(
    documents: Sequence[YamlDocument], effective_date: dt.date
) -> tuple[dict[str, Any], dict[tuple[str | int, ...], _Origin]]:
    """The data map and, for each of its entries (``("systems", 2)``, ``("organisation",)``),
    where in the manifests it comes from."""
    cleaned = [YamlDocument(d.path, _writable(d.data), d.positions) for d in documents]
    importer = _Importer(mapping(), effective_date)
    data = importer.run(cleaned)
    return data, importer.places(data, cleaned)


def _writable(value: Any) -> Any:
    """``value`` with unwritable characters removed from every string, keys included."""
    if isinstance(value, str):
        return strip_unwritable(value)
    if isinstance(value, list):
        return [_writable(item) for item in value]
    if isinstance(value, dict):
        return {_writable(key): _writable(item) for key, item in value.items()}
    return value


def import_fides_yaml(paths: Sequence[str | Path], *, effective_date: dt.date) -> bytes:
    """Read manifests from ``paths`` and return the data map as YAML, checked by our loader."""
    documents = read_manifests(paths)
    data, places = _import(documents, effective_date)
    text = _HEADER + dump_yaml(data).decode("utf-8")
    try:
        loads(text, "<imported>")  # never hand out a map our own loader refuses
    except LoadError as exc:
        raise LoadError(_in_manifests(exc.diagnostics, text, places, documents)) from None
    return text.encode("utf-8")


#: For each list of the data map, the Fides key each of our keys is made from: a problem with
#: our key is reported at that key of the manifest entry (or at the entry, if it lacks it).
_FIDES_KEYS: dict[str, dict[str, str]] = {
    "organisation": {
        "name": "name",
        "privacy_contact": "controller",
        "dpo": "data_protection_officer",
    },
    "systems": {
        "id": "fides_key",
        "name": "name",
        "description": "description",
        "vendor": "legal_name",
        "hosting_countries": "meta",
        "security_measures": "data_security_practices",
    },
    "parties": {
        "name": "legal_name",
        "privacy_policy": "privacy_policy",
        "dpa_reference": "dpa_location",
        "role": "meta",
        "country": "meta",
    },
    "activities": {
        "id": "name",
        "name": "name",
        "purpose": "name",
        "data_subjects": "data_subjects",
        "data_categories": "data_categories",
        "legal_basis": "legal_basis_for_processing",
        "art9_condition": "special_category_legal_basis",
        "retention": "retention_period",
        "dpia": "impact_assessment_location",
        "fideslang": "data_use",
    },
    "data_subjects": {},
    "data_categories": {},
}


def _in_manifests(
    diagnostics: Iterable[Diagnostic],
    text: str,
    places: dict[tuple[str | int, ...], _Origin],
    documents: Sequence[YamlDocument],
) -> list[Diagnostic]:
    """The problems the loader found in the imported map, each placed in the manifest (file,
    line, column) the offending entry was made from, not in the map that was never written."""
    try:
        positions = parse(text, "<imported>").positions
        where: dict[tuple[int, int], tuple[str | int, ...]] = {}
        for table in (positions.keys, positions.values):
            for loc, place in table.items():
                if len(loc) >= len(where.get(place, ())):
                    where[place] = loc  # the deepest location that starts there
    except YamlError:
        where = {}  # too large to read again: the whole map is at fault
    out = []
    for diagnostic in diagnostics:
        loc = where.get((diagnostic.line, diagnostic.column), ())
        origin: _Origin = (documents[0], ())  # an import always has a manifest
        fides_key = None
        for depth in (2, 1):
            if loc[:depth] in places:
                origin = places[loc[:depth]]
                field_name = loc[depth] if len(loc) > depth else None
                fides_key = _FIDES_KEYS.get(str(loc[0]), {}).get(str(field_name))
                break
        document, entry = origin
        line, column = document.positions.find((*entry, fides_key) if fides_key else entry)
        shown = ".".join(str(part) for part in loc) or "the whole map"
        out.append(
            Diagnostic(
                document.path,
                line,
                column,
                diagnostic.code,
                diagnostic.severity,
                f"{diagnostic.message} (in the data map made from this manifest, at {shown})",
                diagnostic.fix,
            )
        )
    return out


_HEADER = (
    "# Data map imported from a Fides manifest. Everything Fides did not hold is listed under\n"
    "# 'assumptions:' on its entry: check each one, correct the value and delete its line.\n"
)


class _Importer:
    def __init__(self, table: Mapping, effective_date: dt.date) -> None:
        self.table = table
        self.date = effective_date
        self.organisations: list[dict[str, Any]] = []
        self.systems: list[dict[str, Any]] = []
        self.datasets: dict[str, list[str]] = {}
        self.categories: dict[str, dict[str, Any]] = {}
        self.subjects: dict[str, dict[str, Any]] = {}
        self.parties: dict[str, dict[str, Any]] = {}
        self.system_ids: dict[int, str] = {}
        self.unique_system_ids = _Ids()
        #: our system id → (place in the manifests, the Fides system), filled by :meth:`run`
        self.by_sid: dict[str, tuple[int, dict[str, Any]]] = {}
        self.placeholders: set[str] = set()
        #: where each resource of the manifests and each entry made from one is written, by id()
        self.origins: dict[int, _Origin] = {}

    def sid(self, system: dict[str, Any]) -> str:
        """Our id for a Fides system: its key as an id, made unique."""
        found = self.system_ids.get(id(system))
        if found is None:
            found = self.unique_system_ids.allocate(_slug(str(system["fides_key"])))
            self.system_ids[id(system)] = found
        return found

    # -- reading -------------------------------------------------------------------------------

    def run(self, documents: Sequence[YamlDocument]) -> dict[str, Any]:
        for document in documents:
            self.collect(document)
        if not self.systems:
            raise HarmonienError(
                "no Fides systems found: a manifest to import needs a 'system:' list "
                f"(read: {some([d.path for d in documents])})"
            )
        self.by_sid = {self.sid(s): (i, s) for i, s in enumerate(self.systems)}
        self.placeholders = {self.sid(s) for s in self.systems if _our_meta(s).get("placeholder")}
        declarations = [d for s in self.systems for d in self.declarations(s)]
        system_entries = [
            self.system(s) for s in self.systems if not _our_meta(s).get("placeholder")
        ]
        activities = self.activities(declarations)
        return {
            "schema_version": CURRENT,
            "organisation": self.organisation(),
            "notice": self.document_meta(),
            "record": self.document_meta(),
            "data_subjects": list(self.subjects.values()),
            "data_categories": list(self.categories.values()),
            **({"parties": list(self.parties.values())} if self.parties else {}),
            "systems": system_entries,
            "activities": activities,
        }

    def collect(self, document: YamlDocument) -> None:
        data = document.data
        if not isinstance(data, dict):
            raise LoadError(
                [_diag(document, (), "a Fides manifest is a mapping of resource lists")]
            )
        for kind in ("organization", "system", "dataset"):
            items = data.get(kind)
            if items is None:
                continue
            if not isinstance(items, list):
                raise LoadError([_diag(document, (kind,), f"'{kind}' must be a list")])
            for index, item in enumerate(items):
                if not isinstance(item, dict) or not isinstance(item.get("fides_key"), str):
                    raise LoadError(
                        [_diag(document, (kind, index), f"each {kind} needs a 'fides_key'")]
                    )
                self.origins[id(item)] = (document, (kind, index))
                if kind == "organization":
                    self.organisations.append(item)
                elif kind == "system":
                    self.systems.append(item)
                else:
                    self.datasets[item["fides_key"]] = sorted(set(_dataset_categories(item)))

    # -- taxonomy entries ----------------------------------------------------------------------

    def current_key(self, key: str, notes: dict[str, str], what: str) -> str:
        new = self.table.renamed.get(key)
        if new is None:
            return key
        notes[what] = (
            f"The Fides manifest uses the older fideslang key '{key}', read as '{new}'. Check it."
        )
        return new

    def category(self, key: str) -> str:
        row = self.table.by_fideslang("data_categories", key)
        ident = row.ours if row else _slug(key.replace(".", "-"))
        if ident not in self.categories:
            self.categories[ident] = self.taxonomy_entry(
                ident, key, row, self.table.nearest("data_categories", key), "category"
            )
        return ident

    def subject(self, key: str) -> str:
        row = self.table.by_fideslang("data_subjects", key)
        ident = row.ours if row else _slug(key)
        if ident not in self.subjects:
            self.subjects[ident] = self.taxonomy_entry(ident, key, row, None, "subject")
        return ident

    def taxonomy_entry(
        self, ident: str, key: str, row: Row | None, near: Row | None, what: str
    ) -> dict[str, Any]:
        entry: dict[str, Any] = {"id": ident}
        if row is not None and row.nb and row.en:
            entry["name"] = {"nb": row.nb, "en": row.en}
        else:
            entry["name"] = {"en": _short(key.rsplit(".", 1)[-1].replace("_", " ")) or "unnamed"}
            entry["assumptions"] = {
                "name": f"Named from the fideslang {what} key '{key}', in English only; write "
                "the name the notice should use, in every language."
            }
        flags = row or near
        if flags is not None and what == "category":
            for flag, name in (
                ("special", "special_category"),
                ("criminal", "criminal_offence"),
                ("national_id", "national_id"),
            ):
                if getattr(flags, flag):
                    entry[name] = True
        if _key(key):
            entry["fideslang"] = key
        if row is not None and row.dpv:
            entry["dpv"] = row.dpv
        return entry

    # -- systems and declarations --------------------------------------------------------------

    def declarations(self, system: dict[str, Any]) -> list[_Declaration]:
        out = []
        document, loc = self.origins[id(system)]
        for index, raw in enumerate(_list(system.get("privacy_declarations"))):
            if not isinstance(raw, dict):
                continue
            notes: dict[str, str] = {}
            use = self.current_key(_key(raw.get("data_use")) or "essential", notes, "purpose")
            categories = [
                self.current_key(str(c), notes, "data_categories")
                for c in _list(raw.get("data_categories"))
                if str(c).strip()
            ]
            if not categories:
                for dataset in _list(raw.get("dataset_references")):
                    categories.extend(
                        self.current_key(c, notes, "data_categories")
                        for c in self.datasets.get(str(dataset), [])
                    )
            subjects = [
                self.current_key(str(s), notes, "data_subjects")
                for s in _list(raw.get("data_subjects"))
                if str(s).strip()
            ]
            name = _short(raw.get("name")) or use
            origin = (document, (*loc, "privacy_declarations", index))
            out.append(
                _Declaration(self.sid(system), name, use, categories, subjects, raw, notes, origin)
            )
        return out

    def system(self, system: dict[str, Any]) -> dict[str, Any]:
        entry: dict[str, Any] = {"id": self.sid(system)}
        self.origins[id(entry)] = self.origins[id(system)]
        entry["name"] = _short(system.get("name")) or _short(system["fides_key"]) or "system"
        description = _long(system.get("description"))
        if description:
            entry["description"] = {"en": description}
        meta = _our_meta(system)
        legal_name = _short(system.get("legal_name"))
        if legal_name:
            entry["vendor"] = self.party(legal_name, system, meta.get("vendor"))
        countries = [str(c) for c in _list(meta.get("hosting_countries")) if _country(c)]
        if countries:
            entry["hosting_countries"] = countries
        practices = _long(system.get("data_security_practices"))
        if practices:
            entry["security_measures"] = [{"en": practices}]
        return entry

    def party(self, name: str, system: dict[str, Any], known: Any) -> str:
        """The system's supplier as a party; role and country from our meta block if present."""
        known = known if isinstance(known, dict) else {}
        ident = _slug(str(known.get("id") or name))
        if ident in self.parties:
            return ident
        party: dict[str, Any] = {"id": ident, "name": name}
        notes: dict[str, str] = {}
        if known.get("role") in {str(r) for r in PartyRole}:
            party["role"] = known["role"]
        else:
            party["role"] = "processor"
            notes["role"] = (
                "Fides names the system's legal entity but not its role; assumed to be a "
                "processor. Check the contract."
            )
        country = str(known.get("country") or "")
        if _country(country):
            party["country"] = country
        else:
            party["country"] = "NO"
            notes["country"] = (
                "Fides does not record where the supplier is established; 'NO' is a "
                "placeholder. Correct it."
            )
        if _url(system.get("privacy_policy")):
            party["privacy_policy"] = _url(system.get("privacy_policy"))
        if _short(system.get("dpa_location")):
            party["dpa_reference"] = _short(system.get("dpa_location"))
        if notes:
            party["assumptions"] = notes
        self.parties[ident] = party
        self.origins[id(party)] = self.origins[id(system)]
        return ident

    # -- activities ------------------------------------------------------------------------------

    def activities(self, declarations: list[_Declaration]) -> list[dict[str, Any]]:
        groups: dict[tuple[str, str], list[_Declaration]] = {}
        for declaration in declarations:
            groups.setdefault((declaration.name, declaration.data_use), []).append(declaration)
        out = []
        used = _Ids()
        known: dict[str, str] = {}
        for system in self.systems:
            names = _our_meta(system).get("activities")
            if isinstance(names, dict):
                known.update({str(k): _slug(str(v)) for k, v in names.items()})
        for (name, use), group in groups.items():
            ident = used.allocate(known.get(name) or _slug(name))
            out.append(self.activity(ident, name, use, group))
        return out

    def activity(
        self, ident: str, name: str, use: str, group: list[_Declaration]
    ) -> dict[str, Any]:
        first = group[0].raw
        notes: dict[str, str] = {}
        for declaration in group:
            notes.update(declaration.notes)
        entry: dict[str, Any] = {"id": ident, "name": {"en": name}, "purpose": {"en": name}}
        origin = group[0].origin
        if origin is not None:
            self.origins[id(entry)] = origin
        renamed = notes.get("purpose")
        notes["purpose"] = (
            f"Fides holds only the declaration name and the data use '{use}'; write the purpose "
            "as the notice should state it, in every language." + (f" {renamed}" if renamed else "")
        )
        subject_keys = _unique(k for d in group for k in d.subjects)
        category_keys = _unique(k for d in group for k in d.categories)
        entry["data_subjects"] = [self.subject(k) for k in subject_keys] or [
            self.placeholder_subject()
        ]
        if not subject_keys:
            notes["data_subjects"] = "The Fides declaration lists no data subjects; name them."
        entry["data_categories"] = [self.category(k) for k in category_keys] or [
            self.placeholder_category()
        ]
        if origin is not None:  # a taxonomy entry comes from the first declaration using it
            for ident_ in entry["data_subjects"]:
                self.origins.setdefault(id(self.subjects[ident_]), origin)
            for ident_ in entry["data_categories"]:
                self.origins.setdefault(id(self.categories[ident_]), origin)
        if not category_keys:
            refs = ", ".join(str(r) for r in _list(first.get("dataset_references")))[:300] or "none"
            notes["data_categories"] = (
                "The Fides declaration lists no data categories (dataset references: "
                f"{refs}); list the categories the activity uses."
            )
        basis = self.reverse("legal_bases", first.get("legal_basis_for_processing"))
        if basis:
            entry["legal_basis"] = basis
        else:
            notes["legal_basis"] = (
                "The Fides manifest gives no legal basis; choose one (Art. 6(1))."
            )
        condition = self.reverse("art9_conditions", first.get("special_category_legal_basis"))
        if condition:
            entry["art9_condition"] = condition
        retention = _long(first.get("retention_period"))
        if retention:
            entry["retention"] = {"text": {"en": retention}}
        else:
            notes["retention"] = "The Fides manifest gives no retention period; state one."
        systems = _unique(d.system for d in group if d.system not in self.placeholders)
        if systems:
            entry["systems"] = systems
        self.system_facts(entry, notes, group)
        entry["fideslang"] = use
        notes = {k: v[:5000] for k, v in notes.items()}
        reference = _short(first.get("impact_assessment_location"))
        if reference:
            entry["dpia"] = {
                "status": "done",
                "reference": reference,
                "assumptions": {
                    "status": "Fides gives where the assessment is kept; assumed to be done."
                },
            }
        entry["assumptions"] = notes
        return entry

    def system_facts(
        self, entry: dict[str, Any], notes: dict[str, str], group: list[_Declaration]
    ) -> None:
        # The group's systems in manifest order, each looked up once (not a scan per activity).
        systems = [
            system for _, system in sorted(self.by_sid[k] for k in {d.system for d in group})
        ]
        transfers: list[dict[str, Any]] = []
        seen: set[tuple[tuple[str, str], ...]] = set()
        name = group[0].name
        for system in systems:
            for item in _list(_our_meta(system).get("transfers")):
                if not isinstance(item, dict) or item.get("declaration", name) != name:
                    continue
                transfer = {k: str(item[k]) for k in ("party", "country") if k in item}
                if item.get("mechanism") in {str(m) for m in TransferMechanism}:
                    transfer["mechanism"] = str(item["mechanism"])
                if not _country(transfer.get("country")):
                    continue
                if tuple(sorted(transfer.items())) not in seen:
                    seen.add(tuple(sorted(transfer.items())))
                    transfers.append(transfer)
        ours = [t for t in transfers if t.get("party") in self.parties]
        if ours:
            entry["transfers"] = ours
        if any(s.get("does_international_transfers") for s in systems) and not ours:
            bases = sorted(
                {str(b) for s in systems for b in _list(s.get("legal_basis_for_transfers"))}
            )
            notes["transfers"] = (
                "Fides says data is transferred outside the country (bases: "
                f"{', '.join(bases) or 'none given'}) but not to whom or where; add the transfers."
            )
        if any(s.get("uses_profiling") for s in systems):
            entry["profiling"] = True
            entry["automated_decisions"] = True
            notes["automated_decisions"] = (
                "Fides marks profiling with legal effect on a system of this activity; confirm "
                "that decisions are solely automated (Art. 22)."
            )
        if any("Processor" in _list(s.get("responsibility")) for s in systems):
            notes["on_behalf_of"] = (
                "Fides marks the organisation as processor for a system of this activity; name "
                "the controller under 'on_behalf_of' if the activity is done for another."
            )

    def reverse(self, table: str, value: Any) -> str | None:
        if not value:
            return None
        row = next((r for r in self.table.tables[table] if r.fideslang == str(value)), None)
        return row.ours if row else None

    def placeholder_subject(self) -> str:
        return _placeholder(
            self.subjects,
            _PLACEHOLDER_SUBJECT,
            {"nb": "personer", "en": "people"},
            "Placeholder for declarations without data subjects in Fides; "
            "replace with the kinds of people concerned.",
        )

    def placeholder_category(self) -> str:
        return _placeholder(
            self.categories,
            _PLACEHOLDER_CATEGORY,
            {"nb": "uspesifiserte opplysninger", "en": "unspecified data"},
            "Placeholder for declarations without data categories in Fides; "
            "replace with the categories used.",
        )

    # -- organisation and documents --------------------------------------------------------------

    def organisation(self) -> dict[str, Any]:
        org = self.organisations[0] if self.organisations else {}
        key = org.get("fides_key") or next(
            (
                s.get("organization_fides_key")
                for s in self.systems
                if s.get("organization_fides_key")
            ),
            "default_organization",
        )
        name = _short(org.get("name")) or _short(key) or "organisation"
        entry: dict[str, Any] = {"name": name, "org_number": "unknown"}
        notes = {
            "org_number": "Fides holds no organisation number; write the national register "
            "number (Norway: 9 digits)."
        }
        if not org.get("name"):
            notes["name"] = f"Fides gives only the key '{key}'; write the organisation's name."
        controller = org.get("controller")
        email = _email(controller.get("email")) if isinstance(controller, dict) else None
        if email:
            entry["privacy_contact"] = email
        else:
            notes["privacy_contact"] = (
                "Fides gives no contact address; add where privacy requests go."
            )
        dpo = org.get("data_protection_officer")
        if isinstance(dpo, dict) and _email(dpo.get("email")):
            entry["dpo"] = {"appointed": True, "email": _email(dpo.get("email"))}
            if _short(dpo.get("name")):
                entry["dpo"]["name"] = _short(dpo.get("name"))
        entry["assumptions"] = notes
        return entry

    def places(
        self, data: dict[str, Any], documents: Sequence[YamlDocument]
    ) -> dict[tuple[str | int, ...], _Origin]:
        """Where each entry of ``data`` (as ``run`` made it) comes from in ``documents``."""
        org = self.organisations[0] if self.organisations else None
        first: _Origin = (documents[0], ())
        found: dict[tuple[str | int, ...], _Origin] = {
            ("organisation",): self.origins.get(id(org), first) if org is not None else first,
            ("notice",): first,
            ("record",): first,
        }
        for kind in ("data_subjects", "data_categories", "parties", "systems", "activities"):
            for index, entry in enumerate(data.get(kind, ())):
                found[(kind, index)] = self.origins.get(id(entry), first)
        return found

    def document_meta(self) -> dict[str, Any]:
        return {
            "version": "0.1",
            "effective_date": self.date.isoformat(),
            "assumptions": {
                "version": "First version made from a Fides manifest; set the version to publish.",
                "effective_date": "The date of the import; set the date the document applies from.",
            },
        }


def _diag(document: YamlDocument, loc: tuple[str | int, ...], message: str) -> Diagnostic:
    line, column = document.positions.find(loc) if loc else (1, 1)
    return Diagnostic(
        document.path,
        line,
        column,
        INVALID_VALUE.code,
        Severity.ERROR,
        message,
        "give a Fides manifest with 'system:' (and optionally 'organization:', 'dataset:')",
    )
