"""The rule reference is generated from the registry; docs/rules.md must match it.

Regenerate the page with ``UPDATE_GOLDEN=1 pytest tests/test_checks_reference.py``.
"""

from __future__ import annotations

import os

from conftest import ROOT

from harmonien_ropa.checks import GROUPS, RULES
from harmonien_ropa.checks.reference import markdown

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
    assert text.count("```yaml") == 2 * len(RULES) + 2


def test_docs_page_is_up_to_date() -> None:
    text = markdown()
    if os.environ.get("UPDATE_GOLDEN"):
        PAGE.write_text(text, encoding="utf-8")
    assert PAGE.read_text(encoding="utf-8") == text, "regenerate with UPDATE_GOLDEN=1"
