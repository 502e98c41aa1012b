"""Checker settings: defaults, ``[tool.harmonien_ropa]`` in pyproject.toml, the YAML's
``settings.check`` block and the command line, each overriding the one before."""

from __future__ import annotations

import datetime as dt
import os
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, cast

from ..core.diagnostics import Severity
from ..model import CheckSettings
from .registry import SelectionError, selection

FailOn = Literal["error", "warning", "info", "never"]
FAIL_ON_VALUES: tuple[str, ...] = ("error", "warning", "info", "never")


@dataclass(frozen=True, slots=True)
class CheckConfig:
    """Which rules run and which severity makes the check fail."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: FailOn = "error"
    #: The date that rules depending on the date (overdue reviews, catalogue entries checked
    #: long ago) count from; ``None`` means not known, and those rules stay silent. Only the
    #: ``check`` command fills it from the clock; renderers never do.
    today: dt.date | None = None

    def codes(self) -> frozenset[str]:
        """The codes of the rules to run (raises :class:`SelectionError` for unknown names)."""
        return selection(self.select, self.ignore)

    def fails(self, severity: Severity) -> bool:
        """True if a finding of ``severity`` makes the check fail."""
        if self.fail_on == "never":
            return False
        return severity.rank >= Severity(self.fail_on).rank


@dataclass(frozen=True, slots=True)
class Layer:
    """One source of settings; ``None`` means "not set here"."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    fail_on: FailOn | None = None
    today: dt.date | None = None


def combine(*layers: Layer) -> CheckConfig:
    """Settings with each later layer overriding the fields it sets."""
    config = CheckConfig()
    for layer in layers:
        config = CheckConfig(
            select=config.select if layer.select is None else layer.select,
            ignore=config.ignore if layer.ignore is None else layer.ignore,
            fail_on=config.fail_on if layer.fail_on is None else layer.fail_on,
            today=config.today if layer.today is None else layer.today,
        )
    config.codes()  # validate every selector now
    return config


def from_settings(settings: CheckSettings) -> Layer:
    """The layer given by the data map's ``settings.check`` block."""
    fields = settings.model_fields_set
    return Layer(
        select=settings.select if "select" in fields else None,
        ignore=settings.ignore if "ignore" in fields else None,
        fail_on=settings.fail_on,
    )


def _trusted(path: Path) -> bool:
    """True if ``path`` exists and belongs to the current user or to root (as git trusts a
    repository only when its owner is the user: another user's ``/tmp/.git`` or
    ``pyproject.toml`` does not count)."""
    try:
        owner = path.stat().st_uid
    except OSError:
        return False
    getuid = getattr(os, "getuid", None)
    return getuid is None or owner in (getuid(), 0)


def repository_root(start: Path) -> Path | None:
    """The nearest folder at or above ``start`` (a folder) that holds ``.git`` (a folder, or
    the file a git worktree or submodule has), or ``None`` outside any repository. A ``.git``
    another user owns ends the search as outside a repository."""
    for candidate in (start, *start.parents):
        marker = candidate / ".git"
        if marker.exists():
            return candidate if _trusted(marker) else None
    return None


def find_pyproject(start: Path) -> Path | None:
    """The nearest ``pyproject.toml`` in ``start``'s folder or above it, up to the repository
    root (the folder holding ``.git``) and never beyond; outside a repository only the data
    file's own folder is searched. A file planted higher up (in ``/tmp``, a home folder or ``/``)
    is never read, so it cannot silence the checker; nor is one another user owns."""
    folder = start.resolve()
    if not folder.is_dir():
        folder = folder.parent
    root = repository_root(folder)
    candidates = [folder]
    if root is not None:
        candidates = [folder, *folder.parents[: len(folder.parts) - len(root.parts)]]
    for candidate in candidates:
        path = candidate / "pyproject.toml"
        if path.is_file() and _trusted(path):
            return path
    return None


#: A settings file larger than this is refused (a real one is a few kilobytes).
MAX_PYPROJECT_BYTES = 1 << 20


def read_pyproject(path: Path) -> tuple[Layer, bool]:
    """The layer given by ``[tool.harmonien_ropa]`` (or its ``check`` sub-table) in ``path``,
    and whether the file has that table at all."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_PYPROJECT_BYTES + 1)
        if len(raw) > MAX_PYPROJECT_BYTES:
            raise SelectionError(
                f"cannot read settings from {path}: larger than {MAX_PYPROJECT_BYTES} bytes; "
                "point --config at a smaller file"
            )
        data = tomllib.loads(raw.decode("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise SelectionError(f"cannot read settings from {path}: {exc}") from None
    except RecursionError:
        raise SelectionError(
            f"cannot read settings from {path}: arrays or tables nested too deeply to read; "
            "flatten the file or point --config at another one"
        ) from None
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise SelectionError(f"{path}: [tool] must be a table")
    if "harmonien_ropa" not in tool:
        return Layer(), False
    table = tool["harmonien_ropa"]
    if not isinstance(table, dict):
        raise SelectionError(f"{path}: [tool.harmonien_ropa] must be a table")
    merged = {k: v for k, v in table.items() if k != "check"}
    check = table.get("check", {})
    if not isinstance(check, dict):
        raise SelectionError(f"{path}: [tool.harmonien_ropa.check] must be a table")
    merged.update(check)
    where = f"{path} [tool.harmonien_ropa]"
    layer = Layer(
        select=_strings(merged.get("select"), where, "select"),
        ignore=_strings(merged.get("ignore"), where, "ignore"),
        fail_on=_fail_on(merged.get("fail-on", merged.get("fail_on")), where),
    )
    return layer, True


def from_pyproject(path: Path) -> Layer:
    """The layer given by ``[tool.harmonien_ropa]`` (or its ``check`` sub-table) in ``path``."""
    return read_pyproject(path)[0]


def _strings(value: Any, where: str, key: str) -> tuple[str, ...] | None:
    if value is None:
        return None
    if isinstance(value, str):
        return tuple(part.strip() for part in value.split(",") if part.strip())
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise SelectionError(f"{where}: '{key}' must be a list of codes, groups or rule names")


def _fail_on(value: Any, where: str) -> FailOn | None:
    if value is None:
        return None
    if value not in FAIL_ON_VALUES:
        raise SelectionError(f"{where}: 'fail-on' must be one of {', '.join(FAIL_ON_VALUES)}")
    return cast(FailOn, value)


def cli_layer(
    select: Iterable[str] | None,
    ignore: Iterable[str] | None,
    fail_on: str | None,
    today: dt.date | None = None,
) -> Layer:
    """The layer given on the command line."""
    return Layer(
        select=tuple(select) if select is not None else None,
        ignore=tuple(ignore) if ignore is not None else None,
        fail_on=_fail_on(fail_on, "--fail-on"),
        today=today,
    )


#: The environment variable that fixes "today" for ``check`` when ``--today`` is not given
#: (a CI job or a test suite sets it so that the findings do not change with the calendar).
TODAY_VARIABLE = "HARMONIEN_ROPA_TODAY"


def parse_today(text: str, where: str) -> dt.date:
    """A ``YYYY-MM-DD`` date given as "today" (raises :class:`SelectionError` otherwise)."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise SelectionError(
            f"{where}: {text!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-01-31"
        ) from None


def today_for_check(option: str | None) -> dt.date:
    """The date ``check`` counts from: ``--today``, else ``HARMONIEN_ROPA_TODAY``, else the
    clock (the only place the clock is read)."""
    if option is not None:
        return parse_today(option, "--today")
    fixed = os.environ.get(TODAY_VARIABLE)
    if fixed:
        return parse_today(fixed, TODAY_VARIABLE)
    return dt.date.today()
