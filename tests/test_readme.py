"""The README's examples work as written."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from support.paths import ROOT

import harmonien_ropa as hr

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _block(language: str, after: str) -> str:
    start = README.index(after)
    match = re.search(rf"```{language}\n(.*?)```", README[start:], re.S)
    assert match, f"no {language} block after {after!r}"
    return match.group(1)


def test_example_data_map_loads_and_renders() -> None:
    datamap = hr.loads(_block("yaml", "## A data map in short"), "README.md")
    assert datamap.activities[0].is_assumed("legal_basis")
    result = hr.render(datamap, only=["notice", "record"])
    assert {a.path for a in result.artifacts} >= {"notice.nb.html", "record.xlsx"}


def test_python_example_runs(tmp_path: Path) -> None:
    code = _block("python", "From Python:").replace('pathlib.Path("build")', "pathlib.Path(OUT)")
    script = f"OUT = {str(tmp_path / 'build')!r}\n{code}"
    proc = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "ticket-administration" in proc.stdout
    assert (tmp_path / "build" / "model.json").is_file()


def test_the_two_commands_are_what_ci_runs() -> None:
    assert "make render" in README
    assert "make test" in README
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ci.strip().splitlines()[-1] == "make test"


def test_start_your_own_works_as_written_in_a_checkout(tmp_path: Path) -> None:
    """The commands of "Start your own", run in the checkout (whose data/processing.yaml is
    Harmonien's) without a terminal: a starter map of one's own, checked and rendered there."""
    block = _block("sh", "## Start your own")
    assert "init data/processing.yaml" in block
    proc = subprocess.run(
        ["bash", "-euc", block.replace("render --out build", "render --only notice --out build")],
        cwd=ROOT,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "CI": "1"},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "my-org" / "data" / "processing.yaml").is_file()
    assert (tmp_path / "my-org" / "build" / "notice.nb.html").is_file()
    assert "bundled example" not in proc.stderr
