"""The privacy notice (GDPR Art. 13 and 14): HTML page, embeddable fragment and Markdown.

For every language in the options it writes ``notice.<lang>.html`` (standalone page: inline CSS,
no scripts, no external resources), ``notice.<lang>.fragment.html`` (the same content without
``<html>``/``<head>``, headings one level down, for a CMS) and ``notice.<lang>.md``.

Everything the notice says is decided once per language in its view
(:mod:`harmonien_ropa.notice.view`: sections of facts, each a chosen sentence, its values and its
open assumptions). This module only lays the view out: it writes each value in HTML or Markdown
(escaped, links, the sentences of ``templates/i18n/notice.yaml`` filled in) and numbers the
assumptions in the order the layout shows them; the templates in ``templates/notice/`` arrange
the view and make no choice of their own.

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

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from jinja2 import Environment
from markupsafe import Markup, escape

from ..changes.changelog import notice_section
from ..checks.publication import Blocker, BlockerKind, counts, publication_blockers
from ..core.emails import mailto
from ..core.escaping import markdown
from ..model.datamap import DataMap
from ..notice.facts import (
    Date,
    Fact,
    Link,
    Localized,
    Mail,
    Mark,
    Marks,
    NoticeView,
    Sentence,
    Value,
)
from ..notice.view import build, places
from ..source.i18n import strings
from ..source.resources import templates_dir
from . import RenderOptions, RenderResult
from .cms import prefix_ids, scoped_stylesheet
from .staging import Artifact
from .templating import environment, render_text, render_utf8


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


@dataclass
class _Numbering:
    """Numbered references to assumptions, in the order the layout shows them."""

    notes: list[tuple[int, str, str]] = field(default_factory=list)
    seen: dict[tuple[int, str], int] = field(default_factory=dict)

    def number(self, mark: Mark) -> int:
        if mark.key not in self.seen:
            self.seen[mark.key] = len(self.seen) + 1
            self.notes.append((self.seen[mark.key], mark.where, mark.note))
        return self.seen[mark.key]


def render(datamap: DataMap, options: RenderOptions) -> RenderResult:
    """Render the notice in every language of ``options``."""
    options = options.for_map(datamap)
    result = RenderResult()
    place_names = places(datamap)
    blockers = options.blockers if options.blockers is not None else publication_blockers(datamap)
    for lang in options.languages:
        view = build(datamap, lang, place_names)
        not_ready = not_ready_sentence(blockers, lang)
        changes = notice_section(options.previous, datamap, lang) if options.previous else None
        body = _render_body(view, options, not_ready, changes)
        for fragment, suffix in ((False, "html"), (True, "fragment.html")):
            page = _render_page(view, options, body, fragment=fragment)
            result.add(Artifact(f"notice.{lang}.{suffix}", page), options)
        del body, page  # a large map's pages are big: let go of them once stored
        text = _tidy_markdown(_render_markdown(view, options, not_ready, changes))
        result.add(Artifact(f"notice.{lang}.md", text.encode("utf-8")), options)
        if view.untranslated:
            result.messages.append(
                f"notice.{lang}: {len(view.untranslated)} text(s) have no '{lang}' version "
                "and are shown in another language; add the translation to the data map."
            )
        if view.provisional and not options.draft and lang == options.languages[0]:
            result.messages.append(
                f"notice: {len(view.open_marks)} statement(s) shown in the public notice are "
                "assumptions still to be confirmed; they are tagged as provisional. Confirm them "
                "(see `harmonien-ropa check`) or review them with `render --draft`."
            )
    if options.fragment_css:
        page_css = (templates_dir() / "notice" / "notice.css").read_text(encoding="utf-8")
        css = scoped_stylesheet(page_css)
        result.add(Artifact("notice.fragment.css", css.encode("utf-8")), options)
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
        assumed = len(blockers) - found[BlockerKind.FINDING] - found[BlockerKind.MISSING_ITEM]
        clauses.append(counted("not_ready_assumed", assumed, items=items))
    if found[BlockerKind.MISSING_ITEM]:
        clauses.append(counted("not_ready_missing", found[BlockerKind.MISSING_ITEM]))
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


# Markers in rendered HTML, resolved for the page and the fragment (control characters never
# occur in the data): the page-only part and heading levels, which differ between the two.
_PAGE_ONLY = "\x00page-only\x00"
_HEADINGS = ("\x00h1\x00", "\x00h2\x00", "\x00h3\x00")
_BODY = "\x00body\x00"


def _cut(text: bytes, marker: bytes, *, keep: bool) -> bytes:
    """``text`` with the part between the two ``marker``s kept (markers removed) or cut out."""
    before, found, rest = text.partition(marker)
    if not found:
        return text
    inside, _, after = rest.partition(marker)
    return before + (inside if keep else b"") + after


def _render_body(
    view: NoticeView, options: RenderOptions, not_ready: str | None, changes: Any
) -> bytes:
    """The notice's HTML content (UTF-8), once per language, for both the page and the fragment.

    Heading levels and the page-only parts are left as markers for :func:`_render_page`.
    """
    layout = _Layout(view, options, html=True)
    context = layout.context(not_ready, changes)
    context["final_command"] = Markup(f"<code>{FINAL_COMMAND}</code>")
    context.update(
        H1=Markup(_HEADINGS[0]),
        H2=Markup(_HEADINGS[1]),
        H3=Markup(_HEADINGS[2]),
        page_only=Markup(_PAGE_ONLY),
    )
    return render_utf8(environment(html=True).get_template("notice/body.html.j2"), context)


def _render_page(view: NoticeView, options: RenderOptions, body: bytes, *, fragment: bool) -> bytes:
    """The standalone page, or the fragment for a CMS (headings one level down), as UTF-8."""
    base = 2 if fragment else 1
    for offset, marker in enumerate(_HEADINGS):
        body = body.replace(marker.encode(), f"h{base + offset}".encode())
    body = _cut(body, _PAGE_ONLY.encode(), keep=not fragment)
    if fragment and options.id_prefix:
        body = prefix_ids(body, options.id_prefix)
    frame = (
        environment(html=True)
        .get_template("notice/page.html.j2")
        .render(
            fragment=fragment,
            lang=view.lang,
            s=strings("notice", view.lang),
            org_name=view.org_name,
            other_languages=tuple(other for other in options.languages if other != view.lang),
            body=Markup(_BODY),
        )
    )
    head, _, tail = frame.encode("utf-8").partition(_BODY.encode())
    return b"".join((head, body, tail))


def _render_markdown(
    view: NoticeView, options: RenderOptions, not_ready: str | None, changes: Any
) -> str:
    layout = _Layout(view, options, html=False)
    context = layout.context(not_ready, changes)
    context["final_command"] = MdRaw(f"`{FINAL_COMMAND}`")
    return render_text(_md_environment().get_template("notice/notice.md.j2"), context)


class _Layout:
    """How the values and marks of a view are written in HTML or in Markdown."""

    def __init__(self, view: NoticeView, options: RenderOptions, *, html: bool) -> None:
        self.view = view
        self.html = html
        self.draft = options.draft
        self.options = options
        plain = strings("notice", view.lang)
        self.s: Mapping[str, str] = (
            plain if html else {key: MdRaw(value) for key, value in plain.items()}
        )
        self.numbering = _Numbering()

    def context(self, not_ready: str | None, changes: Any) -> dict[str, Any]:
        raw: Callable[[str], Any] = Markup if self.html else MdRaw
        return {
            "v": self.view,
            "s": self.s,
            "draft": self.draft,
            "not_ready": not_ready,
            "changes": changes,
            "other_languages": tuple(
                other for other in self.options.languages if other != self.view.lang
            ),
            "numbering": self.numbering,
            "comma": raw(", "),
            "semicolon": raw("; "),
            "say": self.say,
            "fact": self.fact,
            "marks": self.marks,
            "listing": self.listing,
            "fill": self.fill,
            "link": self.link,
            "mail": self.mail,
        }

    def say(self, value: Value) -> Any:
        """``value`` written in the layout's format (escaped where it comes from the map)."""
        if isinstance(value, str):
            return escape(value) if self.html else MdRaw(markdown(value))
        if isinstance(value, Localized):
            if self.html and value.lang is not None:
                return Markup('<span lang="{0}">{1}</span>').format(value.lang, value.text)
            return escape(value.text) if self.html else MdRaw(markdown(value.text))
        if isinstance(value, Sentence):
            return self.fill(self.s[value.key], **{k: self.say(v) for k, v in value.values})
        if isinstance(value, Link):
            return self.link(value.url, None if value.text is None else self.say(value.text))
        if isinstance(value, Mail):
            return self.mail(value.address)
        if not isinstance(value, Date):
            raise TypeError(f"not a value of the notice: {value!r}")
        month = self.s["months"].split(",")[value.value.month - 1].strip()
        return self.fill(
            self.s["date_format"], day=value.value.day, month=month, year=value.value.year
        )

    def fact(self, fact: Fact) -> Any:
        """A fact's value followed by its marks."""
        joined = self.say(fact.value) + self.marks(fact.marks)
        return joined if self.html else MdRaw(joined)

    def listing(self, values: Iterable[Value]) -> Any:
        """Values separated by commas."""
        sep = Markup(", ") if self.html else MdRaw(", ")
        return (Markup if self.html else MdRaw)(sep.join(self.say(v) for v in values))

    def marks(self, groups: Marks) -> Any:
        """The provisional tag (public copy: one, however many groups) or the numbered
        highlight of each assumption (draft)."""
        s = self.s
        out = []
        for group in groups:
            for mark in group:
                number = self.numbering.number(mark)  # every mark counts, shown or not
                if self.draft and self.html:
                    out.append(
                        f' <mark class="assumption"><a href="#assumption-{number}">'
                        f"{escape(s['assumption_tag'])} {number}</a></mark>"
                    )
                elif self.draft:
                    out.append(f" **\\[{s['assumption_tag']} {number}\\]**")
                elif out:
                    continue
                elif self.html:
                    out.append(
                        f' <span class="provisional">({escape(s["provisional_tag"])})</span>'
                    )
                else:
                    out.append(f" *({s['provisional_tag']})*")
        return (Markup if self.html else MdRaw)("".join(out))

    def fill(self, template: str, **values: Any) -> Any:
        if self.html:
            return Markup(escape(template)).format(**values)
        return MdRaw(
            template.format(
                **{k: v if isinstance(v, MdRaw) else markdown(str(v)) for k, v in values.items()}
            )
        )

    def link(self, url: str, text: Any = None) -> Any:
        if self.html:
            return Markup('<a href="{0}">{1}</a>').format(url, text or url)
        label_md = text if isinstance(text, MdRaw) else markdown(text or url)
        return MdRaw(f"[{label_md}](<{url}>)")

    def mail(self, address: str) -> Any:
        return self.link(mailto(address), address)
