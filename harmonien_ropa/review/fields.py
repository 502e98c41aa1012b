"""What answer a field of the map takes, read from the model's own types.

For the field an assumption is about, :func:`answer_kind` finds its type in the pydantic model
that holds it: a vocabulary (an ``Enum``: the answer is one of its values, offered as a drop-down
list), yes/no, a date, a number, a line of text, or something only the map's file can hold
(a text in several languages, a list, a nested entry), which the review can confirm but not
replace. :func:`parse_answer` turns a cell into the value for the YAML, checked by the same
pydantic type the loader uses.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import functools
import types
import typing
from typing import Annotated, Any, Union

from pydantic import BaseModel, TypeAdapter, ValidationError

#: The answers that confirm the value as it stands (any language's word is accepted).
CONFIRM_WORDS = frozenset({"confirmed", "bekreftet", "bekrefta"})


class Kind(enum.StrEnum):
    CHOICE = "choice"  # one of ``choices``
    BOOLEAN = "boolean"
    DATE = "date"
    NUMBER = "number"
    TEXT = "text"  # one line of text, checked by the field's type
    FIXED = "fixed"  # only "confirmed": the value is edited in the map itself


@dataclasses.dataclass(frozen=True, slots=True)
class AnswerKind:
    kind: Kind
    choices: tuple[str, ...] = ()
    #: The field's type with its constraints, to check an answer as the loader would.
    annotation: Any = None

    @property
    def replaceable(self) -> bool:
        return self.kind is not Kind.FIXED


class AnswerError(ValueError):
    """An answer the field cannot take; the message says what it takes instead.

    ``key`` names the message among the review strings (``refuse_<key>``) and ``params`` fills
    it, so that :meth:`say` gives it in the workbook's language; ``str()`` is the English one.
    """

    def __init__(self, key: str, **params: str) -> None:
        self.key = key
        self.params = params
        super().__init__(self.say("en"))

    def say(self, lang: str) -> str:
        from ..source.i18n import strings

        texts = strings("review", lang)
        return texts[f"refuse_{self.key}"].format(confirmed=texts["confirmed"], **self.params)


def _unwrap(annotation: Any) -> tuple[Any, tuple[Any, ...], bool]:
    """(type, Annotated metadata, optional?) of a field's annotation."""
    metadata: tuple[Any, ...] = ()
    optional = False
    while True:
        origin = typing.get_origin(annotation)
        if origin is Annotated:
            args = typing.get_args(annotation)
            annotation, metadata = args[0], metadata + tuple(args[1:])
        elif origin in (Union, types.UnionType):
            members = [a for a in typing.get_args(annotation) if a is not type(None)]
            optional = optional or len(members) < len(typing.get_args(annotation))
            if len(members) != 1:
                return annotation, metadata, optional
            annotation = members[0]
        else:
            return annotation, metadata, optional


@functools.cache
def answer_kind(model: type[BaseModel], key: str) -> AnswerKind:
    """What an answer for the field written ``key`` (its YAML name) of ``model`` can be."""
    info = next(
        (info for name, info in model.model_fields.items() if (info.alias or name) == key), None
    )
    if info is None:
        return AnswerKind(Kind.FIXED)
    base, metadata, _ = _unwrap(info.annotation)
    annotation = Annotated[base, *metadata] if metadata else base
    if isinstance(base, type) and issubclass(base, enum.Enum):
        return AnswerKind(Kind.CHOICE, tuple(str(m.value) for m in base), annotation)
    if typing.get_origin(base) is typing.Literal:
        return AnswerKind(Kind.CHOICE, tuple(str(v) for v in typing.get_args(base)), annotation)
    if base is bool:
        return AnswerKind(Kind.BOOLEAN, ("true", "false"), annotation)
    if base is dt.date:
        return AnswerKind(Kind.DATE, (), annotation)
    if base in (int, float):
        return AnswerKind(Kind.NUMBER, (), annotation)
    if base is str:
        return AnswerKind(Kind.TEXT, (), annotation)
    return AnswerKind(Kind.FIXED)


def is_confirmation(value: Any) -> bool:
    return isinstance(value, str) and value.strip().casefold() in CONFIRM_WORDS


def parse_answer(kind: AnswerKind, value: Any) -> Any:
    """The YAML value for the answer ``value`` (a cell's content), or :class:`AnswerError`."""
    if kind.kind is Kind.FIXED:
        raise AnswerError("fixed")
    if kind.kind is Kind.BOOLEAN:
        if isinstance(value, bool):
            return value
        text = str(value).strip().casefold()
        if text in ("true", "false"):
            return text == "true"
        raise AnswerError("boolean")
    if kind.kind is Kind.DATE:
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value).strip())
        except ValueError:
            raise AnswerError("date") from None
    if kind.kind is Kind.CHOICE:
        text = str(value).strip()
        if text not in kind.choices:
            raise AnswerError("choice", answer=text[:80])
        return text
    if kind.kind is Kind.NUMBER:
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            raise AnswerError("number")
        try:
            number = float(value) if not isinstance(value, int) else value
        except ValueError:
            raise AnswerError("number") from None
        value = int(number) if float(number).is_integer() else number
    elif isinstance(value, dt.datetime | dt.date):
        value = value.isoformat()[:10]
    else:
        value = " ".join(str(value).split()) if isinstance(value, str) else str(value)
    try:
        return TypeAdapter(kind.annotation).validate_python(value)
    except ValidationError as error:
        reason = error.errors()[0].get("msg", "not a valid value")
        raise AnswerError("invalid", reason=str(reason)) from None
