"""PDF documents of the notice and the record: ``notice.<lang>.pdf`` and ``record.<lang>.pdf``.

WeasyPrint lays out the same HTML pages the notice and record renderers make
(:mod:`harmonien_ropa.outputs.documents`) with a print stylesheet: A4, the record turned to
landscape with a lean print stylesheet of its own (:mod:`.pdf_styles`), every text in DejaVu
(installed by the set-up as Debian's ``fonts-dejavu-core``, and embedded as a subset, so the
text can be searched and copied). For archiving and case handling.

The files are byte-identical for the same map: the document's dates are the map's effective
dates (never the clock), its identifier is derived from its content, and the pages name no file
or folder of the machine. Not part of the default render (``render --only pdf``); without
WeasyPrint or the system libraries it needs, the renderer says what to install and makes
nothing, as the graph does without Graphviz.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
from collections.abc import Iterator
from typing import Any

from ..model.base import in_language
from ..model.datamap import DataMap
from . import RenderOptions, RenderResult
from .documents import Page, pages
from .pdf_styles import RECORD_CSS, without_screen_style
from .staging import Artifact

INSTALL_HINT = (
    "pdf: skipped, WeasyPrint cannot run here ({reason}); install it with "
    "`pip install 'harmonien-ropa[pdf]'` and its libraries and font (Debian/Ubuntu: "
    "sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 "
    "fonts-dejavu-core), or run scripts/setup.sh"
)

#: The print stylesheet laid over each page's own: paper, margins and the one font family.
PRINT_CSS = """
@page { size: A4; margin: 18mm 16mm 20mm; }
@page { @bottom-right { content: counter(page) " / " counter(pages);
  font: 8pt "DejaVu Sans", sans-serif; color: #555; } }
html, body, code, pre, kbd { font-family: "DejaVu Sans", sans-serif; }
code, pre, kbd { font-family: "DejaVu Sans Mono", monospace; }
body { font-size: 10pt; }
"""


def render(datamap: DataMap, options: RenderOptions) -> RenderResult:
    """The notice and the record as PDF, in every language of ``options``."""
    result = RenderResult()
    try:
        weasyprint = _weasyprint()
    except (ImportError, OSError) as error:
        result.messages.append(INSTALL_HINT.format(reason=_reason(error)))
        return result
    author = in_language(datamap.organisation.name, datamap.languages[0])
    for page in pages(datamap, options):
        result.add(
            Artifact(f"{page.name}.{page.lang}.pdf", document(weasyprint, page, author)), options
        )
    return result


def _weasyprint() -> Any:
    """WeasyPrint, imported on first use (its import loads Pango, which may be missing)."""
    import weasyprint

    return weasyprint


def _reason(error: BaseException) -> str:
    if isinstance(error, ImportError):
        return "the Python package 'weasyprint' is not installed"
    first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return f"a system library is missing: {first[:160]}"


def document(weasyprint: Any, page: Page, author: str | None = None) -> bytes:
    """``page`` as a PDF file (with its title, language, author and dates)."""
    with _quiet():
        return _document(weasyprint, page, author)


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """WeasyPrint's warnings (screen-only CSS it ignores, a control character without a glyph)
    say nothing about the map: they are not shown."""
    loggers = [logging.getLogger(name) for name in ("weasyprint", "fontTools")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


def _document(weasyprint: Any, page: Page, author: str | None) -> bytes:
    stylesheets = [weasyprint.CSS(string=PRINT_CSS)]
    html = page.html
    if page.landscape:  # the record: its own print stylesheet, A4 landscape (see pdf_styles)
        stylesheets.append(weasyprint.CSS(string=RECORD_CSS))
        html = without_screen_style(html)
    # No base URL: the pages load nothing (inline CSS, no images), and links to other files of
    # the render stay relative instead of naming a folder of this machine.
    rendered = weasyprint.HTML(string=html, base_url=None).render(
        stylesheets=stylesheets, presentational_hints=True
    )
    date = page.date.isoformat()
    metadata = rendered.metadata
    metadata.title = page.title
    metadata.created = date
    metadata.modified = date
    metadata.lang = page.lang
    if author:
        metadata.authors = [author]
    metadata.generator = "harmonien-ropa"
    identifier = hashlib.sha256(page.html.encode("utf-8")).hexdigest()[:32].encode("ascii")
    data: bytes = rendered.write_pdf(pdf_identifier=identifier, uncompressed_pdf=False)
    return data
