# Longer than 400 lines: one reader: the event loop and the checks it makes while reading share the parser's state.
"""Read YAML safely into plain Python data plus a position for every node.

PyYAML's safe loader is used only to parse and compose nodes (the C implementation when it is
available); values are built here so that:

- every mapping key and value keeps its line and column (``Positions``);
- duplicate keys are errors (PyYAML silently keeps the last one);
- only YAML's plain data types are accepted (no ``!!python/...`` or other tags);
- scalars follow YAML 1.2: ``NO``, ``yes`` and ``on`` stay strings, ``0123`` stays a string;
- anchors and aliases cannot expand into a "billion laughs", and nesting depth is bounded.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

import yaml

from ..core.characters import REFUSED
from ..core.diagnostics import Diagnostic
from ..core.load_codes import DUPLICATE_KEY, INVALID_VALUE, REFUSED_YAML, UNREADABLE_FILE
from .census import Census, keeping, keeping_wide, only_counted
from .positions import HALF, PAIR, Loc, Positions
from .yamlbase import (
    MAX_DEPTH,
    STANDARD_TAGS,
    NumberTooLong,
    YamlDocument,
    YamlError,
    max_bytes,
    max_expanded,
    max_nodes,
    number_too_long,
    prescan,
    problem,
    scalar_value,
    too_deep,
    too_expanded,
    too_many,
)
from .yamlbase import Loader as _Loader
from .yamlnative import DECLINED_CHARACTERS, native_data

#: NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR: line breaks to YAML 1.1 readers, not to editors.
_SEPARATOR = re.compile("[\x85\u2028\u2029]")
#: A lone surrogate: no character, and no UTF-8 (only text decoded with errors="surrogateescape",
#: or made in code, holds one).
_SURROGATE = re.compile("[\ud800-\udfff]")
#: Those, the characters the native reader declines and those the model refuses: one search of
#: the text finds any of them (a text holds none, as a rule), and finding none stands for the
#: model's search of the text for a refused character too (:attr:`YamlDocument.plain`).
_SPECIAL = re.compile(f"{_SEPARATOR.pattern}|{DECLINED_CHARACTERS.pattern}|{REFUSED.pattern}")
#: The characters up to U+00FF that :data:`_SPECIAL` does not find, as Latin-1 bytes.
_ORDINARY = bytes(code for code in range(256) if not _SPECIAL.match(chr(code)))
#: Those of them a survey deletes: the census keeps the rest (:mod:`.census`).
_UNCOUNTED = keeping(_ORDINARY)
_UNCOUNTED_ASCII = keeping_wide(_ORDINARY)
#: Characters of a text looked at by one translation (bounds the memory it takes).
_CHUNK = 1 << 20


def _survey(text: str) -> tuple[re.Match[str] | None, Census]:
    """The first character of ``text`` that :data:`_SPECIAL` finds (or None), and the
    :class:`.census.Census` of the characters the native reader's checks count.

    The text is looked at a chunk at a time: as Latin-1 bytes (most maps in Norwegian or
    English are Latin-1), each deleting in one call in C its ordinary bytes but those the census
    keeps (a third of the regular expression's time); a chunk with a character beyond U+00FF
    (a dash, a quotation mark) as UTF-8, deleting its ordinary ASCII bytes but those the census
    keeps, and the few characters left searched. Only a text that holds a special character is
    searched from that chunk on, and its census asks the text itself."""
    kept: list[str] = []
    for start in range(0, len(text), _CHUNK):
        piece = text[start : start + _CHUNK]
        try:
            chunk = piece.encode("latin-1").translate(None, _UNCOUNTED)
        except UnicodeEncodeError:
            # (a lone surrogate is special: "surrogatepass" writes it so that the search finds it)
            wide = piece.encode("utf-8", "surrogatepass").translate(None, _UNCOUNTED_ASCII)
            left = wide.decode("utf-8", "surrogatepass")
            if _SPECIAL.search(left):
                return _SPECIAL.search(text, start), Census.of(text)
            kept.append(left)
            continue
        if not only_counted(chunk):
            return _SPECIAL.search(text, start), Census.of(text)
        kept.append(chunk.decode("latin-1"))
    return None, Census.surveyed(kept)


def read_text(path: Path, display: str | None = None, limit: int | None = None) -> str:
    """Read the regular file ``path`` as UTF-8 text, with clear errors for every way that can
    fail. Named pipes, devices and sockets are refused, never read: they could block forever or
    never end."""
    name = display or str(path)
    limit = max_bytes() if limit is None else limit

    def fail(message: str, fix: str) -> YamlError:
        return YamlError([problem(name, 0, 0, UNREADABLE_FILE.code, message, fix)])

    try:
        if path.is_dir():
            raise fail("this is a directory, not a YAML file", "pass the path of the .yaml file")
        # O_NONBLOCK: opening a named pipe must not wait for a writer; fstat then tells what it is.
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
        handle = os.open(path, flags)
        with os.fdopen(handle, "rb") as stream:
            status = os.fstat(stream.fileno())
            if stat.S_ISDIR(status.st_mode):
                raise fail(
                    "this is a directory, not a YAML file", "pass the path of the .yaml file"
                )
            if not stat.S_ISREG(status.st_mode):
                raise fail(
                    f"this is {_kind_of_file(status.st_mode)}, not a regular file",
                    "give the path of a saved YAML file (the command line reads standard input "
                    "only when asked to, with --data -)",
                )
            # read(n) allocates n bytes up front: ask for no more than the file holds.
            size = status.st_size
            raw = stream.read(min(size, limit) + 1 if size else limit + 1)
    except FileNotFoundError:
        raise fail("file not found", "check the path, or run from the project folder") from None
    except PermissionError:
        raise fail("permission denied", "make the file readable") from None
    except IsADirectoryError:
        raise fail(
            "this is a directory, not a YAML file", "pass the path of the .yaml file"
        ) from None
    except OSError as exc:
        raise fail(f"cannot read the file: {exc.strerror or exc}", "check the path") from None
    return check_text(raw, name, limit)


def read_stream(stream: BinaryIO, display: str = "<stdin>", limit: int | None = None) -> str:
    """Read a data map from ``stream`` (such as standard input) with the same checks as a file:
    at most the size limit is read, then the same encoding and NUL checks."""
    limit = max_bytes() if limit is None else limit
    try:
        raw = stream.read(limit + 1)
    except OSError as exc:
        raise YamlError(
            [
                problem(
                    display,
                    0,
                    0,
                    UNREADABLE_FILE.code,
                    f"cannot read: {exc.strerror or exc}",
                    "give the data map as a file",
                )
            ]
        ) from None
    return check_text(raw, display, limit)


def _kind_of_file(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def too_large(name: str, limit: int) -> YamlError:
    """The problem of a data map over the size limit (found before it is read, if possible)."""
    return YamlError(
        [
            problem(
                name,
                0,
                0,
                UNREADABLE_FILE.code,
                f"file is larger than the limit of {limit:,} bytes",
                "split the data map, or raise HARMONIEN_ROPA_MAX_BYTES if this size is intended",
            )
        ]
    )


def check_text(raw: bytes, name: str, limit: int | None = None) -> str:
    """The UTF-8 text of ``raw``, the bytes of a data map read from ``name`` (a file, standard
    input, a git revision), or :class:`YamlError`: over the size limit, UTF-16/32, NUL bytes or
    not UTF-8. At most ``limit`` + 1 bytes need to be read to call this."""
    limit = max_bytes() if limit is None else limit

    def fail(message: str, fix: str, line: int = 0, column: int = 0) -> YamlError:
        return YamlError([problem(name, line, column, UNREADABLE_FILE.code, message, fix)])

    if len(raw) > limit:
        raise too_large(name, limit)
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "UTF-32"),
        (codecs.BOM_UTF32_BE, "UTF-32"),
        (codecs.BOM_UTF16_LE, "UTF-16"),
        (codecs.BOM_UTF16_BE, "UTF-16"),
    ):
        if raw.startswith(bom):
            raise fail(
                f"file is encoded as {encoding}",
                "save the file as UTF-8 (in most editors: 'Save with encoding' → UTF-8)",
                1,
                1,
            )
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise fail(
            "file contains NUL bytes (is it UTF-16 or a binary file?)",
            "save the file as UTF-8 text",
            line,
            1,
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        raise fail(
            f"file is not valid UTF-8 (byte 0x{raw[exc.start]:02x}; Latin-1 or Windows-1252?)",
            "save the file as UTF-8",
            line,
            column,
        ) from None


def parse(
    text: str, path: str = "<string>", *, positions: bool = True, located: bool = False
) -> YamlDocument:
    """Parse one YAML document into plain data and positions, or raise :class:`YamlError`.

    With ``positions=True`` the data and the positions are read in one pass of PyYAML's
    events. With ``positions=False`` the data is read alone (natively by yaml-rs where
    :mod:`.yamlnative` proves it reads alike) and the positions only when asked for: found in
    the text one by one (:mod:`.yamllocate`) for a natively read document, else all at once the
    first time one is asked for. ``located=True`` reads as ``positions=False`` where the native
    reader takes the text, else as ``positions=True`` (for a caller that will ask for some
    positions). Problems found while reading always carry their line and column.
    """
    special, census = _survey(text)
    if special is not None:
        _refuse_unreadable(text, special.start(), path)
    limit = max_nodes()
    expanded = max_expanded()
    if len(text) > expanded:
        raise too_expanded(path, 1, 1, len(text), expanded)
    native = False
    if not positions or located:
        native, data = native_data(text, limit, expanded, searched=special is None, census=census)
    if native:
        # Read exactly as the event reader would (see .yamlnative).
        document = YamlDocument(path, data, Positions(), plain=special is None)
    else:
        if 2 * (text.count("\n") + text.count(",")) > limit:
            # Perhaps too many nodes: count them first, at a fraction of the cost of building them.
            prescan(text, path, limit)
        try:
            document = _EventBuilder(path, text, limit, expanded, positions=positions).document()
        except _NeedsNodes:
            from .yamlnodes import parse_nodes

            document = parse_nodes(text, path, limit, expanded)
            document.plain = special is None
            return document
        document.plain = special is None
        if positions:
            return document
    fill = lambda: _positions(text, path, limit, expanded, native=native)  # noqa: E731
    if native:
        from .yamllocate import LocatedPositions

        document.positions = LocatedPositions(text, fill)
    else:
        document.positions = Positions(fill)
    return document


def _refuse_unreadable(text: str, start: int, path: str) -> None:
    """Raise :class:`YamlError` at the first lone surrogate or line separator of ``text``
    from ``start`` (where the search for special characters found the first of any kind)."""
    for pattern, message, fix in _UNREADABLE:
        found = pattern.search(text, start)
        if found:
            before = text[: found.start()]
            code = ord(found.group())
            raise YamlError(
                [
                    problem(
                        path,
                        before.count("\n") + 1,
                        found.start() - (before.rfind("\n") + 1) + 1,
                        UNREADABLE_FILE.code,
                        message.format(f"U+{code:04X}"),
                        fix,
                    )
                ]
            )


#: What no reader may read: (the search, the message with the character's code, the fix).
_UNREADABLE = (
    (
        _SURROGATE,
        "lone surrogate {}, which is no character: the text was not decoded from valid UTF-8",
        "read the file as UTF-8 (encoding='utf-8', errors='strict') and fix what it reports, "
        "or remove the character",
    ),
    (
        _SEPARATOR,
        "invisible line separator {}, which YAML readers take for a line break (text and line "
        "numbers would silently change)",
        "remove it, or write it as \\N, \\L or \\P inside a double-quoted string",
    ),
)


def _positions(text: str, path: str, limit: int, expanded: int, *, native: bool) -> Positions:
    """The positions of a document read without them (so known to be valid): from PyYAML's
    events alone after the native reader (.yamlpositions), else from the event reader."""
    if native:
        from .yamlpositions import read_positions

        try:
            return read_positions(text)
        except (yaml.YAMLError, LookupError, AttributeError):  # pragma: no cover - read natively
            pass
    try:
        return _EventBuilder(path, text, limit, expanded).document().positions
    except (_NeedsNodes, YamlError):  # pragma: no cover - read before without them
        return Positions()


class _NeedsNodes(Exception):
    """The document needs PyYAML's node tree: anchors, aliases, merge keys, an error, ..."""


#: Scalars up to this length are shared between their occurrences (keys, ids, enum values).
_SHARED_LENGTH = 48


class _EventBuilder:
    """Builds plain data and positions straight from the parser's events, in one pass.

    No node tree is kept (it took more memory than the data itself). This handles valid
    documents without merge keys whose anchors are on single values only, which is every
    ordinary data map; for anything else it raises :class:`_NeedsNodes` and the document is
    read again by :func:`.yamlnodes.parse_nodes`, which reports exactly as before.
    """

    def __init__(
        self, path: str, text: str, limit: int, expanded: int, *, positions: bool = True
    ) -> None:
        self.path = path
        self.limit = limit
        #: The text's own length plus what the aliases read so far repeat, and its limit.
        self.size = len(text)
        self.expanded = expanded
        #: The characters each anchor's aliases repeat.
        self.repeated: dict[str, int] = {}
        self.loader: Any = _Loader(text)
        self.get_event: Callable[[], Any] = self.loader.get_event
        self.positions = Positions()
        self.table: dict[Loc, int] | None = self.positions._table if positions else None
        self.diagnostics: list[Diagnostic] = []
        self.depth = 0
        self.nodes = 0
        #: Short plain scalars already read, with their resolved tag and value; short text is
        #: shared between its occurrences (keys, ids, enum values) instead of copied.
        self.plain: dict[str, tuple[str, Any]] = {}
        self.shared: dict[str, str] = {}
        #: Anchored scalars by name: an alias reads as its anchor's event again, as PyYAML's
        #: node tree would build the anchored node again.
        self.anchors: dict[str, yaml.ScalarEvent] = {}

    def document(self) -> YamlDocument:
        try:
            if self.get_event().__class__ is not yaml.StreamStartEvent or (
                self.get_event().__class__ is not yaml.DocumentStartEvent
            ):
                raise _NeedsNodes  # an empty file
            data = self.value(self.next(), (), 0)
            if self.get_event().__class__ is not yaml.DocumentEndEvent or (
                self.get_event().__class__ is not yaml.StreamEndEvent
            ):
                raise _NeedsNodes  # several documents
        except (yaml.YAMLError, RecursionError):
            raise _NeedsNodes from None
        finally:
            self.loader.dispose()
        if self.size > self.expanded:
            # Point at the anchored text whose repetitions add the most.
            mark: Any = self.anchors[max(self.repeated, key=self.repeated.__getitem__)].start_mark
            raise too_expanded(self.path, mark.line + 1, mark.column + 1, self.size, self.expanded)
        if self.diagnostics:
            raise YamlError(self.diagnostics)
        return YamlDocument(self.path, data, self.positions)

    def next(self) -> Any:
        """The next event; the limits on nodes and nesting are those of :func:`_prescan`."""
        event = self.get_event()
        cls = event.__class__
        if cls in _ENDS:
            self.depth -= 1
            return event
        self.nodes += 1
        if self.depth >= MAX_DEPTH:
            raise too_deep(self.path, event.start_mark)
        if self.nodes > self.limit:
            raise too_many(self.path, event.start_mark, self.limit)
        if cls is yaml.AliasEvent:
            if event.anchor not in self.anchors:
                raise _NeedsNodes  # an alias of a list or mapping, or of nothing
            anchored = self.anchors[event.anchor]
            # An alias of text shares the anchor's string: nothing is expanded while reading, and
            # the size it stands for is checked at the end (as the node reader checks it).
            self.size += len(anchored.value)
            self.repeated[event.anchor] = self.repeated.get(event.anchor, 0) + len(anchored.value)
            return anchored
        if event.anchor is not None:
            if event.anchor in self.anchors or cls is not yaml.ScalarEvent:
                raise _NeedsNodes  # a repeated anchor, or an anchored list or mapping
            self.anchors[event.anchor] = event
        if cls is not yaml.ScalarEvent:
            self.depth += 1
        return event

    def skip(self, event: Any) -> None:
        """Read past the rest of the value that starts with ``event``."""
        if event.__class__ in _STARTS:
            level = self.depth - 1
            while self.depth > level:
                self.next()

    def error(self, mark: Any, code: str, message: str, fix: str) -> None:
        self.diagnostics.append(
            problem(self.path, mark.line + 1, mark.column + 1, code, message, fix)
        )

    def resolve(self, event: Any, kind: type[yaml.Node]) -> str:
        tag: str | None = event.tag
        if tag is None or tag == "!":
            value = event.value if kind is yaml.ScalarNode else None
            tag = self.loader.resolve(kind, value, event.implicit)
        return str(tag)

    def scalar(self, event: Any) -> tuple[str, Any]:
        """The resolved tag and the plain value of a scalar event."""
        text: str = event.value
        plain = event.style is None or event.style == ""
        if plain and event.tag is None:
            known = self.plain.get(text)
            if known is not None:
                return known
        tag = self.resolve(event, yaml.ScalarNode)
        try:
            value = scalar_value(self.loader, text, tag, event.style)
        except NumberTooLong as exc:
            self.diagnostics.append(number_too_long(self.path, event.start_mark, exc))
            return "tag:yaml.org,2002:str", text
        if isinstance(value, str) and len(value) <= _SHARED_LENGTH:
            value = self.shared.setdefault(value, value)
        if plain and event.tag is None and len(text) <= _SHARED_LENGTH:
            self.plain[text] = (tag, value)
        return tag, value

    def value(self, event: Any, loc: Loc, key: int) -> Any:
        """Build the value starting with ``event`` at ``loc`` (``key``: its key's packed mark)."""
        mark = event.start_mark
        if self.table is not None:
            self.table[loc] = key | (mark.line + 1) << HALF | (mark.column + 1)
        cls = event.__class__
        if cls is yaml.ScalarEvent:
            tag, value = self.scalar(event)
            if tag in STANDARD_TAGS:
                return value
        elif cls is yaml.MappingStartEvent:
            tag = self.resolve(event, yaml.MappingNode)
            if tag in STANDARD_TAGS:
                return self.mapping(loc)
        else:
            tag = self.resolve(event, yaml.SequenceNode)
            if tag in STANDARD_TAGS:
                items: list[Any] = []
                while (item := self.next()).__class__ is not yaml.SequenceEndEvent:
                    items.append(self.value(item, (*loc, len(items)), 0))
                return items
        self.error(
            mark,
            REFUSED_YAML.code,
            f"tag '{tag}' is not allowed",
            "remove the tag: only plain YAML values (text, numbers, lists, mappings) are read",
        )
        self.skip(event)
        return None

    def mapping(self, loc: Loc) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        while (event := self.next()).__class__ is not yaml.MappingEndEvent:
            tag, key = self.scalar(event) if event.__class__ is yaml.ScalarEvent else ("", None)
            if tag == "tag:yaml.org,2002:merge":
                raise _NeedsNodes
            if tag == "tag:yaml.org,2002:value":  # read as text, as PyYAML's flatten_mapping does
                tag, key = "tag:yaml.org,2002:str", event.value
            if tag not in STANDARD_TAGS:
                self.error(
                    event.start_mark,
                    INVALID_VALUE.code,
                    "a key must be plain text",
                    "write the key as text",
                )
                self.skip(event)
                self.skip(self.next())
                continue
            if not isinstance(key, str):
                key = "" if key is None else str(key).lower() if isinstance(key, bool) else str(key)
                key = self.shared.setdefault(key, key)
            mark = event.start_mark
            if key in first_line:
                self.error(
                    mark,
                    DUPLICATE_KEY.code,
                    f"duplicate key '{key}' (first on line {first_line[key]})",
                    "keep one of the two entries; YAML would silently drop the first",
                )
                self.skip(self.next())
                continue
            first_line[key] = mark.line + 1
            packed = ((mark.line + 1) << HALF | (mark.column + 1)) << PAIR
            result[key] = self.value(self.next(), (*loc, key), packed)
        return result


_STARTS = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_ENDS = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
