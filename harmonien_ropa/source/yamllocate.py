# Longer than 400 lines: one locator: the block, flow and alias rules of PyYAML's marks share its nodes.
"""The positions of a natively read document, located in its text only where asked for.

A check asks for the positions of a few thousand locations of a map of tens of thousands;
reading every position (:func:`.yamlpositions.read_positions`, a walk of all of PyYAML's
events in Python) costs more than reading the data. :class:`LocatedPositions` answers
:meth:`~.positions.Positions.find` by searching the text instead: from the root down to the
location asked for, each step a regular expression search (in C) within the text of the
parent value, its answer kept for the next location below the same path. What it finds is what
the event reader records (``tests/test_yaml_locate.py`` proves it for every location of the
maps it reads):

- a key at the start of the key (its quote included), a value at its first character (its
  quote or its anchor's ``&``); a block mapping at its first key, a block list at its first
  ``-``, a flow collection at its bracket; an empty value at the end of its ``:`` (or of its
  list item's ``-``); an alias at the ``&`` of its anchor.

It relies on what the native reader's checks (:mod:`.yamlnative`) prove of a document before
it is read, and on the document being valid: every key of a block mapping starts at the
mapping's column on a line of its own (but the first, which may follow a list item's ``- ``);
list items are ``- `` at the list's column; what is deeper belongs to the value above it (plain
text and block scalars go on only on lines indented deeper than their mapping or list); flow
collections close on their line. Where the text holds anything it does not read with certainty
(quoted text going on over several lines, which PyYAML reads without regard to indentation, a
list item written on its parent item's line, an anchored key, a key that is not plain text, a
flow collection it does not parse, ...), it gives up and every position is read at once by
:func:`.yamlpositions.read_positions`, whose answers are then given.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .positions import HALF, PAIR, Loc, Positions
from .yamlnative import ANCHOR, FLOW_PLAIN

__all__ = ["LocatedPositions"]


class _Unsure(Exception):
    """The text holds something the locator does not read with certainty."""


#: Quoted text not closed on its line, after a space or at a line's start (searches in C);
#: :func:`_open_quote` then tells whether it starts a block node. PyYAML reads quoted text across
#: lines at any indentation. (In a flow collection, quoted text closes on its line: the native
#: reader's checks take only flow collections on one line.)
#: Each quote is looked for on its own, by a plain search for the character (which skips ahead
#: many times faster than a pattern's search), and its pattern tried where it is. Between them
#: they find every place the search for either would (and perhaps more: the locator then gives
#: up, which is never wrong).
_UNCLOSED = (
    re.compile(r"'(?<=[ \n]')(?:[^'\n]|'')*(?:\n|\Z)"),
    re.compile(r"\"(?<=[ \n]\")[^\"\n]*(?:\n|\Z)"),
)
_UNCLOSED_FIRST = re.compile(r"(?:'(?:[^'\n]|'')*|\"[^\"\n]*)(?:\n|\Z)")
#: What comes before a block node on its line: indentation and '- ' marks, a key's ': ' or an
#: anchor (on a line that is not a comment).
_NODE_START = re.compile(r"[ ]*(?:-[ ]+)*\Z|[ ]*[^ #].*(?::|&[^ \n]+)[ ]+\Z")
#: A key at the start of a line's content (or after a list item's ``- ``), up to its ``:``:
#: single-quoted (group 1), double-quoted (group 2; no backslash reaches here) or plain (group 3).
_KEY = re.compile(
    r"(?:'((?:[^'\n]|'')*)'|\"([^\"\n]*)\""
    r"|([^-?:,\[\]{}#&*!|>'\"%@` \n](?:[^\n#]|(?<! )#)*?))[ ]*:(?=[ \n]|\Z)"
)
#: Plain text that YAML might read as something else than text (a number, a date, a boolean,
#: null): as a key, the event reader writes it as text of its own.
_NOT_TEXT = re.compile(r"[-+.0-9~]|(?:true|false|null)\Z", re.IGNORECASE)
#: The rest of a line after a value or a flow collection: spaces, a comment, the line's end.
_REST = re.compile(r"[ ]*(?:#[^\n]*)?(?:\n|\Z)")
_BLANK_LINES = re.compile(r"(?:[ ]*(?:#[^\n]*)?\n)*[ ]*")
_SPACES = re.compile(r"[ ]*")
_COLON = re.compile(r"[ ]*:(?=[ \n]|\Z)")
_DASH_KEY = re.compile(r"-(?:[^\n#]|(?<! )#)*?[ ]*:(?=[ \n]|\Z)")
#: An anchor's name and the spaces after it.
_ANCHOR_NAME = re.compile(r"&[0-9A-Za-z_-]+[ ]+")
_ALIAS_NAME = re.compile(r"\*([0-9A-Za-z_-]+)(?=[ ,\]}\n]|\Z)")
#: Flow collections, as the native reader's checks accept them (quoted text here with its groups;
#: plain text: :data:`.yamlnative.FLOW_PLAIN`).
_FLOW_QUOTED = re.compile(r"'((?:[^'\n]|'')*)'|\"([^\"\n]*)\"")
_FLOW_ALIAS = re.compile(r"\*([0-9A-Za-z_-]+)(?=[ ,\]}]|$)")

_MAP, _SEQ, _FLOW, _LEAF, _PLAIN = range(5)
# _PLAIN: a block mapping if a key starts there, else text; told apart when a child is asked
# for (most values found are the last step of a lookup, and never are).
#: Keys looked for one by one in a mapping before all its keys are found at once.
_MOST_SEARCHES = 8

_PATTERNS: dict[tuple[str, int, str], re.Pattern[str]] = {}


def _pattern(kind: str, column: int, key: str = "") -> re.Pattern[str]:
    """The search for a line starting at ``column``: ``key`` (a key's line), ``line`` (any line
    but a comment), ``item`` (a list item's ``-``), ``map-end`` (a line shallower than a
    mapping's keys, not a comment) or ``items`` (a line at ``column`` or shallower, not a
    comment: an item of a list at ``column``, or the line ending it)."""
    found = _PATTERNS.get((kind, column, key))
    if found is None:
        # Spaces written out, and no repetition of at most none: the same searches, which
        # the regular expression engine runs faster (a quarter, over a long list's text).
        pad = "\\n" + " " * column
        shallower = f"\\n{_at_most(column - 1)}(?=[^ \\n#])|" if column else ""
        if kind == "key":
            forms = ["'" + key.replace("'", "''") + "'"]
            if '"' not in key:
                forms.append('"' + key + '"')
            if _plain_key(key):
                forms.append(key)
            alternatives = "|".join(re.escape(form) for form in forms)
            source = rf"{pad}(?:{alternatives})[ ]*:(?=[ \n]|\Z)"
        elif kind == "line":
            source = rf"{pad}(?=[^ \n#])"
        elif kind == "item":
            source = rf"{pad}-(?=[ \n]|\Z)"
        elif kind == "items":
            source = rf"\n{_at_most(column)}[^ \n#]"
        else:
            source = shallower[:-1]
        if len(_PATTERNS) > 4096:
            _PATTERNS.clear()
        found = _PATTERNS[(kind, column, key)] = re.compile(source)
    return found


def _at_most(spaces: int) -> str:
    """A pattern's part for at most ``spaces`` spaces (none: nothing)."""
    return f"[ ]{{0,{spaces}}}" if spaces else ""


def _key_line(text: str, column: int, key: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the line of ``key`` in the block mapping at ``column`` whose text is ``text[start:
    end]`` (its first key left out) starts the key, and where the key's ``:`` ends; None if no
    line does. Written plain (the form almost every key is written in), the key is found by a
    plain search of the text (many times faster than a regular expression's), checked to be
    followed by its ``:``; only where it is not found so is the key's every form searched for.
    A mapping of a natively read text holds each key once (the native reader refuses a key
    written twice), so the plain form found is the only one."""
    needle = _needle(column, key)
    if needle:
        at = text.find(needle, start, end)
        while at >= 0:
            after = at + len(needle)
            # Most often the ':' follows the key at once, then a space or a line break (as
            # _COLON finds it, without a pattern's search).
            if after + 1 < end and text[after] == ":" and text[after + 1] in " \n":
                return at + 1 + column, after + 1
            colon = _COLON.match(text, after, end)
            if colon is not None:
                return at + 1 + column, colon.end()
            at = text.find(needle, at + 1, end)
    found = _pattern("key", column, key).search(text, start, end)
    return None if found is None else (found.start() + 1 + column, found.end())


def _needle(column: int, key: str) -> str:
    """A key's line start and plain form (a line break, ``column`` spaces and ``key``), or ""
    for a key that cannot be written plain; each made once."""
    needles = _NEEDLES.get(column)
    if needles is None:
        if len(_NEEDLES) > 64:
            _NEEDLES.clear()
        needles = _NEEDLES[column] = {}
    needle = needles.get(key)
    if needle is None:
        if len(needles) > 4096:
            needles.clear()
        needle = needles[key] = "\n" + " " * column + key if _plain_key(key) else ""
    return needle


#: The needles of :func:`_needle`, by column and then by key.
_NEEDLES: dict[int, dict[str, str]] = {}


def _open_quote(text: str) -> bool:
    """Whether quoted text may start a block node and go on over several lines (or text in a
    comment or a block scalar looks like it)."""
    first = _SPACES.match(text).end()  # type: ignore[union-attr]
    if _UNCLOSED_FIRST.match(text, first):
        return True
    # The places and matches a search of each pattern would find, in order (see _UNCLOSED).
    for quote, unclosed in zip("'\"", _UNCLOSED, strict=True):
        at = text.find(quote)
        while at >= 0:
            found = unclosed.match(text, at)
            if found is None:
                at = text.find(quote, at + 1)
                continue
            line = text.rfind("\n", 0, at) + 1
            if _NODE_START.match(text[line:at]):
                return True
            at = text.find(quote, found.end())
    return False


def _plain_key(key: str) -> bool:
    """Whether ``key`` written plain reads as the text ``key`` (else it is written quoted)."""
    match = _KEY.match(key + ":")
    return bool(
        match and match.end() == len(key) + 1 and match.group(3) == key and not _NOT_TEXT.match(key)
    )


def _key_text(match: re.Match[str]) -> str:
    """The text of the key ``match`` found (see :data:`_KEY`)."""
    single, double, plain = match.groups()
    if single is not None:
        return str(single).replace("''", "'")
    if double is not None:
        return str(double)
    if _NOT_TEXT.match(plain):
        raise _Unsure  # a key the event reader reads as a number, a date, true, ...: as text
    return str(plain)


class _Node:
    """A value found in the text: where it starts, its packed key and value positions, and
    what is needed to find its children (the text's range it may take, its column)."""

    __slots__ = (
        "children",
        "column",
        "end",
        "ended",
        "first",
        "items",
        "keys",
        "kind",
        "line",
        "packed",
        "start",
    )

    def __init__(self, kind: int, start: int, line: int, packed: int, column: int) -> None:
        self.kind = kind
        self.start = start
        #: The 1-based line of ``start``.
        self.line = line
        self.packed = packed
        #: The 0-based column of ``start`` (a mapping's keys, a list's items).
        self.column = column
        #: Where the value's text ends at the latest (its parent's end until ``ended``).
        self.end = -1
        self.ended = False
        #: The children found so far (None: not there); no dictionary until there is one, so
        #: that a value asked for last (most often text) allocates nothing more.
        self.children: dict[str | int, _Node | None] | None = None
        #: A list's items (start offsets and lines), once found.
        self.items: list[tuple[int, int]] | None = None
        #: Every key of a mapping (offset and line), once needed (see ``_entry``).
        self.keys: dict[str, tuple[int, int]] | None = None
        #: A mapping's first key and where its ``:`` ends.
        self.first: tuple[str, int] | None = None


class LocatedPositions(Positions):
    """Positions of a natively read document, each found in ``text`` when first asked for.

    :meth:`find` answers as the full table would; :attr:`values`, :attr:`keys` and equality
    read the full table from ``fill`` (as they do without this), as does :meth:`find` once the
    text holds something the locator does not read with certainty.
    """

    __slots__ = ("_anchors", "_root", "_sure", "_text")

    def __init__(self, text: str, fill: Callable[[], Positions]) -> None:
        super().__init__(fill)
        if "\r" in text:  # CR LF line breaks (the native reader takes no lone CR): lines alike
            text = text.replace("\r\n", "\n")
        self._text = text
        #: False once the text held something the locator does not read with certainty.
        self._sure = True
        self._root: _Node | None = None
        #: The anchors' offsets and lines by name, once an alias is read.
        self._anchors: dict[str, tuple[int, int]] | None = None

    def find(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        if self._sure and self._fill is not None:
            try:
                return self._locate(loc, key)
            except _Unsure:
                # Read every position instead (see the module's doc); the text is not needed.
                self._sure, self._text, self._root = False, "", None
        return super().find(loc, key=key)

    # -- the walk ------------------------------------------------------------------------------

    def _locate(self, loc: Loc, key: bool) -> tuple[int, int]:
        node = self._root
        if node is None:
            node = self._root = self._first()
        if node is None:
            return (1, 1)
        for part in loc:
            children = node.children
            if children is None:
                children = node.children = {}
            try:
                child = children.get(part, node)
            except TypeError:  # a part that is not hashable: not a key of the document
                break
            if child is node:
                child = children[part] = self._child(node, part)
            if child is None:
                break
            node = child
        packed = node.packed
        if key and packed >> PAIR:
            packed >>= PAIR
        else:
            packed &= (1 << PAIR) - 1
        return packed >> HALF, packed & ((1 << HALF) - 1)

    def _first(self) -> _Node | None:
        """The document's root value, after checking the text holds nothing uncertain."""
        text = self._text
        if _open_quote(text):
            raise _Unsure
        start = _BLANK_LINES.match(text).end()  # type: ignore[union-attr]
        if start >= len(text):
            return None
        line = text.count("\n", 0, start) + 1
        node = self._value(start, line, 0, start - (text.rfind("\n", 0, start) + 1))
        node.end = len(text)
        node.ended = True
        return node

    def _child(self, node: _Node, part: Any) -> _Node | None:
        kind = node.kind
        if kind == _PLAIN:
            text = self._text
            colon = node.start + len(part) if type(part) is str else -1
            if (
                colon >= 0
                and text.startswith(part, node.start)
                and text[colon : colon + 1] == ":"
                and text[colon + 1 : colon + 2] in ("", " ", "\n")
                and _needle(node.column, part)
            ):
                # A key asked for that is written plain where the value starts, its ':' after
                # it at once: the mapping's first key, as the search below would find it.
                node.first = (part, colon + 1)
            else:
                found = _KEY.match(text, node.start)
                if found is None:
                    node.kind = _LEAF
                    return None
                node.first = (_key_text(found), found.end())
            node.kind = kind = _MAP
        if kind == _MAP:
            return self._entry(node, part) if isinstance(part, str) else None
        if kind == _SEQ:
            if isinstance(part, float) and part.is_integer():
                part = int(part)  # equal to the index, as the table's keys compare
            if not isinstance(part, int) or part < 0:
                return None
            items = node.items if node.items is not None else self._items(node)
            if part >= len(items):
                return None
            start, line = items[part]
            # An item's text ends where the next item's line starts: a mapping in it ends there
            # too (a line shallower than its keys and deeper than the '-' would be invalid).
            end = items[part + 1][0] - node.column - 1 if part + 1 < len(items) else node.end
            child = self._after_indicator(start, line, start + 1, node.column, end)
            child.ended = True
            return child
        if kind == _FLOW:
            children = node.children or {}
            return children.get(part) if part.__hash__ is not None else None
        return None

    # -- values --------------------------------------------------------------------------------

    def _value(self, start: int, line: int, key: int, column: int) -> _Node:
        """The value whose first character is at ``start`` (on ``line``, in ``column``), with
        ``key`` the packed position of its key (0 for a list item)."""
        text = self._text
        packed = key | line << HALF | (column + 1)
        char = text[start]
        if char == "-":
            if text[start + 1 : start + 2] in ("", " ", "\n"):
                return _Node(_SEQ, start, line, packed, column)
            if _DASH_KEY.match(text, start):
                raise _Unsure  # a key starting with '-'
            return _Node(_LEAF, start, line, packed, column)  # such as -2
        if char in "[{":
            node = _Node(_FLOW, start, line, packed, column)
            end = self._flow(node, start, line)
            if not _REST.match(text, end):
                raise _Unsure
            return node
        if char == "*":
            found = _ALIAS_NAME.match(text, start)
            if found is None or _COLON.match(text, found.end()):
                raise _Unsure  # an alias as a key
            at, at_line = self._anchor(found.group(1))
            at_column = at - (text.rfind("\n", 0, at) + 1)
            return _Node(_LEAF, start, line, key | at_line << HALF | (at_column + 1), column)
        if char == "&":
            anchor = _ANCHOR_NAME.match(text, start)
            if anchor is None or _KEY.match(text, anchor.end()):
                raise _Unsure  # an anchored key, or an anchor on its own line
            return _Node(_LEAF, start, line, packed, column)
        if char in "!%@`?:,]}#":
            raise _Unsure
        return _Node(_LEAF if char in "|>" else _PLAIN, start, line, packed, column)

    def _after_indicator(self, start: int, line: int, after: int, column: int, end: int) -> _Node:
        """The value after the ``:`` or ``-`` that ends at ``after`` (the indicator at ``start``
        on ``line``; ``column``: the owning mapping's or list's column; ``end``: its end), with
        the key's packed position when the indicator is a ``:`` at ``start``'s key."""
        text = self._text
        is_item = text[start] == "-"
        # The key and the item's '-' are at the column of their mapping or list.
        key = 0 if is_item else (line << HALF | (column + 1)) << PAIR
        at = after + 1
        if text[after:at] == " " and text[at : at + 1].isalnum():
            # Most often: one space, then a letter or digit, which starts plain text or a
            # mapping (as _value finds it, without asking what other character it might be).
            at_column = at - start + column
            node = _Node(_PLAIN, at, line, key | line << HALF | (at_column + 1), at_column)
            node.end = end
            return node
        if text[after:at] == "\n":
            # Most often: the value on the next line, indented, which is neither blank nor a
            # comment (as the searches for blank lines and comments below would find it).
            following = _SPACES.match(text, at).end()  # type: ignore[union-attr]
            deeper = following - at
            if following < end and text[following] not in "#\n":
                if deeper > column or (
                    not is_item
                    and deeper == column
                    and text[following] == "-"
                    and text[following + 1 : following + 2] in ("", " ", "\n")
                ):
                    node = self._value(following, line + 1, key, deeper)
                    node.end = end
                    return node
                after_column = after - start + column  # empty: at the end of the ':' or '-'
                return _Node(_LEAF, after, line, key | line << HALF | (after_column + 1), 0)
        at = _SPACES.match(text, after).end()  # type: ignore[union-attr]
        if at < len(text) and text[at] not in "#\n":
            if is_item and text[at] == "-":
                raise _Unsure  # a list written on its parent item's line
            node = self._value(at, line, key, at - start + column)
        else:
            rest = _REST.match(text, at)
            following = _BLANK_LINES.match(text, rest.end() if rest else at).end()  # type: ignore[union-attr]
            lines = line + text.count("\n", at, following)
            deeper = following - (text.rfind("\n", 0, following) + 1)
            if following < end and (
                deeper > column
                or (
                    not is_item
                    and deeper == column
                    and text[following] == "-"
                    and text[following + 1 : following + 2] in ("", " ", "\n")
                )
            ):
                node = self._value(following, lines, key, deeper)
            else:  # empty: at the end of the ':' or '-'
                after_column = after - start + column
                return _Node(_LEAF, after, line, key | line << HALF | (after_column + 1), 0)
        node.end = end
        return node

    def _packed(self, start: int, line: int) -> int:
        text = self._text
        return line << HALF | (start - text.rfind("\n", 0, start))

    # -- block mappings ------------------------------------------------------------------------

    def _range_end(self, node: _Node) -> int:
        """Where the mapping ``node``'s text ends: the first line after it that is shallower,
        and not a comment (a list's end is found with its items)."""
        if not node.ended and node.column:
            found = _pattern("map-end", node.column).search(self._text, node.start, node.end)
            node.end = found.start() if found else node.end
            node.ended = True
        return node.end

    def _entry(self, node: _Node, key: str) -> _Node | None:
        """The value of ``key`` in the mapping ``node``: one search from the mapping's start for
        the key's line, or after a few, its every key found at once (so that many lookups in
        one long mapping do not search it again each time)."""
        text = self._text
        first = node.first
        if first is None:  # pragma: no cover - found as a mapping by its first key
            raise _Unsure
        if first[0] == key:
            # The mapping's end is needed only for a value on the lines below its key: a value
            # on the key's line (text, a flow collection, an alias) ends on it.
            at = _SPACES.match(text, first[1]).end()  # type: ignore[union-attr]
            end = node.end if at < len(text) and text[at] not in "#\n" else self._range_end(node)
            return self._after_indicator(node.start, node.line, first[1], node.column, end)
        end = node.end if node.ended else self._range_end(node)
        keys = node.keys
        if keys is None and len(node.children or ()) >= _MOST_SEARCHES:
            keys = self._all_keys(node, end)
        if keys is None:
            found = _key_line(text, node.column, key, node.start, end)
            if found is not None:
                start, colon = found
                line = node.line + text.count("\n", node.start, start)
                return self._after_indicator(start, line, colon, node.column, end)
            keys = self._all_keys(node, end)
            if key in keys:  # pragma: no cover - a key the search would have found
                raise _Unsure
        if key not in keys:
            return None
        start, line = keys[key]
        colon = _KEY.match(text, start).end()  # type: ignore[union-attr]
        return self._after_indicator(start, line, colon, node.column, end)

    def _all_keys(self, node: _Node, end: int) -> dict[str, tuple[int, int]]:
        """Every key of the mapping ``node`` (whose text ends at ``end``), each checked to be a
        key, with its offset and line."""
        text = self._text
        if node.first is None:  # pragma: no cover - found as a mapping by its first key
            raise _Unsure
        keys = {node.first[0]: (node.start, node.line)}
        at, line = node.start, node.line
        for found in _pattern("line", node.column).finditer(text, node.start, end):
            start = found.end()
            if text[start] == "-" and text[start + 1 : start + 2] in ("", " ", "\n"):
                continue  # an item of a key's list, written at the keys' column
            key = _KEY.match(text, start)
            if key is None:
                raise _Unsure
            line += text.count("\n", at, start)
            at = start
            keys[_key_text(key)] = (start, line)
        node.keys = keys
        return keys

    # -- block lists ---------------------------------------------------------------------------

    def _items(self, node: _Node) -> list[tuple[int, int]]:
        """The start and line of each item of the list ``node``: its items and its end found in
        one search (the items up to the first line that is neither an item nor deeper)."""
        text = self._text
        items = [(node.start, node.line)]
        at, line = node.start, node.line
        kind, column, end = "item" if node.ended else "items", node.column, node.end
        for found in _pattern(kind, column).finditer(text, node.start, end):
            start = found.end() - 1
            if kind == "items" and not (
                start - found.start() - 1 == column
                and text[start] == "-"
                and (start + 1 == end or text[start + 1] in " \n")
            ):  # the line ending the list: shallower, or at its column and not an item
                node.end = found.start()
                break
            line += text.count("\n", at, start)
            at = start
            items.append((start, line))
        node.ended = True
        node.items = items
        return items

    # -- flow collections and aliases ----------------------------------------------------------

    def _flow(self, node: _Node, at: int, line: int) -> int:
        """Read the flow collection ``node`` opening at ``at``: its children, with positions;
        where it ends. Only lists of values and mappings of ``key: value`` pairs (text, quoted
        or plain, aliases, flow collections), as the native reader's checks accept."""
        text = self._text
        closing = "]" if text[at] == "[" else "}"
        at = _SPACES.match(text, at + 1).end()  # type: ignore[union-attr]
        index = 0
        while text[at : at + 1] != closing:
            if at >= len(text) or text[at] == "\n":
                raise _Unsure
            key_packed = 0
            name: str | int = index
            if closing == "}":
                found = _FLOW_QUOTED.match(text, at) or FLOW_PLAIN.match(text, at)
                if found is None:
                    raise _Unsure
                if found.re is _FLOW_QUOTED:
                    single, double = found.groups()
                    name = single.replace("''", "'") if single is not None else str(double)
                else:
                    name = found.group()
                    if _NOT_TEXT.match(name):
                        raise _Unsure
                key_packed = self._packed(at, line) << PAIR
                at = _SPACES.match(text, found.end()).end()  # type: ignore[union-attr]
                if text[at : at + 2] != ": ":
                    raise _Unsure
                at = _SPACES.match(text, at + 2).end()  # type: ignore[union-attr]
            child, at = self._flow_value(at, line, key_packed)
            if node.children is None:
                node.children = {}
            node.children[name] = child
            index += 1
            at = _SPACES.match(text, at).end()  # type: ignore[union-attr]
            if text[at : at + 1] == ",":
                at = _SPACES.match(text, at + 1).end()  # type: ignore[union-attr]
            elif text[at : at + 1] != closing:
                raise _Unsure
        return at + 1

    def _flow_value(self, at: int, line: int, key: int) -> tuple[_Node, int]:
        text = self._text
        char = text[at : at + 1]
        if char in ("[", "{"):
            node = _Node(_FLOW, at, line, key | self._packed(at, line), 0)
            return node, self._flow(node, at, line)
        if char == "*":
            found = _FLOW_ALIAS.match(text, at)
            if found is None:
                raise _Unsure
            anchor, anchor_line = self._anchor(found.group(1))
            return _Node(_LEAF, at, line, key | self._packed(anchor, anchor_line), 0), found.end()
        found = _FLOW_QUOTED.match(text, at) or FLOW_PLAIN.match(text, at)
        if found is None:
            raise _Unsure
        return _Node(_LEAF, at, line, key | self._packed(at, line), 0), found.end()

    def _anchor(self, name: str) -> tuple[int, int]:
        """Where the anchor ``name`` is (an alias is at its anchored value): the anchors are
        found once, with their lines, in one search."""
        text = self._text
        if self._anchors is None:
            anchors: dict[str, tuple[int, int]] = {}
            at, line = 0, 1
            for found in ANCHOR.finditer(text):
                line += text.count("\n", at, found.start())
                at = found.start()
                if found.group(1) in anchors:
                    raise _Unsure  # the native reader's checks take only distinct names
                anchors[found.group(1)] = (at, line)
            self._anchors = anchors
        if name not in self._anchors:
            raise _Unsure
        return self._anchors[name]
