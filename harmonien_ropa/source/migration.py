"""Rewriting a data map file to the current format version, keeping its comments and layout.

:func:`migrate_text` first loads the map through the normal input checks (an invalid map is
refused with every problem, as ``check`` reports them), then applies the steps of
:mod:`harmonien_ropa.versions` to a ruamel.yaml round-trip copy of the file, so that comments,
key order, quoting and block layout stay as they were. The result is loaded again and must give
the same map as the original did.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from ..core.versions import CURRENT, upgrade
from .loading import loads

#: Indentation styles tried (mapping, sequence, offset of the dash); the one that changes the
#: fewest lines of the original is kept.
_INDENTS: tuple[tuple[int, int, int], ...] = ((2, 4, 2), (2, 2, 0), (4, 6, 4), (4, 4, 0))
_BOM = "\ufeff"


@dataclass(frozen=True, slots=True)
class Migration:
    """The file's new text and the steps applied (none when it was already current)."""

    text: str
    steps: tuple[str, ...]


def migrate_text(text: str, path: str = "<string>") -> Migration:
    """The map in ``text`` rewritten to :data:`~harmonien_ropa.versions.CURRENT`.

    Raises :class:`~harmonien_ropa.errors.LoadError` if the map does not load.
    """
    before = loads(text, path)
    from ruamel.yaml import YAML

    bom = _BOM if text.startswith(_BOM) else ""
    body = text.removeprefix(_BOM)
    newline = "\r\n" if "\r\n" in body else "\n"
    body = body.replace("\r\n", "\n")
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    data: Any = yaml.load(body)
    steps = tuple(upgrade(data))
    if not steps:
        return Migration(text, ())
    candidates = [_dump(data, indent) for indent in _INDENTS]
    lines = body.splitlines()
    best = min(candidates, key=lambda out: _changed_lines(lines, out.splitlines()))
    new = bom + best.replace("\n", newline)
    after = loads(new, path)
    if after != before or after.schema_version != CURRENT:  # pragma: no cover - a bug
        raise RuntimeError("the migrated map does not give the same data map")
    return Migration(new, steps)


def _dump(data: Any, indent: tuple[int, int, int]) -> str:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a line the author wrote
    mapping, sequence, offset = indent
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def _changed_lines(old: list[str], new: list[str]) -> int:
    """How many lines differ between ``old`` and ``new`` (a cheap, bounded measure)."""
    changed = sum(1 for a, b in zip(old, new, strict=False) if a != b)
    return changed + abs(len(old) - len(new))
