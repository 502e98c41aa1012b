"""Format versions: version 1 still loads (upgraded in memory), ``migrate`` rewrites a file to
version 2 keeping its comments and layout, atomically, and refuses an invalid map."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest
from support.paths import ROOT

import harmonien_ropa as hr
from harmonien_ropa.cli import main
from harmonien_ropa.core import versions
from harmonien_ropa.source.migration import migrate_text

FIXTURE = ROOT / "tests" / "fixtures" / "migrate_comments.yaml"


def _changed(old: str, new: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and line[:3] not in {"+++", "---"}
    ]


@pytest.fixture
def v1(tmp_path: Path) -> Path:
    path = tmp_path / "map.yaml"
    shutil.copyfile(FIXTURE, path)
    return path


def test_a_version_1_map_loads_as_version_2() -> None:
    datamap = hr.load(FIXTURE)
    assert "schema_version: 1  #" in FIXTURE.read_text(encoding="utf-8")
    assert datamap.schema_version == versions.CURRENT == 2


def test_migrate_changes_only_the_version_and_keeps_every_comment(
    v1: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = v1.read_text(encoding="utf-8")
    assert main(["migrate", str(v1)]) == 0
    after = v1.read_text(encoding="utf-8")
    assert _changed(before, after) == [
        "-schema_version: 1  # the format version",
        "+schema_version: 2  # the format version",
    ]
    assert f"wrote {v1}: schema_version: 2" in capsys.readouterr().err
    assert sorted(p.name for p in v1.parent.iterdir()) == ["map.yaml"]  # nothing left behind
    assert hr.load(v1) == hr.load(FIXTURE)


def test_migrate_is_idempotent(v1: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["migrate", str(v1)]) == 0
    once = v1.read_bytes()
    mtime = v1.stat().st_mtime_ns
    capsys.readouterr()
    assert main(["migrate", str(v1)]) == 0
    assert v1.read_bytes() == once
    assert v1.stat().st_mtime_ns == mtime  # not even rewritten
    assert "already at schema_version 2; nothing to do" in capsys.readouterr().err
    migration = migrate_text(once.decode("utf-8"))
    assert migration.steps == ()
    assert migration.text == once.decode("utf-8")


def test_migrate_out_writes_another_file_and_leaves_the_source(v1: Path) -> None:
    before = v1.read_bytes()
    out = v1.parent / "new" / "map-v2.yaml"
    out.parent.mkdir()
    assert main(["migrate", str(v1), "--out", str(out)]) == 0
    assert v1.read_bytes() == before
    assert _changed(before.decode("utf-8"), out.read_text(encoding="utf-8"))[1].startswith(
        "+schema_version: 2"
    )
    assert sorted(p.name for p in out.parent.iterdir()) == ["map-v2.yaml"]
    assert sorted(p.name for p in v1.parent.iterdir()) == ["map.yaml", "new"]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "country: US   # a third country",
            "country: UK   # a third country",
            "'UK' is not a valid country code",
        ),
        ("email: ola@fjordkor.example", "email: ola@@fjordkor.example", "is not a valid value for"),
        (
            "schema_version: 1  #",
            "schema_version: 7  #",
            "schema_version 7 is not a format version this release reads (it reads 1 and 2)",
        ),
    ],
)
def test_migrate_refuses_an_invalid_map_and_writes_nothing(
    v1: Path, capsys: pytest.CaptureFixture[str], old: str, new: str, expected: str
) -> None:
    text = v1.read_text(encoding="utf-8")
    assert old in text
    v1.write_text(text.replace(old, new, 1), encoding="utf-8")
    before = v1.read_bytes()
    out = v1.parent / "out.yaml"
    assert main(["migrate", str(v1)]) == 2
    assert main(["migrate", str(v1), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert expected in err
    assert f"{v1}:" in err
    assert " error ROPA" in err
    assert "Traceback" not in err
    assert v1.read_bytes() == before
    assert sorted(p.name for p in v1.parent.iterdir()) == ["map.yaml"]


def test_a_map_without_a_version_gets_one_before_its_first_key() -> None:
    text = FIXTURE.read_text(encoding="utf-8").replace(
        "schema_version: 1  # the format version\n", ""
    )
    migration = migrate_text(text)
    assert _changed(text, migration.text) == ["+schema_version: 2"]
    assert (
        "order.\n\nschema_version: 2\norganisation:\n" in migration.text
    )  # after the head comment
    assert hr.loads(migration.text) == hr.loads(text)


def test_crlf_and_bom_are_kept() -> None:
    text = "\ufeff" + FIXTURE.read_text(encoding="utf-8").replace("\n", "\r\n")
    migrated = migrate_text(text).text
    assert migrated.startswith("\ufeff#")
    assert "\r\nschema_version: 2  # the format version\r\n" in migrated
    assert migrated.count("\n") == migrated.count("\r\n") == text.count("\r\n")


def test_harmonien_is_at_the_current_version_and_stays_there() -> None:
    path = ROOT / "data" / "processing.yaml"
    text = path.read_text(encoding="utf-8")
    assert "\nschema_version: 2\n" in text
    assert migrate_text(text, str(path)).text == text


def test_every_readable_version_but_the_current_has_steps() -> None:
    assert max(versions.READABLE) == versions.CURRENT
    assert set(versions.STEPS) == set(versions.READABLE) - {versions.CURRENT}
    data: dict[str, object] = {"schema_version": 1}
    assert versions.upgrade(data) == ["schema_version: 2"]
    assert data == {"schema_version": 2}
    assert versions.upgrade(data) == []


def test_building_from_a_version_1_dict_upgrades_a_copy() -> None:
    from harmonien_ropa.source.yamlsource import parse

    data = parse(FIXTURE.read_text(encoding="utf-8"), "map.yaml", positions=False).data
    assert data["schema_version"] == 1
    datamap = hr.from_data(data)
    assert datamap.schema_version == 2
    assert data["schema_version"] == 1  # the caller's data is left as it was
    assert datamap == hr.load(FIXTURE)
