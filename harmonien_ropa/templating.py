"""The Jinja2 environment every template renderer uses.

Templates run in Jinja's sandbox with ``StrictUndefined`` (a typo in a template fails loudly
instead of rendering empty text). HTML templates autoescape everything; Markdown and other text
formats escape through the filters in :mod:`harmonien_ropa.escaping`.
"""

from __future__ import annotations

from functools import cache

from jinja2 import FileSystemLoader, StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment

from .resources import templates_dir


@cache
def environment(*, html: bool) -> ImmutableSandboxedEnvironment:
    """A sandboxed environment over ``templates/``; ``html`` turns autoescaping on."""
    env = ImmutableSandboxedEnvironment(
        loader=FileSystemLoader(str(templates_dir())),
        autoescape=html,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    return env
