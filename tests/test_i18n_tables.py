"""The string tables are read by yaml-rs directly (``source/i18n.py``): for every table that
ships, exactly the data the event reader reads, which the native reader's gate cannot prove
for them; a table yaml-rs refuses is still reported by the event reader at its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from harmonien_ropa.source import i18n
from harmonien_ropa.source.resources import templates_dir
from harmonien_ropa.source.yamlbase import YamlDocument, YamlError
from harmonien_ropa.source.yamlsource import parse

TABLES = sorted((templates_dir() / "i18n").glob("*.yaml"))


def _typed(data: object) -> object:
    """``data`` with each value's type beside it (``1 == True`` and ``"1" != 1`` alike)."""
    if isinstance(data, dict):
        return {(type(k).__name__, k): _typed(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_typed(v) for v in data]
    return (type(data).__name__, data)


def test_there_are_tables() -> None:
    assert len(TABLES) >= 9


@pytest.mark.parametrize("path", TABLES, ids=lambda p: p.stem)
def test_each_table_reads_as_the_event_reader_reads_it(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    events = parse(text, str(path), positions=True).data
    assert _typed(i18n._read(text, str(path))) == _typed(events)


def test_a_table_yaml_rs_refuses_is_read_by_the_event_reader(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """yaml-rs refuses the key written twice; the event reader reads it again and says where
    (and a table it reads is the event reader's: one that yaml-rs took is never read twice)."""
    read: list[str] = []

    def events(text: str, path: str, **options: bool) -> YamlDocument:
        read.append(path)
        return parse(text, path, **options)

    monkeypatch.setattr(i18n, "parse", events)
    assert i18n._read("a:\n  nb: x\n", "one.yaml") == {"a": {"nb": "x"}}
    assert read == []
    with pytest.raises(YamlError) as refused:
        i18n._read("a:\n  nb: x\na:\n  nb: y\n", "twice.yaml")
    assert refused.value.diagnostics[0].format().startswith("twice.yaml:3:1: error ROPA002")
    assert read == ["twice.yaml"]
