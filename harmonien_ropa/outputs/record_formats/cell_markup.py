"""One cell of the record as HTML or as Markdown, in Python rather than a template macro.

A record has tens of thousands of cells; a Jinja macro call per cell was most of the time the
HTML and Markdown took. These formatters write exactly what the macros wrote, escaping every
value from the data map (HTML: markupsafe; Markdown: :func:`harmonien_ropa.core.escaping.markdown`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from markupsafe import Markup, escape

from ...core.escaping import markdown
from ...record import Cell, Row, Table
from ...record.tables import Foreign
from ..fastpaths import PageMemo, markdown_for_one_page

_NOT_ANCHOR = re.compile(r"[^a-z0-9]+")
_HTML_SPECIAL = re.compile(r"[&<>\"']")


def _escape(text: str) -> str:
    """``text`` escaped for HTML as autoescape does (most text needs nothing: skip the copy)."""
    return str(escape(text)) if _HTML_SPECIAL.search(text) else text


#: The language of assumption notes.
NOTES_LANG = "en"


def anchor(*parts: str) -> str:
    """An HTML id from ``parts``: lower-case letters, digits and '-' only."""
    return "-".join(_NOT_ANCHOR.sub("-", part.lower()).strip("-") for part in parts)


class HtmlValue:
    """A cell as HTML: its items (a list when several), badges for missing and assumed values
    and, with ``notes``, each assumption's note linked to the list of open assumptions."""

    def __init__(self, s: Mapping[str, str], lang: str = "en") -> None:
        # Assumption notes are written in English (as the draft notice marks them): in a record
        # in another language they carry their own lang (WCAG 3.1.2).
        self._note = "{}" if lang == NOTES_LANG else f'<span lang="{NOTES_LANG}">{{}}</span>'
        self._missing = f'<strong class="badge missing">{escape(s["missing_badge"])}</strong> '
        self._empty = (
            '<span class="na"><span aria-hidden="true">–</span>'
            f'<span class="sr-only">{escape(s["empty"])}</span></span>\n'
        )
        box = '<div class="assumed-box"><strong class="badge assumed">{}</strong>\n'
        self._assumed = box.format(escape(s["assumed_badge"]))
        self._assumed_short = box.format(escape(s["assumed_short"]))
        self._escape = PageMemo(_escape).__getitem__
        self._heads: dict[str, list[str]] = {}
        self._table_head = (
            '<thead><tr><th scope="col">{}</th><th scope="col">{}</th></tr></thead>\n'.format(
                escape(s["column_heading"]), escape(s["value_heading"])
            )
        )

    def item_table(self, table: Table, row: Row, caption: str) -> Markup:
        """One entry as a table of label/value pairs, one per column."""
        return Markup(
            f'<table class="item">\n<caption class="sr-only">{self._escape(caption)}</caption>\n'
            f"{self._table_head}<tbody>\n{self._rows(table, row)}</tbody>\n</table>"
        )

    def _rows(self, table: Table, row: Row) -> str:
        heads = self._heads.get(table.key)
        if heads is None:
            heads = self._heads[table.key] = [
                f'<th scope="row">{_escape(column.label)}'
                + (f' <span class="art">{_escape(column.article)}</span>' if column.article else "")
                + "</th>"
                for column in table.columns
            ]
        return "".join(
            [
                f'<tr class="{cell.status}">{head}\n<td>{self.html(cell)}</td></tr>\n'
                for head, cell in zip(heads, row.cells, strict=True)
            ]
        )

    def wide_rows(self, table: Table) -> Markup:
        """The body rows of a wide table: a row per entry, a cell per column, short notes; the
        list of open assumptions shows each path as code and is the target of every link."""
        listing = table.key == "assumptions"
        out = []
        for row in table.rows:
            first, *rest = row.cells
            if listing:
                out.append(f'<tr id="{anchor("a", row.key)}">\n<th scope="row">')
                out.append(f"<code>{_escape(first.joined())}</code></th>")
            else:
                out.append(f'<tr>\n<th scope="row">{self.html(first, notes=False)}</th>')
            if listing:
                out.extend(
                    [f"<td>{self._note.format(self.html(cell, notes=False))}</td>" for cell in rest]
                )
            else:
                out.extend([f"<td>{self.html(cell, notes=False)}</td>" for cell in rest])
            out.append("</tr>\n")
        return Markup("".join(out))

    def _item(self, item: str) -> str:
        """One item, escaped; map text in another language carries its ``lang``."""
        if isinstance(item, Foreign):
            return f'<span lang="{item.lang}">{self._escape(item)}</span>'
        return self._escape(item)

    def __call__(self, cell: Cell, notes: bool = True) -> Markup:
        """The cell as HTML (with ``notes``, each assumption's note; else only its path)."""
        return Markup(self.html(cell, notes))

    def html(self, cell: Cell, notes: bool = True) -> str:
        items = cell.items
        if len(items) > 1:
            esc = self._item
            text = "<ul>\n" + "".join([f"<li>{esc(item)}</li>\n" for item in items]) + "</ul>\n"
        elif items:
            text = self._item(items[0]) + "\n"
        else:
            text = self._empty
        if cell.missing:
            text = self._missing + text
        if cell.assumptions:
            links = [
                f'<a href="#{anchor("a", a.path)}"><code>{self._escape(a.path)}</code></a>'
                for a in cell.assumptions
            ]
            if notes:
                listed = "".join(
                    f"<li>{self._note.format(self._escape(a.note))} {link}</li>\n"
                    for a, link in zip(cell.assumptions, links, strict=True)
                )
                text += f'{self._assumed}<ul class="notes">\n{listed}</ul>\n</div>\n'
            else:
                text += f"{self._assumed_short}{', '.join(links)}</div>\n"
        return text


class MarkdownValue:
    """A cell as one line of Markdown: items joined with ``; ``, badges for missing and assumed."""

    def __init__(self, s: Mapping[str, str], lang: str = "en") -> None:
        # Assumption notes are written in English (as the draft notice marks them): in a record
        # in another language they carry their own lang (WCAG 3.1.2).
        self._note = "{}" if lang == NOTES_LANG else f'<span lang="{NOTES_LANG}">{{}}</span>'
        self._missing = f"**{markdown(s['missing_badge'])}:** "
        self._assumed = f" *({markdown(s['assumed_badge'])})*"
        self._heads: dict[str, list[str]] = {}
        self._table_head = (
            f"| {markdown(s['column_heading'])} | {markdown(s['value_heading'])} |\n| --- | --- |\n"
        )
        self._provenance = f"\n**{markdown(s['col_provenance'])}:**\n\n"
        self._markdown = markdown_for_one_page()

    def wide_rows(self, table: Table) -> str:
        """The body rows of a wide table, one line per entry."""
        return "\n".join(
            ["|" + "".join([f" {self(cell)} |" for cell in row.cells]) for row in table.rows]
        )

    def item_table(self, table: Table, row: Row) -> str:
        """One entry as a table of label/value pairs, then the open assumptions behind it."""
        notes = table.provenance(row)
        md = self._markdown
        listed = self._provenance + "".join([f"- {md(n)}\n" for n in notes]) if notes else ""
        return self._table_head + self._rows(table, row) + listed

    def _rows(self, table: Table, row: Row) -> str:
        heads = self._heads.get(table.key)
        if heads is None:
            heads = self._heads[table.key] = [
                markdown(column.label)
                + (f" ({markdown(column.article)})" if column.article else "")
                for column in table.columns
            ]
        return "".join(
            [f"| {head} | {self(cell)} |\n" for head, cell in zip(heads, row.cells, strict=True)]
        )

    def __call__(self, cell: Cell) -> str:
        text = "; ".join(map(self._markdown, cell.items)) if cell.items else "–"
        if cell.missing:
            text = self._missing + text
        if cell.assumptions:
            text += self._assumed
        return text
