"""Escaping of data-map text for the non-HTML formats (Markdown, spreadsheets, DOT).

HTML escaping is Jinja2's autoescape. These functions make any text from the YAML inert in the
other formats: no raw HTML, links or emphasis in Markdown, no formulas in spreadsheets.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: Inline characters Markdown would misread: a backslash that would escape what follows or break
#: the line, code spans, emphasis (``_`` only at a word's edge: inside a word it is literal),
#: links, table cells, strikethrough, raw HTML, and ``&`` only where it starts a character
#: reference. Everything else (full stops, parentheses, hyphens, ``#``, ``!``) is left as it is.
_INLINE = re.compile(
    r"""\\(?=[!-/:-@\[-`{-~]|$)|[`*\[\]|~<]|(?<![^\W_])_|_(?![^\W_])|&(?=\#?\w+;)"""
)
#: What would start a block at the beginning of a line (a value may start a line or a list
#: item): a heading (``#`` then a space), a quote, a list item (``-``/``+`` then a space, or a
#: number then ``.``/``)`` and a space), a thematic break or setext underline (a line of ``-``
#: or ``=``). ``+47 55 21 62 00`` and ``#hashtag`` stay as they are.
_BLOCK_START = re.compile(
    r"^(?:#{1,6}(?=\s|$)|>|[-+](?=\s|$)|(?=[-= ]*$)[-=]|(\d{1,9})([.)])(?=\s|$))"
)
_ENTITIES = {"<": "&lt;", "&": "&amp;"}


def _inline(match: re.Match[str]) -> str:
    char = match.group()
    return _ENTITIES.get(char) or "\\" + char


def _block(match: re.Match[str]) -> str:
    if match.group(1):
        return f"{match.group(1)}\\{match.group(2)}"
    return "\\" + match.group()


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@lru_cache(maxsize=8192)
def markdown(text: str) -> str:
    """Text as literal Markdown, escaped only where Markdown would misread it, so that it still
    reads well as plain text (``Art. 6(1)(b)`` stays as it is; ``*``, ``[``, `` ` `` and a
    leading ``#`` or ``1.`` are escaped; ``<`` and a ``&`` that starts a character reference
    become entities).

    Line breaks become spaces, so a value can never start a new block (heading, list, table row).
    """
    return _BLOCK_START.sub(_block, _INLINE.sub(_inline, " ".join(text.split())), count=1)


def spreadsheet_cell(text: str) -> str:
    """Neutralise a cell that a spreadsheet would read as a formula (OWASP CSV injection)."""
    return "'" + text if text.startswith(_FORMULA_START) else text
