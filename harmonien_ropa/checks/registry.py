"""The one explicit registry of rules, their groups, and selection by code, group or name."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from types import MappingProxyType

from ..core.errors import HarmonienError
from .rule import Rule
from .rules import (
    consent,
    cookies,
    governance,
    interop,
    inventory,
    legal_basis,
    mapfile,
    marketing,
    recipients,
    retention,
    stated,
    transfer_grounds,
    transfers,
    transparency,
)
from .scan_rules import SCAN_GROUP, SCAN_PREFIX, SCAN_RULES


class SelectionError(HarmonienError):
    """A --select/--ignore value (or settings entry) names no rule, group or code prefix."""


@dataclass(frozen=True, slots=True)
class Group:
    """Rules whose codes share a hundred, e.g. ``ROPA1`` (ROPA100-ROPA199)."""

    prefix: str
    name: str
    title: str


GROUPS: tuple[Group, ...] = (
    Group("ROPA1", "legal-basis", "Lawfulness: Art. 6 bases, Art. 9 and 10, national ids"),
    Group("ROPA2", "recipients", "Recipients, processors and transfers outside the EEA"),
    Group("ROPA3", "retention", "Storage limitation and retention"),
    Group("ROPA4", "transparency", "Transparency: what the notice must say"),
    Group("ROPA5", "inventory", "Inventory: data, systems and parties in use"),
    Group("ROPA6", "marketing", "Direct marketing and ad targeting"),
    Group("ROPA7", "governance", "Accountability: DPIA, DPO and the record"),
    Group("ROPA8", "interop", "Interoperability: DPV and fideslang terms that exist"),
    Group("ROPA9", "map", "Assumptions and acknowledgements"),
)

_MODULES = (
    legal_basis,
    consent,
    transfers,
    transfer_grounds,
    recipients,
    retention,
    transparency,
    inventory,
    marketing,
    cookies,
    governance,
    interop,
    stated,
    mapfile,
)


def _build() -> MappingProxyType[str, Rule]:
    rules: dict[str, Rule] = {}
    names: set[str] = set()
    for module in _MODULES:
        for cls in module.RULES:
            if cls.code in rules or cls.name in names:
                raise TypeError(f"rule {cls.__name__}: code or name used twice")
            if group_of(cls.code) is None:
                raise TypeError(f"rule {cls.__name__}: code {cls.code} is in no group")
            rules[cls.code] = cls()
            names.add(cls.name)
    return MappingProxyType(dict(sorted(rules.items())))


def group_of(code: str) -> Group | None:
    """The group a code belongs to."""
    return next((g for g in GROUPS if code.startswith(g.prefix)), None)


#: Every rule by code, in code order.
RULES: MappingProxyType[str, Rule] = _build()


#: Every code a selector can name: the checker's rules and the findings of ``scan``.
ALL_CODES: frozenset[str] = frozenset(RULES) | frozenset(SCAN_RULES)


def resolve(selector: str) -> frozenset[str]:
    """Codes named by ``selector``: ``ALL``, a code, a code prefix, a group or a rule name
    (of the checker's rules or of the findings of ``scan``)."""
    key = selector.strip()
    upper = key.upper()
    if upper == "ALL":
        return ALL_CODES
    by_prefix = frozenset(code for code in ALL_CODES if code.startswith(upper))
    if upper.startswith(("ROPA", SCAN_PREFIX)) and by_prefix:
        return by_prefix
    for group in GROUPS:
        if key.lower() == group.name:
            return frozenset(code for code in RULES if code.startswith(group.prefix))
    if key.lower() == SCAN_GROUP:
        return frozenset(SCAN_RULES)
    for code, rule in RULES.items():
        if key.lower() == rule.name:
            return frozenset({code})
    for code, kind in SCAN_RULES.items():
        if key.lower() == kind.name:
            return frozenset({code})
    raise SelectionError(
        f"'{selector}' names no rule: use a code (ROPA101), a prefix (ROPA1), "
        "a group (" + ", ".join((*(g.name for g in GROUPS), SCAN_GROUP)) + ") or a rule name"
    )


def selection(select: Iterable[str] = (), ignore: Iterable[str] = ()) -> frozenset[str]:
    """Codes to run: those selected (all when nothing is), minus those ignored."""
    chosen: set[str] = set()
    selected = list(select)
    for selector in selected:
        chosen |= resolve(selector)
    if not selected:
        chosen = set(ALL_CODES)
    for selector in ignore:
        chosen -= resolve(selector)
    return frozenset(chosen)
