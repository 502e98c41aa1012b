"""Text from the YAML is inert in every notice format: no markup, links or Markdown syntax."""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markupsafe import escape
from support.notice_text import Page, render_notice

import harmonien_ropa as hr
from harmonien_ropa.core.escaping import markdown

PAYLOAD = (
    "<script>alert(1)</script> Tom & Jerry *bold* _em_ [link](https://evil.example) `code` # x"
)


def _poison(node: Any, key: str | None = None) -> Any:
    """Every human-readable string of the map replaced by the payload (ids and codes kept)."""
    if isinstance(node, dict):
        if set(node) <= {"nb", "en"} and node:
            return {lang: f"{PAYLOAD} {lang}" for lang in node}
        return {k: _poison(v, k) for k, v in node.items()}
    if isinstance(node, list):
        return [_poison(v, key) for v in node]
    if isinstance(node, str) and key in ("name", "legal_source", "version", "maintained_by"):
        return f"{PAYLOAD} {key}"
    return node


@pytest.fixture(scope="module")
def poisoned(harmonien: hr.DataMap) -> dict[str, str]:
    data = _poison(harmonien.model_dump(mode="json", by_alias=True))
    return render_notice(hr.from_data(data), draft=True)


def test_html_has_no_injected_markup(poisoned: dict[str, str]) -> None:
    for name, text in poisoned.items():
        if not name.endswith(".html"):
            continue
        assert "<script" not in text, name
        assert "evil.example" not in " ".join(re.findall(r'href="([^"]*)"', text)), name
        assert "&lt;script&gt;alert(1)&lt;/script&gt; Tom &amp; Jerry" in text, name
        # The reader sees the text exactly as written.
        assert PAYLOAD in Page(text).text(), name


def test_markdown_has_no_live_syntax(poisoned: dict[str, str]) -> None:
    for name, text in poisoned.items():
        if not name.endswith(".md"):
            continue
        assert "<script" not in text, name
        assert "&lt;script>" in text, name  # only what Markdown would misread is escaped
        assert "[link](" not in text, name
        assert "*bold*" not in text, name
        assert "`code`" not in text, name
        # A value never starts a heading or other block of its own.
        assert not re.search(r"^\s*(#|\\?<|>)\s*x", text, re.MULTILINE), name
        assert markdown(PAYLOAD) in text, name


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=st.text(
        alphabet=st.characters(
            blacklist_categories=("Cs", "Cc", "Zl", "Zp"),
            blacklist_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
        ),
        min_size=1,
        max_size=60,
    ).filter(lambda t: t.strip() and t == " ".join(t.split()))
)
def test_any_text_round_trips_in_html_and_stays_inert_in_markdown(
    small: hr.DataMap, text: str
) -> None:
    data = small.model_dump(mode="json", by_alias=True)
    data["activities"][0]["purpose"] = {"nb": text, "en": text}
    files = render_notice(hr.from_data(data), languages=("nb",))
    html = files["notice.nb.html"]
    assert f"<p>{escape(text)}</p>" in html
    md = files["notice.nb.md"]
    assert f"\n{markdown(text)}\n" in md
    assert "<" not in markdown(text)


def test_mailto_links_carry_one_address_and_no_header(harmonien: hr.DataMap) -> None:
    """A local part may hold '?', '=' and '&' (RFC 5322 allows them); in the link they are
    %-encoded, so no mail program reads them as ?cc= / ?bcc= headers."""
    data = harmonien.model_dump(mode="json", by_alias=True)
    data["organisation"]["privacy_contact"] = "ask?bcc=spy&cc=x@harmonien.no"
    data["organisation"]["email"] = "post@harmonien.no"
    files = render_notice(hr.from_data(data), languages=("nb",))
    html = files["notice.nb.html"]
    hrefs = set(re.findall(r'href="(mailto:[^"]*)"', html))
    assert "mailto:ask%3Fbcc%3Dspy%26cc%3Dx@harmonien.no" in hrefs
    assert all("?" not in href and "&" not in href for href in hrefs), hrefs
    assert "ask?bcc=spy&amp;cc=x@harmonien.no</a>" in html  # shown as written
    assert "(<mailto:ask%3Fbcc%3Dspy%26cc%3Dx@harmonien.no>)" in files["notice.nb.md"]


@pytest.mark.parametrize(
    "address",
    [
        "x@org.example?bcc=spy%40evil.example",
        "x@org.example?subject=hi",
        "a..b@org.example",
        "x@localhost",
        "x@org.test",
    ],
)
def test_an_address_that_is_not_plain_is_refused_with_a_fix(
    harmonien: hr.DataMap, address: str
) -> None:
    data = harmonien.model_dump(mode="json", by_alias=True)
    data["organisation"]["privacy_contact"] = address
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    with pytest.raises(hr.LoadError) as caught:
        hr.loads(text, "map.yaml")
    (problem,) = caught.value.diagnostics
    assert problem.path == "map.yaml"
    assert problem.line > 1
    assert "'organisation.privacy_contact'" in problem.message
    assert "name@example.org" in (problem.fix or "")
