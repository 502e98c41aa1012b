"""Positions located in the text one by one (``source/yamllocate.py``) are the event reader's:
for every key and value of every map the native reader takes, and for locations that are not
there (the nearest ancestor's); and a check asks for no full pass over the events."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from support.paths import HARMONIEN_YAML, ROOT
from support.synthetic import synthetic_dict
from test_yaml_events import YAML_FILES
from test_yaml_native import _bench_generate, _block, documents

from harmonien_ropa.checks import REPORTERS, check
from harmonien_ropa.source import yamllocate, yamlpositions, yamlsource
from harmonien_ropa.source.loading import LoadedMap, loads_with_positions
from harmonien_ropa.source.positions import Loc, Positions
from harmonien_ropa.source.yamlbase import YamlError
from harmonien_ropa.source.yamllocate import LocatedPositions
from harmonien_ropa.source.yamlnative import native_data

LIMIT = 10**6
EXPANDED = 10**7

#: YAML beyond the tests' own .yaml files: the packaged examples, the tutorial's maps and the
#: Fides fixtures.
MORE_FILES = [
    ROOT / "harmonien_ropa" / "checks" / "example.yaml",
    ROOT / "docs" / "tutorial" / "starter.yaml",
    ROOT / "docs" / "tutorial" / "choir.yaml",
    ROOT / "harmonien_ropa" / "source" / "catalogue" / "vendors.yaml",
    *sorted((ROOT / "tests" / "fixtures").rglob("*.yml")),
]


def _expected(text: str) -> Positions | None:
    """The event reader's positions, or None when the native reader does not take ``text``."""
    if not native_data(text, LIMIT, EXPANDED)[0]:
        return None
    try:
        return yamlsource._EventBuilder("f.yaml", text, LIMIT, EXPANDED).document().positions
    except (yamlsource._NeedsNodes, YamlError):  # pragma: no cover - the native reader took it
        pytest.fail("the native reader took a text the event reader does not read")


def _located(text: str) -> LocatedPositions:
    positions = yamlsource.parse(text, "f.yaml", positions=False).positions
    assert isinstance(positions, LocatedPositions)
    return positions


def _asked(expected: Positions) -> list[Loc]:
    """Every location of the table, and locations that are not there below each of them."""
    locs = list(expected.values)
    absent: list[Loc] = [("absent",), (0,), (10**9,), (-1,), (True,)]
    for loc in locs:
        absent += [(*loc, "absent"), (*loc, 0), (*loc, 10**6), (*loc, "absent", 1), (*loc, -1)]
        if loc and isinstance(loc[-1], int):
            absent.append((*loc[:-1], loc[-1] + 1))
            absent.append((*loc[:-1], str(loc[-1])))
    return locs + absent


def _same(text: str, *, order: int = 1) -> bool:
    """The located positions answer as the event reader's for every location asked (in the
    table's order, or reversed); True when the native reader took ``text`` and the locator
    did not give up."""
    expected = _expected(text)
    if expected is None:
        return False
    located = _located(text)
    for loc in _asked(expected)[::order]:
        for key in (False, True):
            assert located.find(loc, key=key) == expected.find(loc, key=key), (loc, key)
    return located._fill is not None  # the full table was never read


@pytest.mark.parametrize(
    "path", [*YAML_FILES, *MORE_FILES], ids=lambda p: str(Path(p).relative_to(ROOT))
)
def test_every_yaml_file_located_alike(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    _same(text)
    _same(text, order=-1)


def test_harmonien_located_alike_without_the_full_table() -> None:
    text = HARMONIEN_YAML.read_text(encoding="utf-8")
    assert _same(text)
    assert _same(text.replace("\n", "\r\n"))  # line breaks as Windows writes them


@pytest.mark.parametrize("seed", [1, 2])
def test_generated_maps_located_alike_without_the_full_table(seed: int) -> None:
    text = _bench_generate().generate(30, seed=seed)
    assert _same(text)
    assert _same(text, order=-1)


def test_synthetic_map_located_alike_without_the_full_table() -> None:
    text = yaml.safe_dump(synthetic_dict(20), sort_keys=False, allow_unicode=True)
    # PyYAML quotes dates, which the native reader leaves to the event reader: written plain
    text = re.sub(r"'([0-9]{4}-[0-9]{2}-[0-9]{2})'", r"\1", text)
    assert _same(text)
    assert _same(text, order=-1)


@settings(max_examples=300, deadline=None)
@given(documents())
def test_tricky_scalars_located_alike(text: str) -> None:
    _same(text)


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_nested_maps_located_alike(data: st.DataObject) -> None:
    text = "\n".join(data.draw(st.composite(lambda draw: _block(draw, 0, 0))())) + "\n"
    _same(text)
    _same(text, order=-1)


_KEYS = st.sampled_from(["a", "b c", "yes", "it's", 'say "x"', "k: v", "#k", "-k", "é", "7", ""])
_TEXTS = st.sampled_from(
    ["x", "two words", "a: b", "x #y", "'q'", "", "line\nbreak", "word " * 30, "- x", "*x"]
)
_DATA = st.recursive(
    _TEXTS | st.integers(-5, 5) | st.booleans() | st.none(),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(_KEYS, inner, min_size=1, max_size=4)
    ),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(_KEYS, _DATA, min_size=1, max_size=4),
    st.sampled_from([2, 3, 4]),
    st.sampled_from([False, None]),
    st.sampled_from([20, 80]),
)
def test_dumped_maps_located_alike(data: Any, indent: int, flow: Any, width: int) -> None:
    """Maps as PyYAML writes them: indentless lists, flow collections, text folded over lines,
    quoted keys and values."""
    text = yaml.safe_dump(data, indent=indent, default_flow_style=flow, width=width)
    _same(text)
    _same(text, order=-1)


@pytest.mark.parametrize(
    "text",
    [
        # empty values (at the end of their ':' or '-'), comments, blank lines, indentless lists
        "a:\n  - x\n  -\n  - |\n    t\nb: # c\n\nc: &z q\nd: *z\ne:\n- 1\n-   k: v\n    j:\n",
        "a:\n# shallower comment\n  b: 1\n# again\n  c:\n    - x\n  # here\n    - y\nd: 2\n",
        "x: {}\ny: [ ]\nz:",
        "f0: &f w\nk: [a, {b: c, 'd': [e, *f]}, \"g\"]\n",
        "'q k': 1\n\"d k\": 2\nit''s: 3\n'it''s': 4\n",
        "a:\n  b:\n  c: 1\n  d:\n  - 1\n  e:\n",
        "- a: 1\n  b:\n    - c\n- - x\n",  # a list on its parent item's line: the full table
        "a: 'two\nlines'\nb: 1\n",  # quoted text over lines: the full table
        "a: &k b: c\n",
        "a: &k x\nb:\n  - *k : c\n  - *k\n",  # an alias as a key: the full table
        "list:\n- >-\n  folded\n  text\n- plain\n  continued\n-\n- last\n",
        "  indented: 1\n  root: 2\n",
        "a: x #: not a key\nb: y\n",
        "a: 1\n# a comment: 'not closed\nb:\n  # see: \"x\n  c: 2\n",  # located
        "a: 'x' # c: 'y\n",  # a comment after a value: the full table
        "a:\n  x #: y\n",
        # a value on the next line, or after a blank line, a comment or spaces; a key's ':'
        # at the end of the text; a first key asked that another key starts
        "a:\n  b: 1\n  c:\n\n    d: 2\n  e:\n    # note\n    f: 3\ng: \n  h: 4\n",
        "a:\n  b: 1\n  c:\nd:",
        "x:\n  bb: 1\n  b: 2\ny:\n  b:c: 1\n  b: 2\nz:\n  'b': 1\n  c: 2\n",
        "list:\n-\n  a: 1\n-\n\n  b: 2\n- c:\n  - 3\nk:\n- 4\n",
    ],
)
def test_written_forms_located_alike(text: str) -> None:
    _same(text)
    _same(text, order=-1)


def test_comments_and_closed_quotes_are_located() -> None:
    assert _same("a: 1\n# a comment: 'not closed\nb:\n  # see: \"x\n  c: 2\n")
    assert _same("a: 'x'\nb: \"it's\"\nc: \"rock 'n\" # 'x\nd: text with 'quotes\n")


def test_uncertain_text_falls_back_to_the_full_table() -> None:
    text = "a: 'two\n  lines'\nb: 1\n"
    located = _located(text)
    assert located.find(("b",)) == (3, 4)
    assert located._fill is None  # given up: the full table answered


def _generated(activities: int) -> str:
    return str(_bench_generate().generate(activities, seed=3))


def test_check_reads_no_full_table_and_reports_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    text = _generated(300)
    expected = yamlsource._EventBuilder("m.yaml", text, LIMIT, EXPANDED).document().positions

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("a full pass over the events")

    monkeypatch.setattr(yamlpositions, "read_positions", refuse)
    monkeypatch.setattr(yamlsource._EventBuilder, "document", refuse)
    loaded = loads_with_positions(text, "m.yaml")
    assert isinstance(loaded.positions, LocatedPositions)
    result = check(loaded)
    assert len(result.findings) > 100
    by_events = check(LoadedMap(loaded.datamap, expected, "m.yaml"))
    for form in ("text", "json"):
        assert REPORTERS[form](result) == REPORTERS[form](by_events)


def _count_reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many characters each search of the locator's patterns reads, noted as it runs."""
    read: list[int] = []
    original = yamllocate._pattern

    class Counting:
        def __init__(self, pattern: Any) -> None:
            self.pattern = pattern

        def search(self, string: str, pos: int, endpos: int) -> Any:
            found = self.pattern.search(string, pos, endpos)
            read.append((found.end() if found else endpos) - pos)  # the text read
            return found

        def finditer(self, string: str, pos: int, endpos: int) -> Any:
            read.append(endpos - pos)
            return self.pattern.finditer(string, pos, endpos)

    monkeypatch.setattr(yamllocate, "_pattern", lambda *a: Counting(original(*a)))
    return read


def test_lookups_are_bounded_by_what_is_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    """A list's items are found once; a lookup below an item searches that item's text."""
    text = _generated(200)
    located = _located(text)
    searched = _count_reads(monkeypatch)
    located.find(("activities", 150, "purpose"))
    first = sum(searched)
    searched.clear()
    for index in range(100, 110):
        located.find(("activities", index, "purpose"))
        located.find(("activities", index, "no such key"))
    assert located._fill is not None
    # each further item: its own text only (a few kB), never the list's again
    assert sum(searched) < first / 10
    assert max(searched) < 20_000


def test_many_lookups_in_one_long_mapping_read_it_a_few_times(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    keys = [f"key{index}" for index in range(2000)]
    text = "settings:\n" + "".join(f"  {key}: [1, 2]\n" for key in keys)
    read = _count_reads(monkeypatch)
    expected = _expected(text)
    assert expected is not None
    located = _located(text)
    for key in reversed(keys):
        for loc in (("settings", key, 1), ("settings", key, "absent")):
            assert located.find(loc) == expected.find(loc)
    assert located._fill is not None
    assert sum(read) < 12 * len(text)  # not once per key


#: Keys: plain with spaces, quotes, '#' or ':' inside, quoted (with ': ', '- ', '#'), unicode.
_ODD_KEYS = [
    *["a", "b c", "it's", "é", "k#x", "a:b", "x-y"],
    *["'q: k'", '"- d"', "'#h'", "'7'", '"yes"'],
]
_ODD_VALUES = [
    *["x", "two words", "-1", "'q'", "'it''s'", '"a: b"', "''", "x:y", "a - b", "é", "multi\nline"],
    *["[]", "{ }", "[a, 'b, c', [d, []], {e: f}]", "{'g h': [i], j: {}}", "[ x , ]"],
]
#: After a value or a key: nothing, or comments that look like keys, items or open quotes.
_ODD_COMMENTS = ["", "", " # c", " #: x", " # - y", " # 'q", ' # "q', "  # a: b"]
#: Between entries: blank lines (with spaces) and comments at any column.
_ODD_BETWEEN = [[], [], [""], ["   "], ["# top: 'x"], ['      # - "y'], [" #"]]
_BLOCK_HEADERS = ["|", "|-", ">", ">-", "|+"]
_BLOCK_LINES = ["k: v", "- item", "text", "", "# not a comment", "'open"]


def _odd_value(draw: st.DrawFn, column: int, anchors: list[str]) -> list[str]:
    """A value's text (its first line goes on after its ':' or '-'), then its further lines;
    ``column``: the column of what owns it, ``anchors``: the names defined so far."""
    kind = draw(st.integers(0, 9))
    if kind == 0:  # a block scalar whose text looks like keys, items and comments
        header = draw(st.sampled_from(_BLOCK_HEADERS)) + draw(st.sampled_from(["", " # c"]))
        lines = draw(st.lists(st.sampled_from(_BLOCK_LINES), min_size=1, max_size=3))
        pad = " " * (column + 2)
        return [header, *[pad + line if line else "" for line in ["t", *lines]]]
    if kind == 1 and anchors:
        return [f"*{draw(st.sampled_from(anchors))}"]
    if kind == 2:
        anchors.append(f"n{len(anchors)}")
        anchored = draw(st.sampled_from(["v", "w x", "'q'"]))
        return [f"&{anchors[-1]} {anchored}"]
    value = draw(st.sampled_from(_ODD_VALUES)) + draw(st.sampled_from(_ODD_COMMENTS))
    first, *rest = value.split("\n")
    return [first, *[" " * (column + 2) + line for line in rest]]


def _odd_block(draw: st.DrawFn, column: int, depth: int, anchors: list[str]) -> list[str]:
    """Lines of a block mapping or list at ``column``: nested collections on the next lines
    (lists at their key's column too) or on an item's line, empty values, odd keys, comments."""
    pad = " " * column
    as_list = draw(st.booleans())
    keys = draw(st.lists(st.sampled_from(_ODD_KEYS), min_size=1, max_size=10 if depth == 0 else 3))
    lines: list[str] = []
    for index, key in enumerate(keys):
        lead = pad + ("-" + " " * draw(st.integers(1, 3)) if as_list else f"{key}{index}: ")
        if key.startswith(("'", '"')) and not as_list:  # a quoted key: its index inside
            lead = f"{pad}{key[:-1]}{index}{key[-1]}: "
        shape = draw(st.integers(0, 5)) if depth < 3 else 5
        if shape == 0:  # empty
            lines.append(lead.rstrip() + draw(st.sampled_from(_ODD_COMMENTS)))
        elif shape in (1, 2):  # a collection on the next lines
            lines.append(lead.rstrip() + draw(st.sampled_from(_ODD_COMMENTS)))
            lines.extend(draw(st.sampled_from(_ODD_BETWEEN)))
            deeper = draw(st.sampled_from([1, 2, 4] if as_list else [0, 2, 3]))
            nested = _odd_block(draw, column + deeper, depth + 1, anchors)
            if deeper == 0 and not nested[0].lstrip().startswith("-"):
                nested = [" " * (column + 2) + line for line in nested]
            lines.extend(nested)
        elif shape == 3 and as_list:  # a mapping on the item's line
            nested = _odd_block(draw, len(lead), depth + 1, anchors)
            if nested[0].lstrip().startswith("-"):
                nested = [lead + "x"]
            lines.extend([lead + nested[0][len(lead) :], *nested[1:]])
        else:
            first, *rest = _odd_value(draw, len(lead) - 2 if as_list else column, anchors)
            lines.extend([lead + first, *rest])
        lines.extend(draw(st.sampled_from(_ODD_BETWEEN)))
    return lines


@st.composite
def odd_documents(draw: st.DrawFn) -> str:
    """A block mapping or list at column 0 or 2, after a comment or a blank line, LF or CR LF."""
    lines = _odd_block(draw, draw(st.sampled_from([0, 0, 2])), 0, [])
    text = "\n".join(draw(st.sampled_from([[], ["# head"], ["  "]])) + lines)
    text += draw(st.sampled_from(["\n", "", "\n\n", "\n# end"]))
    return text.replace("\n", "\r\n") if draw(st.booleans()) else text


@settings(max_examples=200, deadline=None)
@given(odd_documents(), st.randoms(use_true_random=False))
def test_odd_documents_located_alike_in_any_order(text: str, random: Any) -> None:
    """Comments, blank lines, empty values, odd keys, block scalars, flow collections, anchors
    and aliases; each location asked once, in any order (deep before shallow, siblings out of
    order), with indexes as bools, floats, negative or past the end."""
    expected = _expected(text)
    if expected is None:
        return
    asked: list[tuple[Any, ...]] = list(_asked(expected))
    for loc in list(expected.values):
        asked += [(*loc, True), (*loc, False), (*loc, 1.0), (*loc, 2.5)]
    random.shuffle(asked)
    located = _located(text)
    for loc in asked:
        for key in (False, True):
            assert located.find(loc, key=key) == expected.find(loc, key=key), (loc, key)


def test_check_reports_alike_with_comments_and_blank_lines_everywhere() -> None:
    """Harmonien's map with a comment or a blank line of spaces after every third line, at
    every column (looking like keys, items and quotes): the check's report, its lines and
    columns, is the one the full table gives, and the full table is never read."""
    lines = HARMONIEN_YAML.read_text(encoding="utf-8").split("\n")
    odd = ["# k: v", "# - x", "#: 'y", "", "   "]
    entry = re.compile(r"[ ]*(?:- )*[\w-]+:(?: |$)")
    text = "\n".join(
        f"{' ' * (index % 9)}{odd[index % len(odd)]}\n{line}"
        if index % 3 == 0 and entry.match(line) and not lines[index - 1].endswith(("|", ">", "-"))
        else line
        for index, line in enumerate(lines)
    )
    loaded = loads_with_positions(text, "m.yaml")
    assert isinstance(loaded.positions, LocatedPositions)
    result = check(loaded)
    assert loaded.positions._fill is not None
    expected = yamlsource._EventBuilder("m.yaml", text, LIMIT, EXPANDED).document().positions
    by_events = check(LoadedMap(loaded.datamap, expected, "m.yaml"))
    assert result.findings
    assert REPORTERS["json"](result) == REPORTERS["json"](by_events)


@pytest.mark.parametrize(
    "text",
    [
        # a key that begins another, its plain form in a comment, in a value, deeper, in a
        # block scalar and quoted; keys that read as something else
        "ab: 1\na-b: 2\n# a: 0\nc: 'a: x'\nd:\n  ab:\n    a: 3\n  'a b': 4\n  ax: |\n"
        "    a: 6\n  a: 7\n",
        "x:\n  kk: 1\n  'k': 2\n  \"q\": 3\n  q2: 4\n  '7': 5\n  yes: 6\n  k-: 7\n",
        "- a: 1\n  b: 2\n  a b:\n    a: x\n- b: 3\n  a: 4\n  ab: 5\n",
    ],
)
def test_keys_written_plain_located_alike(text: str) -> None:
    assert _same(text)
    assert _same(text, order=-1)


def test_a_lookup_searches_a_list_once_and_finds_plain_keys_without_a_pattern(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A list's items and its end are found in one search of its text; a key written plain is
    found by a plain search (no regular expression of its forms), and the first key of a
    mapping with its value on the key's line needs no search for the mapping's end."""
    kinds: list[str] = []
    original = yamllocate._pattern

    def noting(kind: str, *args: Any) -> re.Pattern[str]:
        kinds.append(kind)
        return original(kind, *args)

    monkeypatch.setattr(yamllocate, "_pattern", noting)
    text = _generated(60)
    located = _located(text)
    expected = _expected(text)
    assert expected is not None
    asked: list[tuple[Loc, bool]] = [
        (("activities", index, "legal_basis"), True) for index in range(0, 60, 3)
    ]
    asked += [(("activities", index, "dpia", "status"), True) for index in range(0, 60, 7)]
    for loc, key in asked:
        assert located.find(loc, key=key) == expected.find(loc, key=key)
    assert located._fill is not None
    assert kinds.count("items") == 1  # the activities, once
    assert "key" not in kinds
    assert "line" not in kinds
    assert "map-end" not in kinds  # each dpia's status: its first key, with its value


def _open_quote_by_search(text: str) -> bool:
    """:func:`yamllocate._open_quote` as each pattern's search over the whole text reads it."""
    first = yamllocate._SPACES.match(text)
    assert first is not None
    if yamllocate._UNCLOSED_FIRST.match(text, first.end()):
        return True
    for unclosed in yamllocate._UNCLOSED:
        for found in unclosed.finditer(text):
            line = text.rfind("\n", 0, found.start()) + 1
            if yamllocate._NODE_START.match(text[line : found.start()]):
                return True
    return False


@pytest.mark.parametrize(
    "text",
    [
        "a: it's\nb: 'x'\nc: \"y\" # 'z\n",
        "a: x 'y\nb: 'z\n  w'\n",
        "- 'a\n  b'\n",
        "a: |\n  'not closed\nb: \"it''s\n",
        "a: 'x'' y'\nb: ''''\nc: \"\"\nd: ' '' \n",
        "# 'comment\n'q': 1\n\"r\": 2\n",
        "a: b 'c' 'd\ne: \"f\" g \"h\n",
        "x: 'a' #'b\n  - 'c\n",
    ],
)
def test_open_quotes_found_as_each_pattern_searched(text: str) -> None:
    for variant in (text, text.replace("\n", "\r\n"), text * 3, "  " + text):
        assert yamllocate._open_quote(variant) == _open_quote_by_search(variant)


@settings(max_examples=200, deadline=None)
@given(odd_documents())
def test_open_quotes_of_odd_documents_found_as_each_pattern_searched(text: str) -> None:
    assert yamllocate._open_quote(text) == _open_quote_by_search(text)


class _CountingPattern:
    """A compiled pattern whose matches are counted."""

    def __init__(self, pattern: re.Pattern[str], counts: list[str]) -> None:
        self.pattern, self.counts = pattern, counts

    def match(self, *args: Any) -> re.Match[str] | None:
        self.counts.append(self.pattern.pattern)
        return self.pattern.match(*args)


def test_common_values_located_without_a_pattern_for_each(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A key followed by its ':', a value on the next line and a first key asked for are found
    without the patterns that read every other form: none of those patterns is tried for the
    places of a generated map's check, whose answers are still the event reader's."""
    text = _generated(120)
    counts: list[str] = []
    for name in ("_COLON", "_REST", "_BLANK_LINES"):
        monkeypatch.setattr(yamllocate, name, _CountingPattern(getattr(yamllocate, name), counts))
    loaded = loads_with_positions(text, "m.yaml")
    found = check(loaded)
    assert len(found.findings) > 100
    assert len(counts) <= 1  # the root's start
    expected = yamlsource._EventBuilder("f.yaml", text, LIMIT, EXPANDED).document().positions
    monkeypatch.undo()
    located = _located(text)
    for loc in list(expected.values)[::7]:
        assert located.find(loc, key=True) == expected.find(loc, key=True), loc
