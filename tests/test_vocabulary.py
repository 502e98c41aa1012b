"""DPV and fideslang terms: the shipped lists, the did-you-mean, the check, the exports.

Everything here reads the term lists shipped in ``harmonien_ropa/interop/vocabularies/``; the
DPV source files they are generated from are not needed (only the optional comparison with a
fresh generation reads them, when ``DPV_SOURCE`` names their folder).
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
import yaml
from rdflib import Graph, URIRef
from support.paths import FIXTURES, HARMONIEN_YAML, ROOT

import harmonien_ropa as hr
from harmonien_ropa.checks.examples import example_text
from harmonien_ropa.cli import main
from harmonien_ropa.interop import vocabulary
from harmonien_ropa.interop.fides import export_manifest
from harmonien_ropa.interop.mapping import mapping
from harmonien_ropa.interop.vocabulary import (
    BROADER,
    INSTEAD,
    RENAMED,
    SPELLING,
    Suggestion,
    dpv,
    dpv_term,
    fideslang,
)
from harmonien_ropa.model import LegalBasis

#: Every data map the tests use as a fixture (the synthetic ones are added where they matter).
MAPS = sorted(
    [
        HARMONIEN_YAML,
        *FIXTURES.glob("*.yaml"),
        *(FIXTURES / "changes").glob("*.yaml"),
        *list((ROOT / "tests" / "good_yaml").glob("*.yaml")),
    ]
)

#: The terms issue reports of real maps used, and what DPV has instead.
UNKNOWN_DPV = {
    "pd:Behavioral": Suggestion("pd:Behavioural", SPELLING),
    "pd:NationalIdentificationNumber": Suggestion("pd:OfficialID", INSTEAD),
    "pd:OnlineIdentifier": Suggestion("pd:Identifier", BROADER),
    "pd:PurchaseHistory": Suggestion("pd:Purchase", BROADER),
    "pd:Employer": Suggestion("pd:CurrentEmployment", INSTEAD),
    "pd:JobTitle": Suggestion("pd:Job", BROADER),
    "pd:Membership": Suggestion("pd:GroupMembership", INSTEAD),
    "pd:Profession": Suggestion("pd:Professional", INSTEAD),
}

#: A map (the checker's reference map) with unknown DPV and fideslang terms of every kind.
BAD_TERMS = example_text(
    """
data_subjects:
  - id: members
    fideslang: member
    dpv: dpv:Costumer
data_categories:
  - id: name
    fideslang: user.behaviour
    dpv: pd:Behavioral
  - id: email
    fideslang: user.contact.e_mail
    dpv: pd:PurchaseHistory
activities:
  - id: membership
    fideslang: personalize.profiling
    dpv: dpv:FooBar
"""
)


# -- the shipped lists ------------------------------------------------------------------------


def test_lists_record_source_version_and_how_to_regenerate() -> None:
    folder = ROOT / "harmonien_ropa" / "interop" / "vocabularies"
    names = sorted(p.name for p in folder.glob("*.txt"))
    assert names == ["dpv-2.3.txt", f"fideslang-{fideslang().version}.txt"]
    for name in names:
        header = [
            line
            for line in (folder / name).read_text(encoding="utf-8").splitlines()
            if line.startswith("#")
        ]
        text = "\n".join(header)
        assert "# version: " in text, name
        assert "# source: " in text, name
        assert "scripts/update-vocabularies.py" in text, name
    assert dpv().name == "DPV 2.3"


def test_dpv_list_holds_the_four_vocabularies() -> None:
    terms = dpv()
    for term in ("dpv:Process", "dpv:hasPersonalData", "pd:Behavioural", "eu-gdpr:A6-1-a"):
        assert term in terms
    assert "loc:NO" in terms
    assert "loc:US" in terms
    for term in UNKNOWN_DPV:
        assert term not in terms
    assert list(terms.ancestors("pd:BrowsingBehaviour"))[:2] == ["pd:Behavioural", "pd:External"]
    assert "dpv:PersonalData" in terms.ancestors("pd:Purchase")


def test_fideslang_list_is_the_installed_taxonomy() -> None:
    script = _script()
    pytest.importorskip("fideslang")
    name, *lines = script.fideslang_lines()
    shipped = ROOT / "harmonien_ropa" / "interop" / "vocabularies" / name
    assert shipped.read_text(encoding="utf-8") == "\n".join(lines) + "\n"


_SAMPLE_DPV = {
    "dpv.ttl": """@prefix dpv: <https://w3id.org/dpv#> . @prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<https://w3id.org/dpv> owl:versionInfo "2.3" .
dpv:Purpose a skos:Concept . dpv:Marketing a skos:Concept ; skos:broader dpv:Purpose .
""",
    "pd.ttl": """@prefix pd: <https://w3id.org/dpv/pd#> . @prefix dpv: <https://w3id.org/dpv#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
pd:Purchase a skos:Concept ; skos:broader pd:Transactional, dpv:PersonalData .
pd:Transactional a skos:Concept .
""",
    "eu-gdpr.ttl": """@prefix eu-gdpr: <https://w3id.org/dpv/legal/eu/gdpr#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> . eu-gdpr:A6-1-a a skos:Concept .
""",
    "loc.ttl": """@prefix loc: <https://w3id.org/dpv/loc#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> . loc:NO a skos:Concept ; skos:broader loc:EU .
""",
}


def test_dpv_list_generator_writes_what_the_package_reads(tmp_path: Path) -> None:
    # The real source files are not part of the repository: the generator runs here on a small
    # sample in DPV's shape, and must give the shipped list's header and line format.
    for name, text in _SAMPLE_DPV.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    name, *lines = _script().dpv_lines(tmp_path)
    shipped = ROOT / "harmonien_ropa" / "interop" / "vocabularies" / name
    shipped_lines = shipped.read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("#")]
    assert [h for h in header if "sha256" not in h] == [
        h for h in shipped_lines if h.startswith("#") and "sha256" not in h
    ]
    assert [line for line in lines if not line.startswith("#")] == [
        "dpv:Marketing dpv:Purpose",
        "dpv:Purpose",
        "eu-gdpr:A6-1-a",
        "loc:NO",
        "pd:Purchase dpv:PersonalData pd:Transactional",
        "pd:Transactional",
    ]
    for line in ("dpv:Purpose", "loc:NO"):
        assert line in shipped_lines


def _script() -> ModuleType:
    path = ROOT / "scripts" / "update-vocabularies.py"
    spec = importlib.util.spec_from_file_location("update_vocabularies", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_term_of_the_mapping_table_exists() -> None:
    table = mapping()
    terms = dpv()
    concepts = [r.dpv for rows in table.tables.values() for r in rows if r.dpv]
    concepts += [r.dpv for r in table.purposes if r.dpv]
    concepts += list(table.dpv_instead.values())
    assert [c for c in concepts if c not in terms] == []
    assert [c for c in table.dpv_instead if c in terms] == []
    for rows, root in (
        ("data_categories", "dpv:PersonalData"),
        ("data_subjects", "dpv:HumanSubject"),
    ):
        for row in table.tables[rows]:
            assert row.dpv is None or root in terms.ancestors(row.dpv), row
    for rule in table.purposes:
        assert rule.dpv is None or "dpv:Purpose" in terms.ancestors(rule.dpv), rule
    taxonomy = fideslang()
    for kind, rows in (("data_category", "data_categories"), ("data_subject", "data_subjects")):
        for row in table.tables[rows]:
            assert row.fideslang is None or taxonomy.known(kind, row.fideslang), row
    for rule in table.purposes:
        assert rule.fideslang is not None, rule
        assert taxonomy.known("data_use", rule.fideslang), rule


# -- did you mean -----------------------------------------------------------------------------


@pytest.mark.parametrize(("term", "expected"), UNKNOWN_DPV.items())
def test_unknown_dpv_terms_get_an_existing_concept(term: str, expected: Suggestion) -> None:
    assert dpv().suggest(term)[0] == expected
    assert dpv().replacement(term) == expected
    assert expected.term in dpv()


def test_spelling_variants_both_ways() -> None:
    assert dpv().replacement("dpv:PersonalizedAdvertising") == Suggestion(
        "dpv:PersonalisedAdvertising", SPELLING
    )
    assert dpv().replacement("pd:CriminalOffense") == Suggestion("pd:CriminalOffence", SPELLING)
    assert dpv().replacement("pd:emailaddress") == Suggestion("pd:EmailAddress", SPELLING)
    assert fideslang().replacement("data_category", "user.behaviour") == Suggestion(
        "user.behavior", SPELLING
    )


def test_a_typo_is_suggested_but_never_exported() -> None:
    suggestions = dpv().suggest("pd:EmailAdress")
    assert suggestions[0].term == "pd:EmailAddress"
    assert not suggestions[0].replaces
    assert dpv().replacement("pd:EmailAdress") is None
    assert dpv().suggest("pd:EmailAddress") == []


def test_fideslang_renamed_deprecated_and_broader_keys() -> None:
    taxonomy = fideslang()
    assert taxonomy.replacement("data_use", "personalize.profiling") == Suggestion(
        "personalize.content.profiling", RENAMED
    )
    assert taxonomy.replacement("data_category", "user.cookie_id") == Suggestion(
        "user.device.cookie_id", RENAMED
    )
    assert taxonomy.replacement("data_category", "user.contact.e_mail") == Suggestion(
        "user.contact.email", SPELLING
    )
    assert taxonomy.replacement("data_category", "user.contact.mobile") == Suggestion(
        "user.contact", BROADER
    )
    # A key of another kind is not taken: a data use is no data category.
    assert not taxonomy.known("data_category", "marketing")
    assert taxonomy.replacement("data_subject", "member") is None


def test_dpv_term_of_iris() -> None:
    assert dpv_term("https://w3id.org/dpv/pd#Name") == "pd:Name"
    assert dpv_term("https://example.org/vocab#Thing") is None
    assert dpv_term("pd:Name") == "pd:Name"


# -- check ------------------------------------------------------------------------------------


def test_check_reports_each_unknown_term_with_position_and_suggestion(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "map.yaml"
    path.write_text(BAD_TERMS, encoding="utf-8")
    lines = BAD_TERMS.splitlines()
    code = main(["check", "--data", str(path), "--select", "interop", "--fail-on", "error"])
    out = capsys.readouterr().out
    assert code == 0  # warnings: the map keeps loading and rendering
    found = [line for line in out.splitlines() if " ROPA80" in line]
    assert len(found) == 8, out
    for line in found:
        position = line.split(": warning ")[0].rsplit(":", 2)
        row, column = int(position[1]), int(position[2])
        term = line.split("'")[3]
        assert lines[row - 1][column - 1 :].startswith(term), line
    assert any("'pd:Behavioral'" in f and "did you mean pd:Behavioural" in f for f in found)
    assert any("'pd:PurchaseHistory'" in f and "pd:Purchase (the closest" in f for f in found)
    assert any("'user.behaviour'" in f and "did you mean user.behavior" in f for f in found)
    assert any(
        "'personalize.profiling'" in f and "personalize.content.profiling" in f for f in found
    )
    assert any("'dpv:FooBar'" in f and "ROPA801" in f for f in found)


def test_check_names_the_kind_of_a_key_of_another_kind(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "map.yaml"
    text = example_text(
        "data_categories:\n  - id: email\n    fideslang: marketing.communications.email\n"
    )
    path.write_text(text, encoding="utf-8")
    assert main(["check", "--data", str(path), "--select", "ROPA802"]) == 0
    out = capsys.readouterr().out
    assert (
        "'marketing.communications.email' is not a current fideslang data category key "
        "(it is a data use key)" in out
    )


def test_check_reports_a_dpv_term_of_the_wrong_kind(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "map.yaml"
    text = example_text(
        """
data_subjects:
  - id: members
    dpv: pd:Name
data_categories:
  - id: email
    dpv: https://w3id.org/dpv#Customer
activities:
  - id: membership
    dpv: dpv:Member
"""
    )
    path.write_text(text, encoding="utf-8")
    assert main(["check", "--data", str(path), "--select", "interop"]) == 0
    out = capsys.readouterr().out
    assert out.count(" ROPA803 ") == 3
    assert "'pd:Name' is a DPV term, but not a kind of data subject (dpv:HumanSubject)" in out
    assert "#Customer' is a DPV term, but not a kind of personal data (dpv:PersonalData)" in out
    assert "'dpv:Member' is a DPV term, but not a kind of purpose (dpv:Purpose)" in out


def test_harmonien_uses_only_existing_terms(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--data", str(HARMONIEN_YAML), "--select", "interop"]) == 0
    assert "ROPA80" not in capsys.readouterr().out


# -- exports ----------------------------------------------------------------------------------


def _dpv_terms_in(turtle: bytes) -> set[str]:
    graph = Graph().parse(data=turtle, format="turtle")
    found = set()
    for triple in graph:
        for node in triple:
            iri = str(node) if isinstance(node, URIRef) else ""
            term = dpv_term(iri) if iri.startswith(("http:", "https:")) else None
            if term is not None:
                found.add(term)
    return found


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_every_dpv_term_of_every_fixture_export_exists(path: Path) -> None:
    result = hr.render(hr.load(path), only=["dpv"])
    turtle = next(a.content for a in result.artifacts if a.path.endswith(".ttl"))
    found = _dpv_terms_in(turtle)
    assert found, path
    assert sorted(t for t in found if t not in dpv()) == []


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_every_fideslang_key_of_every_fixture_export_exists(path: Path) -> None:
    manifest = yaml.safe_load(hr.render(hr.load(path), only=["fides"]).artifacts[0].content)
    taxonomy = fideslang()
    for system in manifest["system"]:
        for declaration in system["privacy_declarations"]:
            assert taxonomy.known("data_use", declaration["data_use"]), declaration
            for kind, field in (
                ("data_category", "data_categories"),
                ("data_subject", "data_subjects"),
                ("data_category", "shared_categories"),
            ):
                for key in declaration.get(field, ()):
                    assert taxonomy.known(kind, key), (path, field, key)


def test_exports_replace_or_leave_out_unknown_terms_and_say_so() -> None:
    datamap = hr.loads(BAD_TERMS, "bad.yaml")
    result = hr.render(datamap, only=["dpv", "fides"])
    turtle = next(a.content for a in result.artifacts if a.path.endswith(".ttl"))
    found = _dpv_terms_in(turtle)
    assert {"pd:Behavioural", "pd:Purchase"} <= found
    assert not {t for t in found if t not in dpv()}
    assert b"dpv:FooBar" not in turtle
    assert b"Costumer" not in turtle
    manifest = yaml.safe_load(next(a.content for a in result.artifacts if a.path.endswith(".yml")))
    (declaration,) = [d for s in manifest["system"] for d in s["privacy_declarations"]]
    assert declaration["data_use"] == "personalize.content.profiling"
    assert declaration["data_categories"] == ["user.behavior", "user.contact.email"]
    assert declaration["data_subjects"] == []
    details = "\n".join(result.details)
    assert (
        "'pd:Behavioral' (data category 'name') is not a term of DPV 2.3: exported as " in details
    )
    assert "'dpv:Costumer' (data subject 'members') is not a term of DPV 2.3: left out" in details
    assert "'dpv:FooBar' (activity 'membership')" in details
    assert "'member' (data subject 'members') is not a term of fideslang" in details
    assert "'user.contact.e_mail' (data category 'email')" in details
    assert result.messages == [] or all("not a term" not in m for m in result.messages)


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        (["--only", "dpv,fides"], True),
        (["--only", "model,dpv"], True),
        (["--only", "model"], False),
        (["--only", "model", "--verbose"], False),
        (["--only", "notice,fides", "--lang", "en"], True),
    ],
)
def test_render_shows_substitutions_when_the_export_is_named_or_verbose(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], shown: bool
) -> None:
    path = tmp_path / "map.yaml"
    path.write_text(BAD_TERMS, encoding="utf-8")
    assert main(["render", "--data", str(path), "--out", str(tmp_path / "out"), *args]) == 0
    err = capsys.readouterr().err
    assert ("is not a term of" in err) is shown, err


def test_render_all_shows_substitutions_only_with_verbose(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    rendering = importlib.import_module("harmonien_ropa.outputs")
    # Every output but the slow ones, as if they were all there is.
    monkeypatch.setattr(
        rendering,
        "RENDERERS",
        {k: v for k, v in rendering.RENDERERS.items() if k in ("model", "dpv", "fides")},
    )
    path = tmp_path / "map.yaml"
    path.write_text(BAD_TERMS, encoding="utf-8")
    assert main(["render", "--data", str(path), "--out", str(tmp_path / "a")]) == 0
    assert "is not a term of" not in capsys.readouterr().err
    assert main(["render", "--data", str(path), "--out", str(tmp_path / "b"), "--verbose"]) == 0
    assert capsys.readouterr().err.count("is not a term of") == 8


# -- the data use follows the legal basis and purpose ------------------------------------------

#: Data use of an activity without a marketing channel or own key, per legal basis, with and
#: without tracking data (cookie identifiers).
USES = {
    LegalBasis.CONSENT: ("functional", "analytics"),
    LegalBasis.CONTRACT: ("essential.service", "essential.service"),
    LegalBasis.LEGAL_OBLIGATION: ("essential.legal_obligation", "essential.legal_obligation"),
    LegalBasis.VITAL_INTERESTS: ("essential", "essential"),
    LegalBasis.PUBLIC_TASK: ("essential.service", "essential.service"),
    LegalBasis.LEGITIMATE_INTERESTS: ("operations", "analytics"),
}


def test_every_legal_basis_has_a_data_use() -> None:
    assert set(USES) == set(LegalBasis)


@pytest.mark.parametrize("basis", list(LegalBasis), ids=str)
@pytest.mark.parametrize("tracking", [False, True], ids=["plain", "tracking"])
def test_data_use_follows_the_legal_basis(basis: LegalBasis, tracking: bool) -> None:
    categories = "[name, email, cookies]" if tracking else "[name, email]"
    text = example_text(
        f"""
data_categories:
  - id: cookies
    name: {{nb: informasjonskapsler, en: cookies}}
    fideslang: user.device.cookie_id
activities:
  - id: membership
    legal_basis: {basis}
    data_categories: {categories}
"""
    )
    datamap = hr.loads(text, "basis.yaml")
    manifest, unmapped = export_manifest(datamap)
    (declaration,) = [d for s in manifest["system"] for d in s["privacy_declarations"]]
    assert declaration["data_use"] == USES[basis][tracking]
    assert "activities" not in unmapped
    if basis in (LegalBasis.CONSENT, LegalBasis.LEGITIMATE_INTERESTS):
        assert not declaration["data_use"].startswith("essential")


def test_an_unknown_data_use_is_replaced_by_the_derived_one() -> None:
    text = example_text("activities:\n  - id: membership\n    fideslang: sell.tickets\n")
    result = hr.render(hr.loads(text, "use.yaml"), only=["fides"])
    manifest = yaml.safe_load(result.artifacts[0].content)
    (declaration,) = [d for s in manifest["system"] for d in s["privacy_declarations"]]
    assert declaration["data_use"] == "essential.service"  # the reference map's contract
    assert [d for d in result.details if "not a term" in d] == [
        "fides: 'sell.tickets' (activity 'membership') is not a term of fideslang "
        f"{fideslang().version}: exported as essential.service, the data use the activity's "
        "legal basis and purpose give (rule ROPA802 of 'check' points at it)"
    ]


def test_consent_based_marketing_and_profiling_are_not_essential() -> None:
    text = example_text(
        """
activities:
  - id: membership
    legal_basis: consent
    profiling: true
"""
    )
    manifest, _ = export_manifest(hr.loads(text, "profiling.yaml"))
    (declaration,) = [d for s in manifest["system"] for d in s["privacy_declarations"]]
    assert declaration["data_use"] == "personalize.content.profiling"


# -- a normal install -------------------------------------------------------------------------


def test_checking_and_exporting_need_neither_rdflib_nor_fideslang(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    vocabulary.dpv.cache_clear()
    vocabulary.fideslang.cache_clear()
    for name in [m for m in sys.modules if m.split(".")[0] in ("rdflib", "fideslang")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "rdflib", None)  # any import of them now fails
    monkeypatch.setitem(sys.modules, "fideslang", None)
    try:
        datamap = hr.loads(BAD_TERMS, "bad.yaml")
        result = hr.render(datamap, only=["dpv", "fides"])
        assert len(result.artifacts) == 3
        assert result.details
        path = tmp_path / "map.yaml"
        path.write_text(BAD_TERMS, encoding="utf-8")
        assert main(["check", "--data", str(path), "--select", "interop"]) == 0
        assert capsys.readouterr().out.count("did you mean") == 6
    finally:
        vocabulary.dpv.cache_clear()
        vocabulary.fideslang.cache_clear()
