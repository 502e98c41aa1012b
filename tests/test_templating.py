"""The template environment: loud on typos, escaping HTML, never evaluating data."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from jinja2 import UndefinedError
from support.paths import SMALL_YAML

from harmonien_ropa.outputs.templating import environment
from harmonien_ropa.source.resources import templates_dir

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


# -- compiled templates stay in memory ------------------------------------------------------------

_WATCH_AND_RENDER = """
import hashlib, sys
seen = []
def hook(event, args):
    if event in ("open", "os.listdir", "os.scandir", "os.mkdir", "os.rename", "os.remove"):
        seen.append((event, str(args[0])))
    elif event.startswith(("marshal.load", "pickle.")):
        frame = sys._getframe(1)  # Python's own imports read their .pyc files with marshal
        while frame is not None and "importlib._bootstrap" not in frame.f_code.co_filename:
            frame = frame.f_back
        if frame is None:
            seen.append((event, ""))
sys.addaudithook(hook)
import pickle
def refuse(*args, **kwargs):
    raise AssertionError("unpickled")
pickle.load = pickle.loads = refuse
import harmonien_ropa as hr
from harmonien_ropa.outputs import RenderOptions, renderer
options = RenderOptions()
digest = hashlib.sha256()
for name in ("notice", "record"):
    for artifact in renderer(name)(hr.load(sys.argv[1]), options).artifacts:
        digest.update(artifact.content)
print(digest.hexdigest())
for event, path in seen:
    print(event, path)
"""


def test_no_compiled_template_is_read_or_written_outside_the_process(tmp_path: Path) -> None:
    """Every cache folder the tool ever used is left alone, a planted entry is never opened, and
    nothing is unpickled or unmarshalled: compiled templates live in memory only."""
    folders = {name: tmp_path / name for name in ("ropa-cache", "xdg-cache", "home")}
    planted = [
        folders["ropa-cache"] / "templates" / "__jinja2_x.cache",
        folders["xdg-cache"] / "harmonien-ropa" / "templates" / "__jinja2_x.cache",
        folders["home"] / ".cache" / "harmonien-ropa" / "templates" / "__jinja2_x.cache",
    ]
    for entry in planted:
        entry.parent.mkdir(parents=True)
        entry.write_bytes(b"j2 planted entry, never to be loaded")
    env = {
        **os.environ,
        "HARMONIEN_ROPA_CACHE": str(folders["ropa-cache"]),
        "XDG_CACHE_HOME": str(folders["xdg-cache"]),
        "HOME": str(folders["home"]),
    }
    before = sorted((p, p.stat().st_mtime_ns) for p in tmp_path.rglob("*"))
    done = subprocess.run(
        [sys.executable, "-c", _WATCH_AND_RENDER, str(SMALL_YAML)],
        env=env, capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    digest, *events = done.stdout.splitlines()
    assert len(digest) == 64
    opened = [line for line in events if line.startswith("open ")]
    assert any(line.endswith(".j2") for line in opened)  # the hook does see template reads
    assert [line for line in events if str(tmp_path) in line] == []
    assert [line for line in events if line.startswith(("marshal", "pickle"))] == []
    assert sorted((p, p.stat().st_mtime_ns) for p in tmp_path.rglob("*")) == before


def test_templates_are_compiled_once_per_process() -> None:
    env = environment(html=True)
    name = next(n for n in TEMPLATES if n.endswith(".html.j2"))
    assert env.get_template(name) is env.get_template(name)
    assert environment(html=True) is env


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


def test_a_string_table_with_a_key_written_twice_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from harmonien_ropa.core.errors import RenderError
    from harmonien_ropa.source import i18n

    (tmp_path / "i18n").mkdir()
    (tmp_path / "i18n" / "twice.yaml").write_text(
        "label:\n  nb: første\n  en: first\nlabel:\n  nb: andre\n  en: second\n", encoding="utf-8"
    )
    monkeypatch.setattr(i18n, "templates_dir", lambda: tmp_path)
    with pytest.raises(RenderError, match=r"twice\.yaml:4:1: error ROPA002 .*label"):
        i18n.strings("twice", "nb")
    i18n._table.cache_clear()
