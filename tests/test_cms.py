"""The notice in a CMS: the fragment's id prefix and the scoped stylesheet (docs/cms.md)."""

from __future__ import annotations

from pathlib import Path

import html5lib
import pytest
import tinycss2
from support.cli import run_cli
from support.paths import SMALL_YAML

import harmonien_ropa as hr
from harmonien_ropa.outputs import RenderOptions
from harmonien_ropa.outputs.cms import prefix_ids, scoped_stylesheet
from harmonien_ropa.source.resources import templates_dir

NS = "{http://www.w3.org/1999/xhtml}"


def _notice(datamap: hr.DataMap, **options: object) -> dict[str, bytes]:
    result = hr.render(datamap, only=["notice"], options=RenderOptions(**options))  # type: ignore[arg-type]
    return {artifact.path: artifact.content for artifact in result.artifacts}


def test_two_prefixed_fragments_share_a_page_without_clashing(small: hr.DataMap) -> None:
    nb = _notice(small, draft=True, id_prefix="nb-")["notice.nb.fragment.html"]
    en = _notice(small, draft=True, id_prefix="en-")["notice.en.fragment.html"]
    host = b"<!DOCTYPE html><html lang='en'><head><title>t</title></head><body>"
    host += b"<p id='controller'>the site's own element</p>" + nb + en + b"</body></html>"
    root = html5lib.parse(host)
    ids = [element.get("id") for element in root.iter() if element.get("id")]
    assert len(ids) > 20
    assert len(ids) == len(set(ids)), "an id is used twice"
    for article, prefix in zip(root.iter(f"{NS}article"), ("nb-", "en-"), strict=True):
        own = {e.get("id") for e in article.iter() if e.get("id")}
        assert all(i.startswith(prefix) for i in own)
        links = [e.get("href")[1:] for e in article.iter(f"{NS}a") if (e.get("href") or "").startswith("#")]  # fmt: skip
        labels = [t for e in article.iter() for t in (e.get("aria-labelledby") or "").split()]
        assert links
        assert labels
        assert set(links) | set(labels) <= own, "a link or label points outside its fragment"


def test_without_a_prefix_and_on_the_page_nothing_changes(small: hr.DataMap) -> None:
    plain = _notice(small)
    prefixed = _notice(small, id_prefix="hr-")
    assert plain["notice.en.html"] == prefixed["notice.en.html"]
    assert plain["notice.nb.md"] == prefixed["notice.nb.md"]
    assert plain["notice.en.fragment.html"] != prefixed["notice.en.fragment.html"]
    assert prefixed["notice.en.fragment.html"] == prefix_ids(
        plain["notice.en.fragment.html"], "hr-"
    )
    assert "notice.fragment.css" not in plain


def test_scoped_stylesheet_styles_only_the_fragment(small: hr.DataMap) -> None:
    css = _notice(small, fragment_css=True)["notice.fragment.css"].decode()
    page_css = (templates_dir() / "notice" / "notice.css").read_text(encoding="utf-8")
    assert css == scoped_stylesheet(page_css)

    def selectors(nodes: list[object]) -> list[str]:
        found = []
        for node in nodes:
            if isinstance(node, tinycss2.ast.QualifiedRule):
                found += [s.strip() for s in tinycss2.serialize(node.prelude).split(",")]
            elif isinstance(node, tinycss2.ast.AtRule):
                assert node.lower_at_keyword == "media"
                found += selectors(tinycss2.parse_rule_list(node.content or [], True, True))
        return found

    found = selectors(tinycss2.parse_stylesheet(css, True, True))
    assert len(found) > 40
    assert all(s.startswith(".privacy-notice") for s in found), found
    # The fragment's headings are one level down: its h2 is the page's h1.
    assert ".privacy-notice h2" in found
    assert not any(" h1" in s for s in found)
    # Every declaration of the page survives.
    assert css.count(":") >= page_css.count(":") - page_css.count("@page")


@pytest.mark.parametrize("prefix", ["1abc", "a b", 'x"y', "-x", "a" * 41])
def test_a_bad_prefix_is_a_usage_error(tmp_path: Path, prefix: str) -> None:
    result = run_cli(
        "render", "--only", "notice", f"--id-prefix={prefix}", "--data", str(SMALL_YAML),
        "--out", str(tmp_path / "out"),
    )  # fmt: skip
    assert result.returncode == 2
    assert "invalid id prefix" in result.stderr
    assert not (tmp_path / "out").exists()


def test_cli_writes_the_prefixed_fragment_and_the_stylesheet(tmp_path: Path) -> None:
    result = run_cli(
        "render", "--only", "notice", "--lang", "en", "--id-prefix", "hr-", "--fragment-css",
        "--data", str(SMALL_YAML), "--out", str(tmp_path),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    fragment = (tmp_path / "notice.en.fragment.html").read_text(encoding="utf-8")
    assert 'id="hr-controller"' in fragment
    assert 'href="#hr-controller"' in fragment
    assert (
        (tmp_path / "notice.fragment.css").read_text(encoding="utf-8").startswith(".privacy-notice")
    )
