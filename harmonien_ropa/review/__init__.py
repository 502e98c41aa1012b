"""A review loop for the people who know the answers and do not edit YAML.

``review --out DIR`` writes ``DIR/review.xlsx`` with a row per open assumption (where it is,
what is assumed and why, the question, who should answer, an answer column with the allowed
values as a drop-down list); ``review --apply FILE`` reads the answers back into the map (see
:mod:`harmonien_ropa.review.apply`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model.base import in_language

if TYPE_CHECKING:
    from ..source.loading import LoadedMap


def export(loaded: LoadedMap, data: object, *, lang: str, source: str) -> bytes:
    """The review workbook for ``loaded`` (``data``: the same map as plain parsed YAML)."""
    from .rows import rows
    from .workbook import write

    return write(
        rows(loaded, data, lang),
        lang=lang,
        organisation=in_language(loaded.datamap.organisation.name, lang),
        source=source,
    )
