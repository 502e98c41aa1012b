"""Graphviz DOT for a data-flow graph: clusters, legend and accessible styling.

Special categories and transfers outside the EEA are told apart by colour *and* by line or
border style, and named in the labels, so the picture reads in greyscale and for colour-blind
readers (Okabe–Ito palette). Assumptions still to confirm get a hollow arrowhead.
"""

from __future__ import annotations

import functools
import html
import textwrap
from collections.abc import Callable, Mapping
from typing import Any

import graphviz
from graphviz import quoting

from ..flows.graph import Graph
from ..law.terms import label, label_cite
from ..model.legal import LegalBasis, PartyRole, TransferMechanism
from .fastpaths import fast_digraph

FONT = "DejaVu Sans"
VERMILLION = "#D55E00"  # special categories
BLUE = "#0072B2"  # outside the EEA
GREY = "#4D4D4D"

#: Edge kinds drawn in the picture (the others are in the JSON and GraphML exports).
DRAWN = ("collects", "obtained-from", "stored-in", "sent-to", "runs", "engages", "transferred-to")

_NODE_STYLE: dict[str, dict[str, str]] = {
    "data_subject": {"shape": "ellipse", "style": "filled", "fillcolor": "#E8F1FA"},
    "activity": {"shape": "box", "style": "rounded,filled", "fillcolor": "#FFF6D5"},
    "system": {"shape": "cylinder", "style": "filled", "fillcolor": "#EDEDED"},
    "party": {"shape": "box3d", "style": "filled", "fillcolor": "#FFFFFF"},
    "country": {"shape": "hexagon", "style": "filled,dashed", "fillcolor": "#DCEBF7"},
}


def dot_name(node: str) -> str:
    """A DOT node name without ':' (which DOT would read as a port)."""
    return node.replace(":", "__")


#: Graphviz refuses a quoted string or label longer than 16 KiB ("longer than 16384?"). A
#: picture shows text shortened with "…" to these sizes (in bytes, after escaping): each piece
#: of a label (a name, a list of categories: at most four per node, so a label stays under
#: the limit) and each tooltip. The full text is in dataflow.json and dataflow.graphml.
LABEL_PIECE_BYTES = 3000
TOOLTIP_BYTES = 8000


def _shorten(text: str, measure: Callable[[str], str], budget: int, per_char: int) -> str:
    """``text``, shortened (ending in "…") until ``measure`` of it is at most ``budget`` bytes
    of UTF-8. ``per_char`` bounds the bytes one character can become, so short text is
    returned without measuring. Each try keeps fewer characters, so the loop ends."""
    if len(text) * per_char <= budget:
        return text
    size = len(measure(text).encode("utf-8"))
    keep, shortened = len(text), text
    while size > budget and keep > 0:
        keep = min(keep - 1, keep * budget // (size + 1))
        shortened = text[:keep].rstrip() + "…"
        size = len(measure(shortened).encode("utf-8"))
    return shortened


def _esc(text: str, width: int = 0) -> str:
    """Text for an HTML-like label: escaped, wrapped at ``width``; at most
    :data:`LABEL_PIECE_BYTES` (an entity is at most 6 bytes, a line break 5 per line)."""
    escape = functools.partial(_esc_all, width=width)
    return escape(_shorten(text, escape, LABEL_PIECE_BYTES, 12))


def _esc_all(text: str, width: int = 0) -> str:
    lines = textwrap.wrap(text, width, break_on_hyphens=False) if width else [text]
    # ']' as an entity: Graphviz's HTML-label parser fails on text of only ']' before a tag.
    return "<BR/>".join(
        html.escape(line, quote=True).replace("]", "&#93;") for line in lines or [""]
    )


def _plain(text: str) -> str:
    """Text for a quoted DOT attribute: backslashes literal, never read as an HTML label; at
    most :data:`TOOLTIP_BYTES` once quoted (a character is at most 4 bytes there)."""
    escaped: str = graphviz.escape(_shorten(text, _quoted_form, TOOLTIP_BYTES, 4))
    return escaped  # a str marked as not HTML


def _quoted_form(text: str) -> str:
    """``text`` as DOT's quoting writes it (for measuring)."""
    quoted: str = quoting.quote(graphviz.escape(text))
    return quoted


def mechanism_label(key: str | None, missing: str, lang: str) -> str:
    if key is None:
        return missing
    return label(TransferMechanism(key), lang).split(" (")[0]


class DotBuilder:
    """Turns a (view of a) built graph into a :class:`graphviz.Digraph` in one language."""

    def __init__(
        self, graph: Graph, strings: Mapping[str, str], lang: str, category_names: dict[str, str]
    ) -> None:
        self.graph = graph
        self.s = strings
        self.lang = lang
        self.cats = category_names
        self.titles: dict[str, str] = {}  # DOT node name / "a->b" → readable text
        self.title = ""
        self.drawn: set[str] = set()  # graph nodes drawn so far
        self.edges = 0  # edges drawn so far (the legend's not counted)

    def label(self, node: str) -> str:
        return str(self.graph.nodes[node][f"label_{self.lang}"])

    def digraph(self, title: str, organisation: str, *, legend: bool = True) -> graphviz.Digraph:
        self.title = title
        dot = fast_digraph()(name=_plain(title), strict=False)
        dot.attr(
            "graph",
            rankdir="LR",
            fontname=FONT,
            fontsize="12",
            label=f"<<B>{_esc(title)}</B>>",
            labelloc="t",
            nodesep="0.25",
            ranksep="0.7",
            newrank="true",
            tooltip=_plain(title),
        )
        dot.attr("node", fontname=FONT, fontsize="10", color=GREY, margin="0.12,0.06")
        dot.attr("edge", fontname=FONT, fontsize="9", color=GREY, arrowsize="0.8")
        groups: dict[str, list[str]] = {
            "subjects": [],
            "activities": [],
            "org": [],
            "parties": [],
            "outside": [],
        }
        for node, data in sorted(self.graph.nodes(data=True)):
            kind = data["kind"]
            if kind == "data_category" or (kind == "country" and not data["outside_eea"]):
                continue
            if kind == "data_subject":
                groups["subjects"].append(node)
            elif kind == "activity":
                groups["activities"].append(node)
            elif kind == "system":
                groups["org"].append(node)
            elif data["outside_eea"]:
                groups["outside"].append(node)
            else:
                groups["parties"].append(node)
        clusters = (
            ("subjects", self.s["cluster_subjects"], "#F7FBFF"),
            ("org", self.s["cluster_organisation"].format(organisation=organisation), "#FFFDF5"),
            ("parties", self.s["cluster_parties"], "#FAFAFA"),
            ("outside", self.s["cluster_outside_eea"], "#F0F7FC"),
        )
        # Activities stay outside clusters: edges from them that cross a cluster's ranks would
        # otherwise be routed around it.
        for node in groups["activities"]:
            self.add_node(dot, node)
        for key, caption, fill in clusters:
            if not groups[key]:
                continue
            self.titles[f"cluster_{key}"] = caption
            with dot.subgraph(name=f"cluster_{key}") as sub:
                style = "rounded,dashed,filled" if key == "outside" else "rounded,filled"
                colour = BLUE if key == "outside" else "#BBBBBB"
                sub.attr(
                    label=_plain(caption), style=style, color=colour, fillcolor=fill, fontsize="11"
                )
                for node in groups[key]:
                    self.add_node(sub, node)
        for source, target, _key, data in sorted(
            self.graph.edges(keys=True, data=True), key=lambda e: e[:3]
        ):
            if data["kind"] in DRAWN and source in self.drawn and target in self.drawn:
                if data["kind"] == "obtained-from":
                    # Drawn from the activity with the arrow at its end, so that the party
                    # stays right of the activity instead of pulling edges backwards.
                    both = self.graph.has_edge(target, source, "sent-to")
                    if not both:
                        self.add_edge(dot, target, source, data, direction="back")
                    continue
                if data["kind"] == "sent-to" and self.graph.has_edge(
                    target, source, "obtained-from"
                ):
                    self.add_edge(dot, source, target, data, direction="both")
                    continue
                self.add_edge(dot, source, target, data)
        if legend:
            self.add_legend(dot)
        return dot

    # -- nodes -----------------------------------------------------------------------------

    def add_node(self, dot: graphviz.Digraph, node: str) -> None:
        data = self.graph.nodes[node]
        kind = data["kind"]
        attrs = dict(_NODE_STYLE[kind])
        lines = [f"<B>{_esc(self.label(node), 32)}</B>"]
        tip = [self.label(node)]
        if kind == "activity":
            lines.extend(self._activity_lines(data))
            tip.append(", ".join(self.cats.get(c, c) for c in data["categories"]))
        elif kind == "system":
            if data["internal"]:
                lines.append(f"<I>{_esc(self.s['internal_system'])}</I>")
            hosting = ", ".join(data["hosting_countries"])
            if hosting:
                lines.append(f'<FONT POINT-SIZE="8">{_esc(hosting)}</FONT>')
        elif kind == "party":
            role = label(PartyRole(data["role"]), self.lang)
            lines.append(f'<FONT POINT-SIZE="8">{_esc(role)} · {_esc(data["country"])}</FONT>')
            tip.append(role)
        if data.get("activity_count"):
            count = self.s["activities_count"].format(count=data["activity_count"])
            lines.append(f'<FONT POINT-SIZE="8">{_esc(count)}</FONT>')
        if data["special"]:
            attrs.update(color=VERMILLION, penwidth="2.5", peripheries="2")
        if data["outside_eea"] and kind in ("system", "party"):
            attrs.update(style=attrs["style"] + ",dashed", color=BLUE, penwidth="2")
            lines.append(
                f'<FONT COLOR="{BLUE}" POINT-SIZE="8">{_esc(self.s["outside_tag"])}</FONT>'
            )
        name = dot_name(node)
        self.drawn.add(node)
        self.titles[name] = " — ".join(t for t in tip if t)
        dot.node(
            name, label="<" + "<BR/>".join(lines) + ">", tooltip=_plain(self.titles[name]), **attrs
        )

    def _activity_lines(self, data: Mapping[str, Any]) -> list[str]:
        lines = []
        for value in data.get("legal_bases") or (
            [data["legal_basis"]] if data.get("legal_basis") else []
        ):
            text = label_cite(LegalBasis(value), self.lang)
            lines.append(f'<FONT POINT-SIZE="8"><I>{_esc(text, 40)}</I></FONT>')
        plain = [self.cats.get(c, c) for c in data["categories"] if not self._special(c)]
        special = [self.cats.get(c, c) for c in data["categories"] if self._special(c)]
        if plain:
            lines.append(f'<FONT POINT-SIZE="8">{_esc(", ".join(plain), 40)}</FONT>')
        if special:
            text = f"{self.s['special_tag']}: {', '.join(special)}"
            lines.append(
                f'<FONT POINT-SIZE="8" COLOR="{VERMILLION}"><B>{_esc(text, 40)}</B></FONT>'
            )
        if data.get("cookies"):
            text = f"{self.s['cookies_tag']}: {', '.join(data['cookies'])}"
            lines.append(f'<FONT POINT-SIZE="8">{_esc(text, 40)}</FONT>')
        return lines

    def _special(self, category: str) -> bool:
        node = f"data_category:{category}"
        return node in self.graph and bool(self.graph.nodes[node]["special"])

    # -- edges -----------------------------------------------------------------------------

    def add_edge(
        self,
        dot: graphviz.Digraph,
        source: str,
        target: str,
        data: Any,
        direction: str = "forward",
    ) -> None:
        attrs: dict[str, str] = {} if direction == "forward" else {"dir": direction}
        label = ""
        if data["special"] and data["kind"] != "transferred-to":
            attrs.update(color=f"{VERMILLION}:#FFFFFF:{VERMILLION}", penwidth="1.4")
        if data["kind"] == "transferred-to":
            missing = self.s["mechanism_missing"]
            label = mechanism_label(data.get("mechanism"), missing, self.lang)
            if data.get("onward"):
                label = f"{label} ({self.s['onward_transfer']})"
            colour = VERMILLION if data.get("mechanism") is None else BLUE
            attrs.update(color=colour, style="dashed", penwidth="2.2", fontcolor=colour)
        elif data["outside_eea"]:
            attrs.update(style="dashed", penwidth="1.8")
            attrs.setdefault("color", BLUE)
        if data["assumed"]:
            attrs["arrowhead"] = attrs["arrowtail"] = "onormal"
        cats = ", ".join([self.cats.get(c, c) for c in data["categories"]])
        flow = f"{self.label(source)} → {self.label(target)}"
        a, b = dot_name(source), dot_name(target)
        self.titles[f"{a}->{b}"] = flow
        if label:
            attrs["label"] = f"<{_esc(label, 24)}>"
        dot.edge(a, b, tooltip=_plain(f"{flow}: {cats}"), **attrs)
        self.edges += 1

    # -- legend ----------------------------------------------------------------------------

    def add_legend(self, dot: graphviz.Digraph) -> None:
        s = self.s
        self.titles["cluster_legend"] = s["legend"]
        with dot.subgraph(name="cluster_legend") as leg:
            leg.attr(label=s["legend"], style="rounded", color="#BBBBBB", fontsize="11")
            leg.attr("node", fontsize="9", height="0.3", margin="0.08,0.03")
            columns: list[list[str]] = [[], [], []]
            for kind, key in (
                ("data_subject", "legend_subject"),
                ("activity", "legend_activity"),
                ("system", "legend_system"),
                ("party", "legend_party"),
                ("country", "legend_country"),
            ):
                name = f"legend__{kind}"
                leg.node(name, label=s[key], **_NODE_STYLE[kind])
                self.titles[name] = s[key]
                columns[0].append(name)
            samples: tuple[tuple[str, dict[str, str]], ...] = (
                ("flow", {}),
                ("special", {"color": f"{VERMILLION}:#FFFFFF:{VERMILLION}", "penwidth": "1.4"}),
                ("transfer", {"color": BLUE, "style": "dashed", "penwidth": "2.2"}),
                ("assumed", {"arrowhead": "onormal"}),
            )
            for key, attrs in samples:
                a, b = f"legend__{key}_a", f"legend__{key}_b"
                leg.node(a, label="", shape="point", width="0.05")
                leg.node(b, label=s[f"legend_{key}"], shape="plaintext")
                leg.edge(a, b, **attrs)
                columns[1].append(a)
                columns[2].append(b)
                self.titles[a] = self.titles[b] = self.titles[f"{a}->{b}"] = s[f"legend_{key}"]
            for column in columns:
                with leg.subgraph() as same:
                    same.attr(rank="same")
                    for name in column:
                        same.node(name)
            leg.edge(columns[0][0], columns[1][0], style="invis")
