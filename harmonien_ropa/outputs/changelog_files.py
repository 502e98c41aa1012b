"""``changes.<lang>.md`` and ``changes.json``: what changed since the previous version.

Written only when :attr:`RenderOptions.previous` is given (``render --previous PATH``).
"""

from __future__ import annotations

import json

from ..model.datamap import DataMap
from . import RenderOptions, RenderResult
from .staging import Artifact


def render(datamap: DataMap, options: RenderOptions) -> RenderResult:
    """The semantic changelog from ``options.previous`` to ``datamap``, per language and JSON."""
    options = options.for_map(datamap)
    if options.previous is None:
        return RenderResult()
    from ..changes.changelog import compare

    changelog = compare(options.previous, datamap)
    artifacts = [
        Artifact(f"changes.{lang}.md", changelog.render(lang, "markdown").encode("utf-8"))
        for lang in options.languages
    ]
    text = json.dumps(changelog.to_dict(), ensure_ascii=False, indent=2, sort_keys=True)
    artifacts.append(Artifact("changes.json", (text + "\n").encode("utf-8")))
    return RenderResult(artifacts)
