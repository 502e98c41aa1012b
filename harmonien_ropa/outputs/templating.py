"""The Jinja2 environment every template renderer uses.

Templates are part of the package (``templates/``), never supplied at run time, so they run in a
plain environment: Jinja's sandbox guards against untrusted *templates* and would only slow every
attribute access (it doubled the notice's render time). Data never becomes template source: it
is only ever passed as values. ``StrictUndefined`` makes a typo in a template fail loudly instead
of rendering empty text. HTML templates autoescape everything; Markdown and other text formats
escape through the filters in :mod:`harmonien_ropa.core.escaping`.

Compiled templates are kept in memory only, for the life of the process (the environment is
made once, and Jinja keeps each template it has compiled). Nothing is ever read back from a
cache as code: an on-disk cache of compiled templates would be unpickled and executed, so
whoever can write to the cache folder could run code as the user. Instead, the code of every
packaged template is shipped with the package, as modules of the package, and used while it
matches the template (:mod:`.precompiled`), which saves a fresh process the 0.10-0.15 s of
compiling them.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any

from jinja2 import (
    Environment,
    StrictUndefined,
    Template,
    pass_context,
)
from jinja2.runtime import Context

from ..source.resources import templates_dir
from .fastpaths import utf8
from .precompiled import PrecompiledLoader

#: Filters that apply the helper of the same name the renderer put into the context:
#: ``{{ a.name|t }}`` is ``{{ t(a.name) }}``, ``{{ a|mark("purpose") }}`` is ``{{ mark(a,
#: "purpose") }}``. A compiled template calls a filter directly but a function through Jinja's
#: context machinery, so for the helpers called thousands of times a filter is much cheaper.
HELPER_FILTERS = ("t", "mark", "label", "fill", "cite", "country")


def _helper_filter(name: str) -> Callable[..., Any]:
    @pass_context
    def apply(context: Context, value: Any, *args: Any, **kwargs: Any) -> Any:
        return context[name](value, *args, **kwargs)

    apply.__name__ = name
    return apply


@cache
def environment(*, html: bool) -> Environment:
    """An environment over ``templates/``; ``html`` turns autoescaping on."""
    env = Environment(
        loader=PrecompiledLoader(str(templates_dir())),
        autoescape=html,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters.update({name: _helper_filter(name) for name in HELPER_FILTERS})
    return env


def render_text(template: Template, context: Mapping[str, Any]) -> str:
    """``template.render(context)``, joining the parts as they are produced: a page of a large
    map never holds the list of its million small parts beside the text."""
    out = io.StringIO()
    for part in template.generate(context):
        out.write(part)
    return out.getvalue()


def render_utf8(template: Template, context: Mapping[str, Any]) -> bytes:
    """``template.render(context)`` encoded as UTF-8, encoding the parts in batches as they are
    produced (:func:`~.fastpaths.utf8`): a large page is held once, as bytes, and never also
    as text."""
    return utf8(template.generate(context))
