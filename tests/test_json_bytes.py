"""``json_bytes`` writes exactly what ``json.dumps(indent=2, sort_keys=True)`` writes, faster."""

from __future__ import annotations

import enum
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import harmonien_ropa as hr
from harmonien_ropa.flows import graph as g
from harmonien_ropa.outputs import fastpaths, model_json
from harmonien_ropa.outputs.model_json import json_bytes


def reference(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()


_leaves = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=12)
)
_values = st.recursive(
    _leaves,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.tuples(inner, inner),
        st.dictionaries(st.text(max_size=6), inner, max_size=4),
    ),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(_values)
def test_same_text_as_json_dumps(value: Any) -> None:
    assert json_bytes(value) == reference(value)


class Colour(enum.IntEnum):
    RED = 1


@pytest.mark.parametrize(
    "value",
    [{1: "a", 2: "b"}, {"x": Colour.RED}, [Colour.RED, {"k": 1.5}], {"a": {"b": {}}}, [[], ()]],
)
def test_unusual_values_fall_back_to_json(value: Any) -> None:
    assert json_bytes(value) == reference(value)


def test_graph_json_unchanged(harmonien: hr.DataMap) -> None:
    data = g.node_link(g.build(harmonien))
    assert json_bytes(data) == reference(data)


def test_written_in_pieces_is_the_same(
    monkeypatch: pytest.MonkeyPatch, harmonien: hr.DataMap
) -> None:
    data = g.node_link(g.build(harmonien))
    data["deep"] = [{"ø": [[], {}, ["æ\u2028x", None, 1.5]]}] * 3
    monkeypatch.setattr(fastpaths.Utf8Parts, "LIMIT", 1)
    assert json_bytes(data) == reference(data)


@pytest.mark.parametrize("items", [[], [1, {"a": [2]}], ["x"] * 3])
def test_lazy_lists_are_written_like_lists(items: list[Any]) -> None:
    value = {"lazy": model_json.Lazy(lambda: iter(items)), "plain": items}
    assert json_bytes(value) == reference({"lazy": items, "plain": items})
    unusual = {"lazy": model_json.Lazy(lambda: iter(items)), "enum": Colour.RED}
    assert json_bytes(unusual) == reference({"lazy": items, "enum": Colour.RED})
