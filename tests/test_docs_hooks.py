"""The build-time generators of the documentation site (``docs/hooks.py``), one by one."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def hooks() -> ModuleType:
    spec = importlib.util.spec_from_file_location("docs_hooks", ROOT / "docs" / "hooks.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["docs_hooks"] = module
    spec.loader.exec_module(module)
    return module


def test_demote_moves_headings_but_not_code(hooks: ModuleType) -> None:
    text = "# Title\n\n```sh\n# a comment\n```\n##### Deep\ntext # not a heading\n"
    assert hooks.demote(text, 2) == (
        "### Title\n\n```sh\n# a comment\n```\n###### Deep\ntext # not a heading"
    )


def test_missing_renderers_are_said_so(hooks: ModuleType) -> None:
    assert "no `record` renderer yet" in hooks.document_page("record", "Record", {})
    assert "no `graph` renderer yet" in hooks.graph_page({}, {})


def test_document_page_orders_languages_and_embeds_markdown(hooks: ModuleType) -> None:
    paths = {
        "record.en.md": b"# Record\n\n## Activities\n",
        "record.nb.md": b"# Protokoll\n",
        "record.nb.html": b"<html></html>",
        "record.csv": b"a,b\n",
    }
    page = hooks.document_page("record", "Record of processing", paths)
    assert page.index("## Norsk (bokmål)") < page.index("## English")
    assert "### Protokoll" in page
    assert "#### Activities" in page
    assert "[`record.csv`](harmonien/record.csv) | CSV" in page
    assert (
        "Files: [HTML page](harmonien/record.nb.html) · [Markdown](harmonien/record.nb.md)." in page
    )


def test_rule_page_without_a_checker(hooks: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.import_module

    def no_checker(name: str, package: str | None = None) -> ModuleType:
        if name.startswith("harmonien_ropa.checks"):
            raise ImportError(name)
        return real(name, package)

    monkeypatch.setattr(hooks.importlib, "import_module", no_checker)
    assert hooks.rules_page() == (
        "# Checker rules\n\nThe checker is not available in this version.\n"
    )


def test_rule_page_with_the_checker(hooks: ModuleType) -> None:
    from harmonien_ropa.checks import RULES

    page = hooks.rules_page()
    for code in RULES:
        assert f"### {code}" in page


def test_check_block_cuts_the_file_at_a_step(hooks: ModuleType, tmp_path: Path) -> None:
    data = tmp_path / "map.yaml"
    data.write_text("# --8<-- [start:one]\nfoo: 1\n# --8<-- [end:one]\nbar: 2\n", encoding="utf-8")
    block = hooks.check_block(data, "one")
    assert block.startswith("```console\n$ harmonien-ropa check --data map.yaml\n")
    assert "map.yaml:2:1: error" in block  # 'foo' is not a key of the data map
    assert "bar" not in block
    assert block.endswith("$ echo $?\n2\n```")
    with pytest.raises(ValueError, match=r"no snippet marker \[end:two\]"):
        hooks.check_block(data, "two")
    assert "file is empty" in hooks.check_block(data, "step-0")


def test_unlisted_pages_go_under_more(hooks: ModuleType, tmp_path: Path) -> None:
    import pathspec

    (tmp_path / "index.md").write_text("# Home\n", encoding="utf-8")
    (tmp_path / "new-guide.md").write_text("Intro\n\n# A new guide\n", encoding="utf-8")
    (tmp_path / "skipped.md").write_text("# Kept out\n", encoding="utf-8")

    class Config:
        docs_dir = str(tmp_path)
        nav: list[object] = [{"Home": "index.md"}]  # noqa: RUF012
        exclude_docs = pathspec.GitIgnoreSpec.from_lines(["/skipped.md"])

    config = hooks.on_config(Config())
    assert config.nav == [{"Home": "index.md"}, {"More": [{"A new guide": "new-guide.md"}]}]


def test_every_exit_code_is_documented(hooks: ModuleType) -> None:
    from harmonien_ropa.cli import EXIT_CODES, build_parser

    assert set(EXIT_CODES) == {0, 1, 2, 3, 70, 130}
    page = hooks.cli_page()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    epilog = build_parser().epilog or ""
    for code, meaning in EXIT_CODES.items():
        assert f"| {code} | {meaning} |" in page
        assert f"| {code} | " in readme
        assert str(code) in epilog
