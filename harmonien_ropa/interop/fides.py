"""The data map as a Fides manifest: the organisation and its systems with privacy declarations.

Each system used by an activity becomes a Fides ``system``; each activity using it becomes one of
its ``privacy_declarations`` (data categories, data use and data subjects in fideslang keys, the
Art. 6 and Art. 9 bases, retention, sharing). Activities without a system get a system of their
own. Every fideslang key is checked against the shipped taxonomy: one it does not have is
replaced by its current name, its spelling in fideslang or its closest broader key, or left out
(a data use by the one the activity's legal basis and purpose give), and the exporter's
``substitutions`` say which. What fideslang has no field for (hosting and transfer countries,
open assumptions) goes into the system's free-form ``meta`` under ``harmonien_ropa``, which
:mod:`.fides_import` reads back.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import yaml

try:
    from yaml import CSafeDumper as _BaseDumper
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeDumper as _BaseDumper  # type: ignore[assignment]

from ..law.terms import label
from ..law.transfers import effective_mechanism
from ..model.activity import Activity, Transfer
from ..model.base import Text, in_language
from ..model.datamap import DataMap
from ..model.inventory import DataCategory, DataSubject, Party, System
from ..model.legal import DpiaStatus, PartyRole
from .mapping import Mapping, mapping
from .vocabulary import DERIVED, Substitutions, Suggestion, Taxonomy, fideslang

#: Key of our block inside a Fides system's ``meta``.
META_KEY = "harmonien_ropa"

_PROCESSORS = (PartyRole.PROCESSOR, PartyRole.SUB_PROCESSOR)

#: Kinds of entries :func:`export_manifest` reports when they have no fideslang key.
UNMAPPED_KINDS = ("data categories", "data subjects", "activities")

#: Kind of entry → (fideslang kind of its key, the entry in a message).
_KINDS = {
    "data categories": ("data_category", "data category"),
    "data subjects": ("data_subject", "data subject"),
    "activities": ("data_use", "activity"),
}


def fides_key(text: str) -> str:
    """A valid FidesKey (letters, digits, ``_ . - < >``) made from ``text``."""
    key = re.sub(r"[^A-Za-z0-9_.<>-]+", "_", text.strip()).strip("_")
    return key.lower() or "organisation"


class _Exporter:
    def __init__(self, datamap: DataMap, table: Mapping, taxonomy: Taxonomy, lang: str) -> None:
        self.map = datamap
        self.table = table
        self.taxonomy = taxonomy
        self.substitutions = Substitutions("fides", taxonomy.name)
        self.lang = lang
        self.org_name = in_language(datamap.organisation.name, lang)
        self.org_key = fides_key(self.org_name)
        #: Ids without a fideslang key: data categories, data subjects, activities (data use).
        self.unmapped: dict[str, set[str]] = {kind: set() for kind in UNMAPPED_KINDS}

    def t(self, text: Text | None) -> str | None:
        return text.get(self.lang) if text is not None else None

    def organisation(self) -> dict[str, Any]:
        org = self.map.organisation
        out: dict[str, Any] = {"fides_key": self.org_key, "name": self.org_name}
        if org.legal_form:
            out["description"] = self.t(org.legal_form)
        out["controller"] = _contact(
            self.org_name,
            org.address.one_line() if org.address else "",
            org.privacy_contact or org.email or "",
            org.phone or "",
        )
        if org.dpo is not None and org.dpo.appointed:
            out["data_protection_officer"] = _contact(
                org.dpo.name or "", "", org.dpo.email or "", org.dpo.phone or ""
            )
        if org.representative is not None:
            rep = org.representative
            out["representative"] = _contact(rep.name, "", rep.email or "", rep.phone or "")
        return out

    def systems(self) -> Iterator[dict[str, Any]]:
        for system in self.map.systems:
            activities = self.map.activities_of(system)
            if activities:
                yield self.system(system.id, system, activities)
        for activity in self.map.activities:
            if not activity.system_ids:
                yield self.system(f"activity-{activity.id}", None, (activity,))

    def missing(self) -> dict[str, tuple[str, ...]]:
        """The ids without a fideslang key per kind (only kinds with any), in data-map order."""
        out: dict[str, tuple[str, ...]] = {}
        entries: Sequence[Activity | DataCategory | DataSubject]
        for kind, entries in (
            ("data categories", self.map.data_categories),
            ("data subjects", self.map.data_subjects),
            ("activities", self.map.activities),
        ):
            missing = self.unmapped[kind]
            if missing:
                out[kind] = tuple(e.id for e in entries if e.id in missing)
        return out

    def system(
        self, key: str, system: System | None, activities: tuple[Activity, ...]
    ) -> dict[str, Any]:
        name = in_language(system.name, self.lang) if system else self.t(activities[0].name) or key
        out: dict[str, Any] = {
            "fides_key": key,
            "organization_fides_key": self.org_key,
            "name": name,
            "description": self.t(system.description) if system else None,
            "system_type": "Service" if system and not system.is_internal else "Application",
            "administrating_department": "; ".join(
                _unique(self.t(a.business_function) or "" for a in activities)
            )
            or "Not defined",
            "privacy_declarations": [d for a in activities for d in self.declarations(a)],
            "responsibility": _unique(
                "Processor" if a.is_processor_activity else "Controller" for a in activities
            ),
        }
        vendor = self.map.vendor_of(system) if system else None
        if vendor is not None:
            out["legal_name"] = vendor.name
            if vendor.privacy_policy:
                out["privacy_policy"] = vendor.privacy_policy
            if vendor.dpa_reference:
                out["dpa_location"] = vendor.dpa_reference
        parties = {p.id for p in self.map.parties_of(system)} if system else None
        transfers = [
            (a, t)
            for a in activities
            for t in a.transfers
            if parties is None or t.party_id in parties
        ]
        out["does_international_transfers"] = bool(transfers)
        mechanisms = (effective_mechanism(t, self.map.party(t.party_id)) for a, t in transfers)
        out["legal_basis_for_transfers"] = sorted(
            {self.table.transfer(m).fideslang or "Other" for m in mechanisms if m is not None}
        )
        out["uses_profiling"] = any(a.automated_decisions for a in activities)
        out["requires_data_protection_assessments"] = any(
            a.dpia is not None
            and a.dpia.status in (DpiaStatus.DONE, DpiaStatus.IN_PROGRESS, DpiaStatus.NEEDED)
            for a in activities
        )
        dpo = self.map.organisation.dpo
        if dpo is not None and dpo.appointed and dpo.email:
            out["dpo"] = dpo.email
        joint = [
            p for a in activities for p in self.map.all_recipients_of(a) if p.joint_arrangement
        ]
        if joint:
            out["joint_controller_info"] = "; ".join(
                _unique(f"{p.name}: {self.t(p.joint_arrangement)}" for p in joint)
            )
        if system and system.security_measures:
            out["data_security_practices"] = "; ".join(
                self.t(m) or "" for m in system.security_measures
            )
        out["meta"] = {META_KEY: self.meta(system, activities, transfers)}
        return {k: v for k, v in out.items() if v is not None}

    def meta(
        self,
        system: System | None,
        activities: tuple[Activity, ...],
        transfers: list[tuple[Activity, Transfer]],
    ) -> dict[str, Any]:
        meta: dict[str, Any] = {"activities": {self.t(a.name): a.id for a in activities}}
        if system is None:
            meta["placeholder"] = True
        vendor = self.map.vendor_of(system) if system is not None else None
        if vendor is not None:
            meta["vendor"] = {"id": vendor.id, "role": str(vendor.role), "country": vendor.country}
        if system is not None and system.hosting_countries:
            meta["hosting_countries"] = list(system.hosting_countries)
        if transfers:
            meta["transfers"] = [
                {
                    "declaration": self.t(a.name),
                    "party": t.party_id,
                    "country": t.country,
                    **({"mechanism": str(t.mechanism)} if t.mechanism else {}),
                }
                for a, t in transfers
            ]
        assumed = [
            f"{a.id}.{field}: {note}" for a in activities for field, note in a.assumptions.items()
        ]
        if system is not None:
            assumed += [f"system.{f}: {n}" for f, n in system.assumptions.items()]
        if assumed:
            meta["assumptions"] = assumed
        return meta

    def declarations(self, activity: Activity) -> list[dict[str, Any]]:
        """The activity's privacy declarations: one, or with several bases (``legal_bases``)
        one per basis, named after the part it covers (a Fides declaration has one basis)."""
        first = self.declaration(activity)
        if not activity.legal_bases:
            return [first]
        out = []
        for index, basis in enumerate(activity.bases):
            declaration = dict(first) if index == 0 else self.declaration(activity)
            if basis.covers is not None:
                declaration["name"] = f"{first['name']} ({self.t(basis.covers)})"
            if basis.basis is not None:
                declaration["legal_basis_for_processing"] = self.table.legal_basis(
                    basis.basis
                ).fideslang
            out.append(declaration)
        return out

    def declaration(self, activity: Activity) -> dict[str, Any]:
        categories = self.keys(
            "data categories",
            ((c.id, self.table.category(c)[0]) for c in self.map.categories_of(activity)),
        )
        subjects = self.keys(
            "data subjects",
            ((s.id, self.table.subject(s)[0]) for s in self.map.subjects_of(activity)),
        )
        use = self.table.purpose(self.map, activity)[0]
        if use is not None and not self.taxonomy.known("data_use", use):
            use = self.checked(
                "activities", activity.id, use, self.table.derived_use(self.map, activity)
            )
        if use is None:
            self.unmapped["activities"].add(activity.id)
        shared = [p for p in self.map.all_recipients_of(activity) if p.role not in _PROCESSORS]
        out: dict[str, Any] = {
            "name": self.t(activity.name),
            "data_categories": categories,
            "data_use": use or "essential",
            "data_subjects": subjects,
            "flexible_legal_basis_for_processing": False,
            "processes_special_category_data": bool(self.map.special_categories_of(activity)),
            "data_shared_with_third_parties": bool(shared),
        }
        if activity.legal_basis is not None:
            out["legal_basis_for_processing"] = self.table.legal_basis(
                activity.legal_basis
            ).fideslang
        if activity.art9_condition is not None:
            out["special_category_legal_basis"] = self.table.art9(activity.art9_condition).fideslang
        if activity.retention is not None:
            out["retention_period"] = self.t(activity.retention.text)
        if activity.dpia is not None and activity.dpia.reference:
            out["impact_assessment_location"] = activity.dpia.reference
        if shared:
            out["third_parties"] = "; ".join(_party_label(p) for p in shared)
            out["shared_categories"] = categories
        return out

    def keys(self, kind: str, pairs: Iterable[tuple[str, str | None]]) -> list[str]:
        keys = []
        for ident, given in pairs:
            key = self.checked(kind, ident, given)
            if given is None:
                self.unmapped[kind].add(ident)
            elif key is not None and key not in keys:
                keys.append(key)
        return keys

    def checked(
        self, kind: str, ident: str, key: str | None, derived: str | None = None
    ) -> str | None:
        """``key`` if fideslang has it as the kind of key ``kind`` takes, else the key to use
        instead, else ``derived`` (the data use the rules give), else None (left out); each
        replacement is noted in :attr:`substitutions`."""
        fides_kind, noun = _KINDS[kind]
        if key is None or self.taxonomy.known(fides_kind, key):
            return key
        found = self.taxonomy.replacement(fides_kind, key)
        if found is None and derived is not None and self.taxonomy.known(fides_kind, derived):
            found = Suggestion(derived, DERIVED)
        self.substitutions.note(key, found, f"{noun} '{ident}'")
        return found.term if found is not None else None


def _party_label(party: Party) -> str:
    return f"{party.name} ({label(party.role, 'en')})"


def _contact(name: str, address: str, email: str, phone: str) -> dict[str, str]:
    return {"name": name, "address": address, "email": email, "phone": phone}


def _unique(items: Iterable[str]) -> list[str]:
    return [i for i in dict.fromkeys(items) if i]


def export_manifest(
    datamap: DataMap, lang: str = "en"
) -> tuple[dict[str, Any], dict[str, tuple[str, ...]]]:
    """The Fides manifest of ``datamap`` as plain data, and the ids that did not map.

    The ids are given per kind (:data:`UNMAPPED_KINDS`, only kinds with any), in data-map order.
    """
    exporter = _Exporter(datamap, mapping(), fideslang(), lang)
    manifest = {"organization": [exporter.organisation()], "system": list(exporter.systems())}
    return manifest, exporter.missing()


def manifest_yaml(datamap: DataMap, lang: str = "en") -> tuple[bytes, dict[str, tuple[str, ...]]]:
    """:func:`export_manifest` written with :func:`dump_yaml`, one system at a time.

    The same bytes as ``dump_yaml(export_manifest(datamap, lang)[0])``; only one system's data
    is alive at a time, which keeps the garbage collector's work linear in the size of the map.
    """
    text, missing, _ = manifest_yaml_checked(datamap, lang)
    return text, missing


def manifest_yaml_checked(
    datamap: DataMap, lang: str = "en"
) -> tuple[bytes, dict[str, tuple[str, ...]], Substitutions]:
    """:func:`manifest_yaml`, and the keys it could not use as written."""
    exporter = _Exporter(datamap, mapping(), fideslang(), lang)
    parts = [_dump({"organization": [exporter.organisation()]}), "system:\n"]
    parts.extend(_dump([system]) for system in exporter.systems())
    text = "".join(parts) if len(parts) > 2 else parts[0] + _dump({"system": []})
    return text.encode("utf-8"), exporter.missing(), exporter.substitutions


def dump_yaml(data: Any) -> bytes:
    """Readable, deterministic YAML (keys in the order given, Unicode kept, no anchors).

    A list under a top-level key is written item by item, so that PyYAML holds the nodes of
    one item at a time rather than of the whole manifest (over 500,000 for 10,000 activities,
    which made each full garbage collection take seconds); the text is the same. A value that
    appears twice (a declaration's categories, shared with its third parties) is written out
    twice rather than as an anchor and alias.
    """
    parts = []
    for key, value in data.items() if isinstance(data, dict) else ():
        if isinstance(value, list) and value and _PLAIN_KEY.fullmatch(str(key)):
            parts.append(f"{key}:\n")
            parts.extend(_dump([item]) for item in value)
        else:
            parts.append(_dump({key: value}))
    text = "".join(parts) if parts else _dump(data)
    return text.encode("utf-8")


_PLAIN_KEY = re.compile(r"[A-Za-z_]+")


class _Dumper(_BaseDumper):
    """libyaml's emitter where PyYAML has it (the same text as PyYAML's own, ~4x faster)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
