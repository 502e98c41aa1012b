"""The output side's speed-only code, in one place: none of it changes a byte of any output.

Each piece says what it replaces and why; ``make bench`` measures them, and the tests named
at each piece prove the output is what the plain way writes. The YAML reader's and the
loader's own speed code stay with them (``source/``).
"""

from __future__ import annotations

import functools
import io
from collections.abc import Callable, Iterable
from itertools import islice
from typing import Any

from ..core.escaping import markdown

# -- UTF-8 text written in batches --------------------------------------------------------------

#: Pieces encoded at a time: large enough to be fast, small enough to stay small.
_BATCH = 4096


def utf8(pieces: Iterable[str]) -> bytes:
    """The concatenated ``pieces`` as UTF-8.

    The pieces are encoded in batches into one growing buffer, so a large file exists once in
    memory (as bytes) rather than also as a list of pieces and as one string. Used for the
    record's pages, the notice's body (a template's parts) and the graph's DOT (its lines).
    """
    buffer = io.BytesIO()
    iterator = iter(pieces)
    while batch := "".join(islice(iterator, _BATCH)):
        buffer.write(batch.encode("utf-8"))
    return buffer.getvalue()


class Utf8Parts(list[str]):
    """Pieces of text added one by one; :meth:`flush` moves them, UTF-8 encoded, into
    :attr:`out`. The writer flushes when it holds :attr:`LIMIT` pieces or more (``model.json``
    checks between the items of a list or dict): a StringIO of a large map's text (kept as
    4-byte characters once one is not ASCII) or a list of its millions of small parts took
    several times the memory of the encoded text."""

    LIMIT = _BATCH

    def __init__(self) -> None:
        super().__init__()
        self.out = io.BytesIO()

    def flush(self) -> None:
        self.out.write("".join(self).encode("utf-8"))
        self.clear()


# -- escaping memoised for one page -------------------------------------------------------------


class PageMemo(dict[str, str]):
    """Escaped text by the original, for one page: names and labels repeat from entry to entry,
    and a dictionary lookup costs less than escaping again. Dropped with the page, so it holds
    no text of a map after the render."""

    def __init__(self, escape: Callable[[str], str]) -> None:
        super().__init__()
        self._escape = escape

    def __missing__(self, text: str) -> str:
        value = self[text] = self._escape(text)
        return value


def markdown_for_one_page() -> Callable[[str], str]:
    """:func:`~harmonien_ropa.core.escaping.markdown` memoised for one page.

    ``markdown`` itself keeps a bounded process-wide memo (``lru_cache``); a large record's
    page has more distinct texts than it holds, so the page's own memo wraps the function
    under it (``__wrapped__``) rather than paying the shared memo's bookkeeping twice.
    """
    return PageMemo(markdown.__wrapped__).__getitem__


# -- Graphviz DOT written faster -------------------------------------------------------------------

#: Longer text (labels, tooltips) rarely repeats: it is quoted without the memo, which would
#: otherwise keep thousands of long strings after a large graph is drawn.
MEMO_MAX_LENGTH = 48


@functools.cache
def fast_digraph() -> Any:
    """A subclass of :class:`graphviz.Digraph` writing the same DOT faster, for graphs of
    thousands of edges (``tests/test_graph_scale.py`` compares its text with graphviz's own).

    It replaces graphviz's private quoting methods (``_quote``, ``_quote_edge``, ``_a_list``,
    ``_attr_list``) by the same functions with DOT quoting memoised: a large graph repeats the
    same node names, colours and styles thousands of times. ``typed`` keeps text marked as not
    HTML apart. Built on first use, so that only drawing a graph imports graphviz.
    """
    import graphviz
    from graphviz import quoting

    quote_memo = functools.lru_cache(maxsize=8192, typed=True)(quoting.quote)
    quote_edge = functools.lru_cache(maxsize=8192, typed=True)(quoting.quote_edge)

    def quote(identifier: str) -> str:
        if len(identifier) > MEMO_MAX_LENGTH:
            quoted: str = quoting.quote(identifier)
            return quoted
        return quote_memo(identifier)  # type: ignore[no-any-return]

    def pairs(attributes: Any) -> Any:
        """Attribute pairs the way graphviz takes them: a plain dict sorted, a mapping in its
        order."""
        if type(attributes) is dict:
            return sorted(attributes.items())
        return attributes.items() if hasattr(attributes, "items") else attributes

    def a_list(label: str | None = None, kwargs: Any = None, attributes: Any = None) -> str:
        """``graphviz.quoting.a_list`` with the memoised quoting: the same text."""
        result = [f"label={quote(label)}"] if label is not None else []
        for extra in (kwargs, attributes):
            if extra:
                result += [f"{quote(k)}={quote(v)}" for k, v in pairs(extra) if v is not None]
        return " ".join(result)

    def attr_list(label: str | None = None, kwargs: Any = None, attributes: Any = None) -> str:
        content = a_list(label, kwargs=kwargs, attributes=attributes)
        return f" [{content}]" if content else ""

    def forget_quoting() -> None:
        """Empty the quoting memo. Its entries, made all through drawing a large graph, would
        otherwise keep much of the memory the graph used from being given back."""
        quote_memo.cache_clear()
        quote_edge.cache_clear()

    class Digraph(graphviz.Digraph):  # type: ignore[misc]  # graphviz ships no types
        """A :class:`graphviz.Digraph` writing the same DOT faster."""

        _quote = staticmethod(quote)
        _quote_edge = staticmethod(quote_edge)
        _a_list = staticmethod(a_list)
        _attr_list = staticmethod(attr_list)
        forget = staticmethod(forget_quoting)

    return Digraph


def forget_quoting() -> None:
    """Empty the fast Digraph's quoting memo (nothing to do if no graph was drawn)."""
    if fast_digraph.cache_info().currsize:
        fast_digraph().forget()
