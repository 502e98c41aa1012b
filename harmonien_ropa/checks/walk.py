"""One walk over the map for what the rules read of every entry: its texts (a value in several
languages) and its statements (the parts that carry assumptions and acknowledgements).

The walk enters only the fields whose type can hold a model (:func:`_keys`, found once per
model class), knows each value's kind by its type (:func:`_kind`, found once per type), and
finds the texts and the statements together, each in the order of the map's fields: the texts
as :meth:`~harmonien_ropa.checks.rule.Context.texts` lists them, the statements as
:meth:`~harmonien_ropa.model.datamap.DataMap.statements` does.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from enum import Enum

from pydantic import BaseModel

from ..model.base import Statement, Text

Loc = tuple[str | int, ...]


def texts_and_statements(
    model: BaseModel,
) -> tuple[list[tuple[Loc, Text]], list[tuple[Loc, Statement]]]:
    """Every text and every statement within ``model`` (the map), with its location."""
    texts: list[tuple[Loc, Text]] = []
    statements: list[tuple[Loc, Statement]] = []
    if _kind(type(model)) is Text:
        texts.append(((), model))  # type: ignore[arg-type]  # a Text, by its kind
    else:
        _walk(model, (), texts.append, statements.append)
    return texts, statements


def _walk(
    model: BaseModel,
    loc: Loc,
    text: typing.Callable[[tuple[Loc, Text]], None],
    statement: typing.Callable[[tuple[Loc, Statement]], None],
) -> None:
    is_statement, keys = _plan(type(model))
    if is_statement:
        statement((loc, model))  # type: ignore[arg-type]  # a Statement, by its plan
    kinds = _KINDS
    for name, key in keys:
        value = getattr(model, name)
        if isinstance(value, tuple):
            for index, item in enumerate(value):
                kind = kinds.get(type(item), _UNSEEN)
                if kind is _UNSEEN:
                    kind = _kind(type(item))
                if kind is Text:  # a text is taken here, without a call for it
                    text(((*loc, key, index), item))
                elif kind is not None:
                    _walk(item, (*loc, key, index), text, statement)
        else:
            kind = kinds.get(type(value), _UNSEEN)
            if kind is _UNSEEN:
                kind = _kind(type(value))
            if kind is Text:
                text(((*loc, key), value))
            elif kind is not None:
                _walk(value, (*loc, key), text, statement)


#: By model class: whether it is a statement, and the fields the walk enters (:func:`_keys`).
_PLANS: dict[type[BaseModel], tuple[bool, tuple[tuple[str, str], ...]]] = {}


def _plan(model: type[BaseModel]) -> tuple[bool, tuple[tuple[str, str], ...]]:
    plan = _PLANS.get(model)
    if plan is None:
        plan = _PLANS[model] = (issubclass(model, Statement), _keys(model))
    return plan


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
