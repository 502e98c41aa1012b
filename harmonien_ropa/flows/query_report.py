"""Plain-text and JSON reports of :mod:`harmonien_ropa.flows.queries` results, in nb or en."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterable, Mapping
from typing import Any

from ..law.countries import country_name
from ..law.terms import cite, label
from ..model.base import in_language
from ..model.datamap import DataMap
from ..model.legal import LegalBasis, MarketingChannel, PartyRole, TransferMechanism
from ..source.i18n import strings
from .queries import Holding, ImpactResult, LocateResult

WIDTH = 96


def json_text(result: LocateResult | ImpactResult) -> str:
    """The result as sorted, indented JSON with a final newline."""
    data: dict[str, Any] = result.to_dict()
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


class _Names:
    def __init__(self, datamap: DataMap, lang: str) -> None:
        self.dm = datamap
        self.lang = lang

    def categories(self, ids: Iterable[str]) -> str:
        return ", ".join(self.dm.data_category(i).name.get(self.lang) for i in ids)

    def activities(self, ids: Iterable[str]) -> str:
        return ", ".join(self.dm.activity(i).name.get(self.lang) for i in ids)

    def systems(self, ids: Iterable[str]) -> str:
        return ", ".join(in_language(self.dm.system(i).name, self.lang) for i in ids)

    def parties(self, ids: Iterable[str]) -> str:
        return ", ".join(self.dm.party(i).name for i in ids)

    def subjects(self, ids: Iterable[str]) -> str:
        return ", ".join(self.dm.data_subject(i).name.get(self.lang) for i in ids)


def _field(label: str, value: str, indent: str = "    ") -> list[str]:
    return textwrap.wrap(
        f"{label}: {value}",
        WIDTH,
        initial_indent=indent,
        subsequent_indent=indent + "  ",
        break_on_hyphens=False,
    )


def locate_text(result: LocateResult, datamap: DataMap, lang: str) -> str:
    """A readable answer to "where is this person's data?" for an access or erasure request."""
    s = strings("queries", lang)
    n = _Names(datamap, lang)
    lines = [s["locate_heading"].format(subject=result.subject_name)]
    if result.categories:
        lines.append(s["locate_only"].format(categories=n.categories(result.categories)))
    if not result.holdings:
        lines += ["", s["locate_none"]]
        return "\n".join(lines) + "\n"
    lines += ["", s["by_activity"]]
    for h in result.holdings:

        def marked(fact: str, value: str, h: Holding = h) -> str:
            return f"{value} {s['assumed']}" if fact in h.assumed else value

        lines.append(f"  - {h.name} [{h.activity}]")
        lines += _field(s["categories"], marked("categories", n.categories(h.categories)))
        lines += _field(s["legal_basis"], _bases(h.legal_basis, h.legal_bases_assumed, s, lang))
        if h.systems:
            lines += _field(s["systems"], marked("systems", n.systems(h.systems)))
        if h.recipients:
            lines += _field(s["recipients"], marked("recipients", n.parties(h.recipients)))
        if h.marketing:
            channels = ", ".join(label(MarketingChannel(m), lang) for m in h.marketing)
            lines += _field(s["marketing"], marked("marketing", channels))
        r = h.retention
        rule = r.text or s["not_stated"]
        if r.assumed or "retention" in h.assumed:
            rule += " " + s["assumed"]
        lines += _field(s["retention"], rule)
        erasure = (
            s["erase_no"].format(reason=cite(h.erasure_reason or "", lang))
            if h.erasure_limited
            else s["erase_yes"]
        )
        lines += textwrap.wrap(
            marked("erasure_limited", erasure),
            WIDTH,
            initial_indent="    ",
            subsequent_indent="      ",
        )
    lines += ["", s["by_holder"]]
    for holder in result.holders:
        if holder.kind == "system":
            where = ", ".join(holder.country)
            marker = f" {s['assumed']}" if "country" in holder.assumed else ""
            lines.append(f"  - {holder.name} ({where}){marker} [system:{holder.id}]")
        else:
            role = label(PartyRole(holder.role), lang) if holder.role else ""
            if "role" in holder.assumed:
                role += f" {s['assumed']}"
            country = country_name(holder.country[0], lang) if holder.country else ""
            if "country" in holder.assumed:
                country += f" {s['assumed']}"
            lines.append(f"  - {holder.name}, {role}, {country} [party:{holder.id}]")
        lines += _field(s["categories"], n.categories(holder.categories))
        lines += _field(s["activities"], n.activities(holder.activities))
        if holder.via:
            lines += textwrap.wrap(
                s["via"].format(systems=n.systems(holder.via)), WIDTH, initial_indent="    "
            )
        if holder.keep_for:
            text = s["keep_for"].format(activities=n.activities(holder.keep_for))
            lines += textwrap.wrap(text, WIDTH, initial_indent="    ", subsequent_indent="      ")
    lines += ["", *textwrap.wrap(s["upper_bound"], WIDTH)]
    return "\n".join(lines) + "\n"


def _bases(value: str | None, assumed: tuple[str, ...], s: Mapping[str, str], lang: str) -> str:
    """The legal bases of ``value`` (comma-separated keys) in ``lang``, each that is an open
    assumption marked as such."""
    if not value:
        return s["not_stated"]
    return ", ".join(
        label(LegalBasis(v), lang) + (f" {s['assumed']}" if v in assumed else "")
        for v in value.split(", ")
    )


def impact_text(result: ImpactResult, datamap: DataMap, lang: str) -> str:
    """A readable first breach assessment for a system or party."""
    s = strings("queries", lang)
    n = _Names(datamap, lang)
    none = s["none"]
    lines = [s["impact_heading"].format(name=result.name), ""]
    lines += _field(s["parties"], n.parties(result.parties) or none, "  ")
    lines += _field(s["systems"], n.systems(result.systems) or none, "  ")
    lines += _field(s["activities"], n.activities(result.activities) or none, "  ")
    lines += _field(s["data_subjects"], n.subjects(result.data_subjects) or none, "  ")
    lines += _field(s["categories"], n.categories(result.categories) or none, "  ")
    special = n.categories(result.special_categories) or none
    lines += _field(s["special_categories"], special, "  ")
    lines += _field(s["national_id"], n.categories(result.national_id) or none, "  ")
    lines += _field(s["vulnerable"], n.subjects(result.vulnerable_subjects) or none, "  ")
    if not result.transfers:
        lines += _field(s["transfers"], none, "  ")
    else:
        lines.append(f"  {s['transfers']}:")
        for t in result.transfers:
            mech = (
                label(TransferMechanism(t.mechanism), lang)
                if t.mechanism
                else s["mechanism_missing"]
            )
            if "mechanism" in t.assumed:
                mech += f" {s['assumed']}"
            extra = "" if t.declared else f" ({s['undeclared']})"
            text = (
                f"{datamap.party(t.party).name} → {country_name(t.country, lang)}: {mech}"
                f" [{datamap.activity(t.activity).name.get(lang)}]{extra}"
            )
            lines += textwrap.wrap(text, WIDTH, initial_indent="    - ", subsequent_indent="      ")
    authority = datamap.organisation.supervisory_authority.name
    lines += ["", *textwrap.wrap(s["breach_note"].format(authority=authority), WIDTH)]
    lines += ["", *textwrap.wrap(s["upper_bound"], WIDTH)]
    return "\n".join(lines) + "\n"
