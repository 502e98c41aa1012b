"""A griffe extension for the API pages: Sphinx-style roles in docstrings become code spans.

The package's docstrings say ``:class:`DataMap``` and ````code````; Markdown shows both as
`DataMap` and `code`.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:class|func|meth|data|attr|mod|exc|obj):`~?([^`]+)`")
_DOUBLE = re.compile(r"``([^`]+)``")


def markdown(text: str) -> str:
    """Docstring text with roles and double backticks as Markdown code spans."""
    return _DOUBLE.sub(r"`\1`", _ROLE.sub(r"`\1`", text))


class SphinxRoles(griffe.Extension):
    """Rewrite each docstring as it is loaded."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = markdown(obj.docstring.value)
