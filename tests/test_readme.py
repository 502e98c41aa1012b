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
