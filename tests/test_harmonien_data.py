"""Every fact of Harmonien's current privacy notice is in data/processing.yaml.

The seed notice is the source; each test names the fact it guards. What the seed does not state
but the law needs must be present and marked as an assumption.
"""

from __future__ import annotations

import harmonien_ropa as hr
from harmonien_ropa.model import LegalBasis, MarketingChannel, PartyRole


def _all_text(datamap: hr.DataMap) -> str:
    return datamap.model_dump_json()


def test_organisation_and_org_number(harmonien: hr.DataMap) -> None:
    assert harmonien.organisation.name == "Musikkselskapet Harmonien"
    assert harmonien.organisation.org_number == "976619005"


def test_four_contact_people_with_roles_emails_and_phones(harmonien: hr.DataMap) -> None:
    contacts = {
        c.name: (c.role.nb if c.role else None, c.email, c.phone)
        for c in harmonien.organisation.contacts
    }
    assert contacts == {
        "Bernt Bauge": ("adm. dir.", "bernt@harmonien.no", "47915110"),
        "Therese Tefre Steen": ("salgs- og markedssjef", "therese.steen@harmonien.no", "97534455"),
        "Henning Målsnes": ("kommunikasjonssjef", "henning@harmonien.no", "91598392"),
        "Marit Nordberg": ("HR-sjef", "marit@harmonien.no", None),
    }


def test_seven_data_categories_of_the_seed(harmonien: hr.DataMap) -> None:
    names = {c.name.nb for c in harmonien.data_categories}
    seed = {
        "navn",
        "telefonnummer",
        "adresse",
        "e-postadresse",
        "fødselsnummer",
        "kontonummer",
        "helserelaterte forhold",
    }
    assert seed <= names
    health = next(c for c in harmonien.data_categories if c.name.nb == "helserelaterte forhold")
    assert health.special_category
    national_id = next(c for c in harmonien.data_categories if c.name.nb == "fødselsnummer")
    assert national_id.national_id
    assert national_id.is_assumed("justification")
    # Categories not named in the seed are marked as assumptions.
    for category in harmonien.data_categories:
        if category.name.nb not in seed and category.id != "email-engagement":
            assert category.assumptions, category.id


def test_purposes(harmonien: hr.DataMap) -> None:
    tickets = harmonien.activity("ticket-administration")
    assert "abonnementet" in tickets.purpose.get("nb")
    assert "e-post med nyttig informasjon om konserten" in tickets.purpose.get("nb")
    newsletter = harmonien.activity("newsletter")
    assert newsletter.legal_basis is LegalBasis.CONSENT
    assert "frivillig" in newsletter.purpose.get("nb")
    assert newsletter.consent_withdrawal is not None
    assert "trekke tilbake" in newsletter.consent_withdrawal.get("nb")
    assert "adresselisten" in newsletter.retention.text.get("nb")  # type: ignore[union-attr]
    seating = harmonien.activity("wheelchair-seating")
    assert "rullestol" in seating.purpose.get("nb")
    assert "sikkerhetsrutinene" in seating.purpose.get("nb")
    assert [c.id for c in harmonien.special_categories_of(seating)] == ["health"]


def test_prospects_deleted_within_three_years(harmonien: hr.DataMap) -> None:
    prospects = harmonien.activity("prospects")
    assert prospects.retention is not None
    assert prospects.retention.period == "P3Y"
    text = prospects.retention.text.get("nb")
    assert "3 år" in text
    assert "kundeforhold" in text
    assert "samtykke" in text
    assert "messer" in prospects.purpose.get("nb")


def test_systems_and_access(harmonien: hr.DataMap) -> None:
    crm = harmonien.system("superoffice")
    assert [a.get("nb") for a in crm.access] == [
        "de ansatte i markedsavdelingen",
        "bedriftens superbruker",
    ]
    assert harmonien.vendor_of(harmonien.system("eventim")) is harmonien.party("eventim")
    accounting = harmonien.system("accounting")
    assert harmonien.vendor_of(accounting) is harmonien.party("abacus-it")
    assert "Visma" in harmonien.vendor_of(accounting).description.get("nb")  # type: ignore[union-attr]
    assert harmonien.operator_of(accounting) is harmonien.party("visma")
    mailer = harmonien.system("marketing-monitor")
    assert harmonien.operator_of(mailer) is harmonien.party("knowit-experience")


def test_knowit_email_marketing(harmonien: hr.DataMap) -> None:
    newsletter = harmonien.activity("newsletter")
    knowit = harmonien.party("knowit-experience")
    assert knowit in harmonien.recipients_of(newsletter)
    assert knowit.role is PartyRole.PROCESSOR
    purpose = newsletter.purpose.get("nb")
    assert "planlegging, analyse og utsending" in purpose
    assert "dato og åpningsfrekvens" in purpose
    assert "email-engagement" in newsletter.data_category_ids
    assert "slettes personopplysningene så snart behandlingen er utført" in (
        newsletter.retention.text.get("nb")  # type: ignore[union-attr]
    )
    assert MarketingChannel.EMAIL in newsletter.marketing


def test_ad_targeting_with_customer_lists(harmonien: hr.DataMap) -> None:
    ads = harmonien.activity("ad-targeting")
    assert set(ads.data_category_ids) == {"name", "email", "phone"}
    purpose = ads.purpose.get("nb")
    # "Per juli 2018" is history: kept under seed_texts, not stated as today's fact.
    assert "juli 2018" not in purpose
    assert any("juli 2018" in (s.text.nb or "") for s in harmonien.seed_texts)
    for fact in ("Facebook og Instagram", "speilsegmenter", "anonymiserte data"):
        assert fact in purpose
    assert "stort nok antall" in purpose
    assert {MarketingChannel.CUSTOM_AUDIENCE, MarketingChannel.LOOKALIKE_AUDIENCE} <= set(
        ads.marketing
    )
    assert {p.id for p in harmonien.all_recipients_of(ads)} >= {"knowit-experience", "meta"}
    assert "kundeforholdet opphører" in ads.retention.text.get("nb")  # type: ignore[union-attr]


def test_google_and_facebook_tools(harmonien: hr.DataMap) -> None:
    web = harmonien.activity("web-analytics-ads")
    text = web.purpose.get("nb")
    assert "Google Ads (tidligere Google AdWords)" in text
    assert "Facebook analytics" in text
    assert {s.id for s in harmonien.systems_of(web)} == {"google-ads", "meta-ads"}
    assert {t.country for t in web.transfers} == {"US"}
    for transfer in web.transfers:
        assert transfer.is_assumed("mechanism")


def test_no_sharing_beyond_processors(harmonien: hr.DataMap) -> None:
    assert harmonien.notice.no_other_recipients
    assert harmonien.notice.security_summary is not None
    assert "garantier" in harmonien.notice.security_summary.get("nb")


def test_rights_and_complaint(harmonien: hr.DataMap) -> None:
    authority = harmonien.organisation.supervisory_authority
    assert authority.name == "Datatilsynet"
    assert authority.url == "https://www.datatilsynet.no/"
    assert harmonien.notice.erasure_routine is not None
    assert "interne rutiner" in harmonien.notice.erasure_routine.get("nb")


def test_what_the_seed_does_not_say_is_marked_as_assumption(harmonien: hr.DataMap) -> None:
    for activity in harmonien.activities:
        assert activity.legal_basis is not None, activity.id
        if activity.id != "newsletter":  # consent is stated for the newsletter
            assert activity.is_assumed("legal_basis"), activity.id
    seating = harmonien.activity("wheelchair-seating")
    assert seating.is_assumed("art9_condition")
    assert harmonien.organisation.dpo is not None
    assert not harmonien.organisation.dpo.appointed
    assert harmonien.organisation.dpo.is_assumed("appointed")
    for party in (harmonien.party("google"), harmonien.party("meta")):
        assert party.is_assumed("transfer_mechanism")
    assert harmonien.data_category("national-id").is_assumed("justification")
    assert sum(1 for _ in harmonien.assumptions()) > 40


def test_every_text_has_both_languages(harmonien: hr.DataMap) -> None:
    from pydantic import BaseModel

    from harmonien_ropa.model import Text

    def walk(value: object) -> list[Text]:
        found: list[Text] = []
        if isinstance(value, Text):
            return [value]
        if isinstance(value, tuple):
            for item in value:
                found += walk(item)
        elif isinstance(value, BaseModel):
            for name in type(value).model_fields:
                found += walk(getattr(value, name))
        return found

    texts = walk(harmonien)
    assert len(texts) > 100
    assert [t for t in texts if t.missing_languages()] == []
