"""Several legal bases per activity, consent as obtained, cookies, children, business contacts."""

from __future__ import annotations

import dataclasses
import io
import json
import os
from pathlib import Path

import openpyxl
import pytest
from support.cli import run_cli
from support.notice_text import render_notice

import harmonien_ropa as hr
from harmonien_ropa.checks.engine import check
from harmonien_ropa.checks.examples import example_map, example_text
from harmonien_ropa.core.errors import LoadError
from harmonien_ropa.law.consent import children_without_age_check, is_online
from harmonien_ropa.law.devices import consent_needed, trackers_without_consent
from harmonien_ropa.law.requirements import requirements
from harmonien_ropa.law.rights import applicable_rights, erasure_limit, right_parts, rights_of
from harmonien_ropa.law.terms import Right, label
from harmonien_ropa.law.wording import wrong_statements
from harmonien_ropa.model import LegalBasis
from harmonien_ropa.model.bases import Basis
from harmonien_ropa.outputs import RenderOptions, renderer
from harmonien_ropa.record import build_record

FIXTURE = Path(__file__).parent / "fixtures" / "bases.yaml"
GOLDEN = Path(__file__).parent / "golden" / "notice"


@pytest.fixture(scope="module")
def bases() -> hr.DataMap:
    return hr.load(FIXTURE)


def _codes(overlay: str) -> list[str]:
    return [d.code for d in check(example_map(overlay)).findings]


def _findings(overlay: str, code: str) -> list[tuple[int, int, str]]:
    text = example_text(overlay)
    found = check(example_map(overlay)).findings
    lines = text.splitlines()
    return [(d.line, d.column, lines[d.line - 1].strip()) for d in found if d.code == code]


# -- the model ---------------------------------------------------------------------------------


def test_single_form_is_one_basis_for_the_whole_activity(bases: hr.DataMap) -> None:
    membership = bases.activity("membership")
    (basis,) = membership.bases
    assert basis.basis is LegalBasis.CONTRACT
    assert basis.covers is None
    assert not basis.is_part
    assert basis.at("basis") == ("legal_basis",)
    assert membership.basis_values == (LegalBasis.CONTRACT,)


@pytest.mark.parametrize(
    "path", [FIXTURE, Path(__file__).parent.parent / "data" / "processing.yaml"]
)
def test_an_activitys_bases_are_its_stated_values(path: Path) -> None:
    """An activity's bases are the values its fields state, field by field (the owner too),
    and ``basis_values`` what the bases state, each once."""
    datamap = hr.load(path)
    assert any(a.legal_bases for a in datamap.activities) or path != FIXTURE
    assert any(not a.legal_bases for a in datamap.activities)
    for a in datamap.activities:
        if a.legal_bases:
            expected = tuple(
                Basis(
                    *(p.basis, p.covers, p.law, p.legitimate_interest, p.balancing_test),
                    p.consent,
                    (p.consent.withdrawal if p.consent else None) or a.consent_withdrawal,
                    p,
                    ("legal_bases", i),
                )
                for i, p in enumerate(a.legal_bases)
            )
        else:
            withdrawal = (a.consent.withdrawal if a.consent else None) or a.consent_withdrawal
            expected = (
                Basis(
                    *(a.legal_basis, None, a.legal_source, a.legitimate_interest),
                    *(a.balancing_test, a.consent, withdrawal, a, ()),
                ),
            )
        assert a.bases == expected
        fields = [f.name for f in dataclasses.fields(Basis)]
        for made, plain in zip(a.bases, expected, strict=True):
            assert [getattr(made, name) for name in fields] == [
                getattr(plain, name) for name in fields
            ]
            assert made.owner is plain.owner
        stated = [b.basis for b in expected if b.basis is not None]
        assert a.basis_values == tuple(dict.fromkeys(stated))


def test_several_bases_each_with_its_part(bases: hr.DataMap) -> None:
    employment = bases.activity("employment")
    assert employment.legal_basis is None
    assert employment.basis_values == (
        LegalBasis.CONTRACT,
        LegalBasis.LEGAL_OBLIGATION,
        LegalBasis.LEGITIMATE_INTERESTS,
    )
    tax = employment.bases[1]
    assert tax.law == "skatteforvaltningsloven § 7-2"
    assert tax.covers is not None
    assert tax.covers.en == "reporting to the tax authorities"
    assert tax.at("law") == ("legal_bases", 1, "law")
    assert employment.bases[2].is_assumed("covers")


def test_both_forms_at_once_are_refused_with_a_position() -> None:
    overlay = """
activities:
  - id: membership
    legal_basis: contract
    legal_bases:
      - basis: consent
"""
    with pytest.raises(LoadError) as caught:
        hr.loads(example_text(overlay), "map.yaml")
    (problem,) = caught.value.diagnostics
    assert problem.line > 1
    assert problem.code.startswith("ROPA")
    assert "'legal_basis'" in problem.message
    assert "legal_bases" in problem.message


def test_a_basis_entry_needs_its_basis(tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    path.write_text(
        example_text(
            """
activities:
  - id: membership
    legal_basis: null
    legal_bases:
      - covers: {nb: lønn, en: pay}
"""
        ),
        encoding="utf-8",
    )
    result = run_cli("check", "--data", str(path))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "legal_bases[0]" in result.stderr
    assert "basis" in result.stderr


def test_an_unknown_consent_mechanism_is_a_positioned_error(tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    text = example_text(
        """
activities:
  - id: membership
    legal_basis: consent
    consent: {mechanism: implied}
"""
    )
    path.write_text(text, encoding="utf-8")
    result = run_cli("check", "--data", str(path))
    assert result.returncode == 2
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "mechanism: implied" in row)
    assert f"map.yaml:{line}:" in result.stderr
    assert "double_opt_in" in result.stderr


# -- the law -----------------------------------------------------------------------------------


def test_rights_are_derived_per_part(bases: hr.DataMap) -> None:
    employment = bases.activity("employment")
    portability = right_parts(employment, Right.PORTABILITY)
    objection = right_parts(employment, Right.OBJECTION)
    assert [b.basis for b in portability] == [LegalBasis.CONTRACT]
    assert [b.basis for b in objection] == [LegalBasis.LEGITIMATE_INTERESTS]
    assert right_parts(employment, Right.WITHDRAW_CONSENT) == ()
    assert right_parts(bases.activity("membership"), Right.PORTABILITY) == ()
    found = rights_of(bases, employment)
    assert Right.PORTABILITY in found
    assert Right.OBJECTION in found
    assert Right.WITHDRAW_CONSENT not in found
    by_right = {r.right: r.activities for r in applicable_rights(bases)}
    assert employment in by_right[Right.OBJECTION]
    assert employment not in by_right[Right.WITHDRAW_CONSENT]


def test_erasure_is_limited_by_the_legal_obligation_part(bases: hr.DataMap) -> None:
    overlay = """
activities:
  - id: membership
    legal_basis: null
    legal_bases:
      - basis: contract
      - basis: legal_obligation
        law: bokføringsloven § 13
"""
    activity = example_map(overlay).datamap.activity("membership")
    # The law behind the basis requires the processing, not by itself keeping the data: the
    # limit is Art. 17(3)(b) unless the retention names the statute that requires keeping it.
    assert erasure_limit(activity) == "GDPR Art. 17(3)(b)"
    kept = (
        overlay
        + "    retention:\n      text: {nb: Fem år., en: Five years.}\n"
        + ("      period: P5Y\n      legal_source: bokføringsloven § 13\n")
    )
    assert erasure_limit(example_map(kept).datamap.activity("membership")) == (
        "GDPR Art. 17(3)(b); bokføringsloven § 13"
    )
    assert erasure_limit(bases.activity("newsletter")) is None


def test_requirements_follow_every_basis(bases: hr.DataMap) -> None:
    status = {
        item.key: cell.status for item, cell in requirements(bases, bases.activity("employment"))
    }
    assert status["13.1c"] == "assumed"  # a part's 'covers' is still an assumption
    assert status["13.1d"] == "stated"  # the interest of the legitimate-interests part
    assert status["13.2c"] == "n/a"  # no consent part
    newsletter = {
        item.key: c.status for item, c in requirements(bases, bases.activity("newsletter"))
    }
    assert newsletter["13.2c"] == "stated"  # consent.withdrawal


def test_contract_label_covers_steps_before_a_contract() -> None:
    assert "steps at your request before entering into one" in label(LegalBasis.CONTRACT, "en")
    assert "før en avtale inngås" in label(LegalBasis.CONTRACT, "nb")


def test_consent_online_and_children(bases: hr.DataMap) -> None:
    newsletter = bases.activity("newsletter")
    assert is_online(bases, newsletter)
    assert children_without_age_check(bases, newsletter) == ()  # consent.age_check is stated
    overlay = """
data_subjects:
  - id: members
    may_include_children: true
activities:
  - id: membership
    legal_basis: consent
    consent: {mechanism: signed_form, withdrawal: {nb: Skriv til oss., en: Write to us.}}
"""
    paper_map = example_map(overlay).datamap
    paper = paper_map.activity("membership")
    assert not is_online(paper_map, paper)
    assert children_without_age_check(paper_map, paper) == ()


def test_cookie_consent_is_derived_from_the_purpose(bases: hr.DataMap) -> None:
    assert [consent_needed(t) for t in bases.cookies] == [False, True, True]
    assert trackers_without_consent(bases, bases.activity("newsletter")) == ()


@pytest.mark.parametrize(
    "text",
    [
        "Ved å bruke nettsidene våre godtar du at vi bruker informasjonskapsler.",
        "Ved å nytte tenesta godtek du vilkåra.",
        "By using our website you agree to our use of cookies.",
        "Continued use of the site constitutes acceptance of these terms.",
    ],
)
def test_consent_by_use_is_recognised(text: str) -> None:
    assert [w.key for w in wrong_statements(text)] == ["consent-by-use"]


@pytest.mark.parametrize(
    "text",
    [
        "Vi bruker informasjonskapsler når du har godtatt det i banneret.",
        "By clicking Accept you consent to statistics cookies.",
        "You can use our website without accepting any cookies.",
    ],
)
def test_asking_for_consent_is_not_consent_by_use(text: str) -> None:
    assert wrong_statements(text) == ()


# -- the checker -------------------------------------------------------------------------------


def test_consent_by_use_in_a_text_is_reported_at_its_line() -> None:
    overlay = """
activities:
  - id: membership
    purpose:
      nb: Ved å bruke nettsiden godtar du at vi registrerer deg.
      en: To administer the membership.
"""
    (found,) = _findings(overlay, "ROPA410")
    assert found[2].startswith("nb: Ved å bruke")


def test_invalid_mechanism_is_an_error_at_the_mechanism() -> None:
    overlay = """
activities:
  - id: membership
    legal_basis: null
    legal_bases:
      - basis: contract
      - basis: consent
        covers: {nb: nyhetsbrev, en: newsletter}
        consent:
          mechanism: by_use
          records: {nb: Logg., en: Log.}
          withdrawal: {nb: Lenke., en: Link.}
"""
    (found,) = _findings(overlay, "ROPA120")
    assert found[2] == "mechanism: by_use"
    result = check(example_map(overlay))
    (finding,) = [d for d in result.findings if d.code == "ROPA120"]
    assert finding.severity.value == "error"
    assert "recital 32" in finding.message


def test_per_basis_rules_point_at_their_entry() -> None:
    overlay = """
activities:
  - id: membership
    legal_basis: null
    legal_bases:
      - basis: contract
      - basis: legal_obligation
      - basis: legitimate_interests
      - basis: consent
"""
    codes = _codes(overlay)
    assert "ROPA101" not in codes
    assert [f[2] for f in _findings(overlay, "ROPA106")] == ["- basis: legal_obligation"]
    assert [f[2] for f in _findings(overlay, "ROPA103")] == ["- basis: legitimate_interests"]
    assert [f[2] for f in _findings(overlay, "ROPA105")] == ["- basis: consent"]
    assert [f[2] for f in _findings(overlay, "ROPA121")] == ["- basis: consent"]


def test_cookie_without_consent_is_an_error_only_when_not_exempt() -> None:
    overlay = """
cookies:
  - {name: session, purpose: strictly_necessary, activity: membership}
  - {name: _ga, provider: hostco, purpose: statistics, activity: membership}
"""
    found = _findings(overlay, "ROPA620")
    assert len(found) == 1
    assert found[0][2].startswith("purpose: statistics")


def test_cookie_refers_to_existing_party_and_activity() -> None:
    overlay = """
cookies:
  - {name: _ga, provider: googel, purpose: statistics, activity: membrship}
"""
    with pytest.raises(LoadError) as caught:
        hr.loads(example_text(overlay), "map.yaml")
    messages = " ".join(d.message for d in caught.value.diagnostics)
    assert "party 'googel'" in messages
    assert "activity 'membrship'" in messages


def test_business_contacts_get_a_warning_not_an_error() -> None:
    private = _codes("activities:\n  - id: membership\n    marketing: [email]\n")
    assert "ROPA601" in private
    assert "ROPA606" not in private
    business = _codes(
        "data_subjects:\n  - id: members\n    business_contacts: true\n"
        "activities:\n  - id: membership\n    marketing: [email]\n"
    )
    assert "ROPA606" in business
    assert "ROPA601" not in business


def test_the_fixture_has_no_warnings(bases: hr.DataMap) -> None:
    result = run_cli("check", "--data", str(FIXTURE), "--fail-on", "warning")
    assert result.returncode == 0, result.stdout


# -- the outputs -------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_notice_golden(bases: hr.DataMap, lang: str) -> None:
    actual = render_notice(bases)[f"notice.{lang}.md"]
    path = GOLDEN / f"bases.{lang}.md"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8")


def test_notice_states_each_basis_rights_per_part_and_the_cookie_table(bases: hr.DataMap) -> None:
    page = render_notice(bases)["notice.en.md"]
    assert (
        "  - reporting to the tax authorities: necessary to comply with a legal obligation" in page
    )
    assert "Applies to: Employment (rotas)" in page  # objection: the legitimate-interests part
    assert "Employment (pay and the employment contract)" in page  # portability: the contract
    assert (
        "If you are under 13, the consent must be given or authorised by the holder of parental "
        "responsibility for you" in page
    )
    assert "| \\_pk_id (.kor.example), cookie" in page
    assert "1 year and 6 months | required | Newsletter |" in page
    html = render_notice(bases)["notice.nb.html"]
    assert '<section id="cookies"' in html
    assert "kreves" in html


def test_record_lists_bases_consent_and_cookies(bases: hr.DataMap) -> None:
    record = build_record(bases, "en")
    row = {r.key: r for r in record.activities.rows}
    columns = [c.key for c in record.activities.columns]
    employment = dict(zip(columns, row["employment"].cells, strict=True))
    assert employment["legal_basis"].items[1].startswith("reporting to the tax authorities: ")
    assert employment["legal_basis"].items[1].endswith(", skatteforvaltningsloven § 7-2")
    newsletter = dict(zip(columns, row["newsletter"].cells, strict=True))
    assert newsletter["consent"].items[:2] == (
        "Obtained by: double opt-in",
        "Records kept: Sign-up log in the register.",
    )
    assert record.cookies is not None
    assert [r.cells[7].items for r in record.cookies.rows] == [("no",), ("yes",), ("yes",)]


def test_record_workbook_has_a_cookie_sheet(bases: hr.DataMap) -> None:
    result = renderer("record")(bases, RenderOptions(languages=("en",)))
    (xlsx,) = [a for a in result.artifacts if a.path.endswith(".xlsx")]
    book = openpyxl.load_workbook(io.BytesIO(xlsx.content), read_only=True)
    assert "Cookies" in book.sheetnames


def test_exports_map_each_basis(bases: hr.DataMap, tmp_path: Path) -> None:
    result = run_cli(
        "render", "--data", str(FIXTURE), "--out", str(tmp_path), "--only", "dpv,fides,model"
    )
    assert result.returncode == 0, result.stderr
    turtle = (tmp_path / "ropa.dpv.ttl").read_text(encoding="utf-8")
    for term in ("eu-gdpr:A6-1-b", "eu-gdpr:A6-1-c", "eu-gdpr:A6-1-f", "dpv:ExpressedConsent"):
        assert term in turtle
    assert "dpv:Child" in turtle
    assert "dpv:TrackingByThirdParty" in turtle
    fides = (tmp_path / "ropa.fides.yml").read_text(encoding="utf-8")
    assert "name: Employment (reporting to the tax authorities)" in fides
    assert fides.count("legal_basis_for_processing: Legal obligations") == 1
    model = json.loads((tmp_path / "model.json").read_text(encoding="utf-8"))
    assert [c["consent_needed"] for c in model["cookies"]] == [False, True, True]


@pytest.mark.parametrize("group", ["html", "markdown", "spreadsheet"])
def test_payloads_in_bases_consent_and_cookies_are_inert(group: str) -> None:
    """The injection check of ``test_injection`` over this map, whose texts include every new
    field (a part's ``covers``, ``consent``, a cookie's name and domain, ``children_note``)."""
    from support.formats import CHECKS
    from support.hardening import benign, fill_text, group_texts, render_everything

    from harmonien_ropa.source.yamlsource import parse

    data = parse(FIXTURE.read_text(encoding="utf-8")).data
    texts = group_texts(group)

    def fill(payload: list[str]) -> hr.DataMap:
        filled = fill_text(data, payload)
        for activity in filled["activities"]:  # the single form's keys, filled in beside it
            if "legal_bases" in activity:
                for key in ("legal_source", "legitimate_interest", "balancing_test", "consent"):
                    activity.pop(key, None)
        return hr.from_data(filled)

    filled = fill_text(data, texts)
    assert filled["cookies"][1]["name"] in texts
    assert filled["activities"][1]["legal_bases"][0]["covers"]["en"] in texts
    files = render_everything(fill(texts), ("final",))
    base = render_everything(fill([benign(t) for t in texts]), ("final",))
    problems = []
    for path, content in sorted(files.items()):
        check_format = CHECKS.get(Path(path).suffix)
        if check_format is not None:
            problems += check_format(content, base[path], texts, path)
    assert problems == []


def test_an_assumed_basis_of_a_part_blocks_publication() -> None:
    from harmonien_ropa.checks.publication import BlockerKind, publication_blockers

    overlay = """
activities:
  - id: membership
    legal_basis: null
    legal_bases:
      - basis: contract
      - basis: legitimate_interests
        legitimate_interest: {nb: Å drive koret., en: Running the choir.}
        balancing_test: LIA 1
        assumptions:
          basis: The old notice gives no basis for the rotas.
"""
    blockers = publication_blockers(example_map(overlay))
    assert [b.kind for b in blockers] == [BlockerKind.LEGAL_BASIS]
    assert blockers[0].code == "ROPA901"


def test_record_notes_children_and_business_contacts(bases: hr.DataMap) -> None:
    record = build_record(bases, "en")
    columns = [c.key for c in record.activities.columns]
    cells = dict(zip(columns, record.activities.rows[0].cells, strict=True))
    assert cells["data_subjects"].items == (
        "members (may include children: the children's choir has singers from 8)",
    )
    overlay = "data_subjects:\n  - id: members\n    business_contacts: true\n"
    other = build_record(example_map(overlay).datamap, "nb")
    cells = dict(zip(columns, other.activities.rows[0].cells, strict=True))
    assert cells["data_subjects"].items == (
        "medlemmer (kontaktpersoner i virksomheter, nås på jobb)",
    )


@pytest.mark.slow
def test_cookie_table_is_accessible_and_fits_a_phone(
    browser: object, bases: hr.DataMap, tmp_path: Path
) -> None:
    """The notice with several bases, a word to children and the cookie table passes axe-core
    (WCAG 2.1 A/AA) at phone width without scrolling the page sideways, and the Nu validator."""
    from support.browser import PHONE, WCAG21_AA, Browser, describe_vnu, require, vnu_messages

    assert isinstance(browser, Browser)
    page = tmp_path / "notice.nb.html"
    page.write_text(render_notice(bases)["notice.nb.html"], encoding="utf-8")
    report = browser.check(page, width=PHONE, tags=(*WCAG21_AA, "best-practice"))
    assert report.violations == [], report.describe()
    assert not report.horizontal_scroll, report.describe()
    require("vnu")
    messages = vnu_messages(page, errors_only=True)
    assert messages == [], describe_vnu(messages)


def test_graph_gives_every_basis_and_the_cookies(bases: hr.DataMap) -> None:
    from harmonien_ropa.flows.graph import build, node_id

    graph = build(bases)
    employment = graph.nodes[node_id("activity", "employment")]
    assert employment["legal_bases"] == ["contract", "legal_obligation", "legitimate_interests"]
    newsletter = graph.nodes[node_id("activity", "newsletter")]
    assert newsletter["cookies"] == ["_pk_id", "open-pixel"]
