"""The event builder (the usual path) reads exactly what the node builder (its fallback) reads."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support.paths import HARMONIEN_YAML, ROOT

import harmonien_ropa as hr
from harmonien_ropa.source import yamlbase, yamlnodes, yamlsource
from harmonien_ropa.source.yamlbase import YamlError
from harmonien_ropa.source.yamlsource import parse

LIMIT = 10**6
EXPANDED = 10**7


def _utf8(path: Path) -> bool:
    """Files in other encodings are refused before parsing, so neither builder sees them."""
    try:
        path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return False
    return True


YAML_FILES = [
    path
    for path in sorted(
        {*(ROOT / "tests").rglob("*.yaml"), *(ROOT / "data").glob("*.yaml")}, key=str
    )
    if _utf8(path)
]


def _outcome(build: Any, text: str) -> Any:
    try:
        document = build(text)
    except YamlError as exc:
        return ("error", [d.format() for d in exc.diagnostics])
    except yamlsource._NeedsNodes:
        return "fallback"
    return (
        "ok",
        repr(document.data),
        dict(document.positions.values),
        dict(document.positions.keys),
    )


def _both(text: str) -> tuple[Any, Any]:
    by_nodes = _outcome(lambda t: yamlnodes.parse_nodes(t, "f.yaml", LIMIT, EXPANDED), text)
    by_events = _outcome(
        lambda t: yamlsource._EventBuilder("f.yaml", t, LIMIT, EXPANDED).document(), text
    )
    return by_nodes, by_events


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_same_data_positions_and_problems_for_every_yaml_file(path: Path) -> None:
    by_nodes, by_events = _both(path.read_text(encoding="utf-8"))
    if by_events != "fallback":
        assert by_events == by_nodes


ATOMS = [
    "x", "1", "0123", "1.5", "yes", "NO", "~", "null", "''", "'q'", '"d"', "2024-01-01",
    "2024-13-45", "!!str 5", "!!int 7", "!foo bar", "!!python/name:os.system", "&a v", "*a",
    "=", "true", "-1_000", ".inf", "0x1f", "!!binary aGk=", "[1, 2]", "{a: 1}", "!!map {a: 1}",
    "!!seq [1]", "!!set {a}", "!!timestamp 2020-01-01", "!!bool yes", "&s [1]", "*s",
]  # fmt: skip
KEYS = ["a", "b", "a", "1", "true", "~", "!!str k", "!x k", "[k]", "{k: 1}", "=", "2020-01-01"]


def _flow(draw: st.DrawFn, depth: int) -> str:
    kind = draw(st.integers(0, 2)) if depth < 3 else 0
    if kind == 0:
        return draw(st.sampled_from(ATOMS))
    items = draw(st.integers(0, 3))
    if kind == 1:
        pairs = [f"{draw(st.sampled_from(KEYS))}: {_flow(draw, depth + 1)}" for _ in range(items)]
        return "{" + ", ".join(pairs) + "}"
    return "[" + ", ".join(_flow(draw, depth + 1) for _ in range(items)) + "]"


@st.composite
def documents(draw: st.DrawFn) -> str:
    lines = []
    for _ in range(draw(st.integers(1, 4))):
        key = draw(st.sampled_from(KEYS))
        if draw(st.booleans()):
            lines.append(f"{key}:")
            lines.extend(f"  - {_flow(draw, 1)}" for _ in range(draw(st.integers(1, 3))))
        else:
            lines.append(f"{key}: {_flow(draw, 0)}")
    return "\n".join(lines) + "\n"


@settings(max_examples=300, deadline=None)
@given(documents())
def test_event_builder_matches_node_builder(text: str) -> None:
    by_nodes, by_events = _both(text)
    if by_events != "fallback":
        assert by_events == by_nodes


def test_ordinary_maps_never_build_a_node_tree(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "bench" / "generate.py")
    assert spec is not None
    assert spec.loader is not None
    generate = importlib.util.module_from_spec(spec)
    sys.modules["bench_generate"] = generate
    spec.loader.exec_module(generate)

    def no_nodes(*args: object) -> None:
        raise AssertionError("the node tree was built")

    monkeypatch.setattr(yamlnodes, "parse_nodes", no_nodes)
    assert hr.loads(generate.generate(30, seed=3)).activities
    assert hr.load(HARMONIEN_YAML).activities


def test_scalar_aliases_read_as_their_anchor() -> None:
    document = parse("a: &d 2024-05-01\nb: [*d, *d]\n")
    day = dt.date(2024, 5, 1)
    assert document.data == {"a": day, "b": [day, day]}
    assert document.positions.values[("b", 1)] == (1, 4)  # where the anchored value is


@pytest.mark.parametrize("text", ["{a: {b: {c: d}}}\n", "a: [" + ", ".join(["x"] * 20) + "]\n"])
def test_node_limit_reported_alike_with_or_without_counting_first(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HARMONIEN_ROPA_MAX_NODES", "5")
    with pytest.raises(YamlError) as counted:
        yamlbase.prescan(text, "f.yaml", 5)
    with pytest.raises(YamlError) as built:
        yamlsource._EventBuilder("f.yaml", text, 5, EXPANDED).document()
    with pytest.raises(YamlError) as parsed:
        parse(text, "f.yaml")
    assert built.value.diagnostics == counted.value.diagnostics == parsed.value.diagnostics


def test_node_limit_is_configurable(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "a: [" + ", ".join(["x"] * 20) + "]\n"
    assert len(parse(text).data["a"]) == 20
    monkeypatch.setenv("HARMONIEN_ROPA_MAX_NODES", "10")
    with pytest.raises(YamlError) as caught:
        parse(text)
    (problem,) = caught.value.diagnostics
    assert (problem.line, problem.column, problem.code) == (
        1,
        26,
        "ROPA009",
    )  # the 11th value: the 8th x
    assert problem.message == "more than 10 values in one file"
    assert "HARMONIEN_ROPA_MAX_NODES" in (problem.fix or "")


def test_positions_views_and_lookup() -> None:
    document = parse("a:\n  b: [1, 2]\n  c: {d: x}\n")
    positions = document.positions
    assert positions.keys[("a", "c")] == (3, 3)
    assert positions.values[("a", "c", "d")] == (3, 10)
    assert ("a", "b", 0) not in positions.keys
    assert len(positions.values) == 7
    assert len(positions.keys) == 4
    assert positions.find(("a", "b", 5)) == (2, 6)
    assert positions.find(("a", "c", "e"), key=True) == (3, 3)
    assert positions.find(("zzz",)) == (1, 1)


def test_positions_are_skipped_on_request_and_found_again_for_problems(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "organisation:\n  name: x\nactivities: []\n"
    assert len(parse(text).positions.values) == 4
    monkeypatch.setattr(yamlsource, "native_data", lambda *args, **options: (False, None))
    document = parse(text, positions=False)
    assert document.positions._fill is not None  # not read yet
    assert len(document.positions.values) == 4
    with pytest.raises(hr.LoadError) as caught:
        hr.loads(text + "bogus: 1\n", "m.yaml")
    assert any(d.line == 4 and d.code == "ROPA003" for d in caught.value.diagnostics)


#: Every character up to U+00FF, and some beyond that the search finds or passes over.
_CHARACTERS = [chr(code) for code in range(256)] + list("\u2013\u2028\u2029\u202e\ufeff\uffff")


@given(
    st.text(alphabet="ab :-\n", max_size=40),
    st.lists(st.tuples(st.integers(0, 40), st.sampled_from(_CHARACTERS)), max_size=3),
    st.integers(1, 8),
)
@settings(max_examples=300, deadline=None)
def test_the_first_special_character_is_found_as_the_search_finds_it(
    text: str, inserted: list[tuple[int, str]], chunk: int
) -> None:
    """The search of Latin-1 text by bytes, a chunk at a time (chunks of a few characters
    here, so that characters fall on every side of their edges), finds the character the
    regular expression finds first."""
    for at, char in inserted:
        text = text[:at] + char + text[at:]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(yamlsource, "_CHUNK", chunk)
        found = yamlsource._survey(text)[0]
    expected = yamlsource._SPECIAL.search(text)
    assert (found and found.start()) == (expected and expected.start())


def test_a_lone_surrogate_beyond_latin1_text_is_found() -> None:
    text = "a: b\n" * 10 + "c: \ud800\n"
    assert yamlsource._survey(text)[0] is not None
    assert yamlsource._survey(text.replace("\ud800", "\u2013"))[0] is None
