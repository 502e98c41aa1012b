"""Safe writing of rendered files: atomic, confined to the output folder, all or nothing."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .errors import OutputError


@dataclass(frozen=True, slots=True)
class Artifact:
    """One rendered file: a relative POSIX path inside the output folder and its bytes."""

    path: str
    content: bytes

    def __post_init__(self) -> None:
        pure = PurePosixPath(self.path)
        if pure.is_absolute() or not pure.parts or ".." in pure.parts or "\\" in self.path:
            raise OutputError(f"refusing output path '{self.path}': it must stay inside --out")


def write_artifacts(out_dir: Path, artifacts: Iterable[Artifact]) -> list[Path]:
    """Write every artifact under ``out_dir``, each atomically (temporary file, then rename).

    Everything is rendered before this is called, so a failing renderer leaves the previous
    outputs untouched. Paths that leave ``out_dir`` or pass through a symlink are refused.
    Returns the written paths in order.
    """
    items = list(artifacts)
    seen: set[str] = set()
    for item in items:
        if item.path in seen:
            raise OutputError(f"two outputs want the same path '{item.path}'")
        seen.add(item.path)
    root = _prepare_root(out_dir)
    written: list[Path] = []
    for item in items:
        target = _confined(root, item.path)
        _atomic_write(target, item.content)
        written.append(target)
    return written


def _prepare_root(out_dir: Path) -> Path:
    if out_dir.is_symlink():
        raise OutputError(f"output folder '{out_dir}' is a symlink; give a real folder")
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(f"output path '{out_dir}' exists and is not a folder")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create output folder '{out_dir}': {exc.strerror}") from None
    return out_dir.resolve()


def _confined(root: Path, relative: str) -> Path:
    target = root
    for part in PurePosixPath(relative).parts[:-1]:
        target = target / part
        if target.is_symlink():
            raise OutputError(f"refusing to write through symlink '{target}'")
        try:
            target.mkdir(exist_ok=True)
        except OSError as exc:
            raise OutputError(f"cannot create folder '{target}': {exc.strerror}") from None
    target = target / PurePosixPath(relative).name
    if target.is_symlink():
        raise OutputError(f"refusing to replace symlink '{target}'")
    if target.exists() and not target.is_file():
        raise OutputError(f"'{target}' exists and is not a file")
    return target


def _atomic_write(target: Path, content: bytes) -> None:
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, 0o644)
        os.replace(tmp_name, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write '{target}': {exc.strerror or exc}") from None
        raise
