"""locate (access and erasure requests) and impact (breach assessment), library and CLI."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support.paths import SMALL_YAML

import harmonien_ropa as hr
from harmonien_ropa.cli import main
from harmonien_ropa.flows.queries import QueryError, impact, locate

# -- locate: erasing a ticket customer ---------------------------------------------------


def test_erasing_a_ticket_customer(harmonien: hr.DataMap) -> None:
    result = locate(harmonien, "customers")
    systems = set(result.holder_ids("system"))
    parties = set(result.holder_ids("party"))
    # The CRM, the ticketing system, the e-mail system and the ad platforms' customer lists.
    assert {"superoffice", "eventim", "marketing-monitor", "meta-ads"} <= systems
    assert {"superoffice", "eventim", "marketing-monitor", "knowit-experience", "meta"} <= parties
    ads = next(h for h in result.holdings if h.activity == "ad-targeting")
    assert "custom_audience" in ads.marketing
    assert "meta-ads" in ads.systems
    assert not ads.erasure_limited
    # Everything but the accounting records can be erased on request.
    assert {h.activity for h in result.erasable} == {
        "ticket-administration",
        "wheelchair-seating",
        "ad-targeting",
    }
    (kept,) = result.kept
    assert kept.activity == "accounting"
    assert kept.legal_basis == "legal_obligation"
    assert kept.erasure_reason == "GDPR Art. 17(3)(b); bokføringsloven § 13"
    assert kept.retention.legal_source == "bokføringsloven § 13"
    assert kept.retention.period == "P5Y"
    assert kept.retention.assumed  # the statutory period is an assumption in the map
    accounting = next(h for h in result.holders if h.kind == "system" and h.id == "accounting")
    assert accounting.keep_for == ("accounting",)
    crm = next(h for h in result.holders if h.kind == "system" and h.id == "superoffice")
    assert crm.keep_for == ()
    # Seating needs are kept in the ticket system only, not where marketing can see them.
    assert "health" not in crm.categories
    tickets = next(h for h in result.holders if h.kind == "system" and h.id == "eventim")
    assert "health" in tickets.categories


def test_locate_only_some_categories(harmonien: hr.DataMap) -> None:
    result = locate(harmonien, "customers", ["national-id"])
    assert [h.activity for h in result.holdings] == ["accounting"]
    assert set(result.holder_ids("party")) == {"abacus-it", "visma", "auditor"}
    health = locate(harmonien, "customers", ["health"])
    assert [h.activity for h in health.holdings] == ["wheelchair-seating"]
    assert set(health.holder_ids("system")) == {"eventim"}


def test_locate_newsletter_subscriber(harmonien: hr.DataMap) -> None:
    result = locate(harmonien, "newsletter-subscribers")
    (holding,) = result.holdings
    assert holding.legal_basis == "consent"
    assert set(result.holder_ids("party")) == {
        "superoffice",
        "marketing-monitor",
        "knowit-experience",
    }


def test_locate_processor_activity_in_small_fixture(small: hr.DataMap) -> None:
    result = locate(small, "members")
    assert set(result.holder_ids("party")) == {"mailhost"}
    mailhost = next(h for h in result.holders if h.id == "mailhost")
    assert mailhost.country == ("US",)
    assert "health" in mailhost.categories


def test_locate_unknown_subject_suggests(harmonien: hr.DataMap) -> None:
    with pytest.raises(QueryError, match="did you mean 'customers'"):
        locate(harmonien, "custmers")
    with pytest.raises(QueryError, match="no data category 'mail'"):
        locate(harmonien, "customers", ["mail"])


@settings(max_examples=30, deadline=None)
@given(st.data())
def test_locate_respects_category_filter(harmonien: hr.DataMap, data: st.DataObject) -> None:
    subject = data.draw(st.sampled_from([s.id for s in harmonien.data_subjects]))
    all_ids = [c.id for c in harmonien.data_categories]
    wanted = data.draw(st.lists(st.sampled_from(all_ids), unique=True, max_size=4))
    result = locate(harmonien, subject, wanted)
    for holding in result.holdings:
        assert holding.categories
        assert not wanted or set(holding.categories) <= set(wanted)
    for holder in result.holders:
        assert not wanted or set(holder.categories) <= set(wanted)
        assert set(holder.activities) <= {h.activity for h in result.holdings}
    if not wanted:
        expected = {a.id for a in harmonien.activities if subject in a.data_subject_ids}
        assert {h.activity for h in result.holdings} == expected


# -- impact ------------------------------------------------------------------------------


def test_impact_knowit(harmonien: hr.DataMap) -> None:
    result = impact(harmonien, party="knowit-experience")
    assert result.parties == ("knowit-experience", "marketing-monitor")
    assert set(result.systems) == {"marketing-monitor", "meta-ads", "google-ads"}
    assert set(result.activities) == {
        "ticket-administration",
        "newsletter",
        "ad-targeting",
        "web-analytics-ads",
    }
    assert "accounting" not in result.activities
    assert set(result.data_subjects) == {"customers", "newsletter-subscribers", "ad-audience"}
    assert not result.involves_special_categories
    assert result.involves_transfers
    assert {(t.party, t.country, t.mechanism) for t in result.transfers} == {
        ("meta", "US", "eu_us_dpf"),
        ("google", "US", "eu_us_dpf"),
    }


def test_impact_eventim_system_involves_health(harmonien: hr.DataMap) -> None:
    result = impact(harmonien, system="eventim")
    assert result.kind == "system"
    assert result.parties == ("eventim",)
    assert result.special_categories == ("health",)
    assert not result.involves_transfers
    assert "wheelchair-seating" in result.activities
    crm = impact(harmonien, system="superoffice")
    assert crm.special_categories == ()
    assert "wheelchair-seating" not in crm.activities


def test_impact_accounting_vendor(harmonien: hr.DataMap) -> None:
    result = impact(harmonien, party="abacus-it")
    assert result.parties == ("abacus-it", "visma")  # Visma is Abacus IT's sub-processor
    assert result.activities == ("accounting",)
    assert result.national_id == ("national-id",)
    assert result.legal_bases == ("legal_obligation",)


def test_impact_small_mailhost(small: hr.DataMap) -> None:
    result = impact(small, party="mailhost")
    assert result.special_categories == ("health",)
    (transfer,) = result.transfers
    assert (transfer.country, transfer.mechanism, transfer.declared) == ("US", "scc", True)


def test_impact_needs_exactly_one_target(harmonien: hr.DataMap) -> None:
    with pytest.raises(QueryError):
        impact(harmonien)
    with pytest.raises(QueryError):
        impact(harmonien, party="meta", system="superoffice")
    with pytest.raises(QueryError, match="did you mean 'superoffice'"):
        impact(harmonien, system="superofice")


# -- CLI ---------------------------------------------------------------------------------


def test_cli_locate_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["locate", "--subject", "customers", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Data about 'customers and subscribers'" in out
    assert "erasure: limited (GDPR Art. 17(3)(b); bokføringsloven § 13)" in out
    assert "Facebook og Instagram (annonser og kundelister)" in out


def test_cli_locate_json_with_categories(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        ["locate", "--subject", "customers", "--category", "email,phone", "--format", "json"]
    )
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["categories"] == ["email", "phone"]
    assert "accounting" not in [h["activity"] for h in data["holdings"]]


def test_cli_impact_nb(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["impact", "--system", "eventim", "--lang", "nb"]) == 0
    out = capsys.readouterr().out
    assert "særlige kategorier (art. 9): helserelaterte forhold" in out
    assert "Datatilsynet" in out  # from the data map's supervisory authority


def test_cli_impact_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["impact", "--party", "meta", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["involves_transfers"] is True
    assert data["id"] == "meta"


def test_cli_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["locate", "--subject", "nobody"]) == 2
    assert "no data subject 'nobody'" in capsys.readouterr().err
    assert main(["impact"]) == 2
    assert main(["impact", "--party", "meta", "--system", "superoffice"]) == 2


# -- open assumptions are said to be open ---------------------------------------------------

ASSUMED_BASIS = "Contract is assumed; the board has not decided."
SMALL_TEXT = SMALL_YAML.read_text(encoding="utf-8")
MEMBERSHIP_BASIS = "    legal_basis: contract\n    art9_condition: explicit_consent\n"


def _small_with(tmp_path: Path, old: str, new: str) -> Path:
    assert old in SMALL_TEXT
    path = tmp_path / "map.yaml"
    path.write_text(SMALL_TEXT.replace(old, new, 1), encoding="utf-8")
    return path


def _membership(path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> dict[str, Any]:
    args = ["locate", "--data", str(path), "--subject", "members", *extra]
    assert main([*args, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    holding: dict[str, Any] = data["holdings"][0]
    assert holding["activity"] == "membership"
    return holding


def test_locate_says_an_assumed_legal_basis_is_not_confirmed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assumed = _small_with(
        tmp_path,
        MEMBERSHIP_BASIS,
        f"{MEMBERSHIP_BASIS}    assumptions:\n      legal_basis: {ASSUMED_BASIS}\n",
    )
    holding = _membership(assumed, capsys)
    assert holding["legal_bases_assumed"] == ["contract"]
    assert holding["assumed"]["legal_basis"] == [ASSUMED_BASIS]
    assert "retention" not in holding["assumed"]
    assert main(["locate", "--data", str(assumed), "--subject", "members", "--lang", "en"]) == 0
    text = capsys.readouterr().out
    assert "legal basis: necessary to perform a contract with you" in text
    assert "before entering into one (assumption to be confirmed)" in text
    assert main(["locate", "--data", str(assumed), "--subject", "members", "--lang", "nb"]) == 0
    assert "(antakelse som må bekreftes)" in capsys.readouterr().out
    # Confirmed (the assumption line removed): stated as settled.
    confirmed = _membership(SMALL_YAML, capsys)
    assert confirmed["legal_bases_assumed"] == []
    assert "legal_basis" not in confirmed["assumed"]
    assert main(["locate", "--data", str(SMALL_YAML), "--subject", "members", "--lang", "en"]) == 0
    text = capsys.readouterr().out
    basis_line = next(line for line in text.splitlines() if "legal basis:" in line)
    assert "assumption" not in basis_line


def test_locate_marks_only_the_assumed_one_of_several_bases(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _small_with(
        tmp_path,
        MEMBERSHIP_BASIS,
        "    legal_bases:\n"
        "      - basis: contract\n"
        "        covers: {nb: Medlemskapet., en: The membership.}\n"
        "      - basis: legal_obligation\n"
        "        law: bokføringsloven § 13\n"
        "        covers: {nb: Regnskapet., en: The accounts.}\n"
        f"        assumptions: {{basis: {ASSUMED_BASIS}}}\n"
        "    art9_condition: explicit_consent\n",
    )
    holding = _membership(path, capsys)
    assert holding["legal_basis"] == "contract, legal_obligation"
    assert holding["legal_bases_assumed"] == ["legal_obligation"]
    assert holding["assumed"]["legal_basis"] == [ASSUMED_BASIS]
    # The erasure limit follows from that basis: it is as open as the basis.
    assert holding["erasure_limited"] is True
    assert holding["assumed"]["erasure_limited"] == [ASSUMED_BASIS]
    assert main(["locate", "--data", str(path), "--subject", "members", "--lang", "en"]) == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "before entering into one, necessary to comply with a legal obligation " in text
    assert "legal obligation (assumption to be confirmed)" in text
    assert "before entering into one (assumption" not in text


def test_locate_says_when_a_party_role_or_country_is_assumed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _small_with(
        tmp_path,
        "    transfer_mechanism: scc\n",
        "    transfer_mechanism: scc\n    assumptions: {role: Not checked against the DPA.}\n",
    )
    assert main(["locate", "--data", str(path), "--subject", "members", "--format", "json"]) == 0
    holders = {h["id"]: h for h in json.loads(capsys.readouterr().out)["holders"]}
    assert holders["mailhost"]["assumed"] == {"role": ["Not checked against the DPA."]}
    assert holders["members-db"]["assumed"] == {}
    assert main(["locate", "--data", str(path), "--subject", "members", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Mailhost Inc., processor (assumption to be confirmed), United States" in out


def test_impact_says_when_a_transfer_ground_is_assumed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    note = "The DPA's annex has not been read yet."
    path = _small_with(
        tmp_path,
        "        mechanism: scc\n",
        f"        mechanism: scc\n        assumptions: {{mechanism: {note}}}\n",
    )
    args = ["impact", "--data", str(path), "--party", "mailhost"]
    assert main([*args, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    (transfer,) = data["transfers"]
    assert transfer["assumed"] == {"mechanism": [note]}
    assert data["legal_bases_assumed"] == []
    assert main([*args, "--lang", "en"]) == 0
    assert "(assumption to be confirmed) [Membership]" in capsys.readouterr().out
    assert main(["impact", "--data", str(SMALL_YAML), "--party", "mailhost", "--lang", "en"]) == 0
    assert "assumption to be confirmed" not in capsys.readouterr().out


def test_impact_lists_the_assumed_legal_bases(
    harmonien: hr.DataMap, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["impact", "--party", "meta", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    # Harmonien assumes legitimate interests for targeting with customer lists.
    assert "legitimate_interests" in data["legal_bases_assumed"]
    assert set(data["legal_bases_assumed"]) <= set(data["legal_bases"])
    notes = [n for _, _, field, n in harmonien.assumptions() if field in ("legal_basis", "basis")]
    assert set(data["assumed"]["legal_bases"]) <= set(notes)


def test_locate_harmonien_ad_targeting_basis_is_assumed(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["locate", "--subject", "customers", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "    legal basis: legitimate interests (assumption to be confirmed)\n" in out
