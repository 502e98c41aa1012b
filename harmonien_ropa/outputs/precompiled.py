"""The packaged templates compiled ahead of time, so that a fresh process need not compile them.

Compiling the notice's and the record's templates (Jinja's lexer, parser and code generator) took
about 0.12 s of every ``render``, a fifth of a render of Harmonien. The Python code Jinja makes of
each template is therefore shipped in the package as a module of its own,
``outputs/templates_compiled/<name>.py`` (see :data:`TEMPLATES`), and :class:`PrecompiledLoader`
builds the template from that module's code object, which Python's own source loader gives
(:class:`importlib.machinery.SourceFileLoader`, as for every module of the package: from the
bytecode in the package's ``__pycache__`` while it matches the source, which ``scripts/setup.sh``
and an installer compile, else compiled from the source). Compiling them from their text on
every run cost another 20-35 ms.

A compiled module is used only when its key (the SHA-256 of the template's source and of every
setting of the environment its code depends on, Jinja's version among them), on its third line,
matches the template being loaded; otherwise the template is compiled from its source as
before, so a template edited since renders exactly the same, only slower.
``tests/test_precompiled.py`` checks that every module is current (``UPDATE_GOLDEN=1`` writes them
anew) and that a render compiles no template.

The modules are code of the package itself, read only from the package's folder, and run as
Jinja runs a template's code (with the environment in its namespace, so they are not imported
by name; ruff and mypy leave the folder out); nothing is written at run time but the bytecode
Python's import system writes for any module of the package.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import MutableMapping
from importlib.machinery import SourceFileLoader
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import Environment, FileSystemLoader, Template

#: Where the compiled templates are.
FOLDER = Path(__file__).with_name("templates_compiled")

#: Every template a render loads, with the environment it is loaded in: ``"html"`` and
#: ``"text"`` (:func:`.templating.environment`) or ``"markdown"`` (the notice's Markdown).
TEMPLATES: tuple[tuple[str, str], ...] = (
    ("html", "notice/body.html.j2"),
    ("html", "notice/page.html.j2"),
    ("html", "notice/notice.css"),
    ("html", "record/record.html.j2"),
    ("text", "record/record.md.j2"),
    ("markdown", "notice/notice.md.j2"),
)

_HEADER = (
    "# {long}Jinja's code for the template {name!r}, made by harmonien_ropa.outputs.precompiled:\n"
    "# do not edit (UPDATE_GOLDEN=1 pytest tests/test_precompiled.py makes it anew).\n"
    "# key: {key}\n"
)
_KEY_LINE = re.compile(r"^# key: ([0-9a-f]{64})$")
#: What a module longer than 400 lines says first (``tests/test_layout.py``).
_LONG = "Longer than 400 lines: generated, one template's code; "


def module_path(name: str) -> Path:
    """The module of the compiled template ``name`` (``notice/body.html.j2`` →
    ``notice_body_html_j2.py``)."""
    return FOLDER / (re.sub(r"[^A-Za-z0-9]", "_", name) + ".py")


def environments() -> dict[str, Environment]:
    """The environments of :data:`TEMPLATES` by their name there."""
    from . import notice_pages
    from .templating import environment

    return {
        "html": environment(html=True),
        "text": environment(html=False),
        "markdown": notice_pages._md_environment(),
    }


def current_files() -> dict[Path, str]:
    """Every compiled template file as it should be now, by its path."""
    files: dict[Path, str] = {}
    by_kind = environments()
    for kind, name in TEMPLATES:
        environment = by_kind[kind]
        assert environment.loader is not None
        source, _, _ = environment.loader.get_source(environment, name)
        files[module_path(name)] = compiled_source(environment, name, source)
    return files


def settings(environment: Environment) -> str:
    """The settings of ``environment`` that the code Jinja compiles depends on."""

    def named(value: object) -> str:
        if value is None or isinstance(value, bool):
            return repr(value)
        return f"{getattr(value, '__module__', '?')}.{getattr(value, '__qualname__', '?')}"

    parts: dict[str, object] = {
        "jinja2": jinja2.__version__,
        "autoescape": named(environment.autoescape),
        "finalize": named(environment.finalize),
        "optimized": environment.optimized,
        "extensions": sorted(environment.extensions),
        "undefined": named(environment.undefined),
        "newline_sequence": environment.newline_sequence,
        "keep_trailing_newline": environment.keep_trailing_newline,
        "trim_blocks": environment.trim_blocks,
        "lstrip_blocks": environment.lstrip_blocks,
        "syntax": (
            environment.block_start_string,
            environment.block_end_string,
            environment.variable_start_string,
            environment.variable_end_string,
            environment.comment_start_string,
            environment.comment_end_string,
            environment.line_statement_prefix,
            environment.line_comment_prefix,
        ),
    }
    return repr(sorted(parts.items()))


def key(environment: Environment, source: str) -> str:
    """What a compiled template must have been made from to stand for ``source``."""
    digest = hashlib.sha256(settings(environment).encode("utf-8"))
    digest.update(b"\0")
    digest.update(source.encode("utf-8"))
    return digest.hexdigest()


def compiled_source(environment: Environment, name: str, source: str) -> str:
    """The text of the compiled template file for ``name`` (with its ``source``)."""
    code = environment.compile(source, name, raw=True)
    long = _LONG if code.count("\n") + 4 > 400 else ""
    return _HEADER.format(long=long, name=name, key=key(environment, source)) + code + "\n"


def _compiled_code(environment: Environment, name: str, source: str, filename: str) -> Any:
    """The code object of the compiled template ``name``, or None when there is none for this
    source and environment."""
    path = module_path(name)
    module = f"{__package__}.templates_compiled.{path.stem}"
    try:
        with path.open(encoding="utf-8") as file:
            lines = [file.readline() for _ in range(3)]
        found = _KEY_LINE.match(lines[2].rstrip("\n"))
        if found is None or found.group(1) != key(environment, source):
            return None
        # Python's own loader of a module's source: the bytecode in the package's __pycache__
        # while it matches the source, as for every module of the package, else compiled.
        code = SourceFileLoader(module, str(path)).get_code(module)
    except (OSError, UnicodeDecodeError, SyntaxError, ImportError, ValueError):
        return None
    # Named after the template, as Jinja names the code it compiles (its template.filename).
    return None if code is None else code.replace(co_filename=filename)


class PrecompiledLoader(FileSystemLoader):
    """A :class:`FileSystemLoader` that builds a template from its compiled file when that is
    current, and compiles the template's source otherwise."""

    def load(
        self,
        environment: Environment,
        name: str,
        globals: MutableMapping[str, Any] | None = None,
    ) -> Template:
        source, filename, uptodate = self.get_source(environment, name)
        code = _compiled_code(environment, name, source, filename)
        if code is None:
            code = environment.compile(source, name, filename)
        return environment.template_class.from_code(environment, code, globals or {}, uptodate)
