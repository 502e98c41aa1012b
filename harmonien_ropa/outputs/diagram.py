"""The data-flow graph: DOT, SVG and PNG through Graphviz, node-link JSON and GraphML.

Outputs, in the first language asked for (every other language ``lang`` gets the same pictures,
its labels in that language: ``dataflow.<lang>.dot``, ``.svg``, ``.png`` and
``dataflow/<activity-id>.<lang>.svg``):

* ``dataflow.dot``, ``dataflow.svg``, ``dataflow.png`` — the whole map, left to right, with a legend;
* ``dataflow/<activity-id>.svg`` — one picture per activity;
* ``dataflow.json`` (networkx node-link) and ``dataflow.graphml`` (Gephi, yEd) — the full graph.

SVG and PNG come from the real ``dot`` binary, piped in memory, one process per picture, each run
stopped after :data:`DOT_TIMEOUT` seconds (:mod:`.dot_runs`; with ``RenderOptions.background``
the pictures are left drawing while the caller makes other outputs). Without ``dot`` the DOT, JSON and GraphML files are still produced and
a message says how to install Graphviz. Large maps are bounded, and a message says so: above
:data:`AGGREGATE_ABOVE` activities the overview is aggregated by system and recipient; an overview
with more than :data:`OVERVIEW_MAX_EDGES` edges is not drawn (only its DOT file is written); above
:data:`ACTIVITY_PICTURES_MAX` activities no per-activity pictures are drawn.
"""

from __future__ import annotations

import html
import io
import os
import re
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import graphviz

from ..core.errors import RenderError
from ..flows import graph as g
from ..flows.plaingraph import PlainGraph
from ..model.base import in_language
from ..model.datamap import DataMap
from ..source.i18n import strings
from . import RenderOptions, RenderResult
from .diagram_dot import DotBuilder
from .dot_runs import DOT_TIMEOUT_ENV, DotJob, DotRuns
from .dot_spares import DotSpares, find_dot
from .fastpaths import forget_quoting, utf8
from .graphml import graphml_bytes
from .model_json import Lazy, json_bytes
from .staging import Artifact

#: Above this many activities the overview is drawn with activities aggregated away.
AGGREGATE_ABOVE = 150
#: Most edges an overview picture may have. Graphviz's layout time grows about with the cube of
#: the edges: 1,000 edges take ~1.3 s of CPU for the SVG, 1,600 ~6 s, 2,900 (aggregated 1,000
#: activities) ~75 s. Larger overviews are written as DOT only.
OVERVIEW_MAX_EDGES = 1_000
#: Above this many activities no per-activity pictures are drawn (one ``dot`` run each, ~25 ms).
ACTIVITY_PICTURES_MAX = 1_000
#: Seconds one ``dot`` run may take before it is stopped (``HARMONIEN_ROPA_DOT_TIMEOUT``).
DOT_TIMEOUT = 120.0

INSTALL_HINT = (
    "Graphviz's 'dot' program was not found, so dataflow.svg and dataflow.png were not made "
    "(dataflow.dot, dataflow.json and dataflow.graphml were). Install Graphviz "
    "(Debian/Ubuntu: sudo apt-get install graphviz; macOS: brew install graphviz; "
    "or run scripts/setup.sh) and render again."
)


@dataclass(frozen=True, slots=True)
class _Dot:
    """How to run Graphviz's ``dot``: the program found on PATH and the time one run may take."""

    program: str
    timeout: float

    @classmethod
    def find(cls) -> _Dot | None:
        program = find_dot()
        return None if program is None else cls(program, dot_timeout())


def dot_timeout() -> float:
    """Seconds one ``dot`` run may take: :data:`DOT_TIMEOUT` or ``HARMONIEN_ROPA_DOT_TIMEOUT``."""
    raw = os.environ.get(DOT_TIMEOUT_ENV, "").strip()
    if not raw:
        return DOT_TIMEOUT
    try:
        value = float(raw)
    except ValueError:
        value = 0.0
    if not value > 0 or value == float("inf"):
        raise RenderError(f"{DOT_TIMEOUT_ENV} must be a positive number of seconds, not {raw!r}")
    return value


@dataclass(slots=True)
class _Picture:
    """One graph to draw: the file stem, its DOT and the builder's readable titles."""

    stem: str
    dot: graphviz.Digraph
    builder: DotBuilder
    with_png: bool = False


class _Drawing:
    """The SVG (and PNG where asked) of every picture :meth:`add` is given, drawn by
    :class:`DotRuns` from the moment it is added: :meth:`finish` gives the files, each as soon
    as it is drawn, :meth:`cancel` stops the drawing."""

    def __init__(self, dot: _Dot, spares: DotSpares | None = None) -> None:
        self._runs = DotRuns(dot.program, dot.timeout, spares=spares)
        #: Per file, in order: its path, its job, and the titles that make an SVG readable
        #: (None for a PNG).
        self._files: list[tuple[str, int, tuple[dict[str, str], str] | None]] = []

    def add(self, picture: _Picture) -> None:
        svg_source = picture.dot.source
        if picture.with_png:  # the PNG first: it takes longest
            picture.dot.attr("graph", dpi="110")
            png = self._runs.add(DotJob(picture.dot.source, "png", f"{picture.stem}.png"))
        svg = self._runs.add(DotJob(svg_source, "svg", f"{picture.stem}.svg"))
        titles = (picture.builder.titles, picture.builder.title)
        self._files.append((f"{picture.stem}.svg", svg, titles))
        if picture.with_png:
            self._files.append((f"{picture.stem}.png", png, None))

    def finish(self) -> Iterator[Artifact]:
        drawn = self._runs.each([job for _, job, _ in self._files])
        for (path, _, titles), (_, picture) in zip(self._files, drawn, strict=True):
            if titles is None:
                yield Artifact(path, deterministic_png(picture))
            else:
                yield Artifact(path, accessible_svg(picture, *titles))

    def cancel(self) -> None:
        self._runs.cancel()


def render(datamap: DataMap, options: RenderOptions) -> RenderResult:
    """Every graph output for ``datamap`` (see the module docstring)."""
    options = options.for_map(datamap)
    try:
        return _render(datamap, options)
    finally:
        forget_quoting()


def _render(datamap: DataMap, options: RenderOptions) -> RenderResult:
    dot = _Dot.find()
    drawing = None if dot is None else _Drawing(dot, options.dot_spares)
    if drawing is not None and options.dot_spares is not None:
        options.dot_spares.expect(pictures(datamap, options.languages))
    try:
        result = _render_drawing(datamap, options, drawing)
    except BaseException:
        if drawing is not None:
            drawing.cancel()
        raise
    if drawing is not None:
        if options.background:
            result.later.append(drawing)
        else:
            result.artifacts.extend(drawing.finish())
    return result


def _render_drawing(
    datamap: DataMap, options: RenderOptions, drawing: _Drawing | None
) -> RenderResult:
    """The graph's files, each picture handed to ``drawing`` (None without ``dot``) as soon as
    its DOT is made: the overviews before the JSON and GraphML files, so that Graphviz starts
    on them (the PNGs take longest) while the rest is made."""
    # Each file is encoded as soon as it is made (and handed over, where the caller takes
    # files as they come), and graphs and DOT sources are let go as soon as nothing more is
    # drawn from them: a large map's outputs are never all in memory at once beside the
    # objects they are made from.
    # The graph with networkx's interface and order, without its import (see .plaingraph).
    full = g.build(datamap, PlainGraph)
    result = RenderResult()
    count = len(datamap.activities)
    activity_pictures = drawing is not None and count <= ACTIVITY_PICTURES_MAX
    aggregated = count > AGGREGATE_ABOVE
    # The (smaller) aggregated overview is made first, so that the whole graph can be let go
    # as soon as its own files are written.
    overview = g.aggregate(full) if aggregated else full

    def write_full() -> None:
        graphml = Artifact("dataflow.graphml", graphml_bytes(full))
        result.add(Artifact("dataflow.json", json_bytes(node_link(full))), options)
        result.add(graphml, options)

    if aggregated:
        result.messages.append(
            f"the data map has {count} activities (more than {AGGREGATE_ABOVE}); the overview "
            "graph is drawn aggregated by system and recipient"
        )
    if not activity_pictures:
        # Nothing more is drawn from the whole graph: written first and, aggregated, let go.
        write_full()
        if aggregated:
            g.release(full)
            del full
    edges = 0
    for index, lang in enumerate(options.languages):
        s = strings("graph", lang)
        key = "title_aggregated" if aggregated else "title"
        builder = _builder(datamap, overview, lang)
        organisation = in_language(datamap.organisation.name, lang)
        digraph = builder.digraph(s[key].format(organisation=organisation), organisation)
        stem = "dataflow" if index == 0 else f"dataflow.{lang}"
        result.add(Artifact(f"{stem}.dot", utf8(digraph)), options)
        if index == 0:
            edges = builder.edges
        if drawing is not None and edges <= OVERVIEW_MAX_EDGES:
            drawing.add(_Picture(stem, digraph, builder, with_png=True))
        del builder, digraph
    if aggregated:
        g.release(overview)
    del overview
    if activity_pictures:
        write_full()
    if drawing is None:
        result.messages.append(INSTALL_HINT)
        return result
    if edges > OVERVIEW_MAX_EDGES:
        result.messages.append(
            f"the overview graph has {edges} edges (more than {OVERVIEW_MAX_EDGES}), too many "
            "for Graphviz to lay out in reasonable time; dataflow.svg and dataflow.png were not "
            "drawn (dataflow.dot, dataflow.json and dataflow.graphml were)"
        )
    if activity_pictures:
        for picture in _activity_pictures(datamap, full, options.languages):
            drawing.add(picture)
    else:
        result.messages.append(
            f"the data map has {count} activities (more than {ACTIVITY_PICTURES_MAX}); no "
            "per-activity pictures were drawn under dataflow/"
        )
    return result


def pictures(datamap: DataMap, languages: tuple[str, ...]) -> dict[str, int]:
    """How many pictures of each format a render in ``languages`` draws at most (an overview
    with too many edges is not drawn)."""
    count = len(datamap.activities)
    each = 1 + (count if count <= ACTIVITY_PICTURES_MAX else 0)
    return {"png": len(languages), "svg": len(languages) * each}


def node_link(graph: Any) -> dict[str, Any]:
    """:func:`graph.node_link` of ``graph`` for :func:`json_bytes`, each node and link made as it
    is written (the same JSON without a large map's every node and link as a dict at once)."""

    def nodes() -> Iterator[dict[str, Any]]:
        for node in sorted(graph.nodes, key=str):
            yield {**graph.nodes[node], "id": node}

    def links() -> Iterator[dict[str, Any]]:
        edges = sorted(graph.edges(keys=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2])))
        for source, target, key in edges:
            yield {
                **graph.edges[source, target, key],
                "source": source,
                "target": target,
                "key": key,
            }

    return {
        "directed": graph.is_directed(),
        "multigraph": graph.is_multigraph(),
        "graph": graph.graph,
        "nodes": Lazy(nodes),
        "links": Lazy(links),
    }


def _activity_pictures(datamap: DataMap, full: Any, languages: tuple[str, ...]) -> list[_Picture]:
    """A picture per activity in each language: ``dataflow/<id>`` in the first, then
    ``dataflow/<id>.<lang>``."""
    views = g.activity_views(full, [activity.id for activity in datamap.activities])
    pictures = []
    for index, lang in enumerate(languages):
        s = strings("graph", lang)
        organisation = in_language(datamap.organisation.name, lang)
        suffix = "" if index == 0 else f".{lang}"
        for activity in datamap.activities:
            builder = _builder(datamap, views[activity.id], lang)
            title = s["title_activity"].format(activity=activity.name.get(lang))
            digraph = builder.digraph(title, organisation)
            pictures.append(_Picture(f"dataflow/{activity.id}{suffix}", digraph, builder))
    return pictures


def _builder(datamap: DataMap, view: Any, lang: str) -> DotBuilder:
    names = {c.id: c.name.get(lang) for c in datamap.data_categories}
    return DotBuilder(view, strings("graph", lang), lang, names)


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
