"""Values derived from a frozen entry's own fields, kept with the entry once computed.

An entry of the map never changes after validation (the models are frozen), so a value computed
from its fields alone (an activity's bases, say) needs computing only once. It is kept in the
instance's ``__dict__`` under a key no field can have (``_`` + the name + ``()``), where
``functools.cached_property`` would keep it: pydantic's equality still compares the fields only
(a kept value is derived from them, so two entries with equal fields keep equal values), and
validation, serialisation, ``dict(model)`` (which leaves out keys starting with ``_``) and the
schema never see it.

A copy must not take a value kept for the original: ``model_copy(update=...)`` changes fields
the value was derived from, and a value may name the original itself (a basis names its owner).
A model that keeps values drops them from every copy with :func:`forget` (see
:class:`harmonien_ropa.model.activity.Activity`'s ``__copy__`` and ``__deepcopy__``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from pydantic import BaseModel

#: Begins and ends every key a kept value is stored under: a field's name never ends so.
PREFIX = "_"
SUFFIX = "()"

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")
_MISSING = object()


def key(name: str) -> str:
    """The ``__dict__`` key the value ``name`` is kept under."""
    return PREFIX + name + SUFFIX


def once(instance: M, name: str, compute: Callable[[M], T]) -> T:
    """``compute(instance)``, computed the first time it is asked for and then kept with
    ``instance``. ``compute`` must read nothing but ``instance``'s own fields (and constants),
    and ``name`` (from :func:`key`) must say which function it is (e.g.
    ``key("law.rights.erasure_limit")``), so that no two share a value."""
    store = instance.__dict__
    found = store.get(name, _MISSING)
    if found is _MISSING:
        found = store[name] = compute(instance)
    return found  # type: ignore[no-any-return]  # what compute returned for this key


def forget(instance: M) -> M:
    """``instance`` without any kept value (in place; returned for convenience)."""
    store = instance.__dict__
    for name in [name for name in store if name.endswith(SUFFIX)]:
        del store[name]
    return instance


def kept(instance: BaseModel) -> tuple[str, ...]:
    """The names of the values ``instance`` keeps (for tests and debugging)."""
    return tuple(
        name[len(PREFIX) : -len(SUFFIX)] for name in instance.__dict__ if name.endswith(SUFFIX)
    )
