"""One walk over the map for what the rules read of every entry: its texts (a value in several
languages) and its statements (the parts that carry assumptions and acknowledgements).

The walk enters only the fields whose type can hold a model (:func:`_keys`, found once per
model class); a field whose type names one class (a text, a model, or a tuple of either) is
read as that class without asking each value its kind (:func:`_steps`), any other value's kind
is known by its type (:func:`_kind`, found once per type); and the walk
finds the texts and the statements together, each in the order of the map's fields: the texts
as :meth:`~harmonien_ropa.checks.rule.Context.texts` lists them, the statements as
:meth:`~harmonien_ropa.model.datamap.DataMap.statements` does. The texts alone, without their
places (:func:`text_values_and_statements`), are what the rules about texts read; their places
are made only when one of them is reported (:func:`texts_and_statements`).
"""

# ruff: noqa: RUF005 (a place is ``loc + (key, index)``: see _walk)
from __future__ import annotations

import datetime as dt
import types
import typing
from enum import Enum

from pydantic import BaseModel

from ..model.base import Statement, Text

Loc = tuple[str | int, ...]


def texts_and_statements(
    model: BaseModel, *, marked: list[tuple[Loc, Statement]] | None = None
) -> tuple[list[tuple[Loc, Text]], list[tuple[Loc, Statement]]]:
    """Every text and every statement within ``model`` (the map), with its location; with
    ``marked``, each statement that holds an assumption or an acknowledgement is also added to
    it, in the same order (read as the walk passes, not by a pass of its own)."""
    return _collect(model, located=True, marked=marked)


def text_values_and_statements(
    model: BaseModel, *, marked: list[tuple[Loc, Statement]] | None = None
) -> tuple[list[Text], list[tuple[Loc, Statement]]]:
    """Every text within ``model`` (the map) without its location, in the order of
    :func:`texts_and_statements` (no place made for a text: a rule that finds one to report
    asks that walk for the places), and every statement with its location (and ``marked`` as
    for :func:`texts_and_statements`)."""
    return _collect(model, located=False, marked=marked)


def _collect(
    model: BaseModel, *, located: bool, marked: list[tuple[Loc, Statement]] | None = None
) -> tuple[list[typing.Any], list[tuple[Loc, Statement]]]:
    """The texts (each ``(loc, text)`` if ``located``, else the text alone) and the statements
    within ``model``: one walk (:func:`_walk`)."""
    texts: list[typing.Any] = []
    statements: list[tuple[Loc, Statement]] = []
    if _kind(type(model)) is Text:
        texts.append(((), model) if located else model)
    else:
        keep = _Statements(statements.append, marked.append if marked is not None else None)
        _walk(model, (), texts.append, keep, located)
    return texts, statements


class _Statements:
    """Where the walk puts each statement: every one in one list, and (if asked) those holding
    an assumption or an acknowledgement in another."""

    __slots__ = ("every", "marked")

    def __init__(
        self,
        every: typing.Callable[[tuple[Loc, Statement]], None],
        marked: typing.Callable[[tuple[Loc, Statement]], None] | None,
    ) -> None:
        self.every = every
        self.marked = marked


def _walk(
    model: BaseModel,
    loc: Loc,
    text: typing.Callable[[typing.Any], None],
    statement: _Statements,
    located: bool,
) -> None:
    """Call ``text`` with each text below ``model`` (with its place, ``(loc, text)``, if
    ``located``; else the text alone) and ``statement`` with each statement and its place."""
    plan = _PLANS.get(type(model))  # read here: a call per model costs more than the lookup
    is_statement, steps = plan if plan is not None else _plan(type(model))
    if is_statement:
        place = (loc, model)
        statement.every(place)  # type: ignore[arg-type]  # a Statement, by its plan
        # Its two fields read while the walk has the model at hand (no pass of their own).
        if statement.marked is not None and (model.assumptions or model.acknowledge):  # type: ignore[attr-defined]
            statement.marked(place)  # type: ignore[arg-type]
    # A place below ``loc`` is made as ``loc + (key, index)``: one tuple added to another, about
    # half the work of unpacking ``loc`` into a new one, for every text and statement.
    for name, key, mode, expected in steps:
        value = getattr(model, name)
        if value is None or value is _EMPTY:  # not given (compared by identity: no __eq__ call)
            continue
        # A field whose type names one kind of entry holds it (validated): it is taken without
        # asking its kind; any other value (or one of another type) is asked (:func:`_value`).
        if mode is _ONE:
            if type(value) is expected:
                if expected is not Text:
                    _walk(value, loc + (key,), text, statement, located)  # type: ignore[arg-type]
                else:  # no place made for a text unless asked (text_values_and_statements)
                    text((loc + (key,), value) if located else value)
                continue
        elif mode is _MANY and type(value) is tuple:
            if expected is not Text:
                for index, item in enumerate(value):
                    if type(item) is expected:
                        _walk(item, loc + (key, index), text, statement, located)  # type: ignore[arg-type]
                    else:
                        _value(item, loc + (key, index), text, statement, located)
            else:
                for index, item in enumerate(value):
                    if type(item) is Text:
                        text((loc + (key, index), item) if located else item)
                    else:
                        _value(item, loc + (key, index), text, statement, located)
            continue
        if isinstance(value, tuple):
            for index, item in enumerate(value):
                _value(item, loc + (key, index), text, statement, located)
        else:
            _value(value, loc + (key,), text, statement, located)


def _value(
    value: object,
    loc: Loc,
    text: typing.Callable[[typing.Any], None],
    statement: _Statements,
    located: bool,
) -> None:
    """One value of any type: a text taken, another model walked, anything else passed over."""
    kind = _KINDS.get(type(value), _UNSEEN)
    if kind is _UNSEEN:
        kind = _kind(type(value))
    if kind is Text:
        text((loc, value) if located else value)
    elif kind is not None:
        _walk(value, loc, text, statement, located)  # type: ignore[arg-type]  # a model, by its kind


#: By model class: whether it is a statement, and the fields the walk enters (:func:`_steps`).
_PLANS: dict[type[BaseModel], tuple[bool, tuple[_Step, ...]]] = {}


def _plan(model: type[BaseModel]) -> tuple[bool, tuple[_Step, ...]]:
    plan = _PLANS.get(model)
    if plan is None:
        plan = _PLANS[model] = (issubclass(model, Statement), _steps(model))
    return plan


#: How a field's value is read: one entry of a known class (``_ONE``), a tuple of them
#: (``_MANY``), or any value, asked its kind (``_ANY``).
_ONE = "one"
_MANY = "many"
_ANY = "any"
_EMPTY: tuple[()] = ()
#: (attribute name, YAML key, how it is read, the class a ``_ONE`` or ``_MANY`` field holds).
_Step = tuple[str, str, str, type | None]


def _steps(model: type[BaseModel]) -> tuple[_Step, ...]:
    """The fields of ``model`` the walk enters (:func:`_keys`), each with how its value is read:
    a field of type ``Text`` or another model (or None), or a tuple of one of them, holds
    exactly that class once validated, and is read without asking each value its kind."""
    fields = model.model_fields
    steps: list[_Step] = []
    for name, key in _keys(model):
        mode, expected = _ANY, None
        annotation = _unwrapped(fields[name].annotation)
        if typing.get_origin(annotation) is tuple:
            args = typing.get_args(annotation)
            if len(args) == 2 and args[1] is Ellipsis:
                mode, expected = _MANY, _entry_class(args[0])
        else:
            mode, expected = _ONE, _entry_class(annotation)
        steps.append((name, key, mode if expected is not None else _ANY, expected))
    return tuple(steps)


def _unwrapped(annotation: object) -> object:
    """``annotation`` without ``Annotated`` and without ``None`` in a union of one other type."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrapped(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        args = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        return _unwrapped(args[0]) if len(args) == 1 else annotation
    return annotation


def _entry_class(annotation: object) -> type | None:
    """``Text``, or a model class the walk enters (not one a text is an instance of), for an
    annotation naming one; else None."""
    annotation = _unwrapped(annotation)
    if not isinstance(annotation, type) or typing.get_origin(annotation) is not None:
        return None
    if annotation is Text:
        return Text
    if issubclass(annotation, BaseModel) and not issubclass(Text, annotation):
        return annotation if not issubclass(annotation, Text) else None
    return None


#: By type: ``Text`` for a text, ``BaseModel`` for another model, ``None`` for any other value
#: (``isinstance`` on a pydantic model class runs Python code, once per value without this).
_KINDS: dict[type, type | None] = {}
_UNSEEN = object()


def _kind(kind: type) -> type | None:
    found = _KINDS.get(kind, _UNSEEN)
    if found is _UNSEEN:
        found = _KINDS[kind] = (
            Text if issubclass(kind, Text) else BaseModel if issubclass(kind, BaseModel) else None
        )
    return found  # type: ignore[return-value]


_KEYS: dict[type[BaseModel], tuple[tuple[str, str], ...]] = {}


def _keys(model: type[BaseModel]) -> tuple[tuple[str, str], ...]:
    """The fields of ``model`` that may hold a model (a text among them), as (attribute name,
    YAML key), in order: those whose type names none (text, numbers, ids, terms) are left out."""
    keys = _KEYS.get(model)
    if keys is None:
        keys = _KEYS[model] = tuple(
            (name, info.alias or name)
            for name, info in model.model_fields.items()
            if _may_hold_model(info.annotation)
        )
    return keys


def _may_hold_model(annotation: object) -> bool:
    """False only for a type that can hold no pydantic model the walk would enter (when
    unsure, True)."""
    if annotation is None or annotation is type(None):
        return False
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _may_hold_model(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType, tuple):
        args = typing.get_args(annotation)
        return any(_may_hold_model(arg) for arg in args if arg is not Ellipsis)
    if origin in (typing.Literal, dict):  # the walk enters no mapping
        return False
    if isinstance(annotation, type) and origin is None:
        if issubclass(annotation, BaseModel):
            return True
        return not issubclass(annotation, (str, int, float, bool, dt.date, Enum))
    return True
