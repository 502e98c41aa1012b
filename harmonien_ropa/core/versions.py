"""Versions of the data map's file format, and the steps that upgrade a map from one to the next.

A map says its version in ``schema_version``. The loader reads every version in
:data:`READABLE` and upgrades an older map in memory with :func:`upgrade` (``DataMap`` does the
same, on a copy, for a dict of an older version); ``harmonien-ropa
migrate`` applies the same steps to the file itself (:mod:`harmonien_ropa.source.migration`), keeping
its comments and layout. Each step is one small function that changes one thing in place, on
the plain mapping the YAML gives (a ``dict`` when loading, ruamel.yaml's ``CommentedMap`` when
migrating a file, so it must only read, set, insert or delete keys): to change the format, add
a step to the version it upgrades from in :data:`STEPS` (and raise :data:`CURRENT` for a new
version).

Version 2 differs from version 1 in ``schema_version`` and in refusing what version 1 wrongly
accepted (country codes that are not ISO 3166-1 alpha-2, malformed e-mail addresses), which the
loader refuses in either version: a map with such values is not upgraded, it is an error.
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from dataclasses import dataclass
from typing import Any

#: The version this release writes.
CURRENT = 2
#: The versions the loader reads (older ones are upgraded in memory).
READABLE: tuple[int, ...] = (1, 2)
#: The version of a map that does not say.
IMPLIED = 1


@dataclass(frozen=True, slots=True)
class Step:
    """One change from one version to the next, on the map's top-level mapping."""

    summary: str
    apply: Callable[[MutableMapping[str, Any]], None]


def _set_version(version: int) -> Callable[[MutableMapping[str, Any]], None]:
    def apply(data: MutableMapping[str, Any]) -> None:
        if "schema_version" in data:
            data["schema_version"] = version
        elif hasattr(data, "insert"):  # ruamel.yaml's CommentedMap: put it first, as maps do
            data.insert(0, "schema_version", version)
        else:
            data["schema_version"] = version

    return apply


#: version → the steps from it to the next version, in order. The last step of each sets
#: ``schema_version``.
STEPS: dict[int, tuple[Step, ...]] = {
    1: (Step("schema_version: 2", _set_version(2)),),
}


def version_of(data: MutableMapping[str, Any]) -> object:
    """The map's ``schema_version`` as written (:data:`IMPLIED` when it has none)."""
    return data.get("schema_version", IMPLIED)


def needs_upgrade(data: MutableMapping[str, Any]) -> bool:
    """True if ``data`` is in a readable version older than :data:`CURRENT`."""
    version = version_of(data)
    return (
        isinstance(version, int)
        and not isinstance(version, bool)
        and version in READABLE
        and version < CURRENT
    )


def upgrade(data: MutableMapping[str, Any]) -> list[str]:
    """Upgrade ``data`` in place to :data:`CURRENT`; returns the summary of each step applied.

    A map in a version this release does not read is left as it is (the model refuses it with
    a clear message)."""
    applied: list[str] = []
    while needs_upgrade(data):
        version = version_of(data)
        assert isinstance(version, int)
        for step in STEPS[version]:
            step.apply(data)
            applied.append(step.summary)
        if version_of(data) == version:  # pragma: no cover - a step list without its last step
            raise RuntimeError(f"the steps from version {version} do not set schema_version")
    return applied
