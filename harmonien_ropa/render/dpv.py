"""``ropa.dpv.jsonld`` and ``ropa.dpv.ttl``: the data map in the W3C Data Privacy Vocabulary."""

from __future__ import annotations

from ..model.datamap import DataMap
from ..output import Artifact
from . import RenderOptions, RenderResult


def render(datamap: DataMap, options: RenderOptions) -> RenderResult:
    """The DPV graph as JSON-LD and Turtle (languages: both, as language-tagged literals)."""
    from ..interop.dpv import base_iri, build_graph, to_jsonld, to_turtle
    from ..interop.mapping import coverage

    graph = build_graph(datamap)
    result = RenderResult(
        [
            Artifact("ropa.dpv.jsonld", to_jsonld(graph, base_iri(datamap))),
            Artifact("ropa.dpv.ttl", to_turtle(graph)),
        ]
    )
    for item in coverage(datamap):
        if item.dpv_missing:
            result.messages.append(
                f"dpv: {item.kind} without a DPV concept: {', '.join(item.dpv_missing)} "
                "(add 'dpv:' to the entry or a row to the mapping table)"
            )
    return result
