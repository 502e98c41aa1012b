"""``ropa.dpv.jsonld`` and ``ropa.dpv.ttl``: the data map in the W3C Data Privacy Vocabulary."""

from __future__ import annotations

from ..core.listing import some
from ..model.datamap import DataMap
from . import RenderOptions, RenderResult
from .staging import Artifact

#: Kind of entry in the mapping coverage → (one, many).
_NOUNS = {
    "data categories": ("data category", "data categories"),
    "data subjects": ("data subject", "data subjects"),
    "purposes (activities)": ("activity's purpose", "activities' purposes"),
}


def render(datamap: DataMap, options: RenderOptions) -> RenderResult:
    """The DPV graph as JSON-LD and Turtle (languages: both, as language-tagged literals)."""
    from ..interop.dpv import export_graph
    from ..interop.mapping import coverage
    from ..interop.rdf import jsonld_bytes, turtle_bytes

    graph, substitutions = export_graph(datamap)
    result = RenderResult(
        [
            Artifact("ropa.dpv.jsonld", jsonld_bytes(graph)),
            Artifact("ropa.dpv.ttl", turtle_bytes(graph)),
        ],
        details=substitutions.messages(),
    )
    for item in coverage(datamap):
        missing = item.dpv_missing
        if missing:
            one, many = _NOUNS.get(item.kind, (item.kind, item.kind))
            result.details.append(
                f"dpv: {len(missing)} {one if len(missing) == 1 else many} without a DPV "
                f"concept: {some(missing)} (add 'dpv:' to the entry or a row to the mapping table)"
            )
    return result
