"""Which attributes the privacy notice's templates and renderer use (for ROPA409)."""

from __future__ import annotations

import ast
import importlib.util
from functools import cache

from jinja2 import Environment, TemplateSyntaxError, nodes

from ..resources import templates_dir


@cache
def notice_attributes() -> frozenset[str] | None:
    """Attribute names used in ``templates/notice/*.j2`` and the notice renderer's code.

    ``None`` when there are no notice templates (nothing can be said about what they show).
    """
    folder = templates_dir() / "notice"
    templates = sorted(folder.glob("*.j2")) if folder.is_dir() else []
    if not templates:
        return None
    names: set[str] = set()
    parser = Environment()
    for path in templates:
        try:
            tree = parser.parse(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, TemplateSyntaxError):
            continue
        names.update(node.attr for node in tree.find_all(nodes.Getattr))
    spec = importlib.util.find_spec("harmonien_ropa.render.notice")
    if spec is not None and spec.origin and spec.origin.endswith(".py"):
        with open(spec.origin, encoding="utf-8") as handle:
            module = ast.parse(handle.read())
        names.update(node.attr for node in ast.walk(module) if isinstance(node, ast.Attribute))
    return frozenset(names)
