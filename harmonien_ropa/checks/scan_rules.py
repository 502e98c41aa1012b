"""The findings of ``scan`` (what a website really does, compared with the map): one table.

They are not rules over the map alone, so they are not in :data:`.registry.RULES`; they have a
range of their own (``SCAN101`` …) and a group of their own (``scan``), and the registry
resolves them in ``select``/``ignore`` like the checker's rules, so that the same settings
(``[tool.harmonien_ropa]``, ``settings.check``, ``--select``/``--ignore``/``--fail-on``) serve
``check`` and ``scan``. The law each finding rests on is cited from :mod:`..law.terms`.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

from ..core.diagnostics import Severity
from ..law.terms import Statute, article

#: The code prefix and the group name of every scan finding.
SCAN_PREFIX = "SCAN"
SCAN_GROUP = "scan"
SCAN_GROUP_TITLE = "Website scan: what a site loads and stores, compared with the map"


@dataclass(frozen=True, slots=True)
class ScanRule:
    """One kind of scan finding: code, name, severity, law, message template and fix."""

    code: str
    name: str
    severity: Severity
    law: str
    message: str
    fix: str
    summary: str

    def format_message(self, **fields: str) -> str:
        return self.message.format_map(fields)


_COOKIES = article(Statute.COOKIES)

_TABLE = (
    ScanRule(
        "SCAN101",
        "undeclared-service",
        Severity.ERROR,
        "GDPR Art. 30(1)(d), Art. 13(1)(e)",
        "the site loads {service} ({hosts}) but the map names no party or system for it",
        "add the service as a party (with catalogue: or website:) and to the activity it serves",
        "A service the website was seen to load is not declared in the map.",
    ),
    ScanRule(
        "SCAN102",
        "undeclared-cookie",
        Severity.ERROR,
        f"{_COOKIES}; GDPR Art. 13(1)(c)",
        "{kind} '{name}' ({domain}) is stored but the map's cookie inventory does not list it",
        "add it to the cookie inventory with its provider, purpose and lifetime "
        "(scan --suggest FILE writes a draft to review)",
        "A cookie or storage key the website was seen to store is not in the map.",
    ),
    ScanRule(
        "SCAN103",
        "tracking-before-consent",
        Severity.ERROR,
        _COOKIES,
        "{what}, used for {purpose}, loads on {page} before the visitor has consented",
        "load it only after consent (through the consent tool), or mark it strictly necessary "
        "in the map if it really is",
        "Statistics, preferences or marketing technology runs before consent.",
    ),
    ScanRule(
        "SCAN104",
        "declared-not-observed",
        Severity.INFO,
        "GDPR Art. 5(1)(d)",
        "{what} is declared for the website but the scan did not see it",
        "remove it from the map if the site no longer uses it, or scan the pages that load it "
        "(--pages, --accept)",
        "Something the map declares for the website was not seen on the pages scanned.",
    ),
    ScanRule(
        "SCAN105",
        "transfer-not-recorded",
        Severity.ERROR,
        "GDPR Art. 44, Art. 46(1), Art. 30(1)(e)",
        "the site sends data to {service} in {country}, outside the EEA, and the map records no "
        "transfer to it",
        "add a transfer (country, mechanism) to the activities that use the service, or set "
        "transfer_mechanism on the party",
        "A service on the website takes data outside the EEA without a transfer in the map.",
    ),
    ScanRule(
        "SCAN106",
        "unidentified-host",
        Severity.WARNING,
        "GDPR Art. 30(1)(d)",
        "the site loads from {host}, which is neither a known service nor a declared party",
        "find out whose host it is and declare that party (with website: on its host), or "
        "remove it from the site",
        "A third-party host the website loads from is not known to the scan or the map.",
    ),
)

#: Every scan finding kind by code, in code order.
SCAN_RULES: MappingProxyType[str, ScanRule] = MappingProxyType({r.code: r for r in _TABLE})
