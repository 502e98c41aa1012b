"""Read a returned review workbook back into the map: confirmed values in, assumption lines out.

:func:`apply_answers` checks every answered row before anything is written: the map must load
through the normal input checks, the assumption must still be open, the value must be the one
the workbook was made from (its hash), and the answer must be a value the field takes. Any
refusal names the workbook's cell and nothing is written. Otherwise only the answered values
and their assumption lines are edited in the map's text (:mod:`harmonien_ropa.review.textedit`:
every other byte stays), the result loaded again through the same checks, and the file
replaced atomically (temporary file in the same folder, flushed to disk, renamed over the map;
nothing left behind on error).
"""

from __future__ import annotations

import codecs
import contextlib
import io
import os
import stat
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core.errors import HarmonienError, LoadError, OutputError
from ..source.loading import loads, loads_with_positions
from ..source.yamlbase import YamlError
from ..source.yamlsource import parse, read_text
from .fields import AnswerError, answer_kind, is_confirmation, parse_answer
from .labels import answer_code
from .rows import Loc, digest, dotted, shown, value_at
from .textedit import EditError, Settled, edit
from .workbook import Answer, WorkbookError, read

#: The largest workbook read, and the most its parts may hold once unpacked (a ZIP bomb is
#: refused before it is opened).
MAX_WORKBOOK_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024


class ReviewError(HarmonienError):
    """Answers that cannot be applied; nothing was written."""


@dataclass(frozen=True, slots=True)
class Change:
    """One assumption settled: confirmed as it stood (``new`` is ``None``) or replaced."""

    cell: str
    path: Loc
    line: int
    old: str
    new: str | None
    comment: str

    def describe(self, source: str) -> str:
        where = f"{source}:{self.line}: {dotted(self.path)}"
        if self.new is None:
            text = f"{where}: confirmed '{_short(self.old)}'"
        else:
            text = f"{where}: '{_short(self.old)}' → '{_short(self.new)}'"
        return f"{text} ({self.cell})"


@dataclass(frozen=True, slots=True)
class Outcome:
    changes: tuple[Change, ...]
    #: Comments written on rows, answered or not: (cell, path, comment).
    comments: tuple[tuple[str, Loc, str], ...]


def _short(text: str) -> str:
    return text if len(text) <= 80 else text[:79] + "…"


def read_workbook(path: Path) -> bytes:
    """The workbook's bytes: a regular file of bounded size, whose ZIP parts are bounded too."""
    name = str(path)
    try:
        with open(path, "rb") as stream:
            status = os.fstat(stream.fileno())
            if not stat.S_ISREG(status.st_mode):
                raise ReviewError(f"{name}: not a regular file; give the saved review.xlsx")
            data = stream.read(MAX_WORKBOOK_BYTES + 1)
    except OSError as error:
        raise ReviewError(f"{name}: cannot read it ({error.strerror or error})") from None
    if len(data) > MAX_WORKBOOK_BYTES:
        raise ReviewError(f"{name}: larger than {MAX_WORKBOOK_BYTES // 2**20} MiB; not a review workbook")  # fmt: skip
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        raise ReviewError(
            f"{name}: not an Excel workbook; give the review.xlsx that "
            "`harmonien-ropa review --out DIR` wrote, saved as .xlsx"
        ) from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise ReviewError(f"{name}: its parts unpack to more than {MAX_UNPACKED_BYTES // 2**20} MiB; not a review workbook")  # fmt: skip
    return data


def apply_answers(map_path: Path, shown_name: str, workbook: bytes, workbook_name: str) -> Outcome:
    """Apply the answers of ``workbook`` to the map at ``map_path`` and replace the file.

    Raises :class:`LoadError` when the map is invalid, :class:`ReviewError` when an answer is
    refused (every refusal at once, each with its cell), :class:`OutputError` when the map
    cannot be written. Nothing is written unless every answer is applied.
    """
    try:
        text = read_text(map_path, shown_name)
    except YamlError as error:
        raise LoadError(error.diagnostics) from None
    loaded = loads_with_positions(text, shown_name)
    data = parse(text, shown_name, positions=False).data
    try:
        answers = read(workbook, workbook_name)
    except WorkbookError as error:
        raise ReviewError(str(error)) from None
    lang = _workbook_lang(workbook)
    open_notes = {
        (*note[:-2], field): (type(statement), note)
        for note, statement, field, _ in loaded.datamap.assumptions()
    }
    refusals: list[str] = []
    planned: list[tuple[Answer, Any, bool]] = []  # answer, YAML value, confirmation?
    comments: list[tuple[str, Loc, str]] = []
    seen: dict[Loc, str] = {}
    for answer in answers:
        if answer.comment:
            comments.append((answer.comment_cell or answer.cell, answer.path, answer.comment))
        if answer.value is None:
            continue
        where = f"{workbook_name}: {answer.cell}: {dotted(answer.path)}"
        if answer.path in seen:
            refusals.append(f"{where}: answered twice (also in {seen[answer.path]}); keep one answer")  # fmt: skip
            continue
        seen[answer.path] = answer.cell
        if answer.path not in open_notes:
            refusals.append(
                f"{where}: no longer an open assumption in {shown_name} (confirmed or removed "
                "since the export); export the review again"
            )
            continue
        if digest(value_at(data, answer.path)) != answer.digest:
            refusals.append(
                f"{where}: the value in {shown_name} changed since the export, so the answer "
                "may be about the old value; export the review again and answer the new one"
            )
            continue
        if is_confirmation(answer.value):
            planned.append((answer, None, True))
            continue
        model, _ = open_notes[answer.path]
        kind = answer_kind(model, str(answer.path[-1]))
        try:  # a label of the workbook's list (any language) or the code itself
            value = parse_answer(kind, answer_code(kind, answer.value))
        except AnswerError as error:  # in the workbook's language, for those who filled it in
            refusals.append(f"{where}: {error.say(lang)}")
            continue
        plain = _plain(value)
        # the value the map already holds, chosen from the list: a confirmation (the map's
        # own characters stay as they are)
        same = _same(plain, value_at(data, answer.path))
        planned.append((answer, None if same else plain, same))
    if refusals:
        from ..source.i18n import strings

        header = strings("review", lang)["refused"].format(count=len(refusals))
        raise ReviewError(f"{header}:\n" + "\n".join(refusals))
    if not planned:
        return Outcome((), tuple(comments))
    settled = [Settled(answer.path, value, not confirm) for answer, value, confirm in planned]
    try:
        new_text = edit(text, settled, data)
    except EditError as error:
        raise ReviewError(
            f"{shown_name}: the answers cannot be written into the map without changing other "
            f"lines ({error}), nothing written; make these changes in the map by hand"
        ) from None
    try:
        loads(new_text, shown_name)
    except LoadError as error:
        details = "\n".join(d.format() for d in error.diagnostics)
        raise ReviewError(
            "the answers would make the map invalid, nothing written (the lines below are of the "
            f"map as it would be):\n{details}"
        ) from None
    _replace(map_path, _bom(map_path) + new_text.encode("utf-8"))
    changes = tuple(
        Change(
            cell=answer.cell,
            path=answer.path,
            line=loaded.positions.find(open_notes[answer.path][1])[0],
            old=shown(value_at(data, answer.path), lang),
            new=None if confirm else shown(value, lang),
            comment=answer.comment,
        )
        for answer, value, confirm in planned
    )
    return Outcome(changes, tuple(comments))


def _workbook_lang(workbook: bytes) -> str:
    import openpyxl

    from .workbook import LISTS_SHEET

    book = openpyxl.load_workbook(io.BytesIO(workbook), read_only=True)
    try:
        lang = book[LISTS_SHEET]["A2"].value
    finally:
        book.close()
    return str(lang) if lang else "en"


def _plain(value: Any) -> Any:
    """A validated value as YAML writes it (enum members as their value, strings as strings)."""
    import datetime as dt
    import enum

    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, bool | int | float | dt.date | str):
        return value
    return str(value)


def _same(answer: Any, current: Any) -> bool:
    """Whether an answer is the value the map holds already (``True`` is not ``1``)."""
    return type(answer) is type(current) and answer == current


def _bom(path: Path) -> bytes:
    """The UTF-8 byte-order mark the map starts with (the reader drops it), or nothing."""
    try:
        with open(path, "rb") as stream:
            start = stream.read(len(codecs.BOM_UTF8))
    except OSError:
        return b""
    return codecs.BOM_UTF8 if start == codecs.BOM_UTF8 else b""


def _replace(path: Path, data: bytes) -> None:
    """Replace the file at ``path`` (through a symlink: its target) with ``data`` atomically."""
    target = path.resolve()
    folder = target.parent
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError):
            raise OutputError(
                f"cannot write {path}: {error.strerror or error}; the map is unchanged"
            ) from None
        raise
    with contextlib.suppress(OSError):
        directory = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)
