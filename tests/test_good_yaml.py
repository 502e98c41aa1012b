"""Valid variants that must load: CRLF, BOM, YAML 1.1 look-alikes, anchors and merge keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import harmonien_ropa as hr
from harmonien_ropa.source.loading import load_with_positions
from harmonien_ropa.source.yamlsource import parse

GOOD = Path(__file__).parent / "good_yaml"


@pytest.mark.parametrize("case", sorted(GOOD.glob("*.yaml")), ids=lambda p: p.stem)
def test_good_file_loads(case: Path) -> None:
    datamap = hr.load(case)
    assert datamap.organisation.org_number == "999999999"
    assert datamap.systems_of(datamap.activities[0])[0].name == "CRM"


def test_crlf_and_bom_give_the_same_map_and_positions() -> None:
    plain = hr.load(GOOD / "minimal.yaml")
    assert hr.load(GOOD / "crlf_line_endings.yaml") == plain
    assert hr.load(GOOD / "utf8_bom.yaml") == plain
    crlf = parse((GOOD / "crlf_line_endings.yaml").read_bytes().decode())
    lf = parse((GOOD / "minimal.yaml").read_text())
    assert crlf.positions == lf.positions


def test_yaml_1_1_lookalikes_stay_text() -> None:
    datamap = hr.load(GOOD / "norway_and_yes.yaml")
    assert datamap.organisation.name == "yes"
    assert datamap.parties[0].country == "NO"
    subject = datamap.data_subjects[0].name
    assert (subject.nb, subject.en) == ("no", "on")


def test_anchors_and_merge_keys() -> None:
    datamap = hr.load(GOOD / "anchors_and_merge.yaml")
    first, second = datamap.activities
    assert second.name.en == "Sales 2"
    assert second.retention == first.retention


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("NO", "NO"),
        ("no", "no"),
        ("yes", "yes"),
        ("On", "On"),
        ("0123", "0123"),
        ("1:20", "1:20"),
        ("true", True),
        ("False", False),
        ("12", 12),
        ("-3", -3),
        ("1.5", 1.5),
        ("~", None),
        ("null", None),
        ("0x1F", "0x1F"),
        ("2026-01-01", __import__("datetime").date(2026, 1, 1)),
    ],
)
def test_scalar_resolution_follows_yaml_1_2(text: str, value: object) -> None:
    assert parse(f"k: {text}\n").data == {"k": value}


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=40))
def test_quoted_text_round_trips(text: str) -> None:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    assert parse(f'k: "{escaped}"\n').data == {"k": text}


def test_positions_point_at_keys_and_values() -> None:
    doc = parse("a:\n  b: [x, y]\n  c: {d: 1}\n")
    assert doc.positions.keys[("a", "b")] == (2, 3)
    assert doc.positions.values[("a", "b", 1)] == (2, 10)
    assert doc.positions.values[("a", "c", "d")] == (3, 10)


def test_a_key_next_to_a_merge_key_overrides_the_merged_one() -> None:
    """YAML's merge key: the mapping's own keys win, then earlier merged mappings over later
    ones; neither is a duplicate key."""
    loaded = load_with_positions(GOOD / "merge_key_override.yaml")
    sales, abroad, by_consent = loaded.datamap.activities
    assert (abroad.id, abroad.name.en, abroad.purpose.en) == (
        "sales-abroad",
        "Sales abroad",
        "To sell.",
    )
    assert by_consent.id == "sales-by-consent"
    assert by_consent.legal_basis.value == "consent"  # the first merged mapping wins
    assert sales.legal_basis.value == "contract"
    # Positions point at what won: the overriding value, the merged one where it is written.
    assert loaded.positions.find(("activities", 1, "name")) == (46, 11)
    assert loaded.positions.find(("activities", 1, "purpose")) == (36, 14)
