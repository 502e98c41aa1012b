"""``init``: the starter map it writes loads and passes ``check`` without invalid input."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import harmonien_ropa.cli.init as init_command
from harmonien_ropa.cli import main
from harmonien_ropa.source.loading import load, loads


def _check(path: Path) -> int:
    return main(["check", "--data", str(path)])


def _no_leftovers(folder: Path) -> None:
    assert [p.name for p in folder.iterdir() if p.name.startswith(".init-")] == []


def test_yes_writes_a_commented_starter_that_loads_and_checks(tmp_path: Path) -> None:
    path = tmp_path / "data" / "processing.yaml"
    assert main(["init", str(path), "--yes"]) == 0
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Data map made with 'harmonien-ropa init'")
    assert "# The activities: purpose, legal basis (Art. 6), retention." in text
    datamap = load(path)
    assert {a.id for a in datamap.activities} == {
        "ticket-sales",
        "newsletter",
        "members",
        "employees",
        "website-analytics",
        "social-media",
        "accounting",
    }
    # Every legal point the answers did not settle is an assumption to confirm.
    for activity in datamap.activities:
        assert activity.is_assumed("legal_basis")
        assert activity.is_assumed("retention")
    assert datamap.organisation.is_assumed("dpo")
    assert _check(path) in (0, 1)
    _no_leftovers(path.parent)


def test_without_a_terminal_it_asks_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Should not be read\n"))
    path = tmp_path / "map.yaml"
    assert main(["init", str(path)]) == 0
    assert "Our organisation" in path.read_text(encoding="utf-8")
    assert _check(path) in (0, 1)


def _interactive(monkeypatch: pytest.MonkeyPatch, answers: str) -> None:
    monkeypatch.setattr(init_command, "interactive_terminal", lambda: True)
    monkeypatch.setattr("sys.stdin", io.StringIO(answers))


ANSWERS_NB = "\n".join(
    [
        "Fjordkoret",  # organisation
        "999 888 771",  # org number
        "Kari Nordmann",  # contact
        "ikke-en-adresse",  # e-mail: refused, asked again
        "kari@fjordkoret.example",
        "j",  # ticket sales
        "kanskje",  # newsletter: not an answer, asked again
        "j",
        "j",  # members
        "n",  # employees
        "n",  # website analytics
        "n",  # social media
        "j",  # accounting
        "tickster",  # ticketing service
        "",  # newsletter service: none
        "finnes-ikke",  # membership service: refused, asked again
        "rubic",
        "",  # accounting service: none
        "",
    ]
)


def test_a_terminal_session_in_norwegian_writes_the_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _interactive(monkeypatch, ANSWERS_NB)
    path = tmp_path / "map.yaml"
    assert main(["init", str(path), "--lang", "nb"]) == 0
    out = capsys.readouterr().out
    assert "Organisasjonens navn: " in out
    assert "ikke en gyldig e-postadresse" in out  # the refused answer, in the session's language
    assert "svar j (ja) eller n (nei)" in out
    assert "skrev " in out
    datamap = load(path)
    assert datamap.organisation.name == "Fjordkoret"
    assert datamap.organisation.org_number == "999 888 771"
    assert datamap.organisation.privacy_contact == "kari@fjordkoret.example"
    assert [a.id for a in datamap.activities] == [
        "ticket-sales",
        "newsletter",
        "members",
        "accounting",
    ]
    # The chosen services come from the catalogue, stated with their source.
    tickster = datamap.party("tickster")
    assert tickster is not None
    assert (tickster.name, tickster.country) == ("Tickster AB", "SE")
    assert tickster.provenance("country").note is not None
    assert [s.id for s in datamap.systems_of(datamap.activity("members"))] == ["rubic"]
    assert datamap.systems_of(datamap.activity("newsletter")) == ()
    # Notes on assumptions are in the language of the questions.
    assert "bekreft" in datamap.activity("members").assumptions["legal_basis"]
    assert _check(path) in (0, 1)


def test_the_end_of_input_takes_the_defaults(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _interactive(monkeypatch, "Fjordkoret\n")
    path = tmp_path / "map.yaml"
    assert main(["init", str(path)]) == 0
    datamap = load(path)
    assert datamap.organisation.name == "Fjordkoret"
    assert datamap.organisation.is_assumed("org_number")
    assert datamap.activities == ()
    assert _check(path) in (0, 1)


def test_answers_cannot_change_the_structure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _interactive(monkeypatch, 'Kor: "x"\n#y\n  z: [1]\n')
    path = tmp_path / "map.yaml"
    assert main(["init", str(path)]) == 0
    assert load(path).organisation.name == 'Kor: "x"'


def test_an_existing_file_is_refused_unless_forced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "map.yaml"
    path.write_text("mine\n", encoding="utf-8")
    assert main(["init", str(path), "--yes"]) == 2
    assert "already exists" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == "mine\n"
    assert main(["init", str(path), "--yes", "--force"]) == 0
    assert load(path).organisation.name == "Our organisation"
    _no_leftovers(tmp_path)


def test_a_folder_is_refused(tmp_path: Path) -> None:
    assert main(["init", str(tmp_path), "--yes", "--force"]) == 2


def test_an_unwritable_place_is_exit_3_and_leaves_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert main(["init", str(blocker / "map.yaml"), "--yes"]) == 3
    assert "cannot write" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]


def test_path_is_required(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init"]) == 2
    assert "PATH" in capsys.readouterr().err


def test_the_tutorials_starter_is_what_init_writes() -> None:
    """``docs/tutorial/starter.yaml`` (shown by the tutorial) is ``init --yes``'s output
    (``UPDATE_GOLDEN=1`` rewrites it)."""
    import os

    from harmonien_ropa.outputs.starter import Answers, starter

    path = Path(__file__).parent.parent / "docs" / "tutorial" / "starter.yaml"
    written = starter(Answers(), commented=True)
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(written, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == written


def test_the_starter_is_deterministic() -> None:
    from harmonien_ropa.outputs.starter import Answers, starter

    assert starter(Answers(lang="nb"), commented=True) == starter(
        Answers(lang="nb"), commented=True
    )


# -- the services of the vendor catalogue ------------------------------------------------------


def _offered() -> list[tuple[str, int, str]]:
    """(activity, number in the list, catalogue id) of every service ``init`` can offer."""
    from harmonien_ropa.outputs.starter import VENDOR_CATEGORIES
    from harmonien_ropa.outputs.starter_vendors import offered

    return [
        (activity, number, entry.id)
        for activity in VENDOR_CATEGORIES
        for number, entry in enumerate(offered(activity), 1)
    ]


def _choosing(activity: str, choice: str) -> str:
    """Answers that take every default but the activity and the service chosen for it."""
    from harmonien_ropa.outputs.starter import ACTIVITIES

    yes_no = ["y" if ident == activity else "n" for ident in ACTIVITIES]
    return "\n".join(["", "", "", "", *yes_no, choice]) + "\n"


def test_every_service_of_the_kinds_an_activity_needs_is_offered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from harmonien_ropa.source.catalogue import catalogue

    expected = {
        "ticket-sales": {"ticketing"},
        "newsletter": {"email", "crm"},
        "members": {"membership"},
        "website-analytics": {"analytics"},
        "accounting": {"accounting"},
    }
    for activity, kinds in expected.items():
        _interactive(monkeypatch, _choosing(activity, ""))
        path = tmp_path / f"{activity}.yaml"
        assert main(["init", str(path)]) == 0
        out = capsys.readouterr().out
        ids = [e.id for e in catalogue().values() if e.category in kinds]
        assert len(ids) >= 2, activity
        for number, ident in enumerate(ids, 1):
            assert f"  {number:>{len(str(len(ids) + 1))}}  " in out
            assert f"[{ident}]" in out, (activity, ident)
        assert "another service, not in the catalogue" in out
        assert load(path).systems == ()  # Enter: none


def test_another_service_is_an_open_assumption_of_the_activity(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from harmonien_ropa.outputs.starter_vendors import offered

    other = str(len(offered("ticket-sales")) + 1)
    _interactive(monkeypatch, _choosing("ticket-sales", other))
    path = tmp_path / "map.yaml"
    assert main(["init", str(path)]) == 0
    activity = load(path).activity("ticket-sales")
    assert activity.is_assumed("systems")
    assert "not in the catalogue" in activity.assumptions["systems"]
    assert _check(path) in (0, 1)


@pytest.mark.parametrize(("activity", "number", "ident"), _offered())
def test_a_chosen_service_with_every_question_left_open_gives_assumptions_not_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, activity: str, number: int, ident: str
) -> None:
    """Whatever service the flow offers, taking every default gives a map that loads, on which
    ``check`` reports no error: each legal point the catalogue does not state is assumed."""
    from harmonien_ropa.checks import CheckConfig, check
    from harmonien_ropa.core.diagnostics import Severity
    from harmonien_ropa.law.transfers import importer, needs_mechanism
    from harmonien_ropa.outputs.starter_vendors import asks_dpa
    from harmonien_ropa.source.catalogue import catalogue
    from harmonien_ropa.source.loading import load_with_positions

    _interactive(monkeypatch, _choosing(activity, str(number)))
    path = tmp_path / "map.yaml"
    assert main(["init", str(path)]) == 0
    loaded = load_with_positions(path)
    datamap = loaded.datamap
    entry = catalogue()[ident]
    party = datamap.party(ident)
    assert party is not None
    assert party.catalogue_origin is not None
    assert [s.id for s in datamap.systems_of(datamap.activity(activity))] == [ident]
    # What the catalogue states is stated with its source; what it does not is assumed.
    assert party.is_assumed("role") is (entry.role is None)
    assert party.is_assumed("country") is (entry.country is None)
    if entry.country is not None:
        assert party.provenance("country").note is not None
    assert party.is_assumed("dpa") is asks_dpa(entry)
    for transfer in datamap.activity(activity).transfers:
        # A ground the law finds on the merged importer is stated; any other is assumed.
        assert transfer.is_assumed("mechanism") is needs_mechanism(datamap, transfer)
        receiver = importer(datamap, transfer)
        assert receiver.catalogue_origin is not None
    errors = [
        d.format() for d in check(loaded, CheckConfig()).findings if d.severity is Severity.ERROR
    ]
    assert errors == []


def test_answers_about_a_service_are_stated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _interactive(monkeypatch, _choosing("members", "styreweb").rstrip("\n") + "\nse\ny\n")
    path = tmp_path / "map.yaml"
    assert main(["init", str(path)]) == 0
    party = load(path).party("styreweb")
    assert party is not None
    assert (party.country, party.dpa) == ("SE", True)
    assert not party.is_assumed("country")
    assert not party.is_assumed("dpa")
    assert party.is_assumed("role")  # not asked, and the catalogue does not say


def test_mailchimp_records_the_transfer_on_the_dpf_from_the_catalogue(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _interactive(monkeypatch, _choosing("newsletter", "mailchimp"))
    path = tmp_path / "map.yaml"
    assert main(["init", str(path)]) == 0
    datamap = load(path)
    (transfer,) = datamap.activity("newsletter").transfers
    assert (transfer.party_id, transfer.country) == ("mailchimp", "US")
    assert transfer.mechanism is not None
    assert transfer.mechanism.value == "eu_us_dpf"
    assert not transfer.is_assumed("mechanism")  # the catalogue states the DPF status
    party = datamap.party("mailchimp")
    assert party is not None
    assert party.is_assumed("dpa")
    codes = {d.code for d in _findings(path)}
    assert not {"ROPA201", "ROPA202", "ROPA203", "ROPA210"} & codes
    assert "ROPA901" in codes  # the assumed agreement, an open assumption


def _findings(path: Path) -> list:  # type: ignore[type-arg]
    from harmonien_ropa.checks import CheckConfig, check
    from harmonien_ropa.source.loading import load_with_positions

    return list(check(load_with_positions(path), CheckConfig()).findings)


# -- nynorsk -----------------------------------------------------------------------------------


def test_nynorsk_starter_declares_its_languages_and_loads(tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    assert main(["init", str(path), "--yes", "--lang", "nn"]) == 0
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Datakart laga med 'harmonien-ropa init'")
    assert "# Behandlingane: formål, grunnlag (art. 6), lagringstid." in text
    datamap = load(path)
    assert datamap.organisation.languages == ("nn", "en")
    assert datamap.organisation.name == "Organisasjonen vår"
    ticket_sales = datamap.activity("ticket-sales")
    assert ticket_sales.name.nn == "Billettsal"
    assert ticket_sales.name.nb is None
    assert "stadfest" in ticket_sales.assumptions["legal_basis"]
    assert "ROPA403" not in {d.code for d in _findings(path)}  # every text in nn and en
    assert _check(path) in (0, 1)


def test_a_terminal_session_in_nynorsk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _interactive(monkeypatch, "Fjordkoret\n\n\n\nj\n" + "n\n" * 6 + "tickster\nkanskje\nn\n")
    path = tmp_path / "map.yaml"
    assert main(["init", str(path), "--lang", "nn"]) == 0
    out = capsys.readouterr().out
    assert "Namnet på organisasjonen: " in out
    assert "kva teneste frå leverandørkatalogen brukar de?" in out
    assert "ei anna teneste, som ikkje er i katalogen" in out
    assert "Har de inngått databehandlaravtale med Tickster AB?" in out
    assert "svar j (ja) eller n (nei)" in out  # 'kanskje' is no answer
    assert "skreiv " in out
    party = load(path).party("tickster")
    assert party is not None
    assert party.dpa is False
    assert not party.is_assumed("dpa")


def test_a_services_importer_abroad_is_named_from_the_catalogue(tmp_path: Path) -> None:
    """A service whose data the catalogue says a US company receives: the starter names that
    importer (``catalogue_importer:``), and the law finds the DPF on the merged party."""
    from harmonien_ropa.outputs.starter import Answers, starter

    vendor = "linkedin-insight-tag"
    answers = Answers(activities=("website-analytics",), vendors={"website-analytics": vendor})
    path = tmp_path / "map.yaml"
    path.write_text(starter(answers), encoding="utf-8")
    datamap = load(path)
    (transfer,) = datamap.activity("website-analytics").transfers
    assert (transfer.party_id, transfer.country) == (vendor, "US")
    assert transfer.importer_id == f"{vendor}-importer"
    assert transfer.mechanism is not None
    assert transfer.mechanism.value == "eu_us_dpf"
    assert not transfer.is_assumed("mechanism")
    importer = datamap.party(f"{vendor}-importer")
    assert importer is not None
    assert (importer.name, importer.country, importer.dpf_certified) == (
        "LinkedIn Corporation",
        "US",
        True,
    )
    assert "(data importer): https://www.linkedin.com/" in str(
        importer.provenance("dpf_certified").note
    )
    assert importer.is_assumed("role")  # a sub-processor, as 'init' assumes
    errors = [d.format() for d in _findings(path) if d.severity.value == "error"]
    assert errors == []


@pytest.mark.parametrize(
    ("country", "dpf", "note"),
    [
        ("US", None, "It is not known whether Cloudtool Inc. is certified"),
        ("US", False, "does not say which transfer ground Cloudtool Inc. relies on"),
        ("IN", None, "does not say which transfer ground Cloudtool Inc. relies on"),
    ],
)
def test_a_transfer_without_an_adequacy_decision_assumes_the_standard_clauses(
    monkeypatch: pytest.MonkeyPatch, country: str, dpf: bool | None, note: str
) -> None:
    from harmonien_ropa.outputs.starter_vendors import VendorAnswers, vendor_sections
    from harmonien_ropa.source.catalogue import CatalogueEntry, catalogue

    raw = catalogue()["rubic"].model_dump(mode="json")
    raw.update(id="cloudtool", legal_entity="Cloudtool Inc.", country=country, dpf_certified=dpf)
    entries = {**catalogue(), "cloudtool": CatalogueEntry.model_validate(raw)}
    for module in ("outputs.starter_vendors", "source.catalogue.merge"):
        monkeypatch.setattr(f"harmonien_ropa.{module}.catalogue", lambda: entries)
    sections = vendor_sections({"members": "cloudtool"}, VendorAnswers(), "en")
    (transfer,) = sections.transfers_of["members"]
    assert (transfer["party"], transfer["country"], transfer["mechanism"]) == (
        "cloudtool",
        country,
        "scc",
    )
    assert note in transfer["assumptions"]["mechanism"]


def test_a_mistyped_organisation_number_is_asked_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A number whose check digit is wrong is refused while asking, as the loader would refuse
    it, so that init never writes a map that does not load."""
    _interactive(monkeypatch, "Fjordkoret\n976 619 006\n976 619 005\n\n\n\nj\n" + "n\n" * 6 + "\n")
    path = tmp_path / "map.yaml"
    assert main(["init", str(path), "--lang", "nn"]) == 0
    out = capsys.readouterr().out
    assert "ikkje eit gyldig organisasjonsnummer" in out
    assert load(path).organisation.org_number == "976 619 005"


def test_the_starter_says_where_data_comes_from_and_whether_it_must_be_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every activity of the starter says its source (so the notice knows Art. 13 applies), and
    one under a contract or a legal obligation says, as an assumption to confirm, whether the
    data must be given (Art. 13(2)(e)); neither ROPA402 nor ROPA404 is left for the volunteer."""
    import json

    import harmonien_ropa as hr

    path = tmp_path / "p.yaml"
    assert main(["init", "--yes", "--lang", "nb", str(path)]) == 0
    datamap = load(path)
    assert all(a.sources for a in datamap.activities)
    required = [a for a in datamap.activities if a.legal_basis in {"contract", "legal_obligation"}]
    assert len(required) == 4  # ticket sales, members, employees, accounting
    for activity in required:
        assert activity.provision is not None
        assert "provision" in activity.assumptions
    capsys.readouterr()
    assert main(["check", "--data", str(path), "--format", "json", "--fail-on", "never"]) == 0
    report = json.loads(capsys.readouterr().out)
    findings = report["findings"] if isinstance(report, dict) else report
    codes = {f["code"] for f in findings}
    assert not codes & {"ROPA402", "ROPA404"}
    notice = {a.path: a.content for a in hr.render(datamap, only=["notice"]).artifacts}
    assert "for å kjøpe billett; uten dem kan vi ikke levere billetten." in notice["notice.nb.md"].decode()  # fmt: skip


def test_an_existing_file_is_refused_in_the_language_of_the_questions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "map.yaml"
    path.write_text("mine\n", encoding="utf-8")
    assert main(["init", str(path), "--lang", "nb"]) == 2
    err = capsys.readouterr().err
    assert f"{path} finnes allerede; velg en annen sti" in err
    assert "already exists" not in err
    assert main(["init", str(tmp_path), "--lang", "nn", "--force"]) == 2
    assert f"{tmp_path} er ei mappe; oppgi ei fil" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == "mine\n"


def test_where_a_service_stores_the_data_is_asked_and_a_third_country_gets_a_transfer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The hosting countries the user gives are stated on the system (so the notice can say
    whether data leaves the EEA, and ROPA218 does not block publication); a country outside the
    EEA that no transfer names gets one, its ground assumed where the law does not find it."""
    session = _choosing("members", "styreweb").rstrip("\n") + "\nNO\ny\nnorge\nno, us\n"
    _interactive(monkeypatch, session)
    path = tmp_path / "map.yaml"
    assert main(["init", str(path), "--lang", "nb"]) == 0
    assert "landkoder på to store bokstaver" in capsys.readouterr().out  # 'norge' asked again
    datamap = load(path)
    (system,) = datamap.systems
    assert system.hosting_countries == ("NO", "US")
    (transfer,) = datamap.activity("members").transfers
    assert (transfer.party_id, transfer.country) == ("styreweb", "US")
    assert transfer.is_assumed("mechanism")
    codes = {d.code for d in _findings(path)}
    assert not {"ROPA218", "ROPA506"} & codes


def test_a_transfer_on_assumed_clauses_says_how_to_get_a_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Art. 13(1)(f): the notice says how to get a copy of the safeguards, so a starter's
    transfer on the standard clauses does not leave ROPA205 to block publication."""
    _interactive(monkeypatch, _choosing("members", "styreweb").rstrip("\n") + "\nNO\ny\nUS\n")
    path = tmp_path / "map.yaml"
    assert main(["init", str(path), "--lang", "nb"]) == 0
    (transfer,) = load(path).activity("members").transfers
    assert transfer.mechanism is not None
    assert transfer.mechanism.value == "scc"
    assert transfer.safeguards_copy is not None
    assert "ROPA205" not in {d.code for d in _findings(path)}


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_a_contract_activity_does_not_promise_a_statutory_retention(lang: str) -> None:
    """Keeping records because the Bookkeeping Act requires it rests on a legal obligation
    (the accounting activity), not on the contract of ticket sales."""
    from harmonien_ropa.outputs.starter import Answers, starter

    path_text = starter(Answers(lang=lang, activities=("ticket-sales",)), commented=False)
    datamap = loads(path_text)
    activity = datamap.activity("ticket-sales")
    assert activity.legal_basis == "contract"
    text = activity.retention.text
    assert text is not None
    texts = " ".join(t for t in (text.nb, text.nn, text.en) if t).lower()
    assert "bokføring" not in texts
    assert "bookkeeping" not in texts
