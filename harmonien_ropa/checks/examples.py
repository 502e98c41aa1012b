"""The reference map behind every rule's examples, and how an example is merged into it."""

from __future__ import annotations

import dataclasses
from importlib.resources import files
from typing import Any

import yaml

from ..source.loading import LoadedMap, loads_with_positions
from .config import CheckConfig, combine
from .engine import settings_layer
from .rule import Rule


def base_text() -> str:
    """The reference map as YAML text (a small organisation with no findings)."""
    return files(__package__).joinpath("example.yaml").read_text(encoding="utf-8")


def merge(base: Any, overlay: Any) -> Any:
    """``overlay`` merged into ``base``.

    Mappings merge key by key; lists whose items all have an ``id`` merge item by item (new
    ids are appended); anything else in ``overlay`` replaces what is in ``base``.
    """
    if isinstance(base, dict) and isinstance(overlay, dict):
        merged = dict(base)
        for key, value in overlay.items():
            merged[key] = merge(base[key], value) if key in base else value
        return merged
    if _by_id(base) and _by_id(overlay):
        items = {item["id"]: item for item in base}
        order = [item["id"] for item in base]
        for item in overlay:
            if item["id"] in items:
                items[item["id"]] = merge(items[item["id"]], item)
            else:
                order.append(item["id"])
                items[item["id"]] = item
        return [items[ident] for ident in order]
    return overlay


def _by_id(value: Any) -> bool:
    return isinstance(value, list) and all(
        isinstance(item, dict) and isinstance(item.get("id"), str) for item in value
    )


def example_text(overlay: str) -> str:
    """YAML text of the reference map with the YAML fragment ``overlay`` merged in."""
    base = yaml.safe_load(base_text())
    merged = merge(base, yaml.safe_load(overlay) or {})
    dumped: str = yaml.safe_dump(merged, sort_keys=False, allow_unicode=True, width=100)
    return dumped


def example_map(overlay: str, path: str = "example.yaml") -> LoadedMap:
    """The reference map with ``overlay`` merged in, loaded with positions."""
    return loads_with_positions(example_text(overlay), path)


def example_config(loaded: LoadedMap, rule: Rule) -> CheckConfig:
    """The settings ``rule``'s examples are checked with: the map's own, on the rule's
    ``example_today``."""
    return dataclasses.replace(combine(settings_layer(loaded)), today=rule.example_today)
