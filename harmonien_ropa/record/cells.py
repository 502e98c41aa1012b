"""The record's cell maker: values of one map in one language made into cells and tables,
each with the open assumptions behind it; and the lookups every language shares."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..law.rights import rights_of
from ..law.terms import Right, cite, label
from ..model.base import LANGUAGES, Statement, Text
from ..model.datamap import DataMap, Loc
from ..model.inventory import DataCategory, DataSubject, Party, System
from ..model.words import ORG_NUMBER_UNKNOWN_NOTE
from ..source.i18n import strings
from .columns import ARTICLES, width
from .tables import Assumption, Cell, Column, Foreign, Row, Table, foreign


@dataclass(frozen=True, slots=True)
class Links:
    """What an activity refers to, resolved once for every language."""

    subjects: tuple[DataSubject, ...]
    categories: tuple[DataCategory, ...]
    systems: tuple[System, ...]
    #: Direct recipients, the parties behind its systems and transfer recipients.
    recipients: tuple[Party, ...]
    rights: tuple[Right, ...]


class Shared:
    """What the record needs from a data map in every language: computed once, then shared."""

    def __init__(self, datamap: DataMap) -> None:
        self.paths: dict[int, Loc] = {id(st): loc for loc, st in datamap.statements()}
        self.links: dict[str, Links] = {
            act.id: Links(
                datamap.subjects_of(act),
                datamap.categories_of(act),
                datamap.systems_of(act),
                datamap.all_recipients_of(act),
                rights_of(datamap, act),
            )
            for act in datamap.activities
        }
        #: Open assumptions by (statement, fields): each made once, shared by every language.
        self.found: dict[tuple[int, tuple[str, ...]], tuple[Assumption, ...]] = {}


class CellMaker:
    """Makes the record's cells and tables in one language from one data map."""

    def __init__(self, datamap: DataMap, lang: str, shared: Shared | None = None) -> None:
        self.map = datamap
        self.lang = lang
        self.s = strings("record", lang)
        self.common = strings("common", lang)
        shared = shared or Shared(datamap)
        self.paths = shared.paths
        self.links = shared.links
        self.found = shared.found
        #: Every distinct cell made so far: a value that recurs (a "no", a system, a list of
        #: rights) is one object, which keeps a large record small and cheap to keep in memory.
        self.cells: dict[Cell, Cell] = {}

    def text(self, text: Text | None) -> str:
        """``text`` in the record's language; a fallback to another language is marked with
        the language it is in (:class:`Foreign`)."""
        if text is None:
            return ""
        value = text.get(self.lang)
        if getattr(text, self.lang) is None and value:
            other = next(code for code in LANGUAGES if getattr(text, code) == value)
            return foreign(value, other)
        return value

    def name(self, value: str | Text) -> str:
        """A name of the map, plain or translated, in the record's language."""
        return value if isinstance(value, str) else self.text(value)

    def yes_no(self, value: bool | None) -> str:
        if value is None:
            return self.s["unknown"]
        return self.common["yes"] if value else self.common["no"]

    def assumed(self, statement: Statement | None, *fields: str) -> list[Assumption]:
        """Open assumptions of ``statement`` on ``fields`` (all fields when none are named)."""
        if statement is None or not statement.assumptions:
            return []
        key = (id(statement), fields)
        found = self.found.get(key)
        if found is None:
            names = fields or tuple(sorted(statement.assumptions))
            loc = self.paths.get(id(statement), ())
            found = self.found[key] = tuple(
                Assumption(dotted((*loc, name)), statement.assumptions[name])
                for name in names
                if name in statement.assumptions
            )
        return list(found)

    def org_number(self) -> tuple[str, list[Assumption]]:
        """The organisation number as the record shows it, and its open assumptions (a number
        the map gives as unknown is one: never shown as a value)."""
        org = self.map.organisation
        if org.org_number is None:
            where = dotted((*self.paths.get(id(org), ("organisation",)), "org_number"))
            return self.s["org_number_unknown"], [Assumption(where, ORG_NUMBER_UNKNOWN_NOTE)]
        return org.org_number, self.assumed(org, "org_number")

    def cell(
        self,
        items: Iterable[str],
        assumptions: Iterable[Assumption] = (),
        *,
        required: bool = False,
        missing_text: str | None = None,
    ) -> Cell:
        values = tuple(filter(None, map(_one_line, items)))
        unique = tuple(dict.fromkeys(assumptions)) if assumptions else ()
        missing = not values and required
        if missing:
            values = (missing_text or self.s["missing"],)
        cell = Cell(values, unique, missing)
        if any(isinstance(value, Foreign) for value in values):
            return cell  # equal to a cell in the record's language, but marked differently
        return self.cells.setdefault(cell, cell)

    def table(
        self,
        key: str,
        columns: Iterable[str],
        rows: Iterable[Row],
        articles: Mapping[str, str | None] | None = None,
    ) -> Table:
        """A table of ``rows``; ``articles`` overrides the default article of some columns."""
        own = articles or {}
        cols = tuple(
            Column(
                name,
                self.s[f"col_{name}"],
                self.cite_short(own[name] if name in own else ARTICLES.get(name)),
                width(name),
            )
            for name in columns
        )
        return Table(key, self.s[f"table_{key}"], cols, tuple(rows))

    def cite_short(self, article: str | None) -> str | None:
        """``article`` as the record's headings cite it: in its language, without "GDPR"."""
        return cite(article, self.lang, short=True) if article else None

    def party_label(self, party: Party) -> str:
        return f"{party.name} ({label(party.role, self.lang)}, {party.country})"

    def contact_line(self, name: str, email: str | None, phone: str | None) -> str:
        return ", ".join(part for part in (name, email, phone) if part)


def _one_line(text: str) -> str:
    """``text`` with every run of whitespace as one space, trimmed (the same object when it
    already is: the record then shares the data map's strings instead of copying them).

    Every whitespace character but the space is unprintable, so a printable text without a
    double space or a space at either end is already one line."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    line = " ".join(text.split())
    return foreign(line, text.lang) if isinstance(text, Foreign) else line


def dotted(loc: Loc) -> str:
    """``("activities", 2, "dpia")`` → ``activities[2].dpia`` (as in ``model.json``)."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out
