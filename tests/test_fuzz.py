"""Fuzzing: valid maps always render; broken YAML always fails with a structured error.

The property everywhere: loading and rendering either succeed or raise ``LoadError`` /
``HarmonienError`` with positioned diagnostics, never anything else. The example counts come from
a hypothesis profile: ``HARMONIEN_FUZZ_PROFILE=fuzz`` (``make fuzz``) runs many more.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from hypothesis import given, settings
from hypothesis import strategies as st
from support.hardening import MODES, render_everything, to_yaml
from support.strategies import PROFILE, PROFILE_NAME, datamaps, hostile_maps, mutated

import harmonien_ropa as hr
from harmonien_ropa.checks import check

#: Each example renders in one mode (drawn) in the suite, in both under ``make fuzz``.
MODE_CHOICES = [tuple(MODES)] if PROFILE_NAME == "fuzz" else [(mode,) for mode in MODES]
MODE = st.sampled_from(MODE_CHOICES)


def _times(factor: int) -> settings:
    return settings(PROFILE, max_examples=PROFILE.max_examples * factor)


FIXTURES = Path(__file__).parent
_T = TypeVar("_T")
SOURCES = {
    "small": (FIXTURES / "fixtures" / "small.yaml").read_text(encoding="utf-8"),
    "minimal": (FIXTURES / "good_yaml" / "minimal.yaml").read_text(encoding="utf-8"),
    "anchors": (FIXTURES / "good_yaml" / "anchors_and_merge.yaml").read_text(encoding="utf-8"),
}


def _render_or_fail_cleanly(datamap: hr.DataMap, modes: tuple[str, ...]) -> None:
    with contextlib.suppress(hr.HarmonienError):
        render_everything(datamap, modes)


def _load_or_fail_cleanly(load: Callable[[], _T], text: str) -> _T | None:
    """The loaded map, or None after checking that the LoadError is well-formed."""
    try:
        return load()
    except hr.LoadError as error:
        failure = error
    assert failure.diagnostics
    lines = text.count("\n") + 2
    for diagnostic in failure.diagnostics:
        assert 0 <= diagnostic.line <= lines
        assert diagnostic.column >= 0
        assert diagnostic.code.startswith("ROPA0")
        assert diagnostic.message
    return None


@settings(PROFILE)
@given(datamaps(), MODE)
def test_valid_maps_render(data: dict[str, Any], modes: tuple[str, ...]) -> None:
    datamap = hr.from_data(data)
    files = render_everything(datamap, modes)
    assert files


@_times(3)
@given(datamaps())
def test_valid_maps_survive_a_round_trip_through_yaml(data: dict[str, Any]) -> None:
    datamap = hr.from_data(data)
    text = to_yaml(data, unicode=bool(len(data["activities"]) % 2))
    assert hr.loads(text) == datamap


@_times(5)
@given(st.sampled_from(sorted(SOURCES)).flatmap(lambda name: mutated(SOURCES[name])), MODE)
def test_mutated_yaml_loads_and_renders_or_fails_cleanly(text: str, modes: tuple[str, ...]) -> None:
    datamap = _load_or_fail_cleanly(lambda: hr.loads(text, "mutated.yaml"), text)
    if datamap is not None:
        _render_or_fail_cleanly(datamap, modes)


@_times(2)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_fail_cleanly(raw: bytes) -> None:
    path = Path(tempfile.gettempdir()) / f"harmonien-fuzz-{os.getpid()}.yaml"
    path.write_bytes(raw)
    try:
        datamap = _load_or_fail_cleanly(lambda: hr.load(path), raw.decode("utf-8", "replace"))
    finally:
        path.unlink()
    if datamap is not None:  # pragma: no cover - random bytes are hardly ever a data map
        _render_or_fail_cleanly(datamap, ("final",))


@settings(PROFILE, max_examples=max(PROFILE.max_examples // 2, 10))
@given(hostile_maps(), MODE)
def test_a_map_that_loads_and_checks_renders(data: dict[str, Any], modes: tuple[str, ...]) -> None:
    """Whatever a renderer cannot handle, load or check must report first (with a place):
    a map that loads is checked without an internal error and renders without any error."""
    from harmonien_ropa.source.loading import loads_with_positions

    text = to_yaml(data)
    loaded = _load_or_fail_cleanly(lambda: loads_with_positions(text, "hostile.yaml"), text)
    if loaded is None:
        return
    result = check(loaded)
    assert all(d.line >= 0 for d in result.findings)
    files = render_everything(loaded.datamap, modes)  # no HarmonienError either
    assert files
