"""The native reader (yaml-rs behind the checks of ``source/yamlnative.py``) reads exactly what
the event reader reads: the same data, value types included, and the same positions; whatever
it cannot prove alike goes to the event reader."""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support.paths import HARMONIEN_YAML, ROOT
from test_hostile_yaml import WORK_PER_BYTE
from test_yaml_events import YAML_FILES

import harmonien_ropa as hr
from harmonien_ropa.model.base import text_is_writable
from harmonien_ropa.source import census, yamlnative, yamlpositions, yamlsource
from harmonien_ropa.source.census import COUNTED, Census, Sparse, scan
from harmonien_ropa.source.loading import from_document, loads_with_positions
from harmonien_ropa.source.yamlbase import YamlError
from harmonien_ropa.source.yamlsource import parse

LIMIT = 10**6
EXPANDED = 10**7


def _typed(value: Any) -> Any:
    """``value`` with the type of every part (so 1, 1.0 and True differ)."""
    if isinstance(value, dict):
        return ("dict", [(_typed(k), _typed(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [_typed(v) for v in value])
    return (type(value).__name__, repr(value))


def _plain(text: str) -> Any:
    """What the event reader (or its node fallback) gives: data and positions, or the problems."""
    try:
        document = yamlsource._EventBuilder("f.yaml", text, LIMIT, EXPANDED).document()
    except yamlsource._NeedsNodes:
        from harmonien_ropa.source.yamlnodes import parse_nodes

        try:
            document = parse_nodes(text, "f.yaml", LIMIT, EXPANDED)
        except YamlError as exc:
            return ("error", [d.format() for d in exc.diagnostics])
    except YamlError as exc:
        return ("error", [d.format() for d in exc.diagnostics])
    return ("ok", _typed(document.data), document.positions._table)


def _native(text: str) -> Any:
    """What the native reader gives, or None when it leaves the text to the event reader."""
    taken, data = yamlnative.native_data(text, LIMIT, EXPANDED)
    if not taken:
        return None
    positions = yamlsource.parse(text, "f.yaml", positions=False).positions
    return ("ok", _typed(data), positions._table)


def _same_or_declined(text: str) -> bool:
    """The native reader reads ``text`` as the event reader does, or declines; True if read."""
    native = _native(text)
    if native is not None:
        assert native == _plain(text)
    return native is not None


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_yaml_file_reads_alike(path: Path) -> None:
    _same_or_declined(path.read_text(encoding="utf-8"))


def _bench_generate() -> Any:
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "bench" / "generate.py")
    assert spec is not None
    assert spec.loader is not None
    generate = importlib.util.module_from_spec(spec)
    sys.modules["bench_generate"] = generate
    spec.loader.exec_module(generate)
    return generate


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_generated_maps_are_read_natively_and_alike(seed: int) -> None:
    text = _bench_generate().generate(40, seed=seed)
    assert _same_or_declined(text)


def test_harmonien_is_read_natively_and_alike() -> None:
    text = HARMONIEN_YAML.read_text(encoding="utf-8")
    assert _same_or_declined(text)
    assert _same_or_declined(text.replace("\n", "\r\n"))  # line breaks as Windows writes them
    assert not _same_or_declined(text.replace("\n", "\r", 1))  # a lone CR: the event reader


#: Scalars where YAML 1.1, YAML 1.2 and the two readers could part ways.
SCALARS = [
    "x", "NO", "yes", "on", "True", "TRUE", "false", "null", "Null", "~", "~x", "", "0", "-0",
    "7", "-7", "+7", "0123", "00", "-0123", "1_000", "0x1F", "0o17", "0b1", "1e5", "1.5e+3",
    "1.", ".5", "-.5", "1.50", "'2024-05-01'", '"10:00:00"', "'2024-05-01 10:00:00'", "01.5", ".inf", "-.inf", ".nan", ".NaN", "inf", "nan", "12:30",
    "190:20:30", "2024-05-01", "2024-02-30", "2024-13-01", "2024-5-1", "2024-05-01 10:00",
    "2024-05-01 10:00:00", "2024-05-01T10:00:00Z", "2024-05-01t10:00:00+02:00",
    "123456789012345678", "1234567890123456789", "9" * 40, "'0123'", '"1e5"', "'it''s'",
    '"a\\tb\\u00e9\\x41"', "a #c", "a#b", "=", ".example.org", "- x", "gruppe 2)", "1,5", "1 2",
    "!foo x", "!!str 5", "&a x", "*a", "&a.b x", "*a.b", "&a:b x", "[1, 02]", "{k: 1.0}", "[2024-01-01, x]", "|\n  t\n   u",
    ">-\n  t\n\n  u", "'x\n\n  y'", '"x\n  y"', "x\n  y",
]  # fmt: skip
#: The usual values of a map, read natively (so that most documents test the native reader).
USUAL = [
    "x", "NO", "yes", "True", "null", "~", "", "0", "-7", "1.50", "2024-05-01", "2024-02-30",
    "'0123'", '"1e5"', "'it''s'", "'2024-05-01'", '"1:00:00"', "a #c", "a#b", ".example.org", "gruppe 2)", "1,5", "1 2",
    "&a x", "*a", "[1, x]", "{k: 1.0, j: [a, 'b']}", "[2024-01-01, x]", "|\n  t\n   u",
    ">-\n  t\n\n  u", "|+\n  t\n", "x\n  y", '"x\n  y"', "'x\n\n  y'", "[]", "{}", "[b: 1]",
    "{b}", "[a, [b, {c: d}]]", "{a: [1, 2], 'b': \"c\"}",
]  # fmt: skip
KEYS = [
    "a", "b", "a", "1", "true", "Null", "~", "0123", "2020-01-01", "'1'", '"k"', "k x", "[k]",
    "{k: 1}", "[k, {j: 1}]",
]  # fmt: skip


@st.composite
def documents(draw: st.DrawFn) -> str:
    lines = []
    anchored = False
    for _ in range(draw(st.integers(1, 5))):
        key = draw(st.sampled_from(KEYS[:3] if draw(st.booleans()) else KEYS))
        value = draw(st.sampled_from(USUAL if draw(st.integers(0, 4)) else SCALARS))
        if value.startswith("*") and not anchored:
            value = "x"
        anchored = anchored or value.startswith("&a")
        if draw(st.booleans()):
            lines.append(f"{key}:")
            lines.append(f"  - {value}".replace("\n", "\n    "))
        else:
            lines.append(f"{key}: {value}".replace("\n", "\n  "))
    return "\n".join(lines) + "\n"


@settings(max_examples=400, deadline=None)
@given(documents())
def test_tricky_scalars_read_alike_or_declined(text: str) -> None:
    _same_or_declined(text)


def _block(draw: st.DrawFn, indent: int, depth: int) -> list[str]:
    """Lines of a block mapping or list at ``indent``, with comments, blank lines and anchors."""
    pad = " " * indent
    lines: list[str] = []
    as_list = draw(st.booleans())
    for index in range(draw(st.integers(1, 3))):
        lead = f"{pad}- " if as_list else f"{pad}{draw(st.sampled_from(['a', 'b', 'c']))}{index}: "
        if depth < 3 and draw(st.integers(0, 2)) == 0:
            lines.append(lead.rstrip())
            lines.extend(_block(draw, indent + draw(st.sampled_from([0, 2, 4])), depth + 1))
            continue
        value = draw(st.sampled_from(USUAL))
        if value.startswith("*"):
            value = "x"
        if value.startswith("&a"):
            value = f"&a{indent}{index}{depth} x"
        deeper = " " * (len(lead) + 2)
        lines.append(lead + value.replace("\n", "\n" + deeper))
        lines.extend(draw(st.sampled_from([[], [""], [f"{pad}# note"]])))
    return lines


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_nested_maps_read_alike_with_the_same_positions(data: st.DataObject) -> None:
    text = "\n".join(data.draw(st.composite(lambda draw: _block(draw, 0, 0))())) + "\n"
    _same_or_declined(text)


@pytest.mark.parametrize(
    "text",
    [
        "a: 0123\n", "a: 1e5\n", "a: .inf\n", "1: x\n", "true: x\n", "a: !foo x\n",
        "a: 2024-05-01 10:00\n", "a: " + "9" * 19 + "\n", "<<: {a: 1}\n", "a:\tx\n",
        "a: &x [1]\nb: *x\n", "a: [[[[[[[[[1]]]]]]]]]\n", "a: {[x]: 1}\n", "[x]: 1\n",
        "a: {{b: 1}: 2}\n", "a: &a.b x\nb: *a.b\n", "a: &a:b x\n",
        "a: {en:? x}\n", "a: [b:]\n", "a: [:1]\n", "a: [|1>. 5]\n", "a: {5, b: 1}\n",
        "a: {b: ,1}\n", "a: >1\n", "a: |\nb: 1\n", "- |\n- x\n", "a: _18.5\n", "a: [- x]\n",
        "&a: x\n", "&a b: c\n", "*a\n", ".inf: 1\n", "a: {.inf: 1}\n", "- .NaN: x\n",
        "a: '2024-05-01'\n", 'ht"?tp://x: [>-61]\n', "a#b: [>x]\n", 'a: "10:00:00"\n', '"2024-05-01": x\n', 'a: "\\x32024-01-01"\n', "a: [1,\n  2]\n", "--- \na: 1\n",
        "a:\n" + "".join(" " * (2 * i) + f"k{i}:\n" for i in range(1, 16)) + " " * 32 + "v: 1\n",
    ],
)  # fmt: skip
def test_what_could_differ_is_left_to_the_event_reader(text: str) -> None:
    assert yamlnative.native_data(text, LIMIT, EXPANDED) == (False, None)


def test_scalar_read_alike_natively() -> None:
    text = "a: NO\nb: 2024-05-01\nc: 7\nd: 1.5\ne: true\nf: ~\ng: '0123'\nh: &d x\ni: [*d, *d]\n"
    taken, data = yamlnative.native_data(text, LIMIT, EXPANDED)
    assert taken
    day = dt.date(2024, 5, 1)
    assert data == {"a": "NO", "b": day, "c": 7, "d": 1.5, "e": True, "f": None, "g": "0123",
                    "h": "x", "i": ["x", "x"]}  # fmt: skip


def test_limits_send_the_text_to_the_event_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    aliased = "a: &t " + "x" * 200 + "\nb: [" + ", ".join(["*t"] * 50) + "]\n"
    assert yamlnative.native_data(aliased, LIMIT, EXPANDED)[0]
    # the aliases would stand for more than the expanded-size limit: refused, with its problem
    assert yamlnative.native_data(aliased, LIMIT, 5_000) == (False, None)
    monkeypatch.setenv("HARMONIEN_ROPA_MAX_EXPANDED", "5000")
    with pytest.raises(YamlError) as caught:
        parse(aliased)
    assert "aliases repeat text" in caught.value.diagnostics[0].message
    # more values than the node limit could allow: counted and refused by the event reader
    many = "a: [" + ", ".join(["x"] * 20) + "]\n"
    assert yamlnative.native_data(many, 10, EXPANDED) == (False, None)
    # a duplicate key: yaml-rs refuses it, the event reader explains it
    assert yamlnative.native_data("a: 1\na: 2\n", LIMIT, EXPANDED) == (False, None)
    with pytest.raises(YamlError) as duplicate:
        parse("a: 1\na: 2\n")
    assert duplicate.value.diagnostics[0].line == 2


def test_positions_are_read_only_when_asked_for(monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[str] = []
    original = yamlpositions.read_positions

    def counting(text: str) -> Any:
        read.append(text)
        return original(text)

    monkeypatch.setattr(yamlpositions, "read_positions", counting)
    assert parse("a:\n  b: 1\n").positions.find(("a", "b")) == (2, 6)
    assert read == []  # asked for with the data: read in the same pass
    document = parse("a:\n  b: 1\n", positions=False)
    assert document.data == {"a": {"b": 1}}
    assert read == []
    assert document.positions.find(("a", "b")) == (2, 6)
    assert read == []  # found in the text alone (source/yamllocate.py)
    assert document.positions.values[("a", "b")] == (2, 6)  # the full table: read once
    assert document.positions.find(("a", "b")) == (2, 6)
    assert read == ["a:\n  b: 1\n"]


def test_without_yaml_rs_the_event_reader_reads_everything(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(yamlnative, "yaml_rs", None)
    assert yamlnative.native_data("a: 1\n", LIMIT, EXPANDED) == (False, None)
    assert hr.load(HARMONIEN_YAML).organisation is not None


@pytest.mark.parametrize("written", ["\u202e", "\u2066", '"Test \\u202e Org"', '"Test \\x01 Org"'])
def test_refused_characters_are_found_written_raw_or_escaped(written: str) -> None:
    """A map whose text holds no refused character skips the per-value search for one
    (model.base.text_is_writable); raw or escaped, each is still refused with its place."""
    text = (ROOT / "tests" / "good_yaml" / "minimal.yaml").read_text(encoding="utf-8")
    assert text_is_writable(text)
    changed = text.replace("name: Test Org", f"name: {written}", 1)
    assert not text_is_writable(changed)
    with pytest.raises(hr.LoadError) as caught:
        hr.loads(changed, "m.yaml")
    (problem,) = caught.value.diagnostics
    assert problem.line == 3
    assert "character" in problem.message


@pytest.mark.parametrize("written", ["\u202e", "\u2069", "\\", "\t"])
def test_the_reader_says_whether_a_text_is_plain(written: str) -> None:
    """The reader's search for the characters it treats specially also says whether the text
    holds a character the model refuses (YamlDocument.plain), by each way of reading it; the
    loader then searches the text no more (and still refuses the character when it is there)."""
    text = HARMONIEN_YAML.read_text(encoding="utf-8")
    changed = text.replace("\n#", f"\n#{written}", 1)
    assert changed != text
    for options in ({"positions": False}, {"positions": True}, {"located": True}):
        assert parse(text, "h.yaml", **options).plain  # type: ignore[arg-type]
        assert not parse(changed, "h.yaml", **options).plain  # type: ignore[arg-type]


def test_a_plain_text_is_not_searched_again(monkeypatch: pytest.MonkeyPatch) -> None:
    from harmonien_ropa.source import loading

    calls: list[str] = []
    monkeypatch.setattr(loading, "text_is_writable", lambda text: calls.append(text) or True)
    text = HARMONIEN_YAML.read_text(encoding="utf-8")
    hr.loads(text)
    loading.loads_with_positions(text)
    assert calls == []
    hr.loads(text.replace("\n#", "\n#\u202e", 1))
    assert len(calls) == 1


def test_a_checked_text_gives_the_same_map() -> None:
    text = HARMONIEN_YAML.read_text(encoding="utf-8")
    assert text_is_writable(text)
    document = parse(text, "h.yaml")
    checked = from_document(document, checked=True)
    assert checked == from_document(parse(text, "h.yaml"))


def test_near_a_memory_limit_the_event_reader_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    """yaml-rs aborts the process when an allocation fails; under a limit on memory that
    leaves too little room, the event reader (which raises MemoryError) reads instead."""
    import resource

    text = "a: 1\n"
    assert yamlnative.native_data(text, LIMIT, EXPANDED)[0]
    real = resource.getrlimit

    def tight(which: int) -> tuple[int, int]:
        if which == resource.RLIMIT_AS:
            return (64 * 1024 * 1024, resource.RLIM_INFINITY)
        return real(which)

    monkeypatch.setattr(resource, "getrlimit", tight)
    assert yamlnative.native_data(text, LIMIT, EXPANDED) == (False, None)
    assert parse(text).data == {"a": 1}


@pytest.mark.parametrize(
    "line",
    ["- [a, {b: 'c', d: [e, *x]}, 'f']\n", "- &y{n} v\n", "- |\n  t\n", "- ']'\n", "- a [b\n"],
)
def test_the_checks_cost_work_linear_in_the_text(line: str) -> None:
    """Lines the checks look at one by one (brackets, anchors, block scalars) cost a bounded
    number of calls each: the work is linear in the text, counted, not timed."""
    text = "- &x v\n" + "".join(line.replace("{n}", str(i)) for i in range(3000))
    calls = 0

    def count(frame: Any, event: str, arg: Any) -> None:
        nonlocal calls
        if event in ("call", "c_call"):
            calls += 1

    sys.setprofile(count)
    try:
        yamlnative.native_data(text, LIMIT, EXPANDED)
    finally:
        sys.setprofile(None)
    assert calls <= WORK_PER_BYTE * len(text)  # the budget of every hostile input


#: The checks of the text one search each, as they were before the searches were grouped by
#: their first character (and some folded into the search for characters): the grouped
#: searches must find something exactly where one of these does.
_ONE_BY_ONE = tuple(
    re.compile(pattern)
    for pattern in (
        rf":[ ]+{yamlnative._UNLIKE}",
        rf":(?<=[\"']:){yamlnative._UNLIKE}",
        rf"-[ ]+{yamlnative._UNLIKE}",
        rf"\?[ ]+{yamlnative._UNLIKE}",
        rf"\n[ ]*{yamlnative._UNLIKE}",
        rf"\[[ ]*{yamlnative._UNLIKE}",
        rf"{{[ ]*{yamlnative._UNLIKE}",
        rf",[ ]*{yamlnative._UNLIKE}",
        rf"&[^\s\[\]{{}},]+[ ]+{yamlnative._UNLIKE}",
        r":(?<=[eElL]:)(?:(?<=(?:[Tt]rue|TRUE|[Nn]ull|NULL):)|(?<=(?:[Ff]alse|FALSE):))(?!\S)",
        r":(?<=[\s\[{,]:)(?!\S)",
        r":[,?\[\]{}]",
        r"\][ ]*:(?!\S)",
        r"}[ ]*:(?!\S)",
        r"\n[ -]{28}",
        r"\|(?<= \|)[+-]?[1-9]",
        r">(?<= >)[+-]?[1-9]",
        r"'(?:[0-9]{4}-|[0-9]{1,2}:)",
        r"\"(?:[0-9]{4}-|[0-9]{1,2}:)",
        r"-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ ]+[0-9])",
        r"\n[^\n]{1000}",
        r"\n%|\n---|\n\.\.\.|<<",
    )
)
_OLD_UNPRINTABLE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]|[\t\ufeff\\\\]"
)


def _found(searches: tuple[Any, ...], text: str) -> bool:
    first = "\n" + text[: text.find("\n") + 1 or len(text)]
    return any(search.search(first) or search.search(text) for search in searches)


#: Pieces of text around every character the searches start with or look for.
_PIECES = st.sampled_from(
    [
        ":", ": ", "  ", " ", "-", "- ", "\n", "\n  ", "?", "? ", "[", "]", "{", "}", ",", ", ",
        "&a ", "&", "|", "| ", " |2", " >-1", ">", "'", '"', "<", "<<", "%", "---", "...", ".",
        "0", "7", "12", "2024-05-01", "-5-1T", "-05-01 1", "1e5", "1.5", "_1", "~", "!", "=",
        "+", "#", "x", "e", "true", "TRUE", "Null", "false", "True:", ".inf", ".ex", "a:", "'a':",
        " " * 28, "- " * 14, "x" * 1000, "\t", "\ufeff", "\\", "\x85", "\x7f", "\u2028", "é",
    ]
)  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(st.lists(_PIECES, max_size=14).map("".join))
def test_grouped_searches_find_what_the_searches_one_by_one_find(text: str) -> None:
    expected = _found(_ONE_BY_ONE, text)
    # the searches after their own characters, each apart (for the characters the text holds)
    # or all in one, whichever the text gets
    # (each by a search of the text, or tried at the places of its character alone)
    for most_apart in (0, yamlnative._MOST_APART, len(yamlnative._AFTER_ITS_CHARACTER)):
        for sparse in (0, 10**9):
            with pytest.MonkeyPatch.context() as patch:
                patch.setattr(yamlnative, "_MOST_APART", most_apart)
                patch.setattr(census, "SPARSE", sparse)
                after = yamlnative._after(Census(text), len(text))
            assert all(isinstance(s, Sparse) == (sparse == 0) for s in after if len(after) > 1)
            searches = (*yamlnative._DIFFERENT, *after)
            grouped = _found(searches, text) or yamlnative._has_long_line(text, 1000)
            assert grouped == expected
    assert bool(yamlnative._UNPRINTABLE.search(text)) == bool(_OLD_UNPRINTABLE.search(text))


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES, max_size=14).map("".join))
def test_a_search_at_the_places_of_its_character_finds_what_the_search_finds(text: str) -> None:
    """Trying a pattern only where its first character is (str.find) gives the matches of the
    regular expression's search, look-behinds included."""
    patterns = [(yamlnative.ANCHOR, "&"), (yamlnative._ALIAS, "*")]
    patterns += [(yamlnative._AFTER_EACH[c], c) for c in yamlnative._AFTER_ITS_CHARACTER]
    for pattern, char in patterns:
        found = [m.span() for m in scan(pattern, char, text)]
        assert found == [m.span() for m in pattern.finditer(text)]
        hit, first = Sparse(pattern, char).search(text), pattern.search(text)
        assert (hit and hit.span()) == (first and first.span())


def test_a_few_anchors_are_found_at_their_places(monkeypatch: pytest.MonkeyPatch) -> None:
    """In a text with few '&', '*' and quotes, the patterns after them are tried at those
    places alone: one try a place, not a search of the whole text."""
    text = "".join(f"- a: &n{i} x{i}\n  b: *n{i}\n  c: 'y'\n" for i in range(3))
    text += "- d: e\n" * 3000
    tries: list[str] = []

    class Counted:
        def __init__(self, pattern: re.Pattern[str]) -> None:
            self.pattern = pattern

        def match(self, text: str, at: int) -> re.Match[str] | None:
            tries.append(text[at])
            return self.pattern.match(text, at)

    real = census.scan
    monkeypatch.setattr(
        yamlnative, "scan", lambda pattern, char, text: real(Counted(pattern), char, text)
    )
    surveyed = yamlsource._survey(text)[1]
    after = yamlnative._after(surveyed, len(text))
    assert [search.char for search in after if isinstance(search, Sparse)] == ["&", "'"]
    # (a text not surveyed is not counted for it: each pattern searches the text)
    assert not any(isinstance(s, Sparse) for s in yamlnative._after(Census.of(text), len(text)))
    taken, data = yamlnative.native_data(text, LIMIT, EXPANDED, searched=True, census=surveyed)
    assert taken
    assert data[:4] == [{"a": f"x{i}", "b": f"x{i}", "c": "y"} for i in range(3)] + [{"d": "e"}]
    assert sorted(tries) == ["&"] * 3 + ["*"] * 3  # each anchor and alias, nothing else
    tries.clear()
    for search in after:
        assert isinstance(search, Sparse)
        found = list(real(Counted(search.pattern), search.char, text))
        assert found == list(search.pattern.finditer(text)) == []
    assert sorted(tries) == ["&"] * 3 + ["'"] * 6  # the searches after '&' and "'"


@given(st.text(alphabet="[{,x\n"), st.sampled_from("[{,"))
def test_a_character_is_counted_only_when_it_is_there(text: str, char: str) -> None:
    assert Census.of(text).count(char) == text.count(char)


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES, max_size=14).map("".join))
def test_the_survey_counts_what_the_text_holds(text: str) -> None:
    """The census made while the text is searched for special characters answers as the text
    itself would, and the native reader decides alike with it or without it."""
    special, census = yamlsource._survey(text)
    assert (special is None) == (yamlsource._SPECIAL.search(text) is None)
    for char in COUNTED:
        assert census.holds(char) == (char in text)
        assert census.count(char) == text.count(char)
    # a character beyond U+00FF (an en dash) anywhere, and chunks of a few characters: the
    # same first special character, and a census of the same counted characters in order
    for wide in (text, "\u2013" + text, text + "\u2013", text.replace("x", "\u2013")):
        for chunk in (yamlsource._CHUNK, 3, 7):
            with pytest.MonkeyPatch.context() as patch:
                patch.setattr(yamlsource, "_CHUNK", chunk)
                found, counted = yamlsource._survey(wide)
            first = yamlsource._SPECIAL.search(wide)
            assert (found and found.span()) == (first and first.span())
            held = "".join(c for c in counted._held if c in COUNTED)
            assert held == "".join(c for c in wide if c in COUNTED)
    if special is None:
        with_census = yamlnative.native_data(text, LIMIT, EXPANDED, searched=True, census=census)
        assert with_census == yamlnative.native_data(text, LIMIT, EXPANDED)


def test_a_latin_1_text_is_surveyed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A text of Latin-1 characters without a special one is asked nothing again: its census
    answers from what the survey kept (a few per cent of the text)."""
    text = "".join(
        f"- a: [x, y]\n  b: {{c: d}}\n  e: &n{i} é\n  f: *n{i}\n  g: |\n    h\n" for i in range(50)
    )
    special, census = yamlsource._survey(text)
    assert special is None
    assert census._held == "-[,]\n{}\n&\n*\n|\n\n" * 50
    assert yamlnative.native_data(text, LIMIT, EXPANDED, searched=True, census=census)[0]
    # a character beyond U+00FF: kept with the counted ones (and searched), the rest not
    wide = yamlsource._survey(text.replace("\u00e9", "\u2013"))[1]
    assert wide._held == census._held.replace("&\n", "&\u2013\n")


@settings(max_examples=1500, deadline=None)
@given(
    st.lists(st.sampled_from(["\n", "x", "xy", "\n\n", "é", "x" * 7]), max_size=30).map("".join),
    st.integers(min_value=1, max_value=12),
)
def test_a_long_line_is_found_by_measuring_a_few_lines(text: str, length: int) -> None:
    """Measuring only the lines around every ``length``-th place finds what a search of each
    line for ``length`` characters finds."""
    each_line = re.compile(rf"(?:\A|\n)[^\n]{{{length}}}")
    assert yamlnative._has_long_line(text, length) == bool(each_line.search(text))


@pytest.mark.parametrize(
    "text",
    [
        "a: -1.5e3\n", "a:  0x1\n", "'a':1\n", "true: 1\n", "a:\n  ? x\n", "x:\n- : 1\n",
        "a: [b:,c]\n", "- - 0123\n", "a: 2024-05-01T10:00\n", "a:\n  -  .5\n", "a: { 0x1: b}\n",
        "a: [x,0123]\n", "a: &n 0123\n", "? [a]\n: b\n", "a: {b: c} : d\n", "a: |2\n   x\n",
        "a: >-1\n x\n", "a: 'x'\nb: \"12:30\"\n", "%YAML 1.2\n---\na: 1\n", "a: 1\n---\nb: 2\n",
        "a: 1\n...\n", "a: " + "x" * 1000 + "\n", "a:\n  <<: {b: 1}\n", "a: b\tc\n",
        "a: \ufeffb\n", "a: 'b\\c'\n",
    ],
)  # fmt: skip
def test_each_grouped_search_sends_its_text_to_the_event_reader(text: str) -> None:
    assert yamlnative.native_data(text, LIMIT, EXPANDED) == (False, None)


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_a_text_per_language_refuses_blank_text_and_refused_characters(lang: str) -> None:
    """Each language of a text is checked for blank text and, unless its YAML text was
    checked as a whole, for a refused character, at the language's own place."""
    data = hr.loads((ROOT / "tests" / "good_yaml" / "minimal.yaml").read_text()).model_dump(
        mode="json", by_alias=True, exclude_defaults=True
    )
    for value, found in (("  ", "must not be empty"), ("Salg \u202e", "U+202E")):
        data["activities"][0]["purpose"] = {lang: value}
        with pytest.raises(hr.LoadError) as caught:
            hr.from_data(data)
        (problem,) = caught.value.diagnostics
        assert f"activities[0] (id 'sales').purpose.{lang}'" in problem.message
        assert found in problem.message


def test_a_checked_text_leaves_later_validation_checked() -> None:
    """The skip of the per-value search holds only while a checked text is validated, also
    when that validation fails."""
    text = (ROOT / "tests" / "good_yaml" / "minimal.yaml").read_text(encoding="utf-8")
    with pytest.raises(hr.LoadError):
        hr.loads(text.replace("legal_basis: contract", "legal_basis: contrakt"))
    data = hr.loads(text).model_dump(mode="json", by_alias=True, exclude_defaults=True)
    data["activities"][0]["purpose"] = {"nb": "Salg \u202e"}
    with pytest.raises(hr.LoadError):
        hr.from_data(data)


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.characters(codec="utf-8")
        | st.sampled_from("\x85\u2028\t\ufeff\\\u202a\u202e\u2066\u2069\x7f\x9f\ufffe")
    )
)
def test_one_search_finds_a_line_separator_or_a_declined_or_refused_character(text: str) -> None:
    """The reader searches the text once for all three; none found, the native reader does not
    search it again, and the model need not search it for a refused character."""
    special = yamlsource._SPECIAL.search(text)
    assert (special is None) == (
        yamlsource._SEPARATOR.search(text) is None
        and yamlnative.DECLINED_CHARACTERS.search(text) is None
        and text_is_writable(text)
    )
    if special is not None:  # the first line separator is searched from there
        first = yamlsource._SEPARATOR.search(text)
        found = yamlsource._SEPARATOR.search(text, special.start())
        assert (first and first.span()) == (found and found.span())


def test_the_node_bound_counts_list_marks_only_when_it_must() -> None:
    """Each '-' is counted first (one search), and the '- ' and '-\\n' marks only when that
    bound is over the node limit: the decision is the one the marks alone give."""
    hyphens = "a: x-x-x-x-x-x\n"  # 6 by its lines, 11 with every '-', 6 with the marks
    assert yamlnative.native_data(hyphens, 8, EXPANDED) == (True, {"a": "x-x-x-x-x-x"})
    marks = "- a\n- b\n"  # 9 by its lines, 11 with the marks
    assert yamlnative.native_data(marks, 11, EXPANDED) == (True, ["a", "b"])
    assert yamlnative.native_data(marks, 10, EXPANDED) == (False, None)


@pytest.mark.parametrize(
    ("text", "where"),
    [("a: \ud800\n", (1, 4)), ("a: ok\nb: x\udcff y\n", (2, 5)), ("\udc80", (1, 1))],
)
@pytest.mark.parametrize("read", ["loads", "with positions", "events"])
def test_a_lone_surrogate_is_a_load_error_at_its_place(
    text: str, where: tuple[int, int], read: str
) -> None:
    """Text made in code (or decoded with errors="surrogateescape") may hold a lone surrogate,
    which no reader can encode: an error at its line and column, never a UnicodeEncodeError."""
    reader = {"loads": hr.loads, "with positions": loads_with_positions, "events": parse}[read]
    with pytest.raises((hr.LoadError, YamlError)) as caught:
        reader(text)
    problem = caught.value.diagnostics[0]
    assert (problem.line, problem.column, problem.code) == (*where, "ROPA008")
    assert "surrogate" in problem.message
