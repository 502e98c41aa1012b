"""The notice fragment in a CMS: ids with a prefix, and a stylesheet scoped to the fragment.

A page that embeds two fragments (the notice in two languages, or next to another tool's
content) must not hold the same id twice, or its in-page links and labels point at the wrong
element: :func:`prefix_ids` puts a prefix before every id of the fragment and before every
reference to one (``href="#…"``, ``aria-labelledby``, ``aria-describedby``, ``for``).
:func:`scoped_stylesheet` rewrites the notice's own stylesheet so that every selector applies
only inside the fragment's root (``.privacy-notice``): pasted into a CMS, it styles the notice
and nothing else of the site. See ``docs/cms.md``.
"""

from __future__ import annotations

import re

#: An id prefix: a letter, then letters, digits, ``-`` and ``_`` (valid in an id and in a CSS
#: selector without escaping).
PREFIX = re.compile(r"[A-Za-z][A-Za-z0-9_-]{0,39}")
#: The fragment's root element (``<article class="privacy-notice">``).
ROOT = ".privacy-notice"

_REFERENCES = re.compile(
    rb'(\s(?:id|for|aria-labelledby|aria-describedby|aria-controls)=")([^"]*)"'
)
_IN_PAGE_LINK = re.compile(rb'(\shref="#)([^"]*)"')
#: Selectors that stand for the whole page: in a fragment, its root stands for them.
_PAGE = frozenset({"html", "body", ":root", "main"})


def valid_prefix(prefix: str) -> bool:
    return prefix == "" or PREFIX.fullmatch(prefix) is not None


def prefix_ids(html: bytes, prefix: str) -> bytes:
    """``html`` (markup the notice renderer made) with ``prefix`` before every id and every
    reference to one. Text from the map is escaped (``"`` is ``&#34;``), so no value can
    hold an attribute these patterns match."""
    if not prefix:
        return html
    raw = prefix.encode("ascii")

    def ids(match: re.Match[bytes]) -> bytes:
        tokens = b" ".join(raw + token for token in match.group(2).split())
        return match.group(1) + tokens + b'"'

    html = _REFERENCES.sub(ids, html)
    return _IN_PAGE_LINK.sub(lambda m: m.group(1) + raw + m.group(2) + b'"', html)


def scoped_stylesheet(css: str, root: str = ROOT) -> str:
    """``css`` with every selector under ``root`` (page-level selectors become ``root``), the
    ``@media`` rules kept with their rules scoped, and rules for the printed page (``@page``)
    or the document (``@font-face``, ``@import``) left out. Headings move one level down, as
    they do in the fragment (the page's ``h1`` is the fragment's ``h2``)."""
    import tinycss2

    def rules(nodes: list[object]) -> list[str]:
        out: list[str] = []
        for node in nodes:
            if isinstance(node, tinycss2.ast.QualifiedRule):
                selectors = _split(tinycss2.serialize(node.prelude))
                scoped = ", ".join(dict.fromkeys(_scope(s, root) for s in selectors))
                body = tinycss2.serialize(node.content).strip()
                out.append(f"{scoped} {{ {body} }}")
            elif isinstance(node, tinycss2.ast.AtRule) and node.lower_at_keyword == "media":
                inner = tinycss2.parse_rule_list(
                    node.content or [], skip_comments=True, skip_whitespace=True
                )
                condition = tinycss2.serialize(node.prelude).strip()
                body = "\n".join(f"  {line}" for line in rules(inner))
                out.append(f"@media {condition} {{\n{body}\n}}")
        return out

    parsed = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    return "\n".join(rules(parsed)) + "\n"


def _split(selectors: str) -> list[str]:
    """A selector list split at its top-level commas."""
    parts, depth, current = [], 0, ""
    for char in selectors:
        depth += {"(": 1, "[": 1, ")": -1, "]": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += char
    parts.append(current.strip())
    return [part for part in parts if part]


_HEADING = re.compile(r"(?<![\w.#-])h([1-5])(?![\w-])")


def _scope(selector: str, root: str) -> str:
    selector = _HEADING.sub(lambda m: f"h{int(m.group(1)) + 1}", selector)
    first, _, rest = selector.partition(" ")
    if first in _PAGE:
        return f"{root} {rest.strip()}".strip() if rest.strip() else root
    if first.startswith(root):
        return selector
    return f"{root} {selector}"
