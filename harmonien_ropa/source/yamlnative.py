# Longer than 400 lines: the checks that prove yaml-rs reads a text as the event reader would are one set, each stating what it proves.
"""The native reader: plain data from yaml-rs (Rust), used only where it cannot differ.

:func:`native_data` first checks the text with a few regular expressions (each one pass in C
over the text, no Python work per line or per value). Only a document that passes every check
is read by yaml-rs, and for such a document yaml-rs gives exactly the data of the event reader
in :mod:`.yamlsource` (``tests/test_yaml_native.py`` proves it on generated maps and tricky
scalars). Anything else, and any error yaml-rs reports, is left to the event reader, which
also explains every problem with its line, column and fix. What the checks prove:

- **scalars read alike.** yaml-rs follows YAML 1.2's core schema, the event reader PyYAML's
  resolver narrowed to YAML 1.2 (:func:`.yamlbase.scalar_value`). They agree on text, on
  ``true``/``false``/``null``/``~`` as values, on whole numbers of up to 18 digits written
  without ``+``, ``_`` or leading zeros, on decimals such as ``1.5`` and on dates
  ``YYYY-MM-DD`` that end their value. Any other value starting with a digit, a sign, ``.`` or
  ``~`` (``0123``, ``1e5``, ``.inf``, ``12:30``, a date with a time, a number of 19 digits or
  more) sends the document to the event reader, as does a key that is a number (``.inf`` and
  ``.nan`` included), a boolean or null (the event reader reads it as text);
- **nothing else can differ:** no quoted text that starts like a date or a time (yaml-rs
  reads ``'2024-05-01'`` as a date) and no backslash (an escape could write one); no tag (``!``), directive, document marker, merge key (``<<``),
  complex key (``?``, or a list or mapping as a key), value starting with ``=``, tab,
  carriage return but in a CR LF line break, byte order mark or character PyYAML refuses;
  no ``:`` just before ``,``, ``?`` or a bracket (PyYAML refuses it in a flow collection);
  anchors and aliases named only with the characters PyYAML allows (letters, digits, ``_``,
  ``-``); flow collections (``[...]``, ``{...}``) closed on the line that opens them, at most
  eight open at once, holding only lists of values and ``key: value`` pairs of quoted text,
  aliases and plain text without ``:`` or ``#``; block scalars with a line of text and no
  explicit indentation; no value starting with ``_`` and a digit, a sign, ``.`` or ``_``; no
  line of 1,000 characters or more (PyYAML refuses an implicit key of 1,024);
- **the limits hold before anything is built:** nesting stays under ``MAX_DEPTH`` (no line's
  content starts 28 columns or more in, counting its ``- `` marks, and each two levels of block
  nesting take at least one column), the number of values cannot exceed the node limit (at
  most three per line, one per ``- ``, four per bracket and three per comma), every anchor is
  on a scalar, whose length is bounded by the text up to the next line not indented deeper, so
  what the aliases repeat is counted against the expanded-size limit before yaml-rs runs, and
  yaml-rs may replay no more events than there are aliases (one scalar each);
- **no crash near a memory limit:** yaml-rs aborts the process when an allocation fails, so under
  a process limit on memory (``RLIMIT_AS``, ``RLIMIT_DATA``) that leaves too little room the
  event reader reads, and running out of memory stays a MemoryError.

Without yaml-rs (a platform without a wheel) every document goes to the event reader.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, Protocol

from .census import Census, Sparse, scan

try:  # pragma: no branch
    import yaml_rs
except ImportError:  # pragma: no cover - a platform without a yaml-rs wheel
    yaml_rs = None  # type: ignore[assignment]

__all__ = ["ANCHOR", "DECLINED_CHARACTERS", "FLOW_PLAIN", "native_data"]

#: Characters PyYAML does not accept (a tab among them), a byte order mark, and a backslash (an
#: escape can write the start of a date in quoted text): a text with one is left to the event
#: reader.
DECLINED_CHARACTERS = _UNPRINTABLE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufeff\ufffe\uffff\\\\]"
)
#: What ends a value on its line.
_END = r"(?![^\s,\]}])"
#: A node that starts like a number, a sign, a dot, "~", "=", a tag or a complex key, and is not one
#: of the forms yaml-rs and the event reader read alike (see the module's doc).
_UNLIKE = (
    r"(?=[-+.0-9~!?=]|_[-+.0-9_])(?!"
    r"-(?!\S)"  # a list item's '-'
    rf"|~{_END}"
    rf"|-?(?:0|[1-9][0-9]{{0,17}}){_END}"
    rf"|-?(?:0|[1-9][0-9]{{0,17}})\.[0-9]{{1,30}}{_END}"
    r"|[0-9]{4}-[0-9]{2}-[0-9]{2}(?=[ ]*(?:[#\n,\]}]|$))"
    # text such as '.example.org' (not .inf or .nan ending a value or a key)
    rf"|\.(?!(?:inf|Inf|INF|nan|NaN|NAN)(?:{_END}|:))[A-Za-z]"
    r")"
)
#: Where a node may start: after ': ', '- ', '? ', a flow bracket or comma, an anchor, a
#: quoted key's ':', or at the start of a line. The searches are grouped by the character they
#: start with, one pass over the text for each group: each alternative of a group starts with
#: a literal character, so that the regular expression engine skips ahead in C to the next
#: place where one could match, and looks at each such place once. Spaces are taken
#: possessively (``[ ]*+``): what follows them starts with a character other than a space, so
#: giving some back could never match.
_DIFFERENT = tuple(
    re.compile(pattern)
    for pattern in (
        # after ':'
        ":(?:"
        + "|".join(
            (
                rf"[ ]++{_UNLIKE}",
                # after a character one of these three looks behind for (so that most places
                # are passed over after one look)
                r"(?<=[\"'eElL\s\[{,]:)(?:"
                + "|".join(
                    (
                        rf"(?<=[\"']:){_UNLIKE}",
                        # a key that is a boolean, null or empty (the event reader reads it as
                        # text)
                        r"(?<=[eElL]:)(?:(?<=(?:[Tt]rue|TRUE|[Nn]ull|NULL):)"
                        r"|(?<=(?:[Ff]alse|FALSE):))(?!\S)",
                        r"(?<=[\s\[{,]:)(?!\S)",
                    )
                )
                + ")",
                # ':' just before a flow indicator or '?' (PyYAML refuses it in a flow collection)
                r"[,?\[\]{}]",
            )
        )
        + ")",
        # at the start of a line
        r"\n(?:"
        + "|".join(
            (
                rf"[ ]*+{_UNLIKE}",
                # a line whose content starts 28 columns or more in (indentation and '- ' marks)
                r"[ -]{28}",
                # a directive or a document marker
                r"%|---|\.\.\.",
            )
        )
        + ")",
        # after '-'
        "-(?:"
        + "|".join(
            (
                rf"[ ]++{_UNLIKE}",
                # a date with a time (yaml-rs reads more forms of it than PyYAML)
                r"[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ ]+[0-9])",
            )
        )
        + ")",
    )
)
#: The rest, each after its own character (the dictionary's key).
_AFTER_ITS_CHARACTER = {
    "?": rf"\?[ ]++{_UNLIKE}",
    "[": rf"\[[ ]*+{_UNLIKE}",
    "{": rf"\{{[ ]*+{_UNLIKE}",
    ",": rf",[ ]*+{_UNLIKE}",
    "&": rf"&[^\s\[\]{{}},]++[ ]++{_UNLIKE}",
    # a key that is a list or a mapping (yaml-rs reads it, the event reader refuses it)
    "]": r"\][ ]*+:(?!\S)",
    "}": r"\}[ ]*+:(?!\S)",
    # a block scalar with an explicit indentation
    "|": r"\|(?<= \|)[+-]?[1-9]",
    ">": r">(?<= >)[+-]?[1-9]",
    # quoted text that starts like a date or a time (yaml-rs reads it as one, PyYAML as text)
    "'": r"'(?:[0-9]{4}-|[0-9]{1,2}:)",
    '"': r"\"(?:[0-9]{4}-|[0-9]{1,2}:)",
    # a merge key (anywhere: the event reader explains it)
    "<": "<<",
}
#: Those in one search (which tests every character of the text against the set of their
#: first characters), and each in a search of its own (which skips ahead in C to the next place
#: its character is, several times quicker, but one more pass over the text each).
_AFTER_ANY = re.compile("|".join(_AFTER_ITS_CHARACTER.values()))
_AFTER_EACH = {char: re.compile(pattern) for char, pattern in _AFTER_ITS_CHARACTER.items()}
#: Most of those characters a text may hold for the searches of their own to be quicker.
_MOST_APART = 4
#: A block scalar's header, and the indentation of the next line that is not blank.
_BLOCK_HEADER = re.compile(r"[|>](?<=[ ][|>])[+-]?[ ]*(?:#[^\n]*)?$", re.MULTILINE)
_NEXT_CONTENT = re.compile(r"(?:[ ]*\n)*([ ]*)\S")
_MARKS = re.compile(r"[ ]*(?:-[ ]+)*")
#: An anchor and its name, as these checks find them (the positions found in the text,
#: :mod:`.yamllocate`, find them alike).
ANCHOR = re.compile(r"&(?<=[\s\[{,]&)([^\s\[\]{},]+)")
_ALIAS = re.compile(r"\*(?<=[\s\[{,]\*)([^\s\[\]{},]+)")
#: The characters PyYAML allows in an anchor's name (yaml-rs allows more).
_NAME = re.compile(r"[0-9A-Za-z_-]+")
_BRACKET = re.compile(r"[\[\]{}]")
_QUOTED = re.compile(r"\"(?:[^\"\\]|\\.)*\"|'(?:[^']|'')*'")
_ONLY_BRACKETS = {code: None for code in range(128) if chr(code) not in "[]{}"}
#: Most flow collections open at once on one line.
_MOST_OPEN = 8
#: What may come before a flow collection on its line: indentation, '- ' marks and a key.
_BEFORE_FLOW = re.compile(
    r"[ ]*(?:-[ ]+)*"
    r"(?:(?:\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\n]|'')*'|[^\s#'\"\[\]{},:&*!|>%@`?-](?:[^:#\n]|:(?! ))*?)[ ]*:[ ]+)?"
)
#: In a flow collection: spaces, quoted text, and plain text that starts with a letter, a digit
#: or one of ``_(/$^.~+-`` (not "-" alone) and holds no ':', '#' or flow indicator.
_SPACES = re.compile(r"[ ]*")
_FLOW_QUOTED = re.compile(r"\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\n]|'')*'")
#: Plain text in a flow collection, as these checks take it (and :mod:`.yamllocate` reads it).
FLOW_PLAIN = re.compile(r"(?!-(?:[ ,\]}]|$))[\w(/$^.~+-][^,\[\]{}#:\n]*?(?=[ ]*(?:[,\]}]|:[ ]|$))")
_FLOW_ALIAS = re.compile(r"\*[0-9A-Za-z_-]+(?=[ ,\]}]|$)")
#: A flow collection starting a value after an indicator, where no key was recognised.
_FLOW_START = re.compile(r"[:?,-][ ]*[\[{]")
_LINE_END = re.compile(r"(?:[ ]+#.*|[ ]*)$")
#: Most anchors the checks look at one by one.
_MOST_ANCHORS = 1000


def native_data(
    text: str,
    limit: int,
    expanded: int,
    *,
    searched: bool = False,
    census: Census | None = None,
) -> tuple[bool, Any]:
    """``(True, data)`` when yaml-rs read ``text`` as the event reader would, else
    ``(False, None)``: the event reader must read it (``limit``: the node limit in force,
    ``expanded``: the most characters the text may stand for with its aliases written out;
    ``searched``: the caller searched the text for :data:`DECLINED_CHARACTERS` and found none,
    so it is not searched again; ``census``: which characters the text holds, as the caller
    surveyed them, :mod:`.census`, else asked of the text)."""
    if yaml_rs is None or not text:
        return False, None
    if "\r" in text:  # line breaks written CR LF read as LF, as PyYAML reads them; a lone CR not
        if text.count("\r") != text.count("\r\n"):
            return False, None
        text = text.replace("\r\n", "\n")
        census = None
    if census is None:
        census = Census.of(text)
    bound = 3 * (census.count("\n") + 1) + 4 * (census.count("[") + census.count("{"))
    bound += 3 * census.count(",")
    # Every '- ' and '-\n' is a '-': only when counting each '-' is not enough are they counted.
    if bound + census.count("-") > limit and bound + text.count("- ") + text.count("-\n") > limit:
        return False, None
    # The first line, as if a line came before it, for the checks that start at a line break.
    first = "\n" + text[: text.find("\n") + 1 or len(text)]
    if not searched and _UNPRINTABLE.search(text):
        return False, None
    if any(
        found.search(first) or found.search(text)
        for found in (*_DIFFERENT, *_after(census, len(text)))
    ):
        return False, None
    if _has_long_line(text, _LONGEST_LINE):
        return False, None
    if not _flows_on_one_line(text, census) or not _block_scalars_hold_text(text, census):
        return False, None
    aliases = _repeated(text, expanded, census)
    if aliases is None or not _memory_allows(len(text)):
        return False, None
    try:
        data = yaml_rs.loads(
            text,
            parse_datetime=True,
            duplicate_key_policy=yaml_rs.DuplicateKeyPolicy.Error,
            alias_limits=yaml_rs.AliasLimits(
                max_total_replayed_events=aliases,
                max_replay_stack_depth=1,
                max_alias_expansions_per_anchor=aliases,
            ),
        )
    except (ValueError, TypeError, OverflowError, RecursionError, MemoryError):
        return False, None
    if data is None:  # an empty file: the event reader says so
        return False, None
    return True, data


class _Search(Protocol):
    def search(self, text: str, /) -> re.Match[str] | None: ...


def _after(census: Census, length: int) -> tuple[_Search, ...]:
    """The searches for what differs after one of the characters of
    :data:`_AFTER_ITS_CHARACTER` in the text of ``census`` (``length`` characters long): one
    for each such character it holds (the census finds one that is not there out first), each
    trying its pattern only where its character is when the text holds few of them
    (:class:`.census.Sparse`); or one search for all of them when it holds many kinds."""
    held = [char for char in _AFTER_ITS_CHARACTER if census.holds(char)]
    if len(held) > _MOST_APART:
        return (_AFTER_ANY,)
    return tuple(
        Sparse(_AFTER_EACH[char], char) if census.sparse(char, length) else _AFTER_EACH[char]
        for char in held
    )


#: Lines this long or longer are left to the event reader (PyYAML refuses an implicit key of
#: 1,024 characters).
_LONGEST_LINE = 1000


def _has_long_line(text: str, length: int) -> bool:
    """Whether a line of ``text`` (line breaks not counted) has ``length`` characters or more.

    Such a line holds a place that is a multiple of ``length`` (any ``length`` places in a row
    do), so only the line around each of those is measured, by two searches of at most
    ``length`` characters each: about a ``length``-th of the work of looking at every line."""
    for place in range(0, len(text), length):
        start = text.rfind("\n", max(0, place - length), place) + 1
        if start == 0 and place >= length:
            return True  # no line break in the ``length`` characters before
        end = text.find("\n", place, place + length)
        if end < 0:
            end = min(len(text), place + length)
        if end - start >= length:
            return True
    return False


def _flows_on_one_line(text: str, census: Census) -> bool:
    """Whether every line with a bracket or brace (quoted text left out) closes each one it
    opens, after opening it, with at most :data:`_MOST_OPEN` open at once, and a flow
    collection that starts a value holds only what PyYAML and yaml-rs read alike: lists of
    values and mappings of ``key: value`` pairs (see :func:`_flow`). One look at each such
    line, nothing else."""
    if not any(census.holds(bracket) for bracket in "[]{}"):
        return True  # quicker than a search for any of them
    end = -1
    for bracket in _BRACKET.finditer(text):
        if bracket.start() < end:
            continue  # on a line already looked at
        start = text.rfind("\n", 0, bracket.start()) + 1
        end = text.find("\n", bracket.start())
        end = len(text) if end < 0 else end
        line = text[start:end]
        depth = 0
        for char in _QUOTED.sub("", line).translate(_ONLY_BRACKETS):
            if char in "[{":
                depth += 1
                if depth > _MOST_OPEN:
                    return False
            elif char in "]}":
                depth -= 1
                if depth < 0:
                    return False
        if depth:
            return False
        value = _BEFORE_FLOW.match(line).end()  # type: ignore[union-attr]
        if line[value : value + 1] in ("[", "{"):
            after = _flow(line, value, 0)
            if after is None or not _LINE_END.match(line, after):
                return False
        elif _FLOW_START.search(line, value):
            return False  # a flow collection after a key this check does not read
    return True


def _block_scalars_hold_text(text: str, census: Census) -> bool:
    """Whether every block scalar (``|``, ``>``) has a line of text: yaml-rs reads an empty one
    as a line break, PyYAML as empty text. One look at each header."""
    if not census.holds("|") and not census.holds(">"):
        return True
    for header in _BLOCK_HEADER.finditer(text):
        start = text.rfind("\n", 0, header.start()) + 1
        marks = _MARKS.match(text, start).end()  # type: ignore[union-attr]
        # The text must be indented deeper than the key, or than the '-' of a bare list item.
        owner = marks - start - (2 if marks == header.start() else 0)
        content = _NEXT_CONTENT.match(text, header.end() + 1)
        if content is None or len(content.group(1)) <= owner:
            return False
    return True


def _flow(line: str, at: int, depth: int) -> int | None:
    """Where the flow node of ``line`` starting at ``at`` ends, if it is a list of such nodes,
    a mapping of ``key: node`` pairs, text (quoted, or plain as :data:`FLOW_PLAIN`) or an
    alias."""
    opening = line[at : at + 1]
    if opening not in ("[", "{"):
        found = (
            _FLOW_QUOTED.match(line, at)
            or FLOW_PLAIN.match(line, at)
            or _FLOW_ALIAS.match(line, at)
        )
        return found.end() if found else None
    if depth >= _MOST_OPEN:
        return None
    closing = "]" if opening == "[" else "}"
    at = _SPACES.match(line, at + 1).end()  # type: ignore[union-attr]
    while line[at : at + 1] != closing:
        if opening == "{":  # a key, ': ', then its value
            found = _FLOW_QUOTED.match(line, at) or FLOW_PLAIN.match(line, at)
            if found is None:
                return None
            at = _SPACES.match(line, found.end()).end()  # type: ignore[union-attr]
            if line[at : at + 2] != ": ":
                return None
            at = _SPACES.match(line, at + 2).end()  # type: ignore[union-attr]
        ended = _flow(line, at, depth + 1)
        if ended is None:
            return None
        at = _SPACES.match(line, ended).end()  # type: ignore[union-attr]
        if line[at : at + 1] == ",":
            at = _SPACES.match(line, at + 1).end()  # type: ignore[union-attr]
        elif line[at : at + 1] != closing:
            return None
    return at + 1


def _repeated(text: str, expanded: int, census: Census) -> int | None:
    """How many aliases the text has, when every anchor is on a scalar and the text with its
    aliases written out stays within ``expanded``; else None.

    An anchored scalar in block context ends before the next line that is not blank and not
    indented deeper than the anchor's line; its value is at most as long as the text up to
    there (folding and escapes only shorten it), which bounds what each alias repeats. The
    lines scanned for this add up to at most the text's length.
    """
    if not census.holds("&") and not census.holds("*"):
        return 0
    if text.startswith(("&", "*")):
        return None  # the searches below look at what comes before each
    aliases = [
        match.group(1) for match in _matches(_ALIAS, "*", text, census.sparse("*", len(text)))
    ]
    if not all(_NAME.fullmatch(name) for name in aliases):
        return None
    spans: dict[str, int] = {}
    scanned = 0
    anchors = _matches(ANCHOR, "&", text, census.sparse("&", len(text)))
    for count, match in enumerate(anchors):
        name, after = match.group(1), match.end()
        if count >= _MOST_ANCHORS or name in spans or not _NAME.fullmatch(name):
            return None
        value = text[after : after + 2]
        if value[:1] != " " or value.strip(" ")[:1] in ("", "\n", "#", "[", "{", "&", "!", "*"):
            return None  # perhaps a list or a mapping: the event reader reads it
        line = text[text.rfind("\n", 0, match.start()) + 1 : match.start()]
        depth = len(line) - len(line.lstrip(" "))
        room = len(text) - scanned
        found = _shallower(depth).search(text, after, after + room)
        end = found.start() if found else len(text)
        if found is None and after + room < len(text):
            return None
        spans[name] = end - after
        scanned += end - after
    if not set(aliases) <= set(spans):
        return None
    size = len(text) + sum(spans[name] for name in aliases)
    return len(aliases) if size <= expanded else None


def _matches(
    pattern: re.Pattern[str], char: str, text: str, sparse: bool
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, or where ``text`` holds few of ``char`` (``sparse``), the
    same matches found at its places alone (:func:`.census.scan`)."""
    return scan(pattern, char, text) if sparse else pattern.finditer(text)


#: Memory the native reader may need per character of the text (it takes about 12 bytes), and
#: on top of that, for its buffers.
_BYTES_PER_CHARACTER = 24
_BYTES_MARGIN = 64 * 1024 * 1024


def _memory_allows(length: int) -> bool:
    """Whether a process limit on memory (``RLIMIT_AS``, ``RLIMIT_DATA``) leaves room for the
    native reader to read ``length`` characters. yaml-rs aborts the process when an allocation
    fails, where Python raises MemoryError; so near a limit the event reader reads instead, and
    running out of memory stays an error, never a crash. Where the memory in use cannot be
    known under a limit, the event reader reads."""
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows: no such limits
        return True
    need = _BYTES_PER_CHARACTER * length + _BYTES_MARGIN
    used: list[int] | None = None
    for limit, field in ((resource.RLIMIT_AS, 0), (resource.RLIMIT_DATA, 5)):
        soft = resource.getrlimit(limit)[0]
        if soft == resource.RLIM_INFINITY:
            continue
        if used is None:
            try:
                with open("/proc/self/statm", encoding="ascii") as statm:
                    used = [int(part) * resource.getpagesize() for part in statm.read().split()]
            except (OSError, ValueError):
                return False
        if soft - used[field] < need:
            return False
    return True


_SHALLOWER: dict[int, re.Pattern[str]] = {}


def _shallower(depth: int) -> re.Pattern[str]:
    """The start of the next line that is not blank and indented ``depth`` spaces or fewer."""
    pattern = _SHALLOWER.get(depth)
    if pattern is None:
        pattern = _SHALLOWER[depth] = re.compile(rf"\n[ ]{{0,{depth}}}(?=[^ \n])")
    return pattern
