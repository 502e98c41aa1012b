"""Helpers for the hardening tests: payloads, filling every text field, rendering everything.

``fill_text`` puts one string into every free-text field of a valid data map (every ``Text``,
every unconstrained string, every assumption note), adding optional fields that the base map
leaves out, and a variant into fields with a pattern (e-mail, URL, phone) where it fits.
``render_everything`` runs every renderer registered in ``RENDERERS`` when the tests run, in
normal and draft mode, so new outputs are covered as soon as they are registered.
"""

from __future__ import annotations

import copy
import functools
import re
import typing
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic.fields import FieldInfo

import harmonien_ropa as hr
from harmonien_ropa.loading import _unwrap
from harmonien_ropa.model.base import Statement, Text
from harmonien_ropa.model.datamap import DataMap
from harmonien_ropa.render import RENDERERS, RenderOptions, renderer
from harmonien_ropa.yamlsource import parse

SMALL_YAML = Path(__file__).resolve().parent / "fixtures" / "small.yaml"

#: Payloads that would be active content if any output let them through. Each is one string;
#: several attacks are combined so that every render covers many of them.
PAYLOADS: dict[str, str] = {
    "html_tags": "<script>alert(1)</script><img src=x onerror=alert(2)><svg onload=alert(3)>"
    '<iframe src="javascript:alert(4)"></iframe>',
    "attribute_breakout": '"\' onmouseover="alert(1)" x=\' "><a href="javascript:alert(2)">x</a>',
    "raw_text_breakout": "</title></style></textarea></script><script>alert(1)</script><!--",
    "url_schemes": "javascript:alert(1) JaVaScRiPt:alert(2) data:text/html,<b>x</b> "
    "vbscript:msgbox(1)",
    "markdown": "# heading\n\n- item\n\n| a | b |\n|---|---|\n[link](javascript:alert(1)) "
    "![img](https://evil.example/x.png) <https://evil.example> [ref]: https://evil.example\n"
    "*em* __strong__ `code` > quote ***",
    "markdown_html": "<div onclick=alert(1)>x</div>\n\n<details open ontoggle=alert(2)>",
    "template": "{{ 7*7 }} {% for x in range(3) %}{{ x }}{% endfor %} ${7*7} #{7*7} {# c #}",
    "dot": '"]; evil [label=<<b>x</b>> URL="javascript:alert(1)"]; a -> b; x [label="\\" '
    "\\l \\N \\G } { ; -- -> <TABLE>",
    "json": '"}, "injected": {"a": 1}, "x": "\\u0000 \\" \\\\ \u2028 \u2029 \x7f \x85',
    "unicode": "Ærlig talt: øl på Årstad \u202eevil\u202c \u200b zero\u200dwidth 😀 \ufeff",
    "spreadsheet_equals": '=HYPERLINK("https://evil.example","x")',
    "spreadsheet_plus": "+cmd|' /C calc'!A0",
    "spreadsheet_minus": "-2+3+cmd|' /C calc'!A0",
    "spreadsheet_at": "@SUM(1+1)*cmd|' /C calc'!A0",
    "spreadsheet_tab": "\t=1+1",
    "spreadsheet_cr": "\r=1+1",
}

#: Variants for fields with a pattern, tried in order when the payload itself does not fit.
_EMAIL_VARIANTS = ("=cmd|x!A0@evil.example", "[x](javascript:alert(1))@evil.example")
_URL_VARIANTS = (
    "https://evil.example/)[x](javascript:alert(1)&a=1",
    "https://evil.example/?q=javascript:alert(1)#=1+1",
)
_PHONE_VARIANTS = ("+47 900 00 000",)
_KEY_VARIANTS = ("javascript:alert/1#-x",)


def benign(payload: str) -> str:
    """The payload with every non-word character made harmless (same length and lines)."""
    return re.sub(r"[^\w\s]", "x", payload.replace("\r", " ").replace("\t", " "))


@functools.cache
def _adapter(info_key: tuple[Any, ...]) -> TypeAdapter[Any]:
    annotation, metadata = info_key
    return TypeAdapter(Annotated[annotation, *metadata] if metadata else annotation)


def _fits(info: FieldInfo, value: Any) -> bool:
    try:
        _adapter((info.annotation, tuple(info.metadata))).validate_python(value)
    except ValidationError:
        return False
    return True


def _models(annotation: Any) -> list[type[BaseModel]]:
    found = []
    for candidate in _unwrap(annotation):
        origin = typing.get_origin(candidate)
        inner = typing.get_args(candidate) if origin in (tuple, list) else (candidate,)
        for item in inner:
            if isinstance(item, type) and issubclass(item, BaseModel) and item is not Text:
                found.append(item)
    return found


def _is_text(annotation: Any) -> bool:
    return Text in _unwrap(annotation)


def _is_text_tuple(annotation: Any) -> bool:
    return any(
        typing.get_origin(c) is tuple and Text in typing.get_args(c) for c in _unwrap(annotation)
    )


def _fill_model(model: type[BaseModel], data: dict[str, Any], payload: str) -> None:
    text = {"nb": payload, "en": payload}
    for name, info in model.model_fields.items():
        key = info.alias or name
        if key in ("id", "assumptions", "acknowledge") or name.endswith(("_id", "_ids")):
            continue  # ids and references: their pattern keeps them inert
        annotation = info.annotation
        current = data.get(key)
        if _is_text(annotation):
            data[key] = dict(text)
        elif _is_text_tuple(annotation):
            data[key] = [dict(text) for _ in current or [None]]
        elif str in _unwrap(annotation) or any(
            typing.get_origin(c) is typing.Literal for c in _unwrap(annotation)
        ):
            for candidate in (
                payload,
                *_EMAIL_VARIANTS,
                *_URL_VARIANTS,
                *_PHONE_VARIANTS,
                *_KEY_VARIANTS,
            ):
                if _fits(info, candidate):
                    data[key] = candidate
                    break
        else:
            for sub in _models(annotation):
                if isinstance(current, dict):
                    _fill_model(sub, current, payload)
                elif isinstance(current, list):
                    for item in current:
                        if isinstance(item, dict):
                            _fill_model(sub, item, payload)
                elif current is None:
                    fresh: dict[str, Any] = {}
                    _fill_model(sub, fresh, payload)
                    if _fits(info, fresh):
                        data[key] = fresh
                break
    if issubclass(model, Statement) and data:
        fields = [f for f in model.statement_fields() if f in data]
        if fields:
            data["assumptions"] = {fields[0]: payload}


def fill_text(data: dict[str, Any], payload: str) -> dict[str, Any]:
    """A copy of ``data`` with ``payload`` in every text field it can hold."""
    filled = copy.deepcopy(data)
    _fill_model(DataMap, filled, payload)
    return filled


@functools.cache
def small_data() -> dict[str, Any]:
    """The small fixture map as plain data (dates as dates), parsed once."""
    data: dict[str, Any] = parse(SMALL_YAML.read_text(encoding="utf-8")).data
    return data


def payload_map(payload: str) -> DataMap:
    """The small map with ``payload`` in every text field."""
    return DataMap.build(fill_text(small_data(), payload))


def strings_in(value: Any) -> list[str]:
    """Every string inside a JSON-like value (keys included)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (k, *strings_in(v))]
    if isinstance(value, list):
        return [s for v in value for s in strings_in(v)]
    return []


MODES: dict[str, RenderOptions] = {
    "final": RenderOptions(),
    "draft": RenderOptions(draft=True),
}


def render_everything(datamap: hr.DataMap) -> dict[str, bytes]:
    """Every registered renderer in every mode: ``"<mode>/<path>"`` → bytes."""
    files: dict[str, bytes] = {}
    for mode, options in MODES.items():
        for name in RENDERERS:
            for artifact in renderer(name)(datamap, options).artifacts:
                files[f"{mode}/{artifact.path}"] = artifact.content
    return files
