"""The template environment: loud on typos, escaping HTML, never evaluating data."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SMALL_YAML
from jinja2 import UndefinedError

from harmonien_ropa.resources import templates_dir
from harmonien_ropa.templating import cache_dir, environment

TEMPLATES = sorted(str(p.relative_to(templates_dir())) for p in Path(templates_dir()).rglob("*.j2"))


@pytest.mark.parametrize("html", [True, False])
def test_a_typo_fails_loudly(html: bool) -> None:
    template = environment(html=html).from_string("{{ activty.name }}")
    with pytest.raises(UndefinedError, match="activty"):
        template.render(activity={"name": "x"})


def test_html_autoescapes_and_text_does_not() -> None:
    payload = "<script>alert(1)</script>"
    assert "<script>" not in environment(html=True).from_string("{{ v }}").render(v=payload)
    assert environment(html=False).from_string("{{ v }}").render(v=payload) == payload


def test_data_is_never_evaluated_as_a_template() -> None:
    out = environment(html=True).from_string("{{ v }}").render(v="{{ 7*7 }} {% if 1 %}x{% endif %}")
    assert out == "{{ 7*7 }} {% if 1 %}x{% endif %}"


def test_every_template_is_found_and_compiles() -> None:
    assert TEMPLATES
    for name in TEMPLATES:
        env = environment(html=name.endswith(".html.j2"))
        assert env.get_template(name) is not None


# -- the compiled-template cache ------------------------------------------------------------------

_RENDER_NOTICE = """
import hashlib, sys
import harmonien_ropa as hr
from harmonien_ropa.render import RenderOptions, renderer
result = renderer("notice")(hr.load(sys.argv[1]), RenderOptions())
print(hashlib.sha256(b"".join(a.content for a in result.artifacts)).hexdigest())
"""


def _render_in_fresh_process(cache: str) -> str:
    env = {**os.environ, "HARMONIEN_ROPA_CACHE": cache}
    done = subprocess.run(
        [sys.executable, "-c", _RENDER_NOTICE, str(SMALL_YAML)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_compiled_templates_are_cached_and_give_the_same_output(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = _render_in_fresh_process(str(cache))
    entries = sorted((cache / "templates").iterdir())
    assert len(entries) >= 3  # page, body and Markdown templates of the notice
    stamps = [p.stat().st_mtime_ns for p in entries]
    assert _render_in_fresh_process(str(cache)) == first
    assert [p.stat().st_mtime_ns for p in entries] == stamps  # read, not written again


def test_a_corrupt_cache_entry_is_compiled_again(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = _render_in_fresh_process(str(cache))
    for entry in (cache / "templates").iterdir():
        entry.write_bytes(entry.read_bytes()[:40])
    assert _render_in_fresh_process(str(cache)) == first


def test_an_unusable_cache_folder_is_skipped(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    reference = _render_in_fresh_process("")
    assert _render_in_fresh_process(str(blocker / "cache")) == reference
    assert blocker.read_text() == "not a folder"


def test_the_cache_folder_follows_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HARMONIEN_ROPA_CACHE", "")
    assert cache_dir() is None
    monkeypatch.setenv("HARMONIEN_ROPA_CACHE", "/somewhere")
    assert cache_dir() == Path("/somewhere")
    monkeypatch.delenv("HARMONIEN_ROPA_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", "/xdg")
    assert cache_dir() == Path("/xdg/harmonien-ropa")


def test_helper_filters_apply_the_helper_from_the_context() -> None:
    env = environment(html=False)
    template = env.from_string('{{ x|t }} {{ x|mark("a", "b") }} {{ s|fill(name=x) }}')

    def mark(value: str, *fields: str) -> str:
        return f"{value}:{'+'.join(fields)}"

    out = template.render(
        x="v",
        t=str.upper,
        mark=mark,
        fill=lambda text, **values: text.format(**values),
        s="<{name}>",
    )
    assert out == "V v:a+b <v>"
