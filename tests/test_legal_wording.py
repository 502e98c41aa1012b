"""Statements of the notice and the record that a legal review found wrong or misleading,
each asserted on what is published (notice, record, ``check``) or on the law layer's
recognisers."""

from __future__ import annotations

import copy
import re
from re import _parser  # the parser of re's patterns (for the proof below)
from typing import Any

import pytest
from support.paths import FIXTURES, HARMONIEN_YAML

import harmonien_ropa as hr
from harmonien_ropa.checks import Context, check
from harmonien_ropa.checks.examples import example_map
from harmonien_ropa.law import wording
from harmonien_ropa.law.terms import with_citation
from harmonien_ropa.law.wording import (
    UNLOWERED,
    WORDS,
    WRONG_STATEMENTS,
    wrong_statements,
    wrong_statements_in,
)
from harmonien_ropa.model import Text
from harmonien_ropa.outputs import RenderOptions
from harmonien_ropa.outputs.notice_pages import render as render_notice
from harmonien_ropa.record import build_record
from harmonien_ropa.source.loading import load_with_positions

ORGS = FIXTURES / "orgs"
_LITERAL, _SUBPATTERN, _BRANCH = _parser.LITERAL, _parser.SUBPATTERN, _parser.BRANCH
_MAX_REPEAT, _MIN_REPEAT = _parser.MAX_REPEAT, _parser.MIN_REPEAT


def _notice(datamap: hr.DataMap, lang: str) -> str:
    result = render_notice(datamap, RenderOptions(languages=(lang,)))
    files = {a.path: a.content for a in result.artifacts}
    # the Markdown as read: without the escapes that keep the map's text inert
    return files[f"notice.{lang}.md"].decode("utf-8").replace("\\", "")


def _cells(datamap: hr.DataMap, lang: str) -> list[str]:
    """Every cell of the record as one line, as the Markdown and HTML pages join them."""
    record = build_record(datamap, lang)
    return [cell.joined() for table in record.tables() for row in table.rows for cell in row.cells]


def _line(text: str, start: str) -> str:
    """The one line of ``text`` that starts with ``start``."""
    found = [line for line in text.splitlines() if line.startswith(start)]
    assert len(found) == 1, found
    return found[0]


def _data(datamap: hr.DataMap) -> dict[str, Any]:
    return copy.deepcopy(datamap.model_dump(mode="json", by_alias=True, exclude_defaults=True))


def _keys(text: str) -> list[str]:
    return [w.key for w in wrong_statements(text)]


# -- ROPA410 recognises the wrong wording in nynorsk too ---------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "Du kan be om innsyn i kva opplysningar vi behandlar og kva tryggingstiltak vi har.",
            "access-includes-security-measures",
        ),
        (
            "Du kan krevje innsyn i opplysningane og i sikkerheitstiltaka våre.",
            "access-includes-security-measures",
        ),
        (
            "Vi utleverer ikkje namn med mindre det er særleg behov for det.",
            "open-ended-disclosure",
        ),
        ("Vi gjev ikkje ut e-postadresser utan særskild behov.", "open-ended-disclosure"),
        ("Listene blir lasta opp krypterte (hasha).", "hashed-list-is-anonymous"),
        ("Målretting skjer berre mot store grupper.", "hashed-list-is-anonymous"),
        ("Ved å nytte nettstaden godtek du informasjonskapslar.", "consent-by-use"),
    ],
)
def test_nynorsk_wrong_wording_is_recognised(text: str, key: str) -> None:
    assert _keys(text) == [key]


@pytest.mark.parametrize(
    "text",
    [
        "Tryggingstiltak: tilgangskontroll og logging.",
        "Du kan be om innsyn i opplysningane vi har om deg.",
        "Listene blir gjorde om til hash-verdiar før opplasting; dei er framleis personopplysningar.",
        "Vi har behov for namnet ditt for å sende billettane.",
    ],
)
def test_ordinary_nynorsk_wording_is_not_reported(text: str) -> None:
    assert _keys(text) == []


def test_one_search_for_every_pattern_finds_what_each_pattern_finds() -> None:
    """``wrong_statements`` passes over a text with one search of all the patterns at once; it
    reports exactly what searching each pattern on its own does, over every text of every
    example map, each wrong sentence of the tests, and those sentences cut and joined."""
    texts = _example_values()
    wrong = [
        "Du kan be om innsyn i kva opplysningar vi behandlar og kva tryggingstiltak vi har.",
        "Vi utleverer ikke navn med mindre det er særskilt behov for det.",
        "We do not disclose names unless there is a special need.",
        "Listene blir lasta opp krypterte (hasha).",
        "Targeting is only aimed at large groups.",
        "By using our website you accept cookies.",
        "Continued use of the site constitutes acceptance of these terms.",
        "Ved å nytte nettstaden godtek du informasjonskapslar.",
    ]
    cut = [w[: len(w) // 2] for w in wrong] + [w[len(w) // 2 :] for w in wrong]
    joined = [a + " " + b for a, b in zip(wrong, reversed(wrong), strict=True)]
    corpus = texts + wrong + cut + joined
    assert len(texts) > 100
    for text in corpus:
        assert wrong_statements(text) == tuple(w for w in WRONG_STATEMENTS if w.found_in(text))
    assert sum(1 for text in corpus if wrong_statements(text)) >= len(wrong)


def _texts_of(datamap: hr.DataMap) -> list[Text]:
    return [text for _, text in Context(datamap).texts()]


def _example_values() -> list[str]:
    """Every language's value of every text of Harmonien's map and the example organisations."""
    return [
        value
        for path in (HARMONIEN_YAML, *sorted(ORGS.glob("*.yaml")))
        for text in _texts_of(hr.load(path))
        for value in (text.nb, text.nn, text.en)
        if value
    ]


# -- the words: a text without any of them makes no wrong statement -----------------------------


def _required(items: Any) -> list[set[str]]:
    """Sets of literal strings, each of which has one string in every match of the parsed
    pattern ``items`` (a ``re._parser`` sequence): a run of literals is one; a group, a repeat
    at least once and a choice whose every branch has one give theirs."""
    found: list[set[str]] = []
    run = ""
    for op, av in items:
        if op is _LITERAL:
            run += chr(av)
            continue
        if run:
            found.append({run})
            run = ""
        if op is _SUBPATTERN:
            found.extend(_required(av[3]))
        elif op in (_MAX_REPEAT, _MIN_REPEAT) and av[0] >= 1:
            found.extend(_required(av[2]))
        elif op is _BRANCH:
            branches = [_required(branch) for branch in av[1]]
            if all(branches):
                # one set of each branch: the longest strings are the most telling
                found.append(
                    set().union(*(max(b, key=lambda s: min(map(len, s))) for b in branches))
                )
    if run:
        found.append({run})
    return found


def test_every_pattern_requires_one_of_its_statements_words() -> None:
    """A text that holds none of a statement's ``words`` cannot match any of its patterns: each
    pattern requires a set of literal strings (one of them in every match) that each hold one
    of the words, so ``wrong_statements_in`` searches no fewer texts than it must."""
    for statement in WRONG_STATEMENTS:
        assert all(word == word.lower() and "\0" not in word for word in statement.words)
        for pattern in statement.patterns:
            required = _required(_parser.parse(pattern.pattern, pattern.flags))
            assert any(
                all(any(word in literal.lower() for word in statement.words) for literal in each)
                for each in required
            ), (statement.key, pattern.pattern, required)


def test_a_lowered_text_holds_every_word_a_case_insensitive_search_finds() -> None:
    """The words are looked for in lowered text: every character that the patterns'
    case-insensitive search takes for a letter of a word lowers to that letter, but for those of
    ``UNLOWERED`` (a text holding one is always searched), over every character there is."""
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    odd = {
        found.group()
        for letter in sorted(set("".join(WORDS)))
        for found in re.finditer(re.escape(letter), every, re.IGNORECASE | re.DOTALL)
        if found.group().lower() != letter
    }
    assert odd == set(UNLOWERED)


def test_the_words_pass_over_only_texts_without_a_wrong_statement() -> None:
    """``wrong_statements_in`` finds exactly what ``wrong_statements`` finds text by text: over
    Harmonien's map and the example organisations, the wrong sentences (in upper case, with the
    characters that lower to two or that only a case-insensitive search takes for a letter),
    and texts of one word or none."""
    texts = _example_values()
    wrong = [
        "Du kan be om innsyn i kva opplysningar vi behandlar og kva tryggingstiltak vi har.",
        "Vi utleverer ikke navn med mindre det er særskilt behov for det.",
        "Listene blir lasta opp krypterte (hasha).",
        "By using our website you accept cookies.",
        "Ved å nytte nettstaden godtek du informasjonskapslar.",
    ]
    odd = [
        "İ " + wrong[1],  # İ lowers to two characters: every place after it moves
        wrong[0].replace("i", "\u0131"),  # dotless i: no word in lower case, still a match
        wrong[3].replace("s", "\u017f"),  # long s
        *(w.upper() for w in wrong),
        "",
        *WORDS,
    ]
    for corpus in (texts + wrong + odd, odd + texts, wrong, []):
        expected = {t: wrong_statements(t) for t in corpus if wrong_statements(t)}
        assert wrong_statements_in(corpus) == expected
    assert len(wrong_statements_in(wrong + odd)) == 2 * len(wrong) + 3  # each found


def test_a_text_without_any_word_is_not_searched(monkeypatch: pytest.MonkeyPatch) -> None:
    """Of many texts, only those holding a word reach a pattern search."""
    searched: list[str] = []
    real = wording.wrong_statements

    def counting(text: str) -> tuple[wording.WrongStatement, ...]:
        searched.append(text)
        return real(text)

    monkeypatch.setattr(wording, "wrong_statements", counting)
    plain = [f"Vi lagrer opplysning nummer {i} i Norge." for i in range(1000)]
    marked = ["We keep a hash of it.", "Du kan be om innsyn."]
    assert wording.wrong_statements_in(plain + marked) == {}
    assert sorted(searched) == sorted(marked)


# -- a citation joins its text inside the sentence, said once -----------------------------------


def test_a_citation_goes_inside_the_sentence() -> None:
    assert with_citation("Kept as the law requires.", "bokføringsloven § 13") == (
        "Kept as the law requires (bokføringsloven § 13)."
    )
    assert with_citation("Kept for good", "arkivlova § 12") == "Kept for good (arkivlova § 12)"
    assert with_citation("Kept …", "x") == "Kept … (x)"
    assert with_citation("Kept five years (Bookkeeping Act § 13).", "bokføringsloven § 13") == (
        "Kept five years (Bookkeeping Act § 13; bokføringsloven § 13)."
    )


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_record_never_puts_a_citation_after_a_full_stop(harmonien: hr.DataMap, lang: str) -> None:
    cells = _cells(harmonien, lang)
    assert not [c for c in cells if ".; " in c and "§" in c.split(".; ", 1)[1][:40]]
    if lang == "en":
        assert any(
            "as the Bookkeeping Act § 13 requires (bokføringsloven § 13)." in c for c in cells
        )


def test_retention_until_consent_is_withdrawn_is_said_once() -> None:
    festival = hr.load(ORGS / "festival.yaml")
    en = _line(_notice(festival, "en").split("### Newsletter")[1], "- **How long")
    assert en.endswith("Kept until you unsubscribe (GDPR Art. 7(3), 17(1)(b)).")
    assert "withdraw" not in en
    nb = _line(_notice(festival, "nb").split("### Nyhetsbrev")[1], "- **Hvor lenge")
    assert nb.endswith(
        "Lagres til du melder deg av (personvernforordningen art. 7 nr. 3, 17 nr. 1 bokstav b)."
    )
    assert "trekker" not in nb
    record = [c for c in _cells(festival, "en") if "unsubscribe" in c]
    assert record == ["Kept until you unsubscribe (GDPR Art. 7(3), 17(1)(b))."]


def test_permanent_archiving_names_its_kind_inside_the_sentence() -> None:
    municipal = hr.load(ORGS / "municipal_culture.yaml")
    text = _notice(municipal, "en")
    assert (
        "deposited with the archive repository (kept permanently for archiving purposes in "
        "the public interest, GDPR Art. 5(1)(e), 89(1))." in text
    )
    assert ". (kept permanently" not in text


# -- children: the age limit of consent only for a service offered directly to children --------


def _bases_with(child_online_service: bool | None) -> hr.DataMap:
    data = _data(hr.load(FIXTURES / "bases.yaml"))
    newsletter = next(a for a in data["activities"] if a["id"] == "newsletter")
    newsletter.pop("child_online_service", None)
    if child_online_service is not None:
        newsletter["child_online_service"] = child_online_service
    return hr.from_data(data)


def _children_line(datamap: hr.DataMap, lang: str) -> str:
    heading = {"en": "### Newsletter", "nb": "### Nyhetsbrev"}[lang]
    section = _notice(datamap, lang).split(heading)[1].split("\n### ")[0]
    return _line(section, {"en": "- **Children:**", "nb": "- **Barn:**"}[lang])


@pytest.mark.parametrize("stated", [None, False])
def test_consent_online_alone_states_no_age_limit(stated: bool | None) -> None:
    datamap = _bases_with(stated)
    for lang in ("en", "nb"):
        line = _children_line(datamap, lang)
        assert "13" not in line
        assert "§ 5" not in line
    assert "may be children (the children's choir has singers from 8)." in _children_line(
        datamap, "en"
    )


def test_a_service_offered_to_children_names_the_holder_of_parental_responsibility() -> None:
    datamap = _bases_with(True)
    assert _children_line(datamap, "en").endswith(
        "If you are under 13, the consent must be given or authorised by the holder of parental "
        "responsibility for you (personopplysningsloven § 5; GDPR Art. 8(1))."
    )
    nb = _children_line(datamap, "nb")
    assert "må samtykket gis eller godkjennes av den som har foreldreansvaret for deg" in nb
    assert "en av foreldrene" not in nb


_CHILD_OVERLAY = """
data_subjects:
  - id: members
    may_include_children: true
activities:
  - id: membership
    legal_basis: consent
    consent:
      mechanism: opt_in_form
      records: {nb: Påmeldingslogg., en: Sign-up log.}
      withdrawal: {nb: Skriv til oss., en: Write to us.}
"""


@pytest.mark.parametrize(("stated", "reported"), [(True, True), (None, True), (False, False)])
def test_child_consent_rule_follows_the_service(stated: bool | None, reported: bool) -> None:
    overlay = _CHILD_OVERLAY
    if stated is not None:
        overlay += f"    child_online_service: {str(stated).lower()}\n"
    codes = [f.code for f in check(example_map(overlay)).findings]
    assert ("ROPA122" in codes) is reported


# -- the limits of rights: kept by law (Art. 17(3)(b)), kept for archiving (17(3)(d), 89(3)) ---


def _section(text: str, heading: str) -> str:
    return (
        text.split(f"### {heading}\n")[1]
        .split("\n### ", maxsplit=1)[0]
        .split("\n## ", maxsplit=1)[0]
    )


def test_data_kept_by_law_limits_erasure_with_the_article_and_the_statute(
    harmonien: hr.DataMap,
) -> None:
    en = _line(_section(_notice(harmonien, "en"), "Accounting"), "- **Your rights here:**")
    assert "Erasure (limited: GDPR Art. 17(3)(b); bokføringsloven § 13)" in en
    nb = _line(_section(_notice(harmonien, "nb"), "Regnskap"), "- **Dine rettigheter her:**")
    assert "(begrenset: personvernforordningen art. 17 nr. 3 bokstav b; bokføringsloven § 13)" in nb


def test_data_kept_for_archiving_states_the_derogations_once() -> None:
    municipal = hr.load(ORGS / "municipal_culture.yaml")
    section = _section(_notice(municipal, "en"), "Cultural grants")
    rights = _line(section, "- **Your rights here:**")
    assert "Erasure (limited: GDPR Art. 17(3)(b), 17(3)(d); arkivlova § 12)" in rights
    limit = _line(section, "  - For data kept permanently for archiving")
    assert limit.endswith(
        "the rights to access, rectification, restriction and objection may be limited as far "
        "as exercising them would make the archiving impossible or seriously impair it "
        "(GDPR Art. 89(3); personopplysningsloven § 17)."
    )
    assert section.count("89(3)") == 1
    assert "(provisional)" not in limit  # safeguards and the archive act are stated


def test_archiving_without_its_safeguards_limits_rights_provisionally() -> None:
    municipal = hr.load(ORGS / "municipal_culture.yaml")
    limit = _line(_section(_notice(municipal, "en"), "Festival photos"), "  - For data kept")
    assert limit.endswith("(GDPR Art. 89(3); personopplysningsloven § 17). *(provisional)*")
    record = build_record(municipal, "en")
    row = next(r for r in record.activities.rows if r.key == "photo-archive")
    cell = record.activities.cell(row, "rights")
    assert cell.items[-1].startswith(
        "for data kept permanently for archiving in the public interest: access, rectification"
    )
    assert {a.path.rsplit(".", 1)[1] for a in cell.assumptions} >= {"safeguards", "legal_source"}


def test_archiving_some_categories_limits_rights_for_those() -> None:
    data = _data(hr.load(ORGS / "municipal_culture.yaml"))
    photos = next(a for a in data["activities"] if a["id"] == "photo-archive")
    kept = photos.pop("retention")
    photos["retention"] = {"text": {"nb": "Slettes etter ett år.", "en": "Erased after a year."}}
    photos["category_retention"] = [{**kept, "categories": ["photos"]}]
    datamap = hr.from_data(data)
    section = _section(_notice(datamap, "en"), "Festival photos")
    limit = _line(section, "  - For photos and video: For data kept permanently for archiving")
    assert limit.endswith("(GDPR Art. 89(3); personopplysningsloven § 17). *(provisional)*")
    rights = _line(section, "- **Your rights here:**")
    assert "Erasure (limited: GDPR Art. 17(3)(b), 17(3)(d))" in rights


# -- the fixture organisations' bases: tax and accounting law beside the contract --------------


def test_festival_volunteers_report_to_the_tax_authority_under_6_1_c() -> None:
    section = _section(_notice(hr.load(ORGS / "festival.yaml"), "en"), "Volunteers")
    assert (
        "  - the lists of volunteers reported to the tax authority: necessary to comply with a "
        "legal obligation (GDPR Art. 6(1)(c)), under a-opplysningsloven § 4"
    ) in section
    assert "  - shifts and looking after the volunteers: necessary to perform a contract" in section


def test_orchestra_payroll_rests_on_the_contract_and_on_tax_and_accounting_law() -> None:
    orchestra = hr.load(ORGS / "orchestra_recruitment.yaml")
    payroll = orchestra.activity("payroll")
    assert [str(b) for b in payroll.basis_values] == ["contract", "legal_obligation"]
    section = _section(_notice(orchestra, "en"), "Payroll")
    assert "(GDPR Art. 6(1)(b))" in section
    assert "(GDPR Art. 6(1)(c)), under a-opplysningsloven § 4; bokføringsloven § 13" in section


# -- national identity numbers: the condition of personopplysningsloven § 12 -------------------


def test_check_and_record_show_the_national_id_condition(harmonien: hr.DataMap) -> None:
    findings = [
        f for f in check(load_with_positions(HARMONIEN_YAML)).findings if f.code == "ROPA152"
    ]
    assert len(findings) == 1
    assert "'national-id' is used ('accounting')" in findings[0].message
    assert "objective need for secure identification" in findings[0].message
    for lang, words in (
        (
            "en",
            "only where there is an objective need for secure identification and the method is "
            "necessary to achieve it (Personal Data Act § 12)",
        ),
        (
            "nb",
            "bare når det er saklig behov for sikker identifisering og metoden er nødvendig for "
            "å oppnå slik identifisering (personopplysningsloven § 12)",
        ),
    ):
        table = build_record(harmonien, lang).data_categories
        row = next(r for r in table.rows if r.key == "national-id")
        assert table.cell(row, "national_id").items == (
            {"en": "yes", "nb": "ja"}[lang],
            words,
        )
        other = next(r for r in table.rows if r.key == "email")
        assert len(table.cell(other, "national_id").items) == 1


# -- Harmonien's own map: no confident legal position the law contradicts ----------------------


def _harmonien_findings() -> list[tuple[str, str]]:
    return [(f.code, f.message) for f in check(load_with_positions(HARMONIEN_YAML)).findings]


def test_website_ad_tags_make_google_a_joint_controller_still_to_be_arranged(
    harmonien: hr.DataMap,
) -> None:
    google = harmonien.party("google")
    assert str(google.role) == "joint_controller"
    assert "Fashion ID" in google.assumptions["role"]
    assert ("ROPA212", "joint controller 'google' has no recorded arrangement") in (
        _harmonien_findings()
    )
    text = _notice(harmonien, "en")
    assert (
        "whatever we have agreed between us: Google Ireland Ltd, Meta Platforms Ireland Ltd."
        in (text)
    )
    assert "- **Google Ireland Ltd** – joint controller *(provisional)*" in text


def test_custom_audiences_on_legitimate_interests_stay_an_open_question(
    harmonien: hr.DataMap,
) -> None:
    targeting = harmonien.activity("ad-targeting")
    assert targeting.is_assumed("legal_basis")
    note = targeting.assumptions["legal_basis"]
    assert "EDPB Guidelines 8/2020" in note
    assert "consent" in note
    codes = _harmonien_findings()
    assert any(c == "ROPA604" and "'ad-targeting'" in m for c, m in codes)
    assert any(c == "ROPA901" and "EDPB Guidelines 8/2020" in m for c, m in codes)


def test_the_record_s_note_on_business_contacts_follows_the_map(harmonien: hr.DataMap) -> None:
    notes = [
        a.note
        for table in build_record(harmonien, "en").tables()
        for row in table.rows
        for cell in row.cells
        for a in cell.assumptions
    ]
    business = [n for n in notes if "business" in n]
    assert business
    assert not any("once the map can record that" in n for n in business)
    assert any("business_contacts: true" in n for n in business)
