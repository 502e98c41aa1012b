"""``init``: the starter map it writes loads and passes ``check`` without invalid input."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import harmonien_ropa.cli.init as init_command
from harmonien_ropa.cli import main
from harmonien_ropa.source.loading import load


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
