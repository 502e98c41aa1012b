"""The template environment: loud on typos, escaping HTML, never evaluating data."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import UndefinedError

from harmonien_ropa.resources import templates_dir
from harmonien_ropa.templating import environment

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
