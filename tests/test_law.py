"""The legal engine (harmonien_ropa.law): each legal conclusion, checked on what is published.

Every test here renders a notice or a record, runs ``locate`` or the checker, and asserts on
what a reader or the checker's user sees.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

import harmonien_ropa as hr
from harmonien_ropa.checks import check
from harmonien_ropa.checks.coverage import coverage
from harmonien_ropa.checks.examples import example_map
from harmonien_ropa.flows.queries import locate
from harmonien_ropa.law import requirements
from harmonien_ropa.law.rights import erasure_limit
from harmonien_ropa.law.terms import Right
from harmonien_ropa.law.transfers import owes_safeguards_copy
from harmonien_ropa.model import TransferMechanism
from harmonien_ropa.outputs import RenderOptions
from harmonien_ropa.outputs.notice_pages import render as render_notice
from harmonien_ropa.record import build_record
from harmonien_ropa.source.loading import LoadedMap, load_with_positions
from harmonien_ropa.source.positions import Positions

DATA = Path(__file__).resolve().parent.parent / "data" / "processing.yaml"


def _data(small: hr.DataMap) -> dict[str, Any]:
    return copy.deepcopy(small.model_dump(mode="json", by_alias=True, exclude_defaults=True))


def _notice(datamap: hr.DataMap, lang: str) -> str:
    result = render_notice(datamap, RenderOptions(languages=(lang,)))
    files = {a.path: a.content for a in result.artifacts}
    # the Markdown as read: without the escapes that keep the map's text inert
    return files[f"notice.{lang}.md"].decode("utf-8").replace("\\", "")


def _record_text(datamap: hr.DataMap, lang: str) -> str:
    record = build_record(datamap, lang)
    return "\n".join(
        " | ".join(cell.joined() for cell in row.cells)
        for table in record.tables()
        for row in table.rows
    )


def _codes(overlay: str) -> list[str]:
    return [d.code for d in check(example_map(overlay)).findings]


# -- vital interests: two vocabularies share the value ---------------------------------------


def test_vital_interests_basis_is_published_as_art_6_1_d(small: hr.DataMap) -> None:
    data = _data(small)
    data["activities"][0]["legal_basis"] = "vital_interests"
    datamap = hr.from_data(data)
    assert "GDPR Art. 6(1)(d)" in _notice(datamap, "en")
    assert "personvernforordningen art. 6 nr. 1 bokstav d" in _notice(datamap, "nb")
    assert "9(2)(c)" not in _notice(datamap, "en").split("## ")[3]
    assert "GDPR Art. 6(1)(d)" in build_record(datamap, "en").activities.rows[0].cells[13].joined()


# -- the EU-US Data Privacy Framework ------------------------------------------------------------

_IRISH_RECIPIENT = """
parties:
  - id: adco
    name: Adco Ireland Ltd
    role: joint_controller
    country: IE
    privacy_policy: https://adco.example/privacy
    joint_arrangement: {nb: Avtale om felles ansvar., en: Joint controller agreement.}
    transfer_mechanism: eu_us_dpf
  - id: adco-us
    name: Adco, Inc.
    role: other_recipient
    country: US
    dpf_certified: true
systems:
  - id: ads
    name: Adco Ads
    vendor: adco
    hosting_countries: [IE, US]
activities:
  - id: membership
    systems: [register, ads]
    recipients: [adco]
    transfers:
      - party: adco
        country: US
        importer: adco-us
"""


def test_dpf_flow_names_the_us_importer_and_the_recipient_s_own_transfer() -> None:
    datamap = example_map(_IRISH_RECIPIENT).datamap
    text = _notice(datamap, "en")
    assert "Adco Ireland Ltd receives the data in the EEA and itself transfers it" in text
    assert "to Adco, Inc. in the United States" in text
    assert "Adco Ireland Ltd in United States" not in text
    assert "the recipient is certified" not in text
    # an adequacy decision: no copy of safeguards is offered
    assert "Copy of the safeguards" not in text
    assert _codes(_IRISH_RECIPIENT) == []


def test_a_certified_flag_on_a_non_us_party_is_refused() -> None:
    overlay = _IRISH_RECIPIENT.replace(
        "    transfer_mechanism: eu_us_dpf\n",
        "    transfer_mechanism: eu_us_dpf\n    dpf_certified: true\n",
        1,
    )
    assert "ROPA208" in _codes(overlay)


def test_dpf_without_a_us_importer_is_refused() -> None:
    overlay = _IRISH_RECIPIENT.replace("        importer: adco-us\n", "")
    findings = [d for d in check(example_map(overlay)).findings if d.code == "ROPA203"]
    assert findings
    assert "only a US organisation can be certified" in findings[0].message


def test_adequacy_never_owes_a_copy_of_safeguards(small: hr.DataMap) -> None:
    assert not owes_safeguards_copy(TransferMechanism.EU_US_DPF)
    assert not owes_safeguards_copy(TransferMechanism.ADEQUACY)
    assert not owes_safeguards_copy(TransferMechanism.DEROGATION_EXPLICIT_CONSENT)
    assert owes_safeguards_copy(TransferMechanism.SCC)
    assert owes_safeguards_copy(TransferMechanism.BCR)
    assert owes_safeguards_copy(TransferMechanism.DEROGATION_COMPELLING_INTERESTS)
    data = _data(small)
    data["parties"][0]["country"] = "GB"
    data["parties"][0]["transfer_mechanism"] = "adequacy"
    del data["parties"][0]["safeguards_copy"]
    data["systems"][1]["hosting_countries"] = ["GB"]
    data["activities"][0]["transfers"][0].update(country="GB", mechanism="adequacy")
    datamap = hr.from_data(data)
    for lang, heading in (("en", "Copy of the safeguards"), ("nb", "Kopi av garantiene")):
        assert heading not in _notice(datamap, lang)
    assert all(row.cells[5].joined() == "" for row in build_record(datamap, "en").transfers.rows)


# -- transfers when hosting is not known ----------------------------------------------------------


def test_unknown_hosting_is_not_published_as_no_transfers(small: hr.DataMap) -> None:
    data = _data(small)
    data["systems"][1]["hosting_countries"] = []
    data["activities"][0]["transfers"] = []
    data["parties"][0]["country"] = "NO"
    datamap = hr.from_data(data)
    en = _notice(datamap, "en")
    assert "We do not transfer personal data to countries outside the EEA" not in en
    assert "We do not yet know for certain whether personal data is transferred" in en
    assert "Mailhost *(provisional)*" in en
    nb = _notice(datamap, "nb")
    assert "Vi overfører ikke personopplysninger" not in nb
    assert "Vi vet ennå ikke sikkert" in nb
    record = build_record(datamap, "en")
    cell = record.activities.cell(record.activities.rows[0], "transfers")
    assert "No transfers to third countries" not in cell.joined()
    assert "not yet established whether data goes to third countries" in cell.joined()
    assert cell.status == "assumed"


def test_known_hosting_in_the_eea_still_says_no_transfers(small: hr.DataMap) -> None:
    data = _data(small)
    data["systems"][1]["hosting_countries"] = ["NO"]
    data["activities"][0]["transfers"] = []
    data["parties"][0]["country"] = "NO"
    datamap = hr.from_data(data)
    assert "We do not transfer personal data to countries outside the EEA" in _notice(datamap, "en")


# -- national identity numbers ----------------------------------------------------------------


def test_national_id_is_not_labelled_art_10(small: hr.DataMap) -> None:
    record = build_record(small, "nb")
    column = next(c for c in record.activities.columns if c.key == "special_categories")
    assert column.article == "art. 9, 10; personopplysningsloven § 12"
    assert "straffedommer" in column.label
    assert "fødselsnummer" in column.label


def test_national_id_required_by_the_named_statute_is_not_an_error() -> None:
    base = """
data_categories:
  - id: fnr
    name: {nb: fødselsnummer, en: national identity number}
    national_id: true
activities:
  - id: membership
    data_categories: [name, email, fnr]
"""
    assert "ROPA107" in _codes(base)
    statute = (
        base
        + """    legal_basis: legal_obligation
    legal_source: skatteforvaltningsloven § 7-2
"""
    )
    assert "ROPA107" not in _codes(statute)


# -- marketing and cookies --------------------------------------------------------------------


def test_email_marketing_rule_cites_markedsforingsloven_not_ekomloven() -> None:
    overlay = "activities: [{id: membership, marketing: [email]}]"
    (found,) = check(example_map(overlay)).findings
    assert found.code == "ROPA601"
    assert found.law is not None
    assert "markedsføringsloven § 15" in found.law
    assert "ekomloven" not in found.law
    assert "this marketing by this channel" in (found.fix or "")


def test_tracking_rule_cites_ekomloven_3_15() -> None:
    overlay = """
data_categories:
  - id: cookie-id
    name: {nb: informasjonskapsel-ID, en: cookie ID}
    fideslang: user.device.cookie_id
activities:
  - id: membership
    data_categories: [name, email, cookie-id]
    sources: [{kind: data_subject}, {kind: observed}]
"""
    (found,) = [d for d in check(example_map(overlay)).findings if d.code == "ROPA605"]
    assert found.law is not None
    assert "ekomloven § 3-15 (LOV-2024-12-13-76)" in found.law
    assert "6(1)(a)" not in found.law
    assert "ekomloven § 3-15 requires" in found.message


# -- DPIA ---------------------------------------------------------------------------------------


def test_dpia_third_party_criterion_follows_datatilsynet_s_wording() -> None:
    overlay = """
activities:
  - id: membership
    profiling: true
    sources: [{kind: data_subject}, {kind: third_party, description: {nb: en liste, en: a list}}]
"""
    assert "ROPA701" not in _codes(overlay), (
        "third-party data with one criterion is not on the list"
    )
    deciding = overlay + "    automated_decisions: true\n"
    found = [d for d in check(example_map(deciding)).findings if d.code == "ROPA701"]
    assert found
    assert "get, keep or lose an offer, product or service" in found[0].message


# -- onward transfers -------------------------------------------------------------------------


def test_hosting_behind_an_eea_controller_is_its_transfer_not_ours() -> None:
    overlay = """
parties:
  - id: adco
    name: Adco Ireland Ltd
    role: independent_controller
    country: IE
    privacy_policy: https://adco.example/privacy
systems:
  - id: ads
    name: Adco Ads
    vendor: adco
    hosting_countries: [IE, US]
activities:
  - id: membership
    systems: [register, ads]
"""
    findings = check(example_map(overlay)).findings
    codes = [d.code for d in findings]
    assert "ROPA209" in codes
    assert "ROPA202" not in codes, "not our Chapter V transfer"
    (onward,) = [d for d in findings if d.code == "ROPA209"]
    assert "under its own responsibility" in onward.message
    row = next(r for r in coverage(example_map(overlay).datamap).rows)
    assert all(c.status != "missing" for c in row.cells)


def test_hosting_behind_our_processor_abroad_is_our_transfer() -> None:
    overlay = """
parties:
  - id: adco
    name: Adco Ireland Ltd
    role: processor
    country: IE
    dpa: true
systems:
  - id: ads
    name: Adco Ads
    vendor: adco
    hosting_countries: [IE, US]
activities:
  - id: membership
    systems: [register, ads]
"""
    codes = _codes(overlay)
    assert "ROPA202" in codes
    assert "ROPA209" not in codes


# -- rights texts -----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_rights_texts_state_the_law(harmonien: hr.DataMap, lang: str) -> None:
    text = _notice(harmonien, lang)
    rights = text.split("## ")[
        [h.split("\n")[0] for h in text.split("## ")].index(
            "Dine rettigheter" if lang == "nb" else "Your rights"
        )
    ]
    access = next(
        line
        for line in rights.splitlines()
        if "(personvernforordningen art. 15)" in line or "(GDPR Art. 15)" in line
    )
    assert "sikkerhetstiltak" not in access
    assert "security measures" not in access
    erasure = next(line for line in rights.splitlines() if "Art. 17)" in line or "art. 17)" in line)
    assert ("grunnlagene for sletting" in erasure) or ("grounds for erasure" in erasure)
    assert ("to måneder til" in rights) or ("two further months" in rights)
    assert ("overfor hver av oss" in rights) or ("against each of us" in rights)
    assert (
        "Meta Platforms Ireland Ltd" in rights.split("\n\n")[-2]
        or "Meta Platforms Ireland Ltd" in rights
    )


# -- wording ---------------------------------------------------------------------------------


def test_norwegian_wording(harmonien: hr.DataMap) -> None:
    notice = _notice(harmonien, "nb")
    assert "utpekt personvernombud" in notice
    assert "utnevnt" not in notice
    assert "oppnevnt" not in notice
    assert "Kommisjonens gjennomføringsbeslutning (EU) 2023/1795" in notice
    record = _record_text(harmonien, "nb")
    assert "utpekt" in record
    assert ".;" not in record
    assert "GDPR Art." not in record
    assert "personvernforordningen art. 6 nr. 1 bokstav" in record


# -- the record and the checker agree ------------------------------------------------------------


def test_party_level_mechanism_counts_everywhere(small: hr.DataMap) -> None:
    data = _data(small)
    del data["activities"][0]["transfers"][0]["mechanism"]
    datamap = hr.from_data(data)
    record = build_record(datamap, "en")
    assert "standard contractual clauses" in record.transfers.rows[0].cells[4].joined()
    assert "standard contractual clauses" in _notice(datamap, "en")
    assert not [r for r in record.gaps.rows if r.key.endswith("30.1e")]
    exports = hr.render(datamap, only=["dpv", "fides"])
    files = {a.path: a.content.decode("utf-8") for a in exports.artifacts}
    assert "legal_basis_for_transfers:\n  - SCCs" in files["ropa.fides.yml"]
    assert "eu-gdpr:A46-2-c" in files["ropa.dpv.ttl"]
    row = coverage(datamap).rows[0]
    assert (
        dict(zip((i.key for i in requirements.ITEMS), row.cells, strict=True))["30.1e"].status
        != "missing"
    )


def test_a_party_only_a_source_is_not_a_recipient(small: hr.DataMap) -> None:
    data = _data(small)
    data["parties"].append(
        {"id": "registry", "name": "Registry AS", "role": "other_recipient", "country": "NO"}
    )
    data["activities"][0]["sources"].append({"kind": "third_party", "party": "registry"})
    datamap = hr.from_data(data)
    text = _notice(datamap, "en")
    recipients = text.split("## ")[
        [h.split("\n")[0] for h in text.split("## ")].index("Who receives the data")
    ]
    assert "Registry AS" not in recipients
    assert "Registry AS" in text  # named as the source


def test_record_does_not_list_gaps_the_checker_does_not_report(small: hr.DataMap) -> None:
    """The controller's postal address and who has access are not Art. 30 items."""
    data = _data(small)
    del data["organisation"]["address"]
    data["systems"][0]["access"] = []
    datamap = hr.from_data(data)
    record = build_record(datamap, "en")
    assert [r.key for r in record.gaps.rows] == [r.key for r in build_record(small, "en").gaps.rows]


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_notice_record_and_locate_give_the_same_erasure_limits(
    harmonien: hr.DataMap, lang: str
) -> None:
    limited = {a.id for a in harmonien.activities if erasure_limit(a) is not None}
    assert "accounting" in limited
    record = build_record(harmonien, lang)
    for row in record.activities.rows:
        erasure = record.activities.cell(row, "rights").items[2]
        assert (":" in erasure) == (row.key in limited)
    kept = {h.activity for h in locate(harmonien, "customers", lang=lang).kept}
    customers = {a.id for a in harmonien.activities_of(harmonien.data_subject("customers"))}
    assert kept == limited & customers
    notice = _notice(harmonien, lang)
    assert ("bokføringsloven § 13" in notice) == bool(limited)


def test_harmonien_notice_no_longer_repeats_seed_errors(harmonien: hr.DataMap) -> None:
    for lang in ("nb", "en"):
        text = _notice(harmonien, lang)
        for phrase in (
            "særskilt behov",
            "special need",
            "specific need",
            "juli 2018",
            "July 2018",
            "kryptert",
            "encrypted (hashed)",
            "group level",
        ):
            assert phrase not in text, phrase
    findings = check(load_with_positions(DATA)).findings
    seed = [d for d in findings if d.code == "ROPA410"]
    assert len(seed) == 4  # two seed sentences, each in nb and en
    lines = DATA.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("seed_texts:"))
    assert all(d.line > start for d in seed), "only the kept seed wording, nothing published"


def test_harmonien_us_importers(harmonien: hr.DataMap) -> None:
    importers = {t.party_id: t.importer_id for a in harmonien.activities for t in a.transfers}
    assert importers == {"meta": "meta-inc", "google": "google-llc"}
    assert harmonien.party("meta-inc").name == "Meta Platforms, Inc."
    assert harmonien.party("google-llc").name == "Google LLC"
    assert harmonien.party("meta").dpf_certified is None


def test_norwegian_record_marks_the_english_notes(harmonien: hr.DataMap) -> None:
    from harmonien_ropa.outputs.record_formats.pages import record_html

    page = record_html(build_record(harmonien, "nb")).decode("utf-8")
    note = next(n for _, _, _, n in harmonien.assumptions())
    assert f'<span lang="en">{note.split()[0]}' in page
    assert 'lang="en"' not in record_html(build_record(harmonien, "en")).decode("utf-8")[200:]


def test_the_representative_is_in_the_notice(small: hr.DataMap) -> None:
    """Art. 13(1)(a), 27: the controller's representative, when it has one."""
    data = _data(small)
    data["organisation"]["representative"] = {"name": "Rep GmbH", "email": "rep@rep.example"}
    datamap = hr.from_data(data)
    assert "Our representative in the EEA:** Rep GmbH e-mail: [rep@rep.example]" in _notice(
        datamap, "en"
    )
    assert "Vår representant i EØS:** Rep GmbH" in _notice(datamap, "nb")
    assert "Representative in the EEA" not in _notice(small, "en")


def test_direct_marketing_without_a_channel_keeps_the_absolute_objection(
    harmonien: hr.DataMap,
) -> None:
    """Art. 21(2)-(4): contacts kept to market to later, even with no channel listed."""
    from harmonien_ropa.law.rights import rights_of

    prospects = harmonien.activity("prospects")
    assert prospects.marketing == ()
    assert Right.OBJECTION_DIRECT_MARKETING in rights_of(harmonien, prospects)
    text = _notice(harmonien, "en")
    line = next(x for x in text.splitlines() if x.startswith("- **Objection to direct marketing**"))
    assert "Prospective customers" in line
    assert "- **Prospective customers** *(provisional)*. How to say no:" in text


def test_an_unrecorded_destination_is_not_published_as_no_transfers(small: hr.DataMap) -> None:
    data = _data(small)
    data["activities"][0]["transfers"] = []  # Mailhost (US) still hosts the mailer
    datamap = hr.from_data(data)
    text = _notice(datamap, "en")
    assert "We do not transfer personal data" not in text
    assert "We do not ourselves transfer" not in text
    assert "Data is also stored or processed in the United States, outside the EEA" in text
    assert "Opplysninger lagres eller behandles også i USA" in _notice(datamap, "nb")
    record = build_record(datamap, "en")
    cell = record.activities.cell(record.activities.rows[0], "transfers")
    assert cell.status == "missing"
    assert cell.items == ("data also goes to US (outside the EEA) without a recorded transfer",)


def test_only_onward_transfers_are_said_to_be_the_recipients(harmonien: hr.DataMap) -> None:
    text = _notice(harmonien, "en")
    assert "We do not ourselves transfer personal data to countries outside the EEA" in text


def test_wrong_wording_is_recognised_and_ordinary_wording_is_not() -> None:
    from harmonien_ropa.law.wording import wrong_statements

    def keys(text: str) -> list[str]:
        return [w.key for w in wrong_statements(text)]

    assert keys(
        "You can request access to which personal data we process and which security measures we have."
    ) == ["access-includes-security-measures"]
    assert keys("Du kan be om innsyn i opplysningene og hvilke sikkerhetstiltak vi har.") == [
        "access-includes-security-measures"
    ]
    assert keys("Security measures: access control and logging.") == []
    assert keys("Access control and other security measures protect the system.") == []
    assert keys("Vi utleverer ikke navn med mindre det er særskilt behov for det.") == [
        "open-ended-disclosure"
    ]
    assert keys("Lists are uploaded in encrypted (hashed) form.") == ["hashed-list-is-anonymous"]
    assert keys("Lists are hashed before upload; they are still personal data.") == []


def test_norwegian_record_marks_map_text_given_only_in_english(small: hr.DataMap) -> None:
    from harmonien_ropa.outputs.record_formats.pages import record_html

    data = _data(small)
    data["activities"][0]["purpose"] = {"en": "To administer the membership."}
    datamap = hr.from_data(data)
    nb = record_html(build_record(datamap, "nb")).decode("utf-8")
    assert '<span lang="en">To administer the membership.</span>' in nb
    en = record_html(build_record(datamap, "en")).decode("utf-8")
    assert '<span lang="en">To administer the membership.</span>' not in en
    assert "To administer the membership." in en


def test_graph_marks_the_recipient_s_own_transfer(harmonien: hr.DataMap, small: hr.DataMap) -> None:
    from harmonien_ropa.flows import graph

    edges = graph.build(harmonien).edges
    assert edges["party:meta", "country:US", "transferred-to:eu_us_dpf"]["onward"] is True
    ours = graph.build(small).edges["party:mailhost", "country:US", "transferred-to:scc"]
    assert ours["onward"] is False


def test_no_copy_of_safeguards_is_owed_for_a_recipient_s_own_transfer() -> None:
    """The recipient that transfers on its own account informs people of its safeguards."""
    overlay = """
parties:
  - id: festival
    name: Festival AS
    role: independent_controller
    country: "NO"
    privacy_policy: https://festival.example/privacy
activities:
  - id: membership
    recipients: [festival]
    transfers:
      - party: festival
        country: US
        mechanism: scc
"""
    loaded = example_map(overlay)
    assert "ROPA205" not in [d.code for d in check(loaded).findings]
    act = loaded.datamap.activity("membership")
    assert all(i.key != "13.1f" for i, _ in requirements.missing(loaded.datamap, act))
    assert "Copy of the safeguards" not in _notice(loaded.datamap, "en")


def test_compelling_interests_transfer_without_safeguards_is_a_gap_in_record_and_check(
    small: hr.DataMap,
) -> None:
    data = _data(small)
    transfer = data["activities"][0]["transfers"][0]
    transfer["mechanism"] = "derogation_compelling_interests"
    transfer.pop("safeguards", None)
    datamap = hr.from_data(data)
    for lang, text in (
        ("en", "suitable safeguards not documented"),
        ("nb", "egnede garantier ikke dokumentert"),
    ):
        cell = build_record(datamap, lang).transfers.rows[0].cells[5]
        assert cell.status == "missing"
        assert text in cell.joined()
    assert "ROPA217" in _codes_of(datamap)
    transfer["safeguards"] = {"nb": "Vurdert og dokumentert.", "en": "Assessed and documented."}
    datamap = hr.from_data(data)
    assert build_record(datamap, "en").transfers.rows[0].cells[5].status != "missing"
    assert "ROPA217" not in _codes_of(datamap)


def _codes_of(datamap: hr.DataMap) -> set[str]:
    return {f.code for f in check(LoadedMap(datamap, Positions(), "map.yaml")).findings}
