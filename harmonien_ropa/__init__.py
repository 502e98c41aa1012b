"""harmonien_ropa: one YAML data map → privacy notice, Article 30 record, data-flow graph, checks.

Public API::

    import harmonien_ropa as hr
    datamap = hr.load("data/processing.yaml")
    for activity in datamap.activities:
        print(activity.id, [s.name for s in activity.systems])
    result = hr.render(datamap, only=["model"])
"""

from __future__ import annotations

from .diagnostics import Diagnostic, Severity
from .errors import HarmonienError, LoadError, ModelReferenceError, OutputError, RenderError
from .loading import load, loads
from .model import DataMap
from .output import Artifact, write_artifacts
from .render import RenderOptions, RenderResult, render

__all__ = [
    "Artifact",
    "DataMap",
    "Diagnostic",
    "HarmonienError",
    "LoadError",
    "ModelReferenceError",
    "OutputError",
    "RenderError",
    "RenderOptions",
    "RenderResult",
    "Severity",
    "load",
    "loads",
    "render",
    "write_artifacts",
]
