"""The mapping table between our vocabulary, the fideslang taxonomy and W3C DPV.

The table itself is data: ``interop/mapping.yaml`` (shipped inside the package). This module
reads it once and answers lookups; entries of a data map that carry their own ``fideslang:`` or
``dpv:`` keys win over the table.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, cached_property, partial
from importlib.resources import files
from typing import Any

import yaml

try:  # libyaml reads the table in a tenth of the time; the data are the same
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

from ..core.errors import HarmonienError
from ..core.listing import some
from ..model.activity import Activity
from ..model.datamap import DataMap
from ..model.inventory import DPV_PREFIXES, DataCategory, DataSubject
from ..model.legal import Art9Condition, LegalBasis, PartyRole, TransferMechanism


@dataclass(frozen=True, slots=True)
class Row:
    """One line of a table: our key, its fideslang key or text, its DPV concept, names, flags."""

    ours: str
    fideslang: str | None = None
    dpv: str | None = None
    nb: str | None = None
    en: str | None = None
    special: bool = False
    criminal: bool = False
    national_id: bool = False


@dataclass(frozen=True, slots=True)
class PurposeRule:
    """``when`` all conditions hold, an activity's purpose is this data use / DPV purpose."""

    when: tuple[tuple[str, str | bool], ...]
    fideslang: str | None
    dpv: str | None

    def matches(self, datamap: DataMap, activity: Activity, table: Mapping) -> bool:
        for key, value in self.when:
            if key == "data":
                found = any(
                    _at_or_under(table.category(c)[0], str(value))
                    for c in datamap.categories_of(activity)
                )
            elif key == "marketing":
                found = any(str(c) == value for c in activity.marketing)
            elif key == "legal_basis":
                found = any(str(b) == value for b in activity.basis_values)
            elif key == "profiling":
                found = activity.profiling is value
            elif key == "processor":
                found = activity.is_processor_activity is value
            else:  # pragma: no cover - rejected when the table is read
                found = False
            if not found:
                return False
        return True


def _at_or_under(key: str | None, parent: str) -> bool:
    return key is not None and (key == parent or key.startswith(parent + "."))


_CONDITIONS = {"data", "marketing", "legal_basis", "profiling", "processor"}
_TABLES = (
    "legal_bases",
    "art9_conditions",
    "transfer_mechanisms",
    "party_roles",
    "data_categories",
    "data_subjects",
)


@dataclass(frozen=True)
class Mapping:
    """The whole mapping table, with lookups in each direction."""

    prefixes: dict[str, str]
    tables: dict[str, tuple[Row, ...]]
    purposes: tuple[PurposeRule, ...]
    renamed: dict[str, str]
    #: DPV terms that do not exist but are used → the existing concept to use instead.
    dpv_instead: dict[str, str] = field(default_factory=dict)

    # -- generic lookups -------------------------------------------------------------------

    def row(self, table: str, ours: str) -> Row | None:
        """The row of ``table`` for our key ``ours``."""
        return self._index[table][0].get(ours)

    def by_fideslang(self, table: str, key: str) -> Row | None:
        """The first row of ``table`` whose fideslang key is ``key``."""
        return self._index[table][1].get(key)

    @cached_property
    def _index(self) -> dict[str, tuple[dict[str, Row], dict[str | None, Row]]]:
        """Per table: the first row for each of our keys, and for each fideslang key."""
        index: dict[str, tuple[dict[str, Row], dict[str | None, Row]]] = {}
        for name, rows in self.tables.items():
            ours: dict[str, Row] = {}
            fides: dict[str | None, Row] = {}
            for row in rows:
                ours.setdefault(row.ours, row)
                fides.setdefault(row.fideslang, row)
            index[name] = (ours, fides)
        return index

    def nearest(self, table: str, key: str) -> Row | None:
        """The row whose fideslang key is ``key`` or its longest parent (``a.b`` for ``a.b.c``)."""
        parts = key.split(".")
        while parts:
            found = self.by_fideslang(table, ".".join(parts))
            if found is not None:
                return found
            parts.pop()
        return None

    def expand(self, curie: str) -> str:
        """``dpv:Customer`` → full IRI; a full ``http(s)://`` IRI is returned unchanged."""
        if curie.startswith(("http://", "https://")):
            return curie
        prefix, sep, name = curie.partition(":")
        if not sep or prefix not in self.prefixes:
            raise HarmonienError(
                f"DPV concept '{curie}' has an unknown prefix; use one of "
                f"{', '.join(sorted(self.prefixes))} or a full IRI"
            )
        return self.prefixes[prefix] + name

    # -- the model's vocabularies ------------------------------------------------------------

    def legal_basis(self, basis: LegalBasis) -> Row:
        return self._required("legal_bases", str(basis))

    def art9(self, condition: Art9Condition) -> Row:
        return self._required("art9_conditions", str(condition))

    def transfer(self, mechanism: TransferMechanism) -> Row:
        return self._required("transfer_mechanisms", str(mechanism))

    def role(self, role: PartyRole) -> Row:
        return self._required("party_roles", str(role))

    def _required(self, table: str, ours: str) -> Row:
        found = self.row(table, ours)
        return found if found is not None else Row(ours)

    # -- entries of a data map ---------------------------------------------------------------

    def category(self, category: DataCategory) -> tuple[str | None, str | None]:
        """(fideslang key, DPV concept) of a data category: its own keys, else the table."""
        return self._entry("data_categories", category.id, category.fideslang, category.dpv)

    def subject(self, subject: DataSubject) -> tuple[str | None, str | None]:
        """(fideslang key, DPV concept) of a data subject: its own keys, else the table."""
        return self._entry("data_subjects", subject.id, subject.fideslang, subject.dpv)

    def purpose(self, datamap: DataMap, activity: Activity) -> tuple[str | None, str | None]:
        """(fideslang data use, DPV purpose) of an activity of ``datamap``: its own keys, else
        the rules."""
        fides, dpv = activity.fideslang, activity.dpv
        if fides is None or dpv is None:
            rule = self.purpose_rule(datamap, activity)
            if rule is not None:
                fides = fides or rule.fideslang
                dpv = dpv or rule.dpv
        return fides, dpv

    def purpose_rule(self, datamap: DataMap, activity: Activity) -> PurposeRule | None:
        """The first ``purposes`` rule whose conditions all hold for ``activity``."""
        return next((r for r in self.purposes if r.matches(datamap, activity, self)), None)

    def derived_use(self, datamap: DataMap, activity: Activity) -> str | None:
        """The fideslang data use the rules give ``activity``, whatever its own key says."""
        rule = self.purpose_rule(datamap, activity)
        return rule.fideslang if rule is not None else None

    def _entry(
        self, table: str, ident: str, fides: str | None, dpv: str | None
    ) -> tuple[str | None, str | None]:
        if fides is None or dpv is None:
            row = self.row(table, ident)
            if row is None and fides is not None:
                row = self.by_fideslang(table, fides)
            if row is not None:
                fides = fides or row.fideslang
                dpv = dpv or row.dpv
        return fides, dpv


@cache
def mapping() -> Mapping:
    """The packaged mapping table (read once)."""
    text = files("harmonien_ropa.interop").joinpath("mapping.yaml").read_text(encoding="utf-8")
    return parse_mapping(yaml.load(text, Loader=_Loader))


def parse_mapping(raw: Any) -> Mapping:
    """Build a :class:`Mapping` from the table's plain data; raises on a malformed table."""
    if not isinstance(raw, dict):
        raise HarmonienError("the mapping table must be a mapping of tables")
    prefixes = dict(DPV_PREFIXES)
    tables: dict[str, tuple[Row, ...]] = {}
    for name in _TABLES:
        rows = []
        for item in raw.get(name) or ():
            if not isinstance(item, dict) or "ours" not in item:
                raise HarmonienError(f"mapping table '{name}': every row needs 'ours'")
            unknown = set(item) - set(Row.__slots__)
            if unknown:
                raise HarmonienError(
                    f"mapping table '{name}': unknown column(s) {', '.join(sorted(unknown))}"
                )
            texts = {k: str(item[k]) for k in ("fideslang", "dpv", "nb", "en") if k in item}
            flags = {k: bool(item.get(k, False)) for k in ("special", "criminal", "national_id")}
            rows.append(
                Row(
                    str(item["ours"]),
                    texts.get("fideslang"),
                    texts.get("dpv"),
                    texts.get("nb"),
                    texts.get("en"),
                    **flags,
                )
            )
        tables[name] = tuple(rows)
    rules = []
    for item in raw.get("purposes") or ():
        when = dict(item.get("when") or {})
        if not when or set(when) - _CONDITIONS:
            raise HarmonienError(
                f"mapping purposes: conditions must be some of {', '.join(sorted(_CONDITIONS))}"
            )
        rules.append(
            PurposeRule(
                tuple(
                    sorted((str(k), v if isinstance(v, bool) else str(v)) for k, v in when.items())
                ),
                item.get("fideslang"),
                item.get("dpv"),
            )
        )
    renamed = {str(k): str(v) for k, v in dict(raw.get("fideslang_renamed") or {}).items()}
    instead = {str(k): str(v) for k, v in dict(raw.get("dpv_instead") or {}).items()}
    return Mapping(prefixes, tables, tuple(rules), renamed, instead)


@dataclass(frozen=True, slots=True)
class Coverage:
    """How many entries of a data map map to fideslang and to DPV, and which do not."""

    kind: str
    total: int
    fideslang_missing: tuple[str, ...]
    dpv_missing: tuple[str, ...]

    @property
    def fideslang_mapped(self) -> int:
        return self.total - len(self.fideslang_missing)

    @property
    def dpv_mapped(self) -> int:
        return self.total - len(self.dpv_missing)

    def summary(self) -> str:
        """One line, e.g. ``data categories: fideslang 10/10, DPV 9/10 (missing: x)``."""
        text = (
            f"{self.kind}: fideslang {self.fideslang_mapped}/{self.total}, "
            f"DPV {self.dpv_mapped}/{self.total}"
        )
        gaps = [
            f"{name} without {what}: {some(missing)}"
            for name, what, missing in (
                ("", "fideslang", self.fideslang_missing),
                ("", "DPV", self.dpv_missing),
            )
            if missing
        ]
        return text + (f" ({'; '.join(g.strip() for g in gaps)})" if gaps else "")


def coverage(datamap: DataMap) -> tuple[Coverage, ...]:
    """Mapping coverage of a data map's data categories, data subjects and activities."""
    table = mapping()
    result = []
    for kind, entries, lookup in (
        ("data categories", datamap.data_categories, table.category),
        ("data subjects", datamap.data_subjects, table.subject),
        ("purposes (activities)", datamap.activities, partial(table.purpose, datamap)),
    ):
        pairs = [(entry.id, lookup(entry)) for entry in entries]  # type: ignore[arg-type]
        result.append(
            Coverage(
                kind,
                len(pairs),
                tuple(i for i, (f, _) in pairs if f is None),
                tuple(i for i, (_, d) in pairs if d is None),
            )
        )
    return tuple(result)
