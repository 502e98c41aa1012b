"""What the review workbook shows its readers, in the workbook's language, and back again.

The people who answer read Norwegian (or English) and do not know YAML, so no cell they read
holds a YAML key or a code: a field is named by its label (``templates/i18n/fields.yaml``), a
place in the map as a path of entries and fields (``Behandlingsaktivitet «Billettsalg» →
behandlingsgrunnlag``; the workbook starts a cell with a capital), and a value of a legal vocabulary by its term in
:mod:`harmonien_ropa.law.terms` (``samtykke (personvernforordningen art. 6 nr. 1 bokstav a)``),
the same words the notice and the record use; yes/no as ``ja``/``nei``. :func:`answer_code` reads
an answer back: a label in any language, or the code itself, gives the code.
"""

from __future__ import annotations

import enum
import functools
import re
import typing
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel

from ..law.countries import country_name
from ..law.terms import TERMS, label_cite
from ..model.base import LANGUAGES
from ..source.i18n import strings
from .fields import AnswerError, AnswerKind, Kind, _unwrap, answer_kind
from .rows import Loc, shown, value_at

#: The separator between the steps of a place in the map.
ARROW = " → "


def field_label(field: str, lang: str) -> str:
    """The readable name of the YAML field ``field`` (the key itself where none is known)."""
    labels = strings("fields", lang)
    return labels.get(field) or field.replace("_", " ")


def _item_label(list_key: str, lang: str) -> str:
    labels = strings("fields", lang)
    return labels.get(f"item_{list_key}") or field_label(list_key, lang)


def place(data: Any, loc: Loc, lang: str) -> str:
    """``loc`` as a reader names it: ``behandlingsaktivitet «Billettsalg» → overføring 1``."""
    steps: list[str] = []
    node = data
    for number, part in enumerate(loc):
        node = value_at(node, (part,))
        if isinstance(part, int):
            key = loc[number - 1] if number else ""
            noun = _item_label(str(key), lang)
            name = shown(node.get("name"), lang) if isinstance(node, Mapping) else ""
            ident = node.get("id") if isinstance(node, Mapping) else None
            label = f"{noun} «{name[:60]}»" if name else (f"{noun} «{ident}»" if ident else f"{noun} {part + 1}")  # fmt: skip
            if steps:
                steps[-1] = label
            else:
                steps.append(label)
        else:
            steps.append(field_label(part, lang))
    return ARROW.join(steps)


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _vocabulary(kind: AnswerKind) -> type[enum.Enum] | None:
    base = _unwrap(kind.annotation)[0] if kind.annotation is not None else None
    return base if isinstance(base, type) and issubclass(base, enum.Enum) else None


def _yes_no(lang: str) -> dict[str, str]:
    common = strings("common", lang)
    return {"true": common["yes"], "false": common["no"]}


@functools.cache
def _choice_labels(kind: AnswerKind, lang: str) -> tuple[tuple[str, str], ...]:
    """(label, code) of each value ``kind`` allows, in its order; labels unique."""
    if kind.kind is Kind.BOOLEAN:
        words = _yes_no(lang)
        return tuple((words[code], code) for code in kind.choices)
    vocabulary = _vocabulary(kind)
    pairs = []
    for code in kind.choices:
        member = vocabulary(code) if vocabulary is not None else None
        known = member is not None and (type(member), code) in TERMS
        pairs.append((label_cite(member, lang) if known and member is not None else code, code))
    labels = [label for label, _ in pairs]
    return tuple(
        (f"{label} [{code}]" if labels.count(label) > 1 else label, code) for label, code in pairs
    )


def choices(kind: AnswerKind, lang: str) -> tuple[str, ...]:
    """The allowed values of ``kind`` as the drop-down list offers them in ``lang``."""
    if kind.kind not in (Kind.CHOICE, Kind.BOOLEAN):
        return ()
    return tuple(label for label, _ in _choice_labels(kind, lang))


def value_shown(
    model: type[BaseModel] | None,
    key: str,
    value: Any,
    lang: str,
    names: Mapping[tuple[str, str], str] | None = None,
) -> str:
    """The value of the field ``key`` of ``model`` as the map holds it, as the reader sees it:
    a term's label, ja/nei, a country's name, an entry referred to by its name (from ``names``,
    see :func:`entry_names`), the fields of a nested entry by their labels."""
    if value is None:
        return ""
    if isinstance(value, Mapping):
        if value and all(k in LANGUAGES for k in value):  # a text in several languages
            return shown(value, lang)
        return _entry_shown(_model_of(model, key), value, lang, names)
    if isinstance(value, list):
        inner = _model_of(model, key)
        return ", ".join(
            _entry_shown(inner, v, lang, names)
            if isinstance(v, Mapping) and not all(k in LANGUAGES for k in v)
            else value_shown(model, key, v, lang, names)
            for v in value
        )
    kind = answer_kind(model, key) if model is not None else None
    if kind is not None and kind.kind in (Kind.CHOICE, Kind.BOOLEAN):
        code = ("true" if value else "false") if isinstance(value, bool) else str(value)
        found = {c: label for label, c in _choice_labels(kind, lang)}
        if code in found:
            return found[code]
    if isinstance(value, bool):
        return _yes_no(lang)["true" if value else "false"]
    if key in _COUNTRY_FIELDS and isinstance(value, str) and len(value) == 2:
        name = country_name(value, lang)
        return f"{name} ({value})" if name and name != value else value
    if key == "period" and isinstance(value, str) and _PERIOD.match(value):
        return _period(value, lang)
    if key in REFERENCES and names and (REFERENCES[key], str(value)) in names:
        return names[(REFERENCES[key], str(value))]
    return shown(value, lang)


def _entry_shown(
    model: type[BaseModel] | None,
    entry: Mapping[Any, Any],
    lang: str,
    names: Mapping[tuple[str, str], str] | None,
) -> str:
    return "; ".join(
        f"{field_label(str(k), lang)}: {value_shown(model, str(k), v, lang, names)}"
        for k, v in entry.items()
    )


#: Fields that name entries of the map's lists by id: field → the list.
REFERENCES = {
    "systems": "systems",
    "recipients": "parties",
    "importer": "parties",
    "party": "parties",
    "vendor": "parties",
    "operated_by": "parties",
    "engaged_by": "parties",
    "on_behalf_of": "parties",
    "provider": "parties",
    "data_categories": "data_categories",
    "categories": "data_categories",
    "needed_for": "activities",
    "data_subjects": "data_subjects",
    "activity": "activities",
}


def entry_names(data: Any, lang: str) -> dict[tuple[str, str], str]:
    """(list, id) → the entry's name in ``lang``, for every entry of the map's lists."""
    found: dict[tuple[str, str], str] = {}
    for kind in set(REFERENCES.values()):
        for entry in value_at(data, (kind,)) or []:
            if isinstance(entry, Mapping) and entry.get("id") is not None:
                name = shown(entry.get("name"), lang)
                found[(kind, str(entry["id"]))] = name or str(entry["id"])
    return found


#: A period as the map writes it (ISO 8601 years, months, weeks, days: ``P1Y6M``).
_PERIOD = re.compile(r"^P(?=\d)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$")


def _period(value: str, lang: str) -> str:
    """``P1Y6M`` → ``1 år og 6 måneder`` (the words of ``templates/i18n/review.yaml``)."""
    words = strings("review", lang)
    match = _PERIOD.match(value)
    assert match is not None
    parts = [
        words[unit if int(n) == 1 else f"{unit}s"].format(n=int(n))
        for unit, n in zip(("year", "month", "week", "day"), match.groups(), strict=True)
        if n is not None
    ]
    joined = ", ".join(parts[:-1]) + f" {words['and']} " + parts[-1] if len(parts) > 1 else parts[0]
    return joined


#: Fields that hold ISO country codes, shown with the country's name.
_COUNTRY_FIELDS = frozenset({"country", "hosting_countries"})


def _model_of(model: type[BaseModel] | None, key: str) -> type[BaseModel] | None:
    """The model of the entries the field ``key`` of ``model`` holds (itself or in a list)."""
    if model is None:
        return None
    info = next((i for n, i in model.model_fields.items() if (i.alias or n) == key), None)
    if info is None:
        return None
    base = _unwrap(info.annotation)[0]
    for candidate in (base, *typing.get_args(base)):
        inner = _unwrap(candidate)[0]
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            return inner
    return None


def answer_code(kind: AnswerKind, value: Any) -> Any:
    """The code an answer stands for: a label of any language or the code itself gives the
    code; any other answer of a choice is refused, with the labels to choose from."""
    if kind.kind not in (Kind.CHOICE, Kind.BOOLEAN) or isinstance(value, bool):
        return value
    text = " ".join(str(value).split())
    wanted = text.casefold()
    for lang in LANGUAGES:
        for label, code in _choice_labels(kind, lang):
            if wanted in (label.casefold(), code.casefold()):
                return code
    if kind.kind is Kind.BOOLEAN:
        return text  # refused by the field's own check, which says what it takes
    raise AnswerError("choice", answer=text[:80])
