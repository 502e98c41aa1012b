"""The YAML reference generated from the JSON Schema (``harmonien_ropa.schema.yaml_reference``)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from harmonien_ropa.law.terms import article, label
from harmonien_ropa.model import LegalBasis, TransferMechanism
from harmonien_ropa.schema.json_schemas import datamap_schema
from harmonien_ropa.schema.yaml_reference import anchor, markdown_reference
from harmonien_ropa.source.yamlsource import parse

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def harmonien() -> dict[str, object]:
    data = parse((ROOT / "data" / "processing.yaml").read_text(encoding="utf-8")).data
    assert isinstance(data, dict)
    return data


@pytest.fixture(scope="module")
def page(harmonien: dict[str, object]) -> str:
    return markdown_reference(example=harmonien)


def _sections(page: str) -> dict[str, str]:
    parts = re.split(r"^## .*\{#([a-z0-9-]+)\}$", page, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def test_every_definition_has_a_section_with_every_key(page: str) -> None:
    schema = datamap_schema()
    sections = _sections(page)
    assert set(sections) == {anchor(n) for n in schema["$defs"]} | {"datamap"}
    for name, node in [("DataMap", schema), *schema["$defs"].items()]:
        section = sections[anchor(name)]
        rows = re.findall(r"^\| `([A-Za-z0-9_]+)` \|", section, re.M)
        assert sorted(rows) == sorted(node.get("properties", node.get("enum", []))), name


def test_required_keys_are_marked_and_listed_first(page: str) -> None:
    section = _sections(page)["activity"]
    rows = re.findall(r"^\| `([a-z_0-9]+)` \| [^|]+(?:\\\|[^|]+)* \| (yes)? \|", section, re.M)
    required = [key for key, mark in rows if mark]
    assert required == list(datamap_schema()["$defs"]["Activity"]["required"])
    assert [key for key, _ in rows][: len(required)] == required


def test_internal_links_all_resolve(page: str) -> None:
    anchors = set(re.findall(r"\{#([a-z0-9-]+)\}", page))
    links = set(re.findall(r"\]\(#([a-z0-9-]+)\)", page))
    assert links
    assert links <= anchors


def test_legal_vocabularies_give_article_and_both_labels(page: str) -> None:
    section = _sections(page)["legalbasis"]
    for basis in LegalBasis:
        row = next(r for r in section.splitlines() if r.startswith(f"| `{basis.value}` |"))
        assert article(basis) in row
        assert label(basis, "en") in row
        assert label(basis, "nb") in row
    assert article(TransferMechanism.EU_US_DPF) in _sections(page)["transfermechanism"]


def test_examples_come_from_the_data_map(page: str, harmonien: dict[str, object]) -> None:
    sections = _sections(page)
    activities = harmonien["activities"]
    assert isinstance(activities, list)
    assert f"id: {activities[0]['id']}" in sections["activity"]
    assert "Example (from Harmonien's data map)" not in sections["datamap"]
    assert "```yaml" in sections["text"]
    # long strings and lists are cut short
    for block in re.findall(r"```yaml\n(.*?)```", page, re.S):
        assert all(len(line) <= 120 for line in block.splitlines())


def test_without_an_example_there_are_no_examples() -> None:
    assert "```yaml" not in markdown_reference()


def test_output_is_deterministic(harmonien: dict[str, object], page: str) -> None:
    assert markdown_reference(example=harmonien) == page


def test_docstring_markup_becomes_markdown(page: str) -> None:
    prose = re.sub(r"```yaml\n.*?```", "", page, flags=re.S)
    assert "``" not in prose
    assert ":class:" not in prose
