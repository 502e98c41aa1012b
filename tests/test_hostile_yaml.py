"""Hostile YAML: unsafe tags, alias bombs, deep nesting and huge files fail fast and small.

Each case is loaded in a child process under a hard address-space limit (``RLIMIT_AS``); the
child reports the diagnostics, its peak memory and the work the load did, counted as the
function calls it made (Python and built-in, through ``sys.setprofile``). A count does not
depend on how busy the machine is, so the bound holds on any machine: every case must end in a
clean ``LoadError`` after work proportional to the file's size (:func:`work_budget`), never
proportional to what its aliases or nesting would expand to. The timeout is only a guard
against a hang; time itself is measured by ``make bench``, not asserted here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from support.work import lines_run

import harmonien_ropa as hr

#: Hard address-space limit of the child (the interpreter with the package needs ~60 MB).
MEMORY_LIMIT = 256 * 1024 * 1024
#: Peak resident memory a refused file may cost (the interpreter and package alone: ~30 MiB).
PEAK_LIMIT = 100 * 1024 * 1024
#: Function calls any load may make, whatever the file (reading it, setting up the parser).
WORK_BASE = 100_000
#: Function calls a load may make per byte of the file (a value costs about six calls to count,
#: and the smallest value with its separator is two bytes).
WORK_PER_BYTE = 5


def work_budget(path: Path) -> int:
    """The most function calls loading ``path`` may make: linear in its size."""
    return WORK_BASE + WORK_PER_BYTE * path.stat().st_size


_CHILD = textwrap.dedent(
    """
    import json, resource, sys
    limit = int(sys.argv[2])
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    import harmonien_ropa as hr
    for warm_up in ("a: 1", "a: &a [1]" + chr(10) + "b: *a"):  # imports are not the file's work
        try:
            hr.loads(warm_up)
        except hr.LoadError:
            pass
    calls = 0
    def count(frame, event, arg):
        global calls
        if event == "call" or event == "c_call":
            calls += 1
    sys.setprofile(count)
    try:
        hr.load(sys.argv[1], display_path="hostile.yaml")
        problems = None
    except hr.LoadError as exc:
        problems = [f"{d.line}:{d.column} {d.code} {d.message}" for d in exc.diagnostics]
    finally:
        sys.setprofile(None)
    try:  # this process's own high-water mark (ru_maxrss can carry the parent's over exec)
        status = open("/proc/self/status").read()
        peak = int(status.split("VmHWM:")[1].split()[0]) * 1024
    except (OSError, IndexError):
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps({"problems": problems, "calls": calls, "peak": peak}))
    """
)


def _load_limited(
    path: Path, *, memory: int = MEMORY_LIMIT, env: dict[str, str] | None = None
) -> dict[str, Any]:
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path), str(memory)],
        capture_output=True,
        text=True,
        timeout=600,  # a guard against a hang only: the bound is the work counted
        check=False,
        env={**os.environ, **(env or {})},
    )
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    result: dict[str, Any] = json.loads(proc.stdout)
    return result


def _assert_bounded(result: dict[str, Any], path: Path, name: str = "") -> None:
    """The load did work linear in the file's size and stayed small in memory."""
    budget = work_budget(path)
    assert result["calls"] <= budget, f"{name} made {result['calls']:,} calls (budget {budget:,})"
    assert result["peak"] < PEAK_LIMIT


def _write(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "hostile.yaml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def _billion_laughs() -> str:
    lines = ['lol0: &lol0 "lol"']
    for level in range(1, 10):
        refs = ", ".join([f"*lol{level - 1}"] * 10)
        lines.append(f"lol{level}: &lol{level} [{refs}]")
    return "\n".join(lines) + "\n"


def _merge_bomb() -> str:
    keys = ", ".join(f"k{i}: v" for i in range(10))
    lines = [f"m0: &m0 {{{keys}}}"]
    for level in range(1, 9):
        refs = ", ".join([f"*m{level - 1}"] * 10)
        lines.append(f"m{level}: &m{level} {{<<: [{refs}]}}")
    return "\n".join(lines) + "\n"


def _wide_bomb() -> str:
    # Few levels, many aliases per level: 1,000 x 1,000 references to one list.
    row = ", ".join(["*x"] * 1000)
    refs = ", ".join(["*y"] * 1000)
    return f"x: &x [{', '.join(['a'] * 10)}]\ny: &y [{row}]\nz: [{refs}]\n"


DEEP = 100_000

#: name → (YAML text, the one expected problem).
HOSTILE: dict[str, tuple[str, str]] = {
    "billion_laughs": (
        _billion_laughs(),
        "1:1 ROPA009 aliases expand to 1,234,567,911 nodes from 21: this looks like an alias bomb",
    ),
    "merge_key_bomb": (
        _merge_bomb(),
        "1:1 ROPA009 aliases expand to 2,370,370,375 nodes from 55: this looks like an alias bomb",
    ),
    "wide_alias_bomb": (
        _wide_bomb(),
        "1:1 ROPA009 aliases expand to 11,012,017 nodes from 17: this looks like an alias bomb",
    ),
    "recursive_sequence_anchor": (
        "a: &a [*a]\n",
        "1:4 ROPA009 an alias refers to the list or mapping that contains it (a recursive anchor)",
    ),
    "recursive_mapping_anchor": (
        "a: &a {b: [1, {c: *a}]}\n",
        "1:4 ROPA009 an alias refers to the list or mapping that contains it (a recursive anchor)",
    ),
    "deep_flow_sequences": (
        "a: " + "[" * DEEP + "]" * DEEP + "\n",
        "1:1003 ROPA009 nesting deeper than 64 levels",
    ),
    "deep_flow_unclosed": (
        "a: " + "[" * DEEP + "\n",
        "1:1003 ROPA009 nesting deeper than 64 levels",
    ),
    "deep_flow_mappings": (
        "a: " + "{a: " * DEEP + "b" + "}" * DEEP + "\n",
        "1:253 ROPA009 nesting deeper than 64 levels",
    ),
    "deep_block_mappings": (
        "".join("  " * i + "k:\n" for i in range(200)) + "  " * 200 + "v\n",
        "64:127 ROPA009 nesting deeper than 64 levels",
    ),
    "deep_block_sequences": (
        "".join("  " * i + "-\n" for i in range(200)) + "  " * 200 + "x\n",
        "65:129 ROPA009 nesting deeper than 64 levels",
    ),
}

#: Files refused for holding more values than the limit: they are counted first, in constant
#: memory, at a few calls a value.
TOO_MANY_VALUES = {
    "millions_of_values": (
        "a: [" + ",".join(["x"] * 3_000_000) + "]\n",
        "1:3999999 ROPA009 more than 2,000,000 values in one file",
    ),
    "a_million_keys": (
        "".join(f"k{i}: 1\n" for i in range(1_100_000)),
        "1000000:10 ROPA009 more than 2,000,000 values in one file",
    ),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_yaml_fails_fast_and_small(tmp_path: Path, name: str) -> None:
    text, expected = HOSTILE[name]
    path = _write(tmp_path, text)
    result = _load_limited(path)
    assert result["problems"] == [expected]
    _assert_bounded(result, path, name)


@pytest.mark.parametrize("name", sorted(TOO_MANY_VALUES))
def test_too_many_values_are_counted_and_refused_in_constant_memory(
    tmp_path: Path, name: str
) -> None:
    text, expected = TOO_MANY_VALUES[name]
    path = _write(tmp_path, text)
    result = _load_limited(path)
    assert result["problems"] == [expected]
    _assert_bounded(result, path, name)


UNSAFE_TAGS = [
    "!!python/object/apply:os.system ['touch {marker}']",
    "!!python/object/new:os.system ['touch {marker}']",
    "!!python/name:os.system",
    "!!python/module:os",
    "!!python/object:builtins.dict {{}}",
    "!!python/tuple [1, 2]",
    "!!python/bytes aGk=",
    "!!binary aGk=",
    "!!set {{a, b}}",
    "!!omap [a: 1]",
    "!!pairs [a: 1]",
    "!<tag:yaml.org,2002:python/object/apply:os.system> ['touch {marker}']",
    "!<tag:example.com,2000:thing> x",
    "!custom x",
]


@pytest.mark.parametrize("tagged", UNSAFE_TAGS)
def test_unsafe_and_unknown_tags_are_rejected_without_effect(tmp_path: Path, tagged: str) -> None:
    marker = tmp_path / "pwned"
    value = tagged.format(marker=marker)
    with pytest.raises(hr.LoadError) as caught:
        hr.load(_write(tmp_path, f"organisation: {value}\n"))
    assert not marker.exists()
    problems = [f"{d.line}:{d.column} {d.code} {d.message}" for d in caught.value.diagnostics]
    assert len(problems) == 1
    position, code, message = problems[0].split(" ", 2)
    assert (position, code) == ("1:15", "ROPA009")
    assert message.startswith("tag '")
    assert message.endswith("' is not allowed")


def test_unsafe_tag_deep_inside_a_valid_map_is_rejected(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    source = (Path(__file__).parent / "fixtures" / "small.yaml").read_text(encoding="utf-8")
    text = source.replace(
        'phone: "+47 900 00 000"',
        f"phone: !!python/object/apply:os.system ['touch {marker}']",
    )
    assert text != source
    result = _load_limited(_write(tmp_path, text))
    assert not marker.exists()
    assert result["problems"] == [
        "15:14 ROPA009 tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed"
    ]


FIFTY_MB = 50 * 1024 * 1024


def _fifty_mb_file(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.yaml"
    line = b"- " + b"x" * 97 + b"\n"
    with path.open("wb") as handle:
        handle.write(b"a:\n")
        for _ in range(FIFTY_MB // len(line)):
            handle.write(line)
    return path


def test_fifty_megabyte_file_fails_fast_with_size_message(tmp_path: Path) -> None:
    path = _fifty_mb_file(tmp_path)
    result = _load_limited(path)
    assert result["problems"] == ["0:0 ROPA008 file is larger than the limit of 20,971,520 bytes"]
    # Refused before reading: the work does not grow with the file at all.
    assert result["calls"] <= WORK_BASE
    assert result["peak"] < PEAK_LIMIT


def test_size_limit_is_configurable(tmp_path: Path) -> None:
    small = _write(tmp_path, "organisation: x\n" * 100)
    result = _load_limited(small, env={"HARMONIEN_ROPA_MAX_BYTES": "1000"})
    assert result["problems"] == ["0:0 ROPA008 file is larger than the limit of 1,000 bytes"]


def test_raised_size_limit_still_bounds_the_work(tmp_path: Path) -> None:
    # With the size limit lifted, a 50 MB file of short values is refused by the value count
    # instead, without ever building its thirteen million nodes.
    path = tmp_path / "hostile.yaml"
    with path.open("wb") as handle:
        handle.write(b"a:\n" + b"- x\n" * (FIFTY_MB // 4))
    result = _load_limited(
        path,
        memory=4 * FIFTY_MB + MEMORY_LIMIT,
        env={"HARMONIEN_ROPA_MAX_BYTES": str(2 * FIFTY_MB)},
    )
    assert result["problems"] == ["1999999:3 ROPA009 more than 2,000,000 values in one file"]
    # Counting stops at the limit: the work is that of the first two million values.
    assert result["calls"] <= WORK_BASE + 6 * 2_000_000


# -- aliases of long text: bounded by the characters they stand for, not only by nodes ---------

_LONG = "x" * 20_000


def _aliased_text(count: int) -> str:
    """An alias to a 20,000-character text, ``count`` times (13,000 times: a 273 KB file that
    rendered 1.7 GB of output before the expanded size was bounded)."""
    return f'a: &a "{_LONG}"\nb: [' + ", ".join(["*a"] * count) + "]\n"


def _aliased_list_of_text() -> str:
    return (
        f'a: &a "{_LONG}"\nb: &b ['
        + ", ".join(["*a"] * 40)
        + "]\nc: ["
        + ", ".join(["*b"] * 40)
        + "]\n"
    )


def _merged_text() -> str:
    items = "".join(f"  - {{<<: *base, id: a{i}}}\n" for i in range(1_100))
    return f'base: &base {{note: "{_LONG}"}}\nactivities:\n{items}'


EXPANDED_TEXT = {
    "aliases_of_long_text": (
        _aliased_text(13_000),
        "1:4 ROPA009 aliases repeat text until the file stands for 260,072,013 "
        "characters, more than the limit of 20,971,520",
    ),
    "aliases_of_a_list_of_long_text": (
        _aliased_list_of_text(),
        "2:4 ROPA009 aliases repeat text until the file stands for 32,820,340 "
        "characters, more than the limit of 20,971,520",
    ),
    "merge_keys_of_long_text": (
        _merged_text(),
        "1:7 ROPA009 aliases repeat text until the file stands for 22,053,025 "
        "characters, more than the limit of 20,971,520",
    ),
}


@pytest.mark.parametrize("name", sorted(EXPANDED_TEXT))
def test_aliases_of_long_text_are_refused_before_they_are_expanded(
    tmp_path: Path, name: str
) -> None:
    text, expected = EXPANDED_TEXT[name]
    assert len(text) < 300_000
    result = _load_limited(_write(tmp_path, text))
    assert result["problems"] == [expected]
    assert result["peak"] < PEAK_LIMIT


def test_expanded_size_limit_is_configurable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path, _aliased_text(10))  # stands for 220,000 characters and some
    with pytest.raises(hr.LoadError) as default:
        hr.load(path)
    assert [d.code for d in default.value.diagnostics] != ["ROPA009"]  # the map is invalid
    monkeypatch.setenv("HARMONIEN_ROPA_MAX_EXPANDED", "200000")
    with pytest.raises(hr.LoadError) as lowered:
        hr.load(path, display_path="hostile.yaml")
    assert [f"{d.line}:{d.column} {d.code}" for d in lowered.value.diagnostics] == ["1:4 ROPA009"]
    assert "HARMONIEN_ROPA_MAX_EXPANDED" in (lowered.value.diagnostics[0].fix or "")
    monkeypatch.setenv("HARMONIEN_ROPA_MAX_EXPANDED", "9" * 5000)  # not a usable limit: default
    with pytest.raises(hr.LoadError) as ignored:
        hr.load(path)
    assert [d.code for d in ignored.value.diagnostics] != ["ROPA009"]


# -- sub-processor chains: work linear in the number of parties --------------------------------

_SMALL = (Path(__file__).parent / "fixtures" / "small.yaml").read_text(encoding="utf-8")


def _with_parties(shape: str, n: int) -> str:
    """The small map plus ``n`` sub-processors: one long ``chain`` (each engaged by the one
    before), a ``fan`` (all engaged by one processor) or a chain that closes into a ``cycle``."""
    lines = []
    for i in range(n):
        engaged_by = "mailhost" if shape == "fan" or i == 0 else f"s{i - 1}"
        if shape == "cycle" and i == 0:
            engaged_by = f"s{n - 1}"
        lines.append(
            f'  - {{id: s{i}, name: S{i}, role: sub_processor, country: "NO", '
            f"engaged_by: {engaged_by}}}\n"
        )
    text = _SMALL.replace("parties:\n", "parties:\n" + "".join(lines), 1)
    assert text != _SMALL
    return text


@pytest.mark.parametrize("shape", ["chain", "fan", "cycle"])
def test_loading_sub_processor_chains_is_linear(shape: str) -> None:
    """1,000 / 2,000 / 4,000 parties in a chain cost 5 s / 32 s / 291 s when every party walked
    the chain above it; one pass with colours walks each party once."""

    def load(n: int) -> None:
        text = _with_parties(shape, n)
        if shape == "cycle":
            with pytest.raises(hr.LoadError) as caught:
                hr.loads(text)
            assert [d.code for d in caught.value.diagnostics] == ["ROPA010"]
            message = caught.value.diagnostics[0].message
            assert message == (
                f"sub-processor chain is a cycle: s0 → s{n - 1} → s{n - 2} → s{n - 3} → "
                f"s{n - 4} → s{n - 5} → s{n - 6} → s{n - 7} → s{n - 8} → "
                f"… {n - 10:,} more … → s1 → s0"
            )
        else:
            assert len(hr.loads(text).parties) == n + 2

    lines = {n: lines_run(lambda n=n: load(n), "model/datamap.py") for n in (1_000, 4_000)}
    assert lines[4_000] < 4.4 * lines[1_000], lines  # quadratic would be 16x, cubic 64x
    assert lines[4_000] < 100 * 4_000, lines


@pytest.mark.parametrize("shape", ["chain", "fan"])
def test_impact_of_a_long_sub_processor_chain_is_linear(shape: str) -> None:
    from harmonien_ropa.flows.queries import impact

    maps = {n: hr.loads(_with_parties(shape, n)) for n in (1_000, 4_000)}
    found: dict[int, Any] = {}

    def run(n: int) -> None:
        found[n] = impact(maps[n], party="mailhost")

    lines = {n: lines_run(lambda n=n: run(n), "queries.py") for n in maps}
    assert lines[4_000] < 4.4 * lines[1_000], lines
    assert len(found[4_000].parties) == 4_001


def test_many_broken_references_cost_linear_work() -> None:
    """Each "did you mean" guess compares the broken id with every id: only the first few broken
    references get one, so a map full of them still loads in linear work."""

    def load(n: int) -> None:
        parties = "".join(
            f'  - {{id: p{i}, name: P{i}, role: processor, country: "NO"}}\n' for i in range(n)
        )
        systems = "".join(f"  - {{id: y{i}, name: Y{i}, vendor: p{i}x}}\n" for i in range(n))
        text = _SMALL.replace("parties:\n", "parties:\n" + parties, 1).replace(
            "systems:\n", "systems:\n" + systems, 1
        )
        with pytest.raises(hr.LoadError) as caught:
            hr.loads(text)
        broken = [d for d in caught.value.diagnostics if "does not exist" in d.message]
        assert len(broken) == n
        assert "did you mean 'p0'?" in broken[0].message
        assert "did you mean" not in broken[-1].message

    calls: dict[int, int] = {}

    def count_comparisons(n: int) -> None:
        def calls_in_difflib(frame: Any, event: str, arg: Any) -> None:
            if frame.f_code.co_filename.endswith("difflib.py"):
                calls[n] = calls.get(n, 0) + 1

        sys.settrace(calls_in_difflib)  # call events only: each guess's comparisons, cheaply
        try:
            load(n)
        finally:
            sys.settrace(None)

    for n in (250, 1_000):
        count_comparisons(n)
    # 2 to 4 calls per comparison, and only the first 100 broken references are compared with
    # every id: linear (4x, data-dependent up to 8x); a guess for each would be 16x.
    assert calls[1_000] < 8 * calls[250], calls


# -- numbers too long to become text -------------------------------------------------------------


def test_huge_numbers_are_load_errors_not_internal_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from harmonien_ropa.cli import main

    bad = Path(__file__).parent / "bad_yaml"
    for case in ("huge_integer.yaml", "huge_retention_period.yaml"):
        with pytest.raises(hr.LoadError):
            hr.load(bad / case)
        for argv in (
            ["check", "--data", str(bad / case)],
            ["locate", "--subject", "members", "--data", str(bad / case)],
            ["diff", str(_write(tmp_path, _SMALL)), str(bad / case)],
        ):
            assert main(argv) == 2, argv
            err = capsys.readouterr().err
            assert "internal error" not in err
            assert ": error ROPA004 " in err


def test_the_longest_retention_period_is_checked_and_rendered(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from harmonien_ropa.cli import main

    longest = "P999999Y999999M999999W999999D"
    text = _SMALL.replace(
        "      period: P1Y\n",
        f"      period: {longest}\n      legal_source: bokføringsloven § 13\n",
    )
    assert longest in text
    path = _write(tmp_path, text)
    assert main(["check", "--data", str(path)]) in (0, 1)
    out = tmp_path / "out"
    assert main(["render", "--data", str(path), "--out", str(out), "--only", "dpv,record"]) == 0
    assert longest in (out / "ropa.dpv.ttl").read_text(encoding="utf-8")
    assert "internal error" not in capsys.readouterr().err
