"""Text from the YAML is inert in every output, whatever renderers are registered.

Every payload of :data:`hardening.PAYLOADS` is put into every text field of a valid map; every
renderer renders it (final and draft); each file is parsed with a real parser for its format and
compared with the render of harmless text (see :mod:`formats`).
"""

from __future__ import annotations

import functools
import html
import json
import re
import shutil
import urllib.parse
from pathlib import Path, PurePosixPath

import pytest
from support.formats import (
    CHECKS,
    check_csv,
    check_dot,
    check_html,
    check_json,
    check_markdown,
    check_turtle,
    check_yaml,
)
from support.hardening import (
    GROUPS,
    PAYLOADS,
    benign,
    fill_text,
    group_texts,
    payload_map,
    render_everything,
    small_data,
    to_yaml,
)

from harmonien_ropa.checks import REPORTERS, check
from harmonien_ropa.core import escaping
from harmonien_ropa.core.diagnostics import visible
from harmonien_ropa.source.loading import load_with_positions


@functools.cache
def _rendered(texts: tuple[str, ...]) -> dict[str, bytes]:
    return render_everything(payload_map(list(texts)))


@pytest.mark.parametrize("group", sorted(GROUPS))
def test_payloads_are_inert_in_every_output(group: str) -> None:
    texts = group_texts(group)
    files = _rendered(tuple(texts))
    base = _rendered(tuple(benign(t) for t in texts))
    assert sorted(files) == sorted(base)
    problems = []
    for path, data in sorted(files.items()):
        check = CHECKS.get(PurePosixPath(path).suffix)
        if check is not None:
            problems += check(data, base[path], texts, path)
    assert problems == []


def test_every_payload_is_in_a_group() -> None:
    grouped = {name for names in GROUPS.values() for name in names}
    assert grouped == set(PAYLOADS)


def test_every_output_format_has_a_check() -> None:
    files = _rendered(tuple(group_texts("html")))
    assert files, "no renderer produced anything"
    unchecked = sorted({PurePosixPath(p).suffix for p in files} - set(CHECKS))
    assert unchecked == [], f"add an injection check for {unchecked} to tests/formats.py"


def test_payload_reaches_every_text_field() -> None:
    marker = "Zq7Marker"
    files = _rendered((marker,))
    model = files["final/model.json"].decode()
    assert model.count(marker) >= 100


# -- the checks themselves catch what they are for ----------------------------------------


HOSTILE = PAYLOADS["script_tag"] + PAYLOADS["img_onerror"]


def test_html_check_catches_unescaped_text() -> None:
    base = f"<p>{benign(HOSTILE)}</p>".encode()
    assert check_html(f"<p>{HOSTILE}</p>".encode(), base, [HOSTILE], "x.html")
    escaped = f"<p>{html.escape(HOSTILE)}</p>".encode()
    assert check_html(escaped, base, [HOSTILE], "x.html") == []
    attr = b'<a title="x" onmouseover="alert(1)">x</a>'
    assert check_html(attr, b'<a title="x">x</a>', [HOSTILE], "x.html")


def test_markdown_check_catches_raw_html_and_links() -> None:
    text = PAYLOADS["markdown_blocks"] + PAYLOADS["markdown_links"]
    base = benign(text).encode()
    assert check_markdown(text.encode(), base, [text], "x.md")
    assert (
        check_markdown(
            escaping.markdown(text).encode(),
            escaping.markdown(benign(text)).encode(),
            [text],
            "x.md",
        )
        == []
    )


def test_csv_check_catches_formulas() -> None:
    text = PAYLOADS["spreadsheet_equals"]
    raw = f"name\r\n{text}\r\n"
    assert check_csv(raw.encode(), f"name\r\n{benign(text)}\r\n".encode(), [text], "x.csv")
    cell = escaping.spreadsheet_cell(text).replace('"', '""')
    safe = 'name\r\n"' + cell + '"\r\n'
    assert check_csv(safe.encode(), f"name\r\n{benign(text)}\r\n".encode(), [text], "x.csv") == []


@pytest.mark.skipif(not shutil.which("dot"), reason="needs Graphviz")
def test_dot_check_catches_label_breakout() -> None:
    text = PAYLOADS["dot_quotes"]
    base = f'digraph {{ a [label="{benign(text)}"] }}'.encode()
    assert check_dot(f'digraph {{ a [label="{text}"] }}'.encode(), base, [text], "x.dot")


def test_json_check_catches_lost_text() -> None:
    text = PAYLOADS["json"]
    assert check_json(b'{"a": "x"}', f'{{"a": "{benign(text)}"}}'.encode(), [text], "x.json")


# -- the checker's reports ---------------------------------------------------------------------

_ODD_NAME = 'data map #1 "50%" <x>.yaml'


@pytest.mark.parametrize("group", sorted(GROUPS))
def test_checker_reports_carry_payloads_inertly(tmp_path: Path, group: str) -> None:
    texts = group_texts(group)
    path = tmp_path / _ODD_NAME
    path.write_text(to_yaml(fill_text(small_data(), texts)), encoding="utf-8")
    result = check(load_with_positions(path, display_path=_ODD_NAME))
    assert result.findings
    messages = {d.message for d in result.findings}
    document = json.loads(REPORTERS["json"](result))
    assert {f["message"] for f in document["findings"]} == messages
    assert document["path"] == _ODD_NAME
    sarif = json.loads(REPORTERS["sarif"](result))
    results = sarif["runs"][0]["results"]
    assert {r["message"]["text"] for r in results} >= messages
    for item in results:
        uri = item["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert urllib.parse.unquote(uri) == _ODD_NAME
        assert not set(uri) & set(' "<>#'), f"{uri!r} is not a valid URI reference"
    text = REPORTERS["text"](result)
    # The terminal report shows invisible and reordering characters as escapes.
    assert all(visible(message) in text for message in messages)
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e]", text)


def test_turtle_check_catches_an_injected_triple() -> None:
    text = PAYLOADS["json"]
    base = b'<urn:a> <urn:name> "xx" .\n'
    broken = b'<urn:a> <urn:name> "x" . <urn:a> <urn:evil> "y" .\n'
    assert check_turtle(broken, base, [text], "x.ttl")
    assert check_turtle(base, base, [text], "x.ttl") == []


def test_yaml_check_catches_tags_and_lost_text() -> None:
    text = PAYLOADS["dot_quotes"]
    base = f"name: {json.dumps(benign(text))}\n".encode()
    assert check_yaml(b"name: !!python/object:os.system x\n", base, [text], "x.yml")
    assert check_yaml(b"name: other\n", base, [text], "x.yml")
    assert check_yaml(f"name: {json.dumps(text)}\n".encode(), base, [text], "x.yml") == []
