"""Every change of a published fact appears in the changelog: a table of (before, after,
expected lines), each pair made from the small map, compared through ``diff`` in process."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from support.paths import SMALL_YAML

from harmonien_ropa.cli import main
from harmonien_ropa.source.yamlsource import parse

Edit = Callable[[dict[str, Any]], object]
NOTE = "The board has not decided yet."


def _base() -> dict[str, Any]:
    data: dict[str, Any] = parse(SMALL_YAML.read_text(encoding="utf-8")).data
    return data


def _act(data: dict[str, Any], ident: str) -> dict[str, Any]:
    return next(a for a in data["activities"] if a["id"] == ident)


def _party(data: dict[str, Any], ident: str) -> dict[str, Any]:
    return next(p for p in data["parties"] if p["id"] == ident)


def _system(data: dict[str, Any], ident: str) -> dict[str, Any]:
    return next(s for s in data["systems"] if s["id"] == ident)


def _assume(entry: dict[str, Any], field: str, note: str = NOTE) -> None:
    entry.setdefault("assumptions", {})[field] = note


def _same(_: dict[str, Any]) -> None:
    """No edit: the small map as it is."""


def _organisation(data: dict[str, Any]) -> dict[str, Any]:
    organisation: dict[str, Any] = data["organisation"]
    return organisation


#: name → (edit making the earlier map, edit making the later map, (level, English line)...).
TABLE: dict[str, tuple[Edit, Edit, tuple[tuple[str, str], ...]]] = {
    # -- the organisation's identity -------------------------------------------------------
    "another organisation number": (
        _same,
        lambda d: _organisation(d).update(org_number="976619005"),
        (("notify", "The organisation number is now 976619005 (before: 999888771)."),),
    ),
    "organisation number no longer unknown": (
        lambda d: _organisation(d).update(org_number="unknown"),
        _same,
        (("record", "The organisation number is now 999888771 (before: not known)."),),
    ),
    "organisation number only spaced differently": (
        _same,
        lambda d: _organisation(d).update(org_number="999 888 771"),
        (),
    ),
    "controller renamed": (
        _same,
        lambda d: _organisation(d).update(name="Fjordkor Ny"),
        (("notify", "The controller is now Fjordkor Ny (before: Fjordkor Demo)."),),
    ),
    "address": (
        _same,
        lambda d: _organisation(d)["address"].update(street="Storgata 2"),
        (("editorial", "New details about the organisation: address."),),
    ),
    "general e-mail beside a privacy contact": (
        _same,
        lambda d: _organisation(d).update(email="kontor@fjordkor.example"),
        (("record", "Fjordkor Demo: new value of email."),),
    ),
    "privacy contact": (
        _same,
        lambda d: _organisation(d).update(privacy_contact="privacy@fjordkor.example"),
        (
            (
                "notify",
                "New address for privacy requests: privacy@fjordkor.example "
                "(before: personvern@fjordkor.example).",
            ),
        ),
    ),
    "contact people": (
        _same,
        lambda d: _organisation(d)["contacts"][0].update(name="Kari Nordkvinne"),
        (("editorial", "New details about the organisation: contact people."),),
    ),
    "dpo": (
        _same,
        lambda d: _organisation(d)["dpo"].update(email="nytt@fjordkor.example"),
        (
            (
                "notify",
                "The data-protection officer changed: Ola Personvern, nytt@fjordkor.example "
                "(before: Ola Personvern, dpo@fjordkor.example).",
            ),
        ),
    ),
    "legal form": (
        _same,
        lambda d: _organisation(d).update(legal_form={"nb": "forening", "en": "association"}),
        (("record", "Fjordkor Demo: new value of legal_form."),),
    ),
    "supervisory authority": (
        _same,
        lambda d: _organisation(d).update(
            supervisory_authority={"name": "IMY", "url": "https://www.imy.se/"}
        ),
        (("record", "Fjordkor Demo: new value of supervisory_authority."),),
    ),
    "languages published in": (
        _same,
        lambda d: _organisation(d).update(languages=["en", "nb"]),
        (("record", "Fjordkor Demo: new value of languages."),),
    ),
    # -- assumptions added and confirmed ---------------------------------------------------
    "legal basis confirmed": (
        lambda d: _assume(_act(d, "membership"), "legal_basis"),
        _same,
        (("record", "“Membership”: legal_basis is confirmed (no longer an assumption)."),),
    ),
    "legal basis assumed": (
        _same,
        lambda d: _assume(_act(d, "membership"), "legal_basis"),
        (
            (
                "record",
                f"“Membership”: legal_basis is now an assumption to be confirmed: {NOTE}",
            ),
        ),
    ),
    "retention confirmed": (
        _same,
        lambda d: _act(d, "ticket-service").pop("assumptions"),
        (
            (
                "record",
                "“Ticket service for an organiser”: retention is confirmed "
                "(no longer an assumption).",
            ),
        ),
    ),
    "transfer ground confirmed": (
        lambda d: _assume(_act(d, "membership")["transfers"][0], "mechanism"),
        _same,
        (
            (
                "record",
                "“Membership”: transfers.0.mechanism is confirmed (no longer an assumption).",
            ),
        ),
    ),
    "organisation number assumed": (
        _same,
        lambda d: _assume(_organisation(d), "org_number"),
        (
            (
                "record",
                f"organisation.org_number is now an assumption to be confirmed: {NOTE}",
            ),
        ),
    ),
    "party role confirmed": (
        lambda d: _assume(_party(d, "mailhost"), "role"),
        _same,
        (("record", "parties.mailhost.role is confirmed (no longer an assumption)."),),
    ),
    "contact person confirmed": (
        lambda d: _assume(_organisation(d)["contacts"][0], "name"),
        _same,
        (("record", "organisation.contacts.0.name is confirmed (no longer an assumption)."),),
    ),
    # -- catalogue references, inventory and activities, field by field --------------------
    "catalogue entry named": (
        lambda d: _party(d, "mailhost").update(website="https://mailchimp.com"),
        lambda d: _party(d, "mailhost").update(
            catalogue="mailchimp", website="https://mailchimp.com", dpf_certified=True
        ),
        (
            (
                "record",
                "Mailhost Inc. now takes its facts from the vendor catalogue's entry mailchimp "
                "(before: none).",
            ),
            ("record", "Mailhost Inc.: new value of dpa_reference."),
            ("record", "Mailhost Inc.: new value of dpf_certified."),
        ),
    ),
    "system hosting": (
        _same,
        lambda d: _system(d, "mailer").update(hosting_countries=["IE"]),
        (("record", "Mailhost: new value of hosting_countries."),),
    ),
    "system vendor": (
        _same,
        lambda d: _system(d, "members-db").update(vendor="mailhost"),
        (
            # The system's vendor receives the data of every activity using it.
            (
                "notify",
                "“Ticket service for an organiser”: new recipient Mailhost Inc. (processor).",
            ),
            ("record", "Medlemsregister: new value of vendor."),
        ),
    ),
    "party data-processing agreement": (
        _same,
        lambda d: _party(d, "mailhost").update(dpa=False),
        (("record", "Mailhost Inc.: new value of dpa."),),
    ),
    "vulnerable data subjects": (
        _same,
        lambda d: d["data_subjects"][0].update(vulnerable=True),
        (("record", "members: new value of vulnerable."),),
    ),
    "transfer safeguards": (
        _same,
        lambda d: _act(d, "membership")["transfers"][0].update(
            safeguards={"nb": "Kryptering.", "en": "Encryption."}
        ),
        (("record", "“Membership”: new value of transfers."),),
    ),
    "dpia": (
        _same,
        lambda d: _act(d, "membership")["dpia"].update(status="done"),
        (("record", "“Membership”: new value of dpia."),),
    ),
    "notice introduction": (
        _same,
        lambda d: d["notice"].update(introduction={"nb": "Hei.", "en": "Hello."}),
        (("record", "The privacy notice: new value of introduction."),),
    ),
    "cookie added": (
        _same,
        lambda d: d.setdefault("cookies", []).append(
            {
                "name": "session",
                "kind": "cookie",
                "purpose": "strictly_necessary",
                "activity": "membership",
            }
        ),
        (("record", "New cookie or similar technology: session."),),
    ),
}


def _write(path: Path, edit: Edit) -> Path:
    data = _base()
    edit(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("name", list(TABLE))
def test_each_published_fact_that_changes_is_in_the_changelog(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before, after, expected = TABLE[name]
    old = _write(tmp_path / "old.yaml", before)
    new = _write(tmp_path / "new.yaml", after)
    assert main(["diff", str(old), str(new), "--format", "json"]) == 0, capsys.readouterr().err
    changes = json.loads(capsys.readouterr().out)["changes"]
    assert [(c["level"], c["text"]["en"]) for c in changes] == list(expected)
    for change in changes:  # every language is filled in
        assert change["text"]["nb"]
        assert "{" not in change["text"]["nb"]


def test_a_confirmed_basis_is_listed_in_text_but_not_in_the_public_notice_section(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = _write(tmp_path / "old.yaml", lambda d: _assume(_act(d, "membership"), "legal_basis"))
    new = _write(tmp_path / "new.yaml", _same)
    assert main(["diff", str(old), str(new), "--lang", "nb"]) == 0
    out = capsys.readouterr().out
    assert "«Medlemskap»: legal_basis er bekreftet (ikke lenger en antakelse)." in out
    assert "Update the record only" not in out  # --lang nb: Norwegian only
    from harmonien_ropa import load
    from harmonien_ropa.changes.changelog import compare

    changelog = compare(load(old), load(new))
    assert [c.kind for c in changelog.changes] == ["activity_assumption_confirmed"]
    assert changelog.for_notice().changes == ()  # bookkeeping: the notice just stops marking it


def test_diff_shows_every_declared_language_by_default(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = _write(tmp_path / "old.yaml", _same)
    new = _write(tmp_path / "new.yaml", lambda d: _organisation(d).update(org_number="976619005"))
    assert main(["diff", str(old), str(new)]) == 0
    out = capsys.readouterr().out
    assert "Organisasjonsnummeret er nå 976619005 (før: 999888771)." in out
    assert "The organisation number is now 976619005 (before: 999888771)." in out
    assert main(["diff", str(old), str(new), "--lang", "en", "--fail-on", "notify"]) == 1
    out = capsys.readouterr().out
    assert "Organisasjonsnummeret" not in out
