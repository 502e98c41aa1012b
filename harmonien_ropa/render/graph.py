"""The data-flow graph: DOT, SVG and PNG through Graphviz, node-link JSON and GraphML.

Outputs (``lang`` is the first language asked for; others get ``dataflow.<lang>.svg``):

* ``dataflow.dot``, ``dataflow.svg``, ``dataflow.png`` — the whole map, left to right, with a legend;
* ``dataflow/<activity-id>.svg`` — one picture per activity;
* ``dataflow.json`` (networkx node-link) and ``dataflow.graphml`` (Gephi, yEd) — the full graph.

SVG and PNG come from the real ``dot`` binary, piped in memory. Without ``dot`` the DOT, JSON
and GraphML files are still produced and a message says how to install Graphviz. Maps with more
than :data:`AGGREGATE_ABOVE` activities are drawn aggregated by system and recipient.
"""

from __future__ import annotations

import html
import io
import os
import re
import struct
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import graphviz
import networkx as nx

from .. import graph as g
from ..errors import RenderError
from ..i18n import strings
from ..model.datamap import DataMap
from ..output import Artifact
from . import RenderOptions, RenderResult
from .graph_dot import DotBuilder
from .model_json import to_json

#: Above this many activities the overview is drawn with activities aggregated away.
AGGREGATE_ABOVE = 150

INSTALL_HINT = (
    "Graphviz's 'dot' program was not found, so dataflow.svg and dataflow.png were not made "
    "(dataflow.dot, dataflow.json and dataflow.graphml were). Install Graphviz "
    "(Debian/Ubuntu: sudo apt-get install graphviz; macOS: brew install graphviz; "
    "or run scripts/setup.sh) and render again."
)


class _NoDot(Exception):
    """Graphviz's executable is missing."""


def _pipe(dot: graphviz.Digraph, fmt: str) -> bytes:
    try:
        data: bytes = dot.pipe(format=fmt, quiet=True)
    except graphviz.ExecutableNotFound:
        raise _NoDot from None
    except graphviz.CalledProcessError as exc:
        how = (
            f"was stopped by signal {-exc.returncode}"
            if exc.returncode < 0
            else f"exited with status {exc.returncode}"
        )
        detail = (exc.stderr or b"").decode("utf-8", "replace").strip()
        raise RenderError(
            f"Graphviz 'dot' {how} while drawing {fmt.upper()}"
            + (f": {detail}" if detail else "")
            + "; nothing was written"
        ) from None
    except OSError as exc:  # e.g. a broken pipe when dot dies before reading its input
        raise RenderError(
            f"Graphviz 'dot' could not be run for {fmt.upper()}: {exc.strerror or exc}; "
            "nothing was written"
        ) from None
    return data


def _svgs(dots: list[graphviz.Digraph]) -> list[bytes]:
    """SVG of every graph, one ``dot`` process each, a few at a time.

    (One ``dot`` run over many graphs would be faster, but its layouts then vary between runs.)
    """
    workers = max(1, min(4, os.cpu_count() or 1))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda dot: _pipe(dot, "svg"), dots))


def render(datamap: DataMap, options: RenderOptions) -> RenderResult:
    """Every graph output for ``datamap`` (see the module docstring)."""
    full = g.build(datamap)
    result = RenderResult()
    result.artifacts.append(Artifact("dataflow.json", to_json(g.node_link(full))))
    result.artifacts.append(Artifact("dataflow.graphml", graphml_bytes(full)))
    organisation = datamap.organisation.name
    count = len(datamap.activities)
    aggregated = count > AGGREGATE_ABOVE
    overview = g.aggregate(full) if aggregated else full
    if aggregated:
        result.messages.append(
            f"the data map has {count} activities (more than {AGGREGATE_ABOVE}); the overview "
            "graph is drawn aggregated by system and recipient, with one picture per activity "
            "under dataflow/"
        )
    pictures: list[tuple[str, graphviz.Digraph, DotBuilder, bool]] = []
    for index, lang in enumerate(options.languages):
        s = strings("graph", lang)
        key = "title_aggregated" if aggregated else "title"
        builder = _builder(datamap, overview, lang)
        dot = builder.digraph(s[key].format(organisation=organisation), organisation)
        suffix = "" if index == 0 else f".{lang}"
        result.artifacts.append(Artifact(f"dataflow{suffix}.dot", dot.source.encode("utf-8")))
        pictures.append((f"dataflow{suffix}", dot, builder, index == 0))
    lang = options.languages[0]
    s = strings("graph", lang)
    views = g.activity_views(full, [activity.id for activity in datamap.activities])
    for activity in datamap.activities:
        view = views[activity.id]
        builder = _builder(datamap, view, lang)
        title = s["title_activity"].format(activity=activity.name.get(lang))
        dot = builder.digraph(title, organisation)
        pictures.append((f"dataflow/{activity.id}", dot, builder, False))
    try:
        svgs = _svgs([dot for _, dot, _, _ in pictures])
        for (stem, dot, builder, with_png), svg in zip(pictures, svgs, strict=True):
            result.artifacts.append(
                Artifact(f"{stem}.svg", accessible_svg(svg, builder.titles, builder.title))
            )
            if with_png:
                dot.attr("graph", dpi="110")
                png = _pipe(dot, "png")
                result.artifacts.append(Artifact(f"{stem}.png", deterministic_png(png)))
    except _NoDot:
        result.artifacts = [a for a in result.artifacts if not a.path.endswith((".svg", ".png"))]
        result.messages.append(INSTALL_HINT)
    return result


def _builder(datamap: DataMap, view: Any, lang: str) -> DotBuilder:
    names = {c.id: c.name.get(lang) for c in datamap.data_categories}
    return DotBuilder(view, strings("graph", lang), lang, names)


def graphml_bytes(graph: Any) -> bytes:
    """GraphML of ``graph`` (lists joined with commas), UTF-8 with a final newline."""
    text = "\n".join(nx.generate_graphml(g.graphml_ready(graph), prettyprint=True))
    return (text + "\n").encode("utf-8")


_TITLE = re.compile(rb"<title>(.*?)</title>")


def accessible_svg(svg: bytes, titles: dict[str, str], title: str) -> bytes:
    """Replace Graphviz's ``<title>`` ids with readable names; mark the root as an image."""

    def readable(match: re.Match[bytes]) -> bytes:
        raw = html.unescape(match.group(1).decode("utf-8"))
        name = titles.get(raw, raw)
        return b"<title>" + html.escape(name, quote=False).encode("utf-8") + b"</title>"

    out = _TITLE.sub(readable, svg)
    label = html.escape(title, quote=True).encode("utf-8")
    return out.replace(b"<svg ", b'<svg role="img" aria-label="' + label + b'" ', 1)


_KEEP_CHUNKS = frozenset({b"IHDR", b"PLTE", b"tRNS", b"IDAT", b"IEND", b"pHYs", b"sRGB"})


def deterministic_png(png: bytes) -> bytes:
    """The PNG without chunks that can vary between runs (tIME, tEXt and the like)."""
    signature = b"\x89PNG\r\n\x1a\n"
    if not png.startswith(signature):
        return png
    out = io.BytesIO()
    out.write(signature)
    pos = len(signature)
    while pos + 8 <= len(png):
        (length,) = struct.unpack(">I", png[pos : pos + 4])
        kind = png[pos + 4 : pos + 8]
        chunk = png[pos : pos + 12 + length]
        if kind in _KEEP_CHUNKS:
            out.write(chunk)
        pos += 12 + length
        if kind == b"IEND":
            break
    return out.getvalue()


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height in pixels, from the IHDR chunk."""
    width, height = struct.unpack(">II", png[16:24])
    return int(width), int(height)
