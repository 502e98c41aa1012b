"""A directed multigraph with the part of :class:`networkx.MultiDiGraph`'s interface that the
graph's pictures and exports read, in networkx's order.

``render`` draws the data-flow pictures from the graph :func:`..graph.build` makes, and writes
its node-link JSON and GraphML; none of that needs networkx's algorithms, yet importing
networkx (every algorithm, generator and reader, and a scan of the installed packages for its
backends) took about 60 ms of a fresh ``render`` of Harmonien, all of it before Graphviz could
start drawing. :class:`PlainGraph` stands in for it there (``build(datamap, PlainGraph)``):
the same nodes, edges, attribute dictionaries and iteration order (nodes in the order added;
edges by source node, then target in the order its first edge was added, then key in the
order added; attributes of a node or edge added again are updated in place, new ones last), so
every file made from it has the bytes it has from networkx. :func:`..graph.build` without a
class, and the queries (``locate``, ``impact``), still give a :class:`networkx.MultiDiGraph`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, overload

Attributes = dict[str, Any]
#: Each node's edges: target → key → attributes, in the order added.
Succ = dict[str, dict[str, dict[str, Attributes]]]


class _Nodes:
    """``graph.nodes``: iterable (nodes in order), ``nodes[node]`` (its attributes) and
    ``nodes(data=True)`` (pairs of node and attributes)."""

    __slots__ = ("_node",)

    def __init__(self, node: dict[str, Attributes]) -> None:
        self._node = node

    def __iter__(self) -> Iterator[str]:
        return iter(self._node)

    def __len__(self) -> int:
        return len(self._node)

    def __contains__(self, node: object) -> bool:
        return node in self._node

    def __getitem__(self, node: str) -> Attributes:
        return self._node[node]

    @overload
    def __call__(self) -> list[str]: ...

    @overload
    def __call__(self, data: bool) -> list[tuple[str, Attributes]] | list[str]: ...

    def __call__(self, data: bool = False) -> list[tuple[str, Attributes]] | list[str]:
        if data:
            return list(self._node.items())
        return list(self._node)


class _Edges:
    """``graph.edges``: ``edges(keys=..., data=...)`` (tuples in networkx's order) and
    ``edges[source, target, key]`` (an edge's attributes)."""

    __slots__ = ("_succ",)

    def __init__(self, succ: Succ) -> None:
        self._succ = succ

    def __getitem__(self, edge: tuple[str, str, str]) -> Attributes:
        source, target, key = edge
        return self._succ[source][target][key]

    def __call__(self, *, keys: bool = False, data: bool = False) -> list[tuple[Any, ...]]:
        return _listed(self._succ.items(), keys=keys, data=data)


def _listed(
    sources: Iterable[tuple[str, dict[str, dict[str, Attributes]]]], *, keys: bool, data: bool
) -> list[tuple[Any, ...]]:
    """The edges leaving each of ``sources`` (node and its targets' keyed edges), in order, as
    networkx gives them: with the key and/or the attributes as asked."""
    if keys and data:
        return [
            (s, t, k, d)
            for s, targets in sources
            for t, kd in targets.items()
            for k, d in kd.items()
        ]
    if keys:
        return [(s, t, k) for s, targets in sources for t, kd in targets.items() for k in kd]
    if data:
        return [
            (s, t, d) for s, targets in sources for t, kd in targets.items() for d in kd.values()
        ]
    return [(s, t) for s, targets in sources for t, kd in targets.items() for _ in kd]


class PlainGraph:
    """A directed multigraph: nodes with attributes, edges with a key and attributes (see the
    module docstring for what it answers, and in which order)."""

    def __init__(self, **attributes: Any) -> None:
        #: The graph's own attributes.
        self.graph: Attributes = dict(attributes)
        self._node: dict[str, Attributes] = {}
        self._succ: Succ = {}
        self.nodes = _Nodes(self._node)
        self.edges = _Edges(self._succ)

    def __contains__(self, node: object) -> bool:
        return node in self._node

    def __len__(self) -> int:
        return len(self._node)

    def is_directed(self) -> bool:
        return True

    def is_multigraph(self) -> bool:
        return True

    def add_node(self, node: str, **attributes: Any) -> None:
        """Add ``node`` with ``attributes``, or update the attributes of one already there."""
        found = self._node.get(node)
        if found is None:
            self._node[node] = dict(attributes)
            self._succ[node] = {}
        else:
            found.update(attributes)

    def add_edge(self, source: str, target: str, key: str, **attributes: Any) -> str:
        """Add the edge ``key`` from ``source`` to ``target`` (and either node not there yet,
        without attributes), or update the attributes of the edge already there."""
        for node in (source, target):
            if node not in self._node:
                self._node[node] = {}
                self._succ[node] = {}
        keydict = self._succ[source].setdefault(target, {})
        found = keydict.get(key)
        if found is None:
            keydict[key] = dict(attributes)
        else:
            found.update(attributes)
        return key

    def has_edge(self, source: str, target: str, key: str | None = None) -> bool:
        keydict = self._succ.get(source, {}).get(target)
        if keydict is None:
            return False
        return key is None or key in keydict

    def get_edge_data(
        self, source: str, target: str, key: str, default: Attributes | None = None
    ) -> Attributes | None:
        return self._succ.get(source, {}).get(target, {}).get(key, default)

    def out_edges(
        self, node: str, *, keys: bool = False, data: bool = False
    ) -> list[tuple[Any, ...]]:
        """The edges leaving ``node``, in the order of :attr:`edges`."""
        return _listed([(node, self._succ[node])], keys=keys, data=data)
