"""The documentation site: strict build, generated pages, runnable examples, CI files, browser.

The site is built once per session with ``mkdocs build --strict`` exactly as CI and
``make docs`` do; a broken link, a missing page or any warning fails that build.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import io
import os
import re
import shlex
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from support.browser import Browser

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
BIN = Path(sys.executable).parent


@dataclass
class Site:
    path: Path
    seconds: float
    log: str


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    out = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
        cwd=ROOT,
        env=env,
        check=False,
        capture_output=True,
        text=True,
        timeout=600,
    )
    seconds = time.perf_counter() - start
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return Site(out, seconds, proc.stderr)


def _page(site: Site, path: str) -> str:
    return (site.path / path).read_text(encoding="utf-8")


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


# -- the build -----------------------------------------------------------------------------------


def test_strict_build_is_configured() -> None:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!!", ""))
    assert config["strict"] is True
    assert config["theme"]["font"] is False, "web fonts would make requests to another host"
    assert config["hooks"] == ["docs/hooks.py"]
    assert not list(DOCS.glob("generated/*")), "generated pages are built in memory, not kept"


def test_site_builds_strictly_with_every_page(site: Site) -> None:
    print(f"mkdocs build --strict: {site.seconds:.1f} s")
    assert "WARNING" not in site.log, site.log
    for page in (
        "index.html",
        "getting-started/index.html",
        "tutorial/index.html",
        "python/index.html",
        "ci/index.html",
        "architecture/index.html",
        "examples/index.html",
        "examples/notice/index.html",
        "examples/record/index.html",
        "examples/graph/index.html",
        "reference/yaml/index.html",
        "reference/rules/index.html",
        "reference/cli/index.html",
        "reference/api/index.html",
    ):
        assert (site.path / page).is_file(), page
    assert (site.path / "tutorial" / "choir.yaml").is_file()
    assert (site.path / "ci" / "harmonien-ropa.yml").is_file()
    assert not list(site.path.rglob("*.py")), "build scripts must not be published"


def test_harmonien_outputs_are_rendered_into_the_site(site: Site) -> None:
    import harmonien_ropa as hr

    expected = hr.render(
        hr.load(ROOT / "data" / "processing.yaml", display_path="data/processing.yaml")
    )
    assert expected.artifacts
    overview = _page(site, "examples/index.html")
    for artifact in expected.artifacts:
        published = site.path / "examples" / "harmonien" / artifact.path
        assert published.read_bytes() == artifact.content, artifact.path
        assert f'href="harmonien/{artifact.path}"' in overview, artifact.path


def test_graph_page_embeds_the_svg_when_there_is_one(site: Site) -> None:
    page = _page(site, "examples/graph/index.html")
    folder = site.path / "examples" / "harmonien"
    if not (folder / "dataflow.svg").is_file():
        assert "no <code>graph</code> renderer" in page
        return
    assert re.search(
        r'<img alt="Data-flow graph of Musikkselskapet Harmonien \(Norsk \(bokmål\)\)" src="../harmonien/dataflow.svg"',
        page,
    )
    for svg in folder.rglob("dataflow*/**/*.svg"):
        assert f'href="../harmonien/{svg.relative_to(folder).as_posix()}"' in page


def test_notice_page_embeds_both_languages_when_there_is_a_notice(site: Site) -> None:
    page = _page(site, "examples/notice/index.html")
    notices = sorted(p.name for p in (site.path / "examples" / "harmonien").glob("notice.*.md"))
    if not notices:
        assert "no <code>notice</code> renderer" in page
        return
    assert "Målsnes" in _text(page)
    for name in notices:
        assert f'href="../harmonien/{name}"' in page


def test_record_page_embeds_the_record_tables_when_there_is_a_record(site: Site) -> None:
    page = _page(site, "examples/record/index.html")
    folder = site.path / "examples" / "harmonien"
    records = sorted(p.name for p in folder.glob("record.*"))
    if not records:
        assert "no <code>record</code> renderer" in page
        return
    for name in records:
        assert f'href="../harmonien/{name}"' in page
    assert page.count("<table>") >= 2
    assert "| --- |" not in page  # every Markdown table became a table


def test_yaml_reference_covers_every_key_of_the_schema(site: Site) -> None:
    from harmonien_ropa.schema.json_schemas import datamap_schema

    schema = datamap_schema()
    page = _text(_page(site, "reference/yaml/index.html"))
    for name, node in schema["$defs"].items():
        assert f'id="{name.lower()}"' in _page(site, "reference/yaml/index.html"), name
        for key in node.get("properties", {}):
            assert key in page, f"{name}.{key}"
        for value in node.get("enum", []):
            assert value in page, f"{name}: {value}"
    assert "GDPR Art. 6(1)(f)" in page  # legal meaning of the enum values


def test_rule_reference_says_whether_there_is_a_checker(site: Site) -> None:
    page = _text(_page(site, "reference/rules/index.html"))
    try:
        import harmonien_ropa.checks  # noqa: F401
    except ImportError:
        assert "The checker is not available in this version." in page
    else:
        assert re.search(r"ROPA[1-9]\d\d", page), "rule codes expected on the rule page"


def test_cli_reference_is_the_programs_own_help(site: Site) -> None:
    from harmonien_ropa.cli import COMMANDS

    page = _text(_page(site, "reference/cli/index.html"))
    for command in COMMANDS:
        assert f"usage: harmonien-ropa {command}" in page, command


def test_getting_started_shows_real_check_output(site: Site) -> None:
    page = _text(_page(site, "getting-started/index.html"))
    assert "$ harmonien-ropa check --data data/processing.yaml" in page
    assert "tests/bad_yaml/several_errors.yaml:38:18: error ROPA004" in page
    assert "<!-- run:" not in _page(site, "getting-started/index.html")


def test_tutorial_runs_each_step_and_renders_the_result(site: Site) -> None:
    html = _page(site, "tutorial/index.html")
    page = _text(html)
    assert page.count("$ harmonien-ropa check --data choir.yaml") == 4
    assert "$ harmonien-ropa check --data docs/tutorial/starter.yaml" in page  # init's starter
    assert "Vestland Amatørkor" in page  # snippet of step 1, Norwegian letters intact
    assert "<!-- files:" not in html
    assert "--8&lt;--" not in html
    output = site.path / "tutorial" / "output"
    outputs = sorted(p.relative_to(output).as_posix() for p in output.rglob("*") if p.is_file())
    assert outputs
    for name in outputs:
        assert f'href="output/{name}"' in html, name


# -- the tutorial's data map and the Python page -----------------------------------------------


def test_tutorial_steps_are_valid_data_maps_from_step_one() -> None:
    import harmonien_ropa as hr

    text = (DOCS / "tutorial" / "choir.yaml").read_text(encoding="utf-8")
    steps = re.findall(r"\[end:(step-\d+)\]", text)
    assert steps == ["step-1", "step-2", "step-3", "step-4"]
    for step in steps:
        prefix = text[: text.index(f"[end:{step}]")]
        hr.loads(prefix, path=f"choir.yaml until {step}")  # raises LoadError if invalid


def test_tutorial_ends_with_no_errors_or_warnings() -> None:
    from harmonien_ropa.checks import check
    from harmonien_ropa.source.loading import load_with_positions

    result = check(load_with_positions(DOCS / "tutorial" / "choir.yaml"))
    assert [f.format() for f in result.findings if f.severity.value != "info"] == []
    assert [f.code for f in result.findings] == ["ROPA900"]  # the one open assumption


def _python_blocks(page: Path) -> list[str]:
    return re.findall(r"^```python\n(.*?)^```", page.read_text(encoding="utf-8"), re.M | re.S)


def test_python_page_examples_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = _python_blocks(DOCS / "python.md")
    assert len(blocks) >= 6
    (tmp_path / "data").mkdir()
    shutil.copy(ROOT / "data" / "processing.yaml", tmp_path / "data" / "processing.yaml")
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, Any] = {"__name__": "docs_python_page"}
    with contextlib.redirect_stdout(io.StringIO()) as out:
        for block in blocks:
            exec(compile(block, "docs/python.md", "exec"), namespace)
    assert "Musikkselskapet Harmonien" in out.getvalue()
    assert "broken.yaml:1:1" in out.getvalue() or "broken.yaml:" in out.getvalue()
    assert list((tmp_path / "build").iterdir())


# -- CI files ------------------------------------------------------------------------------------


def _workflow(path: Path) -> dict[Any, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    # YAML 1.1 reads the key "on" as True; GitHub reads it as "on".
    assert "on" in data or True in data
    return data


def _steps(workflow: dict[Any, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


@pytest.mark.parametrize(
    "path", [DOCS / "ci" / "harmonien-ropa.yml", ROOT / ".github" / "workflows" / "docs.yml"]
)
def test_workflow_checks_with_sarif_and_deploys_pages(path: Path) -> None:
    workflow = _workflow(path)
    steps = _steps(workflow)
    uses = [s["uses"].split("@")[0] for s in steps if "uses" in s]
    for action in (
        "actions/checkout",
        "github/codeql-action/upload-sarif",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    ):
        assert action in uses, action
    runs = "\n".join(s.get("run", "") for s in steps)
    assert re.search(r"harmonien-ropa check .*--format sarif", runs)
    sarif = next(
        s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif")
    )
    assert sarif["with"]["sarif_file"] in runs
    jobs = workflow["jobs"]
    deploy = next(
        j for j in jobs.values() if any("deploy-pages" in s.get("uses", "") for s in j["steps"])
    )
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    sarif_job = next(j for j in jobs.values() if sarif in j["steps"])
    assert sarif_job["permissions"]["security-events"] == "write"


def test_this_repositorys_workflow_builds_the_docs_strictly() -> None:
    runs = "\n".join(
        s.get("run", "") for s in _steps(_workflow(ROOT / ".github" / "workflows" / "docs.yml"))
    )
    assert "mkdocs build --strict" in runs


def _command_lines(path: Path) -> list[list[str]]:
    """Each ``harmonien-ropa ...`` command of a workflow, as argv (output redirection dropped)."""
    found = []
    for step in _steps(_workflow(path)):
        for raw in step.get("run", "").splitlines():
            line = raw.strip()
            if line.startswith("harmonien-ropa "):
                found.append(shlex.split(line.split(" > ")[0])[1:])
    return found


@pytest.mark.parametrize(
    "path", [DOCS / "ci" / "harmonien-ropa.yml", ROOT / ".github" / "workflows" / "docs.yml"]
)
def test_workflow_commands_are_valid_command_lines(path: Path) -> None:
    from harmonien_ropa.cli import build_parser

    parser = build_parser()
    check = next(a for a in parser._actions if a.dest == "command").choices["check"]  # type: ignore[index]
    if "--format" not in check._option_string_actions:
        pytest.skip("this version's check has no --format option yet")
    commands = _command_lines(path)
    assert commands
    for command in commands:
        argv = [a.replace("$DATA", "data/processing.yaml") for a in command]
        with contextlib.redirect_stderr(io.StringIO()) as err:
            try:
                parser.parse_args([a.replace('"', "") for a in argv])
            except SystemExit as exc:
                pytest.fail(f"{' '.join(argv)}: {err.getvalue()} (exit {exc.code})")


@pytest.mark.parametrize(
    "path", [DOCS / "ci" / "harmonien-ropa.yml", ROOT / ".github" / "workflows" / "docs.yml"]
)
def test_workflow_sarif_step_writes_sarif_for_code_scanning(path: Path) -> None:
    import json

    argv = next(a for a in _command_lines(path) if "sarif" in a)
    argv = [a.replace("$DATA", "data/processing.yaml") for a in argv]
    executable = shutil.which("harmonien-ropa", path=str(BIN))
    assert executable
    proc = subprocess.run(
        [executable, *argv], cwd=ROOT, capture_output=True, text=True, check=False, timeout=120
    )
    assert proc.returncode == 0, proc.stderr  # --fail-on never: the upload step always runs
    log = json.loads(proc.stdout)
    assert log["version"] == "2.1.0"
    results = log["runs"][0]["results"]
    assert results
    location = results[0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "data/processing.yaml"
    assert location["region"]["startLine"] >= 1


def test_pre_commit_hook_definition() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert isinstance(hooks, list)
    assert len(hooks) == 1
    hook = hooks[0]
    assert {"id", "name", "entry", "language"} <= hook.keys()
    assert hook["id"] == "harmonien-ropa-check"
    assert hook["language"] == "python"
    assert shlex.split(hook["entry"])[0] in _console_scripts()
    re.compile(hook["files"])


def _console_scripts() -> set[str]:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return set(project["scripts"])


def _run_hook(filenames: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the hook the way pre-commit does: its entry, then the matching file names."""
    hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    argv = shlex.split(hook["entry"])
    executable = shutil.which(argv[0], path=str(BIN))
    assert executable, f"{argv[0]} is not installed next to {sys.executable}"
    return subprocess.run(
        [executable, *argv[1:], *filenames],
        cwd=cwd,
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_pre_commit_hook_runs_on_the_repositorys_data_map() -> None:
    hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    if not tracked:  # pragma: no cover - an exported tree without git metadata
        tracked = [str(p.relative_to(ROOT)) for p in ROOT.rglob("*.yaml")]
    matched = [name for name in tracked if re.search(hook["files"], name)]
    assert matched == ["data/processing.yaml"]
    proc = _run_hook(matched, ROOT)
    assert proc.returncode in (0, 1), proc.stderr  # 1: findings, which stop the commit
    assert "Traceback" not in proc.stderr
    assert "usage:" not in proc.stderr


def test_pre_commit_hook_stops_a_broken_data_map(tmp_path: Path) -> None:
    broken = tmp_path / "processing.yaml"
    broken.write_text(
        (ROOT / "data" / "processing.yaml")
        .read_text(encoding="utf-8")
        .replace("legal_basis: contract", "legal_basis: contrakt", 1),
        encoding="utf-8",
    )
    proc = _run_hook(["processing.yaml"], tmp_path)
    assert proc.returncode == 2
    assert re.search(
        r"^processing\.yaml:\d+:\d+: error .*'contrakt'", proc.stderr + proc.stdout, re.M
    )


def test_pre_commit_hook_checks_two_changed_data_maps(tmp_path: Path) -> None:
    source = (ROOT / "data" / "processing.yaml").read_text(encoding="utf-8")
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "processing.yaml").write_text(source, encoding="utf-8")
    (tmp_path / "b" / "processing.yaml").write_text(
        source.replace("legal_basis: contract", "legal_basis: contrakt", 1), encoding="utf-8"
    )
    proc = _run_hook(["a/processing.yaml", "b/processing.yaml"], tmp_path)
    assert proc.returncode == 2, proc.stderr
    assert "usage:" not in proc.stderr
    assert re.search(r"^a/processing\.yaml:\d+:\d+: ", proc.stdout, re.M)  # the first is checked
    assert re.search(r"^b/processing\.yaml:\d+:\d+: error .*'contrakt'", proc.stderr, re.M)


# -- the built site in a browser -------------------------------------------------------------


@dataclass
class PageLoad:
    url: str
    console_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    external: list[str] = field(default_factory=list)
    broken_images: list[str] = field(default_factory=list)
    images: int = 0
    text: str = ""


@pytest.fixture(scope="module")
def served(site: Site) -> Iterator[str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def do_GET(self) -> None:
            if self.path == "/favicon.ico":  # browsers ask any host; no page refers to it
                self.send_response(204)
                self.end_headers()
                return
            super().do_GET()

    handler = functools.partial(Quiet, directory=str(site.path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture
def browser(shared_browser: Browser) -> Any:
    return shared_browser.chromium


def load(
    browser: Any, base: str, path: str, screenshot: Path | None = None, wait: str = "networkidle"
) -> PageLoad:
    """Open ``base + path``; record console errors, failed and external requests, broken images."""
    result = PageLoad(base + path)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()

        def route(r: Any) -> None:
            url = r.request.url
            if url.startswith(base) or url.startswith("data:"):
                r.continue_()
            else:
                result.external.append(url)
                r.abort()

        page.route("**/*", route)
        page.on(
            "console", lambda m: result.console_errors.append(m.text) if m.type == "error" else None
        )
        page.on("pageerror", lambda e: result.console_errors.append(str(e)))
        page.on("requestfailed", lambda r: result.failed.append(r.url))
        page.on(
            "response",
            lambda r: result.failed.append(f"{r.status} {r.url}") if r.status >= 400 else None,
        )
        page.goto(result.url, wait_until=wait)
        images = page.evaluate(
            "() => Array.from(document.images).map(i => [i.currentSrc || i.src, i.complete && i.naturalWidth > 0])"
        )
        result.images = len(images)
        result.broken_images = [src for src, ok in images if not ok]
        result.text = page.inner_text("body")
        if screenshot is not None:
            page.screenshot(path=str(screenshot), full_page=False)
        return result
    finally:
        context.close()


def _clean(result: PageLoad) -> None:
    assert not result.console_errors, result
    assert not result.failed, result
    assert not result.external, result
    assert not result.broken_images, result


@pytest.mark.slow
def test_notice_and_graph_pages_load_cleanly_in_a_browser(
    browser: Any, served: str, site: Site, tmp_path: Path
) -> None:
    notice = load(browser, served, "examples/notice/", tmp_path / "notice.png")
    _clean(notice)
    _clean(load(browser, served, "examples/record/", wait="load"))
    graph = load(browser, served, "examples/graph/", tmp_path / "graph.png")
    _clean(graph)
    if (site.path / "examples" / "harmonien" / "dataflow.svg").is_file():
        assert graph.images >= 1, "the data-flow graph should be on the page"
    for standalone in sorted((site.path / "examples" / "harmonien").glob("notice.*.html")):
        _clean(load(browser, served, f"examples/harmonien/{standalone.name}"))
    assert "Ã" not in notice.text
    assert "\ufffd" not in notice.text


@pytest.mark.slow
def test_home_and_tutorial_load_cleanly_with_norwegian_letters(browser: Any, served: str) -> None:
    _clean(load(browser, served, "", wait="load"))
    tutorial = load(browser, served, "tutorial/", wait="load")
    _clean(tutorial)
    assert tutorial.images >= 1  # the choir's data-flow graph
    assert "Vestland Amatørkor" in tutorial.text
