"""Escaping of data-map text for the non-HTML formats (Markdown, spreadsheets, DOT).

HTML escaping is Jinja2's autoescape. These functions make any text from the YAML inert in the
other formats: no raw HTML, links or emphasis in Markdown, no formulas in spreadsheets.
"""

from __future__ import annotations

from functools import lru_cache

#: HTML's special characters as entities, then Markdown's syntax characters backslash-escaped.
_MD_TABLE = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;"} | {c: "\\" + c for c in "\\`*_{}[]()#+-.!|~"}
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@lru_cache(maxsize=8192)
def markdown(text: str) -> str:
    """Text as literal Markdown: HTML characters become entities, Markdown syntax is escaped.

    Line breaks become spaces, so a value can never start a new block (heading, list, table row).
    """
    return " ".join(text.split()).translate(_MD_TABLE)


def spreadsheet_cell(text: str) -> str:
    """Neutralise a cell that a spreadsheet would read as a formula (OWASP CSV injection)."""
    return "'" + text if text.startswith(_FORMULA_START) else text
