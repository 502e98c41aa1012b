"""The library's exceptions. The CLI maps them to exit codes; the library never exits."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from .diagnostics import Diagnostic


class Problem(Protocol):
    """A problem found in a validated data map (``model.ModelProblem``), described here so
    that this module stays below the model that raises these errors."""

    @property
    def loc(self) -> tuple[str | int, ...]: ...
    @property
    def code(self) -> str: ...
    @property
    def message(self) -> str: ...
    @property
    def fix(self) -> str | None: ...


class HarmonienError(Exception):
    """Base class of every error this library raises on purpose."""


class LoadError(HarmonienError):
    """The data map could not be loaded; ``diagnostics`` lists every problem found."""

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics: tuple[Diagnostic, ...] = tuple(sorted(diagnostics))
        count = len(self.diagnostics)
        first = self.diagnostics[0].format() if self.diagnostics else "unknown problem"
        more = f" (and {count - 1} more)" if count > 1 else ""
        super().__init__(f"{first}{more}")


class ModelReferenceError(HarmonienError):
    """A validated data map has broken references (raised by ``DataMap.build``)."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(p.message for p in self.problems))


class OutputError(HarmonienError):
    """An output could not be written safely (bad path, symlink, disk error)."""


class RenderError(HarmonienError):
    """A renderer could not produce its output."""
