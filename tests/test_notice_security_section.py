"""The notice's section on storage and security lists only what the map says of it: a system
the map says nothing about (no description, access or measures) is not shown as a bare name,
and the section (with its entry in the table of contents) is left out when nothing is left."""

from __future__ import annotations

import harmonien_ropa as hr

MAP = """
organisation:
  name: Kor
  org_number: "998765439"
  contacts:
    - {name: Kari Nordmann, role: {nb: leder, en: chair}, email: kari@example.org}
  dpo: {appointed: false, reason: {nb: Ikke påkrevd., en: Not required.}}
notice: {version: "1", effective_date: 2026-01-01}
record: {version: "1", effective_date: 2026-01-01}
data_subjects:
  - {id: members, name: {nb: medlemmer, en: members}}
data_categories:
  - {id: email, name: {nb: e-postadresse, en: e-mail address}}
systems:
  - {id: register, name: Medlemsregister, hosting_countries: [NO]REGISTER}
  - {id: mail, name: Epostverktøy, hosting_countries: [NO]}
activities:
  - id: membership
    name: {nb: Medlemskap, en: Membership}
    purpose: {nb: Å administrere medlemskapet., en: To administer the membership.}
    data_subjects: [members]
    data_categories: [email]
    legal_basis: contract
    systems: [register, mail]
    retention:
      text: {nb: Slettes ved utmelding., en: Erased when membership ends.}
"""

MEASURES = ", security_measures: [{nb: Tofaktorinnlogging., en: Two-factor sign-in.}]"


def _notice(text: str) -> tuple[str, str]:
    result = hr.render(hr.loads(text, "kor.yaml"), only=["notice"])
    files = {a.path: a.content for a in result.artifacts}
    return files["notice.nb.md"].decode(), files["notice.nb.html"].decode()


def test_a_system_the_map_says_nothing_about_is_not_listed_as_a_bare_name() -> None:
    markdown, html = _notice(MAP.replace("REGISTER", MEASURES))
    assert "- **Medlemsregister**. " in markdown
    assert "Tofaktorinnlogging." in markdown
    assert "Epostverktøy**." not in markdown
    assert "<strong>Epostverktøy</strong>." not in html
    assert 'id="security"' in html


def test_the_section_is_left_out_when_the_map_says_nothing_of_it() -> None:
    markdown, html = _notice(MAP.replace("REGISTER", ""))
    assert "## Hvordan opplysningene lagres, sikres og slettes" not in markdown
    assert "**Medlemsregister**." not in markdown
    assert 'id="security"' not in html
    assert 'href="#security"' not in html
