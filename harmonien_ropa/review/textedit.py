"""Write answers into the map's text so that only the answered values and their notes change.

Dumping a whole round-trip tree again (ruamel.yaml's ``load`` then ``dump``) lays out anew what
its writer cannot reproduce: a long line folded at another width, a flow list with other
spacing, one list indented differently from the rest, extra spaces after a colon. So the text
is not dumped again: ruamel.yaml composes it into nodes that know where each value begins and
ends, and each edit replaces just those characters:

- a corrected value: the characters of its scalar, written as ruamel.yaml writes that scalar
  (keeping single or double quotes where the old value had them);
- a value the map left out: a ``field: value`` line before its ``assumptions:``, indented as it;
- a settled assumption: the lines of its note under ``assumptions:`` (with a comment at the end
  of its last line), or the whole ``assumptions:`` block once its last note goes.

Every other byte of the file stays as it was. :func:`edit` then parses the result and checks
that it holds exactly the expected data (the old data with the answers written in and the notes
removed); anything the text edits cannot express safely (a value behind an alias or a tag, an
entry written in flow style) raises :class:`EditError` instead, and nothing is written.
"""

from __future__ import annotations

import bisect
import copy
import io
import itertools
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

Loc = tuple[str | int, ...]


class EditError(ValueError):
    """An answer that cannot be written into the text without touching other lines."""


@dataclass(frozen=True, slots=True)
class Settled:
    """One settled assumption: the value at ``path`` confirmed (``replace`` false) or replaced
    by ``value``."""

    path: Loc
    value: Any = None
    replace: bool = False


@dataclass(frozen=True, slots=True)
class _Splice:
    start: int
    end: int
    text: str


def edit(text: str, settled: Iterable[Settled], data: Any) -> str:
    """``text`` with ``settled`` written in; ``data`` is ``text`` as plain parsed YAML."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    by_owner: dict[Loc, list[Settled]] = {}
    for item in settled:
        by_owner.setdefault(item.path[:-1], []).append(item)
    if not by_owner:
        return text
    try:
        root = YAML(typ="rt").compose(text)
    except YAMLError as error:  # the project's reader took it: a construct ruamel.yaml lacks
        raise EditError(f"ruamel.yaml cannot read the map ({error})") from None
    splices: list[_Splice] = []
    for owner_path, items in by_owner.items():
        splices += _owner_splices(text, root, owner_path, items)
    splices += _moved_anchors(text, [s for s in splices if s.end > s.start])
    splices.sort(key=lambda s: (s.start, s.end))
    for before, after in itertools.pairwise(splices):
        if before.end > after.start:
            raise EditError(f"two answers touch the same lines ({_line(text, after.start)})")
    pieces: list[str] = []
    position = 0
    for splice in splices:  # one pass: the work grows with the file, not with the answers
        pieces += [text[position : splice.start], splice.text]
        position = splice.end
    out = "".join([*pieces, text[position:]])
    try:
        expected = settled_data(data, by_owner)
    except (KeyError, IndexError, TypeError):  # the plain data is not shaped as the model
        raise EditError("the answered entries are not where the map's text has them") from None
    _verify(out, expected)
    return out


def settled_data(data: Any, by_owner: Mapping[Loc, list[Settled]]) -> Any:
    """``data`` as it should read once ``by_owner``'s answers are written in."""
    expected = copy.deepcopy(data)
    for owner_path, items in by_owner.items():
        owner = expected
        for part in owner_path:
            owner = owner[part]
        for item in items:
            field = item.path[-1]
            if item.replace:
                owner[field] = item.value
            del owner["assumptions"][field]
        if not owner["assumptions"]:
            del owner["assumptions"]
    return expected


def _verify(new_text: str, expected: Any) -> None:
    from ..source.yamlbase import YamlError
    from ..source.yamlsource import parse

    try:
        found = parse(new_text, "map", positions=False).data
    except YamlError as error:
        raise EditError(f"the edited text does not read back ({error.diagnostics[0].message})") from None  # fmt: skip
    if _canonical(found) != _canonical(expected):
        raise EditError("the edited text does not read back as the answers say")


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def _line(text: str, index: int) -> str:
    return f"line {text.count(chr(10), 0, index) + 1}"


def _pairs(node: Any) -> list[tuple[Any, Any]]:
    from ruamel.yaml.nodes import MappingNode

    if not isinstance(node, MappingNode):
        return []
    return list(node.value)


def _child(node: Any, part: str | int) -> Any:
    from ruamel.yaml.nodes import SequenceNode

    if isinstance(part, int):
        if isinstance(node, SequenceNode) and 0 <= part < len(node.value):
            return node.value[part]
        return None
    return next((v for k, v in _pairs(node) if _key(k) == part), None)


def _key(node: Any) -> Any:
    from ruamel.yaml.nodes import ScalarNode

    return node.value if isinstance(node, ScalarNode) else None


def _find(root: Any, path: Loc) -> Any:
    node = root
    for part in path:
        node = _child(node, part)
        if node is None:
            raise EditError("the entry is no longer where the workbook says")
    return node


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def _line_end(text: str, index: int) -> int:
    """The index after the newline that ends the line holding ``index`` (or the text's end)."""
    end = text.find("\n", index)
    return len(text) if end < 0 else end + 1


def _end(text: str, key: Any, node: Any) -> int:
    """Where the value ``node`` of ``key`` ends in the text (a block scalar's marks run on over
    blank lines; an alias's node is where its anchor is: the alias itself ends after its name)."""
    start: int = node.start_mark.index
    end: int = node.end_mark.index
    if start < key.end_mark.index:
        alias = _ALIAS.match(text, key.end_mark.index)
        if alias is None:
            raise EditError(f"{_key(key)}: its value cannot be found ({_line(text, start)})")
        return alias.end()
    return start + len(text[start:end].rstrip())


#: ``: *name`` after a key whose value is an alias.
_ALIAS = re.compile(r"[ \t]*:[ \t]*\*[^\s,\[\]{}]+")


def _alone(text: str, index: int) -> bool:
    """Whether only indentation precedes ``index`` on its line."""
    return not text[_line_start(text, index) : index].strip()


def _rest_is_comment(text: str, index: int) -> bool:
    rest = text[index : _line_end(text, index)].strip()
    return not rest or rest.startswith("#")


def _lines(text: str, key: Any, value: Any) -> tuple[int, int]:
    """The whole lines of ``key: value`` in block style, with a comment at the end."""
    start, end = key.start_mark.index, _end(text, key, value)
    if not (_alone(text, start) and _rest_is_comment(text, end)):
        raise EditError(f"{_key(key)} shares its line with other entries ({_line(text, start)})")
    return _line_start(text, start), _line_end(text, end)


def _owner_splices(text: str, root: Any, owner_path: Loc, items: list[Settled]) -> list[_Splice]:
    owner = _find(root, owner_path)
    pairs = _pairs(owner)
    if not pairs or owner.flow_style:
        raise EditError("the entry is written in flow style ({...}); change it in the map by hand")
    notes_key, notes = next(((k, v) for k, v in pairs if _key(k) == "assumptions"), (None, None))
    if notes_key is None or notes is None or not _pairs(notes):
        raise EditError("the entry has no assumptions to settle")
    indent = notes_key.start_mark.column
    eol = "\r\n" if "\r\n" in text else "\n"  # new lines end as the file's do
    splices: list[_Splice] = []
    inserted: list[str] = []
    for item in items:
        field = item.path[-1]
        if not item.replace:
            continue
        key = next((k for k, _ in pairs if _key(k) == field), None)
        if key is None:
            inserted.append(f"{field}: {_scalar(item.value, None)}")
        else:
            splices.append(_value_splice(text, key, _child(owner, field), item.value))
    settled = {str(item.path[-1]) for item in items}
    entries = _pairs(notes)
    if {_key(k) for k, _ in entries} <= settled:  # the last notes go: the whole block goes
        start, end = _block(text, owner, notes_key, notes)
        if start == notes_key.start_mark.index:  # from the key on: each line ends indented
            splices.append(
                _Splice(start, end, "".join(f"{i}{eol}{' ' * indent}" for i in inserted))
            )
        else:  # whole lines
            splices.append(
                _Splice(start, end, "".join(f"{' ' * indent}{i}{eol}" for i in inserted))
            )
        return splices
    if inserted:
        at = notes_key.start_mark.index
        splices.append(_Splice(at, at, "".join(f"{i}{eol}{' ' * indent}" for i in inserted)))
    if notes.flow_style:  # assumptions: {a: ..., b: ...}: write the notes that stay
        kept = [
            text[k.start_mark.index : _end(text, k, v)]
            for k, v in entries
            if _key(k) not in settled
        ]
        splices.append(
            _Splice(
                notes.start_mark.index, _end(text, notes_key, notes), "{" + ", ".join(kept) + "}"
            )
        )
        return splices
    for key, note in entries:
        if _key(key) in settled:
            start, end = _lines(text, key, note)
            splices.append(_Splice(start, end, ""))
    return splices


def _block(text: str, owner: Any, notes_key: Any, notes: Any) -> tuple[int, int]:
    """What to delete for the whole ``assumptions:`` entry of ``owner``."""
    start = notes_key.start_mark.index
    if _alone(text, start):
        return _lines(text, notes_key, notes)
    # ``- assumptions:`` opens a list item: delete up to the next key, which takes the dash.
    keys = [k for k, _ in _pairs(owner)]
    following = keys[keys.index(notes_key) + 1 :]
    if not following:
        raise EditError(f"the entry holds nothing but its assumptions ({_line(text, start)})")
    return start, following[0].start_mark.index


def _moved_anchors(text: str, removed: list[_Splice]) -> list[_Splice]:
    """Where removed text defines an anchor (``&guarantees``) that is used after it, the first
    use (``*guarantees``) left standing takes the definition: written as it stood when the two
    lines are indented alike, else as a one-line value."""
    from ruamel.yaml import YAML
    from ruamel.yaml.events import AliasEvent

    spans = sorted((s.start, s.end) for s in removed)
    starts = [start for start, _ in spans]

    def gone(index: int) -> bool:
        at = bisect.bisect_right(starts, index) - 1
        return at >= 0 and index < spans[at][1]

    if not any("&" in text[start:end] for start, end in spans):
        return []
    events = list(YAML(typ="rt").parse(text))
    uses: dict[str, list[int]] = {}  # anchor → the events naming it, in order
    for number, event in enumerate(events):
        if getattr(event, "anchor", None):
            uses.setdefault(event.anchor, []).append(number)
    moved: list[_Splice] = []
    for anchor, numbers in uses.items():
        for at, number in enumerate(numbers):
            event = events[number]
            if isinstance(event, AliasEvent) or not gone(event.start_mark.index):
                continue
            for later in (events[n] for n in numbers[at + 1 :]):
                if not isinstance(later, AliasEvent):
                    break  # defined anew: the uses after this one are its own
                if not gone(later.start_mark.index):
                    moved.append(_moved(text, event, later, anchor))
                    break
    return moved


def _moved(text: str, event: Any, use: Any, anchor: str) -> _Splice:
    """The alias ``use`` replaced by the definition of ``anchor`` that ``event`` carried."""
    from ruamel.yaml.events import ScalarEvent

    if not isinstance(event, ScalarEvent):
        raise EditError(f"a removed note defines &{anchor}, used again later; move it by hand")
    start = event.start_mark.index
    end = start + len(text[start : event.end_mark.index].rstrip())
    at, rest = use.start_mark.index, use.end_mark.index
    if "\n" not in text[start:end] or (
        not text[rest : _line_end(text, rest)].strip() and _indent(text, start) == _indent(text, at)
    ):
        definition = text[start:end]
    else:
        style = event.style if event.style in ("'", '"') else None
        definition = f"&{anchor} {_scalar(event.value, style)}"
    return _Splice(at, rest, definition)


def _indent(text: str, index: int) -> int:
    line = text[_line_start(text, index) : index]
    return len(line) - len(line.lstrip(" "))


def _value_splice(text: str, key: Any, node: Any, value: Any) -> _Splice:
    from ruamel.yaml.nodes import ScalarNode

    if not isinstance(node, ScalarNode) or node.anchor is not None:
        raise EditError("the value is not a single plain value in the map; change it by hand")
    start = node.start_mark.index
    end = _end(text, key, node)
    written = text[start:end]
    if not written:  # ``field:`` with nothing after it: the value goes after the colon
        colon = text.index(":", key.end_mark.index) + 1
        return _Splice(colon, colon, " " + _scalar(value, None))
    if written.startswith("!"):
        raise EditError("the value carries a YAML tag; change it in the map by hand")
    style = node.style if node.style in ("'", '"') else None
    return _Splice(start, end, _scalar(value, style))


def _scalar(value: Any, style: str | None) -> str:
    """``value`` as ruamel.yaml writes it after ``key: `` (on one line; quoted with ``style``
    where given for a text), checked to read back as the same value."""
    from ruamel.yaml import YAML
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

    def dump(item: Any) -> str:
        yaml = YAML(typ="rt")
        yaml.width = 1_000_000
        out = io.StringIO()
        yaml.dump({"k": item}, out)
        written = out.getvalue()
        if not written.startswith("k: ") or written.count("\n") != 1:
            return ""
        return written[3:].rstrip("\n")

    candidates: list[Any] = []
    if isinstance(value, str):
        if style == "'":
            candidates.append(SingleQuotedScalarString(value))
        elif style == '"':
            candidates.append(DoubleQuotedScalarString(value))
        candidates += [value, DoubleQuotedScalarString(value)]
    else:
        candidates.append(value)
    for candidate in candidates:
        written = dump(candidate)
        if written and _reads_as(written, value):
            return written
    raise EditError(f"'{value}' cannot be written on one line of YAML; change it by hand")


def _reads_as(written: str, value: Any) -> bool:
    from ..source.yamlbase import YamlError
    from ..source.yamlsource import parse

    try:
        found = parse(f"k: {written}\n", "value", positions=False).data
    except YamlError:
        return False
    return isinstance(found, dict) and _canonical(found.get("k")) == _canonical(value)
