"""Observing a website with a playwright browser it is given, without interacting with it.

:func:`observe` opens the start address and up to ``pages`` pages of the same site reached by
its links (breadth first), each in a fresh tab of one browser context, and records what loads
before the visitor has done anything: cookies, local and session storage keys, and every
request to another host (failed ones included). With ``accept`` it then clicks that consent
button on the start page and visits the same pages again in the same context, to compare.

It never submits a form or clicks anything else, names itself in the user agent, follows only
same-site links, and bounds its work: ``pages`` pages, ``timeout`` seconds per page, at most
:data:`MAX_LINKS` links read and :data:`MAX_REQUESTS` requests recorded per page. With
``offline`` every request to another host is recorded and stopped before it leaves the machine
(a local copy of a site can be scanned without contacting the services it loads).

The browser is any playwright ``Browser`` (Chromium); the caller starts and closes it, so
several scans (and tests) share one.
"""

from __future__ import annotations

import contextlib
import time
import urllib.parse
from collections import deque
from dataclasses import dataclass, field
from typing import Any, Literal

from ..core.errors import HarmonienError
from .observed import (
    Observation,
    ObservedCookie,
    ObservedPage,
    ObservedRequest,
    ObservedStorage,
    Phase,
    PhaseObservation,
)

#: Pages visited when not told otherwise, and the per-page time limit in seconds.
DEFAULT_PAGES = 5
DEFAULT_TIMEOUT = 15.0
#: Links read from one page (a page with more is read up to this many).
MAX_LINKS = 2000
#: Distinct third-party requests, cookies and storage keys recorded per page (a storage key
#: is cut at 200 characters).
MAX_REQUESTS = 1000
MAX_ITEMS = 1000
#: Characters of an address kept (a longer one is cut).
MAX_URL = 2000
#: How long after ``load`` to wait for the network to fall quiet (tags load late), at most.
SETTLE_SECONDS = 2.0
#: What the scan appends to the browser's own user agent.
AGENT = "harmonien-ropa-scan (privacy scan; no forms submitted)"
#: Document types a page must have to be scanned.
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
SCHEMES = ("http", "https", "file")

_LINKS_JS = f"""() => Array.from(document.links).slice(0, {MAX_LINKS})
    .map(a => String(a.href).slice(0, {MAX_URL})).filter(h => h.length > 0)"""
_STORAGE_JS = f"""() => {{
  const keys = (name) => {{
    try {{
      const s = window[name];
      const found = [];
      for (let i = 0; i < s.length && i < {MAX_ITEMS}; i++) found.push(String(s.key(i)).slice(0, 200));
      return found;
    }} catch (e) {{ return []; }}
  }};
  return [keys('localStorage'), keys('sessionStorage'), location.origin];
}}"""


class ScanError(HarmonienError):
    """The site cannot be scanned: an address that is not http(s)/file, an unreachable or
    non-HTML start page, a redirect loop (exit code 2)."""


@dataclass
class _Recorder:
    """What one phase has seen so far (mutable while the pages load)."""

    site: str | None
    root: str
    pages: list[ObservedPage] = field(default_factory=list)
    cookies: dict[tuple[str, str], ObservedCookie] = field(default_factory=dict)
    storage: dict[tuple[str, str, str], ObservedStorage] = field(default_factory=dict)
    requests: dict[str, list[Any]] = field(default_factory=dict)
    truncated: bool = False

    def freeze(self, phase: Phase) -> PhaseObservation:
        requests = tuple(
            sorted(
                ObservedRequest(host, url, kind, page, failure)
                for url, (host, kind, page, failure) in self.requests.items()
            )
        )
        return PhaseObservation(
            phase,
            tuple(self.pages),
            tuple(sorted(self.cookies.values())),
            tuple(sorted(self.storage.values())),
            requests,
            self.truncated,
        )


def start_address(url: str) -> tuple[str, str | None, str]:
    """``url`` checked: (the address, the site's host or ``None`` for a file, the prefix that
    same-site addresses start with). Raises :class:`ScanError`."""
    parts = urllib.parse.urlsplit(url.strip())
    if parts.scheme not in SCHEMES:
        raise ScanError(
            f"{url!r} is not an http://, https:// or file:// address; give the site's address, "
            "e.g. https://example.org/ or file:///path/to/copy/index.html"
        )
    if parts.scheme == "file":
        folder = parts.path.rsplit("/", 1)[0] + "/"
        return urllib.parse.urlunsplit(parts._replace(fragment="")), None, "file://" + folder
    if not parts.hostname:
        raise ScanError(f"{url!r} names no host; write it as https://example.org/")
    return urllib.parse.urlunsplit(parts._replace(fragment="")), _site(parts.hostname), ""


def _site(host: str) -> str:
    host = host.lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


def same_site(url: str, site: str | None, root: str) -> bool:
    """True if ``url`` belongs to the site being scanned: its host, a subdomain of it or a
    domain it is a subdomain of (``shop.example.org`` for ``www.example.org``), or, for a
    ``file://`` start page, its folder or below."""
    if site is None:
        return url.startswith(root)
    parts = urllib.parse.urlsplit(url)
    return parts.scheme in ("http", "https") and _related(_site(parts.hostname or ""), site)


def _related(host: str, site: str) -> bool:
    return host == site or host.endswith("." + site) or site.endswith("." + host)


def first_party(domain: str, site: str | None) -> bool:
    """True if a cookie set for ``domain`` is the site's own (its host or a parent of it)."""
    if site is None:
        return domain in ("", "localhost")
    return _related(_site(domain.lstrip(".")), site)


def observe(
    browser: Any,
    url: str,
    *,
    pages: int = DEFAULT_PAGES,
    timeout: float = DEFAULT_TIMEOUT,
    accept: str | None = None,
    offline: bool = False,
) -> Observation:
    """Scan ``url`` and up to ``pages`` pages of the same site with ``browser``; raises
    :class:`ScanError` when the start page cannot be scanned."""
    if pages < 1:
        raise ScanError("--pages must be at least 1")
    if not timeout > 0:
        raise ScanError("--timeout must be more than 0 seconds")
    address, site, root = start_address(url)
    try:
        from playwright.sync_api import Error as PlaywrightError
    except ImportError:
        raise ScanError("scan needs playwright: pip install 'harmonien-ropa[scan]'") from None
    try:
        return _observe(browser, address, site, root, pages, timeout, accept, offline)
    except PlaywrightError as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ScanError(f"the browser failed while scanning {address}: {reason}") from None


def _observe(
    browser: Any,
    address: str,
    site: str | None,
    root: str,
    pages: int,
    timeout: float,
    accept: str | None,
    offline: bool,
) -> Observation:
    agent = _user_agent(browser)
    context = browser.new_context(user_agent=agent, accept_downloads=False, service_workers="block")
    try:
        state: dict[str, Any] = {"recorder": None}
        if offline:
            context.route("**/*", lambda route: _offline(route, site, root))
        visited = _crawl(context, state, address, site, root, pages, timeout)
        before = state["recorder"].freeze("before_consent")
        after = None
        if accept is not None:
            _crawl(context, state, address, site, root, pages, timeout, visited, accept)
            after = state["recorder"].freeze("after_consent")
        return Observation(address, site, before, after, accept, agent)
    finally:
        context.close()


def _user_agent(browser: Any) -> str:
    version = getattr(browser, "version", "") or ""
    chrome = f" Chrome/{version}" if version else ""
    return f"Mozilla/5.0 (X11; Linux x86_64){chrome} {AGENT}"


def _offline(route: Any, site: str | None, root: str) -> None:
    url = route.request.url
    if url.startswith(("data:", "blob:", "about:")) or same_site(url, site, root):
        route.continue_()
    else:
        route.abort("blockedbyclient")


def _crawl(
    context: Any,
    state: dict[str, Any],
    address: str,
    site: str | None,
    root: str,
    pages: int,
    timeout: float,
    only: list[str] | None = None,
    accept: str | None = None,
) -> list[str]:
    """Visit ``address`` and same-site pages (or exactly ``only``), breadth first; on the
    first, click ``accept`` once it has loaded."""
    recorder = _Recorder(site, root)
    state["recorder"] = recorder
    queue = deque(only if only is not None else [address])
    seen = set(queue)
    visited: list[str] = []
    while queue and len(visited) < pages:
        target = queue.popleft()
        links = _visit(
            context,
            recorder,
            target,
            timeout,
            first=not visited,
            accept=accept if not visited else None,
        )
        visited.append(target)
        if only is not None:
            continue
        for link in links:
            if link not in seen and same_site(link, site, root):
                seen.add(link)
                queue.append(link)
    return visited


def _visit(
    context: Any,
    recorder: _Recorder,
    target: str,
    timeout: float,
    *,
    first: bool,
    accept: str | None = None,
) -> list[str]:
    """Load one page in a new tab (and click ``accept`` on it) and record what it does; the
    same-site links it has."""
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page = context.new_page()
    requests = recorder.requests
    counted = [0]

    def on_request(request: Any) -> None:
        url = request.url[:MAX_URL]
        host = urllib.parse.urlsplit(url).hostname if url.startswith("http") else None
        if host is None or same_site(url, recorder.site, recorder.root) or url in requests:
            return
        if counted[0] >= MAX_REQUESTS:
            recorder.truncated = True
            return
        counted[0] += 1
        requests[url] = [host.lower(), request.resource_type, target, None]

    def on_failed(request: Any) -> None:
        entry = requests.get(request.url[:MAX_URL])
        if entry is not None and entry[3] is None:
            entry[3] = request.failure or "failed"

    answers: list[int] = []

    def on_response(response: Any) -> None:
        if response.request.is_navigation_request() and response.frame == page.main_frame:
            answers.append(response.status)

    page.on("request", on_request)
    page.on("requestfailed", on_failed)
    page.on("response", on_response)
    problem: str | None = None
    started = time.monotonic()
    try:
        page.goto(target, wait_until="load", timeout=timeout * 1000)
        remaining = max(0.0, min(SETTLE_SECONDS, timeout - (time.monotonic() - started)))
        if remaining:
            with contextlib.suppress(PlaywrightTimeout):
                page.wait_for_load_state("networkidle", timeout=remaining * 1000)
        if accept is not None:
            _click(page, accept, target, timeout)
    except PlaywrightTimeout:
        problem = f"did not finish loading within {timeout:g} s"
    except PlaywrightError as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        page.close()
        if first:
            raise ScanError(f"{target}: cannot load the page: {reason}") from None
        recorder.pages.append(ObservedPage(target, None, f"cannot load: {reason}"))
        return []
    status = answers[-1] if answers else None
    links: list[Any] = []
    try:
        if first and status is not None and status >= 400:
            raise ScanError(f"{target}: the server answered {status}; give a page that exists")
        if problem is not None:
            # Still loading, perhaps busy: only what the browser itself holds is read (its
            # cookies), never the page's script state, which could keep the scan waiting.
            if first and status is None and not target.startswith("file:"):
                raise ScanError(f"{target}: no answer within {timeout:g} s (--timeout)")
            recorder.pages.append(ObservedPage(target, status, problem))
            _record_cookies(context, recorder, target)
            return []
        try:
            kind = page.evaluate("() => document.contentType")
            if kind not in HTML_TYPES:
                if first:
                    raise ScanError(
                        f"{target}: the answer is {kind or 'not a document'}, not an HTML "
                        "page; give the address of a web page"
                    )
                recorder.pages.append(ObservedPage(target, status, f"not HTML: {kind}"))
                return []
            recorder.pages.append(ObservedPage(page.url, status, None))
            _record_storage(page, recorder, target)
            if status is None or status < 400:
                links = page.evaluate(_LINKS_JS)
        except PlaywrightError as exc:  # the page navigated away or crashed meanwhile
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            if first and not recorder.pages:
                raise ScanError(f"{target}: cannot read the page: {reason}") from None
            recorder.pages.append(ObservedPage(target, status, f"could not be read: {reason}"))
        _record_cookies(context, recorder, target)
    finally:
        page.close()
    return [urllib.parse.urldefrag(str(link))[0] for link in links]


def _record_storage(page: Any, recorder: _Recorder, target: str) -> None:
    local, session, origin = page.evaluate(_STORAGE_JS)
    kinds: tuple[tuple[Literal["local_storage", "session_storage"], list[Any]], ...] = (
        ("local_storage", local),
        ("session_storage", session),
    )
    for kind, keys in kinds:
        for key in keys:
            item = ObservedStorage(kind, str(key), str(origin), target)
            recorder.storage.setdefault((kind, item.key, item.origin), item)


def _record_cookies(context: Any, recorder: _Recorder, target: str) -> None:
    now = time.time()
    for cookie in context.cookies()[:MAX_ITEMS]:
        key = (cookie["name"], cookie["domain"])
        if key in recorder.cookies:
            continue
        expires = cookie.get("expires", -1)
        lifetime = None if expires is None or expires < 0 else round((expires - now) / 60) * 60
        recorder.cookies[key] = ObservedCookie(
            cookie["name"],
            cookie["domain"],
            first_party(cookie["domain"], recorder.site),
            lifetime,
            target,
        )


def _click(page: Any, selector: str, target: str, timeout: float) -> None:
    """Click the consent button ``selector`` and let what it loads arrive."""
    from playwright.sync_api import Error as PlaywrightError

    try:
        page.click(selector, timeout=timeout * 1000)
    except PlaywrightError as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        page.close()
        raise ScanError(
            f"--accept {selector!r}: cannot click it on {target}: {reason}; give the CSS "
            "selector of the consent banner's accept button"
        ) from None
    with contextlib.suppress(PlaywrightError):
        page.wait_for_load_state("networkidle", timeout=SETTLE_SECONDS * 1000)
