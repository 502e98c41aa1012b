"""The rule base class, the value a rule yields, and what a rule can look at.

A rule is a small class: a stable ``code``, a kebab-case ``name``, a ``severity``, the ``law`` it
rests on, a one-line ``message`` template, a ``fix`` hint, and a ``check`` generator that yields
:class:`Hit` values (a location in the data map plus the words to fill into ``message``). The
docstring explains the rule and carries a failing and a passing YAML example; both examples are
merged into the reference map and run by the tests, so the documentation cannot drift.
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap
import typing
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from operator import attrgetter
from string import Formatter
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple

import yaml

from ..core.diagnostics import Severity
from ..law import transfers as transfers_law
from ..model import Activity, DataCategory, DataMap, DataSubject, Party, System
from ..model.base import Statement, Text
from .walk import text_values_and_statements, texts_and_statements

if TYPE_CHECKING:
    from ..notice.facts import NoticeView

Loc = tuple[str | int, ...]
T = typing.TypeVar("T")

_CODE = re.compile(r"^ROPA[1-9][0-9][0-9]$")
_NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
_EXAMPLE = re.compile(r"^    (Failing|Passing)::\n\n((?:        .*\n|\n)+)", re.MULTILINE)


class Hit(NamedTuple):
    """One place where a rule fires: the location and the words for the message template.

    The finding points at the key (``legal_basis:``), or at the entry for list items; with
    ``key=False`` it points at the value instead. An immutable named tuple: made for every
    finding (some 18,000 at 10,000 activities), in about half the time of a frozen dataclass.
    """

    loc: Loc
    fields: tuple[tuple[str, str], ...] = ()
    key: bool = True


@dataclass
class Context:
    """What rules look at: the resolved map, plus (for late rules) what the others found."""

    datamap: DataMap
    #: (code, loc) of every finding of the rules that ran before the late ones.
    fired: frozenset[tuple[str, Loc]] = frozenset()
    #: Codes of every rule that ran in this check.
    selected: frozenset[str] = frozenset()
    #: Codes of every registered rule.
    known: frozenset[str] = frozenset()
    #: The checker's "today" (``CheckConfig.today``); ``None`` when not known, and then the
    #: rules that depend on the date yield nothing.
    today: dt.date | None = None
    _statements: list[tuple[Loc, Statement]] = field(default_factory=list)
    _marked: list[tuple[Loc, Statement]] = field(default_factory=list)
    _acknowledging: list[tuple[Loc, Statement]] | None = None
    _texts: list[tuple[Loc, Text]] | None = None
    _text_values: list[Text] | None = None
    _notices: dict[str, NoticeView] = field(default_factory=dict)

    _activities: list[tuple[Loc, Activity]] | None = None
    _controller_activities: list[tuple[Loc, Activity]] | None = None
    _processor_activities: list[tuple[Loc, Activity]] | None = None
    _shared: dict[str, object] = field(default_factory=dict)
    _destinations: dict[int, tuple[Activity, transfers_law.Destinations]] = field(
        default_factory=dict
    )
    _giving: dict[str, list[tuple[Loc, Activity]]] = field(default_factory=dict)
    _leaving: list[tuple[Loc, Activity, transfers_law.Destinations]] | None = None

    def activities(self) -> Iterator[tuple[Loc, Activity]]:
        """Every activity with its location (listed once per check)."""
        if self._activities is None:
            self._activities = [
                (("activities", index), activity)
                for index, activity in enumerate(self.datamap.activities)
            ]
        return iter(self._activities)

    def controller_activities(self) -> Iterator[tuple[Loc, Activity]]:
        """Activities done as controller; those done for a client (Art. 30(2)) are left out
        (listed once per check)."""
        if self._controller_activities is None:
            self._controller_activities, self._processor_activities = self._split_activities()
        return iter(self._controller_activities)

    def processor_activities(self) -> Iterator[tuple[Loc, Activity]]:
        """Activities done for a client (``on_behalf_of``, Art. 30(2)): the others of
        :meth:`activities` (listed once per check, with :meth:`controller_activities`)."""
        if self._processor_activities is None:
            self._controller_activities, self._processor_activities = self._split_activities()
        return iter(self._processor_activities)

    def _split_activities(self) -> tuple[list[tuple[Loc, Activity]], list[tuple[Loc, Activity]]]:
        controller: list[tuple[Loc, Activity]] = []
        processor: list[tuple[Loc, Activity]] = []
        for place in self.activities():
            (processor if place[1].is_processor_activity else controller).append(place)
        return controller, processor

    def controller_activities_giving(self, name: str) -> list[tuple[Loc, Activity]]:
        """The activities of :meth:`controller_activities` whose field ``name`` is given (true:
        not None, False or empty), in the map's order; listed once per check for each field, so
        that the rules about a field few activities give (``"marketing"``, say) visit only
        those, and the others are read once for all of them."""
        found = self._giving.get(name)
        if found is None:
            given = attrgetter(name)
            found = self._giving[name] = [p for p in self.controller_activities() if given(p[1])]
        return found

    def activities_leaving_eea(self) -> list[tuple[Loc, Activity, transfers_law.Destinations]]:
        """The activities of :meth:`activities` whose data reaches a country outside the EEA,
        or a system whose hosting countries are not known, each with its :meth:`destinations`,
        in the map's order: found in one pass once per check, so that each rule about where
        data goes visits only these."""
        if self._leaving is None:
            destinations = self.destinations
            self._leaving = [
                (loc, activity, found)
                for loc, activity in self.activities()
                if (found := destinations(activity)).ours or found.theirs or found.unknown_hosting
            ]
        return self._leaving

    def parties(self) -> Iterator[tuple[Loc, Party]]:
        for index, party in enumerate(self.datamap.parties):
            yield ("parties", index), party

    def systems(self) -> Iterator[tuple[Loc, System]]:
        for index, system in enumerate(self.datamap.systems):
            yield ("systems", index), system

    def data_categories(self) -> Iterator[tuple[Loc, DataCategory]]:
        for index, category in enumerate(self.datamap.data_categories):
            yield ("data_categories", index), category

    def data_subjects(self) -> Iterator[tuple[Loc, DataSubject]]:
        for index, subject in enumerate(self.datamap.data_subjects):
            yield ("data_subjects", index), subject

    def shared(self, name: str, build: Callable[[Context], T]) -> T:
        """``build(self)``, made the first time a rule asks for ``name`` (e.g.
        ``"transfers.flows"``: a list that several rules of a topic walk) and then shared by
        every rule of this check."""
        found = self._shared.get(name, _UNSEEN)
        if found is _UNSEEN:
            found = self._shared[name] = build(self)
        return typing.cast(T, found)

    def statements(self) -> list[tuple[Loc, Statement]]:
        """Every part of the map that can carry assumptions and acknowledgements (as
        ``DataMap.statements`` lists them), found with the texts in one walk, once per check."""
        if not self._statements:
            self.text_values()
        return self._statements

    def marked_statements(self) -> list[tuple[Loc, Statement]]:
        """The statements of :meth:`statements` that hold an assumption or an acknowledgement,
        in the same order: noted by the same walk as it passes each (the rules about them
        read these few, not every statement of the map)."""
        if not self._statements:
            self.text_values()
        return self._marked

    def acknowledging(self) -> list[tuple[Loc, Statement]]:
        """The statements of :meth:`marked_statements` that acknowledge a finding, in the same
        order: listed once per check, for the engine (which sets their findings apart) and the
        rules about acknowledgements."""
        if self._acknowledging is None:
            self._acknowledging = [
                place for place in self.marked_statements() if place[1].acknowledge
            ]
        return self._acknowledging

    def texts(self) -> list[tuple[Loc, Text]]:
        """Every text of the map (a value in several languages), with its location, in the
        order of the map's fields; found once per check, with the statements if no one has
        asked for them (a rule reads :meth:`text_values` and asks this only to report one)."""
        if self._texts is None:
            marked = None if self._statements else self._marked
            self._texts, statements = texts_and_statements(self.datamap, marked=marked)
            if not self._statements:
                self._statements = statements
        return self._texts

    def text_values(self) -> list[Text]:
        """The texts of :meth:`texts` without their locations, in the same order: found with
        the statements in one walk that makes no place for a text, once per check."""
        if self._text_values is None:
            if self._texts is not None:
                self._text_values = [text for _, text in self._texts]
            else:
                marked = None if self._statements else self._marked
                self._text_values, statements = text_values_and_statements(
                    self.datamap, marked=marked
                )
                if not self._statements:
                    self._statements = statements
        return self._text_values

    def destinations(self, activity: Activity) -> transfers_law.Destinations:
        """Where outside the EEA ``activity``'s data goes (:func:`harmonien_ropa.law.transfers.
        destinations`, which the map keeps once found for each of its activities; the rules
        that ask for every activity find it here with one lookup)."""
        kept = self._destinations.get(id(activity))
        if kept is not None and kept[0] is activity:
            return kept[1]
        found = transfers_law.destinations(self.datamap, activity)
        self._destinations[id(activity)] = (activity, found)  # the activity kept: its id stays its
        return found

    def notice(self, lang: str) -> NoticeView:
        """The notice's view of the map in ``lang`` (:func:`harmonien_ropa.notice.view.build`,
        without the places of its marks), built once per check and shared by the rules."""
        view = self._notices.get(lang)
        if view is None:
            from ..notice.view import build

            view = self._notices[lang] = build(self.datamap, lang, {})
        return view


class Rule:
    """Base class of every rule; subclasses are checked when they are defined."""

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    law: ClassVar[str]
    message: ClassVar[str]
    fix: ClassVar[str]
    #: Late rules run after the others and see their findings in ``Context.fired``.
    late: ClassVar[bool] = False
    #: The "today" a rule about dates has its examples checked on (``None``: not known).
    example_today: ClassVar[dt.date | None] = None

    def __init_subclass__(cls, *, abstract: bool = False, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if abstract:
            return
        problems = _class_problems(cls)
        if problems:
            raise TypeError(f"rule {cls.__name__}: " + "; ".join(problems))

    def check(self, ctx: Context) -> Iterator[Hit]:
        """Yield a :class:`Hit` for every place the rule finds a problem."""
        raise NotImplementedError

    def hit(self, loc: Loc, *, key: bool = True, **fields: object) -> Hit:
        """A hit at ``loc`` whose message is ``message`` filled with ``fields``."""
        # Each value as text (a text as it is), sorted by name (a rule's names differ).
        words = []  # a loop, not a comprehension (a call of its own for a word or two)
        for name, v in fields.items():
            words.append((name, v if type(v) is str else str(v)))
        if len(words) > 1:
            words.sort()
        return Hit(loc, tuple(words), key)

    def format_message(self, hit: Hit) -> str:
        return self.message.format_map(dict(hit.fields))

    @classmethod
    def summary(cls) -> str:
        """The first paragraph of the docstring, on one line."""
        doc = textwrap.dedent(cls.__doc__ or "").strip()
        return " ".join(doc.split("\n\n", 1)[0].split())

    @classmethod
    def explanation(cls) -> str:
        """The docstring's prose between the summary and the examples."""
        doc = textwrap.dedent(cls.__doc__ or "").strip()
        body = doc.split("\n\n", 1)[1] if "\n\n" in doc else ""
        body = body.split("Failing::", 1)[0]
        return "\n\n".join(" ".join(p.split()) for p in body.split("\n\n") if p.strip())

    @classmethod
    def examples(cls) -> dict[str, str]:
        """The ``Failing`` and ``Passing`` YAML examples of the docstring, dedented."""
        doc = (cls.__doc__ or "") + "\n"
        return {
            kind.lower(): textwrap.dedent(block).strip() + "\n"
            for kind, block in _EXAMPLE.findall(doc)
        }

    @classmethod
    def placeholders(cls) -> frozenset[str]:
        return frozenset(name for _, name, _, _ in Formatter().parse(cls.message) if name)


def _class_problems(cls: type[Rule]) -> list[str]:
    problems: list[str] = []
    for attr in ("code", "name", "severity", "law", "message", "fix"):
        if not hasattr(cls, attr):
            problems.append(f"missing class attribute '{attr}'")
    if problems:
        return problems
    if not _CODE.match(cls.code):
        problems.append(f"code '{cls.code}' must look like ROPA101 (ROPA100-ROPA999)")
    if not _NAME.match(cls.name):
        problems.append(f"name '{cls.name}' must be kebab-case")
    if not isinstance(cls.severity, Severity):
        problems.append("severity must be a Severity")
    for attr in ("law", "message", "fix"):
        value = getattr(cls, attr)
        if not isinstance(value, str) or not value.strip() or "\n" in value:
            problems.append(f"'{attr}' must be one non-empty line")
    if cls.check is Rule.check:
        problems.append("must implement check()")
    if not cls.summary():
        problems.append("needs a docstring")
    examples = cls.examples()
    for kind in ("failing", "passing"):
        if kind not in examples:
            problems.append(f"docstring needs a '{kind.capitalize()}::' YAML example")
    return problems


def example_problems(cls: type[Rule]) -> list[str]:
    """What is wrong with the YAML of ``cls``'s docstring examples (each must be a mapping).

    Not checked when a rule class is defined, which would parse every rule's examples each
    time the checker is imported (most of its import time); the tests check every rule."""
    problems: list[str] = []
    for kind, text in cls.examples().items():
        try:
            parsed = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            problems.append(f"{kind} example is not YAML: {exc}")
            continue
        if not isinstance(parsed, dict):
            problems.append(f"{kind} example must be a YAML mapping")
    return problems


_SINGULAR = {
    "activities": "activity",
    "data_categories": "data category",
    "data_subjects": "data subject",
    "parties": "party",
    "systems": "system",
}


def describe(datamap: DataMap, loc: Loc) -> str:
    """``("activities", 3, "purpose")`` → ``activity 'newsletter'.purpose``."""
    node: object = datamap
    text = ""
    for part in loc:
        if isinstance(part, int):
            node = node[part] if isinstance(node, tuple) else None
            ident = getattr(node, "id", None)
            text += f" '{ident}'" if isinstance(ident, str) else f"[{part}]"
        else:
            node = getattr(node, _attr_name(node, part), None)
            text += ("." if text else "") + part
    for plural, singular in _SINGULAR.items():
        if text.startswith(plural + " '"):
            text = singular + text[len(plural) :]
    return text or "the map"


_UNSEEN = object()


def _attr_name(node: object, key: str) -> str:
    found = _ATTR_NAMES.get((type(node), key))
    if found is not None:
        return found
    fields = getattr(type(node), "model_fields", {})
    for name, info in fields.items():
        if (info.alias or name) == key:
            found = _ATTR_NAMES[(type(node), key)] = str(name)
            return found
    return key


#: (model class, YAML key of one of its fields) → the attribute holding it.
_ATTR_NAMES: dict[tuple[type, str], str] = {}
