"""What the Word and PDF documents are made from: the notice's and the record's HTML pages.

Both documents show exactly what the pages show, so nothing is decided again: the notice page
comes from the notice's view (:mod:`harmonien_ropa.notice.view`) through the notice renderer,
the record page from the record's tables (:mod:`harmonien_ropa.record`). The documents' dates
are the effective dates of the map's notice and record, never the clock.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from ..model.base import in_language
from ..model.datamap import DataMap
from ..record import build_records
from . import RenderOptions
from .notice_pages import render as render_notice
from .record_formats.pages import record_html


@dataclass(frozen=True, slots=True)
class Page:
    """One HTML page to turn into a document: ``name`` is ``notice`` or ``record``."""

    name: str
    lang: str
    html: str
    title: str
    date: dt.date

    @property
    def landscape(self) -> bool:
        """The record's wide tables are laid out across an A4 page turned sideways."""
        return self.name == "record"


def pages(datamap: DataMap, options: RenderOptions) -> Iterator[Page]:
    """The notice page, then the record page, of each language of ``options``."""
    organisation = datamap.organisation.name
    records = build_records(datamap, options.languages, options.previous)
    for lang, record in zip(options.languages, records, strict=True):
        notice = render_notice(
            datamap, dataclasses.replace(options, languages=(lang,), deliver=None)
        )
        html = next(a for a in notice.artifacts if a.path == f"notice.{lang}.html")
        yield Page(
            "notice",
            lang,
            html.content.decode("utf-8"),
            _title(html.content, in_language(organisation, lang)),
            datamap.notice.effective_date,
        )
        del notice, html
        page = record_html(record)
        yield Page(
            "record",
            lang,
            page.decode("utf-8"),
            _title(page, in_language(organisation, lang)),
            datamap.record.effective_date,
        )


def _title(page: bytes, fallback: str) -> str:
    """The text of the page's ``<title>``."""
    import html

    start = page.find(b"<title>")
    end = page.find(b"</title>", start)
    if start < 0 or end < 0:
        return fallback
    return html.unescape(page[start + len(b"<title>") : end].decode("utf-8")).strip()
