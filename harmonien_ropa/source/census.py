"""Which of a few characters a YAML text holds, and how many: found once for all the checks.

The native reader's checks (:mod:`.yamlnative`) ask of the whole text whether it holds a
character (a bracket, a quote, an anchor's ``&``, ...) and how many line breaks, hyphens,
commas and brackets it has. Each such question is a pass over the text in C (some 0.4 ms for a
character the text does not hold, 4–6 ms for a count, at 10,000 activities). The text is
instead looked at once, a chunk at a time, by the same translation that searches it for the characters the readers
treat specially (:func:`.yamlsource._survey`): as Latin-1 bytes (most maps in Norwegian or
English), it keeps only the characters of :data:`COUNTED` (and any special one); a chunk with a
character beyond U+00FF (a dash, a quotation mark), as UTF-8, those and the characters beyond
ASCII. That is a few per cent of the text, and it answers every question after it. A text with
a special character is asked as before, character by character.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

#: The characters the native reader's checks look for or count in the whole text, each one
#: byte in Latin-1 (and no character the readers treat specially, :data:`.yamlsource._SPECIAL`).
COUNTED = "\n-[]{},?&*|>'\"<"
_COUNTED_BYTES = COUNTED.encode("latin-1")


class Census:
    """The characters of :data:`COUNTED` in a text, in order: what :meth:`holds` and
    :meth:`count` answer from (the text itself when it was not surveyed, see :meth:`of`)."""

    __slots__ = ("_held", "_surveyed")

    def __init__(self, held: str, *, surveyed: bool = True) -> None:
        self._held, self._surveyed = held, surveyed

    @classmethod
    def of(cls, text: str) -> Census:
        """A census that asks ``text`` itself (for a text not surveyed)."""
        return cls(text, surveyed=False)

    @classmethod
    def surveyed(cls, kept: list[str]) -> Census:
        """The census of a text from what a survey kept of it, chunk by chunk (:func:`keeping`,
        :func:`keeping_wide`): the characters of :data:`COUNTED` in order, perhaps among
        characters beyond ASCII, which no question asks about."""
        return cls("".join(kept))

    def holds(self, char: str) -> bool:
        """Whether the text holds ``char`` (one of :data:`COUNTED` for a surveyed text)."""
        return char in self._held

    def count(self, char: str) -> int:
        """How many times ``char`` (one of :data:`COUNTED` for a surveyed text) occurs in the
        text: looked for first (a search that stops at the first is several times quicker
        than counting), counted only when it is there."""
        held = self._held
        return held.count(char) if char in held else 0

    def sparse(self, char: str, length: int) -> bool:
        """Whether the text, of ``length`` characters, holds ``char`` at most once in
        :data:`SPARSE` characters (so that :func:`scan` finds its places quicker than a
        search). Not asked of a text not surveyed: counting would cost more than it saves."""
        return self._surveyed and self.count(char) * SPARSE <= length


def keeping(ordinary: bytes) -> bytes:
    """The bytes a survey deletes from a chunk of Latin-1 text: the ``ordinary`` ones (those
    no reader treats specially) that are not in :data:`COUNTED`."""
    return bytes(code for code in ordinary if code not in _COUNTED_BYTES)


def keeping_wide(ordinary: bytes) -> bytes:
    """The bytes a survey deletes from a chunk of text encoded as UTF-8 (a chunk with a
    character beyond U+00FF): the ASCII ones of :func:`keeping`. What is left is UTF-8 still
    (a character beyond ASCII is written only with bytes beyond ASCII): the counted characters
    and every character beyond ASCII, a few per cent of a map in Norwegian or English, among
    which a special character is searched for."""
    return bytes(code for code in keeping(ordinary) if code < 0x80)


def only_counted(kept: bytes) -> bool:
    """Whether the bytes a survey kept of a chunk (:func:`keeping`) are all characters of
    :data:`COUNTED`: else the chunk holds a special character."""
    return not kept.translate(None, _COUNTED_BYTES)


#: A character the text holds at most once in this many characters is looked for by
#: :func:`scan` rather than by a regular expression's search: a search moves through the text
#: at about 0.25 ns a character, :func:`scan` takes about 0.3 µs a place (measured at 10,000
#: activities, 10.9 million characters).
SPARSE = 2000


class Sparse:
    """``pattern.search`` for a pattern whose every match starts with ``char``, by
    :func:`scan`: for a text that holds few of ``char``."""

    __slots__ = ("char", "pattern")

    def __init__(self, pattern: re.Pattern[str], char: str) -> None:
        self.pattern, self.char = pattern, char

    def search(self, text: str) -> re.Match[str] | None:
        for found in scan(self.pattern, self.char, text):
            return found
        return None


def scan(pattern: re.Pattern[str], char: str, text: str) -> Iterator[re.Match[str]]:
    """The matches ``pattern.finditer(text)`` gives, for a pattern whose every match starts
    with ``char`` and is not empty: ``pattern`` is tried only where ``text`` holds ``char``,
    each place found by ``str.find`` (a scan in C several times quicker than a regular
    expression's, which tries the pattern at every character a match could start with). A
    match's look-behind sees the text before the place, as the search's does."""
    find, match = text.find, pattern.match
    at = find(char)
    while at >= 0:
        found = match(text, at)
        if found is None:
            at = find(char, at + 1)
        else:
            yield found
            at = find(char, found.end())
