"""The Jinja2 environment every template renderer uses.

Templates are part of the package (``templates/``), never supplied at run time, so they run in a
plain environment: Jinja's sandbox guards against untrusted *templates* and would only slow every
attribute access (it doubled the notice's render time). Data never becomes template source: it
is only ever passed as values. ``StrictUndefined`` makes a typo in a template fail loudly instead
of rendering empty text. HTML templates autoescape everything; Markdown and other text formats
escape through the filters in :mod:`harmonien_ropa.escaping`.
"""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .resources import templates_dir


@cache
def environment(*, html: bool) -> Environment:
    """An environment over ``templates/``; ``html`` turns autoescaping on."""
    return Environment(
        loader=FileSystemLoader(str(templates_dir())),
        autoescape=html,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
