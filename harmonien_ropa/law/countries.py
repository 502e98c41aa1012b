"""Countries for GDPR Chapter V: who is in the EEA, who has an adequacy decision, and names.

Plain data and small functions, shared by the graph, the notice, the record and the checker so
that "outside the EEA" means the same everywhere; whether a transfer is covered by a decision
(the EU-US DPF needs a certified US importer) is decided in :mod:`.transfers`. Codes are ISO 3166-1
alpha-2 in capitals, as the loader accepts them (:mod:`harmonien_ropa.core.countrycodes`, which also
gives the names from CLDR); the membership and adequacy tables here are the law's own data.

The adequacy list follows the European Commission's published decisions (see
:data:`ADEQUACY_SOURCE`). Decisions are reviewed and can be withdrawn, as Safe Harbour and Privacy
Shield were; check the Commission's list before relying on one. Under the EEA Agreement the
Commission's adequacy decisions also apply to Norway, Iceland and Liechtenstein.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

from ..core import countrycodes

#: The 27 member states of the European Union.
# fmt: off
EU_MEMBERS: frozenset[str] = frozenset({
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
    "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
})
# fmt: on

#: The European Economic Area: the EU plus Iceland, Liechtenstein and Norway.
EEA_MEMBERS: frozenset[str] = EU_MEMBERS | {"IS", "LI", "NO"}

#: Where the Commission's current list of adequacy decisions is published.
ADEQUACY_SOURCE = (
    "https://commission.europa.eu/law/law-topic/data-protection/"
    "international-dimension-data-protection/adequacy-decisions_en"
)


@dataclass(frozen=True, slots=True)
class Adequacy:
    """An adequacy decision (GDPR Art. 45) for a country outside the EEA.

    ``partial`` decisions cover only some recipients there; ``condition`` says which, in nb and
    en. Transfers to other recipients in that country need another Chapter V ground.
    """

    code: str
    decision: str
    partial: bool = False
    condition_nb: str | None = None
    condition_nn: str | None = None
    condition_en: str | None = None

    def condition(self, lang: str) -> str | None:
        """Who the decision covers, for partial decisions (``None`` when it covers everyone)."""
        if lang == "nn":
            return self.condition_nn
        return self.condition_nb if lang == "nb" else self.condition_en


_A = Adequacy
#: Adequacy decisions by country code.
ADEQUACY: MappingProxyType[str, Adequacy] = MappingProxyType(
    {
        a.code: a
        for a in (
            _A("AD", "Decision 2010/625/EU"),
            _A("AR", "Decision 2003/490/EC"),
            _A(
                "CA",
                "Decision 2002/2/EC",
                partial=True,
                condition_nb="bare for kommersielle virksomheter som er omfattet av PIPEDA",
                condition_nn="berre for kommersielle verksemder som er omfatta av PIPEDA",
                condition_en="only commercial organisations subject to PIPEDA",
            ),
            _A("CH", "Decision 2000/518/EC"),
            _A("FO", "Decision 2010/146/EU"),
            _A("GB", "Implementing Decision (EU) 2021/1772"),
            _A("GG", "Decision 2003/821/EC"),
            _A("IL", "Decision 2011/61/EU"),
            _A("IM", "Decision 2004/411/EC"),
            _A("JE", "Decision 2008/393/EC"),
            _A(
                "JP",
                "Implementing Decision (EU) 2019/419",
                partial=True,
                condition_nb="bare for private virksomheter som er omfattet av APPI",
                condition_nn="berre for private verksemder som er omfatta av APPI",
                condition_en="only private-sector organisations subject to the APPI",
            ),
            _A("KR", "Implementing Decision (EU) 2022/254"),
            _A("NZ", "Decision 2013/65/EU"),
            _A(
                "US",
                "Implementing Decision (EU) 2023/1795 (EU–US Data Privacy Framework)",
                partial=True,
                condition_nb="bare for virksomheter som er sertifisert under EU–US Data Privacy "
                "Framework (DPF-listen)",
                condition_nn="berre for verksemder som er sertifiserte under EU–US Data Privacy "
                "Framework (DPF-lista)",
                condition_en="only organisations certified under the EU–US Data Privacy "
                "Framework (the DPF list)",
            ),
            _A("UY", "Decision 2012/484/EU"),
        )
    }
)


def normalise(code: str) -> str:
    """``code`` in capitals (the loader has already refused anything but ISO 3166-1 codes)."""
    return code.strip().upper()


def is_eu(code: str) -> bool:
    """True if ``code`` is an EU member state."""
    return normalise(code) in EU_MEMBERS


def is_eea(code: str) -> bool:
    """True if ``code`` is in the EEA (EU, Iceland, Liechtenstein, Norway)."""
    return code in EEA_MEMBERS or normalise(code) in EEA_MEMBERS  # a member's code as it is


def is_third_country(code: str) -> bool:
    """True if transfers to ``code`` fall under GDPR Chapter V (outside the EEA)."""
    return not is_eea(code)


def adequacy(code: str) -> Adequacy | None:
    """The adequacy decision for ``code``, or ``None`` (also ``None`` for EEA countries)."""
    return ADEQUACY.get(normalise(code))


def country_name(code: str, lang: str) -> str:
    """The country's name in ``lang`` (CLDR, e.g. nb *USA*, en *United States*) as a list, a
    table or a graph shows it; a sentence uses :func:`country_in_text`."""
    return countrycodes.name(normalise(code), lang)


def country_in_text(code: str, lang: str) -> str:
    """The country's name as a sentence uses it after a preposition: en *the United States*
    ("in the United States"), nb *USA* ("i USA")."""
    return countrycodes.name_in_text(normalise(code), lang)
