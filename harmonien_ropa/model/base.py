# Longer than 400 lines: the building blocks every model shares (ids, texts, statements and the check of every value) are one set of types.
"""Building blocks shared by every part of the data map: ids, bilingual text, provenance."""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    StringConstraints,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from ..core.characters import MISLEADING, REFUSED, UNWRITABLE
from ..core.languages import DEFAULT_LANGUAGES
from ..core.languages import LANGUAGES as LANGUAGES  # noqa: PLC0414 (re-exported)

ID_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"
COUNTRY_PATTERN = r"^[A-Z]{2}$"
#: Patterns are written so that Python and ECMA-262 (JSON Schema validators, editors) read them
#: alike: no escape such as ``\"`` that a Unicode-mode ECMAScript regular expression refuses.
EMAIL_PATTERN = r"""^[^@\s<>"']+@[^@\s<>"']+\.[A-Za-z]{2,}$"""
PHONE_PATTERN = r"^\+?[0-9][0-9 ]{3,20}$"
URL_PATTERN = r"""^https?://[^\s<>"'`]+$"""
#: ISO 8601 duration of years, months, weeks and days, each number at most six digits long (so
#: that every use of it, in months, dates or xsd:duration, stays in range).
DURATION_PATTERN = (
    r"^P(\d{1,6}Y(\d{1,6}M)?(\d{1,6}W)?(\d{1,6}D)?|\d{1,6}M(\d{1,6}W)?(\d{1,6}D)?"
    r"|\d{1,6}W(\d{1,6}D)?|\d{1,6}D)$"
)

#: What a value matching each pattern looks like, for error messages.
PATTERN_HINTS: dict[str, str] = {
    ID_PATTERN: "write an id of lower-case letters, digits, '-' and '_', e.g. 'ticket-sales'",
    COUNTRY_PATTERN: "write a two-letter ISO 3166 country code in capitals, e.g. NO, SE, US "
    '(quote "NO" to be safe)',
    EMAIL_PATTERN: "write an e-mail address such as name@example.org",
    PHONE_PATTERN: "write digits and spaces, optionally starting with '+', e.g. \"+47 22 00 00 00\"",
    URL_PATTERN: "write a full web address starting with https:// (or http://)",
    DURATION_PATTERN: "write an ISO 8601 duration such as P3Y (three years), P6M, P5Y6M or P30D, "
    "with at most six digits in each number",
}

#: Names Windows reserves for devices, whatever the extension (``con.svg`` is the console):
#: an id may become a file name (``dataflow/<activity-id>.svg``), so these are refused.
WINDOWS_RESERVED: frozenset[str] = frozenset(
    ["con", "prn", "aux", "nul"] + [f"{device}{n}" for device in ("com", "lpt") for n in range(10)]
)


def _not_reserved(value: str) -> str:
    if value in WINDOWS_RESERVED:
        raise PydanticCustomError(
            "reserved_id",
            "'{value}' is a device name on Windows",
            {"value": value},
        )
    return value


Id = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN, max_length=80),
    AfterValidator(_not_reserved),
    Field(
        description="Stable identifier: lower-case letters, digits, '-' and '_', and not a "
        "Windows device name (con, prn, aux, nul, com0-9, lpt0-9); other entries refer to "
        "this entry by it."
    ),
]
Ref = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN, max_length=80),
    Field(description="The id of another entry in the data map."),
]


@functools.cache
def _country_codes() -> tuple[Callable[[str], bool], Callable[[str], tuple[str, str]]]:
    """:mod:`~harmonien_ropa.core.countrycodes`' test of a code and explanation of a wrong one,
    imported with the first code validated, not at import (a relative import in every call
    takes about 2 µs: some 9 ms for the 4,500 codes of a map of 10,000 activities)."""
    from ..core import countrycodes

    return countrycodes.is_country, countrycodes.problem


def _iso_country(value: str) -> str:
    is_country, problem = _country_codes()
    if not is_country(value):
        reason, hint = problem(value)
        raise PydanticCustomError("country_code", "{reason}", {"reason": reason, "hint": hint})
    return value


class _CountryCodes:
    """The JSON Schema of a country code: every ISO 3166-1 alpha-2 code (an ``enum``, so an
    editor completes them), computed when a schema is asked for, not at import."""

    def __get_pydantic_json_schema__(
        self, core_schema: Any, handler: GetJsonSchemaHandler
    ) -> dict[str, Any]:
        from ..core import countrycodes

        schema = handler(core_schema)
        schema["enum"] = list(countrycodes.codes())
        return schema


CountryCode = Annotated[
    str,
    AfterValidator(_iso_country),
    _CountryCodes(),
    Field(description="ISO 3166-1 alpha-2 country code in capitals, e.g. NO, SE, US."),
]


def _strict_email(value: str) -> str:
    from ..core.emails import InvalidEmail, parse

    try:
        parse(value)
    except InvalidEmail as exc:
        raise PydanticCustomError(
            "email_invalid", "not a valid e-mail address: {reason}", {"reason": exc.reason}
        ) from None
    return value


Email = Annotated[
    str,
    StringConstraints(pattern=EMAIL_PATTERN, max_length=254),
    AfterValidator(_strict_email),
    Field(
        description="A plain e-mail address such as name@example.org (no display name, "
        "quotes, IP address or link parts such as ?cc=)."
    ),
]
Phone = Annotated[
    str,
    StringConstraints(pattern=PHONE_PATTERN),
    Field(description="A phone number: digits and spaces, optionally starting with '+'."),
]
Url = Annotated[
    str,
    StringConstraints(pattern=URL_PATTERN, max_length=2000),
    Field(description="An http:// or https:// address."),
]


def _not_blank(value: str) -> str:
    """Text of only white space is empty once laid out (a cell, a line of the notice)."""
    if not value or value.isspace():  # what str.split() finds no word in
        raise PydanticCustomError(
            "string_too_short", "must hold more than white space", {"min_length": 1}
        )
    return value


#: Refuses text that is only white space, like empty text.
NOT_BLANK = AfterValidator(_not_blank)

ShortText = Annotated[str, StringConstraints(min_length=1, max_length=500), NOT_BLANK]


#: The characters the model refuses (:mod:`harmonien_ropa.core.characters`).
_UNWRITABLE, _MISLEADING, _REFUSED = UNWRITABLE, MISLEADING, REFUSED


def strip_unwritable(text: str) -> str:
    """``text`` without the characters the model refuses (for importers of outside data)."""
    return _REFUSED.sub("", text)


def refusal(text: str) -> str | None:
    """Why ``text`` cannot be loaded, or None."""
    found = _UNWRITABLE.search(text)
    if found:
        return (
            f"contains the invisible control character U+{ord(found.group()):04X}, "
            "which no output can show"
        )
    found = _MISLEADING.search(text)
    if found is None:
        return None
    code = ord(found.group())
    if code <= 0x9F:
        return (
            f"contains the invisible control character U+{code:04X}, which no output can "
            "show and a terminal may take for a command"
        )
    return (
        f"contains the bidirectional formatting character U+{code:04X}, which makes the text "
        "display in another order than it is written"
    )


#: True while the data being validated was read from YAML text that holds no refused character
#: and no escape (:func:`text_is_writable`), so that the per-value search for one is skipped
#: (a context variable, not pydantic's validation context: reading it costs less, once a value).
_TEXT_CHECKED: ContextVar[bool] = ContextVar("text_checked", default=False)


@contextlib.contextmanager
def checked_text(checked: bool = True) -> Iterator[None]:
    """Validate in this block data read from a text that :func:`text_is_writable` accepted
    (when ``checked``)."""
    token = _TEXT_CHECKED.set(checked)
    try:
        yield
    finally:
        _TEXT_CHECKED.reset(token)


@dataclass(slots=True)
class AssumptionAudit:
    """What validation in an :func:`audited_assumptions` block saw of the statements'
    ``assumptions``: whether one names a field its entry does not have (the loader's reference
    checks then find where; without one, they need not walk the map to look)."""

    misplaced: bool = False


_AUDIT: ContextVar[AssumptionAudit | None] = ContextVar("assumption_audit", default=None)


@contextlib.contextmanager
def audited_assumptions() -> Iterator[AssumptionAudit]:
    """Note, while validating in this block, whether an assumption names a field its entry
    does not have (:class:`AssumptionAudit`). Only statements validated in the block are seen:
    data holding a model instance made before is not audited."""
    audit = AssumptionAudit()
    token = _AUDIT.set(audit)
    try:
        yield audit
    finally:
        _AUDIT.reset(token)


def text_is_writable(text: str) -> bool:
    """Whether no value read from the YAML ``text`` can hold a character the model refuses:
    YAML writes text only from the characters of the file, but for the escapes of double-quoted
    text (a backslash), and folding adds only spaces and line breaks. One search of the text
    then stands for the check of every value."""
    return "\\" not in text and _REFUSED.search(text) is None


def _check_writable(value: Any) -> None:
    if isinstance(value, str):
        reason = refusal(value)
        if reason is not None:
            raise PydanticCustomError(
                "refused_character",
                "{reason}",
                {
                    "reason": reason,
                    "fix": "remove the character (a name in a right-to-left script displays "
                    "correctly without it)",
                },
            )
    elif isinstance(value, tuple | list):
        for item in value:
            _check_writable(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_writable(key)
            _check_writable(item)


#: The fields, by name in any model, whose value may hold text that no pattern or list of
#: values restricts (a name, a note, an address, an e-mail address, a web address, the notes of
#: ``assumptions``): each is checked for a character the model refuses
#: (:meth:`Frozen._writable`). The other fields need no check: an id, a code, a country, a
#: period or a taxonomy key matches a pattern of ASCII characters, an enumeration, a boolean, a
#: number or a date holds no text, and a text per language (:class:`Text`) or another model
#: checks its own fields. A field of either kind sharing a name with one of these is checked
#: too, to no effect. ``tests/test_model_free_text.py`` finds every field of every model that
#: can hold such text and checks that it is named here. (Checking every field instead costs some
#: 220,000 calls of Python, about 20 ms, when a map of 10,000 activities is loaded.)
FREE_TEXT: tuple[str, ...] = (
    "assumptions",
    "balancing_test",
    "city",
    "cookies",
    "domain",
    "dpa",
    "dpa_reference",
    "email",
    "hosts",
    "ignore",
    "law",
    "legal_entity",
    "legal_source",
    "lifetime",
    "maintained_by",
    "name",
    "origin",
    "other_sources",
    "privacy_contact",
    "privacy_policy",
    "reason",
    "reference",
    "select",
    "source",
    "street",
    "url",
    "used_for",
    "version",
    "website",
)


class Frozen(BaseModel):
    """Immutable model that rejects unknown keys and text that no output could carry."""

    # Each model's validator is built when first used, not at import: the loader validates
    # the whole map with the DataMap's, which holds every other model's schema, so a validator
    # of its own for each model would be built for nothing (about 15 ms of the 0.2 s a fresh
    # process takes to import the model and load Harmonien).
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=False, defer_build=True)

    @field_validator(*FREE_TEXT, mode="after", check_fields=False)
    @classmethod
    def _writable(cls, value: Any) -> Any:
        if not _TEXT_CHECKED.get():
            _check_writable(value)
        return value


class Text(Frozen):
    """A human-readable text in Norwegian bokmål (``nb``), Norwegian nynorsk (``nn``) and
    English (``en``): any of them, at least one.

    Which languages a text needs follows ``organisation.languages`` (the checker reports a text
    without one of them); renderers fall back to another language (nb, nn, en, in that order)
    so nothing is silently dropped.
    """

    nb: Annotated[str, StringConstraints(min_length=1, max_length=20000)] | None = Field(
        default=None, description="Norwegian bokmål."
    )
    nn: Annotated[str, StringConstraints(min_length=1, max_length=20000)] | None = Field(
        default=None, description="Norwegian nynorsk."
    )
    en: Annotated[str, StringConstraints(min_length=1, max_length=20000)] | None = Field(
        default=None, description="English."
    )

    @field_validator("nb", "nn", "en", mode="after")
    @classmethod
    def _writable(cls, value: str | None) -> str | None:
        # In place of Frozen's: refuses blank text (NOT_BLANK), then a refused character, in
        # one call per language (a map holds more texts than anything else).
        if value is not None:
            if not value or value.isspace():  # only then does NOT_BLANK refuse it
                _not_blank(value)
            if not _TEXT_CHECKED.get():
                _check_writable(value)
        return value

    @model_validator(mode="after")
    def _at_least_one(self) -> Text:
        if self.nb is None and self.nn is None and self.en is None:
            raise ValueError(
                "a text needs at least one language: give each language the organisation "
                "publishes in ('nb', 'nn', 'en'; by default 'nb' and 'en')"
            )
        return self

    def get(self, lang: str) -> str:
        """The text in ``lang``, falling back to the first language that is present."""
        value = getattr(self, lang, None)
        if isinstance(value, str):
            return value
        for other in LANGUAGES:
            found = getattr(self, other)
            if isinstance(found, str):
                return found
        raise AssertionError("unreachable: a Text always has one language")  # pragma: no cover

    def missing_languages(self, languages: tuple[str, ...] = DEFAULT_LANGUAGES) -> tuple[str, ...]:
        """Languages of ``languages`` (those the map publishes in; by default those of a map
        that declares none) this text lacks."""
        return tuple([lang for lang in languages if getattr(self, lang) is None])


#: A name: plain text when it is the same in every language (``Harmonien``), or a text per
#: language when it is translated (``{nb: Medlemsregister, nn: Medlemsregister, en: ...}``).
Name = Annotated[
    ShortText | Text,
    Field(
        description="The name: plain text, or one text per language ({nb: ..., nn: ..., en: "
        "...}) where it is translated."
    ),
]


def in_language(name: str | Text, lang: str) -> str:
    """``name`` (plain or translated) in ``lang``, falling back as :meth:`Text.get` does."""
    return name if isinstance(name, str) else name.get(lang)


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a statement in the data map comes from.

    ``stated`` means the organisation states it (for Harmonien: the current notice says so);
    ``assumed`` means it is a reasoned assumption that someone still has to confirm.
    """

    status: Literal["stated", "assumed"]
    note: str | None = None

    @property
    def is_assumed(self) -> bool:
        return self.status == "assumed"


_STATED = Provenance("stated")


class Acknowledgement(Frozen):
    """A checker finding that the organisation has seen and accepts, with the reason."""

    code: Annotated[str, StringConstraints(pattern=r"^[A-Z]+[0-9]+$")] = Field(
        description="The finding's code, e.g. ROPA101."
    )
    reason: Annotated[str, StringConstraints(min_length=1, max_length=2000), NOT_BLANK] = Field(
        description="Why the finding is accepted as it is."
    )


class Statement(Frozen):
    """A part of the data map whose fields may be marked as assumptions to confirm."""

    assumptions: dict[
        str, Annotated[str, StringConstraints(min_length=1, max_length=5000), NOT_BLANK]
    ] = Field(
        default_factory=dict,
        description="Fields of this entry whose value is an assumption still to be confirmed, "
        "each with a note saying why it was assumed. Remove a line once it is confirmed.",
    )
    acknowledge: tuple[Acknowledgement, ...] = Field(
        default=(),
        description="Checker findings on this entry that are accepted, each with a reason.",
    )

    @field_validator("assumptions", mode="after")
    @classmethod
    def _audited(cls, value: dict[str, str]) -> dict[str, str]:
        # Called only where a map writes 'assumptions:' (never for the default).
        if value:
            audit = _AUDIT.get()
            if audit is not None and not assumable_fields(cls).issuperset(value):
                audit.misplaced = True
        return value

    def provenance(self, field: str) -> Provenance:
        """The provenance of ``field``: assumed (with the note) or stated."""
        note = self.assumptions.get(field)
        return Provenance("assumed", note) if note is not None else _STATED

    def is_assumed(self, field: str) -> bool:
        return field in self.assumptions

    @classmethod
    def statement_fields(cls) -> tuple[str, ...]:
        """Names (as written in YAML) of the fields an assumption may be attached to."""
        names = []
        for name, info in cls.model_fields.items():
            if name in ("assumptions", "acknowledge", "id"):
                continue
            names.append(info.alias or name)
        return tuple(names)


@functools.cache
def assumable_fields(kind: type[Statement]) -> frozenset[str]:
    """The fields an assumption of a ``kind`` entry may name, found once for each kind."""
    return frozenset(kind.statement_fields())


class Entity(Statement):
    """A statement with a stable id that other entries refer to.

    Entries hold the ids of the entries they refer to; the :class:`DataMap` resolves them.
    """

    id: Id

    def __hash__(self) -> int:
        # Cheap and consistent with equality (equal entries have the same kind and id).
        return hash((type(self).__name__, self.id))


def plain(value: Any) -> Any:
    """JSON-ready dump of a model or value (enums as their keys, aliases as in the YAML)."""
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    return value
