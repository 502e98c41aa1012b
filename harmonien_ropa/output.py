"""Safe writing of rendered files: atomic, confined to the output folder, all or nothing."""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import tempfile
from collections.abc import Iterable, Iterator
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
    """Write every artifact under ``out_dir``: all of them, or none.

    Everything is rendered before this is called, so a failing renderer leaves the previous
    outputs untouched. Each file is first written in full to a temporary file beside its target;
    only when all are written are they renamed into place. If writing fails (disk full, ...),
    the temporary files are removed and no output changes; if a rename fails, the files already
    replaced are put back. Paths that leave ``out_dir`` or pass through a symlink are refused.
    Only the outputs named and their own temporary files are ever touched. Returns the written
    paths in order.
    """
    items = list(artifacts)
    seen: set[str] = set()
    for item in items:
        if item.path in seen:
            raise OutputError(f"two outputs want the same path '{item.path}'")
        seen.add(item.path)
    with StagedOutput(out_dir) as staged:
        staged.stage(items)
        return staged.commit()


class StagedOutput:
    """All-or-nothing writing of outputs that arrive in batches (e.g. one per renderer).

    ``stage`` writes each file in full to a temporary file beside its target, so the bytes
    need not stay in memory; ``commit`` renames them all into place. Leaving the ``with``
    block without a commit (a later renderer failed, the disk filled up, an interrupt) removes
    the temporary files and the folders made for them: the previous outputs stay unchanged.
    :func:`write_artifacts` is one batch staged and committed.
    """

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self._root: Path | None = None
        self._created: list[Path] = []
        self._staged: list[tuple[str, Path]] = []
        self._paths: set[str] = set()
        self._done = False

    def __enter__(self) -> StagedOutput:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if not self._done:
            self.discard()

    def stage(self, artifacts: Iterable[Artifact]) -> None:
        """Write ``artifacts`` to temporary files beside their targets."""
        with self._discard_on_failure():
            if self._root is None:
                self._root = _prepare_root(self.out_dir, self._created)
            for item in artifacts:
                if item.path in self._paths:
                    raise OutputError(f"two outputs want the same path '{item.path}'")
                self._paths.add(item.path)
                target = _confined(self._root, item.path, self._created)
                self._staged.append((_write_temporary(target, item.content), target))

    def commit(self) -> list[Path]:
        """Rename every staged file into place (or, on failure, change nothing)."""
        if self._root is None:
            self.stage([])
        with self._discard_on_failure():
            _replace_all(self._staged)
        self._done = True
        return [target for _, target in self._staged]

    @contextlib.contextmanager
    def _discard_on_failure(self) -> Iterator[None]:
        """On any failure inside the block, remove what was staged (an OSError is reported as
        an :class:`OutputError`)."""
        try:
            yield
        except OSError as exc:
            self.discard()
            raise _output_error(exc) from None
        except BaseException:
            self.discard()
            raise

    def discard(self) -> None:
        """Remove the temporary files and the folders made for them (only while empty)."""
        self._done = True
        for tmp_name, _ in self._staged:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
        for folder in reversed(self._created):
            with contextlib.suppress(OSError):
                folder.rmdir()
        self._staged.clear()
        self._created.clear()


def _output_error(exc: OSError) -> OutputError:
    name = exc.filename or "the output folder"
    return OutputError(
        f"cannot write {name}: {exc.strerror or exc}; the previous outputs are unchanged"
    )


def _prepare_root(out_dir: Path, created: list[Path]) -> Path:
    if out_dir.is_symlink():
        raise OutputError(f"output folder '{out_dir}' is a symlink; give a real folder")
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(f"output path '{out_dir}' exists and is not a folder")
    missing = [folder for folder in (out_dir, *out_dir.parents) if not folder.exists()]
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create output folder '{out_dir}': {exc.strerror}") from None
    created.extend(reversed(missing))
    return out_dir.resolve()


def _confined(root: Path, relative: str, created: list[Path]) -> Path:
    target = root
    for part in PurePosixPath(relative).parts[:-1]:
        target = target / part
        if target.is_symlink():
            raise OutputError(f"refusing to write through symlink '{target}'")
        try:
            if not target.exists():
                target.mkdir()
                created.append(target)
        except OSError as exc:
            raise OutputError(f"cannot create folder '{target}': {exc.strerror}") from None
    target = target / PurePosixPath(relative).name
    if target.is_symlink():
        raise OutputError(f"refusing to replace symlink '{target}'")
    if target.exists() and not target.is_file():
        raise OutputError(f"'{target}' exists and is not a file")
    return target


def _write_temporary(target: Path, content: bytes) -> str:
    """Write ``content`` in full to a new temporary file beside ``target``; return its name."""
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        view = memoryview(content)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
        os.fchmod(fd, 0o644)
    except OSError as exc:
        os.close(fd)
        os.unlink(tmp_name)
        exc.filename = str(target)
        raise
    except BaseException:
        os.close(fd)
        os.unlink(tmp_name)
        raise
    os.close(fd)
    return tmp_name


def _replace_all(staged: list[tuple[str, Path]]) -> None:
    """Rename every temporary file onto its target; on failure put back what was replaced."""
    backups: list[tuple[Path, str | None]] = []
    try:
        for tmp_name, target in staged:
            backup = _backup(target) if target.exists() else None
            backups.append((target, backup))
            try:
                os.replace(tmp_name, target)
            except OSError as exc:
                exc.filename = str(target)
                raise
    except BaseException:
        for target, backup in reversed(backups):
            with contextlib.suppress(OSError):
                if backup is None:
                    os.unlink(target)
                else:
                    os.replace(backup, target)
        raise
    finally:
        for _, backup in backups:
            if backup is not None:
                with contextlib.suppress(OSError):
                    os.unlink(backup)


def _backup(target: Path) -> str:
    """A hard link (or, where links are not supported, a copy) of ``target`` beside it."""
    for _ in range(100):
        name = str(target.parent / f".{target.name}.{secrets.token_hex(6)}.old")
        try:
            os.link(target, name)
            return name
        except FileExistsError:
            continue
        except OSError:
            break
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".old", dir=target.parent)
    with os.fdopen(fd, "wb") as copy, target.open("rb") as original:
        shutil.copyfileobj(original, copy)
    return name
