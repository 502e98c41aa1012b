"""Legal terms and citations in Norwegian and English (harmonien_ropa.law.terms)."""

from __future__ import annotations

import pytest

from harmonien_ropa.law.terms import (
    TERMS,
    VOCABULARIES,
    LegalTerm,
    Right,
    Statute,
    article,
    build_table,
    cite,
    label,
    label_cite,
)
from harmonien_ropa.model.legal import Art9Condition, LegalBasis, TransferMechanism


@pytest.mark.parametrize(
    ("article", "nb"),
    [
        ("GDPR Art. 6(1)(b)", "personvernforordningen art. 6 nr. 1 bokstav b"),
        ("GDPR Art. 7(3)", "personvernforordningen art. 7 nr. 3"),
        ("GDPR Art. 21(2)-(3)", "personvernforordningen art. 21 nr. 2–3"),
        ("GDPR Art. 77", "personvernforordningen art. 77"),
        (
            "GDPR Art. 45; Commission Implementing Decision (EU) 2023/1795",
            "personvernforordningen art. 45; Kommisjonens gjennomføringsbeslutning (EU) 2023/1795",
        ),
        ("GDPR Art. 15-22", "personvernforordningen art. 15–22"),
        ("ekomloven § 3-15 (LOV-2024-12-13-76)", "ekomloven § 3-15 (LOV-2024-12-13-76)"),
        ("GDPR Art. 49(1) second subparagraph", "personvernforordningen art. 49 nr. 1 annet ledd"),
        ("markedsføringsloven § 15", "markedsføringsloven § 15"),
    ],
)
def test_norwegian_citation(article: str, nb: str) -> None:
    assert cite(article, "nb") == nb
    assert cite(article, "en") == article


def test_every_article_the_notice_cites_reads_as_norwegian() -> None:
    articles = [article(t) for t in (*LegalBasis, *Art9Condition, *TransferMechanism, *Right)]
    for reference in articles:
        text = cite(reference, "nb")
        assert "GDPR" not in text
        assert "Art." not in text
        assert "(" not in text.replace("(EU)", ""), text


def test_a_value_shared_by_two_vocabularies_keeps_each_meaning() -> None:
    """``vital_interests`` is an Art. 6(1)(d) basis and an Art. 9(2)(c) condition."""
    assert article(LegalBasis.VITAL_INTERESTS) == "GDPR Art. 6(1)(d)"
    assert article(Art9Condition.VITAL_INTERESTS) == "GDPR Art. 9(2)(c)"
    assert label_cite(LegalBasis.VITAL_INTERESTS, "nb").endswith(
        "(personvernforordningen art. 6 nr. 1 bokstav d)"
    )


def test_the_table_refuses_a_term_given_twice_or_left_out() -> None:
    entry = (LegalBasis.CONSENT, LegalTerm("GDPR Art. 6(1)(a)", "samtykke", "consent"))
    with pytest.raises(ValueError, match="given twice"):
        build_table([entry, entry])
    with pytest.raises(ValueError, match="CONTRACT has no entry"):
        build_table([entry], [LegalBasis])


def test_every_term_of_every_vocabulary_has_an_entry() -> None:
    count = sum(len(list(v)) for v in VOCABULARIES)
    assert len(TERMS) == count
    for vocabulary in VOCABULARIES:
        for member in vocabulary:
            assert label(member, "nb")
            assert label(member, "en")


def test_label_cite_is_label_and_citation() -> None:
    assert label_cite(Right.ACCESS, "nb") == "innsyn (personvernforordningen art. 15)"
    assert label_cite(Right.ACCESS, "en") == "access (GDPR Art. 15)"


def test_short_citation_leaves_out_the_regulation() -> None:
    assert cite("GDPR Art. 30(1)(a)", "en", short=True) == "Art. 30(1)(a)"
    assert cite("GDPR Art. 30(1)(a)", "nb", short=True) == "art. 30 nr. 1 bokstav a"


def test_statutes() -> None:
    assert article(Statute.NATIONAL_ID).startswith("personopplysningsloven § 12")
    assert article(Statute.ELECTRONIC_MARKETING) == "markedsføringsloven § 15"
    assert "§ 3-15" in article(Statute.COOKIES)
    assert "LOV-2024-12-13-76" in article(Statute.COOKIES)


def test_a_citation_is_the_same_asked_again_in_any_order() -> None:
    """Citations are worked out once per reference: a term, the article it names as text and
    another vocabulary's term of the same value each keep their own citation."""
    first = [
        cite(LegalBasis.VITAL_INTERESTS, "nb"),
        cite("vital_interests", "nb"),
        cite(Art9Condition.VITAL_INTERESTS, "nb"),
        cite("GDPR Art. 6(1)(d)", "nn", short=True),
    ]
    assert first == [
        "personvernforordningen art. 6 nr. 1 bokstav d",
        "vital_interests",
        "personvernforordningen art. 9 nr. 2 bokstav c",
        "art. 6 nr. 1 bokstav d",
    ]
    again = [
        cite("GDPR Art. 6(1)(d)", "nn", short=True),
        cite(Art9Condition.VITAL_INTERESTS, "nb"),
        cite("vital_interests", "nb"),
        cite(LegalBasis.VITAL_INTERESTS, "nb"),
    ]
    assert again == first[::-1]
