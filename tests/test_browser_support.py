"""The browser and validator helpers find what they are meant to find."""

from __future__ import annotations

from pathlib import Path

from support.browser import PHONE, Browser, describe_vnu, require, vnu_messages

GOOD = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Good page</title></head>
<body><main><h1>Good page</h1><p>Readable text.</p></main></body>
</html>
"""

BAD = """<!DOCTYPE html>
<html>
<head><meta charset="utf-8"><title>Bad page</title>
<link rel="stylesheet" href="https://cdn.invalid/style.css"></head>
<body><main><p style="color:#aaa;background:#fff">Faint text</p>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<div style="width:900px">wide</div></main></body>
</html>
"""


def test_good_page_is_clean(browser: Browser, tmp_path: Path) -> None:
    page = tmp_path / "good.html"
    page.write_text(GOOD, encoding="utf-8")
    shot = tmp_path / "good.png"
    report = browser.check(page, width=PHONE, screenshot=shot)
    assert report.violations == [], report.describe()
    assert report.passes > 0
    assert not report.horizontal_scroll
    assert report.external_requests == []
    assert shot.read_bytes().startswith(b"\x89PNG")


def test_bad_page_is_caught(browser: Browser, tmp_path: Path) -> None:
    page = tmp_path / "bad.html"
    page.write_text(BAD, encoding="utf-8")
    report = browser.check(page, width=PHONE)
    found = {v["id"] for v in report.violations}
    assert {"html-has-lang", "color-contrast", "image-alt"} <= found, report.describe()
    assert report.horizontal_scroll
    assert report.scroll_width >= 900
    assert report.external_requests == ["https://cdn.invalid/style.css"]


def test_vnu_accepts_good_and_rejects_bad(tmp_path: Path) -> None:
    require("vnu")
    good = tmp_path / "good.html"
    good.write_text(GOOD, encoding="utf-8")
    bad = tmp_path / "bad.html"
    bad.write_text("<!DOCTYPE html><html lang=en><title>x</title><p>a<div></p>", encoding="utf-8")
    messages = vnu_messages(good, bad, errors_only=True)
    assert messages, "the validator reported nothing"
    assert all(m["url"].endswith("bad.html") for m in messages), describe_vnu(messages)
