"""Fides: the exported manifest validates with fideslang's own models; imports never crash."""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from support.synthetic import synthetic
from support.work import hang_guard, lines_run

import harmonien_ropa as hr
from harmonien_ropa.cli import main
from harmonien_ropa.core.errors import HarmonienError
from harmonien_ropa.interop.fides import dump_yaml, export_manifest, manifest_yaml
from harmonien_ropa.interop.fides_import import import_fides, import_fides_yaml
from harmonien_ropa.source.yamlbase import YamlDocument
from harmonien_ropa.source.yamlsource import parse

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    from fideslang.models import Taxonomy

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
REFERENCE = FIXTURES / "fides"
DATE = dt.date(2026, 3, 1)


def _manifest(datamap: hr.DataMap) -> dict[str, Any]:
    artifacts = hr.render(datamap, only=["fides"]).artifacts
    assert [a.path for a in artifacts] == ["ropa.fides.yml"]
    data: dict[str, Any] = yaml.safe_load(artifacts[0].content)
    return data


def _validate(manifest: dict[str, Any]) -> Taxonomy:
    return Taxonomy.model_validate(manifest)


def _declaration(manifest: dict[str, Any], system: str, name: str) -> dict[str, Any]:
    found = next(s for s in manifest["system"] if s["fides_key"] == system)
    result: dict[str, Any] = next(d for d in found["privacy_declarations"] if d["name"] == name)
    return result


def test_harmonien_manifest_validates_with_fideslang(harmonien: hr.DataMap) -> None:
    manifest = _manifest(harmonien)
    taxonomy = _validate(manifest)
    assert [o.fides_key for o in taxonomy.organization] == ["musikkselskapet_harmonien"]
    assert {s.fides_key for s in taxonomy.system} == {s.id for s in harmonien.systems}
    newsletter = _declaration(manifest, "marketing-monitor", "Newsletters and offers")
    assert newsletter["legal_basis_for_processing"] == "Consent"
    assert newsletter["data_use"] == "marketing.communications.email"
    assert newsletter["data_categories"] == [
        "user.name",
        "user.contact.email",
        "user.behavior",
    ]
    seating = _declaration(manifest, "eventim", "Adapted seating in the hall")
    assert seating["processes_special_category_data"] is True
    assert seating["special_category_legal_basis"] == "Explicit consent"
    meta_ads = next(s for s in manifest["system"] if s["fides_key"] == "meta-ads")
    assert meta_ads["does_international_transfers"] is True
    assert meta_ads["legal_basis_for_transfers"] == ["Adequacy Decision"]
    assert meta_ads["legal_name"] == "Meta Platforms Ireland Ltd"
    assert "Meta Platforms Ireland Ltd" in meta_ads["joint_controller_info"]
    assumed = meta_ads["meta"]["harmonien_ropa"]["assumptions"]
    assert any(a.startswith("ad-targeting.legal_basis: ") for a in assumed)
    ads = _declaration(manifest, "meta-ads", "Targeted advertising with customer lists")
    assert ads["data_shared_with_third_parties"] is True
    assert "joint controller" in ads["third_parties"]


def test_taxonomy_keys_exist_in_fideslang(harmonien: hr.DataMap) -> None:
    from fideslang import DEFAULT_TAXONOMY

    known = {
        "data_categories": {c.fides_key for c in DEFAULT_TAXONOMY.data_category},
        "data_subjects": {c.fides_key for c in DEFAULT_TAXONOMY.data_subject},
    }
    uses = {u.fides_key for u in DEFAULT_TAXONOMY.data_use}
    for system in _manifest(harmonien)["system"]:
        for declaration in system["privacy_declarations"]:
            assert set(declaration["data_categories"]) <= known["data_categories"]
            assert set(declaration["data_subjects"]) <= known["data_subjects"]
            assert declaration["data_use"] in uses


def test_small_map_manifest_validates_and_reports_unmapped(small: hr.DataMap) -> None:
    result = hr.render(small, only=["fides"])
    _validate(yaml.safe_load(result.artifacts[0].content))
    assert any("client-customers" in m and "members" in m for m in result.details)
    assert result.messages == []  # shown only with --verbose or --only fides


@pytest.mark.parametrize("which", ["harmonien", "small", "many"])
def test_manifest_written_system_by_system_is_the_whole_dump(
    which: str, request: pytest.FixtureRequest
) -> None:
    datamap = synthetic(40) if which == "many" else request.getfixturevalue(which)
    for lang in ("en", "nb"):
        manifest, unmapped = export_manifest(datamap, lang)
        text, unmapped_too = manifest_yaml(datamap, lang)
        assert text == dump_yaml(manifest)
        assert unmapped_too == unmapped
        assert yaml.safe_load(text) == manifest
        assert b"&id" not in text  # shared lists are written out, not as anchors


def test_manifest_is_deterministic(harmonien: hr.DataMap) -> None:
    first = hr.render(harmonien, only=["fides"]).artifacts[0].content
    assert hr.render(harmonien, only=["fides"]).artifacts[0].content == first


def _round_trip(path: Path) -> tuple[hr.DataMap, hr.DataMap]:
    original = hr.load(path)
    manifest, unmapped = export_manifest(original)
    assert unmapped == {}
    document = parse(dump_yaml(manifest).decode("utf-8"), "manifest.yml")
    text = dump_yaml(import_fides([document], effective_date=DATE)).decode("utf-8")
    return original, hr.loads(text, "imported.yaml")


def test_round_trip_keeps_what_fides_holds() -> None:
    original, back = _round_trip(FIXTURES / "interop.yaml")
    assert [a.id for a in back.activities] == [a.id for a in original.activities]
    for before, after in zip(original.activities, back.activities, strict=True):
        assert after.name.en == before.name.en
        assert after.legal_basis == before.legal_basis
        assert after.art9_condition == before.art9_condition
        assert after.system_ids == before.system_ids
        assert after.transfers == before.transfers
        assert after.retention is not None
        assert before.retention is not None
        assert after.retention.text.en == before.retention.text.en
        assert [c.fideslang for c in back.categories_of(after)] == [
            _fides(c) for c in original.categories_of(before)
        ]
        assert after.is_assumed("purpose")
    assert {c.id for c in back.data_categories} == {c.id for c in original.data_categories}
    assert back.data_category("health").special_category
    assert back.party("mailco").country == "US"
    assert not back.party("mailco").assumptions
    assert back.system("mailer").hosting_countries == ("US",)
    assert back.organisation.is_assumed("org_number")
    # A second export of the import holds the same declarations as the first.
    first, _ = export_manifest(original)
    second, _ = export_manifest(back)
    keys = ("data_categories", "data_use", "data_subjects", "legal_basis_for_processing")
    assert [
        [{k: d.get(k) for k in keys} for d in s["privacy_declarations"]] for s in first["system"]
    ] == [
        [{k: d.get(k) for k in keys} for d in s["privacy_declarations"]] for s in second["system"]
    ]


def _fides(category: Any) -> str | None:
    from harmonien_ropa.interop.mapping import mapping

    return mapping().category(category)[0]


@pytest.mark.parametrize(
    "names",
    [["systems.yml"], ["demo_system.yml"], ["demo_system.yml", "demo_dataset.yml"]],
)
def test_real_manifests_import_into_a_valid_map(names: list[str]) -> None:
    text = import_fides_yaml([REFERENCE / n for n in names], effective_date=DATE).decode("utf-8")
    datamap = hr.loads(text, "imported.yaml")
    assert datamap.activities
    assumed = {(loc[-1]) for loc, *_ in datamap.assumptions()}
    assert {"org_number", "purpose", "effective_date"} <= assumed
    for activity in datamap.activities:
        assert activity.is_assumed("purpose")
        if activity.legal_basis is None:
            assert activity.is_assumed("legal_basis")


def test_empty_category_lists_become_a_marked_placeholder() -> None:
    text = import_fides_yaml([REFERENCE / "systems.yml"], effective_date=DATE).decode("utf-8")
    datamap = hr.loads(text)
    activity = datamap.activity("manage-privacy-request-fufillment")
    assert activity.data_category_ids == ("unspecified-data",)
    assert "fides_db" in activity.provenance("data_categories").note  # type: ignore[operator]
    assert datamap.data_category("unspecified-data").is_assumed("name")
    assert activity.system_ids == ("privacy_request_fulfillment", "admin_ui")


def test_old_taxonomy_keys_are_translated_and_noted() -> None:
    text = import_fides_yaml([REFERENCE / "demo_system.yml"], effective_date=DATE).decode("utf-8")
    datamap = hr.loads(text)
    marketing = datamap.activity("collect-data-for-marketing")
    assert [c.fideslang for c in datamap.categories_of(marketing)] == ["user.device.cookie_id"]
    assert "user.cookie_id" in (marketing.provenance("data_categories").note or "")
    assert marketing.fideslang == "marketing.advertising"
    assert "'advertising'" in (marketing.provenance("purpose").note or "")


def test_import_cli_writes_a_map_that_checks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = tmp_path / "fides.yml"
    manifest.write_bytes(dump_yaml(export_manifest(hr.load(FIXTURES / "interop.yaml"))[0]))
    out = tmp_path / "map" / "processing.yaml"
    assert main(["import-fides", str(manifest), "--out", str(out), "--date", "2026-03-01"]) == 0
    assert "assumptions" in capsys.readouterr().err
    assert len(hr.load(out).activities) == 3
    assert main(["import-fides", str(manifest), "--date", "2026-03-01"]) == 0
    assert capsys.readouterr().out == out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("- just\n- a list\n", "a mapping of resource lists"),
        (
            "system:\n  - name: no key\n",
            "fides.yml:2:5: error ROPA004 each system needs a 'fides_key'",
        ),
        ("system: 3\n", "'system' must be a list"),
        ("policy: []\n", "no Fides systems found"),
        ("system: [\n", "ROPA001"),
    ],
)
def test_bad_manifests_are_refused_clearly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    path = tmp_path / "fides.yml"
    path.write_text(content, encoding="utf-8")
    assert main(["import-fides", str(path)]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.text(max_size=12),
    st.sampled_from(
        ["customer", "user.contact.email", "user.cookie_id", "advertising", "Consent", "SCCs"]
    ),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)
_DECLARATION = st.fixed_dictionaries(
    {},
    optional={
        "name": _VALUES,
        "data_use": _VALUES,
        "data_categories": _VALUES,
        "data_subjects": _VALUES,
        "legal_basis_for_processing": _VALUES,
        "special_category_legal_basis": _VALUES,
        "retention_period": _VALUES,
        "dataset_references": _VALUES,
        "impact_assessment_location": _VALUES,
    },
)
_SYSTEM = st.fixed_dictionaries(
    {"fides_key": st.from_regex(r"[A-Za-z0-9_.-]{1,12}", fullmatch=True)},
    optional={
        "name": _VALUES,
        "description": _VALUES,
        "privacy_declarations": st.lists(_DECLARATION, max_size=3) | _VALUES,
        "legal_name": _VALUES,
        "responsibility": _VALUES,
        "does_international_transfers": _VALUES,
        "legal_basis_for_transfers": _VALUES,
        "uses_profiling": _VALUES,
        "meta": _VALUES,
        "privacy_policy": _VALUES,
        "data_security_practices": _VALUES,
    },
)


_ORGANIZATION = st.fixed_dictionaries(
    {"fides_key": st.just("org")},
    optional={"name": _VALUES, "controller": _VALUES, "data_protection_officer": _VALUES},
)


@settings(max_examples=80, deadline=None)
@given(
    systems=st.lists(_SYSTEM, min_size=1, max_size=3),
    organizations=st.lists(_ORGANIZATION, max_size=1),
)
def test_messy_manifests_import_into_a_valid_map(
    systems: list[dict[str, Any]], organizations: list[dict[str, Any]]
) -> None:
    """Whatever values a manifest's systems hold, the import gives a map our loader accepts."""
    text = yaml.safe_dump({"system": systems, "organization": organizations})
    data = import_fides([parse(text, "fides.yml")], effective_date=DATE)
    datamap = hr.loads(dump_yaml(data).decode("utf-8"), "imported.yaml")
    assert datamap.organisation.is_assumed("org_number")


@settings(max_examples=40, deadline=None)
@given(manifest=_VALUES)
def test_any_yaml_gives_a_map_or_a_clear_error(manifest: Any) -> None:
    text = yaml.safe_dump({"system": manifest})
    error: HarmonienError | None = None
    try:
        data = import_fides([parse(text, "fides.yml")], effective_date=DATE)
    except HarmonienError as exc:
        error = exc
    else:
        hr.loads(dump_yaml(data).decode("utf-8"), "imported.yaml")
    assert error is None or str(error)


def test_a_folder_stands_for_its_manifests(tmp_path: Path) -> None:
    folder = tmp_path / ".fides"
    folder.mkdir()
    for name in ("demo_system.yml", "demo_dataset.yml"):
        (folder / name).write_bytes((REFERENCE / name).read_bytes())
    (folder / "notes.txt").write_text("not a manifest", encoding="utf-8")
    from_folder = import_fides_yaml([folder], effective_date=DATE)
    from_files = import_fides_yaml(
        [folder / "demo_dataset.yml", folder / "demo_system.yml"], effective_date=DATE
    )
    assert from_folder == from_files
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(HarmonienError, match=r"holds no \.yml"):
        import_fides_yaml([empty], effective_date=DATE)


SYSTEMS = (REFERENCE / "demo_system.yml").read_text(encoding="utf-8")


def test_an_address_the_map_would_refuse_is_not_imported() -> None:
    manifest = (
        "organization:\n"
        "  - fides_key: org\n"
        "    name: Org\n"
        "    controller: {email: 'x@org.example?bcc=spy%40evil.example'}\n"
        "    data_protection_officer: {email: dpo@org.example}\n"
    )
    documents = [parse(manifest, "m.yml"), parse(SYSTEMS, "demo_system.yml")]
    text = dump_yaml(import_fides(documents, effective_date=DATE))
    datamap = hr.loads(text.decode("utf-8"), "imported.yaml")
    assert datamap.organisation.privacy_contact is None
    assert datamap.organisation.is_assumed("privacy_contact")
    assert datamap.organisation.dpo is not None
    assert datamap.organisation.dpo.email == "dpo@org.example"


def test_a_key_that_is_a_windows_device_name_gets_another_id() -> None:
    manifest = SYSTEMS.replace("fides_key: demo_analytics_system", "fides_key: CON", 1)
    text = import_fides_yaml_text(manifest)
    datamap = hr.loads(text, "imported.yaml")
    assert "con-entry" in {s.id for s in datamap.systems}


def import_fides_yaml_text(manifest: str) -> str:
    documents = [parse(manifest, "demo_system.yml")]
    return dump_yaml(import_fides(documents, effective_date=DATE)).decode("utf-8")


# -- ids that collide, and imports of many systems --------------------------------------------


def _systems_manifest(keys: list[str], names: list[str]) -> list[YamlDocument]:
    systems = [
        {
            "fides_key": key,
            "name": f"System {key}",
            "privacy_declarations": [{"name": name, "data_use": "essential"}],
        }
        for key, name in zip(keys, names, strict=True)
    ]
    return [parse(yaml.safe_dump({"system": systems}), "fides.yml")]


@pytest.mark.parametrize(
    "keys",
    [
        ["x-3", "x", "X"],
        ["x", "X", "x-2", "x_", "X-2", "x--2", "x-2-2"],
        ["a" * 90, "a" * 85, "A" * 80 + "-2", "a" * 200],
        ["-", "_", "!", "entry", "entry-2"],
    ],
)
def test_colliding_keys_get_unique_ids_and_the_import_ends(keys: list[str]) -> None:
    names = [f"Activity {key}" for key in keys]
    for order in (keys, keys[::-1]):
        with hang_guard(60, "a loop that does not end?"):
            data = import_fides(_systems_manifest(order, names), effective_date=DATE)
        system_ids = [s["id"] for s in data["systems"]]
        activity_ids = [a["id"] for a in data["activities"]]
        for ids in (system_ids, activity_ids):
            assert len(set(ids)) == len(keys)
            assert all(len(ident) <= 80 for ident in ids)
        hr.loads(dump_yaml(data).decode("utf-8"), "imported.yaml")  # a valid map


def test_import_is_linear_in_systems_and_activities() -> None:
    """Each activity once looked at every system (and each new system id at every id so far):
    work grew with systems x activities. Counted in lines run, not in time."""
    lines = {}
    for n in (150, 600):
        keys = [f"sys-{i}" for i in range(n)]
        documents = _systems_manifest(keys, [f"Activity {i}" for i in range(n)])
        lines[n] = lines_run(
            lambda d=documents: import_fides(d, effective_date=DATE), "fides_import.py"
        )
    assert lines[600] < 4.4 * lines[150], lines  # quadratic would be 16x


# -- problems in the imported map are reported in the manifest ---------------------------------

_MANIFEST = """\
organization:
  - fides_key: org
    name: Example AS
    controller:
      email: privacy@example.org
system:
  - fides_key: crm
    name: CRM
    legal_name: Vendor AS
    privacy_declarations:
      - name: Members
        data_use: essential
        retention_period: One year after leaving.
        data_subjects: [customer]
"""


def _import_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, str]:
    path = tmp_path / "fides.yml"
    path.write_text(_MANIFEST, encoding="utf-8")
    assert main(["import-fides", str(path)]) == 2
    err = capsys.readouterr().err
    assert "<imported>" not in err
    assert "internal error" not in err
    return path, err


def test_a_refused_value_is_reported_where_the_manifest_has_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Should the import ever make a value the loader refuses (here: an e-mail address and a
    retention text it is made to get wrong), the problem points at the manifest's own line."""
    from harmonien_ropa.interop import fides_import

    monkeypatch.setattr(fides_import, "_email", lambda value: "not-an-address" if value else None)
    real_long = fides_import._long
    monkeypatch.setattr(
        fides_import,
        "_long",
        lambda value: "x" * 20_001 if value == "One year after leaving." else real_long(value),
    )
    path, err = _import_refused(tmp_path, capsys)
    lines = [line for line in err.splitlines() if not line.startswith("    fix:")]
    assert lines == [
        f"{path}:5:7: error ROPA004 'not-an-address' is not a valid value for "
        "'organisation.privacy_contact' (in the data map made from this manifest, at "
        "organisation.privacy_contact)",
        f"{path}:13:27: error ROPA004 'activities[0] (id 'members').retention.text.en' is too "
        "long (at most 20000) (in the data map made from this manifest, at "
        "activities.0.retention.text.en)",
    ]


def test_a_map_too_large_to_load_is_reported_at_the_manifest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HARMONIEN_ROPA_MAX_NODES", "80")  # the manifest fits, the map does not
    path, err = _import_refused(tmp_path, capsys)
    assert err.startswith(
        f"{path}:1:1: error ROPA009 more than 80 values in one file (in the data map made from "
        "this manifest, at the whole map)\n"
    )
