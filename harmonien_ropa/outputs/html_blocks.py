"""The HTML the notice and record renderers make, read back as a plain sequence of blocks.

The Word documents are laid out from the same HTML as the pages (and so from the notice's view
and the record's tables, never decided again): headings, paragraphs, list items, definition
terms and descriptions, and tables whose cells hold paragraphs; each paragraph is a list of runs
(text with bold, italic, code, a highlight or a link). Only the markup those renderers write is
understood; anything else is read as its text. Navigation (the table of contents, the skip link)
is left out: its in-page links mean nothing on paper.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

_SPACE = re.compile(r"\s+")
#: Elements whose content is not part of the document.
_SKIPPED = frozenset({"head", "style", "script", "nav", "template"})
#: Elements that end the paragraph before them and start a new one.
_BLOCKS = frozenset(
    {"p", "li", "dt", "dd", "caption", "h1", "h2", "h3", "h4", "h5", "h6", "div", "header"}
    | {"footer", "section", "article", "main", "ul", "ol", "dl", "br"}
)
_VOID = frozenset({"br", "meta", "link", "img", "hr", "input"})


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of text with one formatting."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    highlight: bool = False
    href: str | None = None


@dataclass(slots=True)
class Paragraph:
    """A block of text: ``kind`` is ``p``, ``h1``…``h6``, ``li``, ``dt``, ``dd`` or ``caption``;
    ``depth`` is the list nesting of a list item, ``ordered`` whether its list is numbered."""

    kind: str
    runs: list[Run] = field(default_factory=list)
    depth: int = 0
    ordered: bool = False

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass(slots=True)
class Cell:
    header: bool
    paragraphs: list[Paragraph] = field(default_factory=list)


@dataclass(slots=True)
class Table:
    caption: Paragraph | None = None
    rows: list[list[Cell]] = field(default_factory=list)

    @property
    def columns(self) -> int:
        return max((len(row) for row in self.rows), default=0)


Block = Paragraph | Table


@dataclass(slots=True)
class _Style:
    bold: int = 0
    italic: int = 0
    code: int = 0
    highlight: int = 0
    links: list[str | None] = field(default_factory=list)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.skip = 0
        self.style = _Style()
        self.lists: list[bool] = []  # ordered?
        self.kind = ["p"]
        self.current: Paragraph | None = None
        self.table: Table | None = None
        self.cell: Cell | None = None
        self.tables: list[tuple[Table | None, Cell | None]] = []
        self.inline_stack: list[str] = []

    # Paragraphs ---------------------------------------------------------------------------

    def _close(self) -> None:
        paragraph = self.current
        self.current = None
        if paragraph is None:
            return
        runs = _tidy(paragraph.runs)
        if not runs:
            return
        paragraph.runs = runs
        if self.cell is not None:
            self.cell.paragraphs.append(paragraph)
        elif self.table is not None and paragraph.kind == "caption":
            self.table.caption = paragraph
        elif self.table is None:
            self.blocks.append(paragraph)

    def _open(self, kind: str) -> None:
        self._close()
        depth = max(len(self.lists) - 1, 0)
        ordered = bool(self.lists) and self.lists[-1]
        self.current = Paragraph(kind, depth=depth, ordered=ordered)

    def _text(self, text: str) -> None:
        if self.skip or not text:
            return
        if self.current is None:
            if not text.strip():
                return
            self._open(self.kind[-1])
        assert self.current is not None
        s = self.style
        self.current.runs.append(
            Run(
                text,
                bold=s.bold > 0 or self.current.kind.startswith("h") or self.current.kind == "dt",
                italic=s.italic > 0,
                code=s.code > 0,
                highlight=s.highlight > 0,
                href=next((link for link in reversed(s.links) if link), None),
            )
        )

    # Parser events ------------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if self.skip or tag in _SKIPPED or "skip" in classes:
            if tag not in _VOID:
                self.skip += 1
            return
        if tag in ("ul", "ol"):
            self._close()
            self.lists.append(tag == "ol")
        elif tag == "table":
            self._close()
            self.tables.append((self.table, self.cell))
            self.table, self.cell = Table(), None
        elif tag == "tr" and self.table is not None:
            self._close()
            self.table.rows.append([])
        elif tag in ("td", "th") and self.table is not None:
            self._close()
            if not self.table.rows:
                self.table.rows.append([])
            self.cell = Cell(header=tag == "th")
            self.table.rows[-1].append(self.cell)
        elif tag in _BLOCKS:
            if tag == "br":
                self._close()
                return
            kind = tag if tag in ("li", "dt", "dd", "caption") or tag[0] == "h" else "p"
            if tag not in ("ul", "ol", "dl", "section", "article", "main", "header", "footer"):
                self._open(kind)
            self.kind.append(kind)
        self._inline(tag, classes, attributes, +1)

    def handle_endtag(self, tag: str) -> None:
        if self.skip:
            if tag not in _VOID:
                self.skip -= 1
            return
        self._inline(tag, [], {}, -1)
        if tag in ("ul", "ol"):
            self._close()
            if self.lists:
                self.lists.pop()
        elif tag in ("td", "th"):
            self._close()
            self.cell = None
        elif tag == "table" and self.table is not None:
            self._close()
            table = self.table
            self.table, self.cell = self.tables.pop()
            table.rows = [row for row in table.rows if row]
            if self.table is None:
                self.blocks.append(table)
            elif self.cell is not None:  # a table inside a cell: its text, row by row
                for row in table.rows:
                    runs = [
                        run for cell in row for p in cell.paragraphs for run in [*p.runs, Run(" ")]
                    ]
                    self.cell.paragraphs.append(Paragraph("p", _tidy(runs)))
        elif tag in _BLOCKS and tag != "br":
            self._close()
            if len(self.kind) > 1:
                self.kind.pop()

    def _inline(
        self, tag: str, classes: list[str], attributes: dict[str, str | None], step: int
    ) -> None:
        s = self.style
        if tag in ("strong", "b", "th"):
            s.bold += step
        elif tag in ("em", "i", "cite"):
            s.italic += step
        elif tag == "code":
            s.code += step
        elif tag == "mark":
            s.highlight += step
        elif tag == "a":
            if step > 0:
                href = attributes.get("href") or None
                s.links.append(href if href and not href.startswith("#") else None)
            elif s.links:
                s.links.pop()
        elif tag == "span":
            if step > 0:
                provisional = "provisional" in classes
                self.inline_stack.append("provisional" if provisional else "")
                s.italic += provisional
                s.highlight += provisional
            elif self.inline_stack and self.inline_stack.pop():
                s.italic -= 1
                s.highlight -= 1

    def handle_data(self, data: str) -> None:
        self._text(_SPACE.sub(" ", data))


def _tidy(runs: list[Run]) -> list[Run]:
    """Runs with collapsed spaces, none at the start or end of the paragraph, none empty."""
    out: list[Run] = []
    for run in runs:
        text = run.text
        if out and out[-1].text.endswith(" ") and text.startswith(" "):
            text = text[1:]
        if not out and text.startswith(" "):
            text = text.lstrip(" ")
        if not text:
            continue
        if out and _same_format(out[-1], run):
            out[-1] = _with_text(out[-1], out[-1].text + text)
        else:
            out.append(_with_text(run, text))
    if out:
        out[-1] = _with_text(out[-1], out[-1].text.rstrip(" "))
        if not out[-1].text:
            out.pop()
    return out


def _same_format(a: Run, b: Run) -> bool:
    return (a.bold, a.italic, a.code, a.highlight, a.href) == (
        b.bold,
        b.italic,
        b.code,
        b.highlight,
        b.href,
    )


def _with_text(run: Run, text: str) -> Run:
    return Run(text, run.bold, run.italic, run.code, run.highlight, run.href)


def blocks(html: str) -> list[Block]:
    """The document in ``html`` as blocks, in reading order."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    reader._close()
    return reader.blocks
