"""A small RDF graph of IRIs and literals, written as Turtle and compact JSON-LD.

The graph holds no blank nodes, so both writers can order everything by plain sorting and give
the same bytes on every run: subjects by IRI, predicates by IRI (``rdf:type`` first), objects by
their written form. Names under one of the given prefixes are written as prefixed names (Turtle)
or compact IRIs (JSON-LD); other IRIs in full. Cost is linear in the number of triples apart
from sorting subjects and the few objects of each predicate.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from itertools import groupby
from json.encoder import encode_basestring
from operator import itemgetter

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


#: A literal: (value, language tag or "", datatype IRI or ""). A plain tuple of strings rather
#: than a class of its own, so that the garbage collector stops tracking it (and the pair holding
#: it) once it has seen it; a graph of 10,000 activities holds some 100,000 literals.
Literal = tuple[str, str, str]
#: An IRI (a str) or a literal.
Term = str | Literal


def literal(value: str, lang: str = "", datatype: str = "") -> Literal:
    """A literal with an optional language tag or datatype IRI."""
    return (value, lang, datatype)


#: A local name that Turtle accepts after ``prefix:`` without escapes (PN_LOCAL, made stricter).
_PLAIN_LOCAL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?")
#: Characters an IRIREF cannot hold as they are.
_IRI_ESCAPE = re.compile(r'[\x00-\x20<>"{}|^`\\]')
#: Characters a quoted Turtle string writes as escapes.
_STRING_ESCAPE = re.compile(r'[\x00-\x1f"\\\x7f]')
_ECHAR = {"\t": "\\t", "\b": "\\b", "\n": "\\n", "\r": "\\r", "\f": "\\f", '"': '\\"', "\\": "\\\\"}


class Graph:
    """A list of triples with the prefixes to write them with; a triple added twice is written once.

    One flat list of tuples of strings, which the garbage collector soon stops tracking: a
    container per subject (some 45,000 for 10,000 activities) made the collector walk the whole
    heap again every other render.
    """

    def __init__(self, prefixes: Mapping[str, str]) -> None:
        self.prefixes = dict(prefixes)
        self.triples: list[tuple[str, str, Term]] = []

    def add(self, s: str, p: str, o: Term) -> None:
        """Add the triple ``(s, p, o)``."""
        self.triples.append((s, p, o))

    def by_subject(
        self, key: Callable[[str], str] = str
    ) -> Iterator[tuple[str, list[tuple[str, Term]]]]:
        """Each subject with its (predicate, object) pairs, subjects ordered by ``key``."""
        ordered = sorted(self.triples, key=lambda t: key(t[0]))
        for subject, group in groupby(ordered, key=itemgetter(0)):
            yield subject, [(p, o) for _, p, o in group]


class _Names:
    """Short names of IRIs under the graph's prefixes, remembered per namespace and IRI."""

    def __init__(self, prefixes: Mapping[str, str], turtle: bool) -> None:
        # Longest namespace first, so a namespace inside another wins (``dpv/pd#`` over ``dpv``).
        self.namespaces = sorted(prefixes.items(), key=lambda item: -len(item[1]))
        self.turtle = turtle
        self.cache: dict[str, str] = {}

    def __call__(self, iri: str) -> str:
        name = self.cache.get(iri)
        if name is None:
            name = self.cache[iri] = self.shorten(iri)
        return name

    def shorten(self, iri: str) -> str:
        for prefix, namespace in self.namespaces:
            if iri.startswith(namespace):
                local = iri[len(namespace) :]
                if not self.turtle and not local.startswith("//"):
                    return f"{prefix}:{local}"
                if self.turtle and _PLAIN_LOCAL.fullmatch(local):
                    return f"{prefix}:{local}"
        if self.turtle:
            return "<" + _IRI_ESCAPE.sub(lambda m: f"\\u{ord(m.group()):04X}", iri) + ">"
        return iri


# -- Turtle --------------------------------------------------------------------------------


def turtle_bytes(graph: Graph) -> bytes:
    """The graph as Turtle: prefixes, then one block per subject."""
    name = _Names(graph.prefixes, turtle=True)
    lines = [f"@prefix {p}: <{ns}> ." for p, ns in sorted(graph.prefixes.items())]
    for subject, pairs in graph.by_subject():
        written = {
            (p != RDF_TYPE, p, name(o) if isinstance(o, str) else _turtle_literal(o, name))
            for p, o in pairs
        }
        parts = []
        for (_, predicate), group in groupby(sorted(written), key=lambda w: w[:2]):
            verb = "a" if predicate == RDF_TYPE else name(predicate)
            parts.append(f"{verb} " + ",\n        ".join(w[2] for w in group))
        lines.append(f"\n{name(subject)} " + " ;\n    ".join(parts) + " .")
    return ("\n".join(lines) + "\n").encode("utf-8")


def _turtle_literal(term: Literal, name: _Names) -> str:
    value, lang, datatype = term
    text = _STRING_ESCAPE.sub(_turtle_escape, value)
    if lang:
        return f'"{text}"@{lang}'
    if datatype:
        return f'"{text}"^^{name(datatype)}'
    return f'"{text}"'


def _turtle_escape(match: re.Match[str]) -> str:
    char = match.group()
    return _ECHAR.get(char) or f"\\u{ord(char):04X}"


# -- JSON-LD -------------------------------------------------------------------------------


def jsonld_bytes(graph: Graph) -> bytes:
    """The graph as compact JSON-LD: the prefixes as ``@context``, one node per subject.

    The layout is that of ``json.dumps(indent=2, sort_keys=True)``; a predicate with one
    value holds it bare, with more a list sorted by each value's JSON text.
    """
    name = _Names(graph.prefixes, turtle=False)
    context = ",\n".join(
        f"    {encode_basestring(p)}: {encode_basestring(ns)}"
        for p, ns in sorted(graph.prefixes.items())
    )
    out = ["{\n", '  "@context": {\n', context, "\n  },\n", '  "@graph": [']
    first = True
    for subject, pairs in graph.by_subject(name):
        out.append("\n    {\n" if first else ",\n    {\n")
        first = False
        members = [f'      "@id": {encode_basestring(name(subject))}']
        written = {
            ("@type", encode_basestring(name(o)))
            if p == RDF_TYPE and isinstance(o, str)
            else (name(p), _json_value(o, name))
            for p, o in pairs
        }
        for key, group in groupby(sorted(written), key=lambda w: w[0]):
            members.append(_json_member(key, [w[1] for w in group], 6))
        out.append(",\n".join(members))
        out.append("\n    }")
    out.append("\n  ]\n}\n" if not first else "]\n}\n")
    return "".join(out).encode("utf-8")


def _json_member(key: str, values: list[str], indent: int) -> str:
    """``"key": value`` or ``"key": [values]`` at ``indent``; values are JSON texts at indent 0."""
    pad = " " * indent
    if len(values) == 1:
        return f"{pad}{encode_basestring(key)}: {_indent(values[0], indent)}"
    inner = ",\n".join(f"{pad}  {_indent(v, indent + 2)}" for v in values)
    return f"{pad}{encode_basestring(key)}: [\n{inner}\n{pad}]"


def _json_value(term: Term, name: _Names) -> str:
    """One value as JSON text at indent 0 (``{"@id": ...}`` or a literal)."""
    if isinstance(term, str):
        return '{\n  "@id": ' + encode_basestring(name(term)) + "\n}"
    text, lang, datatype = term
    value = encode_basestring(text)
    if lang:
        return '{\n  "@language": ' + encode_basestring(lang) + ',\n  "@value": ' + value + "\n}"
    if datatype:
        datatype = encode_basestring(name(datatype))
        return '{\n  "@type": ' + datatype + ',\n  "@value": ' + value + "\n}"
    return value


def _indent(text: str, by: int) -> str:
    """``text`` (JSON at indent 0) for a place ``by`` spaces in: every line after the first moves."""
    return text.replace("\n", "\n" + " " * by) if "\n" in text else text
