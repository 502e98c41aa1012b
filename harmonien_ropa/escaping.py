"""Escaping of data-map text for the non-HTML formats (Markdown, spreadsheets, DOT).

HTML escaping is Jinja2's autoescape. These functions make any text from the YAML inert in the
other formats: no raw HTML, links or emphasis in Markdown, no formulas in spreadsheets.
"""

from __future__ import annotations

import html
import re

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def markdown(text: str) -> str:
    """Text as literal Markdown: HTML characters become entities, Markdown syntax is escaped.

    Line breaks become spaces, so a value can never start a new block (heading, list, table row).
    """
    flat = " ".join(text.split())
    return _MD_SPECIAL.sub(r"\\\1", html.escape(flat, quote=False))


def spreadsheet_cell(text: str) -> str:
    """Neutralise a cell that a spreadsheet would read as a formula (OWASP CSV injection)."""
    return "'" + text if text.startswith(_FORMULA_START) else text
