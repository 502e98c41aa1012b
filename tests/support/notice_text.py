"""Reading rendered notices back as text: whole page, or one ``<section id=...>``."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from harmonien_ropa.model import DataMap
from harmonien_ropa.outputs import RenderOptions, render


def render_notice(datamap: DataMap, **options: object) -> dict[str, str]:
    """The notice's files by name, decoded."""
    result = render(datamap, ["notice"], RenderOptions(**options))  # type: ignore[arg-type]
    return {a.path: a.content.decode("utf-8") for a in result.artifacts}


class _Sections(HTMLParser):
    """Collects the text of the whole document and of every element with an id."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.open_ids: list[str] = []
        self.text: dict[str, list[str]] = {"": []}
        self.hrefs: dict[str, list[str]] = {"": []}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        ident = dict(attrs).get("id")
        if tag in ("br", "meta", "link", "img", "hr", "input"):
            return
        self.stack.append((tag, ident))
        if ident:
            self.open_ids.append(ident)
            self.text.setdefault(ident, [])
            self.hrefs.setdefault(ident, [])
        href = dict(attrs).get("href")
        if href:
            for key in ["", *self.open_ids]:
                self.hrefs[key].append(href)

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            open_tag, ident = self.stack.pop()
            if ident:
                self.open_ids.remove(ident)
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1][0] in ("style", "title"):
            return
        for key in ["", *self.open_ids]:
            self.text[key].append(data)


class Page:
    """Text and links of an HTML page, whole and per id."""

    def __init__(self, source: str) -> None:
        parser = _Sections()
        parser.feed(source)
        parser.close()
        self._text = {k: " ".join(" ".join(v).split()) for k, v in parser.text.items()}
        self._hrefs = parser.hrefs

    def text(self, ident: str = "") -> str:
        return self._text[ident]

    def hrefs(self, ident: str = "") -> list[str]:
        return self._hrefs[ident]

    def ids(self) -> set[str]:
        return set(self._text) - {""}


def norm(text: str) -> str:
    """Whitespace collapsed, as :class:`Page` gives it."""
    return " ".join(text.split())


def strip_tags(source: str) -> str:
    return norm(html.unescape(re.sub(r"<[^>]+>", " ", source)))
