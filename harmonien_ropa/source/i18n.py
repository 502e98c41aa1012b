"""Translated interface strings (headings, labels, fixed sentences) for every output.

Strings live in YAML tables under ``templates/i18n/<domain>.yaml``, one table per output
(``notice``, ``record``, ``graph``, ...), each key giving the text in every language::

    rights_heading:
      nb: Dine rettigheter
      nn: Rettane dine
      en: Your rights

Every key has every language of :data:`harmonien_ropa.core.languages.LANGUAGES` (bokmål, nynorsk,
English); adding a language means adding it there and a line to every key. :func:`strings`
refuses a table with a missing translation, so nothing half-translated is ever rendered.

The tables ship with the package, never come from a user, and are read by yaml-rs directly
(:func:`_read`; about 5 ms less of a fresh ``render`` than PyYAML's events): the native reader's
gate (:mod:`.yamlnative`), which proves for any text that yaml-rs reads it as the event reader
does, refuses them for characters inside their quoted texts (``: {``), so
``tests/test_i18n_tables.py`` proves it for every table instead. A table yaml-rs refuses (a key
written twice, say) is read again by the event reader, which says what is wrong and where.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from types import MappingProxyType
from typing import Any

from ..core.errors import RenderError
from ..model.base import LANGUAGES
from .resources import templates_dir
from .yamlbase import YamlError
from .yamlsource import parse


@cache
def _table(domain: str) -> dict[str, dict[str, str]]:
    path = templates_dir() / "i18n" / f"{domain}.yaml"
    try:
        raw = _read(path.read_text(encoding="utf-8"), str(path))
    except OSError as exc:
        raise RenderError(f"string table '{path}' cannot be read: {exc.strerror}") from None
    except YamlError as exc:  # a key written twice, say: one of the texts would be lost
        raise RenderError(f"string table: {exc.diagnostics[0].format()}") from None
    if not isinstance(raw, dict):
        raise RenderError(f"string table '{path}' must be a mapping of keys")
    table: dict[str, dict[str, str]] = {}
    for key, texts in raw.items():
        if not isinstance(texts, dict):
            raise RenderError(f"string '{key}' in '{path}' must map languages to text")
        missing = [lang for lang in LANGUAGES if not isinstance(texts.get(lang), str)]
        if missing:
            raise RenderError(f"string '{key}' in '{path}' lacks {', '.join(missing)}")
        table[str(key)] = {lang: texts[lang] for lang in LANGUAGES}
    return table


def _read(text: str, path: str) -> Any:
    """The data of the table ``text`` (the file ``path``): read by yaml-rs, and by the event
    reader when yaml-rs refuses it or is not installed (raising :class:`YamlError`)."""
    try:
        import yaml_rs
    except ImportError:  # pragma: no cover - a platform without a yaml-rs wheel
        return parse(text, path, positions=False).data
    try:
        return yaml_rs.loads(
            text, parse_datetime=False, duplicate_key_policy=yaml_rs.DuplicateKeyPolicy.Error
        )
    except (ValueError, TypeError, OverflowError, RecursionError):
        pass  # the event reader says what is wrong, at its line and column
    return parse(text, path, positions=False).data


def strings(domain: str, lang: str) -> Mapping[str, str]:
    """All strings of ``domain`` in ``lang`` (read-only; a missing key raises KeyError)."""
    if lang not in LANGUAGES:
        raise RenderError(f"unknown language '{lang}'; choose from {', '.join(LANGUAGES)}")
    return MappingProxyType({key: texts[lang] for key, texts in _table(domain).items()})
