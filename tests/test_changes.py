"""The semantic changelog: exact output for a fixture pair, and the level of each kind of change."""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import harmonien_ropa as hr
from harmonien_ropa.changes.changelog import Level, compare, version_history
from harmonien_ropa.cli import main
from harmonien_ropa.source.yamlsource import parse

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PAIR = FIXTURES / "changes"
GOLDEN = Path(__file__).resolve().parent / "golden" / "changes"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def _golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert path.is_file(), f"missing golden file {path}; run with UPDATE_GOLDEN=1"
    assert actual == path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def pair() -> tuple[hr.DataMap, hr.DataMap]:
    return hr.load(PAIR / "v1.yaml"), hr.load(PAIR / "v2.yaml")


@pytest.mark.parametrize(
    ("lang", "fmt"), [("nb", "text"), ("en", "text"), ("nb", "markdown"), ("en", "markdown")]
)
def test_fixture_pair_changelog_is_exact(
    pair: tuple[hr.DataMap, hr.DataMap], lang: str, fmt: str
) -> None:
    changelog = compare(*pair)
    _golden(f"v1-v2.{lang}.{'md' if fmt == 'markdown' else 'txt'}", changelog.render(lang, fmt))


def test_fixture_pair_levels(pair: tuple[hr.DataMap, hr.DataMap]) -> None:
    changelog = compare(*pair)
    assert [(c.kind, str(c.level), c.activity) for c in changelog.changes] == [
        ("contact_changed", "notify", None),
        ("organisation_details_changed", "editorial", None),
        ("party_country_changed", "record", None),
        ("category_added", "record", "membership"),
        ("recipient_added", "notify", "membership"),
        ("transfer_added", "notify", "membership"),
        ("retention_wording_changed", "editorial", "membership"),
        ("activity_renamed", "editorial", "ticket-service"),
        ("retention_changed", "record", "ticket-service"),
        ("activity_added", "notify", "newsletter"),
    ]
    assert changelog.level is Level.NOTIFY
    assert changelog.counts() == {"notify": 4, "record": 3, "editorial": 3}


def test_notice_section_leaves_out_editorial_changes(pair: tuple[hr.DataMap, hr.DataMap]) -> None:
    notice = compare(*pair).for_notice()
    assert {c.level for c in notice.changes} == {Level.NOTIFY, Level.RECORD}
    assert len(notice.changes) == 7


def test_version_history_rows(pair: tuple[hr.DataMap, hr.DataMap]) -> None:
    rows = version_history(*pair)
    assert [(r.version, r.effective_date) for r in rows] == [
        ("3", "2026-01-15"),
        ("4", "2026-06-01"),
    ]
    assert rows[1].summary.en == "4 to notify, 3 for the record, 3 editorial"
    assert rows[1].summary.nb == "4 å varsle om, 3 for protokollen, 3 redaksjonelle"


# -- one kind of change at a time ------------------------------------------------------------


def _data() -> dict[str, Any]:
    data: dict[str, Any] = parse((FIXTURES / "small.yaml").read_text(encoding="utf-8")).data
    return data


def _act(data: dict[str, Any], ident: str) -> dict[str, Any]:
    return next(a for a in data["activities"] if a["id"] == ident)


Edit = Callable[[dict[str, Any]], None]

EDITS: dict[str, tuple[Edit, str, Level]] = {
    "new purpose": (
        lambda d: d["activities"].append({**copy.deepcopy(_act(d, "membership")), "id": "quiz"}),
        "activity_added",
        Level.NOTIFY,
    ),
    "new internal activity": (
        lambda d: d["activities"].append(
            {**copy.deepcopy(_act(d, "membership")), "id": "backup", "in_notice": False}
        ),
        "activity_added",
        Level.RECORD,
    ),
    "purpose removed": (
        lambda d: d["activities"].pop(),
        "activity_removed",
        Level.RECORD,
    ),
    "legal basis": (
        lambda d: _act(d, "membership").update(legal_basis="consent"),
        "legal_basis_changed",
        Level.NOTIFY,
    ),
    "art9 condition": (
        lambda d: _act(d, "membership").update(art9_condition="not_for_profit_body"),
        "art9_changed",
        Level.NOTIFY,
    ),
    "purpose wording": (
        lambda d: _act(d, "membership")["purpose"].update(en="To run the membership."),
        "purpose_changed",
        Level.RECORD,
    ),
    "special category added": (
        lambda d: _act(d, "ticket-service")["data_categories"].append("health"),
        "category_added",
        Level.NOTIFY,
    ),
    "category removed": (
        lambda d: _act(d, "membership")["data_categories"].remove("email"),
        "category_removed",
        Level.RECORD,
    ),
    "new kind of people": (
        lambda d: _act(d, "membership")["data_subjects"].append("client-customers"),
        "subject_added",
        Level.RECORD,
    ),
    "new processor where processors are used": (
        lambda d: (
            d["parties"].append(
                {"id": "host2", "name": "Host2", "role": "processor", "country": "NO"}
            ),
            _act(d, "membership").update(recipients=["host2"]),
        ),
        "recipient_added",
        Level.RECORD,
    ),
    "new category of recipient": (
        lambda d: (
            d["parties"].append(
                {"id": "tax", "name": "Skatteetaten", "role": "public_authority", "country": "NO"}
            ),
            _act(d, "membership").update(recipients=["tax"]),
        ),
        "recipient_added",
        Level.NOTIFY,
    ),
    "system removed": (
        lambda d: _act(d, "membership")["systems"].remove("members-db"),
        "system_removed",
        Level.RECORD,
    ),
    "transfer mechanism": (
        lambda d: _act(d, "membership")["transfers"][0].update(mechanism="bcr"),
        "transfer_mechanism_changed",
        Level.NOTIFY,
    ),
    "transfer removed": (
        lambda d: _act(d, "membership").update(transfers=[]),
        "transfer_removed",
        Level.RECORD,
    ),
    "retention period": (
        lambda d: _act(d, "membership")["retention"].update(period="P2Y"),
        "retention_changed",
        Level.RECORD,
    ),
    "new marketing channel": (
        lambda d: _act(d, "membership").update(marketing=["sms"]),
        "marketing_added",
        Level.NOTIFY,
    ),
    "automated decisions": (
        lambda d: _act(d, "membership").update(automated_decisions=True),
        "automated_decisions_started",
        Level.NOTIFY,
    ),
    "profiling": (
        lambda d: _act(d, "membership").update(profiling=True),
        "profiling_started",
        Level.RECORD,
    ),
    "controller renamed": (
        lambda d: d["organisation"].update(name="Fjordkor Ny"),
        "controller_changed",
        Level.NOTIFY,
    ),
    "dpo": (
        lambda d: d["organisation"]["dpo"].update(email="nytt@fjordkor.example"),
        "dpo_changed",
        Level.NOTIFY,
    ),
    "party role": (
        lambda d: d["parties"][0].update(role="independent_controller"),
        "party_role_changed",
        Level.NOTIFY,
    ),
    "category becomes special": (
        lambda d: d["data_categories"][1].update(special_category=True),
        "category_special_changed",
        Level.NOTIFY,
    ),
    "category renamed": (
        lambda d: d["data_categories"][0]["name"].update(en="full name"),
        "category_renamed",
        Level.EDITORIAL,
    ),
    "consent withdrawal wording": (
        lambda d: _act(d, "membership")["consent_withdrawal"].update(en="E-mail us."),
        "wording_changed",
        Level.EDITORIAL,
    ),
    "left out of the notice": (
        lambda d: _act(d, "membership").update(in_notice=False),
        "notice_scope_changed",
        Level.RECORD,
    ),
}


@pytest.mark.parametrize("name", list(EDITS))
def test_each_kind_of_change_is_classified(name: str) -> None:
    edit, kind, level = EDITS[name]
    data = _data()
    edit(data)
    changes = compare(hr.from_data(_data()), hr.from_data(data)).changes
    assert [(c.kind, c.level) for c in changes] == [(kind, level)]
    for lang in ("nb", "en"):
        text = changes[0].text(lang)
        assert text
        assert "{" not in text


def test_internal_activities_stay_out_of_the_notice_section() -> None:
    data = _data()
    data["activities"].append(
        {**copy.deepcopy(_act(data, "membership")), "id": "backup", "in_notice": False}
    )
    changelog = compare(hr.from_data(_data()), hr.from_data(data))
    assert len(changelog.changes) == 1
    assert changelog.for_notice().changes == ()


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    drop=st.sets(
        st.sampled_from(
            ["ticket-administration", "newsletter", "prospects", "ad-targeting", "accounting"]
        )
    )
)
def test_dropping_activities_lists_exactly_those(harmonien: hr.DataMap, drop: set[str]) -> None:
    data = harmonien.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    data["activities"] = [a for a in data["activities"] if a["id"] not in drop]
    for category in data["data_categories"]:  # a stated need names the activities it covers
        if "needed_for" in category:
            category["needed_for"] = [a for a in category["needed_for"] if a not in drop]
    smaller = hr.from_data(data)
    forward = compare(harmonien, smaller)
    assert {c.activity for c in forward.changes if c.kind == "activity_removed"} == drop
    assert all(c.kind == "activity_removed" for c in forward.changes)
    backward = compare(smaller, harmonien)
    assert {c.activity for c in backward.changes} == drop
    assert all(c.level is Level.NOTIFY for c in backward.changes)


def test_a_map_compared_with_itself_has_no_changes(harmonien: hr.DataMap) -> None:
    changelog = compare(harmonien, harmonien)
    assert changelog.changes == ()
    assert changelog.level is None
    assert "No changes in substance." in changelog.render("en")


# -- command line -----------------------------------------------------------------------------


def test_diff_cli_prints_both_languages(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(PAIR / "v1.yaml"), str(PAIR / "v2.yaml")]) == 0
    out = capsys.readouterr().out
    assert out == (GOLDEN / "v1-v2.nb.txt").read_text(encoding="utf-8") + "\n" + (
        GOLDEN / "v1-v2.en.txt"
    ).read_text(encoding="utf-8")


def test_diff_cli_json_and_fail_on(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["diff", str(PAIR / "v1.yaml"), str(PAIR / "v2.yaml"), "--format", "json"]
    assert main([*args, "--fail-on", "notify"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["counts"] == {"notify": 4, "record": 3, "editorial": 3}
    assert data["changes"][0]["text"]["nb"].startswith("Ny adresse")
    same = ["diff", str(PAIR / "v1.yaml"), str(PAIR / "v1.yaml"), "--fail-on", "editorial"]
    assert main(same) == 0


def test_diff_cli_needs_two_files_or_a_revision(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(PAIR / "v1.yaml")]) == 2
    assert "give two files" in capsys.readouterr().err


needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")


def _git(folder: Path, *args: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True, env=env)


@needs_git
def test_diff_git_compares_with_a_revision(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = tmp_path / "repo"
    (repo / "data").mkdir(parents=True)
    target = repo / "data" / "processing.yaml"
    _git(repo, "init", "-q")
    target.write_bytes((PAIR / "v1.yaml").read_bytes())
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "v1")
    target.write_bytes((PAIR / "v2.yaml").read_bytes())
    assert main(["diff", "--git", "HEAD", "--data", str(target), "--lang", "en"]) == 0
    assert capsys.readouterr().out == (GOLDEN / "v1-v2.en.txt").read_text(encoding="utf-8")
    assert main(["diff", "--git", "no-such-rev", "--data", str(target)]) == 2
    assert "unknown git revision 'no-such-rev'" in capsys.readouterr().err
    assert main(["diff", "--git=--all", "--data", str(target)]) == 2
    assert "is not a git revision" in capsys.readouterr().err


@needs_git
def test_diff_git_outside_a_repository(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "processing.yaml"
    target.write_bytes((PAIR / "v1.yaml").read_bytes())
    assert main(["diff", "--git", "HEAD", "--data", str(target)]) == 2
    assert "not inside a git repository" in capsys.readouterr().err


def _repo_with(tmp_path: Path, old: bytes) -> Path:
    """A repository whose HEAD holds ``old`` as data/processing.yaml, with v2 in the work tree."""
    repo = tmp_path / "repo"
    (repo / "data").mkdir(parents=True)
    target = repo / "data" / "processing.yaml"
    _git(repo, "init", "-q")
    target.write_bytes(old)
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "old")
    target.write_bytes((PAIR / "v2.yaml").read_bytes())
    return target


@needs_git
@pytest.mark.parametrize(
    ("old", "expected"),
    [
        (
            b"organisation:\n  name: Caf\xe9\n",
            ":2:12: error ROPA008 file is not valid UTF-8 (byte 0xe9; Latin-1 or Windows-1252?)",
        ),
        (
            b"organisation:\n  name: x\x00\n",
            ":2:1: error ROPA008 file contains NUL bytes (is it UTF-16 or a binary file?)",
        ),
        (b"\xff\xfeo\x00r\x00", ":1:1: error ROPA008 file is encoded as UTF-16"),
    ],
)
def test_diff_git_reads_the_old_revision_through_the_file_checks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], old: bytes, expected: str
) -> None:
    target = _repo_with(tmp_path, old)
    assert main(["diff", "--git", "HEAD", "--data", str(target)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"HEAD:{target}{expected}\n"), err
    assert "\ufffd" not in err


@needs_git
def test_diff_git_refuses_an_old_revision_over_the_size_limit_without_reading_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    limit = 20 * 1024 * 1024
    target = _repo_with(tmp_path, b"a: " + b"x" * (limit + 1_000_000) + b"\n")
    tracemalloc.start()
    try:
        assert main(["diff", "--git", "HEAD", "--data", str(target)]) == 2
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert capsys.readouterr().err.startswith(
        f"HEAD:{target}: error ROPA008 file is larger than the limit of 20,971,520 bytes\n"
    )
    assert peak < 4 * 1024 * 1024  # the 21 MB blob was never read


@needs_git
@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs chown")
def test_diff_git_explains_that_git_refuses_a_repository_of_another_user(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    target = _repo_with(tmp_path, (PAIR / "v1.yaml").read_bytes())
    repo = target.parent.parent
    for path in [repo, *repo.rglob("*")]:
        os.chown(path, 65534, 65534, follow_symlinks=False)
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "empty-gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.delenv("SUDO_UID", raising=False)
    assert main(["diff", "--git", "HEAD", "--data", str(target)]) == 2
    err = capsys.readouterr().err
    assert "belongs to another user ('dubious ownership')" in err
    assert f"git config --global --add safe.directory '{repo}'" in err
    assert "not inside a git repository" not in err


def test_render_previous_writes_the_changelog(tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["render", "--data", str(PAIR / "v2.yaml"), "--previous", str(PAIR / "v1.yaml")]
    assert main([*args, "--only", "changes", "--out", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == [
        ".harmonien-ropa-manifest.json",
        "changes.en.md",
        "changes.json",
        "changes.nb.md",
    ]
    assert (out / "changes.en.md").read_text(encoding="utf-8") == (
        GOLDEN / "v1-v2.en.md"
    ).read_text(encoding="utf-8")
    assert hr.render(hr.load(PAIR / "v2.yaml"), only=["changes"]).artifacts == []


def test_notice_has_a_what_changed_section_when_a_previous_version_is_given(
    pair: tuple[hr.DataMap, hr.DataMap],
) -> None:
    old, new = pair
    files = {
        a.path: a.content.decode("utf-8")
        for a in hr.render(new, only=["notice"], options=hr.RenderOptions(previous=old)).artifacts
    }
    html = files["notice.nb.html"]
    assert '<section id="changes" aria-labelledby="changes-h">' in html
    assert '<a href="#changes">Hva er endret</a>' in html
    assert "<li>Nytt formål: «Nyhetsbrev».</li>" in html
    assert "heter nå" not in html  # editorial changes stay out of the notice
    md = files["notice.en.md"]
    assert "## What has changed" in md
    assert "- New purpose: “Newsletter”." in md
    plain = {a.path: a.content for a in hr.render(new, only=["notice"]).artifacts}
    assert b'id="changes"' not in plain["notice.nb.html"]
    assert b"What has changed" not in plain["notice.en.md"]


def test_notice_section_says_when_nothing_changed(pair: tuple[hr.DataMap, hr.DataMap]) -> None:
    from harmonien_ropa.changes.changelog import notice_section

    section = notice_section(pair[0], pair[0], "en")
    assert section.heading == "What has changed"
    assert section.lines == ("No changes in substance.",)


def test_record_keeps_a_version_history_when_a_previous_version_is_given(
    pair: tuple[hr.DataMap, hr.DataMap],
) -> None:
    import jsonschema

    from harmonien_ropa.schema.json_schemas import record_schema

    old, new = pair
    files = {
        a.path: a.content
        for a in hr.render(new, only=["record"], options=hr.RenderOptions(previous=old)).artifacts
    }
    md = files["record.nb.md"].decode("utf-8")
    assert "## Versjonshistorikk" in md
    assert "| 3 | 2026-01-15 | første versjon i denne oversikten |" in md
    assert "4 å varsle om, 3 for protokollen, 3 redaksjonelle; " in md
    assert "Versjonshistorikk" in files["record.nb.html"].decode("utf-8")
    data = json.loads(files["record.json"])
    jsonschema.validate(data, record_schema())
    history = next(t for t in data["tables"] if t["key"] == "history")
    assert [r["cells"]["version"]["values"]["en"] for r in history["rows"]] == [["3"], ["4"]]
    plain = {a.path: a.content for a in hr.render(new, only=["record"]).artifacts}
    assert b"Versjonshistorikk" not in plain["record.nb.md"]


def _harmonien_next(harmonien: hr.DataMap) -> hr.DataMap:
    """A plausible next version of Harmonien's map: a new e-mail supplier in the USA, SMS
    offers, a shorter prospect retention, consent for customer-list advertising."""
    data = harmonien.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    data["notice"].update(version="2.1", effective_date="2027-03-01")
    data["parties"].append(
        {
            "id": "mailchimp",
            "name": "Intuit Mailchimp",
            "role": "processor",
            "country": "US",
            "transfer_mechanism": "scc",
        }
    )
    data["systems"].append({"id": "mailchimp", "name": "Mailchimp", "vendor": "mailchimp"})
    acts = {a["id"]: a for a in data["activities"]}
    newsletter = acts["newsletter"]
    newsletter["systems"] = ["superoffice", "mailchimp"]
    newsletter["marketing"] = ["email", "sms"]
    newsletter["transfers"] = [{"party": "mailchimp", "country": "US", "mechanism": "scc"}]
    acts["prospects"]["retention"]["period"] = "P2Y"
    acts["prospects"]["retention"]["text"] = {
        "nb": "Slettes innen 2 år, med mindre det blir etablert et kundeforhold.",
        "en": "Erased within 2 years, unless a customer relationship is established.",
    }
    acts["ad-targeting"]["legal_basis"] = "consent"
    return hr.from_data(data)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_harmonien_next_version_changelog_is_exact(harmonien: hr.DataMap, lang: str) -> None:
    changelog = compare(harmonien, _harmonien_next(harmonien))
    _golden(f"harmonien-2.1.{lang}.txt", changelog.render(lang))
    assert changelog.counts() == {"notify": 3, "record": 5, "editorial": 0}
