"""Typed model of an organisation's data map (pydantic v2)."""

from .activity import Activity, Dpia, Retention, Source, Transfer
from .base import LANGUAGES, Acknowledgement, Entity, Provenance, Statement, Text
from .bases import Basis, BasisPart, Consent
from .cookies import Tracker
from .datamap import CheckSettings, DataMap, ModelProblem, SeedText, Settings
from .inventory import DataCategory, DataSubject, Party, System
from .legal import (
    Art9Condition,
    ConsentMechanism,
    DpiaStatus,
    LegalBasis,
    MarketingChannel,
    PartyRole,
    SourceKind,
    TrackerKind,
    TrackerPurpose,
    TransferMechanism,
)
from .organisation import (
    Address,
    Contact,
    DocumentMeta,
    Dpo,
    Notice,
    Organisation,
    SupervisoryAuthority,
)

__all__ = [
    "LANGUAGES",
    "Acknowledgement",
    "Activity",
    "Address",
    "Art9Condition",
    "Basis",
    "BasisPart",
    "CheckSettings",
    "Consent",
    "ConsentMechanism",
    "Contact",
    "DataCategory",
    "DataMap",
    "DataSubject",
    "DocumentMeta",
    "Dpia",
    "DpiaStatus",
    "Dpo",
    "Entity",
    "LegalBasis",
    "MarketingChannel",
    "ModelProblem",
    "Notice",
    "Organisation",
    "Party",
    "PartyRole",
    "Provenance",
    "Retention",
    "SeedText",
    "Settings",
    "Source",
    "SourceKind",
    "Statement",
    "SupervisoryAuthority",
    "System",
    "Text",
    "Tracker",
    "TrackerKind",
    "TrackerPurpose",
    "Transfer",
    "TransferMechanism",
]
