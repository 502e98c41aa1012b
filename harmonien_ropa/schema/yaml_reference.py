"""A Markdown reference of the YAML data map, generated from its JSON Schema.

Every object of the schema gets a section with a table of its keys (type, whether required,
default, meaning); every legal vocabulary gets a table of its allowed values with the article and
the plain-language labels from :mod:`harmonien_ropa.model.legal`; and, when an example data map is
given, each section shows the first instance of that object found in it. Because the page is
built from the model, it cannot drift from what the loader accepts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

import yaml

from ..law.terms import article, label
from ..model import legal
from ..model.base import ID_PATTERN as _ID_PATTERN
from .json_schemas import datamap_schema

Schema = Mapping[str, Any]

_REF = "#/$defs/"
_ROOT = "DataMap"
_EXAMPLE_STRING = 100


def markdown_reference(
    schema: Schema | None = None, example: Mapping[str, Any] | None = None
) -> str:
    """The whole reference page as Markdown (headings from level 2 down, anchors per object)."""
    schema = datamap_schema() if schema is None else schema
    defs: Mapping[str, Schema] = schema.get("$defs", {})
    order = _definition_order(schema, defs)
    examples = _first_instances(example, schema, defs) if example is not None else {}
    out: list[str] = []
    for name in order:
        node = schema if name == _ROOT else defs[name]
        if "enum" in node:
            out += _enum_section(name, node)
        else:
            out += _object_section(name, node, examples.get(name), defs)
    return "\n".join(out).rstrip() + "\n"


def anchor(name: str) -> str:
    """The heading anchor of a schema definition (``Activity`` → ``activity``)."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


# -- order and examples ------------------------------------------------------------------------


def _refs(node: Any) -> Iterator[str]:
    """Names of definitions referenced below ``node``, in document order of the properties."""
    if isinstance(node, Mapping):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(_REF):
            yield ref[len(_REF) :]
        for key, value in node.items():
            if key != "$defs":
                yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


def _definition_order(schema: Schema, defs: Mapping[str, Schema]) -> list[str]:
    """The root first, then definitions breadth-first as the keys reach them; unreachable last."""
    order = [_ROOT]
    queue: list[Schema] = [schema]
    while queue:
        node = queue.pop(0)
        for key in _property_order(node):
            for name in _refs(node["properties"][key]):
                if name not in order and name in defs:
                    order.append(name)
                    queue.append(defs[name])
    order += sorted(name for name in defs if name not in order)
    return order


def _property_order(node: Schema) -> list[str]:
    """Required keys first (in schema order), then the optional ones alphabetically."""
    props: Mapping[str, Any] = node.get("properties", {})
    required = [key for key in node.get("required", []) if key in props]
    return required + sorted(key for key in props if key not in required)


def _first_instances(data: Any, schema: Schema, defs: Mapping[str, Schema]) -> dict[str, Any]:
    """For each object definition, the first value in ``data`` that the schema says is one."""
    found: dict[str, Any] = {}

    def visit(value: Any, node: Any) -> None:
        if not isinstance(node, Mapping):
            return
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(_REF):
            name = ref[len(_REF) :]
            if isinstance(value, Mapping):
                found.setdefault(name, value)
            visit(value, defs.get(name))
            return
        for option in node.get("anyOf", []):
            visit(value, option)
        if isinstance(value, list) and "items" in node:
            for item in value:
                visit(item, node["items"])
        if isinstance(value, Mapping):
            for key, sub in node.get("properties", {}).items():
                if key in value:
                    visit(value[key], sub)

    visit(data, schema)
    return found


# -- sections ----------------------------------------------------------------------------------


def _summary_of_ref(node: Schema, defs: Mapping[str, Schema]) -> str:
    """The first sentence of the description of the definition ``node`` refers to."""
    names = list(_refs(node))
    if not names or names[0] not in defs:
        return ""
    text = _prose(defs[names[0]].get("description", ""))
    return re.split(r"\.\s+(?=[A-Z])", text, maxsplit=1)[0].rstrip(".") + "." if text else ""


def _object_section(name: str, node: Schema, example: Any, defs: Mapping[str, Schema]) -> list[str]:
    title = "The data map (top level)" if name == _ROOT else f"`{name}`"
    out = [f"## {title} {{#{anchor(name)}}}", ""]
    description = _prose(node.get("description", ""))
    if description:
        out += [description, ""]
    props: Mapping[str, Schema] = node.get("properties", {})
    if props:
        required = set(node.get("required", []))
        out += ["| key | type | required | meaning |", "| --- | --- | --- | --- |"]
        for key in _property_order(node):
            prop = props[key]
            meaning = _cell(_describe(prop) or _summary_of_ref(prop, defs))
            default = _default(prop) if key not in required else ""
            if default:
                meaning = f"{meaning} Default: {default}." if meaning else f"Default: {default}."
            examples = prop.get("examples")
            if isinstance(examples, list) and examples:
                meaning = f"{meaning} Example: {_inline_example(examples[0])}".strip()
            out.append(
                f"| `{key}` | {_type(prop)} | {'yes' if key in required else ''} | {meaning} |"
            )
        out.append("")
    if example is not None and name != _ROOT:
        out += [
            "Example (from Harmonien's data map):",
            "",
            "```yaml",
            yaml.safe_dump(_trim(example), allow_unicode=True, sort_keys=False, width=88).rstrip(),
            "```",
            "",
        ]
    return out


def _enum_section(name: str, node: Schema) -> list[str]:
    out = [f"## `{name}` {{#{anchor(name)}}}", ""]
    description = _prose(node.get("description", ""))
    if description:
        out += [description, ""]
    vocabulary = getattr(legal, name, None)
    if isinstance(vocabulary, type) and issubclass(vocabulary, legal._LegalEnum):
        out += [
            "| value | legal reference | meaning | nb | nn |",
            "| --- | --- | --- | --- | --- |",
        ]
        for member in vocabulary:
            out.append(
                f"| `{member.value}` | {_cell(article(member))} | {_cell(label(member, 'en'))} "
                f"| {_cell(label(member, 'nb'))} | {_cell(label(member, 'nn'))} |"
            )
    elif "markdownEnumDescriptions" in node:  # e.g. country codes with their names
        out += ["| value | meaning |", "| --- | --- |"]
        out += [
            f"| `{value}` | {_cell(meaning)} |"
            for value, meaning in zip(node["enum"], node["markdownEnumDescriptions"], strict=True)
        ]
    else:
        out += ["| value |", "| --- |"]
        out += [f"| `{value}` |" for value in node["enum"]]
    out.append("")
    return out


def _type(node: Schema) -> str:
    """A short, linked description of a schema node's type."""
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith(_REF):
        target = ref[len(_REF) :]
        return f"[{target}](#{anchor(target)})"
    if "anyOf" in node:
        options = [o for o in node["anyOf"] if o.get("type") != "null"]
        text = " or ".join(_type(o) for o in options)
        return text if len(options) == len(node["anyOf"]) else f"{text} or null"
    if "enum" in node:
        return " \\| ".join(f"`{v}`" for v in node["enum"])
    if "const" in node:
        return f"`{node['const']}`"
    kind = node.get("type")
    if kind == "array":
        return f"list of {_type(node.get('items', {}))}"
    if kind == "object":
        extra = node.get("additionalProperties")
        if isinstance(extra, Mapping) and "properties" not in node:
            return f"mapping of key → {_type(extra)}"
        return "mapping"
    if kind == "string" and node.get("pattern") == _ID_PATTERN:
        return "id"
    words = {"string": "text", "integer": "integer", "boolean": "`true` \\| `false`"}
    text = words.get(str(kind), str(kind or "any"))
    if node.get("format") == "date":
        text = "date (YYYY-MM-DD)"
    elif node.get("format"):
        text += f" ({node['format']})"
    return text


def _describe(node: Schema) -> str:
    """The node's description plus its constraints (pattern, limits) in words."""
    parts = [_prose(node.get("description", ""))]
    inner = [o for o in node.get("anyOf", []) if o.get("type") != "null"]
    for option in [node, *inner]:
        if option is not node and option.get("description"):
            parts.append(_prose(option["description"]))
        if "minItems" in option:
            parts.append(f"At least {option['minItems']} item(s).")
        if "pattern" in option and "description" not in option:
            parts.append(f"Must match `{option['pattern']}`.")
        if "minimum" in option and option.get("maximum") == option["minimum"]:
            parts.append(f"Must be {option['minimum']}.")
        elif "minimum" in option and "maximum" in option:
            parts.append(f"From {option['minimum']} to {option['maximum']}.")
        if "maxLength" in option:
            parts.append(f"At most {option['maxLength']} characters.")
    examples = node.get("examples")
    if isinstance(examples, list) and examples:
        written = ", ".join(f"`{_flow(example)}`" for example in examples)
        parts.append(f"Example{'s' if len(examples) > 1 else ''}: {written}.")
    return " ".join(p for p in parts if p)


def _flow(value: Any) -> str:
    """``value`` as one line of YAML (flow style)."""
    text = yaml.safe_dump(
        value, default_flow_style=True, allow_unicode=True, sort_keys=False, width=10_000
    )
    return text.strip().removesuffix("...").strip()


def _default(node: Schema) -> str:
    if "default" not in node:
        return ""
    value = node["default"]
    if value is None or value in ([], {}):
        return ""
    return f"`{yaml.safe_dump(value, default_flow_style=True).strip().removesuffix('...').strip()}`"


def _prose(text: str) -> str:
    """Docstring-style text as one Markdown line: ``code`` → `code`, whitespace collapsed."""
    text = re.sub(r"``([^`]+)``", r"`\1`", text)
    text = re.sub(r":(?:class|func|meth|data|attr|mod):`~?([^`]+)`", r"`\1`", text)
    return " ".join(text.split())


def _inline_example(value: Any) -> str:
    """A field's schema example as one line of YAML in flow style, as inline code."""
    text = yaml.safe_dump(
        value, allow_unicode=True, sort_keys=False, default_flow_style=True, width=10**6
    ).strip()
    text = text.removesuffix("...").strip()
    return "`" + _cell(text) + "`"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _trim(value: Any) -> Any:
    """Long strings shortened with an ellipsis and lists cut short, so examples stay readable."""
    if isinstance(value, str) and len(value) > _EXAMPLE_STRING:
        return value[: _EXAMPLE_STRING - 1].rstrip() + "…"
    if isinstance(value, Mapping):
        return {k: _trim(v) for k, v in value.items()}
    if isinstance(value, list):
        keep = 3 if all(isinstance(v, str | int | float) for v in value) else 1
        return [_trim(v) for v in value[:keep]]
    return value
