"""Helpers for the hardening tests: payloads, filling every text field, rendering everything.

``fill_text`` puts one string into every free-text field of a valid data map (every ``Text``,
every unconstrained string, every assumption note), adding optional fields that the base map
leaves out, and a variant into fields with a pattern (e-mail, URL, phone) where it fits.
``render_everything`` runs every renderer registered in ``RENDERERS`` when the tests run, in
normal and draft mode, so new outputs are covered as soon as they are registered; the documents
made only on request (``ON_REQUEST``: Word, PDF) are left out, being slow, and
``test_documents.py`` puts the payloads through them once.
"""

from __future__ import annotations

import copy
import functools
import re
import typing
from typing import Annotated, Any

import yaml
from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic.fields import FieldInfo

import harmonien_ropa as hr
from harmonien_ropa.model.base import Statement, Text
from harmonien_ropa.model.datamap import DataMap
from harmonien_ropa.outputs import ON_REQUEST, RENDERERS, RenderOptions, renderer
from harmonien_ropa.source.loading import _unwrap, from_data
from harmonien_ropa.source.yamlsource import parse
from support.paths import SMALL_YAML

#: Payloads that would be active content if any output let them through.
PAYLOADS: dict[str, str] = {
    "script_tag": "<script>alert(1)</script>",
    "img_onerror": "<img src=x onerror=alert(2)>",
    "svg_onload": "<svg onload=alert(3)>",
    "iframe_javascript": '<iframe src="javascript:alert(4)"></iframe>',
    "double_quote_breakout": '" onmouseover="alert(1)" x="',
    "single_quote_breakout": "' onmouseover='alert(1)' x='",
    "tag_breakout": '"><a href="javascript:alert(2)">x</a>',
    "raw_text_breakout": "</title></style></textarea></script><script>alert(1)</script><!--",
    "url_schemes": "javascript:alert(1) JaVaScRiPt:alert(2) data:text/html,<b>x</b> "
    "vbscript:msgbox(1)",
    "markdown_blocks": "# heading\n\n- item\n\n| a | b |\n|---|---|\n> quote\n\n***",
    "markdown_links": "[link](javascript:alert(1)) ![img](https://evil.example/x.png) "
    "<https://evil.example> [ref]: https://evil.example",
    "markdown_inline": "*em* __strong__ `code` ~~del~~ \\ \\* &amp; &#60;",
    "markdown_html": "<div onclick=alert(1)>x</div>\n\n<details open ontoggle=alert(2)>",
    "template": "{{ 7*7 }} {% for x in range(3) %}{{ x }}{% endfor %} ${7*7} #{7*7} {# c #}",
    "dot_quotes": '"]; evil [label=<<b>x</b>> URL="javascript:alert(1)"]; a -> b; x [label="',
    "dot_backslashes": '\\" \\l \\N \\G \\E \\T \\H \\',
    "dot_html_label": "<B>bold</B> <TABLE><TR><TD>x</TD></TR></TABLE>",
    "dot_braces": "} { ; -- -> subgraph cluster_x { evil } strict digraph",
    "json": '"}, "injected": {"a": 1}, "x": "\\u0000 \\" \\\\',
    # DEL, C1 controls and bidirectional overrides are refused at load (tests/bad_yaml/
    # misleading_characters.yaml); what a map may hold must still come out intact.
    "unicode_separators": "\u2028 \u2029 \ufeff \u00a0 \u00ad",
    "unicode_bidi": "Ærlig talt: øl på Årstad \u200fevil\u200e \u200b zero\u200dwidth 😀",
    "spreadsheet_equals": '=HYPERLINK("https://evil.example","x")',
    "spreadsheet_plus": "+cmd|' /C calc'!A0",
    "spreadsheet_minus": "-2+3+cmd|' /C calc'!A0",
    "spreadsheet_at": "@SUM(1+1)*cmd|' /C calc'!A0",
    "spreadsheet_tab": "\t=1+1",
    "spreadsheet_cr": "\r=1+1",
}

#: Payloads rendered together: each group's strings are joined into one text that goes into
#: every text field; ``spreadsheet`` instead gives each field one payload in turn, because only
#: the start of a cell matters there.
GROUPS: dict[str, tuple[str, ...]] = {
    "html": (
        "script_tag",
        "img_onerror",
        "svg_onload",
        "iframe_javascript",
        "double_quote_breakout",
        "single_quote_breakout",
        "tag_breakout",
        "url_schemes",
    ),
    "raw_text": ("raw_text_breakout", "markdown_html"),
    "markdown": ("markdown_blocks", "markdown_links", "markdown_inline", "template"),
    "dot": ("dot_quotes", "dot_backslashes", "dot_html_label", "dot_braces"),
    "json_unicode": ("json", "unicode_separators", "unicode_bidi"),
    "trailing_backslash": ("dot_backslashes",),
    "spreadsheet": tuple(name for name in PAYLOADS if name.startswith("spreadsheet_")),
}
ROTATING = {"spreadsheet"}


def group_texts(group: str) -> list[str]:
    """The text(s) of a payload group: one joined text, or one per field in turn."""
    parts = [PAYLOADS[name] for name in GROUPS[group]]
    return parts if group in ROTATING else [" ".join(parts)]


#: Variants for fields with a pattern, tried in order when the payload itself does not fit.
_EMAIL_VARIANTS = ("=cmd|x!A0@evil.example", "[x](javascript:alert(1))@evil.example")
_URL_VARIANTS = (
    "https://evil.example/)[x](javascript:alert(1)&a=1",
    "https://evil.example/?q=javascript:alert(1)#=1+1",
)
_PHONE_VARIANTS = ("+47 900 00 000",)


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


class _Payloads:
    """Payload texts handed out in turn, one per field."""

    def __init__(self, texts: list[str]) -> None:
        self.texts, self.index = texts, 0

    def next(self) -> str:
        text = self.texts[self.index % len(self.texts)]
        self.index += 1
        return text


def _valid(model: type[BaseModel], data: dict[str, Any]) -> bool:
    """True if ``data`` is a valid ``model`` on its own (the map's root checks references
    across entries, so it is taken as valid)."""
    if model is DataMap:
        return True
    try:
        model.model_validate(data)
    except ValidationError:
        return False
    return True


def _fill_model(model: type[BaseModel], data: dict[str, Any], payloads: _Payloads) -> None:
    valid = _valid(model, data)
    for name, info in model.model_fields.items():
        key = info.alias or name
        if key in ("id", "assumptions", "acknowledge", "dpv", "fideslang") or name.endswith(
            ("_id", "_ids")
        ):
            continue  # ids, references and taxonomy keys: their pattern keeps them inert
        before = copy.deepcopy(data.get(key))
        _fill_field(info, key, data, payloads)
        if valid and not _valid(model, data):
            # A field the entry may hold only with others (``compatibility`` only on a source
            # of kind ``own_activity``): left as it was.
            if before is None:
                data.pop(key, None)
            else:
                data[key] = before
    if issubclass(model, Statement) and data:
        fields = [f for f in model.statement_fields() if f in data]
        if fields:
            data["assumptions"] = {fields[0]: payloads.next()}


def _fill_field(info: FieldInfo, key: str, data: dict[str, Any], payloads: _Payloads) -> None:
    annotation = info.annotation
    current = data.get(key)
    payload = payloads.next()
    if _is_text(annotation):
        data[key] = {"nb": payload, "en": payload}
    elif _is_text_tuple(annotation):
        data[key] = [{"nb": payload, "en": payload} for _ in current or [None]]
    elif str in _unwrap(annotation) or any(
        typing.get_origin(c) is typing.Literal for c in _unwrap(annotation)
    ):
        for candidate in (
            payload,
            *_EMAIL_VARIANTS,
            *_URL_VARIANTS,
            *_PHONE_VARIANTS,
        ):
            if _fits(info, candidate):
                data[key] = candidate
                break
    else:
        for sub in _models(annotation):
            if isinstance(current, dict):
                _fill_model(sub, current, payloads)
            elif isinstance(current, list):
                for item in current:
                    if isinstance(item, dict):
                        _fill_model(sub, item, payloads)
            elif current is None:
                fresh: dict[str, Any] = {}
                _fill_model(sub, fresh, payloads)
                if _fits(info, fresh):
                    data[key] = fresh
            break


def fill_text(data: dict[str, Any], payload: str | list[str]) -> dict[str, Any]:
    """A copy of ``data`` with ``payload`` in every text field it can hold.

    Given a list, the fields get its texts in turn.
    """
    filled = copy.deepcopy(data)
    _fill_model(DataMap, filled, _Payloads([payload] if isinstance(payload, str) else payload))
    return filled


@functools.cache
def small_data() -> dict[str, Any]:
    """The small fixture map as plain data (dates as dates), parsed once."""
    data: dict[str, Any] = parse(SMALL_YAML.read_text(encoding="utf-8")).data
    return data


def payload_map(payload: str | list[str]) -> DataMap:
    """The small map with ``payload`` in every text field (or a list of them, in turn)."""
    return from_data(fill_text(small_data(), payload))


def to_yaml(data: Any, *, unicode: bool = True) -> str:
    """YAML text of plain data as PyYAML writes it.

    PyYAML writes NEL, LINE and PARAGRAPH SEPARATOR raw when ``allow_unicode`` is on, and then
    reads them as line breaks; the loader refuses them, so they are escaped here.
    """
    text = yaml.safe_dump(data, allow_unicode=unicode, sort_keys=False)
    if unicode and re.search("[\x85\u2028\u2029]", text):
        text = yaml.safe_dump(data, allow_unicode=False, sort_keys=False)
    return text


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


def render_everything(
    datamap: hr.DataMap, modes: tuple[str, ...] = tuple(MODES)
) -> dict[str, bytes]:
    """Every registered renderer but those made on request, in every mode:
    ``"<mode>/<path>"`` → bytes."""
    files: dict[str, bytes] = {}
    for mode in modes:
        options = MODES[mode]
        for name in RENDERERS:
            if name in ON_REQUEST:
                continue
            for artifact in renderer(name)(datamap, options).artifacts:
                files[f"{mode}/{artifact.path}"] = artifact.content
    return files
