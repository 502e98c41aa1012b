"""What both YAML readers share (:mod:`.yamlsource`, the event reader, and :mod:`.yamlnodes`,
its fallback over PyYAML's node tree): the input limits, YAML 1.2 scalar typing, the pre-scan
that bounds depth and node count before anything is built, and the problems they report.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Any

import yaml

from ..core.diagnostics import Diagnostic, Severity
from ..core.load_codes import INVALID_VALUE, REFUSED_YAML, YAML_SYNTAX
from .positions import Positions

try:
    from yaml import CSafeLoader as Loader
except ImportError:  # pragma: no cover - pure-Python fallback when libyaml is absent
    from yaml import SafeLoader as Loader  # type: ignore[assignment]

__all__ = [
    "DEPTH_FIX",
    "MAX_ALIAS_EXPANSION",
    "MAX_DEPTH",
    "STANDARD_TAGS",
    "SYNTAX_FIX",
    "Loader",
    "NumberTooLong",
    "YamlDocument",
    "YamlError",
    "max_bytes",
    "max_expanded",
    "max_nodes",
    "number_too_long",
    "prescan",
    "problem",
    "scalar_value",
    "syntax_diagnostic",
    "too_deep",
    "too_expanded",
    "too_many",
]

#: Default largest input accepted, in bytes (override with HARMONIEN_ROPA_MAX_BYTES).
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
#: Deepest nesting of mappings and lists accepted.
MAX_DEPTH = 64
#: How many extra nodes aliases may add when expanded (guards against alias bombs).
MAX_ALIAS_EXPANSION = 100_000
#: Default most YAML nodes (scalars, lists, mappings, aliases) read from one file (override with
#: HARMONIEN_ROPA_MAX_NODES). Harmonien's map has about 2,000, a synthetic map of 10,000
#: activities about 850,000; the limit bounds memory and time for any file under the size limit
#: (a file of tiny values is refused after counting, in about 2 s of CPU, in constant memory).
MAX_NODES = 2_000_000
#: Environment variable for the most characters a file may stand for once every alias is written
#: out (its own length plus the text each alias repeats). By default the file-size limit, so a
#: file without aliases never reaches it; aliases of long text are what it refuses.
MAX_EXPANDED_VARIABLE = "HARMONIEN_ROPA_MAX_EXPANDED"

#: Most digits a whole number may have. Python refuses to turn an int of more than 4,300
#: digits into text (and every message, renderer and export does), and no value of a data map
#: needs a fraction of this; a longer number is reported where it is, with a fix.
MAX_INT_DIGITS = 1000

_INT = re.compile(r"^[-+]?(0|[1-9][0-9_]*)$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$")
_BOOL = {"true": True, "false": False}
_NULL = {"", "~", "null"}
STANDARD_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:merge",
}


@dataclass
class YamlDocument:
    """Plain data read from one YAML file, with its positions."""

    path: str
    data: Any
    positions: Positions
    #: The text holds no backslash and no character the model refuses
    #: (:data:`harmonien_ropa.core.characters.REFUSED`), found by the reader's search for the
    #: characters it treats specially: no value read from it can hold one. False when not known.
    plain: bool = False


class NumberTooLong(ValueError):
    """A whole number with more than :data:`MAX_INT_DIGITS` digits."""

    def __init__(self, digits: int) -> None:
        self.digits = digits
        super().__init__(f"a whole number of {digits:,} digits")


def number_too_long(path: str, mark: Any, exc: NumberTooLong) -> Diagnostic:
    """The problem of a number too long to be a value, at ``mark``."""
    return problem(
        path,
        mark.line + 1,
        mark.column + 1,
        INVALID_VALUE.code,
        f"a whole number of {exc.digits:,} digits (at most {MAX_INT_DIGITS:,} are read)",
        "put it in quotes if it is text; no value of a data map needs a number this long",
    )


class YamlError(Exception):
    """The file could not be read as YAML; carries every diagnostic found."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = diagnostics
        super().__init__("; ".join(d.message for d in diagnostics))


def _limit(variable: str, default: int) -> int:
    """A positive whole number from the environment, else ``default``."""
    raw = os.environ.get(variable, "")
    # isdigit() alone would let int() meet a number of thousands of digits (a ValueError).
    if raw.isascii() and raw.isdigit() and len(raw) <= 18 and int(raw) > 0:
        return int(raw)
    return default


def max_bytes() -> int:
    """The input size limit in force (HARMONIEN_ROPA_MAX_BYTES or the default)."""
    return _limit("HARMONIEN_ROPA_MAX_BYTES", DEFAULT_MAX_BYTES)


def max_nodes() -> int:
    """The node count limit in force (HARMONIEN_ROPA_MAX_NODES or the default)."""
    return _limit("HARMONIEN_ROPA_MAX_NODES", MAX_NODES)


def max_expanded() -> int:
    """The most characters a file may stand for with its aliases written out
    (HARMONIEN_ROPA_MAX_EXPANDED, by default the file-size limit in force)."""
    return _limit(MAX_EXPANDED_VARIABLE, max_bytes())


def too_expanded(path: str, line: int, column: int, size: int, limit: int) -> YamlError:
    """The problem of a file whose aliases repeat more text than :func:`max_expanded` allows."""
    return YamlError(
        [
            problem(
                path,
                line,
                column,
                REFUSED_YAML.code,
                f"aliases repeat text until the file stands for {size:,} characters, more than "
                f"the limit of {limit:,}",
                "write the text out where it is needed instead of repeating long text through "
                f"anchors and aliases, or raise {MAX_EXPANDED_VARIABLE} if this size is intended",
            )
        ]
    )


def problem(path: str, line: int, column: int, code: str, message: str, fix: str) -> Diagnostic:
    """An error of the file at ``line``:``column``."""
    return Diagnostic(path, line, column, code, Severity.ERROR, message, fix)


def prescan(text: str, path: str, limit: int) -> None:
    """Bound nesting depth and node count from the event stream, before any node is built.

    Events are produced one at a time in constant memory, so a file of millions of tiny nodes
    or of thousands of nested brackets is refused in well under a second, and neither the
    composer's memory nor its recursion is ever at risk.
    """
    loader = Loader(text)
    depth = nodes = 0
    try:
        while True:
            event = loader.get_event()
            if event is None or isinstance(event, yaml.StreamEndEvent):
                return
            if isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
                continue
            if not isinstance(event, yaml.NodeEvent):
                continue
            nodes += 1
            if depth + 1 > MAX_DEPTH:
                raise too_deep(path, event.start_mark)
            if nodes > limit:
                raise too_many(path, event.start_mark, limit)
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
    except yaml.MarkedYAMLError as exc:
        # libyaml stops at 1,000 levels while scanning ahead, before the events reach us.
        if "nesting depth" in str(exc.problem):
            raise too_deep(path, exc.problem_mark) from None
        return  # the composer reports other syntax errors with full context
    except yaml.YAMLError:
        return
    finally:
        loader.dispose()


def too_deep(path: str, mark: Any) -> YamlError:
    """Nesting deeper than :data:`MAX_DEPTH`, at ``mark``."""
    return at_mark(path, mark, f"nesting deeper than {MAX_DEPTH} levels", DEPTH_FIX)


def too_many(path: str, mark: Any, limit: int) -> YamlError:
    """More than ``limit`` values in the file, at the first one over it."""
    return at_mark(
        path,
        mark,
        f"more than {limit:,} values in one file",
        "look for generated or pasted data that does not belong here; for a map this large, "
        "raise HARMONIEN_ROPA_MAX_NODES",
    )


def at_mark(path: str, mark: Any, message: str, fix: str) -> YamlError:
    """A ROPA009 limit problem at a parser ``mark`` (the start of the file without one)."""
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    return YamlError([problem(path, line, column, REFUSED_YAML.code, message, fix)])


SYNTAX_FIX = "check indentation and quoting around this place; quote values containing ': ' or '#'"
DEPTH_FIX = f"a data map needs far fewer levels; keep nesting under {MAX_DEPTH}"


def syntax_diagnostic(path: str, exc: yaml.MarkedYAMLError, text: str = "") -> Diagnostic:
    """The problem PyYAML reports, at its place, with a fix (``text``: the document, to name a
    tab where PyYAML only says that a character cannot start a token)."""
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    at_tab = mark is not None and 0 <= mark.index < len(text) and text[mark.index] == "\t"
    text = exc.problem or "syntax error"
    if exc.context:
        start = exc.context_mark
        where = f" that starts on line {start.line + 1}" if start and start.line + 1 != line else ""
        text = f"{text} ({exc.context}{where})"
    fix = SYNTAX_FIX
    if "tab" in text or at_tab:
        fix = "YAML does not allow tabs for indentation: indent with spaces"
        text = "tab character where YAML expects spaces"
    return problem(path, line, column, YAML_SYNTAX.code, f"YAML syntax error: {text}", fix)


def scalar_value(loader: Any, value: Any, tag: str, style: str | None, node: Any = None) -> Any:
    """The plain value of a scalar (YAML 1.2 rules) from its text, resolved tag and style."""
    if not isinstance(value, str):  # pragma: no cover - the parser gives str for scalars
        return value
    if style not in (None, "") or tag == "tag:yaml.org,2002:str":
        return value
    text = value.strip()
    lowered = text.lower()
    if lowered in _NULL and tag == "tag:yaml.org,2002:null":
        return None
    if lowered in _BOOL and tag == "tag:yaml.org,2002:bool":
        return _BOOL[lowered]
    if tag == "tag:yaml.org,2002:int" and _INT.match(text):
        digits = text.replace("_", "")
        if len(digits.lstrip("+-")) > MAX_INT_DIGITS:
            raise NumberTooLong(len(digits.lstrip("+-")))
        return int(digits)
    if tag == "tag:yaml.org,2002:float" and _FLOAT.match(text):
        return float(text.replace("_", ""))
    if tag == "tag:yaml.org,2002:timestamp":
        try:
            return loader.construct_yaml_timestamp(node or yaml.ScalarNode(tag, value))
        except (yaml.YAMLError, ValueError):
            return value
    return value
