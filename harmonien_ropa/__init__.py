"""harmonien_ropa: one YAML data map → privacy notice, Article 30 record, data-flow graph, checks.

Public API::

    import harmonien_ropa as hr
    datamap = hr.load("data/processing.yaml")
    for activity in datamap.activities:
        print(activity.id, [s.name for s in datamap.systems_of(activity)])
    result = hr.render(datamap, only=["model"])
    for blocker in hr.publication_blockers("data/processing.yaml"):
        print(blocker.format())  # why the notice is not ready for publication
"""

from __future__ import annotations

import importlib

#: Set without importing ``typing`` (which costs start-up time); type checkers treat it as true.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from .checks.publication import Blocker, BlockerKind, publication_blockers
    from .core.diagnostics import Diagnostic, Severity
    from .core.errors import HarmonienError, LoadError, OutputError, RenderError
    from .model import DataMap
    from .outputs import RenderOptions, RenderResult, render
    from .outputs.staging import Artifact, write_artifacts
    from .source.loading import from_data, load, loads

#: Public name → module that defines it. Imported on first use, so that the command line's
#: ``--help`` and ``--version`` do not pay for pydantic, Jinja2 and the model.
_LAZY: dict[str, str] = {
    "Artifact": ".outputs.staging",
    "Blocker": ".checks.publication",
    "BlockerKind": ".checks.publication",
    "DataMap": ".model",
    "Diagnostic": ".core.diagnostics",
    "HarmonienError": ".core.errors",
    "LoadError": ".core.errors",
    "OutputError": ".core.errors",
    "RenderError": ".core.errors",
    "RenderOptions": ".outputs",
    "RenderResult": ".outputs",
    "Severity": ".core.diagnostics",
    "from_data": ".source.loading",
    "load": ".source.loading",
    "loads": ".source.loading",
    "publication_blockers": ".checks.publication",
    "render": ".outputs",
    "write_artifacts": ".outputs.staging",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])


__all__ = [
    "Artifact",
    "Blocker",
    "BlockerKind",
    "DataMap",
    "Diagnostic",
    "HarmonienError",
    "LoadError",
    "OutputError",
    "RenderError",
    "RenderOptions",
    "RenderResult",
    "Severity",
    "from_data",
    "load",
    "loads",
    "publication_blockers",
    "render",
    "write_artifacts",
]
