# Longer than 400 lines: loading, mapping errors back to positions and reference checks are one pass.
"""Load a data map from YAML, reporting every problem with file, line and column."""

from __future__ import annotations

import copy
import difflib
import types
import typing
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Union

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from ..core.collector import collector_paused
from ..core.diagnostics import Diagnostic, Severity, visible
from ..core.errors import LoadError
from ..core.languages import DEFAULT_LANGUAGES
from ..core.load_codes import DANGLING_REFERENCE, INVALID_VALUE, MISSING_KEY, UNKNOWN_KEY
from ..core.versions import CURRENT, READABLE, needs_upgrade, upgrade
from ..model.base import (
    COUNTRY_PATTERN,
    PATTERN_HINTS,
    Text,
    audited_assumptions,
    checked_text,
    refusal,
    text_is_writable,
)
from ..model.datamap import DataMap
from .positions import Loc, Positions
from .references import reference_problems
from .yamlbase import YamlDocument, YamlError
from .yamlsource import parse, read_text

if TYPE_CHECKING:
    from .catalogue.merge import UnknownEntry


def load(path: str | Path, *, display_path: str | None = None) -> DataMap:
    """Load, validate and resolve the data map in ``path``.

    Raises :class:`LoadError` listing every problem found (file, line, column, message, fix).
    """
    source = Path(path)
    name = display_path or str(path)
    try:
        text = read_text(source, name)
    except YamlError as exc:
        raise LoadError(exc.diagnostics) from None
    return loads(text, name)


@dataclass(frozen=True, slots=True)
class LoadedMap:
    """A loaded data map together with the file it came from and the position of every node.

    ``positions.find(("activities", 3, "legal_basis"))`` gives that node's (line, column), so
    findings about the map can point at the YAML that caused them.
    """

    datamap: DataMap
    positions: Positions
    path: str


def load_with_positions(path: str | Path, *, display_path: str | None = None) -> LoadedMap:
    """Like :func:`load`, but also return the positions index and the path used in messages."""
    name = display_path or str(path)
    try:
        text = read_text(Path(path), name)
    except YamlError as exc:
        raise LoadError(exc.diagnostics) from None
    return loads_with_positions(text, name)


def loads_with_positions(text: str, path: str = "<string>") -> LoadedMap:
    """Like :func:`loads`, but also return the positions index (see :class:`LoadedMap`)."""
    with collector_paused(kept=True):
        try:
            # Natively where that reads alike, each position then found when asked for.
            document = parse(text, path, located=True)
        except YamlError as exc:
            raise LoadError(exc.diagnostics) from None
        datamap = from_document(
            document, checked=document.plain or text_is_writable(text), plain=True
        )
        positions = document.positions
        del document  # the plain data, freed while the collector is paused (see loads)
    return LoadedMap(datamap, positions, path)


def loads(text: str, path: str = "<string>") -> DataMap:
    """Like :func:`load`, from YAML text; ``path`` is only used in messages."""
    with collector_paused(kept=True):
        try:
            # The data alone (natively where that reads alike); positions only for a problem.
            document = parse(text, path, positions=False)
        except YamlError as exc:
            raise LoadError(exc.diagnostics) from None
        datamap = from_document(
            document, checked=document.plain or text_is_writable(text), plain=True
        )
        # The plain data is freed while the collector is paused: once it is back on, it would
        # walk all of it once more (a tenth of the time at 10,000 activities).
        del document
    return datamap


def from_data(data: Any, path: str = "<data>") -> DataMap:
    """Validate and resolve a data map given as plain data (a dict as YAML would give it).

    The same checks as :func:`load`; raises :class:`LoadError` listing every problem, each at
    line 1, column 1 (plain data has no positions) and named by its place in the data. A map
    of an older format version is upgraded on a copy: ``data`` is left as it was.
    """
    if isinstance(data, dict) and needs_upgrade(data):
        data = copy.deepcopy(data)
    return from_document(YamlDocument(path, data, Positions()))


def from_document(document: YamlDocument, *, checked: bool = False, plain: bool = False) -> DataMap:
    """Validate parsed YAML data into a resolved :class:`DataMap`: pydantic validation, then
    the reference checks (:mod:`harmonien_ropa.references`). ``checked``: the YAML text is
    known to hold no character the model refuses (:func:`~harmonien_ropa.model.base.text_is_writable`),
    so its values need not be searched for one each. ``plain``: the data holds only what YAML
    reads (mappings, lists, scalars; no model instance), so validation sees every statement's
    assumptions (:func:`~harmonien_ropa.model.base.audited_assumptions`)."""
    path, data, positions = document.path, document.data, document.positions
    if not isinstance(data, dict):
        kind = _kind_of(data)
        raise LoadError(
            [
                Diagnostic(
                    path,
                    1,
                    1,
                    INVALID_VALUE.code,
                    Severity.ERROR,
                    f"the file holds {kind}, but a data map is a mapping of keys "
                    "(organisation, notice, record, activities, ...)",
                    "start from the example in the README",
                )
            ]
        )
    upgrade(data)  # an older version's map, read as the current one (versions.STEPS)
    from .catalogue.merge import resolve

    resolved = resolve(data)
    if resolved.unknown:
        raise LoadError(_catalogue_diagnostic(u, positions, path) for u in resolved.unknown)
    try:
        with checked_text(checked), audited_assumptions() as audit:
            datamap = DataMap.model_validate(resolved.data)
    except ValidationError as exc:
        raise LoadError(_validation_diagnostics(exc, resolved.data, positions, path)) from None
    known = plain and not audit.misplaced
    problems = reference_problems(datamap, positions, path, assumptions_known=known)
    if problems:
        raise LoadError(problems)
    for (kind, index), origin in resolved.origins.items():
        # A plain value on the entry (its private slot, so a map cannot claim it in YAML):
        # which keys the catalogue filled, with the entry's source and date.
        getattr(datamap, kind)[index]._catalogue = origin
    return datamap


def _catalogue_diagnostic(unknown: UnknownEntry, positions: Positions, path: str) -> Diagnostic:
    line, column = positions.find(unknown.loc)
    hint = f"; did you mean '{unknown.guess}'?" if unknown.guess else ""
    message = f"'{_short(unknown.ident)}' is not an entry of the vendor catalogue{hint}"
    if unknown.no_importer:
        message = f"the vendor catalogue's entry '{_short(unknown.ident)}' names no data importer"
    key = str(unknown.loc[-1])
    return Diagnostic(
        path,
        line,
        column,
        DANGLING_REFERENCE.code,
        Severity.ERROR,
        message,
        f"name an entry listed by 'harmonien-ropa catalogue', or remove '{key}:' and "
        "describe the party here",
    )


# -- pydantic errors → diagnostics -------------------------------------------------------------


def _validation_diagnostics(
    exc: ValidationError, data: Any, positions: Positions, path: str
) -> list[Diagnostic]:
    found: dict[tuple[int, int, str], Diagnostic] = {}
    errors = exc.errors(include_url=False)
    # A name is plain text or a text per language: report only the errors of the form the
    # value is written in, where pydantic reports both.
    branches: dict[Loc, set[str]] = {}
    for error in errors:
        taken = _branch(tuple(error["loc"]), data)
        if taken is not None:
            branches.setdefault(taken[0], set()).add(taken[1])
    for error in errors:
        taken = _branch(tuple(error["loc"]), data)
        if taken is not None and len(branches[taken[0]]) > 1 and not taken[2]:
            continue
        loc = _data_loc(tuple(error["loc"]), data)
        diagnostic = _translate(error, loc, data, positions, path)
        found.setdefault((diagnostic.line, diagnostic.column, diagnostic.message), diagnostic)
    return list(found.values())


#: How the fix for a text written as plain text names each language's text.
_TEXT_HINTS = {"nb": "Norwegian text", "nn": "nynorsk text", "en": "English text"}


def _declared(data: Any) -> tuple[str, ...]:
    """The languages the map (as read, perhaps invalid) declares, or the default ones."""
    organisation = data.get("organisation") if isinstance(data, dict) else None
    found = organisation.get("languages") if isinstance(organisation, dict) else None
    if isinstance(found, list) and found and all(lang in _TEXT_HINTS for lang in found):
        return tuple(dict.fromkeys(found))
    return DEFAULT_LANGUAGES


def _branch(loc: Loc, data: Any) -> tuple[Loc, str, bool] | None:
    """For an error within a name's union of plain text and text per language: the name's
    location, the branch, and whether the value is written in that branch's form (a mapping
    for the text per language, anything else for plain text)."""
    node: Any = data
    for index, part in enumerate(loc):
        if isinstance(part, str) and part.endswith("Text]"):
            return loc[:index], "text", isinstance(node, dict)
        if isinstance(part, str) and part.endswith("constrained-str]"):
            return loc[:index], "plain", not isinstance(node, dict)
        if not _has(node, part):
            return None
        node = node[part]
    return None


def _data_loc(loc: Loc, data: Any) -> Loc:
    """Drop pydantic's internal loc parts (union branches, validators) that are not in the data."""
    result: list[str | int] = []
    node: Any = data
    for part in loc:
        if _has(node, part):
            result.append(part)
            node = node[part]
        elif isinstance(node, dict) and isinstance(part, str) and not _internal(part):
            result.append(part)  # a missing or unknown key: keep it, stop descending
            node = None
    return tuple(result)


def _has(node: Any, part: str | int) -> bool:
    if isinstance(node, dict):
        return isinstance(part, str) and part in node
    return isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)


def _internal(part: str) -> bool:
    return "[" in part or part in {"function-after", "function-before", "function-wrap"}


def _translate(error: Any, loc: Loc, data: Any, positions: Positions, path: str) -> Diagnostic:
    kind: str = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    where = _describe(loc, data)
    name = str(loc[-1]) if loc else "file"
    info = _field_at(loc)
    described = info.description if info is not None and info.description else None
    line, column = positions.find(loc)
    fix: str | None = described

    if kind in {"dict_type", "model_type", "model_attributes_type"} and _expects_text(loc):
        languages = _declared(data)
        named = " and ".join(
            [", ".join(languages[:-1]), languages[-1]] if languages[:-1] else languages
        )
        message = f"{where} must give the text per language ({named}), not {_kind_of(value)}"
        fix = (
            "write it as {" + ", ".join(f"{lang}: {_TEXT_HINTS[lang]}" for lang in languages) + "}"
        )
    elif kind == "extra_forbidden":
        line, column = positions.find(loc, key=True)
        valid = _valid_keys(loc[:-1])
        guess = difflib.get_close_matches(name, valid, n=1, cutoff=0.6)
        hint = f"; did you mean '{guess[0]}'?" if guess else ""
        message = f"unknown key '{name}' in {_describe(loc[:-1], data)}{hint}"
        fix = "valid keys here: " + ", ".join(valid)
    elif kind == "missing":
        parent = loc[:-1]
        line, column = positions.find(parent, key=True) if parent else (1, 1)
        message = f"{_describe(parent, data)} is missing the required key '{name}'"
        fix = f"add '{name}:'" + (f" ({described})" if described else "")
        entry = _catalogue_of(parent, data)
        if entry is not None:
            message += f" (the vendor catalogue's entry '{_short(entry)}' does not give it)"
    elif kind == "enum":
        allowed = _enum_values(_resolve(loc)[0])  # a list's item too, not only a field
        guess = difflib.get_close_matches(str(value), allowed, n=1, cutoff=0.5)
        hint = f"; did you mean '{guess[0]}'?" if guess else ""
        message = f"'{_short(value)}' is not a valid value for {where}{hint}"
        fix = "valid values: " + ", ".join(allowed)
    elif kind == "literal_error":
        message = f"{_short(value)!r} is not allowed for {where}"
        fix = f"use {ctx.get('expected', 'one of the documented values')}"
    elif kind in {"dict_type", "model_type", "model_attributes_type"}:
        message = f"{where} must be a mapping of keys, not {_kind_of(value)}"
        fix = fix or "write 'key: value' lines indented under it"
    elif kind in {"list_type", "tuple_type"}:
        message = f"{where} must be a list, not {_kind_of(value)}"
        fix = "write each item on its own line starting with '- '"
    elif kind in {"string_type", "str_type"}:
        message = f"{where} must be text, not {_kind_of(value)}"
        fix = fix or "put the value in quotes"
    elif kind == "dpv_concept":
        known = ctx.get("prefixes")
        problem = "has no known DPV prefix" if known else "has more than one '#'"
        message = f"{where}: '{_short(value)}' {problem}"
        fix = (
            f"write a concept with one of the prefixes {known} (e.g. dpv:Customer), or a full "
            "https:// IRI"
            if known
            else "write a full IRI with at most one '#', or a concept such as dpv:Customer"
        )
    elif kind == "reserved_id":
        message = (
            f"'{_short(value)}' cannot be used as {where}: it is a device name on Windows "
            "(CON, PRN, AUX, NUL, COM0-9, LPT0-9), and an id may become a file name"
        )
        fix = f"choose another id, e.g. '{value}-1' or a longer, descriptive one"
    elif kind == "refused_character":
        message = f"{where}: {ctx['reason']}"
        fix = str(ctx["fix"])
    elif kind == "list_or_word":
        message = f"{where} must be a list or the word '{ctx['word']}', not {_short(value)!r}"
        fix = str(ctx["fix"])
    elif loc == ("schema_version",) and kind in {"less_than_equal", "greater_than_equal"}:
        readable = " and ".join(str(v) for v in READABLE)
        message = (
            f"schema_version {_short(value)} is not a format version this release reads "
            f"(it reads {readable})"
        )
        fix = f"write schema_version: {CURRENT}, or use the release that wrote this map"
    elif kind == "country_code":
        hint = f"; {ctx['hint']}" if ctx.get("hint") else ""
        message = (
            f"'{_short(value)}' is not a valid country code for {where}: {ctx['reason']}{hint}"
        )
        fix = PATTERN_HINTS[COUNTRY_PATTERN]
    elif kind == "email_invalid":
        message = f"'{_short(value)}' is not a plain e-mail address for {where}: {ctx['reason']}"
        fix = (
            "write only the address, such as name@example.org: no name or <>, no quotes, "
            "no ?subject=/?cc= or other link parts, no spaces"
        )
    elif kind == "string_pattern_mismatch" and isinstance(value, str) and refusal(value):
        message = f"{where}: {refusal(value)}"  # say which character, not only "not valid"
        hint = PATTERN_HINTS.get(str(ctx.get("pattern")), "")
        fix = f"remove the character; {hint}" if hint else "remove the character"
    elif kind == "string_pattern_mismatch":
        message = f"'{_short(value)}' is not a valid value for {where}"
        fix = PATTERN_HINTS.get(str(ctx.get("pattern")), fix)
    elif kind in {"string_too_short", "too_short"}:
        message = f"{where} must not be empty"
    elif kind in {"string_too_long", "too_long"}:
        message = f"{where} is too long (at most {ctx.get('max_length')})"
    elif kind in {"bool_type", "bool_parsing"}:
        message = f"{where} must be true or false, not {_short(value)!r}"
        fix = "write true or false"
    elif kind in {"int_type", "int_parsing", "int_from_float"}:
        message = f"{where} must be a whole number, not {_short(value)!r}"
    elif kind.startswith("date") or kind.startswith("datetime"):
        message = f"{where} must be a date written YYYY-MM-DD, not {_short(value)!r}"
        fix = "e.g. 2024-05-01"
    elif kind in {"greater_than_equal", "greater_than"}:
        message = f"{where} must be at least {ctx.get('ge', ctx.get('gt'))}, not {_short(value)!r}"
    elif kind in {"less_than_equal", "less_than"}:
        message = f"{where} must be at most {ctx.get('le', ctx.get('lt'))}, not {_short(value)!r}"
    else:
        message = f"{where}: {str(error['msg']).removeprefix('Value error, ')}"
        fix = str(ctx["fix"]) if ctx.get("fix") else None
    return Diagnostic(
        path,
        line,
        column,
        (
            UNKNOWN_KEY
            if kind == "extra_forbidden"
            else MISSING_KEY
            if kind == "missing"
            else INVALID_VALUE
        ).code,
        Severity.ERROR,
        message,
        fix,
    )


def _catalogue_of(loc: Loc, data: Any) -> str | None:
    """The catalogue id the entry at ``loc`` names, if any."""
    node = data
    for part in loc:
        node = node[part] if _has(node, part) else None
    found = node.get("catalogue") if isinstance(node, dict) else None
    return found if isinstance(found, str) else None


def _short(value: Any, limit: int = 60) -> str:
    text = visible(str(value))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _kind_of(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, int | float):
        return f"a number ({value})"
    return f"text ({_short(value)!r})"


def _describe(loc: Loc, data: Any) -> str:
    """Readable place such as ``activities[2] (id 'newsletter').legal_basis``."""
    if not loc:
        return "the data map"
    parts: list[str] = []
    node = data
    for part in loc:
        if isinstance(part, int):
            parts.append(f"[{part}]")
            node = node[part] if isinstance(node, list) and part < len(node) else None
            ident = node.get("id") if isinstance(node, dict) else None
            if isinstance(ident, str):
                parts.append(f" (id '{_short(ident)}')")
        else:
            parts.append(("." if parts else "") + visible(part))
            node = node.get(part) if isinstance(node, dict) else None
    return "'" + "".join(parts) + "'"


# -- walking the model's types along a location ------------------------------------------------


def _unwrap(annotation: Any) -> list[Any]:
    """Concrete types inside Optional/Union/Annotated/tuple/list/dict annotations."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        return [t for arg in typing.get_args(annotation) for t in _unwrap(arg)]
    return [annotation]


def _step(annotation: Any, part: str | int) -> Any:
    """The annotation one step below ``annotation`` along ``part``."""
    for candidate in _unwrap(annotation):
        origin = typing.get_origin(candidate)
        args = typing.get_args(candidate)
        if isinstance(part, int) and origin in (tuple, list) and args:
            return args[0]
        if isinstance(part, str) and origin is dict and len(args) == 2:
            return args[1]
        if (
            isinstance(part, str)
            and isinstance(candidate, type)
            and issubclass(candidate, BaseModel)
        ):
            info = _fields_by_key(candidate).get(part)
            if info is not None:
                return info
    return None


def _fields_by_key(model: type[BaseModel]) -> dict[str, FieldInfo]:
    return {(info.alias or name): info for name, info in model.model_fields.items()}


def _resolve(loc: Loc) -> tuple[Any, FieldInfo | None]:
    current: Any = DataMap
    info: FieldInfo | None = None
    for part in loc:
        nxt = _step(current, part)
        if nxt is None:
            return None, None
        if isinstance(nxt, FieldInfo):
            info, current = nxt, nxt.annotation
        else:
            info, current = None, nxt
    return current, info


def _expects_text(loc: Loc) -> bool:
    current, _ = _resolve(loc)
    return Text in _unwrap(current)


def _field_at(loc: Loc) -> FieldInfo | None:
    return _resolve(loc)[1] if loc else None


def _valid_keys(loc: Loc) -> list[str]:
    current, _ = _resolve(loc) if loc else (DataMap, None)
    for candidate in _unwrap(current):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return sorted(_fields_by_key(candidate))
    return []


def _enum_values(annotation: Any) -> list[str]:
    """The values of the enumeration ``annotation`` names (within a union or an optional)."""
    stack = [annotation]
    while stack:
        annotation = stack.pop()
        for candidate in _unwrap(annotation):
            if isinstance(candidate, type) and issubclass(candidate, Enum):
                return [str(member.value) for member in candidate]
            stack.extend(typing.get_args(candidate))
    return []
