"""Legal citations in Norwegian and English."""

from __future__ import annotations

import pytest

from harmonien_ropa.citation import cite
from harmonien_ropa.model.legal import Art9Condition, LegalBasis, TransferMechanism
from harmonien_ropa.rights import Right


@pytest.mark.parametrize(
    ("article", "nb"),
    [
        ("GDPR Art. 6(1)(b)", "personvernforordningen art. 6 nr. 1 bokstav b"),
        ("GDPR Art. 7(3)", "personvernforordningen art. 7 nr. 3"),
        ("GDPR Art. 21(2)-(3)", "personvernforordningen art. 21 nr. 2–3"),
        ("GDPR Art. 77", "personvernforordningen art. 77"),
        (
            "GDPR Art. 45; Decision (EU) 2023/1795",
            "personvernforordningen art. 45; beslutning (EU) 2023/1795",
        ),
        ("GDPR Art. 49(1) second subparagraph", "personvernforordningen art. 49 nr. 1 annet ledd"),
        ("markedsføringsloven § 15", "markedsføringsloven § 15"),
    ],
)
def test_norwegian_citation(article: str, nb: str) -> None:
    assert cite(article, "nb") == nb
    assert cite(article, "en") == article


def test_every_article_the_notice_cites_reads_as_norwegian() -> None:
    articles = [t.article for t in (*LegalBasis, *Art9Condition, *TransferMechanism, *Right)]
    for article in articles:
        text = cite(article, "nb")
        assert "GDPR" not in text
        assert "Art." not in text
        assert "(" not in text.replace("(EU)", ""), text
