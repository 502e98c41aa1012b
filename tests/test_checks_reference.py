"""The rule reference is generated from the registry; docs/rules.md must match it.

Regenerate the page with ``UPDATE_GOLDEN=1 pytest tests/test_checks_reference.py``.
"""

from __future__ import annotations

import os

import pytest
from support.paths import ROOT

import harmonien_ropa as hr
from harmonien_ropa.checks import GROUPS, RULES
from harmonien_ropa.checks.examples import example_text
from harmonien_ropa.checks.reference import markdown
from harmonien_ropa.core.load_codes import LOAD_CODES, LoadCode

PAGE = ROOT / "docs" / "rules.md"


def test_reference_has_every_rule_with_law_fix_and_examples() -> None:
    text = markdown()
    for code, rule in RULES.items():
        section = text.split(f"### {code}\n", 1)[1].split("\n### ", 1)[0]
        assert rule.law in section
        assert rule.fix in section
        assert rule.examples()["failing"] in section
        assert rule.examples()["passing"] in section
        assert f"| [{code}](#{code.lower()}) | `{rule.name}` |" in text
    for group in GROUPS:
        assert f"## {group.prefix}xx: {group.title}" in text
    assert text.count("```yaml") == 2 * len(RULES) + len(LOAD_CODES) + 2


def test_reference_documents_every_load_code_from_its_table() -> None:
    text = markdown()
    assert [c.code for c in LOAD_CODES] == [f"ROPA{n:03d}" for n in range(1, 11)]
    for code in LOAD_CODES:
        section = text.split(f"### {code.code}\n", 1)[1].split("\n### ", 1)[0]
        assert code.summary in section
        assert code.fix in section
        assert f"```yaml\n{code.example}```" in section
        assert f"| [{code.code}](#{code.code.lower()}) | `{code.name}` |" in text


#: Examples that are whole files (read alone), and those that cannot be shown as a fragment
#: merged into the reference map: a file's bytes (ROPA008) and a second entry with the same id
#: (merging matches list entries by id, so it would merge the two).
_WHOLE_FILE = {"ROPA001", "ROPA002", "ROPA009"}
_NOT_MERGEABLE = {"ROPA007", "ROPA008"}


@pytest.mark.parametrize(
    "code", [c for c in LOAD_CODES if c.code not in _NOT_MERGEABLE], ids=lambda c: c.code
)
def test_load_code_example_gives_its_code(code: LoadCode) -> None:
    text = code.example if code.code in _WHOLE_FILE else example_text(code.example)
    with pytest.raises(hr.LoadError) as caught:
        hr.loads(text)
    assert code.code in {d.code for d in caught.value.diagnostics}


def test_docs_page_is_up_to_date() -> None:
    text = markdown()
    if os.environ.get("UPDATE_GOLDEN"):
        PAGE.write_text(text, encoding="utf-8")
    assert PAGE.read_text(encoding="utf-8") == text, "regenerate with UPDATE_GOLDEN=1"
