"""Where each value and key of a YAML document is: 1-based (line, column) by location path."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

#: A location in the data: mapping keys and list indexes from the root.
Loc = tuple[str | int, ...]

#: A (line, column) pair packed into one int: ``line << 32 | column``.
HALF = 32
PAIR = 64
_PAIR_MASK = (1 << PAIR) - 1


def _pack(mark: Any) -> int:
    line: int = mark.line + 1
    column: int = mark.column + 1
    return line << HALF | column


def _unpack(packed: int) -> tuple[int, int]:
    return packed >> HALF, packed & ((1 << HALF) - 1)


class Positions:
    """1-based (line, column) of each value and each mapping key, by location path.

    Kept compact for large maps: one int per location, packing the value's line and column
    and, for a mapping entry, its key's (``key << 64 | value``, each ``line << 32 | column``).
    With ``fill``, the table is left empty until it is first needed, then taken from the
    positions ``fill`` returns (a reader that found the data without them reads them then).
    """

    __slots__ = ("_cells", "_fill")

    def __init__(self, fill: Callable[[], Positions] | None = None) -> None:
        self._cells: dict[Loc, int] = {}
        self._fill = fill

    @property
    def _table(self) -> dict[Loc, int]:
        if self._fill is not None:
            fill, self._fill = self._fill, None
            self._cells = fill()._table
        return self._cells

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Positions) and self._table == other._table

    __hash__ = None  # type: ignore[assignment]

    @property
    def values(self) -> Mapping[Loc, tuple[int, int]]:
        """Position of each value (read-only view)."""
        return _PositionView(self._table, key=False)

    @property
    def keys(self) -> Mapping[Loc, tuple[int, int]]:
        """Position of each mapping key (read-only view)."""
        return _PositionView(self._table, key=True)

    def set_value(self, loc: Loc, mark: Any) -> None:
        """Record where the value at ``loc`` starts, unless it already has a position."""
        packed = self._table.get(loc, 0)
        if not packed & _PAIR_MASK:
            self._table[loc] = packed | _pack(mark)

    def set_key(self, loc: Loc, mark: Any) -> None:
        """Record where the key of the mapping entry at ``loc`` starts."""
        self._table[loc] = _pack(mark) << PAIR | (self._table.get(loc, 0) & _PAIR_MASK)

    def find(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """Position of ``loc`` or of its nearest ancestor that has one (1, 1 for the file)."""
        table = self._table
        for end in range(len(loc), -1, -1):
            packed = table.get(loc[:end], 0)
            if key and packed >> PAIR:
                return _unpack(packed >> PAIR)
            if packed & _PAIR_MASK:
                return _unpack(packed & _PAIR_MASK)
        return (1, 1)


class _PositionView(Mapping[Loc, tuple[int, int]]):
    """The key or the value positions of a :class:`Positions` table, as a mapping."""

    def __init__(self, table: dict[Loc, int], *, key: bool) -> None:
        self._table, self._key = table, key

    def _part(self, packed: int) -> int:
        return packed >> PAIR if self._key else packed & _PAIR_MASK

    def __getitem__(self, loc: Loc) -> tuple[int, int]:
        part = self._part(self._table[loc])
        if not part:
            raise KeyError(loc)
        return _unpack(part)

    def __iter__(self) -> Iterator[Loc]:
        return (loc for loc, packed in self._table.items() if self._part(packed))

    def __len__(self) -> int:
        return sum(1 for _ in self)
