"""The fallback reader: plain data and positions from PyYAML's node tree.

Used for documents the event builder in :mod:`.yamlsource` leaves to it: anchored lists and
mappings, merge keys, several documents, syntax errors. It checks the expanded size of aliases
(alias bombs, recursive anchors, aliases of long text) before expanding anything.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import yaml

from ..core.diagnostics import Diagnostic
from ..core.load_codes import DUPLICATE_KEY, INVALID_VALUE, REFUSED_YAML, YAML_SYNTAX
from .positions import Loc, Positions
from .yamlbase import (
    DEPTH_FIX,
    MAX_ALIAS_EXPANSION,
    MAX_DEPTH,
    STANDARD_TAGS,
    SYNTAX_FIX,
    NumberTooLong,
    YamlDocument,
    YamlError,
    number_too_long,
    prescan,
    problem,
    scalar_value,
    syntax_diagnostic,
    too_expanded,
)
from .yamlbase import Loader as _Loader


def parse_nodes(text: str, path: str, limit: int, expanded: int) -> YamlDocument:
    """Parse through PyYAML's node tree: for anchors, aliases, merge keys and every error."""
    prescan(text, path, limit)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        raise YamlError([syntax_diagnostic(path, exc, text)]) from None
    except yaml.YAMLError as exc:
        raise YamlError(
            [problem(path, 1, 1, YAML_SYNTAX.code, f"YAML error: {exc}", SYNTAX_FIX)]
        ) from None
    except RecursionError:
        raise YamlError(
            [problem(path, 1, 1, REFUSED_YAML.code, "nesting is too deep to read", DEPTH_FIX)]
        ) from None
    finally:
        loader.dispose()
    if node is None:
        raise YamlError(
            [
                problem(
                    path,
                    1,
                    1,
                    INVALID_VALUE.code,
                    "file is empty",
                    "start from the example in the README",
                )
            ]
        )
    builder = _Builder(path, loader, node, len(text), expanded)
    data = builder.build(node, (), 0)
    if builder.diagnostics:
        # An aliased list or mapping is built again for each alias: report each problem once.
        raise YamlError(list(dict.fromkeys(builder.diagnostics)))
    return YamlDocument(path, data, builder.positions)


class _Builder:
    """Turns composed YAML nodes into plain data, recording positions and problems."""

    def __init__(self, path: str, loader: Any, root: yaml.Node, length: int, expanded: int) -> None:
        self.path = path
        #: The text's length, and the most characters it may stand for with aliases written out.
        self.length = length
        self.expanded = expanded
        self.loader = loader
        self.root = root
        self.positions = Positions()
        self.diagnostics: list[Diagnostic] = []
        #: ids of the mappings and lists built so far; meeting one again means an alias.
        self._built: set[int] = set()
        self._expansion_checked = False
        #: each mapping's entries with merge keys resolved, by node id (see :meth:`_entries`)
        self._flat: dict[int, dict[str, tuple[yaml.Node, yaml.Node]]] = {}

    def error(self, node: yaml.Node, code: str, message: str, fix: str) -> None:
        mark = node.start_mark
        self.diagnostics.append(
            problem(self.path, mark.line + 1, mark.column + 1, code, message, fix)
        )

    def _guard(self, node: yaml.Node) -> None:
        """Check the expanded size when an alias first repeats a node.

        Without aliases nothing can expand, so the (costly) count of the expanded tree only runs
        for documents that have them, before the first repeated node is built.
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
        #: characters of the text (keys and values) each node stands for, aliases written out
        chars: dict[int, int] = {}
        #: how often each node is a child of a (distinct) list or mapping: more than once is an alias
        uses: dict[int, int] = {}
        nodes: dict[int, yaml.Node] = {}
        unique = unique_chars = 0
        open_nodes: set[int] = set()  # nodes whose children are being sized: the current path
        stack: list[tuple[yaml.Node, int, bool]] = [(root, 1, False)]
        while stack:
            node, depth, done = stack.pop()
            if id(node) in open_nodes and not done:
                self.error(
                    node,
                    REFUSED_YAML.code,
                    "an alias refers to the list or mapping that contains it (a recursive anchor)",
                    "an anchored value cannot contain an alias to itself; write the data out",
                )
                raise YamlError(self.diagnostics)
            if depth > MAX_DEPTH:
                self.error(
                    node, REFUSED_YAML.code, f"nesting deeper than {MAX_DEPTH} levels", DEPTH_FIX
                )
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
            own = len(node.value) if isinstance(node, yaml.ScalarNode) else 0
            unique_chars += own
            chars[id(node)] = own + sum(chars[id(child)] for child in children)
            nodes[id(node)] = node
            for child in children:
                uses[id(child)] = uses.get(id(child), 0) + 1
        if sizes[id(root)] - unique > MAX_ALIAS_EXPANSION:
            self.error(
                root,
                REFUSED_YAML.code,
                f"aliases expand to {sizes[id(root)]:,} nodes from {unique:,}: "
                "this looks like an alias bomb",
                "write the data out instead of repeating it through anchors and aliases",
            )
            raise YamlError(self.diagnostics)
        size = self.length + chars[id(root)] - unique_chars
        if size > self.expanded:
            # Point at the anchored value whose repetitions add the most text.
            blamed = max(uses, key=lambda ident: (uses[ident] - 1) * chars[ident])
            mark = nodes[blamed].start_mark
            raise too_expanded(self.path, mark.line + 1, mark.column + 1, size, self.expanded)

    def build(self, node: yaml.Node, loc: Loc, depth: int) -> Any:
        mark = node.start_mark
        if depth >= MAX_DEPTH:
            message = f"nesting deeper than {MAX_DEPTH} levels"
            line, column = mark.line + 1, mark.column + 1
            raise YamlError(
                [problem(self.path, line, column, REFUSED_YAML.code, message, DEPTH_FIX)]
            )
        self.positions.set_value(loc, mark)
        if node.tag not in STANDARD_TAGS:
            self.error(
                node,
                REFUSED_YAML.code,
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
        self._guard(node)
        return self._scalar(node)

    def _mapping(self, node: yaml.MappingNode, loc: Loc, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        if any(key.tag == "tag:yaml.org,2002:merge" for key, _ in node.value):
            entries = self._entries(node)
        else:  # each key checked just before its value is built, as the event reader does
            entries = {}
            for key_node, value_node in node.value:
                key = self._own_key(key_node, entries)
                if key is not None:
                    entries[key] = (key_node, value_node)
                    self._enter(loc, key, key_node, value_node, result, depth)
            self._flat[id(node)] = entries
            return result
        for key, (key_node, value_node) in entries.items():
            self._enter(loc, key, key_node, value_node, result, depth)
        return result

    def _enter(
        self,
        loc: Loc,
        key: str,
        key_node: yaml.Node,
        value_node: yaml.Node,
        result: dict[str, Any],
        depth: int,
    ) -> None:
        child_loc = (*loc, key)
        self.positions.set_key(child_loc, key_node.start_mark)
        result[key] = self.build(value_node, child_loc, depth + 1)

    def _own_key(
        self, key_node: yaml.Node, seen: dict[str, tuple[yaml.Node, yaml.Node]]
    ) -> str | None:
        """The text of a key written in a mapping, or None (reported) when it is not plain text
        or is already in ``seen``, the mapping's keys so far."""
        if key_node.tag == "tag:yaml.org,2002:value":  # '=': text, as PyYAML reads it
            key_node.tag = "tag:yaml.org,2002:str"
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in STANDARD_TAGS:
            self.error(
                key_node, INVALID_VALUE.code, "a key must be plain text", "write the key as text"
            )
            return None
        self._guard(key_node)
        key = self._scalar(key_node)
        if not isinstance(key, str):
            key = "" if key is None else str(key).lower() if isinstance(key, bool) else str(key)
        if key in seen:
            first = seen[key][0].start_mark
            self.error(
                key_node,
                DUPLICATE_KEY.code,
                f"duplicate key '{key}' (first on line {first.line + 1})",
                "keep one of the two entries; YAML would silently drop the first",
            )
            return None
        return key

    def _entries(self, node: yaml.MappingNode) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        """The mapping's entries by key, merge keys (``<<``) resolved as YAML specifies: a key
        of the mapping itself overrides a merged one, and a mapping earlier in a merged list
        overrides a later one. Only a key written twice in one mapping is a duplicate.

        Each mapping's entries are worked out once (an anchored mapping is built before any
        alias of it is merged), so long chains of merges cost no deep recursion.
        """
        known = self._flat.get(id(node))
        if known is not None:
            return known
        if not self._expansion_checked and any(
            key.tag == "tag:yaml.org,2002:merge" for key, _ in node.value
        ):
            # Merge keys copy aliased mappings before _guard could see them repeat.
            self._expansion_checked = True
            self.check_size(self.root)
        own: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        sources: list[yaml.MappingNode] = []
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                items = value_node.value if isinstance(value_node, yaml.SequenceNode) else None
                for source in [value_node] if items is None else items:
                    if isinstance(source, yaml.MappingNode):
                        sources.append(source)
                    else:
                        message = (
                            f"a merge key ('<<') needs a mapping or a list of mappings, not a "
                            f"{source.id}"
                            if items is None
                            else f"a merge key's list ('<<: [...]') holds only mappings, not a "
                            f"{source.id}"
                        )
                        self.error(
                            source,
                            YAML_SYNTAX.code,
                            message,
                            "give '<<' an alias of a mapping (<<: *name) or a list of them",
                        )
                continue
            key = self._own_key(key_node, own)
            if key is not None:
                own[key] = (key_node, value_node)
        merged: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for source in sources:
            for key, entry in self._entries(source).items():
                merged.setdefault(key, entry)  # an earlier mapping wins
        merged.update(own)  # the mapping's own keys win
        self._flat[id(node)] = merged
        return merged

    def _scalar(self, node: yaml.Node) -> Any:
        try:
            return scalar_value(
                self.loader, node.value, node.tag, getattr(node, "style", None), node
            )
        except NumberTooLong as exc:
            self.diagnostics.append(number_too_long(self.path, node.start_mark, exc))
            return node.value


def _children(node: yaml.Node) -> Iterator[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield key
            yield value
    elif isinstance(node, yaml.SequenceNode):
        yield from node.value
