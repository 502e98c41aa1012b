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
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .diagnostics import Diagnostic, Severity

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - pure-Python fallback when libyaml is absent
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Loc = tuple[str | int, ...]

#: Default largest input accepted, in bytes (override with HARMONIEN_ROPA_MAX_BYTES).
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
#: Deepest nesting of mappings and lists accepted.
MAX_DEPTH = 64
#: How many extra nodes aliases may add when expanded (guards against alias bombs).
MAX_ALIAS_EXPANSION = 100_000
#: Most YAML nodes (scalars, lists, mappings, aliases) read from one file. Harmonien's map has
#: about 2,000; the limit keeps memory bounded (composing a node costs ~300 bytes) for any file
#: under the size limit.
MAX_NODES = 200_000

#: NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR: line breaks to YAML 1.1 readers, not to editors.
_SEPARATOR = re.compile("[\x85\u2028\u2029]")
_INT = re.compile(r"^[-+]?(0|[1-9][0-9_]*)$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$")
_BOOL = {"true": True, "false": False}
_NULL = {"", "~", "null"}
_STANDARD_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:merge",
}


@dataclass
class Positions:
    """1-based (line, column) of each value and each mapping key, by location path."""

    values: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def find(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """Position of ``loc`` or of its nearest ancestor that has one (1, 1 for the file)."""
        table = self.keys if key else self.values
        for end in range(len(loc), -1, -1):
            prefix = loc[:end]
            if prefix in table:
                return table[prefix]
            if key and prefix in self.values:
                return self.values[prefix]
        return (1, 1)


@dataclass
class YamlDocument:
    """Plain data read from one YAML file, with its positions."""

    path: str
    data: Any
    positions: Positions


class YamlError(Exception):
    """The file could not be read as YAML; carries every diagnostic found."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = diagnostics
        super().__init__("; ".join(d.message for d in diagnostics))


def max_bytes() -> int:
    """The input size limit in force (HARMONIEN_ROPA_MAX_BYTES or the default)."""
    raw = os.environ.get("HARMONIEN_ROPA_MAX_BYTES", "")
    return int(raw) if raw.isdigit() and int(raw) > 0 else DEFAULT_MAX_BYTES


def _problem(path: str, line: int, column: int, code: str, message: str, fix: str) -> Diagnostic:
    return Diagnostic(path, line, column, code, Severity.ERROR, message, fix)


def read_text(path: Path, display: str | None = None, limit: int | None = None) -> str:
    """Read ``path`` as UTF-8 text, with clear errors for every way that can fail."""
    name = display or str(path)
    limit = max_bytes() if limit is None else limit

    def fail(message: str, fix: str, line: int = 0, column: int = 0) -> YamlError:
        return YamlError([_problem(name, line, column, "ROPA008", message, fix)])

    try:
        if path.is_dir():
            raise fail("this is a directory, not a YAML file", "pass the path of the .yaml file")
        with path.open("rb") as handle:
            # read(n) allocates n bytes up front: ask for no more than the file holds.
            size = os.fstat(handle.fileno()).st_size
            raw = handle.read(min(size, limit) + 1 if size else limit + 1)
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
    if len(raw) > limit:
        raise fail(
            f"file is larger than the limit of {limit:,} bytes",
            "split the data map, or raise HARMONIEN_ROPA_MAX_BYTES if this size is intended",
        )
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


def parse(text: str, path: str = "<string>") -> YamlDocument:
    """Parse one YAML document into plain data and positions, or raise :class:`YamlError`."""
    found = _SEPARATOR.search(text)
    if found:
        before = text[: found.start()]
        raise YamlError(
            [
                _problem(
                    path,
                    before.count("\n") + 1,
                    found.start() - (before.rfind("\n") + 1) + 1,
                    "ROPA008",
                    f"invisible line separator U+{ord(found.group()):04X}, which YAML readers "
                    "take for a line break (text and line numbers would silently change)",
                    "remove it, or write it as \\N, \\L or \\P inside a double-quoted string",
                )
            ]
        )
    _prescan(text, path)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        raise YamlError([_syntax_diagnostic(path, exc)]) from None
    except yaml.YAMLError as exc:
        raise YamlError(
            [_problem(path, 1, 1, "ROPA001", f"YAML error: {exc}", _SYNTAX_FIX)]
        ) from None
    except RecursionError:
        raise YamlError(
            [_problem(path, 1, 1, "ROPA009", "nesting is too deep to read", _DEPTH_FIX)]
        ) from None
    finally:
        loader.dispose()
    if node is None:
        raise YamlError(
            [
                _problem(
                    path, 1, 1, "ROPA004", "file is empty", "start from the example in the README"
                )
            ]
        )
    builder = _Builder(path, loader, node)
    data = builder.build(node, (), 0)
    if builder.diagnostics:
        raise YamlError(builder.diagnostics)
    return YamlDocument(path, data, builder.positions)


def _prescan(text: str, path: str) -> None:
    """Bound nesting depth and node count from the event stream, before any node is built.

    Events are produced one at a time in constant memory, so a file of millions of tiny nodes
    or of thousands of nested brackets is refused in well under a second, and neither the
    composer's memory nor its recursion is ever at risk.
    """
    loader = _Loader(text)
    depth = nodes = 0
    try:
        while True:
            event = loader.get_event()
            if event is None or isinstance(event, yaml.StreamEndEvent):
                return
            if isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
                continue
            if not isinstance(event, yaml.NodeEvent):
                continue
            nodes += 1
            if depth + 1 > MAX_DEPTH:
                raise _too_deep(path, event.start_mark)
            if nodes > MAX_NODES:
                raise _at_mark(
                    path,
                    event.start_mark,
                    f"more than {MAX_NODES:,} values in one file",
                    "a data map needs far fewer; split it, or look for generated or "
                    "pasted data that does not belong here",
                )
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
    except yaml.MarkedYAMLError as exc:
        # libyaml stops at 1,000 levels while scanning ahead, before the events reach us.
        if "nesting depth" in str(exc.problem):
            raise _too_deep(path, exc.problem_mark) from None
        return  # the composer reports other syntax errors with full context
    except yaml.YAMLError:
        return
    finally:
        loader.dispose()


def _too_deep(path: str, mark: Any) -> YamlError:
    return _at_mark(path, mark, f"nesting deeper than {MAX_DEPTH} levels", _DEPTH_FIX)


def _at_mark(path: str, mark: Any, message: str, fix: str) -> YamlError:
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    return YamlError([_problem(path, line, column, "ROPA009", message, fix)])


_SYNTAX_FIX = "check indentation and quoting around this place; quote values containing ': ' or '#'"
_DEPTH_FIX = f"a data map needs far fewer levels; keep nesting under {MAX_DEPTH}"


def _syntax_diagnostic(path: str, exc: yaml.MarkedYAMLError) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = exc.problem or "syntax error"
    if exc.context:
        start = exc.context_mark
        where = f" that starts on line {start.line + 1}" if start and start.line + 1 != line else ""
        problem = f"{problem} ({exc.context}{where})"
    fix = _SYNTAX_FIX
    if "tab" in problem:
        fix = "YAML does not allow tabs for indentation: indent with spaces"
        problem = "tab character where YAML expects spaces"
    return _problem(path, line, column, "ROPA001", f"YAML syntax error: {problem}", fix)


class _Builder:
    """Turns composed YAML nodes into plain data, recording positions and problems."""

    def __init__(self, path: str, loader: Any, root: yaml.Node) -> None:
        self.path = path
        self.loader = loader
        self.root = root
        self.positions = Positions()
        self.diagnostics: list[Diagnostic] = []
        #: ids of the mappings and lists built so far; meeting one again means an alias.
        self._built: set[int] = set()
        self._expansion_checked = False

    def error(self, node: yaml.Node, code: str, message: str, fix: str) -> None:
        mark = node.start_mark
        self.diagnostics.append(
            _problem(self.path, mark.line + 1, mark.column + 1, code, message, fix)
        )

    def _guard(self, node: yaml.Node) -> None:
        """Check the expanded size when an alias first repeats a mapping or list.

        Without aliases to mappings or lists nothing can expand, so the (costly) count of the
        expanded tree only runs for documents that have them, before the first one is expanded.
        Aliases of single values add one node each, bounded by the file size.
        """
        ident = id(node)
        if ident not in self._built:
            self._built.add(ident)
        elif not self._expansion_checked:
            self._expansion_checked = True
            self.check_size(self.root)

    def check_size(self, root: yaml.Node) -> None:
        """Reject alias bombs and deep nesting before anything is expanded."""
        sizes: dict[int, int] = {}
        unique = 0
        open_nodes: set[int] = set()  # nodes whose children are being sized: the current path
        stack: list[tuple[yaml.Node, int, bool]] = [(root, 1, False)]
        while stack:
            node, depth, done = stack.pop()
            if id(node) in open_nodes and not done:
                self.error(
                    node,
                    "ROPA009",
                    "an alias refers to the list or mapping that contains it (a recursive anchor)",
                    "an anchored value cannot contain an alias to itself; write the data out",
                )
                raise YamlError(self.diagnostics)
            if depth > MAX_DEPTH:
                self.error(node, "ROPA009", f"nesting deeper than {MAX_DEPTH} levels", _DEPTH_FIX)
                raise YamlError(self.diagnostics)
            if id(node) in sizes:
                continue
            children = list(_children(node))
            if not done and children:
                open_nodes.add(id(node))
                stack.append((node, depth, True))
                stack.extend(
                    (child, depth + 1, False) for child in children if id(child) not in sizes
                )
                continue
            open_nodes.discard(id(node))
            unique += 1
            sizes[id(node)] = 1 + sum(sizes.get(id(child), 1) for child in children)
        if sizes[id(root)] - unique > MAX_ALIAS_EXPANSION:
            self.error(
                root,
                "ROPA009",
                f"aliases expand to {sizes[id(root)]:,} nodes from {unique:,}: "
                "this looks like an alias bomb",
                "write the data out instead of repeating it through anchors and aliases",
            )
            raise YamlError(self.diagnostics)

    def build(self, node: yaml.Node, loc: Loc, depth: int) -> Any:
        mark = node.start_mark
        if depth >= MAX_DEPTH:
            message = f"nesting deeper than {MAX_DEPTH} levels"
            line, column = mark.line + 1, mark.column + 1
            raise YamlError([_problem(self.path, line, column, "ROPA009", message, _DEPTH_FIX)])
        self.positions.values.setdefault(loc, (mark.line + 1, mark.column + 1))
        if node.tag not in _STANDARD_TAGS:
            self.error(
                node,
                "ROPA009",
                f"tag '{node.tag}' is not allowed",
                "remove the tag: only plain YAML values (text, numbers, lists, mappings) are read",
            )
            return None
        if isinstance(node, yaml.MappingNode):
            self._guard(node)
            return self._mapping(node, loc, depth)
        if isinstance(node, yaml.SequenceNode):
            self._guard(node)
            return [self.build(child, (*loc, i), depth + 1) for i, child in enumerate(node.value)]
        return self._scalar(node)

    def _mapping(self, node: yaml.MappingNode, loc: Loc, depth: int) -> dict[str, Any]:
        if not self._expansion_checked and any(
            key.tag == "tag:yaml.org,2002:merge" for key, _ in node.value
        ):
            # Merge keys copy aliased mappings before _guard could see them repeat.
            self._expansion_checked = True
            self.check_size(self.root)
        try:
            self.loader.flatten_mapping(node)
        except yaml.MarkedYAMLError as exc:
            self.diagnostics.append(_syntax_diagnostic(self.path, exc))
            return {}
        result: dict[str, Any] = {}
        first_seen: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _STANDARD_TAGS:
                self.error(key_node, "ROPA004", "a key must be plain text", "write the key as text")
                continue
            key = self._scalar(key_node)
            if not isinstance(key, str):
                key = "" if key is None else str(key).lower() if isinstance(key, bool) else str(key)
            if key in first_seen:
                first = first_seen[key].start_mark
                self.error(
                    key_node,
                    "ROPA002",
                    f"duplicate key '{key}' (first on line {first.line + 1})",
                    "keep one of the two entries; YAML would silently drop the first",
                )
                continue
            first_seen[key] = key_node
            child_loc = (*loc, key)
            kmark = key_node.start_mark
            self.positions.keys[child_loc] = (kmark.line + 1, kmark.column + 1)
            result[key] = self.build(value_node, child_loc, depth + 1)
        return result

    def _scalar(self, node: yaml.Node) -> Any:
        value = node.value
        if not isinstance(value, str):  # pragma: no cover - composer gives str for scalars
            return value
        if getattr(node, "style", None) not in (None, "") or node.tag == "tag:yaml.org,2002:str":
            return value
        text = value.strip()
        lowered = text.lower()
        if lowered in _NULL and node.tag == "tag:yaml.org,2002:null":
            return None
        if lowered in _BOOL and node.tag == "tag:yaml.org,2002:bool":
            return _BOOL[lowered]
        if node.tag == "tag:yaml.org,2002:int" and _INT.match(text):
            return int(text.replace("_", ""))
        if node.tag == "tag:yaml.org,2002:float" and _FLOAT.match(text):
            return float(text.replace("_", ""))
        if node.tag == "tag:yaml.org,2002:timestamp":
            try:
                return self.loader.construct_object(node)
            except (yaml.YAMLError, ValueError):
                return value
        return value


def _children(node: yaml.Node) -> Iterator[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield key
            yield value
    elif isinstance(node, yaml.SequenceNode):
        yield from node.value
