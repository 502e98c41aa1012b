"""JSON text exactly as ``json.dumps(value, ensure_ascii=False, indent=2)`` writes it, faster.

With ``indent``, the standard library encodes in Python, value by value, through a chain of
generators (its C encoder writes only unindented JSON); a check's JSON or SARIF report of
thousands of findings spent most of its time there. Here each text is escaped by the same C
function the standard library uses (:data:`json.encoder.encode_basestring`), numbers and
constants are written as it writes them, and the pieces are joined once. A value of any other
kind (a float, a mapping with a key that is not text) is written by ``json.dumps`` itself and
indented to its place: the same characters either way (``tests/test_findings_work.py``).
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring

__all__ = ["dumps"]


def dumps(value: object) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)``."""
    parts: list[str] = []
    _write(value, "\n", parts, {})
    return "".join(parts)


def _write(value: object, newline: str, parts: list[str], keys: dict[str, str]) -> None:
    """Append ``value``'s text to ``parts``; ``newline``: a line break and the indentation of
    the line ``value`` starts on; ``keys``: the keys written so far, each as its text (the
    same few keys are written for every record of a list)."""
    if isinstance(value, str):
        parts.append(encode_basestring(value))
    elif value is None:
        parts.append("null")
    elif value is True:
        parts.append("true")
    elif value is False:
        parts.append("false")
    elif type(value) is int:
        parts.append(int.__repr__(value))
    elif isinstance(value, dict) and type(value) is dict and all(type(k) is str for k in value):
        if not value:
            parts.append("{}")
            return
        inner = newline + "  "
        separator = "{" + inner
        for key, item in value.items():
            name = keys.get(key)
            if name is None:
                name = keys[key] = encode_basestring(key) + ": "
            # text, a whole number and null, the values of most records, written here
            if type(item) is str:
                parts.append(separator + name + encode_basestring(item))
            elif type(item) is int:
                parts.append(separator + name + int.__repr__(item))
            elif item is None:
                parts.append(separator + name + "null")
            else:
                parts.append(separator + name)
                _write(item, inner, parts, keys)
            separator = "," + inner
        parts.append(newline + "}")
    elif isinstance(value, (list, tuple)) and type(value) in (list, tuple):
        if not value:
            parts.append("[]")
            return
        inner = newline + "  "
        separator = "[" + inner
        for item in value:
            parts.append(separator)
            _write(item, inner, parts, keys)
            separator = "," + inner
        parts.append(newline + "]")
    else:  # as the standard library writes it, each line indented to where it starts
        text = json.dumps(value, ensure_ascii=False, indent=2)
        parts.append(text.replace("\n", newline) if newline != "\n" else text)
