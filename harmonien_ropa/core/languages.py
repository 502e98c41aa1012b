"""The languages of the data map's texts, in a module of its own so the CLI can name them
without importing the model (``--help`` stays fast).

An organisation declares the languages it publishes in (``organisation.languages``); the first
is its default and gets the unsuffixed file names where an output has any. A map that declares
none publishes in :data:`DEFAULT_LANGUAGES`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

#: Languages every human-readable text can carry, in the order outputs list them (and in which
#: a text missing the reader's language falls back to another).
LANGUAGES: tuple[str, ...] = ("nb", "nn", "en")

#: The languages of a map that declares none.
DEFAULT_LANGUAGES: tuple[str, ...] = ("nb", "en")

#: Each language's name, in that language (for messages and the YAML reference).
LANGUAGE_NAMES: dict[str, str] = {
    "nb": "norsk bokmål",
    "nn": "norsk nynorsk",
    "en": "English",
}


class LanguageError(ValueError):
    """A language asked for that the map does not publish in (a usage error)."""


def choose(declared: Sequence[str], asked: Iterable[str] | None) -> tuple[str, ...]:
    """The languages of ``asked`` (all of ``declared`` when ``None``), each once, in the order
    asked; a language the map does not declare raises :class:`LanguageError`."""
    if asked is None:
        return tuple(declared)
    chosen = tuple(dict.fromkeys(asked))
    if not chosen:
        raise LanguageError(f"no language given; choose from {', '.join(declared)}")
    undeclared = [lang for lang in chosen if lang not in declared]
    if undeclared:
        known = [lang for lang in undeclared if lang in LANGUAGES]
        why = (
            "the data map does not publish in "
            if len(known) == len(undeclared)
            else "unknown language(s) "
        )
        hint = (
            "; add it to organisation.languages to publish in it"
            if len(known) == len(undeclared)
            else f" (known: {', '.join(LANGUAGES)})"
        )
        raise LanguageError(
            f"{why}{', '.join(undeclared)}; choose from {', '.join(declared)}{hint}"
        )
    return chosen
