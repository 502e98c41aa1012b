"""Read a file as it was at a git revision (``git show REV:./path``), with clear errors."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from .errors import HarmonienError


class GitError(HarmonienError):
    """The file could not be read from git (no git, not a repository, unknown revision)."""


def read_at_revision(path: str | Path, revision: str) -> str:
    """The text of ``path`` at ``revision`` of the git repository it lives in."""
    if not revision or revision.startswith("-"):
        raise GitError(f"'{revision}' is not a git revision; give e.g. HEAD~1, a tag or a hash")
    git = shutil.which("git")
    if git is None:
        raise GitError("git is not installed; install it or give the old file: diff OLD NEW")
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise GitError(f"folder '{folder}' does not exist")
    inside = _git(git, folder, "rev-parse", "--is-inside-work-tree")
    if inside.returncode != 0 or inside.stdout.strip() != "true":
        raise GitError(f"'{folder}' is not inside a git repository, so --git cannot be used")
    if _git(git, folder, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}").returncode:
        raise GitError(f"unknown git revision '{revision}'")
    shown = _git(git, folder, "show", f"{revision}:./{target.name}")
    if shown.returncode != 0:
        raise GitError(f"'{target}' does not exist at revision '{revision}'")
    return shown.stdout


def _git(git: str, folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [git, "-C", str(folder), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        check=False,
    )
