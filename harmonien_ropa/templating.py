"""The Jinja2 environment every template renderer uses.

Templates are part of the package (``templates/``), never supplied at run time, so they run in a
plain environment: Jinja's sandbox guards against untrusted *templates* and would only slow every
attribute access (it doubled the notice's render time). Data never becomes template source: it
is only ever passed as values. ``StrictUndefined`` makes a typo in a template fail loudly instead
of rendering empty text. HTML templates autoescape everything; Markdown and other text formats
escape through the filters in :mod:`harmonien_ropa.escaping`.

Compiled templates are kept in the user's cache folder (``$HARMONIEN_ROPA_CACHE``, else
``$XDG_CACHE_HOME/harmonien-ropa``, else ``~/.cache/harmonien-ropa``), so a fresh process does
not compile them again; Jinja checks each entry against the template's source and its own
version. The cache only ever saves time: set ``HARMONIEN_ROPA_CACHE`` to an empty value to turn
it off, and a folder that cannot be created, read or written is simply not used.
"""

from __future__ import annotations

import contextlib
import io
import os
import pickle
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import (
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
    Template,
    pass_context,
)
from jinja2.bccache import Bucket
from jinja2.runtime import Context

from .resources import templates_dir


class _BestEffortCache(FileSystemBytecodeCache):
    """A bytecode cache whose failures (read-only or vanished folder) cost only compile time."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError):
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def cache_dir() -> Path | None:
    """Where compiled templates are kept, or None when caching is off."""
    chosen = os.environ.get("HARMONIEN_ROPA_CACHE")
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "harmonien-ropa"


def _bytecode_cache() -> FileSystemBytecodeCache | None:
    folder = cache_dir()
    if folder is None:
        return None
    try:
        (folder / "templates").mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return None
    return _BestEffortCache(str(folder / "templates"))


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
        loader=FileSystemLoader(str(templates_dir())),
        autoescape=html,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        bytecode_cache=_bytecode_cache(),
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


def render_utf8(template: Template, context: Mapping[str, Any], batch: int = 4096) -> bytes:
    """``template.render(context)`` encoded as UTF-8, encoding the parts in batches as they are
    produced: a large page is held once, as bytes, and never also as text."""
    out = io.BytesIO()
    parts: list[str] = []
    for part in template.generate(context):
        parts.append(part)
        if len(parts) >= batch:
            out.write("".join(parts).encode("utf-8"))
            parts.clear()
    out.write("".join(parts).encode("utf-8"))
    return out.getvalue()
