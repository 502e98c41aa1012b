"""What the public notice tells people about their rights, read against the law it states."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.notice_text import Page, render_notice

import harmonien_ropa as hr

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
