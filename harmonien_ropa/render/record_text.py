"""The record as a standalone HTML page and as Markdown, from the Jinja2 templates."""

from __future__ import annotations

import re
from typing import Any

from ..escaping import markdown
from ..i18n import strings
from ..record import Record
from ..templating import environment

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


def anchor(*parts: str) -> str:
    """An HTML id from ``parts``: lower-case letters, digits and '-' only."""
    return "-".join(re.sub(r"[^a-z0-9]+", "-", part.lower()).strip("-") for part in parts)


def record_html(record: Record) -> bytes:
    """``record.<lang>.html``: a standalone page, printable in A4 landscape."""
    template = environment(html=True).get_template("record/record.html.j2")
    return template.render(_context(record)).encode("utf-8")


def record_markdown(record: Record) -> bytes:
    """``record.<lang>.md``: the same content as Markdown; every value escaped."""
    template = environment(html=False).get_template("record/record.md.j2")
    context = _context(record)
    context["md"] = markdown
    return template.render(context).encode("utf-8")
