"""Work done when a map is loaded, counted rather than timed."""

from __future__ import annotations

import contextlib
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
    def paused() -> Iterator[None]:
        yield
        alive.append(data[0]() is not None)

    monkeypatch.setattr(loading, "parse", parse_weakly)
    monkeypatch.setattr(loading, "collector_paused", paused)
    datamap = hr.loads(HARMONIEN_YAML.read_text(encoding="utf-8"))
    assert datamap.activities
    assert alive == [False]
