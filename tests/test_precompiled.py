"""The templates compiled ahead of time (``outputs/templates_compiled/``): current, used by a
render, the same output as compiling the templates, and never used once they are stale."""

from __future__ import annotations

import builtins
import compileall
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jinja2 import Environment

import harmonien_ropa as hr
from harmonien_ropa.outputs import RenderOptions, notice_pages, precompiled, renderer, templating
from harmonien_ropa.source.resources import templates_dir


def _modules(folder: Path) -> set[Path]:
    """The compiled templates' modules in ``folder`` (its ``__init__.py`` left out)."""
    return set(folder.glob("*.py")) - {folder / "__init__.py"}


def test_compiled_templates_are_current() -> None:
    """``UPDATE_GOLDEN=1`` writes them anew (after a template changed); review the diff."""
    expected = precompiled.current_files()
    if os.environ.get("UPDATE_GOLDEN"):
        precompiled.FOLDER.mkdir(exist_ok=True)
        for stale in _modules(precompiled.FOLDER) - set(expected):
            stale.unlink()
        for path, text in expected.items():
            path.write_text(text, encoding="utf-8")
    assert _modules(precompiled.FOLDER) == set(expected)
    for path, text in expected.items():
        assert path.read_text(encoding="utf-8") == text, (
            f"{path.name} is stale: run UPDATE_GOLDEN=1 pytest tests/test_precompiled.py"
        )


@pytest.fixture
def fresh_environments() -> Iterator[None]:
    """The environments made anew (with no template compiled yet), before and after."""

    def clear() -> None:
        templating.environment.cache_clear()
        notice_pages._md_environment.cache_clear()

    clear()
    yield
    clear()


@pytest.fixture
def compiled(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the templates compiled from their source from now on."""
    names: list[str] = []
    original = Environment.compile

    def counting(self: Environment, source: str, name: str | None = None, *args: object) -> object:
        names.append(str(name))
        return original(self, source, name, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(Environment, "compile", counting)
    return names


def _render(datamap: hr.DataMap) -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    for name in ("notice", "record"):
        result = renderer(name)(datamap, RenderOptions(blockers=()))
        out.update({a.path: a.content for a in result.artifacts})
    return out


@pytest.mark.usefixtures("fresh_environments")
def test_a_render_compiles_no_template(
    harmonien: hr.DataMap, compiled: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Every template the default outputs load is compiled ahead (a new one must be added to
    ``precompiled.TEMPLATES``)."""
    monkeypatch.setenv("PATH", str(tmp_path))  # no pictures: they need no template
    hr.render(harmonien, options=RenderOptions(blockers=()))
    assert compiled == []


def test_compiled_templates_render_what_compiling_renders(
    harmonien: hr.DataMap, monkeypatch: pytest.MonkeyPatch, compiled: list[str]
) -> None:
    templating.environment.cache_clear()
    notice_pages._md_environment.cache_clear()
    with_compiled = _render(harmonien)
    assert compiled == []
    templating.environment.cache_clear()
    notice_pages._md_environment.cache_clear()
    monkeypatch.setattr(precompiled, "FOLDER", Path("/nonexistent"))
    try:
        from_source = _render(harmonien)
    finally:
        templating.environment.cache_clear()
        notice_pages._md_environment.cache_clear()
    assert sorted(compiled) == sorted(name for _, name in precompiled.TEMPLATES)
    assert from_source == with_compiled


@pytest.mark.usefixtures("fresh_environments")
def test_a_stale_compiled_template_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, compiled: list[str]
) -> None:
    """A template edited since (or a file altered) is compiled from its source instead."""
    folder = tmp_path / "templates_compiled"
    folder.mkdir()
    for path in _modules(precompiled.FOLDER):
        text = path.read_text(encoding="utf-8")
        if path.name.startswith("notice_page_html"):  # made from another source
            lines = text.split("\n")
            lines[2] = "# key: " + "0" * 64
            text = "\n".join(lines)
        if path.name.startswith("record_record_md"):  # not even a key
            text = "raise SystemExit('never run')\n"
        (folder / path.name).write_text(text, encoding="utf-8")
    monkeypatch.setattr(precompiled, "FOLDER", folder)
    env = templating.environment(html=True)
    page = env.get_template("notice/page.html.j2").render(
        fragment=True, lang="nb", body="<p>", s={}, org_name="", other_languages=()
    )
    assert page == '<article class="privacy-notice" lang="nb">\n&lt;p&gt;</article>\n'
    templating.environment(html=False).get_template("record/record.md.j2")
    env.get_template("record/record.html.j2")
    assert compiled == ["notice/page.html.j2", "record/record.md.j2"]


@pytest.mark.usefixtures("fresh_environments")
def test_compiled_templates_come_from_the_package_bytecode(
    compiled: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the package's bytecode current (``scripts/setup.sh`` compiles it), a template's code
    is read from it as a module's is: neither Jinja nor Python compiles anything; and the
    template keeps its own file name (for Jinja's messages and tracebacks)."""
    assert compileall.compile_dir(precompiled.FOLDER, quiet=1)
    from_source: list[str] = []
    original = builtins.compile

    def counting(source: Any, filename: Any, *args: Any, **kwargs: Any) -> Any:
        from_source.append(str(filename))
        return original(source, filename, *args, **kwargs)

    monkeypatch.setattr(builtins, "compile", counting)
    by_kind = precompiled.environments()
    for kind, name in precompiled.TEMPLATES:
        template = by_kind[kind].get_template(name)
        assert template.filename == str(templates_dir() / name)
    assert (compiled, from_source) == ([], [])
