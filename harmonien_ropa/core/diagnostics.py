"""Diagnostics: one immutable value per problem, shared by the loader and the checker."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

#: Characters a terminal may act on or that reorder or hide what it shows: C0 controls (line
#: breaks too: one finding is one line), DEL, C1 controls, bidirectional marks, embeddings,
#: overrides and isolates, line and paragraph separators, zero-width characters and the BOM.
_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")


def visible(text: str) -> str:
    """``text`` with every character in :data:`_INVISIBLE` written as an escape (``\\x9b``,
    ``\\u202e``), so that what reaches a terminal is what the file holds."""
    return _INVISIBLE.sub(_escape, text)


def invisible_in(texts: Iterable[str]) -> bool:
    """Whether any of ``texts`` holds a character :func:`visible` escapes (one search of them
    all: where none does, each is shown as it is)."""
    joined = "".join(texts)
    # Each character searched for is one str.isprintable() refuses (a control, format or
    # separator character): text it accepts holds none, found without the pattern's search.
    return not joined.isprintable() and _INVISIBLE.search(joined) is not None


def _escape(found: re.Match[str]) -> str:
    code = ord(found.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


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
        """``path:line:col: severity CODE message`` (plus an indented fix hint line); a problem
        of the file as a whole (line 0: not found, too large, not a regular file) is given as
        ``path: severity CODE message``."""
        place = f"{self.line}:{self.column}: " if self.line else " "
        head = (
            f"{visible(self.path)}:{place}{self.severity.value} {self.code} {visible(self.message)}"
        )
        return f"{head}\n    fix: {visible(self.fix)}" if self.fix else head

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready mapping of every field, in their order (each value as it is: text, a
        number or None; not :func:`dataclasses.asdict`, which copies each one deeply)."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "fix": self.fix,
            "law": self.law,
        }
