"""The library's exceptions. The CLI maps them to exit codes; the library never exits."""

from __future__ import annotations

from collections.abc import Iterable

from .diagnostics import Diagnostic


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


class OutputError(HarmonienError):
    """An output could not be written safely (bad path, symlink, disk error)."""


class RenderError(HarmonienError):
    """A renderer could not produce its output."""
