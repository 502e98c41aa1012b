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
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from types import MappingProxyType

from ..core.errors import RenderError
from ..model.base import LANGUAGES
from .resources import templates_dir
from .yamlbase import YamlError
from .yamlsource import parse


@cache
def _table(domain: str) -> dict[str, dict[str, str]]:
    path = templates_dir() / "i18n" / f"{domain}.yaml"
    try:
        raw = parse(path.read_text(encoding="utf-8"), str(path), positions=False).data
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


def strings(domain: str, lang: str) -> Mapping[str, str]:
    """All strings of ``domain`` in ``lang`` (read-only; a missing key raises KeyError)."""
    if lang not in LANGUAGES:
        raise RenderError(f"unknown language '{lang}'; choose from {', '.join(LANGUAGES)}")
    return MappingProxyType({key: texts[lang] for key, texts in _table(domain).items()})
