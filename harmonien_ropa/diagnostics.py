"""Diagnostics: one immutable value per problem, shared by the loader and the checker."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    """How serious a diagnostic is; ordered error > warning > info."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """2 for error, 1 for warning, 0 for info."""
        return {"error": 2, "warning": 1, "info": 0}[self.value]


@dataclass(frozen=True, slots=True, order=True)
class Diagnostic:
    """A problem at a place in a YAML file.

    ``line`` and ``column`` are 1-based; 0 means the whole file. Sorting orders by file, then
    position, then code.
    """

    path: str
    line: int
    column: int
    code: str
    severity: Severity
    message: str
    fix: str | None = None
    law: str | None = None

    def format(self) -> str:
        """``path:line:col: severity CODE message`` (plus an indented fix hint line)."""
        head = f"{self.path}:{self.line}:{self.column}: {self.severity.value} {self.code} {self.message}"
        return f"{head}\n    fix: {self.fix}" if self.fix else head

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready mapping of every field."""
        data = asdict(self)
        data["severity"] = self.severity.value
        return data
