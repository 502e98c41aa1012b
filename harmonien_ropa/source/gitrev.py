"""Read a file as it was at a git revision, with clear errors.

The old version goes through the same checks as a file (:func:`.yamlsource.check_text`): its
size is asked of git before anything is read, so a blob over the size limit is never read, and
NUL bytes or text that is not UTF-8 are refused with their place, never silently replaced.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from ..core.errors import HarmonienError, LoadError
from .yamlbase import YamlError, max_bytes
from .yamlsource import check_text, too_large


class GitError(HarmonienError):
    """The file could not be read from git (no git, not a repository, unknown revision)."""


#: How git (2.35.2 and later) names a repository it refuses because another user owns it.
_DUBIOUS = re.compile(r"dubious ownership in repository at '([^']*)'")


def read_at_revision(path: str | Path, revision: str, display: str | None = None) -> str:
    """The text of ``path`` at ``revision`` of the git repository it lives in.

    Raises :class:`GitError` when git cannot give it, and :class:`LoadError` (with ``display``,
    by default ``REV:path``, as the file name) when what it gives is not a data map's text.
    """
    if not revision or revision.startswith("-"):
        raise GitError(f"'{revision}' is not a git revision; give e.g. HEAD~1, a tag or a hash")
    git = shutil.which("git")
    if git is None:
        raise GitError("git is not installed; install it or give the old file: diff OLD NEW")
    target = Path(path)
    name = display or f"{revision}:{path}"
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise GitError(f"folder '{folder}' does not exist")
    inside = _git(git, folder, "rev-parse", "--is-inside-work-tree")
    if inside.returncode != 0 or inside.stdout.strip() != b"true":
        refused = _DUBIOUS.search(inside.stderr.decode("utf-8", "replace"))
        if refused:
            repository = refused.group(1)
            raise GitError(
                f"git refuses to read the repository at '{repository}': it belongs to another "
                "user ('dubious ownership'). If you trust it, allow it with: "
                f"git config --global --add safe.directory '{repository}'"
            )
        raise GitError(f"'{folder}' is not inside a git repository, so --git cannot be used")
    if _git(git, folder, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}").returncode:
        raise GitError(f"unknown git revision '{revision}'")
    # Resolve to the object once: its type, size and content then all describe the same bytes.
    found = _git(git, folder, "rev-parse", "--verify", "--quiet", f"{revision}:./{target.name}")
    if found.returncode != 0:
        raise GitError(f"'{target}' does not exist at revision '{revision}'")
    blob = found.stdout.decode("ascii", "replace").strip()
    kind = _git(git, folder, "cat-file", "-t", blob).stdout.strip()
    if kind != b"blob":
        raise GitError(f"'{target}' at revision '{revision}' is not a file")
    size = _git(git, folder, "cat-file", "-s", blob).stdout.strip()
    if not size.isdigit() or len(size) > 18:
        raise GitError(f"git could not tell the size of '{target}' at revision '{revision}'")
    limit = max_bytes()
    try:
        if int(size) > limit:
            raise too_large(name, limit)  # refused without reading it
        shown = _git(git, folder, "cat-file", "blob", blob)
        if shown.returncode != 0:
            raise GitError(f"git could not read '{target}' at revision '{revision}'")
        return check_text(shown.stdout, name, limit)
    except YamlError as exc:
        raise LoadError(exc.diagnostics) from None


def _git(git: str, folder: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [git, "-C", str(folder), *args], capture_output=True, check=False, stdin=subprocess.DEVNULL
    )
