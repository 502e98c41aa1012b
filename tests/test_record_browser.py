"""The HTML record in a real browser: WCAG 2.1 A/AA (axe-core), HTML5 (Nu validator), layout."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.browser import DESKTOP, PHONE, Browser, describe_vnu, require, vnu_messages

import harmonien_ropa as hr
from harmonien_ropa.outputs import RenderOptions

pytestmark = pytest.mark.slow

#: A4 landscape at 96 dpi, less 12 mm margins on each side.
A4_LANDSCAPE = 1032


@pytest.fixture(scope="module")
def pages(
    tmp_path_factory: pytest.TempPathFactory, harmonien: hr.DataMap, small: hr.DataMap
) -> list[Path]:
    out = tmp_path_factory.mktemp("record")
    written = []
    for name, datamap in (("harmonien", harmonien), ("small", small)):
        for artifact in hr.render(datamap, ["record"], RenderOptions()).artifacts:
            if artifact.path.endswith(".html"):
                path = out / f"{name}.{artifact.path}"
                path.write_bytes(artifact.content)
                written.append(path)
    return written


def test_html5_valid(pages: list[Path]) -> None:
    require("vnu")
    messages = vnu_messages(*pages)
    assert not messages, describe_vnu(messages)


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_accessible_and_no_sideways_scroll(browser: Browser, pages: list[Path], width: int) -> None:
    for page in pages:
        # Colours and structure do not change with the width: axe runs once, at desktop width.
        report = browser.check(page, width=width, axe=width == DESKTOP)
        assert not report.violations, report.describe()
        assert not report.horizontal_scroll, report.describe()
        assert not report.external_requests, report.describe()
        assert not report.console_errors, report.describe()


def test_print_layout_fits_a4_landscape(browser: Browser, pages: list[Path]) -> None:
    for page in pages:
        report = browser.check(page, width=A4_LANDSCAPE, media="print", axe=False)
        assert not report.horizontal_scroll, report.describe()
