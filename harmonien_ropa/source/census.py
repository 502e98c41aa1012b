"""Which of a few characters a YAML text holds, and how many: found once for all the checks.

The native reader's checks (:mod:`.yamlnative`) ask of the whole text whether it holds a
character (a bracket, a quote, an anchor's ``&``, ...) and how many line breaks, hyphens,
commas and brackets it has. Each such question is a pass over the text in C (some 0.4 ms for a
character the text does not hold, 4–6 ms for a count, at 10,000 activities). A text of
characters up to U+00FF (Latin-1: most maps in Norwegian or English) is instead looked at
once, as Latin-1 bytes a chunk at a time, by the same translation that searches it for the
characters the readers treat specially (:func:`.yamlsource.parse`): the translation keeps only
the characters of :data:`COUNTED` (and any special one), a few per cent of the text, which
answers every question after it. Any other text is asked as before, character by character.
"""

from __future__ import annotations

#: The characters the native reader's checks look for or count in the whole text, each one
#: byte in Latin-1 (and no character the readers treat specially, :data:`.yamlsource._SPECIAL`).
COUNTED = "\n-[]{},?&*|>'\"<"
_COUNTED_BYTES = COUNTED.encode("latin-1")


class Census:
    """The characters of :data:`COUNTED` in a text, in order: what :meth:`holds` and
    :meth:`count` answer from (the text itself when it was not surveyed, see :meth:`of`)."""

    __slots__ = ("_held",)

    def __init__(self, held: str) -> None:
        self._held = held

    @classmethod
    def of(cls, text: str) -> Census:
        """A census that asks ``text`` itself (for a text not surveyed)."""
        return cls(text)

    @classmethod
    def surveyed(cls, kept: list[bytes]) -> Census:
        """The census of a text from the Latin-1 bytes a survey kept of it, chunk by chunk
        (:func:`keeping`): only the characters of :data:`COUNTED`, in order."""
        return cls(b"".join(kept).decode("latin-1"))

    def holds(self, char: str) -> bool:
        """Whether the text holds ``char`` (one of :data:`COUNTED` for a surveyed text)."""
        return char in self._held

    def count(self, char: str) -> int:
        """How many times ``char`` (one of :data:`COUNTED` for a surveyed text) occurs in the
        text: looked for first (a search that stops at the first is several times quicker
        than counting), counted only when it is there."""
        held = self._held
        return held.count(char) if char in held else 0


def keeping(ordinary: bytes) -> bytes:
    """The bytes a survey deletes from a chunk of Latin-1 text: the ``ordinary`` ones (those
    no reader treats specially) that are not in :data:`COUNTED`."""
    return bytes(code for code in ordinary if code not in _COUNTED_BYTES)


def only_counted(kept: bytes) -> bool:
    """Whether the bytes a survey kept of a chunk (:func:`keeping`) are all characters of
    :data:`COUNTED`: else the chunk holds a special character."""
    return not kept.translate(None, _COUNTED_BYTES)
