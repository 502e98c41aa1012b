"""Per-format proofs that text from the YAML stayed inert, keyed by file extension.

Each check gets the file rendered from a map whose text fields hold an attack ``payload`` and
the same file rendered with :func:`hardening.benign` text (same words and line breaks, no
punctuation). Inert text changes no structure: the parsed documents must have the same
elements, attributes, tokens, rows and graph nodes. Each check returns a list of problems.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable
from typing import Any

import html5lib
from markdown_it import MarkdownIt

from harmonien_ropa.source.yamlbase import YamlError
from harmonien_ropa.source.yamlsource import parse
from support.hardening import benign, strings_in

_DANGEROUS_SCHEMES = re.compile(r"^\s*(javascript|vbscript|data)\s*:", re.IGNORECASE)
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "background"}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_WORD = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

Signature = list[tuple[str, tuple[str, ...]]]


def _norm(text: str) -> str:
    return " ".join(text.split())


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def _element_problems(root: Any, where: str) -> tuple[Signature, list[str], str]:
    """Signature of an element tree, problems found in it, and its text."""
    signature: Signature = []
    problems: list[str] = []
    texts: list[str] = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue  # comments
        tag = _local(element.tag)
        attributes = {_local(k): v for k, v in element.attrib.items()}
        signature.append((tag, tuple(sorted(attributes))))
        for name, value in attributes.items():
            texts.append(value)
            if name.lower().startswith("on"):
                problems.append(f"{where}: event handler {name}={value!r} on <{tag}>")
            if name.lower() in _URL_ATTRIBUTES and _DANGEROUS_SCHEMES.match(value):
                problems.append(f"{where}: <{tag} {name}={value!r}>")
        if tag == "script" and (element.get("type") or "").endswith("json"):
            try:
                json.loads(element.text or "")
            except ValueError as exc:
                problems.append(f"{where}: JSON in <script> does not parse: {exc}")
        texts.extend([element.text or "", element.tail or ""])
    return signature, problems, _norm(" ".join(texts))


def _compare(kind: str, got: Signature, want: Signature, where: str) -> list[str]:
    if got == want:
        return []
    for index, (a, b) in enumerate(zip(got, want, strict=False)):
        if a != b:
            return [f"{where}: {kind} differs from the benign render at #{index}: {a} != {b}"]
    return [f"{where}: {kind} has {len(got)} items, the benign render {len(want)}"]


def check_html(data: bytes, base: bytes, payloads: list[str], where: str) -> list[str]:
    """Same elements and attributes as the benign render; no handler, no script URL."""
    got_sig, problems, text = _element_problems(_html(data), where)
    want_sig, _, base_text = _element_problems(_html(base), where)
    problems += _compare("element structure", got_sig, want_sig, where)
    for payload in payloads:
        if _norm(benign(payload)) in base_text and _norm(payload) not in text:
            problems.append(f"{where}: {payload[:30]!r}... is not shown literally")
    return problems


def _html(data: bytes) -> Any:
    return html5lib.parse(data, namespaceHTMLElements=False)


def check_xml(data: bytes, base: bytes, payloads: list[str], where: str) -> list[str]:
    """SVG, GraphML and other XML: well-formed, same structure, payload round-trips."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        return [f"{where}: not well-formed XML: {exc}"]
    got_sig, problems, _ = _element_problems(root, where)
    want_sig, _, _ = _element_problems(ET.fromstring(base), where)
    problems += _compare("element structure", got_sig, want_sig, where)
    return problems


_MD = MarkdownIt("commonmark", {"html": True})
_MD.validateLink = lambda url: True  # type: ignore[method-assign]  # see every link


def _tokens(data: bytes) -> Signature:
    signature: Signature = []
    for token in _MD.parse(data.decode("utf-8")):
        for tok in [token, *(token.children or [])]:
            if tok.type in ("text", "softbreak"):
                continue
            signature.append((tok.type, tuple(sorted(str(k) for k in tok.attrs))))
    return signature


def check_markdown(data: bytes, base: bytes, payloads: list[str], where: str) -> list[str]:
    """Same Markdown tokens as the benign render: no raw HTML, links, images or headings."""
    problems = _compare("Markdown structure", _tokens(data), _tokens(base), where)
    html = _MD.render(data.decode("utf-8"))
    for match in re.finditer(r'(?:href|src)="([^"]*)"', html):
        if _DANGEROUS_SCHEMES.match(match.group(1)):
            problems.append(f"{where}: Markdown link to {match.group(1)!r}")
    return problems


def _formula_problems(cells: list[list[Any]], base: list[list[Any]], where: str) -> list[str]:
    problems = []
    if [len(r) for r in cells] != [len(r) for r in base]:
        problems.append(f"{where}: rows or columns differ from the benign render")
        return problems
    for r, (row, base_row) in enumerate(zip(cells, base, strict=True)):
        for c, (cell, base_cell) in enumerate(zip(row, base_row, strict=True)):
            if isinstance(cell, str) and cell.startswith(_FORMULA_START) and cell != base_cell:
                problems.append(f"{where}: cell {r + 1},{c + 1} starts a formula: {cell[:40]!r}")
    return problems


def check_csv(data: bytes, base: bytes, payloads: list[str], where: str) -> list[str]:
    """No cell that a spreadsheet would run as a formula; same rows and columns."""

    def rows(raw: bytes) -> list[list[Any]]:
        return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))

    return _formula_problems(rows(data), rows(base), where)


def check_xlsx(data: bytes, base: bytes, payloads: list[str], where: str) -> list[str]:
    """No formula cells; a text cell that starts like a formula carries Excel's quote prefix."""
    import openpyxl

    def sheets(raw: bytes) -> tuple[list[list[Any]], list[str]]:
        book = openpyxl.load_workbook(io.BytesIO(raw))
        cells: list[list[Any]] = []
        formulas = []
        for sheet in book.worksheets:
            for row in sheet.iter_rows():
                # A quote-prefixed cell is text in Excel even after editing: neutralised.
                cells.append(["'" + c.value if c.quotePrefix else c.value for c in row])
                formulas += [f"{sheet.title}!{c.coordinate}" for c in row if c.data_type == "f"]
        return cells, formulas

    got, got_formulas = sheets(data)
    want, want_formulas = sheets(base)
    problems = [
        f"{where}: formula cell {name}" for name in got_formulas if name not in want_formulas
    ]
    return problems + _formula_problems(got, want, where)


@functools.cache
def _dot_svg(data: bytes, where: str) -> tuple[bytes | None, list[str]]:
    proc = subprocess.run(
        ["dot", "-Tsvg"], input=data, capture_output=True, timeout=60, check=False
    )
    errors = [
        line
        for line in proc.stderr.decode("utf-8", "replace").splitlines()
        if "error" in line.lower()
    ]
    if proc.returncode != 0 or errors:
        return None, [f"{where}: dot fails: {proc.returncode} {errors[:3]}"]
    return proc.stdout, []


def check_dot(data: bytes, base: bytes, payloads: list[str], where: str) -> list[str]:
    """Parses with the real ``dot``; its drawing has the same nodes, edges and attributes."""
    if shutil.which("dot") is None:
        return [f"{where}: Graphviz 'dot' is needed to check DOT output"]
    got, problems = _dot_svg(data, where)
    want, base_problems = _dot_svg(base, where + " (benign)")
    if got is None or want is None:
        return problems + base_problems
    return check_xml(got, want, payloads, where + " → svg")


def _round_trip(
    value: Any, base_value: Any, payloads: list[str], kind: str, where: str
) -> list[str]:
    """Where the benign text appears in ``base_value``, the payload must be in ``value``."""
    # Compared with whitespace collapsed: outputs may tidy spaces, never other characters.
    base_strings = [_norm(s) for s in strings_in(base_value)]
    strings = [_norm(s) for s in strings_in(value)]
    problems = [
        f"{where}: {payload[:30]!r}... does not round-trip through {kind}"
        for payload in payloads
        if any(_norm(benign(payload)) in s for s in base_strings)
        and not any(_norm(payload) in s for s in strings)
    ]
    if _shape(value) != _shape(base_value):
        problems.append(f"{where}: the {kind} structure differs from the benign render")
    return problems


def _plain_name(key: str) -> bool:
    return key.isidentifier() and key.isascii() and key == key.lower()


def _shape(value: Any) -> str:
    """The nesting of mappings and lists, keys included where they are plain names (lower-case
    identifiers such as ``data_categories``: a key made of a map's text, such as an activity's
    name, is not one even where its harmless version happens to be an identifier)."""
    if isinstance(value, dict):
        items = sorted(f"{k if _plain_name(k) else '?'}:{_shape(v)}" for k, v in value.items())
        return "{" + ",".join(items) + "}"
    if isinstance(value, list):
        return "[" + ",".join(_shape(v) for v in value) + "]"
    return type(value).__name__


def check_json(data: bytes, base: bytes, payloads: list[str], where: str) -> list[str]:
    """Strict JSON of the same shape; the payload comes back unchanged."""
    try:
        value = json.loads(data.decode("utf-8"))
    except ValueError as exc:
        return [f"{where}: not valid JSON: {exc}"]
    return _round_trip(value, json.loads(base.decode("utf-8")), payloads, "JSON", where)


def check_yaml(data: bytes, base: bytes, payloads: list[str], where: str) -> list[str]:
    """Plain YAML (no tags, no aliases) of the same shape; the payload comes back unchanged."""
    try:
        document = parse(data.decode("utf-8"), where)
    except YamlError as exc:
        return [f"{where}: not plain YAML: {exc}"]
    return _round_trip(document.data, parse(base.decode("utf-8")).data, payloads, "YAML", where)


def check_turtle(data: bytes, base: bytes, payloads: list[str], where: str) -> list[str]:
    """Turtle that rdflib parses into as many triples as the benign render; literals intact."""
    import rdflib

    try:
        graph = rdflib.Graph().parse(data=data.decode("utf-8"), format="turtle")
    except Exception as exc:  # rdflib raises many kinds
        return [f"{where}: Turtle does not parse: {exc}"]
    base_graph = rdflib.Graph().parse(data=base.decode("utf-8"), format="turtle")
    problems = []
    if len(graph) != len(base_graph):
        problems.append(f"{where}: {len(graph)} triples, the benign render {len(base_graph)}")
    if sorted(set(graph.predicates())) != sorted(set(base_graph.predicates())):
        problems.append(f"{where}: other predicates than the benign render")
    literals = [str(o) for o in graph.objects() if isinstance(o, rdflib.Literal)]
    base_literals = [str(o) for o in base_graph.objects() if isinstance(o, rdflib.Literal)]
    return problems + _round_trip(literals, base_literals, payloads, "Turtle", where)


def check_png(data: bytes, base: bytes, payloads: list[str], where: str) -> list[str]:
    return [] if data.startswith(b"\x89PNG\r\n\x1a\n") else [f"{where}: not a PNG"]


def _docx_signature(data: bytes) -> tuple[Signature, list[str]]:
    """The elements of a Word document's body and the targets of its relationships."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        body = ET.fromstring(archive.read("word/document.xml"))
        rels = ET.fromstring(archive.read("word/_rels/document.xml.rels"))
    signature: Signature = [
        (element.tag, tuple(sorted(element.attrib))) for element in body.iter() if element.tag
    ]
    targets = sorted(rel.get("Target") or "" for rel in rels)
    return signature, targets


def check_docx(data: bytes, base: bytes, payloads: list[str], where: str) -> list[str]:
    """Same Word elements and relationships as the benign render: the text made no link,
    field, paragraph or table of its own."""
    got, got_targets = _docx_signature(data)
    want, want_targets = _docx_signature(base)
    problems = _compare("Word structure", got, want, where)
    if len(got_targets) != len(want_targets):
        problems.append(f"{where}: {len(got_targets)} relationships, benign {len(want_targets)}")
    problems += [
        f"{where}: Word link to {target!r}"
        for target in got_targets
        if _DANGEROUS_SCHEMES.match(target)
    ]
    return problems


def _pdf_actions(data: bytes) -> tuple[list[str], list[str]]:
    """The link targets of a PDF and any script or launch action in it."""
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(data))
    links: list[str] = []
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A") or {}
            if "/URI" in action:
                links.append(str(action["/URI"]))
    scripts = [
        name for name in ("/JavaScript", "/JS", "/Launch", "/OpenAction") if name.encode() in data
    ]
    return links, scripts


def check_pdf(data: bytes, base: bytes, payloads: list[str], where: str) -> list[str]:
    """As many link targets as the benign render (a link broken over two lines has an area on
    each), none to a script, and no script or launch action."""
    links, scripts = _pdf_actions(data)
    want, _ = _pdf_actions(base)
    problems = [f"{where}: PDF holds {name}" for name in scripts]
    if len(set(links)) != len(set(want)):
        problems.append(f"{where}: {len(set(links))} link targets, benign {len(set(want))}")
    problems += [
        f"{where}: PDF link to {link!r}" for link in links if _DANGEROUS_SCHEMES.match(link)
    ]
    return problems


CHECKS: dict[str, Callable[[bytes, bytes, list[str], str], list[str]]] = {
    ".html": check_html,
    ".htm": check_html,
    ".svg": check_xml,
    ".graphml": check_xml,
    ".xml": check_xml,
    ".md": check_markdown,
    ".csv": check_csv,
    ".xlsx": check_xlsx,
    ".dot": check_dot,
    ".gv": check_dot,
    ".json": check_json,
    ".yml": check_yaml,
    ".yaml": check_yaml,
    ".ttl": check_turtle,
    ".jsonld": check_json,
    ".sarif": check_json,
    ".png": check_png,
    ".docx": check_docx,
    ".pdf": check_pdf,
}
