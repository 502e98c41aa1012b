"""GraphML of a data-flow graph, written directly as text.

The bytes are the same as ``networkx.generate_graphml(graph_ml_ready(graph), prettyprint=True)``
joined with newlines (tests compare the two), in a fraction of the time: networkx builds an
ElementTree of every node, edge and value first, which made GraphML the slowest graph output.
Like ElementTree's default output the text is ASCII, other characters as ``&#NNN;`` references.
"""

from __future__ import annotations

import io
import re
from typing import Any

_HEADER = (
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
    'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">'
)
#: GraphML's ``attr.type`` of each Python type (as networkx names them).
_TYPES: dict[type, str] = {str: "string", bool: "boolean", int: "long", float: "double"}


def _text(value: str) -> str:
    """Escaped as XML character data."""
    if "&" in value:
        value = value.replace("&", "&amp;")
    if "<" in value:
        value = value.replace("<", "&lt;")
    if ">" in value:
        value = value.replace(">", "&gt;")
    return value


def _attr(value: str) -> str:
    """Escaped as a double-quoted XML attribute value."""
    value = _text(value)
    for raw, escaped in (('"', "&quot;"), ("\r", "&#13;"), ("\n", "&#10;"), ("\t", "&#09;")):
        if raw in value:
            value = value.replace(raw, escaped)
    return value


class _Keys:
    """GraphML ``<key>`` declarations, numbered ``d0``, ``d1``, … in order of first use."""

    def __init__(self) -> None:
        self.ids: dict[tuple[str, str, str], str] = {}
        self._open: dict[tuple[str, type, str, str], str] = {}  # → '<data key="dN">'

    def data(self, scope: str, data: dict[Any, Any], indent: str) -> list[str]:
        """``<data>`` lines for ``data``: lists joined with commas, ``None`` left out."""
        lines = []
        for name, value in data.items():
            if value is None:
                continue
            kind = type(value)
            if kind is list or kind is tuple:
                kind, text = str, ",".join([str(v) for v in value])
            else:
                text = str(value)
            tag = self._open.get((name, kind, scope, indent))
            if tag is None:
                tag = self._tag(str(name), kind, scope, indent)
                self._open[(name, kind, scope, indent)] = tag
            if not text:
                lines.append(tag[:-1] + " />")
            elif "&" in text or "<" in text or ">" in text:
                lines.append(f"{tag}{_text(text)}</data>")
            else:
                lines.append(f"{tag}{text}</data>")
        return lines

    def _tag(self, name: str, kind: type, scope: str, indent: str) -> str:
        try:
            xml_type = _TYPES[kind]
        except KeyError:
            raise ValueError(f"GraphML cannot hold {kind.__name__} values") from None
        key = self.ids.setdefault((name, xml_type, scope), f"d{len(self.ids)}")
        return f'{indent}<data key="{key}">'

    def declarations(self) -> list[str]:
        return [
            f'  <key id="{key}" for="{scope}" attr.name="{_attr(name)}" attr.type="{kind}" />'
            for (name, kind, scope), key in reversed(self.ids.items())
        ]


def _element(tag: str, attrs: str, children: list[str], indent: str) -> list[str]:
    if not children:
        return [f"{indent}<{tag} {attrs} />"]
    return [f"{indent}<{tag} {attrs}>", *children, f"{indent}</{tag}>"]


_GRAPH_OPEN = '  <graph edgedefault="directed">'
_GRAPH_EMPTY = ('  <graph edgedefault="directed" />', "</graphml>")
#: What ``str.splitlines`` breaks ASCII text at besides ``\n``.
_OTHER_BREAKS = re.compile(rb"[\r\x0b\x0c\x1c-\x1e]")


def _ascii(lines: list[str]) -> bytes:
    """``lines`` joined with newlines as ASCII, the way ElementTree and networkx write them:
    other characters as ``&#NNN;`` references, other line breaks made newlines."""
    data = "\n".join(lines).encode("ascii", "xmlcharrefreplace")
    if _OTHER_BREAKS.search(data):
        data = "\n".join(data.decode("ascii").splitlines()).encode("ascii")
    return data


class _Body:
    """Lines of text, encoded a few thousand at a time into one growing byte buffer (a list
    of every line of a large graph took several times the memory of the file)."""

    LIMIT = 4096

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.out = io.BytesIO()
        self.empty = True

    def add(self, lines: list[str]) -> None:
        self.empty = self.empty and not lines
        self.lines += lines
        if len(self.lines) > self.LIMIT:
            self.flush()

    def flush(self) -> None:
        if self.lines:
            # Every line ends with '>', so lines encoded apart break where they would together.
            self.out.write(_ascii(self.lines) + b"\n")
            self.lines.clear()


def graphml_bytes(graph: Any) -> bytes:
    """GraphML of ``graph`` (see the module docstring) as ASCII bytes with a final newline.

    Nodes and edges are written sorted; list values joined with commas, ``None`` left out.
    """
    keys = _Keys()
    graph_data = keys.data("graph", graph.graph, "    ")
    body = _Body()
    for node, data in sorted(graph.nodes(data=True)):
        children = keys.data("node", data, "      ")
        body.add(_element("node", f'id="{_attr(str(node))}"', children, "    "))
    for source, target, key, data in sorted(graph.edges(keys=True, data=True), key=lambda e: e[:3]):
        children = keys.data("edge", data, "      ")
        attrs = (
            f'source="{_attr(str(source))}" target="{_attr(str(target))}" id="{_attr(str(key))}"'
        )
        body.add(_element("edge", attrs, children, "    "))
    body.add(graph_data)
    body.flush()
    if body.empty:
        return _ascii([_HEADER, *keys.declarations(), *_GRAPH_EMPTY]) + b"\n"
    out = io.BytesIO()
    out.write(_ascii([_HEADER, *keys.declarations(), _GRAPH_OPEN]) + b"\n")
    out.write(body.out.getbuffer())
    del body
    out.write(b"  </graph>\n</graphml>\n")
    return out.getvalue()


def graphml_text(graph: Any) -> str:
    """GraphML of ``graph`` as text without a final newline (see :func:`graphml_bytes`)."""
    return graphml_bytes(graph).decode("ascii").removesuffix("\n")
