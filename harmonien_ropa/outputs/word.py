"""Word documents of the notice and the record: ``notice.<lang>.docx`` and ``record.<lang>.docx``.

Made with python-docx from the pages the notice and record renderers make
(:mod:`harmonien_ropa.render.documents`), read back as headings, paragraphs, lists and tables
(:mod:`harmonien_ropa.render.html_blocks`): for a board to approve and a lawyer to mark up with
tracked changes. The notice is A4 portrait, the record A4 landscape. The files are byte-identical
for the same map: the document's dates are the map's effective dates and every ZIP member has
the same fixed timestamp. Not part of the default render (``render --only docx``).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from typing import Any

from ..model.base import in_language
from ..model.datamap import DataMap
from . import RenderOptions, RenderResult
from .documents import Page, pages
from .html_blocks import Block, Paragraph, Run, Table, blocks
from .staging import Artifact

#: Word's language tags for the map's languages.
_WORD_LANG = {"nb": "nb-NO", "nn": "nn-NO", "en": "en-GB"}
#: Every member of the ZIP container gets this timestamp (ZIP's earliest), so the bytes depend
#: on the content alone.
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
#: Characters XML 1.0 cannot hold (Word would refuse the file): shown as U+FFFD.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
#: Word's limit for a document property (title, author).
_PROPERTY_LIMIT = 255


def _xml(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _property(text: str) -> str:
    text = _xml(text)
    return text if len(text) <= _PROPERTY_LIMIT else text[: _PROPERTY_LIMIT - 1] + "…"


def render(datamap: DataMap, options: RenderOptions) -> RenderResult:
    """The notice and the record as Word documents, in every language of ``options``."""
    result = RenderResult()
    author = in_language(datamap.organisation.name, datamap.languages[0])
    for page in pages(datamap, options):
        result.add(Artifact(f"{page.name}.{page.lang}.docx", document(page, author)), options)
    return result


def document(page: Page, author: str) -> bytes:
    """``page`` as a .docx file."""
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    doc = docx.Document()
    section = doc.sections[0]
    width, height = Mm(210), Mm(297)
    if page.landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        width, height = height, width
    section.page_width, section.page_height = width, height
    margin = Mm(15) if page.landscape else Mm(20)
    section.left_margin = section.right_margin = margin
    section.top_margin = section.bottom_margin = margin
    _language(doc, _WORD_LANG.get(page.lang, page.lang))
    moment = dt.datetime.combine(page.date, dt.time(), tzinfo=dt.UTC)
    properties = doc.core_properties
    properties.title = _property(page.title)
    properties.author = _property(author)
    properties.last_modified_by = _property(author)
    properties.created = moment
    properties.modified = moment
    properties.last_printed = moment
    properties.revision = 1
    properties.language = _WORD_LANG.get(page.lang, page.lang)
    properties.comments = ""
    for block in blocks(page.html):
        if isinstance(block, Table):
            _table(doc, block)
        else:
            _paragraph(doc, block)
    out = io.BytesIO()
    doc.save(out)
    return _fixed_zip(out.getvalue())


def _language(doc: Any, tag: str) -> None:
    """Spelling and hyphenation in the page's language for every style based on Normal."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rpr = doc.styles["Normal"].element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), tag)
    rpr.append(lang)


def _paragraph(doc: Any, block: Paragraph, container: Any = None, *, first: bool = False) -> None:
    from docx.shared import Mm

    target = container if container is not None else doc
    kind = block.kind
    if kind[0] == "h" and kind[1:].isdigit() and container is None:
        paragraph = doc.add_heading("", level=min(int(kind[1:]) - 1, 9))
    elif kind == "li" and container is None:
        style = "List Number" if block.ordered else "List Bullet"
        paragraph = doc.add_paragraph(style=style if block.depth == 0 else f"{style} 2")
    elif first:
        paragraph = container.paragraphs[0]
    else:
        paragraph = target.add_paragraph()
    if kind == "li" and container is not None:
        paragraph.add_run("• ")  # a list inside a table cell: Word's list styles do not fit
    if kind == "dt":
        paragraph.paragraph_format.keep_with_next = True
        paragraph.paragraph_format.space_after = Mm(0.5)
    elif kind == "dd":
        paragraph.paragraph_format.left_indent = Mm(6)
    elif kind == "caption" and container is None:
        paragraph.style = doc.styles["Caption"]
    for run in block.runs:
        _run(paragraph, run)


def _run(paragraph: Any, run: Run) -> None:
    from docx.enum.text import WD_COLOR_INDEX

    if run.href is not None:
        _hyperlink(paragraph, run)
        return
    made = paragraph.add_run(_xml(run.text))
    made.bold = run.bold or None
    made.italic = run.italic or None
    if run.code:
        made.font.name = "Courier New"
    if run.highlight:
        made.font.highlight_color = WD_COLOR_INDEX.YELLOW


def _hyperlink(paragraph: Any, run: Run) -> None:
    """A link Word opens on Ctrl+click (python-docx has no API for one: built from its XML)."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    assert run.href is not None
    rel_id = paragraph.part.relate_to(run.href, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    made = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    properties.append(style)
    for flag, on in (("w:b", run.bold), ("w:i", run.italic)):
        if on:
            properties.append(OxmlElement(flag))
    colour = OxmlElement("w:color")
    colour.set(qn("w:val"), "0B5394")
    properties.append(colour)
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    properties.append(underline)
    made.append(properties)
    text = OxmlElement("w:t")
    text.set(qn("xml:space"), "preserve")
    text.text = _xml(run.text)
    made.append(text)
    link.append(made)
    paragraph._p.append(link)


def _table(doc: Any, table: Table) -> None:
    if table.caption is not None:
        caption = Paragraph("caption", table.caption.runs)
        _paragraph(doc, caption)
    columns = table.columns
    if not columns:
        return
    made = doc.add_table(rows=len(table.rows), cols=columns)
    made.style = doc.styles["Table Grid"]
    for row, cells in zip(made.rows, table.rows, strict=True):
        targets = row.cells
        for target, cell in zip(targets, cells, strict=False):
            for index, paragraph in enumerate(cell.paragraphs):
                shown = _bold(paragraph) if cell.header else paragraph
                _paragraph(doc, shown, target, first=index == 0)
    doc.add_paragraph()


def _bold(paragraph: Paragraph) -> Paragraph:
    """A header cell's paragraph: every run bold."""
    runs = [Run(r.text, True, r.italic, r.code, r.highlight, r.href) for r in paragraph.runs]
    return Paragraph(paragraph.kind, runs, paragraph.depth, paragraph.ordered)


def _fixed_zip(data: bytes) -> bytes:
    """The same ZIP with every member's timestamp and attributes fixed, in the same order."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for member in source.infolist():
            info = zipfile.ZipInfo(member.filename, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(member.filename))
    return out.getvalue()


__all__ = ["Block", "document", "render"]
