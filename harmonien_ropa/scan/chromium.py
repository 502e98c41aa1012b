"""Starting the browser the command line scans with: Debian's Chromium through playwright.

Playwright drives the system ``chromium`` (``CHROMIUM`` names another executable), so no
browser is downloaded. Both are the optional extra ``harmonien-ropa[scan]`` plus
``apt-get install chromium``; :func:`launch` says what is missing.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from .browse import ScanError

#: Switches for a quiet headless Chromium that contacts nothing but the pages it is sent to.
CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
)


def chromium_path() -> str | None:
    """The system Chromium (``CHROMIUM`` overrides), or None."""
    return os.environ.get("CHROMIUM") or shutil.which("chromium")


@contextmanager
def launch() -> Iterator[Any]:
    """A running headless Chromium (a playwright ``Browser``); raises :class:`ScanError`
    naming what to install when playwright or Chromium is missing."""
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        raise ScanError(
            "scan needs playwright: pip install 'harmonien-ropa[scan]' "
            "(and Debian's browser: apt-get install chromium)"
        ) from None
    executable = chromium_path()
    if executable is None:
        raise ScanError("scan needs Chromium: apt-get install chromium (or set CHROMIUM)")
    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(
                executable_path=executable, args=list(CHROMIUM_ARGS), headless=True
            )
        except Error as exc:
            first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise ScanError(f"cannot start Chromium ({executable}): {first}") from None
        try:
            yield browser
        finally:
            browser.close()
