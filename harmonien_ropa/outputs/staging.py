# Longer than 400 lines: one write protocol (lock, stage, journal, commit, roll back, manifest) whose steps are read together.
"""Safe writing of rendered files into an output folder: confined, locked, all or nothing,
recoverable after a crash, and never mixing two renders.

How a render reaches the folder (:class:`StagedOutput`, used by ``render`` on the command line and
by :func:`write_artifacts`):

1. **Lock.** The folder is locked with an advisory ``flock`` on ``.harmonien-ropa.lock`` for the
   whole write. A second writer waits up to :data:`LOCK_WAIT` seconds, then fails with an
   :class:`OutputError` saying the folder is in use. The kernel releases the lock when its holder
   dies, so a killed render never blocks the next one.
2. **Recover.** A staging folder left by an interrupted run is dealt with first: if it holds a
   journal (the run was killed while renaming files into place), every file the journal lists is
   put back as it was, so the folder holds the last complete render again; then the staging
   folder is removed.
3. **Stage.** Each file is written in full under ``.harmonien-ropa-staging/`` (mode 0700, files
   0600: a draft's internal notes are never readable by others, not even while staged) and
   flushed to disk on a background thread (:mod:`.flushing`) while the next one is made; the
   commit waits until every staged file is on disk before it renames any.
4. **Commit.** The new manifest is staged, the files to be replaced or removed get a hard link
   in the staging folder as backup, and the journal (what will be renamed, created and removed)
   is written. Then the files are renamed into place, stale files removed and the manifest
   replaced. Removing the journal is the commit point; the staging folder then goes (its backups
   removed several at once). A failure (disk full, I/O error, interrupt) before that point puts
   every file back, in the same process or, if it was killed, in the next run.

The **manifest** ``.harmonien-ropa-manifest.json`` lists every file the tool wrote into the folder
with the output and language that made it and its SHA-256. A render owns the outputs and
languages it was asked for (a :class:`Scope`); a file of the manifest in its scope that it no
longer makes is removed, but only while it still holds the bytes the tool wrote. Files the
manifest does not list are never touched. :func:`write_artifacts` without a scope keeps no
manifest and removes nothing.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import shutil
import stat
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from ..core.errors import OutputError
from ..core.languages import LANGUAGES
from .flushing import Flusher, remove_files

#: The manifest of the files the tool wrote into an output folder.
MANIFEST = ".harmonien-ropa-manifest.json"
#: The lock file; locked (``flock``) while a render writes into the folder.
LOCK = ".harmonien-ropa.lock"
#: The private folder where files are staged before they are renamed into place.
STAGING = ".harmonien-ropa-staging"
#: Names in the output folder that belong to the tool itself; no output may use them.
RESERVED = frozenset({MANIFEST, LOCK, STAGING})
#: How long (seconds) a render waits for another one to release the folder.
LOCK_WAIT = 5.0
#: A manifest larger than this is not read (it is then treated as absent: nothing is removed).
MANIFEST_LIMIT = 64 * 1024 * 1024

_JOURNAL = "journal.json"
_MANIFEST_FORMAT = 1
_FILE_MODE = 0o644


@dataclass(frozen=True, slots=True)
class Artifact:
    """One rendered file: a relative POSIX path inside the output folder and its bytes."""

    path: str
    content: bytes

    def __post_init__(self) -> None:
        pure = PurePosixPath(self.path)
        if pure.is_absolute() or not pure.parts or ".." in pure.parts or "\\" in self.path:
            raise OutputError(f"refusing output path '{self.path}': it must stay inside --out")
        if pure.parts[0] in RESERVED:
            raise OutputError(f"refusing output path '{self.path}': the name is the tool's own")


@dataclass(frozen=True, slots=True)
class Scope:
    """What a render owns in its output folder: the outputs it was asked for, in the languages
    it was asked for. Its stale files (listed in the manifest, no longer made) are removed."""

    outputs: frozenset[str]
    languages: frozenset[str]

    def owns(self, entry: ManifestEntry) -> bool:
        return entry.output in self.outputs and (
            entry.language is None or entry.language in self.languages
        )


@dataclass(frozen=True, slots=True)
class ManifestEntry:
    """A file the tool wrote: its path, the output and language that made it, its digest."""

    path: str
    output: str | None
    language: str | None
    sha256: str
    size: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "output": self.output,
            "language": self.language,
            "sha256": self.sha256,
            "size": self.size,
        }


def language_of(path: str) -> str | None:
    """The language a file is in by its name (``notice.nb.html`` → ``nb``), or None for a file
    every language shares (``record.csv``, ``dataflow/<activity>.svg``)."""
    parts = PurePosixPath(path).name.split(".")
    return next((part for part in parts[1:-1] if part in LANGUAGES), None)


def write_artifacts(out_dir: Path, artifacts: Iterable[Artifact]) -> list[Path]:
    """Write every artifact under ``out_dir``: all of them, or none.

    Everything is rendered before this is called, so a failing renderer leaves the previous
    outputs untouched. Each file is first written in full to the private staging folder; only
    when all are written are they renamed into place. If writing fails (disk full, ...), no
    output changes; if a rename fails, the files already replaced are put back (and if the
    process is killed, the next write into the folder puts them back). Paths that leave
    ``out_dir`` or pass through a symlink are refused. Only the outputs named are written and
    nothing else is removed (no manifest is kept; :class:`StagedOutput` with a :class:`Scope`
    does that). Returns the written paths in order.
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


@dataclass(slots=True)
class _Staged:
    path: str
    name: str  # the file's name in the staging folder
    entry: ManifestEntry


class StagedOutput:
    """All-or-nothing writing of outputs that arrive in batches (e.g. one per renderer).

    ``open`` locks the folder and recovers what an interrupted run left (``stage`` opens it if
    needed); ``stage`` writes each file in full to the staging folder, so the bytes need not stay
    in memory; ``commit`` renames them all into place. Leaving the ``with`` block without a
    commit (a later renderer failed, the disk filled up, an interrupt) removes the staged files
    and the folders made for them: the previous outputs stay unchanged. With a ``scope``, the
    manifest is kept and the scope's stale files are removed on commit; ``messages`` then says
    which stale files were kept because they changed since they were written.
    """

    def __init__(self, out_dir: Path, *, scope: Scope | None = None) -> None:
        self.out_dir = out_dir
        self.scope = scope
        self.messages: list[str] = []
        self._root: Path | None = None
        self._lock_fd: int | None = None
        self._created: list[Path] = []
        self._staged: list[_Staged] = []
        self._paths: set[str] = set()
        self._counter = 0
        self._done = False
        self._flusher = Flusher(os.fsync, os.close)

    def __enter__(self) -> StagedOutput:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if not self._done:
            self.discard()

    @property
    def _staging(self) -> Path:
        assert self._root is not None
        return self._root / STAGING

    def open(self) -> None:
        """Create and lock the folder, and recover what an interrupted run left in it."""
        if self._root is not None:
            return
        with self._discard_on_failure():
            root = _prepare_root(self.out_dir, self._created)
            self._root = root
            self._lock_fd = _lock(root, self.out_dir)
            _recover_locked(root)
            os.mkdir(root / STAGING, 0o700)

    def stage(self, artifacts: Iterable[Artifact], output: str | None = None) -> None:
        """Write ``artifacts`` (made by the renderer ``output``) to the staging folder."""
        self.open()
        with self._discard_on_failure():
            for item in artifacts:
                if item.path in self._paths:
                    raise OutputError(f"two outputs want the same path '{item.path}'")
                self._paths.add(item.path)
                assert self._root is not None
                _confined(self._root, item.path)
                self._counter += 1
                name = f"{self._counter:06d}.new"
                _write_private(self._staging / name, item.content, item.path, self._flusher)
                digest = hashlib.sha256(item.content).hexdigest()
                entry = ManifestEntry(
                    item.path, output, language_of(item.path), digest, len(item.content)
                )
                self._staged.append(_Staged(item.path, name, entry))

    def commit(self) -> list[Path]:
        """Rename every staged file into place and remove the scope's stale files (or, on
        failure, change nothing)."""
        self.open()
        assert self._root is not None
        root = self._root
        with self._discard_on_failure():
            renames = [(s.path, s.name) for s in self._staged]
            removals: list[str] = []
            if self.scope is not None:
                manifest, removals = self._plan_manifest(root, self.scope)
                _write_private(self._staging / "manifest.new", manifest, MANIFEST, self._flusher)
                renames.append((MANIFEST, "manifest.new"))
            self._flusher.wait()  # every staged file is on disk before any is renamed
            self._flusher.close()
            journal = _plan(root, renames, removals)
            _write_journal(self._staging, journal)
            # On a failure from here on, discard() rolls back what the journal lists (and if
            # this process is killed, the next run does).
            _apply(root, journal)
            os.unlink(self._staging / _JOURNAL)  # the commit point
        self._done = True
        with contextlib.suppress(OSError):  # what is left, the next run removes
            _remove_staging(root)
            _remove_emptied_folders(root, removals)
        self._release()
        return [root / s.path for s in self._staged]

    def _plan_manifest(self, root: Path, scope: Scope) -> tuple[bytes, list[str]]:
        """The new manifest's bytes, and the stale files to remove."""
        previous = _read_manifest(root, self.messages)
        entries = {s.path: s.entry for s in self._staged}
        removals: list[str] = []
        for path, entry in sorted(previous.items()):
            if path in entries:
                continue
            if not scope.owns(entry):
                if os.path.lexists(root / path):
                    entries[path] = entry  # another output's or language's: left as it is
            elif _still_ours(root, entry):
                removals.append(path)
            elif os.path.lexists(root / path):
                self.messages.append(
                    f"kept {path}: no longer rendered, but changed since it was written"
                )
        files = [entries[path].to_dict() for path in sorted(entries)]
        document = {
            "about": "Files harmonien-ropa wrote into this folder; it removes those it no longer "
            "makes. Do not edit.",
            "format": _MANIFEST_FORMAT,
            "files": files,
        }
        text = json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        return text.encode("utf-8"), removals

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
        """Remove the staged files, release the lock, and remove the folders made for the
        output (only while empty)."""
        self._done = True
        self._flusher.close()
        if self._root is not None and self._lock_fd is not None:
            # Rolls back a commit that failed halfway; if even that fails, the journal stays
            # for the next run to finish the roll-back.
            with contextlib.suppress(OSError, OutputError):
                _recover_locked(self._root)
        self._release()
        for folder in reversed(self._created):
            with contextlib.suppress(OSError):
                os.rmdir(folder)
        self._staged.clear()
        self._created.clear()

    def _release(self) -> None:
        if self._lock_fd is None or self._root is None:
            return
        # Removed while still locked: a waiting render then sees the file gone and locks anew.
        with contextlib.suppress(OSError):
            os.unlink(self._root / LOCK)
        os.close(self._lock_fd)
        self._lock_fd = None


def recover(out_dir: Path) -> None:
    """Bring ``out_dir`` back to its last complete render if a run was killed while writing
    into it (waits for the lock like a render does). Nothing happens to a folder in order."""
    if not out_dir.is_dir() or not any(os.path.lexists(out_dir / n) for n in (STAGING, LOCK)):
        return
    with StagedOutput(out_dir) as staged:
        staged.open()
        staged.discard()


def _recover_locked(root: Path) -> None:
    """Roll back a commit an interrupted run left half done, and remove its staging folder.
    The caller holds the folder's lock."""
    staging = root / STAGING
    if not staging.exists() and not staging.is_symlink():
        return
    if staging.is_symlink() or not staging.is_dir():
        raise OutputError(
            f"'{staging}' is not a folder; it is reserved for harmonien-ropa: move it away"
        )
    journal_path = staging / _JOURNAL
    if journal_path.exists():
        try:
            journal = json.loads(journal_path.read_bytes())
            _check_journal(journal)
        except (ValueError, TypeError, KeyError, OutputError) as exc:
            raise OutputError(
                f"cannot recover the interrupted write in '{root}': its journal "
                f"'{journal_path}' is damaged ({exc}); check the outputs, then remove "
                f"'{staging}'"
            ) from None
        _roll_back(root, journal)
        os.unlink(journal_path)
    _remove_staging(root)


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


def _lock(root: Path, shown: Path) -> int:
    """Lock ``root`` for this process (``flock`` on its lock file); returns the lock's fd."""
    path = root / LOCK
    deadline = time.monotonic() + LOCK_WAIT
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            if time.monotonic() >= deadline:
                raise OutputError(
                    f"output folder '{shown}' is in use by another render (waited "
                    f"{LOCK_WAIT:g} s for '{path.name}'); try again when it has finished"
                ) from None
            time.sleep(0.05)
            continue
        try:
            same = os.stat(path, follow_symlinks=False).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            same = False
        if same:
            return fd
        os.close(fd)  # the previous holder removed it as it finished: lock the new one


def _confined(root: Path, relative: str) -> Path:
    """``relative`` under ``root``, refusing symlinks on the way and non-files in its place."""
    target = root
    for part in PurePosixPath(relative).parts[:-1]:
        target = target / part
        if target.is_symlink():
            raise OutputError(f"refusing to write through symlink '{target}'")
        if target.exists() and not target.is_dir():
            raise OutputError(f"cannot create folder '{target}': a file is in the way")
    target = target / PurePosixPath(relative).name
    if target.is_symlink():
        raise OutputError(f"refusing to replace symlink '{target}'")
    if target.exists() and not target.is_file():
        raise OutputError(f"'{target}' exists and is not a file")
    return target


def _write_private(path: Path, content: bytes, shown: str, flusher: Flusher | None = None) -> None:
    """Write ``content`` in full to a new file only its owner can read, and flush it to disk
    (with a ``flusher``, in the background: the file is on disk once it has waited)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
    try:
        view = memoryview(content)
        while view:
            view = view[os.write(fd, view) :]
        if flusher is None:
            os.fsync(fd)
    except OSError as exc:
        exc.filename = shown
        os.close(fd)
        raise
    except BaseException:
        os.close(fd)
        raise
    if flusher is None:
        os.close(fd)
    else:
        flusher.flush(fd, shown)


def _plan(root: Path, renames: list[tuple[str, str]], removals: list[str]) -> dict[str, Any]:
    """The journal of a commit: folders to create, files to rename into place (with a backup
    of each one replaced) and files to remove (with a backup). Backups are made here."""
    staging = root / STAGING
    folders: list[str] = []
    seen: set[str] = set()
    files: list[dict[str, str | None]] = []
    for index, (path, name) in enumerate(renames):
        target = _confined(root, path)
        for parent in reversed(PurePosixPath(path).parents[:-1]):
            key = parent.as_posix()
            if key not in seen and not (root / key).exists():
                folders.append(key)
            seen.add(key)
        backup = _backup(target, staging, f"{index:06d}.old") if target.exists() else None
        files.append({"path": path, "staged": name, "backup": backup})
    for index, path in enumerate(removals, start=len(renames)):
        target = _confined(root, path)
        files.append(
            {"path": path, "staged": None, "backup": _backup(target, staging, f"{index:06d}.old")}
        )
    return {"folders": folders, "files": files}


def _backup(target: Path, staging: Path, name: str) -> str:
    """A hard link (or, where links are not supported, a copy) of ``target`` in the staging
    folder."""
    try:
        os.link(target, staging / name, follow_symlinks=False)
    except OSError:
        fd = os.open(staging / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        with os.fdopen(fd, "wb") as copy, target.open("rb") as original:
            shutil.copyfileobj(original, copy)
        os.chmod(staging / name, stat.S_IMODE(target.stat().st_mode))
    return name


def _write_journal(staging: Path, journal: dict[str, Any]) -> None:
    """Write the journal under a temporary name, then rename it: it exists whole or not at all."""
    data = json.dumps(journal, sort_keys=True).encode("utf-8")
    _write_private(staging / f"{_JOURNAL}.new", data, _JOURNAL)
    os.rename(staging / f"{_JOURNAL}.new", staging / _JOURNAL)


def _check_journal(journal: Any) -> None:
    if not isinstance(journal, dict) or not isinstance(journal["folders"], list):
        raise TypeError("not a journal")
    for folder in journal["folders"]:
        _check_relative(folder)
    for item in journal["files"]:
        _check_relative(item["path"])
        for key in ("staged", "backup"):
            if item[key] is not None and (not isinstance(item[key], str) or "/" in item[key]):
                raise TypeError(f"bad {key} name")


def _check_relative(path: Any) -> None:
    if not isinstance(path, str):
        raise TypeError("a path is not text")
    if path != MANIFEST:
        Artifact(path, b"")


def _apply(root: Path, journal: dict[str, Any]) -> None:
    staging = root / STAGING
    for folder in journal["folders"]:
        os.mkdir(root / folder)
    for item in journal["files"]:
        target = root / item["path"]
        try:
            if item["staged"] is None:
                os.unlink(target)
            else:
                os.chmod(staging / item["staged"], _FILE_MODE)
                os.replace(staging / item["staged"], target)
        except OSError as exc:
            exc.filename = str(target)
            raise


def _roll_back(root: Path, journal: dict[str, Any]) -> None:
    """Put every file the journal lists back as it was before the commit began. Each step can
    be repeated, so a roll-back that is itself interrupted is finished by the next run."""
    staging = root / STAGING
    for item in reversed(journal["files"]):
        target = root / item["path"]
        with contextlib.suppress(FileNotFoundError):
            if item["backup"] is not None:
                os.replace(staging / item["backup"], target)
            elif item["staged"] is not None:
                os.unlink(target)  # it did not exist before
    for folder in reversed(journal["folders"]):
        with contextlib.suppress(OSError):
            os.rmdir(root / folder)


def _remove_staging(root: Path) -> None:
    staging = root / STAGING
    if not staging.exists():
        return
    files = []
    for entry in os.scandir(staging):
        if entry.is_dir(follow_symlinks=False):
            shutil.rmtree(entry.path)
        else:
            files.append(entry.path)
    remove_files(files, os.unlink)
    os.rmdir(staging)


def _remove_emptied_folders(root: Path, removed: list[str]) -> None:
    """Remove the folders that removing stale files left empty (never the output folder)."""
    for path in removed:
        for parent in PurePosixPath(path).parents[:-1]:
            with contextlib.suppress(OSError):
                os.rmdir(root / parent)


def _read_manifest(root: Path, messages: list[str]) -> dict[str, ManifestEntry]:
    """The entries of the folder's manifest; none if it is missing or cannot be used."""
    path = root / MANIFEST
    if not path.exists():
        return {}
    try:
        if path.is_symlink() or not path.is_file() or path.stat().st_size > MANIFEST_LIMIT:
            raise ValueError("not a regular file of a sensible size")
        document = json.loads(path.read_bytes())
        if document.get("format") != _MANIFEST_FORMAT:
            raise ValueError(f"format {document.get('format')!r}")
        entries = {}
        for item in document["files"]:
            entry = ManifestEntry(
                str(item["path"]),
                None if item["output"] is None else str(item["output"]),
                None if item["language"] is None else str(item["language"]),
                str(item["sha256"]),
                int(item["size"]),
            )
            Artifact(entry.path, b"")
            entries[entry.path] = entry
        return entries
    except (OSError, ValueError, TypeError, KeyError, AttributeError, OutputError) as exc:
        messages.append(
            f"ignored {MANIFEST} ({exc}): no earlier output is removed this time; "
            "the manifest is written anew"
        )
        return {}


def _still_ours(root: Path, entry: ManifestEntry) -> bool:
    """Whether the file at ``entry.path`` is a regular file (not reached through a symlink)
    that still holds the bytes the tool wrote."""
    try:
        target = _confined(root, entry.path)
        info = target.lstat()
    except (OutputError, OSError):
        return False
    if not stat.S_ISREG(info.st_mode) or info.st_size != entry.size:
        return False
    digest = hashlib.sha256()
    with target.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest() == entry.sha256
