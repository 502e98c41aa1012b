"""The website scan: small sites served on 127.0.0.1 and scanned with the shared browser.

The "third-party" services are a second local server reached as ``localhost`` (another host
than ``127.0.0.1``); their signatures and the map's declarations are made here by hand, as the
adapter's values. Only two tests run ``scan`` from the command line.
"""

from __future__ import annotations

import json
import sys
import threading
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml
from support.browser import Browser
from support.cli import run_cli
from support.paths import SMALL_YAML

from harmonien_ropa.checks.config import CheckConfig, cli_layer, combine
from harmonien_ropa.checks.registry import resolve, selection
from harmonien_ropa.checks.scan_rules import SCAN_RULES
from harmonien_ropa.scan.browse import MAX_LINKS, ScanError, observe
from harmonien_ropa.scan.compare import Finding, compare
from harmonien_ropa.scan.declared import (
    Declared,
    DeclaredCookie,
    DeclaredService,
    Signature,
    signatures,
)
from harmonien_ropa.scan.observed import (
    Observation,
    ObservedCookie,
    ObservedRequest,
    PhaseObservation,
)
from harmonien_ropa.scan.suggest import duration, snippet

Route = tuple[int, dict[str, str], bytes]


@dataclass
class Server:
    """A loopback HTTP server with fixed answers, which counts the paths asked for."""

    routes: dict[str, Route]
    asked: list[str] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)
    port: int = 0

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"


def _serve(server: Server) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            path = urllib.parse.urlsplit(self.path).path
            server.asked.append(path)
            if path == "/hang":  # sends the start of a page, then never finishes it
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Set-Cookie", "early=1; Path=/")
                self.end_headers()
                self.wfile.write(b"<!doctype html><title>slow</title><p>start")
                self.wfile.flush()
                server.release.wait(30)
                return
            if path == "/loop":
                self.send_response(302)
                self.send_header("Location", "/loop")
                self.end_headers()
                return
            status, headers, body = server.routes.get(path, (404, {}, b"not found"))
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    server.port = httpd.server_address[1]
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def _html(body: str, head: str = "") -> Route:
    page = f"<!doctype html><html><head><title>t</title>{head}</head><body>{body}</body></html>"
    return 200, {"Content-Type": "text/html; charset=utf-8"}, page.encode()


@pytest.fixture(scope="module")
def tags() -> Iterator[Server]:
    """The "third parties": a pixel script, a tag manager, a video embed (as ``localhost``)."""
    server = Server(
        {
            "/fbevents.js": (
                200,
                {"Content-Type": "text/javascript"},
                b'document.cookie = "_fbp=fb.1.2; max-age=7776000; path=/";'
                b'new Image().src = document.currentScript.src.replace("fbevents.js", "tr");',
            ),
            "/gtag.js": (
                200,
                {"Content-Type": "text/javascript"},
                b'document.cookie = "_ga=GA1.1.3; max-age=34560000; path=/";',
            ),
            "/tr": (200, {"Content-Type": "image/gif"}, b"GIF89a"),
            "/embed": _html("video"),
            "/other.js": (200, {"Content-Type": "text/javascript"}, b""),
        }
    )
    httpd = _serve(server)
    yield server
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def site(tags: Server) -> Iterator[Server]:
    """The organisation's site on 127.0.0.1, loading the tags from ``localhost``."""
    third = f"http://localhost:{tags.port}"
    links = "".join(f'<a href="/many/{i}">{i}</a>' for i in range(3000))
    server = Server(
        {
            "/": (
                200,
                {
                    "Content-Type": "text/html",
                    "Set-Cookie": "sessionid=abc; Path=/; HttpOnly",
                },
                _html(
                    '<a href="/two">two</a> <a href="https://example.org/">away</a>'
                    '<form action="/submit" method="post"><button>send</button></form>',
                    f'<script src="{third}/fbevents.js"></script>'
                    f'<script src="{third}/gtag.js"></script>'
                    '<script>localStorage.setItem("theme", "dark")</script>',
                )[2],
            ),
            "/two": _html(
                f'<iframe src="{third}/embed"></iframe><script src="{third}/other.js"></script>'
            ),
            "/consent": _html(
                '<button id="accept" onclick="var s=document.createElement(\'script\');'
                f"s.src='{third}/fbevents.js';document.head.appendChild(s)\">OK</button>"
            ),
            "/data.json": (200, {"Content-Type": "application/json"}, b'{"a": 1}'),
            "/big": _html("<p>" + "x" * 1_000_000 + "</p>" + links),
        }
    )
    httpd = _serve(server)
    yield server
    server.release.set()
    httpd.shutdown()
    httpd.server_close()


#: Signatures of the test's services, matched by path on the ``localhost`` server.
SIGNATURES = (
    Signature("meta-pixel", "Meta Pixel", ("localhost/fbevents.js", "localhost/tr"), ("_fbp",), "marketing", "IE"),
    Signature("google-analytics", "Google Analytics", ("localhost/gtag.js",), ("_ga", "_ga_*"), "statistics", "IE"),
    Signature("youtube", "YouTube", ("localhost/embed",), (), "marketing", "IE"),
    Signature("hotjar", "Hotjar", ("hotjar.com",), ("_hj*",), "statistics", "MT"),
)  # fmt: skip


@pytest.fixture
def chromium(shared_browser: Browser) -> object:
    return shared_browser.chromium


def test_scan_records_cookies_storage_and_third_party_requests(
    site: Server, chromium: object
) -> None:
    site.asked.clear()
    seen = observe(chromium, site.url("/"), pages=5, timeout=10)
    before = seen.before
    assert [p.url for p in before.pages] == [site.url("/"), site.url("/two")]
    cookies = {c.name: c for c in before.cookies}
    assert set(cookies) == {"sessionid", "_fbp", "_ga"}
    assert cookies["sessionid"].lifetime is None
    assert cookies["sessionid"].first_party
    assert cookies["_fbp"].lifetime == 7776000
    assert cookies["_fbp"].page == site.url("/")
    assert [(s.kind, s.key) for s in before.storage] == [("local_storage", "theme")]
    paths = {(r.host, urllib.parse.urlsplit(r.url).path, r.type) for r in before.requests}
    assert ("localhost", "/fbevents.js", "script") in paths
    assert ("localhost", "/tr", "image") in paths
    assert ("localhost", "/embed", "document") in paths
    # polite: no form submitted, no link off the site followed
    assert "/submit" not in site.asked
    assert all(r.host != "example.org" for r in before.requests)
    assert "harmonien-ropa-scan" in seen.user_agent


def test_findings_of_a_scan_against_the_declarations(site: Server, chromium: object) -> None:
    seen = observe(chromium, site.url("/"), pages=2, timeout=10)
    declared = Declared(
        services=(
            DeclaredService("parties", "meta", "Meta Platforms Ireland Ltd", ("parties", 0),
                            hosts=("facebook.com",), party_id="meta", country="IE"),
            DeclaredService("parties", "google", "Google", ("parties", 1), catalogue_id="google-analytics",
                            party_id="google", country="US", needs_transfer_ground=True),
            DeclaredService("parties", "hotjar", "Hotjar", ("parties", 2), catalogue_id="hotjar"),
        ),
        cookies=(
            DeclaredCookie("sessionid", ("cookies", 0), "strictly_necessary", None, False),
            DeclaredCookie("_ga*", ("cookies", 1), "statistics", "google", True),
            DeclaredCookie("unused", ("cookies", 2), "preferences", None, True),
        ),
        signatures=SIGNATURES,
    )  # fmt: skip
    found = {(f.code, f.loc, f.message) for f in compare(seen, declared)}
    codes = sorted((code, loc) for code, loc, _ in found)
    assert codes == [
        (
            "SCAN101",
            None,
        ),  # Meta Pixel: 'meta' declares facebook.com, the pixel came from elsewhere
        ("SCAN101", None),  # YouTube
        ("SCAN102", None),  # _fbp
        ("SCAN102", None),  # theme (local storage)
        ("SCAN103", None),  # Meta Pixel before consent
        ("SCAN103", None),  # Google Analytics before consent
        ("SCAN103", None),  # YouTube before consent
        ("SCAN104", ("cookies", 2)),  # unused
        ("SCAN104", ("parties", 2)),  # hotjar declared, not seen
        ("SCAN105", ("parties", 1)),  # Google in the US, no transfer recorded
        ("SCAN106", None),  # localhost/other.js: no known service, no declared host
    ], sorted(found)
    messages = " | ".join(m for _, _, m in found)
    assert "cookie '_fbp' (127.0.0.1)" in messages
    assert "Google (google) in US" in messages


def test_catalogue_signatures_name_what_the_issue_names() -> None:
    by_id = {s.id: s for s in signatures()}
    assert {"connect.facebook.net", "facebook.com"} <= set(by_id["meta-pixel"].hosts)
    assert "_fbp" in by_id["meta-pixel"].cookies
    assert {"googletagmanager.com", "google-analytics.com"} <= set(by_id["google-analytics"].hosts)
    assert "_ga" in by_id["google-analytics"].cookies


def test_offline_scan_of_a_local_copy_lists_blocked_services(
    tmp_path: Path, chromium: object
) -> None:
    (tmp_path / "index.html").write_text(
        '<!doctype html><title>copy</title><script src="https://connect.facebook.net/en_US/fbevents.js">'
        '</script><img src="https://www.facebook.com/tr?id=1&ev=PageView" alt="">'
        '<script src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>',
        encoding="utf-8",
    )
    seen = observe(chromium, (tmp_path / "index.html").as_uri(), pages=1, timeout=10, offline=True)
    hosts = {(r.host, r.failure is not None) for r in seen.before.requests}
    assert hosts == {
        ("connect.facebook.net", True),
        ("www.facebook.com", True),
        ("www.googletagmanager.com", True),
    }
    found = compare(seen, Declared(signatures=signatures()))
    before = sorted(f.message for f in found if f.code == "SCAN103")
    assert len(before) == 2
    assert before[0].startswith("Google Analytics")
    assert before[1].startswith("Meta Pixel")


def test_accept_compares_before_and_after_consent(site: Server, chromium: object) -> None:
    seen = observe(chromium, site.url("/consent"), pages=1, timeout=10, accept="#accept")
    assert seen.after is not None
    assert not seen.before.requests
    assert not seen.before.cookies
    assert {r.host for r in seen.after.requests} == {"localhost"}
    found = compare(seen, Declared(signatures=SIGNATURES))
    assert "SCAN103" not in {f.code for f in found}  # loaded only after the click
    assert "SCAN101" in {f.code for f in found}


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("/data.json", "not an HTML page"),
        ("/loop", "ERR_TOO_MANY_REDIRECTS"),
        ("/missing", "answered 404"),
    ],
)
def test_start_pages_that_cannot_be_scanned(
    site: Server, chromium: object, target: str, message: str
) -> None:
    with pytest.raises(ScanError, match=message):
        observe(chromium, site.url(target), pages=1, timeout=5)


def test_unreachable_url_and_other_schemes(chromium: object) -> None:
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(ScanError, match="ERR_CONNECTION_REFUSED"):
        observe(chromium, f"http://127.0.0.1:{port}/", pages=1, timeout=5)
    with pytest.raises(ScanError, match="not an http"):
        observe(chromium, "ftp://example.org/", pages=1, timeout=5)


def test_a_very_large_page_is_read_within_the_bounds(site: Server, chromium: object) -> None:
    site.asked.clear()
    seen = observe(chromium, site.url("/big"), pages=3, timeout=15)
    assert len(seen.before.pages) == 3
    pages_asked = [p for p in site.asked if p != "/favicon.ico"]
    assert pages_asked == ["/big", "/many/0", "/many/1"]
    assert MAX_LINKS < 3000  # the page has more links than are read


def test_a_page_that_never_finishes_is_scanned_as_far_as_it_loaded(
    site: Server, chromium: object
) -> None:
    seen = observe(chromium, site.url("/hang"), pages=1, timeout=1.5)
    (page,) = seen.before.pages
    assert page.problem == "did not finish loading within 1.5 s"
    assert [c.name for c in seen.before.cookies] == ["early"]


def test_scan_codes_are_selected_like_the_checkers() -> None:
    assert resolve("scan") == frozenset(SCAN_RULES)
    assert resolve("SCAN10") == frozenset(SCAN_RULES)
    assert resolve("tracking-before-consent") == {"SCAN103"}
    assert set(SCAN_RULES) <= selection()
    config = combine(cli_layer(None, ["SCAN104", "ROPA1"], "warning"))
    assert "SCAN104" not in config.codes()
    assert "SCAN103" in config.codes()
    assert config.fails(SCAN_RULES["SCAN106"].severity)
    assert not CheckConfig(fail_on="error").fails(SCAN_RULES["SCAN106"].severity)


def test_suggest_writes_an_inventory_draft() -> None:
    seen = Observation(
        "https://example.org/",
        "example.org",
        PhaseObservation(
            "before_consent",
            cookies=(
                ObservedCookie("_ga", ".example.org", True, 34560000, "https://example.org/"),
                ObservedCookie("sid", "example.org", True, None, "https://example.org/"),
            ),
            requests=(ObservedRequest("www.google-analytics.com", "https://www.google-analytics.com/g", "xhr", "https://example.org/"),),
        ),
    )  # fmt: skip
    declared = Declared(
        services=(DeclaredService("parties", "google", "Google", ("parties", 0), catalogue_id="google-analytics"),),
        signatures=signatures(),
    )  # fmt: skip
    draft = yaml.safe_load(snippet(seen, declared))
    assert draft["cookies"] == [
        {"name": "_ga", "domain": ".example.org", "kind": "cookie", "first_party": True,
         "provider": "google", "purpose": "statistics", "lifetime": "P400D", "activity": None},
        {"name": "sid", "domain": "example.org", "kind": "cookie", "first_party": True,
         "provider": None, "purpose": None, "lifetime": "session", "activity": None},
    ]  # fmt: skip
    assert (duration(7200), duration(90), duration(None)) == ("PT2H", "PT2M", "session")
    assert not [
        f for f in compare(seen, declared) if isinstance(f, Finding) and f.code == "SCAN101"
    ]


@pytest.fixture
def cli_browser(shared_browser: Browser, monkeypatch: pytest.MonkeyPatch) -> None:
    """``scan`` on the command line uses the shared browser (playwright's synchronous API runs
    one session per thread)."""
    import contextlib

    import harmonien_ropa.scan.chromium

    @contextlib.contextmanager
    def shared() -> Iterator[object]:
        yield shared_browser.chromium

    monkeypatch.setattr(harmonien_ropa.scan.chromium, "launch", shared)


@pytest.mark.usefixtures("cli_browser")
def test_cli_scan_end_to_end(site: Server, tmp_path: Path) -> None:
    suggest = tmp_path / "cookies.yaml"
    result = run_cli(
        "scan", site.url("/"), "--data", str(SMALL_YAML), "--pages", "2", "--timeout", "10",
        "--format", "json", "--suggest", str(suggest), "--ignore", "SCAN106",
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert report["failed"] is True
    assert "SCAN106" not in report["rules"]
    names = {c["name"] for c in report["observed"]["before_consent"]["cookies"]}
    assert names == {"sessionid", "_fbp", "_ga"}
    assert {f["code"] for f in report["findings"]} >= {"SCAN102"}
    assert all(f["path"] == str(SMALL_YAML) for f in report["findings"])
    draft = yaml.safe_load(suggest.read_text(encoding="utf-8"))
    assert {e["name"] for e in draft["cookies"]} == {"sessionid", "_fbp", "_ga", "theme"}
    sarif = run_cli(
        "scan", site.url("/two"), "--data", str(SMALL_YAML), "--pages", "1", "--timeout", "10",
        "--format", "sarif", "--fail-on", "never",
    )  # fmt: skip
    assert sarif.returncode == 0, sarif.stderr
    results = json.loads(sarif.stdout)["runs"][0]["results"]
    unwritable = run_cli(
        "scan", site.url("/two"), "--data", str(SMALL_YAML), "--pages", "1", "--timeout", "10",
        "--suggest", str(tmp_path / "missing" / "cookies.yaml"),
    )  # fmt: skip
    assert unwritable.returncode == 3, unwritable.stderr
    assert "cannot write" in unwritable.stderr
    assert not list(tmp_path.glob("missing*"))
    assert results
    assert all(
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("small.yaml")
        for r in results
    )


def test_cli_scan_without_the_browser_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "playwright.sync_api", None)
    result = run_cli("scan", "http://127.0.0.1:9/", "--data", str(SMALL_YAML))
    assert result.returncode == 2
    assert "harmonien-ropa[scan]" in result.stderr
    assert "Traceback" not in result.stderr


def test_check_accepts_settings_that_name_scan_findings(tmp_path: Path) -> None:
    settings = tmp_path / "pyproject.toml"
    settings.write_text('[tool.harmonien_ropa]\nignore = ["SCAN104", "scan"]\n', encoding="utf-8")
    result = run_cli("check", "--data", str(SMALL_YAML), "--config", str(settings))
    assert result.returncode in (0, 1), result.stderr
    assert "names no rule" not in result.stderr


def test_the_adapter_reads_hosts_and_transfer_facts_from_the_map() -> None:
    import harmonien_ropa as hr
    from harmonien_ropa.scan import declared

    datamap = hr.load(SMALL_YAML)
    (mailhost,) = [s for s in declared.services(datamap) if s.id == "mailhost"]
    assert (mailhost.country, mailhost.needs_transfer_ground, mailhost.transfer_recorded) == (
        "US",
        True,
        True,
    )
    bare = datamap.model_copy(
        update={
            "activities": tuple(a.model_copy(update={"transfers": ()}) for a in datamap.activities),
            "parties": tuple(
                p.model_copy(
                    update={"transfer_mechanism": None, "website": "https://www.mailhost.example/"}
                )
                if p.id == "mailhost"
                else p
                for p in datamap.parties
            ),
        }
    )
    (mailhost,) = [s for s in declared.services(bare) if s.id == "mailhost"]
    assert mailhost.hosts == ("mailhost.example",)
    assert not mailhost.transfer_recorded
    assert declared.cookies(datamap) == ()  # no cookie inventory in this map
    seen = Observation(
        "https://example.org/",
        "example.org",
        PhaseObservation(
            "before_consent",
            requests=(ObservedRequest("cdn.mailhost.example", "https://cdn.mailhost.example/t.js", "script", "https://example.org/"),),
        ),
    )  # fmt: skip
    found = compare(seen, declared.Declared(declared.services(bare)))
    assert [(f.code, f.loc) for f in found] == [("SCAN105", ("parties", 0))]


def test_recording_is_bounded_per_page(
    site: Server, chromium: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from harmonien_ropa.scan import browse

    monkeypatch.setattr(browse, "MAX_REQUESTS", 2)
    seen = observe(chromium, site.url("/two"), pages=1, timeout=10)
    assert len(seen.before.requests) == 2  # under the limit: all of them
    assert not seen.before.truncated
    seen = observe(chromium, site.url("/"), pages=1, timeout=10)  # three: one left out
    assert len(seen.before.requests) == 2
    assert seen.before.truncated


def test_accept_with_a_button_that_is_not_there(site: Server, chromium: object) -> None:
    with pytest.raises(ScanError, match="--accept '#nothing'"):
        observe(chromium, site.url("/two"), pages=1, timeout=1, accept="#nothing")


def test_the_command_line_defaults_are_the_librarys() -> None:
    from harmonien_ropa.cli import scan as command
    from harmonien_ropa.scan import browse

    assert (command.DEFAULT_PAGES, command.DEFAULT_TIMEOUT) == (
        browse.DEFAULT_PAGES,
        browse.DEFAULT_TIMEOUT,
    )


def test_same_site_and_first_party() -> None:
    from harmonien_ropa.scan.browse import first_party, same_site, start_address

    _, site, root = start_address("https://www.harmonien.no/konserter#top")
    assert site == "harmonien.no"
    assert same_site("https://billett.harmonien.no/", site, root)
    assert same_site("http://harmonien.no/om", site, root)
    assert not same_site("https://harmonien.no.example.com/", site, root)
    assert not same_site("https://connect.facebook.net/x.js", site, root)
    assert first_party(".harmonien.no", site)
    assert not first_party(".facebook.com", site)
    address, site, root = start_address("file:///srv/copy/index.html")
    assert (address, site, root) == ("file:///srv/copy/index.html", None, "file:///srv/copy/")
    assert same_site("file:///srv/copy/sub/page.html", site, root)
    assert not same_site("file:///etc/passwd", site, root)


def test_the_worked_example_of_the_docs(chromium: object) -> None:
    """docs/scan.md scans tests/fixtures/scan-site offline against Harmonien's map."""
    from support.paths import FIXTURES, HARMONIEN_YAML, ROOT

    from harmonien_ropa.scan import assess
    from harmonien_ropa.source.loading import load_with_positions

    start = (FIXTURES / "scan-site" / "index.html").as_uri()
    seen = observe(chromium, start, pages=5, timeout=10, offline=True)
    result = assess(load_with_positions(HARMONIEN_YAML), seen, combine())
    found = sorted((d.code, d.message.split(" (")[0]) for d in result.findings)
    assert found == [
        ("SCAN101", "the site loads Google Analytics"),
        ("SCAN101", "the site loads YouTube"),
        ("SCAN102", "local storage 'cookie-banner-seen'"),
        ("SCAN103", "Google Analytics"),
        ("SCAN103", "Meta Pixel"),
        ("SCAN103", "YouTube"),
        ("SCAN104", "Google Ads"),
    ]
    page = (ROOT / "docs" / "scan.md").read_text(encoding="utf-8")
    for finding in result.findings:
        shown = finding.message.replace(str(ROOT), "/…")  # the page shortens the checkout
        assert shown in page, shown


def test_findings_about_an_entry_point_at_its_line() -> None:
    from support.paths import HARMONIEN_YAML

    from harmonien_ropa.scan import assess
    from harmonien_ropa.scan.report import sarif_report
    from harmonien_ropa.source.loading import load_with_positions

    loaded = load_with_positions(HARMONIEN_YAML)
    nothing = Observation(
        "https://harmonien.no/", "harmonien.no", PhaseObservation("before_consent")
    )
    result = assess(loaded, nothing, combine())
    meta = [d for d in result.findings if "(meta)" in d.message]
    assert [d.code for d in meta] == ["SCAN104"]  # the party behind the pixel, not seen
    lines = HARMONIEN_YAML.read_text(encoding="utf-8").splitlines()
    assert lines[meta[0].line - 1].strip() == "- id: meta"
    assert not result.failed  # info only
    region = json.loads(sarif_report(result))["runs"][0]["results"][0]["locations"][0]
    assert region["physicalLocation"]["region"]["startLine"] > 0
