"""Which attributes the privacy notice's templates and renderer use (for ROPA409)."""

from __future__ import annotations

import ast
import importlib.util
import re
from functools import cache

from ..resources import templates_dir

#: Jinja expressions and statements: ``{{ ... }}`` and ``{% ... %}``.
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
_ATTRIBUTE = re.compile(r"\.\s*([A-Za-z_]\w*)")


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
    for path in templates:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        for block in _JINJA.findall(text):
            names.update(_ATTRIBUTE.findall(block))
    spec = importlib.util.find_spec("harmonien_ropa.render.notice")
    if spec is not None and spec.origin and spec.origin.endswith(".py"):
        with open(spec.origin, encoding="utf-8") as handle:
            module = ast.parse(handle.read())
        names.update(node.attr for node in ast.walk(module) if isinstance(node, ast.Attribute))
    return frozenset(names)
