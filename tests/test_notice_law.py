"""What the public notice tells people about their rights, read against the law it states."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.cli import run_cli
from support.notice_text import Page, render_notice

import harmonien_ropa as hr
from harmonien_ropa.law.joint import arrangement_missing
from harmonien_ropa.law.provision import provision
from harmonien_ropa.law.requirements import requirements

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="module")
def pages(harmonien: hr.DataMap) -> dict[str, Page]:
    files = render_notice(harmonien)
    nynorsk = render_notice(hr.load(FIXTURES / "nynorsk.yaml"))
    return {
        "nb": Page(files["notice.nb.html"]),
        "en": Page(files["notice.en.html"]),
        "nn": Page(nynorsk["notice.nn.html"]),
    }


#: GDPR Art. 77(1): a complaint may go to any supervisory authority, in particular the one of the
#: EEA state where the person lives or works or where the infringement took place.
COMPLAINT = {
    "nb": (
        "klage til en tilsynsmyndighet, særlig i EØS-landet der du bor eller arbeider, eller der "
        "den påståtte overtredelsen fant sted",
        "klage til tilsynsmyndigheten,",
    ),
    "nn": (
        "klage til ei tilsynsstyresmakt, særleg i EØS-landet der du bur eller arbeider, eller der "
        "det påståtte brotet fann stad",
        "klage til tilsynsstyresmakta,",
    ),
    "en": (
        "complain to a supervisory authority, in particular in the EEA country where you live or "
        "work or where the alleged infringement took place",
        "complain to the supervisory authority,",
    ),
}


@pytest.mark.parametrize("lang", sorted(COMPLAINT))
def test_complaint_may_go_to_any_supervisory_authority(pages: dict[str, Page], lang: str) -> None:
    text = pages[lang].text("right-complaint")
    wanted, only_ours = COMPLAINT[lang]
    assert wanted in text
    # not as though the organisation's own authority were the only one a person may turn to
    assert only_ours not in text
    assert "Datatilsynet" in text  # our own authority still named, with its address


# -- Art. 13(2)(e): whether the person must give the data ---------------------------------------

#: A map of three activities collecting data from the person and saying nothing of `provision`.
PROVISION_MAP = """\
organisation:
  name: Example Choir
  org_number: "999999999"
  contacts:
    - {name: Kari Nordmann, role: {nb: leder, en: chair}, email: kari@example.org}
  dpo: {appointed: false, reason: {nb: Ikke påkrevd., en: Not required.}}
notice: {version: "1", effective_date: 2026-01-01}
record: {version: "1", effective_date: 2026-01-01}
data_subjects:
  - {id: members, name: {nb: medlemmer, en: members}}
data_categories:
  - {id: email, name: {nb: e-postadresse, en: e-mail address}}
activities:
  - id: membership
    name: {nb: Medlemskap, en: Membership}
    purpose: {nb: Å administrere medlemskapet., en: To administer the membership.}
    data_subjects: [members]
    data_categories: [email]
    sources: [{kind: data_subject}]
    legal_basis: contract
    retention: {text: {nb: Slettes ved utmelding., en: Erased when membership ends.}}
  - id: survey
    name: {nb: Undersøkelse, en: Survey}
    purpose: {nb: Å spørre om konsertene., en: To ask about the concerts.}
    data_subjects: [members]
    data_categories: [email]
    sources: [{kind: data_subject}]
    legal_basis: consent
    consent_withdrawal: {nb: Svar oss på e-post., en: Reply to us by e-mail.}
    retention: {text: {nb: Slettes etter et år., en: Erased after a year.}}
  - id: contacts
    name: {nb: Kontakter, en: Contacts}
    purpose: {nb: Å holde kontakten., en: To keep in touch.}
    data_subjects: [members]
    data_categories: [email]
    sources: [{kind: data_subject}]
    legal_basis: legitimate_interests
    legitimate_interest: {nb: Å holde kontakten., en: To keep in touch.}
    retention: {text: {nb: Slettes etter et år., en: Erased after a year.}}
    assumptions:
      legal_basis: Not confirmed yet.
"""


@pytest.fixture(scope="module")
def provision_map() -> hr.DataMap:
    return hr.loads(PROVISION_MAP, "map.yaml")


def test_provision_follows_from_the_bases(provision_map: hr.DataMap) -> None:
    found = {a.id: provision(a) for a in provision_map.activities}
    assert found == {"membership": "to_state", "survey": "voluntary", "contacts": "voluntary"}
    cells = {
        a.id: next(c.status for i, c in requirements(provision_map, a) if i.key == "13.2e")
        for a in provision_map.activities
    }
    # voluntary is stated by the notice itself; assumed while the basis it rests on is
    assert cells == {"membership": "missing", "survey": "stated", "contacts": "assumed"}


@pytest.mark.parametrize(
    ("lang", "no", "open_"),
    [
        ("en", "No law or contract requires you to give us the data", "has not been settled yet"),
        (
            "nb",
            "Ingen lov eller avtale pålegger deg å gi oss opplysningene",
            "er ikke avklart ennå",
        ),
    ],
)
def test_notice_says_whether_the_data_must_be_given(
    provision_map: hr.DataMap, lang: str, no: str, open_: str
) -> None:
    page = render_notice(provision_map)[f"notice.{lang}.md"]
    sections = {
        name: page.split(f"### {name}")[1].split("###")[0]
        for name in (
            ("Membership", "Survey", "Contacts")
            if lang == "en"
            else ("Medlemskap", "Undersøkelse", "Kontakter")
        )
    }
    membership, survey, contacts = sections.values()
    tag = "*(provisional)*" if lang == "en" else "*(foreløpig)*"
    # consent: the law answers it, for certain
    assert no in survey
    assert tag not in survey
    # legitimate interests on an assumed basis: the same answer, provisional
    line = next(x for x in contacts.splitlines() if no in x)
    assert line.endswith(tag)
    # a contract: only the organisation knows; said to be open, provisional
    line = next(x for x in membership.splitlines() if open_ in x)
    assert line.endswith(tag)
    assert no not in membership


def test_a_stated_provision_is_shown_as_written() -> None:
    text = PROVISION_MAP.replace(
        "    legal_basis: contract\n",
        "    legal_basis: contract\n"
        "    provision: {nb: Uten e-post blir du ikke medlem., en: Without an e-mail address you "
        "cannot be a member.}\n",
    )
    page = render_notice(hr.loads(text, "map.yaml"))["notice.en.md"]
    assert "Without an e-mail address you cannot be a member." in page
    assert "has not been settled yet" not in page


def test_rule_reports_an_open_provision(tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    path.write_text(PROVISION_MAP, encoding="utf-8")
    result = run_cli("check", "--data", str(path), "--select", "ROPA404")
    codes = [line for line in result.stdout.splitlines() if "ROPA404" in line]
    assert len(codes) == 1
    assert "'membership'" in codes[0]


# -- Art. 26(2): the essence of a joint-controller arrangement ----------------------------------

#: The line on a joint controller whose arrangement the map does not record, with its tag.
OPEN_ARRANGEMENT = {
    "en": "The essence of our arrangement, who is responsible for what, has not been described "
    "yet. Please ask us about it. (provisional)",
    "nb": "Hovedinnholdet i ordningen mellom oss, hvem som har ansvar for hva, er ikke beskrevet "
    "ennå. Spør oss gjerne om det. (foreløpig)",
}


@pytest.mark.parametrize("lang", sorted(OPEN_ARRANGEMENT))
def test_joint_controller_without_arrangement_is_said_open(
    harmonien: hr.DataMap, pages: dict[str, Page], lang: str
) -> None:
    assert {p.id for p in harmonien.parties if arrangement_missing(p)} == {"google"}
    assert OPEN_ARRANGEMENT[lang] in pages[lang].text("party-google")
    # a recorded arrangement is shown as written, never said to be open
    meta = pages[lang].text("party-meta")
    assert OPEN_ARRANGEMENT[lang].split(",")[0] not in meta
    assert ("Meta and Harmonien" if lang == "en" else "Meta og Harmonien") in meta


# -- Art. 21(1): when processing continues after an objection ----------------------------------

#: The two grounds on which processing may continue after an objection (GDPR Art. 21(1)).
OBJECTION_GROUNDS = {
    "en": (
        "compelling legitimate grounds that override your interests, rights and freedoms",
        "establish, exercise or defend legal claims",
    ),
    "nb": (
        "tungtveiende berettigede grunner som går foran dine interesser, rettigheter og friheter",
        "fastsette, gjøre gjeldende eller forsvare rettskrav",
    ),
}


@pytest.mark.parametrize("lang", sorted(OBJECTION_GROUNDS))
def test_objection_names_both_grounds_to_continue(pages: dict[str, Page], lang: str) -> None:
    text = pages[lang].text("right-objection")
    for ground in OBJECTION_GROUNDS[lang]:
        assert ground in text


def test_accounting_provision_is_provisional(pages: dict[str, Page]) -> None:
    # The map's text says what the law requires of Harmonien, not what the customer must give
    # (Art. 13(2)(e)); until Harmonien says that, the answer is provisional.
    assert "We are required by law to record sales and payments. (provisional)" in pages["en"].text(
        "activity-accounting"
    )
    assert "Vi er pålagt å bokføre salg og betalinger. (foreløpig)" in pages["nb"].text(
        "activity-accounting"
    )
