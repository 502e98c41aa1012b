"""The record's PDF is laid out with its own print stylesheet, which avoids WeasyPrint's costly
paths: no table is laid out automatically (each cell measured for its narrowest and widest
widths first) and no box is positioned absolutely (screen-reader text, list bullets outside
their text), which WeasyPrint measures again and again. The work is bounded by counting those
calls, never by timing; and every class the record page uses has a rule in the stylesheet,
so nothing the page marks (an assumption, a gap) goes unmarked in print.
"""

from __future__ import annotations

import importlib
import io
import re
import sys
from pathlib import Path
from typing import Any

import pypdf
import pytest
from support.paths import SMALL_YAML

import harmonien_ropa as hr
from harmonien_ropa.outputs import RenderOptions
from harmonien_ropa.outputs import pdf as render_pdf
from harmonien_ropa.outputs.documents import Page, pages
from harmonien_ropa.outputs.pdf_styles import RECORD_CSS, UNSTYLED, without_screen_style

#: WeasyPrint functions a large record must not reach: automatic table layout and absolute
#: positioning (each call measures content again).
#: A name that cannot be broken between words.
LONG = "Medlemskap" * 6

COSTLY = ("auto_table_layout", "table_and_columns_preferred_widths", "absolute_layout")


@pytest.fixture(scope="module")
def record_page() -> Page:
    datamap = hr.load(SMALL_YAML)
    return next(p for p in pages(datamap, RenderOptions(languages=("nb",))) if p.name == "record")


def _weasyprint() -> Any:
    try:
        return render_pdf._weasyprint()
    except (ImportError, OSError) as error:  # pragma: no cover - the set-up installs it
        pytest.skip(f"WeasyPrint cannot run here: {error}")


def _count(monkeypatch: pytest.MonkeyPatch, names: tuple[str, ...]) -> dict[str, int]:
    """Count calls of WeasyPrint's functions ``names``, wherever a module of it refers to them."""
    counts = dict.fromkeys(names, 0)
    for module_name, module in list(sys.modules.items()):
        if not module_name.startswith("weasyprint"):
            continue
        for name in names:
            original = getattr(module, name, None)
            if callable(original):
                monkeypatch.setattr(module, name, _counting(original, name, counts))
    return counts


def _counting(original: Any, name: str, counts: dict[str, int]) -> Any:
    def counted(*args: Any, **kwargs: Any) -> Any:
        counts[name] += 1
        return original(*args, **kwargs)

    return counted


def test_record_pdf_takes_none_of_weasyprint_s_costly_paths(
    record_page: Page, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = _weasyprint()
    importlib.import_module("weasyprint.layout.page")  # the modules whose functions are counted
    counts = _count(monkeypatch, (*COSTLY, "make_page"))
    data = render_pdf.document(engine, record_page, "Fjordkor Demo")
    assert counts.pop("make_page") > 0  # the counting sees WeasyPrint at work
    assert counts == dict.fromkeys(COSTLY, 0)
    # Landscape, and the text of an empty cell is printed where the screen shows a dash.
    reader = pypdf.PdfReader(io.BytesIO(data))
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "ikke oppgitt" in text
    assert "Medlemskap" in text


def test_every_class_of_the_record_page_has_a_print_rule(record_page: Page) -> None:
    used = {name for attr in re.findall(r'class="([^"]+)"', record_page.html) for name in attr.split()}  # fmt: skip
    styled = set(re.findall(r"\.([A-Za-z][\w-]*)", RECORD_CSS))
    assert used - styled - UNSTYLED == set()
    assert "<style" not in render_pdf.without_screen_style(record_page.html)


def test_no_line_of_the_record_pdf_runs_off_the_page(tmp_path: Path) -> None:
    # An activity's name of 60 letters without a break, listed in the narrow columns of the
    # wide tables: it is broken within the column, not printed past the page's edge.
    engine = _weasyprint()
    text = SMALL_YAML.read_text(encoding="utf-8").replace("{nb: Medlemskap,", f"{{nb: {LONG},")
    datamap = hr.loads(text, "small.yaml")
    page = next(p for p in pages(datamap, RenderOptions(languages=("nb",))) if p.name == "record")
    assert LONG in page.html
    with render_pdf._quiet():
        document = engine.HTML(string=without_screen_style(page.html)).render(
            stylesheets=[engine.CSS(string=render_pdf.PRINT_CSS), engine.CSS(string=RECORD_CSS)]
        )
    past = []
    for number, laid_out in enumerate(document.pages, start=1):
        root = laid_out._page_box.children[0]
        edge = root.content_box_x() + root.width
        past += [
            (number, type(box).__name__, round(box.position_x + box.margin_width() - edge))
            for box in root.descendants()
            if getattr(box, "width", None) is not None
            and box.position_x + box.margin_width() > edge + 0.5
        ]
    assert past == []
