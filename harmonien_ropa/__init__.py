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
import sys
import types

#: Set without importing ``typing`` (which costs start-up time); type checkers treat it as true.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from .checks.publication import Blocker, BlockerKind, publication_blockers
    from .diagnostics import Diagnostic, Severity
    from .errors import HarmonienError, LoadError, OutputError, RenderError
    from .loading import from_data, load, loads
    from .model import DataMap
    from .output import Artifact, write_artifacts
    from .render import RenderOptions, RenderResult, render

#: Public name → module that defines it. Imported on first use, so that the command line's
#: ``--help`` and ``--version`` do not pay for pydantic, Jinja2 and the model.
_LAZY: dict[str, str] = {
    "Artifact": ".output",
    "Blocker": ".checks.publication",
    "BlockerKind": ".checks.publication",
    "DataMap": ".model",
    "Diagnostic": ".diagnostics",
    "HarmonienError": ".errors",
    "LoadError": ".errors",
    "OutputError": ".errors",
    "RenderError": ".errors",
    "RenderOptions": ".render",
    "RenderResult": ".render",
    "Severity": ".diagnostics",
    "from_data": ".loading",
    "load": ".loading",
    "loads": ".loading",
    "publication_blockers": ".checks.publication",
    "render": ".render",
    "write_artifacts": ".output",
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


class _Package(types.ModuleType):
    """This package, keeping ``harmonien_ropa.render`` the function of that name.

    Importing the subpackage ``harmonien_ropa.render`` sets the package attribute ``render`` to
    the subpackage; the public API names the function there, so bind that instead.
    """

    def __setattr__(self, name: str, value: object) -> None:
        if name == "render" and isinstance(value, types.ModuleType):
            value = value.render
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


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
