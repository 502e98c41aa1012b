"""The notice in a real browser (axe-core WCAG 2.1 A/AA, width) and in the Nu HTML validator."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from support.browser import (
    DESKTOP,
    PHONE,
    WCAG21_AA,
    Browser,
    describe_vnu,
    require,
    vnu_messages,
)
from support.notice_text import render_notice
from support.paths import FIXTURES

import harmonien_ropa as hr

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def out_dir(harmonien: hr.DataMap, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Public and draft renders of Harmonien's notice (with its "not ready for publication"
    banner), written to a folder."""
    root = tmp_path_factory.mktemp("notice")
    for sub, draft in (("public", False), ("draft", True)):
        (root / sub).mkdir()
        for name, text in render_notice(harmonien, draft=draft).items():
            # Harmonien's map is not ready for publication: the banner is checked too.
            assert 'id="not-ready"' in text or name.endswith(".md")
            (root / sub / name).write_text(text, encoding="utf-8")
            if name.endswith(".fragment.html"):
                # A fragment is checked as the CMS would show it: inside a minimal page.
                lang = name.split(".")[1]
                page = (
                    f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
                    '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
                    f"<title>Host page</title>\n</head>\n<body>\n<main>\n<h1>Host page</h1>\n"
                    f"{text}</main>\n</body>\n</html>\n"
                )
                (root / sub / name.replace(".fragment.html", ".embedded.html")).write_text(
                    page, encoding="utf-8"
                )
    # A map published in nynorsk only (ready for publication: no banner).
    (root / "nynorsk").mkdir()
    nynorsk = render_notice(hr.load(FIXTURES / "nynorsk.yaml"))
    (root / "nynorsk" / "notice.nn.html").write_text(nynorsk["notice.nn.html"], encoding="utf-8")
    return root


#: (variant, file, width, screenshot?): the public pages at phone and desktop width with
#: screenshots; the embedded fragments and the draft (highlights, notes) at phone width.
PAGES = [
    *[
        ("public", f"notice.{lang}.html", w, True)
        for lang in ("nb", "en")
        for w in (PHONE, DESKTOP)
    ],
    *[("public", f"notice.{lang}.embedded.html", PHONE, False) for lang in ("nb", "en")],
    ("draft", "notice.nb.html", PHONE, False),
    ("nynorsk", "notice.nn.html", PHONE, False),
]


@pytest.mark.parametrize(("sub", "name", "width", "shoot"), PAGES)
def test_axe_wcag21_aa_and_no_horizontal_scroll(
    browser: Browser, out_dir: Path, sub: str, name: str, width: int, shoot: bool
) -> None:
    shot = out_dir / "screenshots" / f"{sub}-{name}-{width}.png" if shoot else None
    # WCAG 2.1 A/AA, plus axe's best practices (landmarks, heading order, ...).
    tags = (*WCAG21_AA, "best-practice")
    report = browser.check(out_dir / sub / name, width=width, screenshot=shot, tags=tags)
    assert report.violations == [], report.describe()
    assert report.passes >= 25, report.describe()
    assert not report.horizontal_scroll, report.describe()
    assert report.external_requests == [], report.describe()
    assert report.console_errors == [], report.describe()
    if shot is not None:
        assert shot.stat().st_size > 10_000
        if os.environ.get("NOTICE_SCREENSHOTS"):
            target = Path(os.environ["NOTICE_SCREENSHOTS"])
            target.mkdir(parents=True, exist_ok=True)
            shutil.copy(shot, target / shot.name)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_print_stylesheet(browser: Browser, out_dir: Path, lang: str) -> None:
    report = browser.check(
        out_dir / "public" / f"notice.{lang}.html", width=800, media="print", axe=False
    )
    assert not report.horizontal_scroll, report.describe()


def test_nu_validator_finds_no_errors(out_dir: Path) -> None:
    require("vnu")
    pages = sorted(p for p in out_dir.glob("*/*.html") if not p.name.endswith(".fragment.html"))
    assert len(pages) == 9
    messages = vnu_messages(*pages, errors_only=True)
    assert messages == [], describe_vnu(messages)
