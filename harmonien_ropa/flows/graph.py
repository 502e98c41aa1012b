# Longer than 400 lines: one graph builder and its views (aggregate, node_link), sharing its node and edge kinds.
"""The data map as a typed networkx graph: where personal data comes from and where it goes.

:func:`build` turns a :class:`DataMap` into a :class:`networkx.MultiDiGraph`. Node ids are
``"<kind>:<id>"`` (``"activity:newsletter"``, ``"country:US"``); every node has a ``kind`` and a
``ref`` (the id in the data map), labels in each language (``label_nb``, ``label_en``) and plain
flags. Edges point the way data flows and each carries ``kind``, the ``categories`` that flow over
it (ids, in the order of the data map), the ``activities`` it belongs to, ``special`` (an Art. 9
category flows), ``outside_eea`` and ``assumed`` (it rests on an assumption still to confirm).

Edge kinds:

========================  ==============================================================
``collects``              data subject → activity
``obtained-from``         party → activity (data from a third party, Art. 14)
``processed-in``          data category → activity
``stored-in``             activity → system
``sent-to``               activity → party (named recipients and transfer recipients)
``runs``                  system → party that supplies (``role=vendor``) or operates it
``engages``               processor → its sub-processor
``transferred-to``        party → country outside the EEA, with the Chapter V ``mechanism``
                          (``onward``: the recipient's own transfer, not ours)
``located-in``            party → the country where it is established
``hosted-in``             system → a country where its data is stored
``reused-from``           activity → another activity that reuses its data (a source of
                          kind ``own_activity``; ``compatibility``: the Art. 6(4) note is given)
========================  ==============================================================

The views (:func:`activity_view`, :func:`system_view`, :func:`party_view`,
:func:`special_view`, :func:`outside_eea_view`) return subgraphs of a built graph.

networkx is imported only where it is used: the graph's pictures and exports are made from a
:class:`.plaingraph.PlainGraph` (``build(datamap, PlainGraph)``), which reads in the same order
without networkx's import.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from ..law.countries import adequacy, country_name, is_eea
from ..law.devices import trackers_of
from ..law.transfers import effective_mechanism, is_onward
from ..model.activity import Activity
from ..model.base import Text, in_language
from ..model.datamap import DataMap
from ..model.inventory import Party, System

Graph = Any  # networkx.MultiDiGraph (networkx ships no type information)
EdgeData = dict[str, Any]

NODE_KINDS = ("data_subject", "data_category", "activity", "system", "party", "country")
EDGE_KINDS = (
    "collects",
    "obtained-from",
    "processed-in",
    "stored-in",
    "sent-to",
    "runs",
    "engages",
    "transferred-to",
    "located-in",
    "hosted-in",
    "reused-from",
)


def node_id(kind: str, ref: str) -> str:
    """The graph node id of the data-map entry ``ref`` of ``kind``."""
    return f"{kind}:{ref}"


def _labels(text: Text | str, languages: tuple[str, ...]) -> dict[str, str]:
    """A node's label in each language the map publishes in (``label_nb``, ...)."""
    if isinstance(text, str):
        return {f"label_{lang}": text for lang in languages}
    return {f"label_{lang}": text.get(lang) for lang in languages}


class _Builder:
    """Collects nodes and merges parallel edges of the same kind, keeping order stable."""

    def __init__(self, datamap: DataMap, graph_class: Callable[..., Graph]) -> None:
        self.datamap = datamap
        self.graph: Graph = graph_class(
            organisation=in_language(datamap.organisation.name, datamap.languages[0])
        )
        self._order = {c.id: i for i, c in enumerate(datamap.data_categories)}
        self._special = {c.id for c in datamap.data_categories if c.special_category}

    def _in_map_order(self, categories: set[str]) -> list[str]:
        """Category ids in the order of the data map (unknown ids last, sorted)."""
        try:
            return sorted(categories, key=self._order.__getitem__)
        except KeyError:
            last = len(self._order)
            return sorted(categories, key=lambda c: (self._order.get(c, last), c))

    def node(self, kind: str, ref: str, label: Text | str, **attrs: Any) -> str:
        nid = node_id(kind, ref)
        if nid not in self.graph:
            attrs.setdefault("special", False)
            attrs.setdefault("outside_eea", False)
            self.graph.add_node(
                nid, kind=kind, ref=ref, **_labels(label, self.datamap.languages), **attrs
            )
        return nid

    def edge(
        self,
        source: str,
        target: str,
        kind: str,
        categories: Iterable[str],
        activities: Iterable[str],
        *,
        key: str | None = None,
        assumed: bool = False,
        **attrs: Any,
    ) -> None:
        key = key or kind
        cats = set(categories)
        acts = dict.fromkeys(activities)
        data: EdgeData | None = self.graph.get_edge_data(source, target, key)
        if data is not None:
            cats.update(data["categories"])
            acts = dict.fromkeys([*data["activities"], *acts])
            assumed = assumed or data["assumed"]
        ordered = self._in_map_order(cats)
        self.graph.add_edge(
            source,
            target,
            key=key,
            kind=kind,
            categories=ordered,
            activities=list(acts),
            special=any(c in self._special for c in ordered),
            assumed=assumed,
            **{"outside_eea": False, **attrs},
        )

    # -- nodes ---------------------------------------------------------------------------

    def party(self, party: Party) -> str:
        return self.node(
            "party",
            party.id,
            party.name,
            role=party.role.value,
            country=party.country,
            outside_eea=not is_eea(party.country),
            dpa=party.dpa,
            assumed=party.is_assumed("role") or party.is_assumed("country"),
        )

    def system(self, system: System) -> str:
        outside = [c for c in system.hosting_countries if not is_eea(c)]
        return self.node(
            "system",
            system.id,
            system.name,
            internal=system.is_internal,
            hosting_countries=list(system.hosting_countries),
            outside_eea=bool(outside),
        )

    def country(self, code: str) -> str:
        found = adequacy(code)
        return self.node(
            "country",
            code,
            Text(**{lang: country_name(code, lang) for lang in self.datamap.languages}),
            eea=is_eea(code),
            outside_eea=not is_eea(code),
            adequacy=found.decision if found else None,
            adequacy_partial=found.partial if found else False,
        )

    # -- the map -------------------------------------------------------------------------

    def build(self) -> Graph:
        dm = self.datamap
        for subject in dm.data_subjects:
            self.node("data_subject", subject.id, subject.name, vulnerable=subject.vulnerable)
        for category in dm.data_categories:
            self.node(
                "data_category",
                category.id,
                category.name,
                special=category.special_category,
                national_id=category.national_id,
                criminal_offence=category.criminal_offence,
            )
        for activity in dm.activities:
            self.activity(activity)
        for activity in dm.activities:
            self.reuse_edges(activity)
        for system in dm.systems:
            self.system_edges(system)
        for party in dm.parties:
            self.party_edges(party)
        return self.graph

    def reuse_edges(self, act: Activity) -> None:
        """Data ``act`` reuses from another of our activities (once every activity has its
        node)."""
        for source in act.sources:
            if source.activity_id is None or source.activity_id == act.id:
                continue
            self.edge(
                node_id("activity", source.activity_id),
                node_id("activity", act.id),
                "reused-from",
                [c.id for c in self.datamap.source_categories(act, source)],
                [act.id],
                assumed=act.is_assumed("sources") or source.is_assumed("activity"),
                compatibility=source.compatibility is not None,
            )

    def activity(self, act: Activity) -> None:
        cats = list(act.data_category_ids)
        aid = self.node(
            "activity",
            act.id,
            act.name,
            legal_basis=act.basis_values[0].value if act.basis_values else None,
            legal_bases=[b.value for b in act.basis_values],
            cookies=[t.name for t in trackers_of(self.datamap, act)],
            art9_condition=act.art9_condition.value if act.art9_condition else None,
            categories=cats,
            special=bool(self.datamap.special_categories_of(act)),
            in_notice=act.in_notice,
            on_behalf_of=act.on_behalf_of_id,
            marketing=[m.value for m in act.marketing],
        )
        own = [act.id]
        for sid in act.data_subject_ids:
            src = node_id("data_subject", sid)
            self.edge(src, aid, "collects", cats, own, assumed=act.is_assumed("data_categories"))
        for cid in cats:
            self.edge(node_id("data_category", cid), aid, "processed-in", [cid], own)
        for source in act.sources:
            party = self.datamap.source_party(source)
            if party is not None:
                categories = [c.id for c in self.datamap.source_categories(act, source)]
                assumed = act.is_assumed("sources") or source.is_assumed("party")
                self.edge(self.party(party), aid, "obtained-from", categories, own, assumed=assumed)
        for system in self.datamap.systems_of(act):
            sys_id = self.system(system)
            self.edge(aid, sys_id, "stored-in", cats, own, assumed=act.is_assumed("systems"))
        recipients = list(self.datamap.recipients_of(act))
        for transfer in act.transfers:
            party = self.datamap.party(transfer.party_id)
            if party not in recipients:
                recipients.append(party)
        for party in recipients:
            self.edge(
                aid,
                self.party(party),
                "sent-to",
                cats,
                own,
                assumed=act.is_assumed("recipients"),
                outside_eea=not is_eea(party.country),
            )
        self.transfers(act)

    def transfers(self, act: Activity) -> None:
        """Declared transfers, and undeclared ones to recipients established outside the EEA."""
        cats = list(act.data_category_ids)
        declared: set[tuple[str, str]] = set()
        for transfer in act.transfers:
            declared.add((transfer.party_id, transfer.country))
            if is_eea(transfer.country):
                continue
            party = self.datamap.party(transfer.party_id)
            effective = effective_mechanism(transfer, party)
            mechanism = effective.value if effective else None
            self.edge(
                self.party(party),
                self.country(transfer.country),
                "transferred-to",
                cats,
                [act.id],
                key=f"transferred-to:{mechanism or 'unknown'}",
                assumed=transfer.is_assumed("mechanism")
                or (transfer.mechanism is None and party.is_assumed("transfer_mechanism"))
                or act.is_assumed("transfers"),
                outside_eea=True,
                mechanism=mechanism,
                declared=True,
                onward=is_onward(self.datamap, transfer),
            )
        for party in self.datamap.all_recipients_of(act):
            if is_eea(party.country) or (party.id, party.country) in declared:
                continue
            mechanism = party.transfer_mechanism.value if party.transfer_mechanism else None
            self.edge(
                self.party(party),
                self.country(party.country),
                "transferred-to",
                cats,
                [act.id],
                key=f"transferred-to:{mechanism or 'unknown'}",
                assumed=party.is_assumed("transfer_mechanism"),
                outside_eea=True,
                mechanism=mechanism,
                declared=False,
                onward=False,
            )

    def system_edges(self, system: System) -> None:
        sys_id = self.system(system)
        acts = self.datamap.activities_of(system)
        cats = [c for a in acts for c in a.data_category_ids]
        act_ids = [a.id for a in acts]
        roles: dict[str, tuple[Party, list[str]]] = {}
        for role, party in (
            ("vendor", self.datamap.vendor_of(system)),
            ("operator", self.datamap.operator_of(system)),
        ):
            if party is not None:
                roles.setdefault(party.id, (party, []))[1].append(role)
        for party, party_roles in roles.values():
            self.edge(
                sys_id,
                self.party(party),
                "runs",
                cats,
                act_ids,
                role=",".join(party_roles),
                outside_eea=not is_eea(party.country),
                assumed=any(system.is_assumed(f) for f in ("vendor", "operated_by")),
            )
        for code in system.hosting_countries:
            self.edge(
                sys_id,
                self.country(code),
                "hosted-in",
                cats,
                act_ids,
                outside_eea=not is_eea(code),
                assumed=system.is_assumed("hosting_countries"),
            )

    def party_edges(self, party: Party) -> None:
        pid = self.party(party)
        acts = self.datamap.activities_of(party)
        cats = [c for a in acts for c in a.data_category_ids]
        act_ids = [a.id for a in acts]
        self.edge(
            pid,
            self.country(party.country),
            "located-in",
            cats,
            act_ids,
            outside_eea=not is_eea(party.country),
            assumed=party.is_assumed("country"),
        )
        engaged_by = self.datamap.engaged_by(party)
        if engaged_by is not None:
            sub_acts = [a.id for a in acts]
            self.edge(
                self.party(engaged_by),
                pid,
                "engages",
                cats,
                sub_acts,
                assumed=party.is_assumed("engaged_by") or party.is_assumed("role"),
                outside_eea=not is_eea(party.country),
            )


def build(datamap: DataMap, graph_class: Callable[..., Graph] | None = None) -> Graph:
    """The whole data map as a :class:`networkx.MultiDiGraph` (see the module docstring), or as
    a ``graph_class`` with its interface, such as :class:`.plaingraph.PlainGraph`."""
    if graph_class is None:
        import networkx as nx

        graph_class = nx.MultiDiGraph
    return _Builder(datamap, graph_class).build()


def _like(graph: Graph) -> Graph:
    """An empty graph of the class of ``graph``, with its attributes."""
    return type(graph)(**graph.graph)


# -- views -------------------------------------------------------------------------------


def _edge_view(graph: Graph, keep: Callable[[str, str, EdgeData], bool]) -> Graph:
    """A copy of ``graph`` with the edges ``keep`` accepts and the nodes they touch."""
    view: Graph = _like(graph)
    for source, target, key, data in graph.edges(keys=True, data=True):
        if keep(source, target, data):
            for node in (source, target):
                if node not in view:
                    view.add_node(node, **graph.nodes[node])
            view.add_edge(source, target, key=key, **data)
    return view


_FLOW = frozenset(
    {"collects", "obtained-from", "stored-in", "sent-to", "runs", "engages", "transferred-to"}
)


def activities_view(graph: Graph, activity_ids: Iterable[str], *, flow_only: bool = True) -> Graph:
    """The flows of the given activities (``flow_only`` leaves out category/location edges)."""
    wanted = set(activity_ids)

    def keep(_s: str, _t: str, data: EdgeData) -> bool:
        if flow_only and data["kind"] not in _FLOW:
            return False
        return bool(wanted.intersection(data["activities"]))

    return _edge_view(graph, keep)


def activity_view(graph: Graph, activity_id: str) -> Graph:
    """One activity: its subjects, sources, systems, recipients and transfers."""
    if node_id("activity", activity_id) not in graph:
        raise KeyError(f"no activity '{activity_id}' in the graph")
    return activities_view(graph, [activity_id])


def activity_views(graph: Graph, activity_ids: Iterable[str]) -> dict[str, Graph]:
    """:func:`activity_view` of each activity in ``activity_ids``, in one pass over the edges.

    The same views as calling :func:`activity_view` for each, without reading every edge of the
    graph once per activity (which made one picture per activity cost O(N²) for N activities).
    """
    views: dict[str, Graph] = {}
    for activity_id in activity_ids:
        if node_id("activity", activity_id) not in graph:
            raise KeyError(f"no activity '{activity_id}' in the graph")
        views[activity_id] = _like(graph)
    for source, target, key, data in graph.edges(keys=True, data=True):
        if data["kind"] not in _FLOW:
            continue
        for activity_id in dict.fromkeys(data["activities"]):
            view = views.get(activity_id)
            if view is None:
                continue
            for node in (source, target):
                if node not in view:
                    view.add_node(node, **graph.nodes[node])
            view.add_edge(source, target, key=key, **data)
    return views


def _neighbourhood_view(graph: Graph, node: str) -> Graph:
    """Flows of the activities that reach ``node``, trimmed to paths through ``node``."""
    import networkx as nx

    acts = {a for _, _, d in graph.in_edges(node, data=True) for a in d["activities"]}
    acts |= {a for _, _, d in graph.out_edges(node, data=True) for a in d["activities"]}
    if graph.nodes[node]["kind"] == "activity":
        acts.add(graph.nodes[node]["ref"])
    full = activities_view(graph, sorted(acts))
    if node not in full:
        return full
    keep = {node} | nx.ancestors(full, node) | nx.descendants(full, node)
    return full.subgraph(keep).copy()


def system_view(graph: Graph, system_id: str) -> Graph:
    """One system: the activities that use it, their subjects, and who runs it."""
    nid = node_id("system", system_id)
    if nid not in graph:
        raise KeyError(f"no system '{system_id}' in the graph")
    return _neighbourhood_view(graph, nid)


def party_view(graph: Graph, party_id: str) -> Graph:
    """One party: the data that reaches it, through which activities and systems."""
    nid = node_id("party", party_id)
    if nid not in graph:
        raise KeyError(f"no party '{party_id}' in the graph")
    return _neighbourhood_view(graph, nid)


def special_view(graph: Graph) -> Graph:
    """Only flows that carry special categories of data (Art. 9)."""
    return _edge_view(graph, lambda _s, _t, d: d["kind"] in _FLOW and d["special"])


def outside_eea_view(graph: Graph) -> Graph:
    """Only the flows that end outside the EEA, from the data subjects onwards."""
    import networkx as nx

    targets = {t for _, t, d in graph.edges(data=True) if d["outside_eea"] and d["kind"] in _FLOW}
    acts = {
        a
        for _, _, d in graph.edges(data=True)
        if d["outside_eea"] and d["kind"] in _FLOW
        for a in d["activities"]
    }
    full = activities_view(graph, sorted(acts))
    keep: set[str] = set()
    for target in targets & set(full.nodes):
        keep |= {target} | nx.ancestors(full, target)
    return full.subgraph(keep).copy()


def release(graph: Graph) -> None:
    """Empty ``graph`` so that reference counting frees it at once.

    The views networkx keeps on a graph (``nodes``, ``edges``, …) refer back to it, so without
    this a dropped graph waits for the cyclic garbage collector (paused while rendering).
    The graph cannot be used afterwards.
    """
    graph.__dict__.clear()


# -- export ------------------------------------------------------------------------------


def node_link(graph: Graph) -> dict[str, Any]:
    """JSON-ready node-link data (``networkx.node_link_data``), in a stable order."""
    import networkx as nx

    data: dict[str, Any] = nx.node_link_data(graph, edges="links")
    data["nodes"] = sorted(data["nodes"], key=lambda n: str(n["id"]))
    data["links"] = sorted(
        data["links"], key=lambda e: (str(e["source"]), str(e["target"]), str(e["key"]))
    )
    return data


def graphml_ready(graph: Graph) -> Graph:
    """A copy whose attributes GraphML can hold: lists joined with commas, ``None`` left out."""
    import networkx as nx

    graph_items, nodes, edges = graphml_ready_items(graph)
    out: Graph = nx.MultiDiGraph()
    out.graph.update(graph_items)
    for node, items in nodes:
        out.add_node(node, **dict(items))
    for s, t, k, items in edges:
        out.add_edge(s, t, key=k, **dict(items))
    return out


Items = list[tuple[str, Any]]


def graphml_ready_items(
    graph: Graph,
) -> tuple[Items, list[tuple[str, Items]], list[tuple[str, str, str, Items]]]:
    """What :func:`graphml_ready` holds: the graph's attributes, then its nodes and its edges
    (sorted), each with its attributes in order."""

    def items(data: dict[str, Any]) -> Items:
        return [(str(k), _scalar(v)) for k, v in data.items() if v is not None]

    nodes = [(node, items(data)) for node, data in sorted(graph.nodes(data=True))]
    edges = [
        (s, t, k, items(data))
        for s, t, k, data in sorted(graph.edges(keys=True, data=True), key=lambda e: e[:3])
    ]
    return items(graph.graph), nodes, edges


def _scalar(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return ",".join(str(v) for v in value)
    return value


def aggregate(graph: Graph) -> Graph:
    """The flows with activity nodes taken out: subjects and sources link straight to systems and
    recipients, each edge listing the activities it stands for. For maps too big to draw whole.
    """
    # The flow edges of each node, nodes in the order a flow edge first touches them.
    flows: dict[str, list[tuple[str, str, EdgeData]]] = {}
    for source, target, data in graph.edges(data=True):
        if data["kind"] in _FLOW:
            flows.setdefault(source, [])
            flows.setdefault(target, [])
    for node, out_edges in flows.items():
        out_edges += [
            (target, key, data)
            for _, target, key, data in graph.out_edges(node, keys=True, data=True)
            if data["kind"] in _FLOW
        ]
    kinds = {node: graph.nodes[node]["kind"] for node in flows}
    out: Graph = _like(graph)
    for node in flows:
        if kinds[node] != "activity":
            out.add_node(node, **graph.nodes[node])
    # (source, target, key) → edge data, its categories and activities as ordered sets.
    merged: dict[tuple[str, str, str], tuple[EdgeData, dict[str, None], dict[str, None]]] = {}

    def add(source: str, target: str, key: str, data: EdgeData) -> None:
        slot = merged.get((source, target, key))
        if slot is None:
            merged[(source, target, key)] = (
                dict(data),
                dict.fromkeys(data["categories"]),
                dict.fromkeys(data["activities"]),
            )
            return
        flags, categories, activities = slot
        categories.update(dict.fromkeys(data["categories"]))
        activities.update(dict.fromkeys(data["activities"]))
        for flag in ("special", "outside_eea", "assumed"):
            flags[flag] = flags[flag] or data[flag]

    for source, out_edges in flows.items():
        for target, key, data in out_edges:
            if kinds[source] != "activity" and kinds[target] != "activity":
                add(source, target, key, data)
            elif kinds[target] == "activity":
                for after, _, data_after in flows[target]:
                    add(source, after, data_after["kind"], data_after)
    served: dict[str, set[str]] = {node: set() for node in out.nodes}
    for (source, target, key), (data, categories, activities) in sorted(merged.items()):
        data.update(categories=list(categories), activities=list(activities))
        out.add_edge(source, target, key=key, **data)
        served[source].update(activities)
        served[target].update(activities)
    for node, ids in served.items():
        out.nodes[node]["activity_count"] = len(ids)
    return out
