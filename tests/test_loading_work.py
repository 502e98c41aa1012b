"""Work done when a map is loaded, counted rather than timed."""

from __future__ import annotations

import contextlib
import gc
import weakref
from collections.abc import Iterator
from typing import Any

import pytest
from support.paths import HARMONIEN_YAML

import harmonien_ropa as hr
from harmonien_ropa.source import loading
from harmonien_ropa.source.yamlbase import YamlDocument
from harmonien_ropa.source.yamlsource import parse


class _Data(dict[str, Any]):
    """The parsed data, in a type a weak reference can follow."""


def test_the_plain_data_is_freed_before_the_collector_resumes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Once the cyclic collector is back on it walks every object still alive: the parsed
    data, as large as the map, is gone by then."""
    alive: list[bool] = []
    data: list[weakref.ref[_Data]] = []

    def parse_weakly(text: str, path: str, **options: Any) -> YamlDocument:
        document = parse(text, path, **options)
        document.data = _Data(document.data)
        data.append(weakref.ref(document.data))
        return document

    @contextlib.contextmanager
    def paused(**options: bool) -> Iterator[None]:
        yield
        alive.append(data[0]() is not None)

    monkeypatch.setattr(loading, "parse", parse_weakly)
    monkeypatch.setattr(loading, "collector_paused", paused)
    datamap = hr.loads(HARMONIEN_YAML.read_text(encoding="utf-8"))
    assert datamap.activities
    assert alive == [False]


def test_the_loaded_map_is_moved_to_the_oldest_generation() -> None:
    """The collector's first passes after loading do not walk the map only to find it alive;
    nothing is left frozen."""
    assert gc.isenabled()
    assert not gc.get_freeze_count()
    datamap = hr.loads(HARMONIEN_YAML.read_text(encoding="utf-8"))
    assert gc.isenabled()
    assert not gc.get_freeze_count()
    oldest = {id(found) for found in gc.get_objects(generation=2)}
    assert id(datamap) in oldest
    assert all(id(activity) in oldest for activity in datamap.activities)
    assert not any(found is datamap for found in gc.get_objects(generation=0))


def test_a_frozen_map_stays_frozen_while_another_is_loaded() -> None:
    """The command line exempts its loaded map from the collector (``gc.freeze``); loading
    another map then leaves that as it is."""
    text = HARMONIEN_YAML.read_text(encoding="utf-8")
    first = hr.loads(text)
    gc.freeze()
    try:
        second = hr.loads(text)
        assert first == second
        assert gc.get_freeze_count()
        assert not any(found is first for found in gc.get_objects())  # still frozen
        assert any(found is second for found in gc.get_objects())  # not frozen
    finally:
        gc.unfreeze()


def test_the_country_codes_are_imported_once_for_all_codes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each country code of a map is checked against the table imported once (an import in
    every check took longer than the check)."""
    import builtins

    from harmonien_ropa.model import base

    base._country_codes.cache_clear()
    imported: list[str] = []
    real = builtins.__import__

    def counted(name: str, *args: Any, **kwargs: Any) -> Any:
        fromlist = args[2] if len(args) > 2 else kwargs.get("fromlist")
        if "countrycodes" in name or "countrycodes" in (fromlist or ()):
            imported.append(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", counted)
    datamap = hr.load(HARMONIEN_YAML)
    codes = sum(1 for party in datamap.parties) + sum(len(a.transfers) for a in datamap.activities)
    assert codes > 10
    assert len(imported) == 1
