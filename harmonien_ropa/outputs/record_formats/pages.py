"""The record as a standalone HTML page and as Markdown, from the Jinja2 templates.

The templates lay out the page; each cell's value comes from the formatters in
:mod:`harmonien_ropa.outputs.record_formats.cells`.
"""

from __future__ import annotations

from typing import Any

from ...core.escaping import markdown
from ...record import Record
from ...source.i18n import strings
from ..fastpaths import utf8
from ..templating import environment
from .cell_markup import HtmlValue, MarkdownValue, anchor

__all__ = ["anchor", "record_html", "record_markdown"]

#: Tables shown one entry at a time (label → value); the others are shown as wide tables.
_VERTICAL = ("meta", "controller", "activities", "processor")


def _context(record: Record) -> dict[str, Any]:
    return {
        "record": record,
        "s": strings("record", record.lang),
        "vertical": _VERTICAL,
        "anchor": anchor,
        "open_count": sum(len(r.cells[0].items) > 0 for r in record.assumptions.rows),
    }


def record_html(record: Record) -> bytes:
    """``record.<lang>.html``: a standalone page, printable in A4 landscape."""
    template = environment(html=True).get_template("record/record.html.j2")
    context = _context(record)
    context["value"] = HtmlValue(context["s"], record.lang)
    return utf8(template.generate(context))


def record_markdown(record: Record) -> bytes:
    """``record.<lang>.md``: the same content as Markdown; every value escaped."""
    template = environment(html=False).get_template("record/record.md.j2")
    context = _context(record)
    context["md"] = markdown
    context["mdvalue"] = MarkdownValue(context["s"])
    return utf8(template.generate(context))
