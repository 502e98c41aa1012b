"""Byte-identical outputs across runs, hash seeds, time zones, locales and folders.

Every registered renderer renders Harmonien's map, the small map and a map full of unusual
text, in final and draft mode, in child processes that differ in ``PYTHONHASHSEED``, time zone
(UTC-12 and UTC+14 never share a date, so a renderer reading the clock shows up), locale and
working folder (the data file is copied, so no absolute path may leak into an output).
``SOURCE_DATE_EPOCH`` unset and set must each give the same bytes run after run.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from support.hardening import PAYLOADS
from support.paths import HARMONIEN_YAML, SMALL_YAML

_CHILD = textwrap.dedent(
    """
    import hashlib, json, sys
    sys.path.insert(0, sys.argv[1])
    import harmonien_ropa as hr
    from support.hardening import payload_map, render_everything
    maps = {"harmonien": hr.load("processing.yaml"), "small": hr.load("small.yaml")}
    maps["payload"] = payload_map(sys.argv[2])
    digests = {}
    for name, datamap in maps.items():
        for path, data in sorted(render_everything(datamap).items()):
            digests[f"{name}/{path}"] = hashlib.sha256(data).hexdigest()
    print(json.dumps(digests, sort_keys=True))
    """
)

_MIXED = " ".join(PAYLOADS.values())


def _run(folder: Path, **env: str) -> dict[str, str]:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(HARMONIEN_YAML, folder / "processing.yaml")
    shutil.copy(SMALL_YAML, folder / "small.yaml")
    child_env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    child_env.update(env)
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD, str(Path(__file__).parent), _MIXED],
        capture_output=True,
        text=True,
        cwd=folder,
        env=child_env,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    digests: dict[str, str] = json.loads(proc.stdout)
    return digests


def _differences(a: dict[str, str], b: dict[str, str]) -> list[str]:
    assert sorted(a) == sorted(b)
    return sorted(path for path in a if a[path] != b[path])


@pytest.mark.parametrize("epoch", [None, "1700000000"], ids=["no-epoch", "epoch"])
def test_outputs_are_byte_identical_across_runs(tmp_path: Path, epoch: str | None) -> None:
    extra = {} if epoch is None else {"SOURCE_DATE_EPOCH": epoch}
    first = _run(tmp_path / "a", PYTHONHASHSEED="0", TZ="Etc/GMT+12", LC_ALL="C", **extra)
    second = _run(
        tmp_path / "somewhere" / "else",
        PYTHONHASHSEED="4242",
        TZ="Pacific/Kiritimati",
        LC_ALL="C.UTF-8",
        **extra,
    )
    assert len(first) >= 3
    assert _differences(first, second) == []
