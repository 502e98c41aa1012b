"""The privacy notice (GDPR Art. 13 and 14): HTML page, embeddable fragment and Markdown.

For every language in the options it writes ``notice.<lang>.html`` (standalone page: inline CSS,
no scripts, no external resources), ``notice.<lang>.fragment.html`` (the same content without
``<html>``/``<head>``, headings one level down, for a CMS) and ``notice.<lang>.md``.

Everything factual comes from the data map; the templates in ``templates/notice/`` only arrange
it, and fixed sentences come from ``templates/i18n/notice.yaml``.

Assumptions (fields listed under ``assumptions:``) are never shown as plain facts:

* public render (default): the value is shown followed by a neutral "provisional" tag, a note
  near the top says that such items are still being confirmed, and the result carries a
  warning message with the count;
* ``draft``: a banner says the copy is for internal review, every assumed value is highlighted
  with a numbered reference, and the notes behind them are listed at the end.

A map that is not ready to publish (:mod:`harmonien_ropa.checks.publication`: legal grounds still
assumed, or findings that fail the check) gives a notice, public or draft, that opens with a "not
ready for publication" banner saying why, with the counts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any, AnyStr

from jinja2 import Environment
from markupsafe import Markup, escape

from ..changes import notice_section
from ..checks.publication import Blocker, BlockerKind, counts, publication_blockers
from ..emails import mailto
from ..escaping import markdown
from ..i18n import strings
from ..law import rights as rights_mod
from ..law import transfers as transfers_law
from ..law.countries import EEA_MEMBERS, country_name, is_eea
from ..law.terms import cite
from ..law.terms import label as term_label
from ..model.activity import Activity, Transfer
from ..model.base import LANGUAGES, Statement, Text
from ..model.datamap import DataMap
from ..model.inventory import DataCategory, Party, System
from ..model.legal import TransferMechanism
from ..output import Artifact
from ..templating import environment, render_text, render_utf8
from . import RenderOptions, RenderResult


class MdRaw(str):
    """Markdown the renderer made itself (interface strings, links): not escaped again."""

    __slots__ = ()


def _md_finalize(value: Any) -> str:
    """Markdown 'autoescape': every value from the data map is made inert."""
    if value is None:
        return ""
    if isinstance(value, MdRaw):
        return str(value)
    if isinstance(value, bool | int):
        return str(value)
    return markdown(str(value))


@dataclass(frozen=True, slots=True)
class TransferRow:
    """One flow outside the EEA, with the Chapter V ground and where the safeguards are.

    ``importer`` is who receives the data in ``country`` (the recipient itself, or e.g. its US
    parent); ``onward`` is true when the flow is the recipient's own transfer (a controller in
    the EEA sending the data on), and ``copy_owed`` when people must be told how to get a copy
    of the safeguards (Art. 46, 47, 49(1) second subparagraph only)."""

    party: Party
    importer: Party
    country: str
    mechanism: TransferMechanism | None
    safeguards_copy: Text | None
    owner: Statement
    activities: tuple[Activity, ...]
    onward: bool
    copy_owed: bool


@dataclass
class _Marks:
    """Numbered references to assumptions, in the order the template shows them."""

    places: dict[int, str] = field(default_factory=dict)
    notes: list[tuple[int, str, str]] = field(default_factory=list)
    seen: dict[tuple[int, str], int] = field(default_factory=dict)
    untranslated: set[str] = field(default_factory=set)

    def number(self, entry: Statement, field_name: str, note: str | None = None) -> int:
        """The reference number of ``entry.field_name``, an assumption (its note) or a value the
        map does not give (``note`` says so)."""
        key = (id(entry), field_name)
        if key not in self.seen:
            self.seen[key] = len(self.seen) + 1
            place = self.places.get(id(entry))
            where = f"{place}.{field_name}" if place else field_name
            text = note if note is not None else entry.assumptions[field_name]
            self.notes.append((self.seen[key], where, text))
        return self.seen[key]


def _places(datamap: DataMap) -> dict[int, str]:
    """Each statement's place in the map as a readable path, e.g. ``activities.prospects``."""
    places: dict[int, str] = {}
    for loc, statement in datamap.statements():
        parts: list[str] = []
        for index, part in enumerate(loc):
            if isinstance(part, int):
                entries = getattr(datamap, str(loc[0]), ()) if index == 1 else ()
                ident = getattr(entries[part], "id", None) if index == 1 else None
                parts.append(ident if isinstance(ident, str) else f"[{part}]")
            else:
                parts.append(part)
        places[id(statement)] = ".".join(parts).replace(".[", "[")
    return places


def render(datamap: DataMap, options: RenderOptions) -> RenderResult:
    """Render the notice in every language of ``options``."""
    result = RenderResult()
    places = _places(datamap)
    blockers = options.blockers if options.blockers is not None else publication_blockers(datamap)
    for lang in options.languages:
        marks = _Marks(places)
        not_ready = not_ready_sentence(blockers, lang)
        body = _render_body(datamap, options, lang, marks, not_ready)
        for fragment, suffix in ((False, "html"), (True, "fragment.html")):
            page = _render_page(datamap, options, lang, body, fragment=fragment)
            result.add(Artifact(f"notice.{lang}.{suffix}", page), options)
        del body, page  # a large map's pages are big: let go of them once stored
        text = _tidy_markdown(_render_markdown(datamap, options, lang, _Marks(places), not_ready))
        result.add(Artifact(f"notice.{lang}.md", text.encode("utf-8")), options)
        if marks.untranslated:
            result.messages.append(
                f"notice.{lang}: {len(marks.untranslated)} text(s) have no '{lang}' version "
                "and are shown in another language; add the translation to the data map."
            )
        if marks.notes and not options.draft and lang == options.languages[0]:
            result.messages.append(
                f"notice: {len(marks.notes)} statement(s) shown in the public notice are "
                "assumptions still to be confirmed; they are tagged as provisional. Confirm them "
                "(see `harmonien-ropa check`) or review them with `render --draft`."
            )
    if blockers:
        result.messages.append(
            f"notice: not ready for publication ({len(blockers)} blocker(s)); the notice says "
            "so in a banner. `render --final` lists each one and refuses while any remains."
        )
    return result


#: The command that lists the blockers, named by the banner.
FINAL_COMMAND = "harmonien-ropa render --final"


def not_ready_sentence(blockers: tuple[Blocker, ...], lang: str) -> str | None:
    """Why the notice is not ready for publication, with the counts, in ``lang`` (plain text);
    ``None`` when nothing blocks it."""
    if not blockers:
        return None
    s = strings("notice", lang)
    found = counts(blockers)

    def counted(key: str, count: int, **values: str) -> str:
        return s[f"{key}_{'one' if count == 1 else 'other'}"].format(count=count, **values)

    grounds = [
        counted(key, found[kind])
        for kind, key in (
            (BlockerKind.LEGAL_BASIS, "not_ready_legal_basis"),
            (BlockerKind.ART9_CONDITION, "not_ready_art9"),
            (BlockerKind.TRANSFER_GROUND, "not_ready_transfer"),
        )
        if found[kind]
    ]
    clauses = []
    if grounds:
        items = (
            grounds[0]
            if len(grounds) == 1
            else ", ".join(grounds[:-1]) + s["not_ready_and"] + grounds[-1]
        )
        assumed = len(blockers) - found[BlockerKind.FINDING]
        clauses.append(counted("not_ready_assumed", assumed, items=items))
    if found[BlockerKind.FINDING]:
        clauses.append(counted("not_ready_findings", found[BlockerKind.FINDING]))
    why = "; ".join(clauses)
    return f"{why[:1].upper()}{why[1:]}."


def _tidy_markdown(text: str) -> str:
    """At most one blank line in a row, no trailing spaces, one final newline."""
    lines = [line.rstrip() for line in text.splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip("\n") + "\n"


@cache
def _md_environment() -> Environment:
    """The Markdown environment, made once: an overlay has its own template cache."""
    return environment(html=False).overlay(finalize=_md_finalize)


# Markers in rendered text, resolved afterwards (control characters never occur in the data):
# parts kept or cut out, and heading levels, which differ between the page and the fragment.
_PROVISIONAL = "\x00provisional\x00"
_PAGE_ONLY = "\x00page-only\x00"
_HEADINGS = ("\x00h1\x00", "\x00h2\x00", "\x00h3\x00")
_BODY = "\x00body\x00"


def _cut(text: AnyStr, marker: AnyStr, *, keep: bool) -> AnyStr:
    """``text`` with the part between the two ``marker``s kept (markers removed) or cut out."""
    before, found, rest = text.partition(marker)
    if not found:
        return text
    inside, _, after = rest.partition(marker)
    return before + (inside if keep else inside[:0]) + after  # [:0]: empty, of the same type


def _render_body(
    datamap: DataMap, options: RenderOptions, lang: str, marks: _Marks, not_ready: str | None
) -> bytes:
    """The notice's HTML content (UTF-8), once per language, for both the page and the fragment.

    Heading levels and the page-only parts are left as markers for :func:`_render_page`. The
    note that some items are provisional sits near the top, but whether any are shown is known
    only at the end: it is rendered between markers and kept or cut out afterwards.
    """
    context = _context(
        datamap, options, lang, html=True, marks=marks, strings_=strings("notice", lang)
    )
    context["not_ready"] = not_ready
    context["final_command"] = Markup(f"<code>{FINAL_COMMAND}</code>")
    context.update(
        H1=Markup(_HEADINGS[0]),
        H2=Markup(_HEADINGS[1]),
        H3=Markup(_HEADINGS[2]),
        page_only=Markup(_PAGE_ONLY),
        provisional_start=Markup(_PROVISIONAL),
        provisional_end=Markup(_PROVISIONAL),
    )
    body = render_utf8(environment(html=True).get_template("notice/body.html.j2"), context)
    return _cut(body, _PROVISIONAL.encode(), keep=bool(marks.notes))


def _render_page(
    datamap: DataMap, options: RenderOptions, lang: str, body: bytes, *, fragment: bool
) -> bytes:
    """The standalone page, or the fragment for a CMS (headings one level down), as UTF-8."""
    base = 2 if fragment else 1
    for offset, marker in enumerate(_HEADINGS):
        body = body.replace(marker.encode(), f"h{base + offset}".encode())
    body = _cut(body, _PAGE_ONLY.encode(), keep=not fragment)
    frame = (
        environment(html=True)
        .get_template("notice/page.html.j2")
        .render(
            fragment=fragment,
            lang=lang,
            s=strings("notice", lang),
            org=datamap.organisation,
            other_languages=tuple(other for other in options.languages if other != lang),
            body=Markup(_BODY),
        )
    )
    head, _, tail = frame.encode("utf-8").partition(_BODY.encode())
    return b"".join((head, body, tail))


def _render_markdown(
    datamap: DataMap, options: RenderOptions, lang: str, marks: _Marks, not_ready: str | None
) -> str:
    s = {key: MdRaw(value) for key, value in strings("notice", lang).items()}
    context = _context(datamap, options, lang, html=False, marks=marks, strings_=s)
    context["not_ready"] = not_ready
    context["final_command"] = MdRaw(f"`{FINAL_COMMAND}`")
    context["provisional_start"] = context["provisional_end"] = MdRaw(_PROVISIONAL)
    text = render_text(_md_environment().get_template("notice/notice.md.j2"), context)
    return _cut(text, _PROVISIONAL, keep=bool(marks.notes))


def _context(
    datamap: DataMap,
    options: RenderOptions,
    lang: str,
    *,
    html: bool,
    marks: _Marks,
    strings_: Any,
) -> dict[str, Any]:
    s = strings_
    activities = rights_mod.notice_activities(datamap)
    raw: Callable[[str], Any] = Markup if html else MdRaw

    def t(text: Text | None) -> Any:
        """``text`` in the page's language; a fallback to another language is marked with
        its ``lang`` (WCAG 3.1.2) and counted for the warning."""
        if text is None:
            return ""
        value = text.get(lang)
        if getattr(text, lang) is not None:
            return value
        marks.untranslated.add(value)
        other = next(code for code in LANGUAGES if getattr(text, code) == value)
        return Markup('<span lang="{0}">{1}</span>').format(other, value) if html else value

    labels: dict[Any, Any] = {}

    def label(term: Any) -> Any:
        if term not in labels:
            text = term_label(term, lang)
            labels[term] = raw(escape(text)) if html else MdRaw(markdown(text))
        return labels[term]

    def mark(entry: Statement | None, *field_names: str, unknown: str | None = None) -> Any:
        """The provisional tag (public) or numbered highlight (draft) for assumed fields; with
        ``unknown``, for a value the map does not give yet (``unknown`` is the note)."""
        if entry is None or not (entry.assumptions or unknown):
            return ""
        out = []
        for name in field_names:
            if unknown is None and not entry.is_assumed(name):
                continue
            number = marks.number(entry, name, unknown)
            if options.draft and html:
                out.append(
                    f' <mark class="assumption"><a href="#assumption-{number}">'
                    f"{escape(s['assumption_tag'])} {number}</a></mark>"
                )
            elif options.draft:
                out.append(f" **\\[{s['assumption_tag']} {number}\\]**")
            elif html:
                out.append(f' <span class="provisional">({escape(s["provisional_tag"])})</span>')
            else:
                out.append(f" *({s['provisional_tag']})*")
        # One tag per place is enough in the public copy.
        if not options.draft:
            out = out[:1]
        return raw("".join(out))

    def fill(template: str, **values: Any) -> Any:
        if html:
            return Markup(escape(template)).format(**values)
        return MdRaw(
            template.format(
                **{k: v if isinstance(v, MdRaw) else markdown(str(v)) for k, v in values.items()}
            )
        )

    def link(url: str, text: str | None = None) -> Any:
        if html:
            return Markup('<a href="{0}">{1}</a>').format(url, text or url)
        label_md = text if isinstance(text, MdRaw) else markdown(text or url)
        return MdRaw(f"[{label_md}](<{url}>)")

    def mail(address: str) -> Any:
        return link(mailto(address), address)

    def date(value: dt.date) -> Any:
        month = s["months"].split(",")[value.month - 1].strip()
        return fill(s["date_format"], day=value.day, month=month, year=value.year)

    return {
        "lang": lang,
        "s": s,
        "draft": options.draft,
        "org": datamap.organisation,
        "notice": datamap.notice,
        "activities": activities,
        "categories": _categories(datamap, activities),
        "recipients": _recipients(datamap, activities),
        "transfers": _transfers(datamap, activities),
        "marketing": tuple(a for a in activities if rights_mod.is_direct_marketing(a)),
        "rights": rights_mod.applicable_rights(datamap, activities),
        "rights_of": rights_mod.rights_of,
        "automated": rights_mod.has_automated_decisions(datamap, activities),
        "other_languages": tuple(other for other in options.languages if other != lang),
        "marks": marks,
        "comma": raw(", "),
        "semicolon": raw("; "),
        "t": t,
        "label": label,
        "mark": mark,
        "fill": fill,
        "link": link,
        "mail": mail,
        "date": date,
        "country": lambda code: country_name(code, lang),
        "cite": lambda reference: cite(reference, lang),
        "erasure_limit": rights_mod.erasure_limit,
        "is_onward": lambda transfer: transfers_law.is_onward(datamap, transfer),
        "importer": lambda transfer: transfers_law.importer(datamap, transfer),
        "hosting_unknown": _hosting_unknown(activities),
        "unrecorded": ", ".join(country_name(c, lang) for c in _unrecorded(activities)),
        "hosting_unknown_note": "Not known yet: the map does not say where this system stores "
        "the data (hosting_countries), so whether data leaves the EEA is not established.",
        "joint": rights_mod.joint_controllers(activities),
        "eea_codes": sorted(EEA_MEMBERS),
        "systems_used": _systems(datamap, activities),
        "changes": notice_section(options.previous, datamap, lang) if options.previous else None,
    }


def _categories(datamap: DataMap, activities: tuple[Activity, ...]) -> tuple[DataCategory, ...]:
    used = {c for a in activities for c in a.data_category_ids}
    return tuple(c for c in datamap.data_categories if c.id in used)


def _systems(datamap: DataMap, activities: tuple[Activity, ...]) -> tuple[System, ...]:
    used = {s for a in activities for s in a.system_ids}
    return tuple(s for s in datamap.systems if s.id in used)


def _recipients(datamap: DataMap, activities: tuple[Activity, ...]) -> tuple[Party, ...]:
    """Parties that receive data in the notice's activities (a party that is only a source of
    data is not a recipient: it appears with the activity's sources)."""
    used = {p.id for a in activities for p in a.all_recipients}
    return tuple(p for p in datamap.parties if p.id in used)


def _unrecorded(activities: tuple[Activity, ...]) -> list[str]:
    """Third countries our own flows reach that no transfer of the activity records."""
    found: set[str] = set()
    for activity in activities:
        recorded = {t.country for t in activity.transfers}
        found.update(transfers_law.destinations(activity).ours - recorded)
    return sorted(found)


def _hosting_unknown(activities: tuple[Activity, ...]) -> tuple[System, ...]:
    """Systems of the notice's activities whose hosting countries are not given."""
    found: dict[str, System] = {}
    for activity in activities:
        for system in transfers_law.destinations(activity).unknown_hosting:
            found.setdefault(system.id, system)
    return tuple(found.values())


def _transfers(datamap: DataMap, activities: tuple[Activity, ...]) -> tuple[TransferRow, ...]:
    """Transfers outside the EEA, one row per recipient and country, in data-map order."""
    rows: dict[tuple[str, str, str], tuple[Transfer, list[Activity]]] = {}
    for activity in activities:
        for transfer in activity.transfers:
            if is_eea(transfer.country):
                continue
            key = (transfer.party_id, transfer.importer_or_recipient_id, transfer.country)
            rows.setdefault(key, (transfer, []))[1].append(activity)
    out = []
    for (party_id, _, country), (transfer, acts) in rows.items():
        party = datamap.party(party_id)
        mechanism = transfers_law.effective_mechanism(transfer, party)
        out.append(
            TransferRow(
                party=party,
                importer=transfers_law.importer(datamap, transfer),
                country=country,
                mechanism=mechanism,
                safeguards_copy=transfer.safeguards_copy or party.safeguards_copy,
                owner=transfer,
                activities=tuple(acts),
                onward=transfers_law.is_onward(datamap, transfer),
                copy_owed=transfers_law.owes_safeguards_copy(mechanism),
            )
        )
    return tuple(out)
