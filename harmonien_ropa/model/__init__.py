"""Typed model of an organisation's data map (pydantic v2)."""

from .activity import Activity, Dpia, Retention, Source, Transfer
from .base import LANGUAGES, Acknowledgement, Entity, Provenance, Statement, Text
from .datamap import CheckSettings, DataMap, SeedText, Settings
from .inventory import DataCategory, DataSubject, Party, System
from .legal import (
    Art9Condition,
    DpiaStatus,
    LegalBasis,
    MarketingChannel,
    PartyRole,
    SourceKind,
    TransferMechanism,
)
from .organisation import (
    Address,
    Contact,
    DocumentMeta,
    Dpo,
    Notice,
    Organisation,
    RepresentedBy,
    SupervisoryAuthority,
)

__all__ = [
    "LANGUAGES",
    "Acknowledgement",
    "Activity",
    "Address",
    "Art9Condition",
    "CheckSettings",
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
    "Notice",
    "Organisation",
    "Party",
    "PartyRole",
    "Provenance",
    "RepresentedBy",
    "Retention",
    "SeedText",
    "Settings",
    "Source",
    "SourceKind",
    "Statement",
    "SupervisoryAuthority",
    "System",
    "Text",
    "Transfer",
    "TransferMechanism",
]
