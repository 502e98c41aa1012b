"""The vendor catalogue: its entries, ``catalogue:`` in a map, the stale-entry rule, the command."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from harmonien_ropa.checks import CheckConfig, check
from harmonien_ropa.checks.examples import example_map, example_text
from harmonien_ropa.cli import main
from harmonien_ropa.core.errors import LoadError
from harmonien_ropa.interop.vocabulary import dpv, fideslang
from harmonien_ropa.law.transfers import party_needs_mechanism
from harmonien_ropa.source.catalogue import CatalogueEntry, catalogue, fill, stale
from harmonien_ropa.source.loading import loads

RUBIC = """
parties:
  - id: rubic
    catalogue: rubic
    dpa: true
systems:
  - id: members
    catalogue: rubic
    hosting_countries: ["NO"]
    security_measures:
      - {nb: tilgangskontroll, en: access control}
activities:
  - id: membership
    systems: [register, members]
"""


def test_the_catalogue_holds_at_least_30_vendors_each_with_a_source_and_date() -> None:
    entries = catalogue()
    assert len(entries) >= 30
    for ident, entry in entries.items():
        assert entry.id == ident
        assert entry.source.startswith("https://")
        assert isinstance(entry.checked, dt.date)
        assert entry.checked <= dt.date(2026, 12, 5), ident  # no date in the future of writing


def test_every_kind_of_service_the_newcomer_needs_is_there() -> None:
    kinds = {entry.category for entry in catalogue().values()}
    assert {
        "ticketing",
        "crm",
        "email",
        "payments",
        "accounting",
        "advertising",
        "analytics",
        "video",
        "membership",
    } <= kinds


def test_catalogue_keys_exist_in_the_shipped_vocabularies() -> None:
    for entry in catalogue().values():
        for key in entry.fideslang:
            assert fideslang().known("data_use", key), (entry.id, key)
        for concept in entry.dpv:
            assert concept in dpv(), (entry.id, concept)


def test_web_tags_name_hosts_and_cookies_for_a_website_scan() -> None:
    meta = catalogue()["meta-pixel"]
    assert "connect.facebook.net" in meta.hosts
    assert "_fbp" in meta.cookies
    analytics = catalogue()["google-analytics"]
    assert {"googletagmanager.com", "google-analytics.com"} <= set(analytics.hosts)
    assert {"_ga", "_ga_*"} <= set(analytics.cookies)


def test_one_schema_defines_an_entry() -> None:
    raw = catalogue()["rubic"].model_dump(mode="json")
    raw["country"] = "Norway"
    with pytest.raises(ValueError, match="country"):
        CatalogueEntry.model_validate(raw)


def test_a_party_and_a_system_take_what_they_leave_out_from_the_entry() -> None:
    datamap = example_map(RUBIC).datamap
    party = datamap.party("rubic")
    assert party is not None
    assert (party.name, party.country, party.role.value) == ("Rubic AS", "NO", "processor")
    assert party.dpa_reference == "https://www.rubic.no/databehandleravtale/"
    system = next(s for s in datamap.systems if s.id == "members")
    assert system.name == "Rubic"
    assert system.vendor_id == "rubic"  # the party naming the same entry
    # Catalogue facts count as stated, with the entry's source and date; the map's own are plain.
    assert not party.provenance("name").is_assumed
    assert party.provenance("name").note == (
        "vendor catalogue 'rubic': https://rubic.no/personvern/personvernerklaering/, "
        "checked 2026-12-05"
    )
    assert party.provenance("dpa").note is None
    assert system.provenance("vendor").note is not None


def test_what_the_map_states_wins_and_an_assumption_stays_an_assumption() -> None:
    overlay = RUBIC.replace(
        "    dpa: true\n",
        "    dpa: true\n    name: Rubic (our contract)\n"
        "    assumptions: {country: Not confirmed with the vendor.}\n",
    )
    party = example_map(overlay).datamap.party("rubic")
    assert party is not None
    assert party.name == "Rubic (our contract)"
    assert party.provenance("name").note is None
    assert party.provenance("country").is_assumed


def test_the_law_layer_sees_the_merged_values() -> None:
    overlay = """
parties:
  - id: mailchimp
    catalogue: mailchimp
    dpa: true
"""
    party = example_map(overlay).datamap.party("mailchimp")
    assert party is not None
    assert (party.country, party.dpf_certified) == ("US", True)
    assert not party_needs_mechanism(party)  # the DPF covers a certified US importer


def test_model_json_shows_the_merged_values_and_their_sources() -> None:
    from harmonien_ropa.outputs import render

    datamap = example_map(RUBIC).datamap
    result = render(datamap, only=["model"])
    model = json.loads(next(a.content for a in result.artifacts if a.path == "model.json"))
    party = next(p for p in model["parties"] if p["id"] == "rubic")
    assert (party["name"], party["catalogue"]) == ("Rubic AS", "rubic")
    index = model["parties"].index(party)
    assert {
        "path": f"parties[{index}].name",
        "entry": "rubic",
        "source": "https://rubic.no/personvern/personvernerklaering/",
        "checked": "2026-12-05",
    } in model["catalogue_facts"]
    assert not any(f["path"] == f"parties[{index}].dpa" for f in model["catalogue_facts"])


def test_an_unknown_entry_is_a_load_error_at_its_line_with_a_guess() -> None:
    text = example_text("parties:\n  - id: rubic\n    catalogue: rubik\n")
    with pytest.raises(LoadError) as raised:
        loads(text, "map.yaml")
    (found,) = raised.value.diagnostics
    line = text.splitlines()[found.line - 1]
    assert line.strip() == "catalogue: rubik"
    assert found.column == line.index("rubik") + 1
    assert "did you mean 'rubic'?" in found.message
    assert found.code == "ROPA006"


def test_check_exits_2_on_an_unknown_entry(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "map.yaml"
    path.write_text(example_text("parties:\n  - id: rubic\n    catalogue: nope-nope\n"))
    assert main(["check", "--data", str(path)]) == 2
    assert "not an entry of the vendor catalogue" in capsys.readouterr().err


def test_fill_gives_only_what_the_entry_knows() -> None:
    styreweb = catalogue()["styreweb"]
    assert styreweb.country is None
    assert "country" not in fill(styreweb, "parties")
    assert fill(styreweb, "parties")["name"] == "StyreWeb"


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (dt.date(2027, 12, 5), False),  # exactly a year: not yet
        (dt.date(2027, 12, 6), True),
        (dt.date(2028, 2, 29), True),
    ],
)
def test_an_entry_is_stale_after_a_year(today: dt.date, expected: bool) -> None:
    assert stale(catalogue()["rubic"], today) is expected


def _stale_codes(today: dt.date | None) -> list[str]:
    loaded = example_map(RUBIC)
    return [d.code for d in check(loaded, CheckConfig(today=today)).findings if d.code == "ROPA507"]


def test_the_stale_rule_counts_from_the_checkers_today() -> None:
    assert _stale_codes(None) == []  # today not known: silent
    assert _stale_codes(dt.date(2026, 12, 1)) == []
    assert _stale_codes(dt.date(2027, 12, 6)) == ["ROPA507", "ROPA507"]  # the party and the system


def test_the_stale_rule_points_at_the_catalogue_key() -> None:
    loaded = example_map(RUBIC)
    findings = check(loaded, CheckConfig(today=dt.date(2028, 1, 1))).findings
    lines = example_text(RUBIC).splitlines()
    for finding in (f for f in findings if f.code == "ROPA507"):
        assert lines[finding.line - 1].strip() == "catalogue: rubic"


def test_catalogue_command_lists_entries_as_json(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["catalogue", "--format", "json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert len(listed) == len(catalogue())
    for item in listed:
        assert {"id", "name", "country", "importer", "checked", "source"} <= set(item)
        assert item["source"].startswith("https://")
        dt.date.fromisoformat(item["checked"])
    by_id = {item["id"]: item for item in listed}
    assert by_id["rubic"]["importer"] is None  # no source names one: not known
    assert by_id["linkedin-insight-tag"]["importer"] == {
        "legal_entity": "LinkedIn Corporation",
        "country": "US",
        "dpf_certified": True,
        "source": "https://www.linkedin.com/help/linkedin/answer/62533",
    }


def test_catalogue_command_lists_entries_as_text(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["catalogue"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") >= len(catalogue())
    assert "rubic" in out
    assert "Rubic AS" in out
    assert "2026-12-05" in out
    assert "data to Meta Platforms, Inc. (US, DPF)" in out


def test_catalogue_output_is_deterministic(capsys) -> None:  # type: ignore[no-untyped-def]
    main(["catalogue", "--format", "json"])
    first = capsys.readouterr().out
    main(["catalogue", "--format", "json"])
    assert capsys.readouterr().out == first


def test_entries_are_frozen() -> None:
    entry = catalogue()["rubic"]
    with pytest.raises((TypeError, ValueError, dataclasses.FrozenInstanceError)):
        entry.name = "x"  # type: ignore[misc]


def test_a_required_key_the_entry_does_not_give_says_so() -> None:
    text = example_text("parties:\n  - id: styreweb\n    catalogue: styreweb\n")
    with pytest.raises(LoadError) as raised:
        loads(text, "map.yaml")
    messages = [d.message for d in raised.value.diagnostics]
    assert any(
        "missing the required key 'country'" in m
        and "the vendor catalogue's entry 'styreweb' does not give it" in m
        for m in messages
    ), messages
    assert not any("'name'" in m for m in messages)  # the service's name stands in


# -- the data importer of an entry -------------------------------------------------------------


def _with_importer(importer: dict[str, object] | None) -> dict[str, CatalogueEntry]:
    """The catalogue with a test entry whose data importer is ``importer``."""
    entry = catalogue()["rubic"].model_dump(mode="json")
    entry.update(
        id="cloudtool",
        name="Cloudtool",
        legal_entity="Cloudtool Ireland Ltd",
        country="IE",
        importer=importer,
    )
    return {**catalogue(), "cloudtool": CatalogueEntry.model_validate(entry)}


CLOUDTOOL = """
parties:
  - id: cloudtool
    catalogue: cloudtool
    dpa: true
  - id: cloudtool-inc
    catalogue_importer: cloudtool
    role: other_recipient
systems:
  - id: tool
    catalogue: cloudtool
    hosting_countries: [IE]
    security_measures:
      - {nb: tilgangskontroll, en: access control}
activities:
  - id: membership
    systems: [register, tool]
    transfers:
      - party: cloudtool
        country: US
        importer: cloudtool-inc
"""

IMPORTER = {
    "legal_entity": "Cloudtool, Inc.",
    "country": "US",
    "dpf_certified": True,
    "source": "https://cloudtool.example/dpa",
}


def _transfer_codes(monkeypatch: pytest.MonkeyPatch, importer: dict[str, object]) -> set[str]:
    entries = _with_importer(importer)
    monkeypatch.setattr("harmonien_ropa.source.catalogue.merge.catalogue", lambda: entries)
    loaded = example_map(CLOUDTOOL)
    return {d.code for d in check(loaded, CheckConfig()).findings if d.code.startswith("ROPA20")}


def test_a_party_naming_an_entrys_importer_takes_its_facts_with_their_source(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from harmonien_ropa.law.transfers import dpf_covers, importer

    entries = _with_importer(IMPORTER)
    monkeypatch.setattr("harmonien_ropa.source.catalogue.merge.catalogue", lambda: entries)
    datamap = example_map(CLOUDTOOL).datamap
    party = datamap.party("cloudtool-inc")
    assert party is not None
    assert (party.name, party.country, party.dpf_certified) == ("Cloudtool, Inc.", "US", True)
    assert party.provenance("dpf_certified").note == (
        "vendor catalogue 'cloudtool' (data importer): https://cloudtool.example/dpa, "
        "checked 2026-12-05"
    )
    assert party.provenance("role").note is None  # written in the map
    # The law layer decides the transfer from the merged importer, like any other party.
    (transfer,) = datamap.activity("membership").transfers
    assert importer(datamap, transfer).id == "cloudtool-inc"
    assert dpf_covers(datamap, transfer)


def test_the_importers_dpf_status_decides_whether_the_transfer_needs_a_mechanism(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert "ROPA201" not in _transfer_codes(monkeypatch, IMPORTER)
    unknown = {**IMPORTER, "dpf_certified": None}  # not known: no adequacy is assumed
    assert "ROPA201" in _transfer_codes(monkeypatch, unknown)


def test_an_entry_without_an_importer_cannot_be_named_as_one() -> None:
    text = example_text("parties:\n  - id: x\n    catalogue_importer: rubic\n    role: processor\n")
    with pytest.raises(LoadError) as raised:
        loads(text, "map.yaml")
    (found,) = raised.value.diagnostics
    assert found.code == "ROPA006"
    assert "the vendor catalogue's entry 'rubic' names no data importer" in found.message
    assert "catalogue_importer:" in text.splitlines()[found.line - 1]
    text = example_text("parties:\n  - id: x\n    catalogue_importer: rubik\n")
    with pytest.raises(LoadError, match="did you mean 'rubic'"):
        loads(text, "map.yaml")


def test_a_party_is_a_service_or_an_importer_not_both() -> None:
    text = example_text(
        "parties:\n  - id: x\n    catalogue: rubic\n    catalogue_importer: rubic\n"
    )
    with pytest.raises(LoadError, match="keep one key"):
        loads(text, "map.yaml")


def test_only_a_us_importer_can_have_a_dpf_status() -> None:
    with pytest.raises(ValueError, match="only US organisations"):
        _with_importer({**IMPORTER, "country": "GB"})


def test_importers_in_the_catalogue_are_outside_the_eea_with_a_source() -> None:
    from harmonien_ropa.law.countries import is_eea

    for entry in catalogue().values():
        if entry.importer is not None:
            assert not is_eea(entry.importer.country), entry.id
            assert entry.importer.source.startswith("https://"), entry.id
            if entry.importer.dpf_certified is not None:
                assert entry.importer.country == "US", entry.id


def test_an_entry_registered_in_norway_has_a_valid_organisation_number() -> None:
    """The entry's schema applies the check digit to a Norwegian company, not to one abroad."""
    from pydantic import ValidationError

    entry = catalogue()["ticketco"].model_dump()
    assert entry["country"] == "NO"
    with pytest.raises(ValidationError, match="check digit"):
        CatalogueEntry.model_validate({**entry, "org_number": "999888777"})
    abroad = CatalogueEntry.model_validate({**entry, "country": "SE", "org_number": "5560360793"})
    assert abroad.org_number == "5560360793"
