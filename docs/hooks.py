"""Build-time content of the documentation site (an mkdocs hook, named in ``mkdocs.yml``).

Nothing generated is committed. On every build this hook adds to the site, in memory:

* ``examples/harmonien/…`` — every file ``harmonien_ropa.outputs.render`` produces from
  ``data/processing.yaml`` (the same as ``python -m harmonien_ropa render``), and the Examples
  pages that list, link and embed them;
* ``tutorial/output/…`` — the tutorial's data map rendered the same way;
* ``reference/yaml.md`` from the model's JSON Schema, ``reference/rules.md`` from the checker's
  registry, ``reference/cli.md`` from the argument parser, ``reference/api.md`` from ``__all__``;
* ``schema/datamap.schema.json``, the JSON Schema for editors, and ``schema/record.schema.json``,
  the schema of ``record.json``.

In hand-written pages, ``<!-- run: check PATH [until STEP] -->`` becomes the real output of
``harmonien-ropa check`` on PATH (cut after the ``[end:STEP]`` snippet marker; ``step-0`` is
the empty file), and
``<!-- files: FOLDER -->`` becomes a table of the generated files under FOLDER.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
import io
import os
import re
import tempfile
from pathlib import Path, PurePosixPath
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "processing.yaml"
TUTORIAL = ROOT / "docs" / "tutorial" / "choir.yaml"
HARMONIEN_DIR = "examples/harmonien"
TUTORIAL_DIR = "tutorial/output"

_RUN = re.compile(r"<!-- run: check (?P<path>\S+)(?: until (?P<step>[\w-]+))? -->")
_FILES = re.compile(r"<!-- files: (?P<folder>\S+) -->")
_KINDS = {
    ".html": "HTML page",
    ".md": "Markdown",
    ".csv": "CSV",
    ".xlsx": "Excel workbook",
    ".json": "JSON",
    ".svg": "SVG image",
    ".png": "PNG image",
    ".dot": "Graphviz DOT",
    ".graphml": "GraphML",
    ".jsonld": "JSON-LD",
    ".yaml": "YAML",
    ".yml": "YAML",
    ".ttl": "RDF Turtle",
    ".txt": "text",
}


# -- mkdocs events -----------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Put hand-written pages that the nav does not list under "More", so none is lost."""
    listed = set(_nav_pages(config.nav))
    docs = Path(config.docs_dir)
    pages = (p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
    excluded = config.exclude_docs
    extra = sorted(
        page
        for page in pages
        if page not in listed and not (excluded is not None and excluded.match_file(page))
    )
    if extra and config.nav is not None:
        config.nav.append({"More": [{_title(docs / page): page} for page in extra]})
    return config


def _nav_pages(nav: Any) -> list[str]:
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, dict):
        return [page for value in nav.values() for page in _nav_pages(value)]
    if isinstance(nav, list):
        return [page for item in nav for page in _nav_pages(item)]
    return []


def _title(page: Path) -> str:
    for line in page.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return page.stem


class Download(File):
    """A rendered file published as it is, even Markdown (which would otherwise become a page)."""

    def is_documentation_page(self) -> bool:
        return False


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the generated pages and rendered files to the site."""
    for uri, content in generated(config):
        kind = File if isinstance(content, str) and uri.endswith(".md") else Download
        files.append(kind.generated(config, uri, content=content))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Expand the ``run:`` and ``files:`` comments of a page."""
    here = PurePosixPath(page.file.src_uri).parent
    markdown = _RUN.sub(lambda m: check_block(ROOT / m["path"], m["step"]), markdown)
    return _FILES.sub(lambda m: files_table(files, m["folder"], here), markdown)


# -- everything generated ----------------------------------------------------------------------


def generated(config: MkDocsConfig) -> list[tuple[str, str | bytes]]:
    """``(site path, content)`` of every generated file."""
    import harmonien_ropa as hr
    from harmonien_ropa.schema.json_schemas import datamap_schema_json, record_schema_json

    datamap = hr.load(DATA, display_path="data/processing.yaml")
    harmonien = hr.render(datamap)
    tutorial = hr.render(hr.load(TUTORIAL, display_path="choir.yaml"))
    out: list[tuple[str, str | bytes]] = []
    out += [(f"{HARMONIEN_DIR}/{a.path}", a.content) for a in harmonien.artifacts]
    out += [(f"{TUTORIAL_DIR}/{a.path}", a.content) for a in tutorial.artifacts]
    paths = {a.path: a.content for a in harmonien.artifacts}
    out += [
        ("examples/index.md", examples_page(sorted(paths), harmonien.messages)),
        ("examples/notice.md", document_page("notice", "Privacy notice", paths)),
        ("examples/record.md", document_page("record", "Record of processing", paths)),
        (
            "examples/graph.md",
            graph_page(paths, {a.id: a.name.get("nb") for a in datamap.activities}),
        ),
        ("reference/yaml.md", yaml_reference_page()),
        ("reference/rules.md", rules_page()),
        ("reference/cli.md", cli_page()),
        ("reference/api.md", api_page()),
        ("schema/datamap.schema.json", datamap_schema_json()),
        ("schema/record.schema.json", record_schema_json()),
        ("examples/processing.yaml", DATA.read_bytes()),
    ]
    return out


_GROUPS = {
    "notice": "Privacy notice",
    "record": "Record of processing activities",
    "dataflow": "Data-flow graph",
    "ropa": "Exports for other tools (W3C DPV, Fides)",
    "model": "The resolved data map",
}


def examples_page(paths: list[str], messages: list[str]) -> str:
    """Overview of everything rendered from Harmonien's data map, grouped by output."""
    lines = [
        "# Examples: Harmonien",
        "",
        "Musikkselskapet Harmonien (the Bergen Philharmonic Orchestra) keeps its data map in "
        "[`data/processing.yaml`](processing.yaml). Every file below was produced from it while "
        "this site was built, by the same code as",
        "",
        "```sh",
        "python -m harmonien_ropa render --data data/processing.yaml --out build",
        "```",
        "",
        "- [Privacy notice](notice.md) (Norwegian and English)",
        "- [Record of processing activities](record.md) (Article 30)",
        "- [Data-flow graph](graph.md)",
        "",
    ]
    for message in messages:
        lines += ['!!! note "While rendering"', f"    {message}", ""]
    groups: dict[str, list[str]] = {}
    for path in paths:
        stem = re.split(r"[./]", path, maxsplit=1)[0]
        groups.setdefault(_GROUPS.get(stem, "Other files"), []).append(path)
    order = [*_GROUPS.values(), "Other files"]
    for title in sorted(groups, key=order.index):
        lines += [f"## {title}", "", _table(groups[title], "harmonien/"), ""]
    return "\n".join(lines)


def document_page(stem: str, title: str, paths: dict[str, bytes]) -> str:
    """A page for the notice or the record: every format linked, each language embedded."""
    from harmonien_ropa.model.base import LANGUAGES

    mine = sorted(p for p in paths if p.split(".", 1)[0] == stem)
    lines = [f"# {title}", ""]
    if not mine:
        lines += [f"This version of harmonien_ropa has no `{stem}` renderer yet.", ""]
        return "\n".join(lines)
    lines += ["Rendered from Harmonien's data map while this site was built.", ""]
    by_lang = {lang: [p for p in mine if p.split(".")[1:2] == [lang]] for lang in LANGUAGES}
    shared = [p for p in mine if not any(p in files for files in by_lang.values())]
    if shared:
        lines += ["In every language:", "", _table(shared, "harmonien/"), ""]
    for lang in LANGUAGES:
        if not by_lang[lang]:
            continue
        name = {"nb": "Norsk (bokmål)", "en": "English"}.get(lang, lang)
        ordered = sorted(
            by_lang[lang], key=lambda p: (".fragment." in p, not p.endswith(".html"), p)
        )
        links = " · ".join(f"[{_kind(p)}](harmonien/{p})" for p in ordered)
        lines += [f"## {name} {{#{stem}-{lang}}}", "", f"Files: {links}.", ""]
        markdown = f"{stem}.{lang}.md"
        if markdown in paths:
            lines += [
                "The Markdown version as it renders here:",
                "",
                demote(paths[markdown].decode("utf-8"), 2),
                "",
            ]
    return "\n".join(lines)


def graph_page(paths: dict[str, bytes], activities: dict[str, str]) -> str:
    """The data-flow graph embedded in each language, per-activity pictures and files linked."""
    mine = sorted(p for p in paths if p.startswith("dataflow"))
    lines = ["# Data-flow graph", ""]
    if not mine:
        lines += ["This version of harmonien_ropa has no `graph` renderer yet.", ""]
        return "\n".join(lines)
    lines += [
        "Where Harmonien's personal data comes from and where it goes, rendered while this site "
        "was built. Select a picture to open it at full size.",
        "",
    ]
    overviews = [p for p in mine if re.fullmatch(r"dataflow(\.[a-z]{2})?\.svg", p)]
    for path in sorted(overviews, key=lambda p: (p != "dataflow.svg", p)):
        lang = path.split(".")[1] if path.count(".") == 2 else "nb"
        name = {"nb": "Norsk (bokmål)", "en": "English"}.get(lang, lang)
        alt = f"Data-flow graph of Musikkselskapet Harmonien ({name})"
        lines += [
            f"## {name} {{#graph-{lang}}}",
            "",
            f"[![{alt}](harmonien/{path})](harmonien/{path})",
            "",
        ]
    per_activity = [p for p in mine if p.startswith("dataflow/") and p.endswith(".svg")]
    if per_activity:
        lines += ["## One picture per activity", ""]
        for path in per_activity:
            ident, _, lang = PurePosixPath(path).stem.partition(".")
            label = activities.get(ident, ident) + (f" ({lang})" if lang else "")
            lines.append(f"- [{label}](harmonien/{path})")
        lines.append("")
    lines += ["## All graph files", "", _table(mine, "harmonien/"), ""]
    return "\n".join(lines)


def demote(markdown: str, levels: int) -> str:
    """Markdown with every ATX heading outside code fences moved down ``levels`` levels."""
    out: list[str] = []
    fence: str | None = None
    for line in markdown.splitlines():
        stripped = line.lstrip()
        marker = stripped[:3]
        if marker in ("```", "~~~"):
            fence = None if fence == marker else (fence or marker)
        elif fence is None and (heading := re.match(r"(#{1,6}) ", line)):
            depth = min(6, len(heading[1]) + levels)
            out.append("#" * depth + line[len(heading[1]) :])
            continue
        out.append(line)
    return "\n".join(out)


def yaml_reference_page() -> str:
    """The YAML reference, generated from the JSON Schema with Harmonien's map as examples."""
    from harmonien_ropa.schema.yaml_reference import markdown_reference
    from harmonien_ropa.source.yamlsource import parse

    example = parse(DATA.read_text(encoding="utf-8"), str(DATA)).data
    return (
        "# YAML reference\n\n"
        "Every key the data map accepts, generated from the model's "
        "[JSON Schema](../schema/datamap.schema.json) when this site was built. Keys marked "
        "*required* must be present; every other key may be left out. Each entry kind may carry "
        "`assumptions:` (fields still to confirm, with a note) and `acknowledge:` (accepted "
        "checker findings, with a reason).\n\n" + markdown_reference(example=example)
    )


def rules_page() -> str:
    """The rule reference from the checker's registry, or a note that there is no checker."""
    try:
        reference = importlib.import_module("harmonien_ropa.checks.reference")
    except ImportError:
        return "# Checker rules\n\nThe checker is not available in this version.\n"
    return str(reference.markdown())


def cli_page() -> str:
    """``--help`` of the program and of every command."""
    from harmonien_ropa.cli import COMMANDS, EXIT_CODES, build_parser

    with _environ(COLUMNS="96"):
        parser = build_parser()
        sub = next(a for a in parser._actions if a.dest == "command")
        choices: dict[str, Any] = dict(sub.choices or {})
        lines = [
            "# Command line",
            "",
            "`harmonien-ropa` and `python -m harmonien_ropa` are the same program. "
            "This page is the programs's own `--help`, captured when the site was built.",
            "",
            "```text",
            parser.format_help().rstrip(),
            "```",
            "",
            "## Exit codes",
            "",
            "| code | meaning |",
            "| --- | --- |",
            *(f"| {code} | {meaning} |" for code, meaning in EXIT_CODES.items()),
            "",
        ]
        for name in COMMANDS:
            lines += [
                f"## `{name}`",
                "",
                "```text",
                choices[name].format_help().rstrip(),
                "```",
                "",
            ]
    return "\n".join(lines)


def api_page() -> str:
    """The public API (``harmonien_ropa.__all__``) through mkdocstrings."""
    import harmonien_ropa as hr

    objects = [getattr(hr, name) for name in hr.__all__]
    functions = [_dotted(o) for o in objects if callable(o) and not isinstance(o, type)]
    classes = [_dotted(o) for o in objects if isinstance(o, type)]
    lines = [
        "# Python API",
        "",
        "Everything below is importable from the package itself (`import harmonien_ropa as hr`). "
        "See [Use it from Python](../python.md) for a walk-through.",
        "",
        "## Functions",
        "",
    ]
    lines += [f"::: {n}\n" for n in functions]
    lines += ["## Classes", ""]
    lines += [f"::: {n}\n" for n in classes]
    lines += [
        "## The data model",
        "",
        "The typed model the YAML is loaded into. The [YAML reference](yaml.md) lists every field.",
        "",
    ]
    lines += [
        f"::: harmonien_ropa.model.{n}\n"
        for n in ("Activity", "DataCategory", "DataSubject", "System", "Party", "Text", "Statement")
    ]
    if importlib.util.find_spec("harmonien_ropa.flows.queries") is not None:
        lines += [
            "## Queries and the graph",
            "",
            "::: harmonien_ropa.flows.queries.locate\n",
            "::: harmonien_ropa.flows.queries.impact\n",
            "::: harmonien_ropa.flows.graph.build\n",
        ]
    if importlib.util.find_spec("harmonien_ropa.checks") is not None:
        lines += [
            "## The checker",
            "",
            "The rules themselves are listed in the [rule reference](rules.md).",
            "",
            "::: harmonien_ropa.source.loading.load_with_positions\n",
            "::: harmonien_ropa.checks.check\n",
            "::: harmonien_ropa.checks.CheckResult\n",
        ]
    return "\n".join(lines)


def _dotted(obj: Any) -> str:
    """Where an object is defined (``harmonien_ropa.outputs.render``), for mkdocstrings."""
    return f"{obj.__module__}.{obj.__qualname__}"


# -- directives --------------------------------------------------------------------------------


def check_block(path: Path, step: str | None) -> str:
    """A console block: ``harmonien-ropa check`` run on ``path`` (cut after ``step``)."""
    from harmonien_ropa.cli import main

    text = path.read_text(encoding="utf-8")
    if step == "step-0":  # the empty file the tutorial starts from
        text = ""
    elif step is not None:
        marker = f"[end:{step}]"
        if marker not in text:
            raise ValueError(f"{path}: no snippet marker {marker}")
        text = text[: text.index(marker)].rsplit("\n", 1)[0] + "\n"
    shown = path.name if step is not None else str(path.relative_to(ROOT))
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / path.name
        target.write_text(text, encoding="utf-8")
        stdout, stderr = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            code = main(["check", "--data", str(target)])
        output = (stdout.getvalue() + stderr.getvalue()).replace(str(target), shown)
    lines = output.strip("\n").splitlines()
    if len(lines) > 30:  # the first findings and the summary
        lines = [*lines[:18], f"… ({len(lines) - 20} lines left out)", *lines[-2:]]
    block = ["```console", f"$ harmonien-ropa check --data {shown}", *lines]
    if code:
        block.append(f"$ echo $?\n{code}")
    return "\n".join([*block, "```"])


def files_table(files: Files, folder: str, here: PurePosixPath) -> str:
    """A table of the site files under ``folder``, linked relative to the page's folder."""
    prefix = folder.rstrip("/") + "/"
    found = sorted(f.src_uri for f in files if f.src_uri.startswith(prefix))
    if not found:
        raise ValueError(f"no generated files under {folder}")
    base = os.path.relpath(folder, here.as_posix() or ".")
    return _table([p[len(prefix) :] for p in found], f"{base}/")


def _table(paths: list[str], base: str) -> str:
    rows = ["| file | kind |", "| --- | --- |"]
    rows += [f"| [`{path}`]({base}{path}) | {_kind(path)} |" for path in paths]
    return "\n".join(rows)


def _kind(path: str) -> str:
    if ".fragment." in path:
        return "HTML fragment (to embed in a page)"
    return _KINDS.get(PurePosixPath(path).suffix, "file")


@contextlib.contextmanager
def _environ(**values: str) -> Any:
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
