"""The record's columns: their order, the article each answers, their width."""

from __future__ import annotations

#: Column key → article (cited in the record's language, without the regulation's name).
#: Labels come from ``templates/i18n/record.yaml``.
ARTICLES = {
    "controller": "GDPR Art. 30(1)(a)",
    "joint_controllers": "GDPR Art. 30(1)(a), 26",
    "purpose": "GDPR Art. 30(1)(b)",
    "data_subjects": "GDPR Art. 30(1)(c)",
    "data_categories": "GDPR Art. 30(1)(c)",
    "special_categories": "GDPR Art. 9, 10; personopplysningsloven § 12",
    "recipients": "GDPR Art. 30(1)(d)",
    "transfers": "GDPR Art. 30(1)(e)",
    "retention": "GDPR Art. 30(1)(f)",
    "security": "GDPR Art. 30(1)(g), 32(1)",
    "legal_basis": "GDPR Art. 6(1)",
    "art9_condition": "GDPR Art. 9(2)",
    "legitimate_interest": "GDPR Art. 6(1)(f)",
    "consent": "GDPR Art. 7(1), 7(3)",
    "cookie": "ekomloven § 3-15",
    "cookie_purpose": "ekomloven § 3-15",
    "sources": "GDPR Art. 13, 14",
    "processors": "GDPR Art. 28",
    "rights": "GDPR Art. 15-22",
    "profiling": "GDPR Art. 22, 35",
    "dpia": "GDPR Art. 35",
    "processor": "GDPR Art. 30(2)(a)",
    "client_controller": "GDPR Art. 30(2)(a)",
    "processing": "GDPR Art. 30(2)(b)",
    "transfers_2": "GDPR Art. 30(2)(c)",
    "security_2": "GDPR Art. 30(2)(d), 32(1)",
    "dpo": "GDPR Art. 30(1)(a), 37",
    "representative": "GDPR Art. 30(1)(a), 27",
}
_WIDE = {
    "purpose",
    "legitimate_interest",
    "consent",
    "security",
    "retention",
    "note",
    "processing",
    "dpia",
    "description",
    "joint_arrangement",
    "transfer_mechanism",
    "justification",
    "safeguards",
}
_NARROW = {"country", "dpa", "special", "criminal", "national_id", "version", "effective_date"}

CONTROLLER_COLUMNS = (
    "id",
    "name",
    "business_function",
    "controller",
    "joint_controllers",
    "purpose",
    "data_subjects",
    "data_categories",
    "special_categories",
    "recipients",
    "transfers",
    "retention",
    "security",
    "legal_basis",
    "art9_condition",
    "legitimate_interest",
    "consent",
    "sources",
    "systems",
    "access",
    "processors",
    "profiling",
    "rights",
    "dpia",
)
#: The Art. 30(1) items every controller activity must state: column key → letter.
ARTICLE_30_1 = {
    "controller": "a",
    "purpose": "b",
    "data_subjects": "c",
    "data_categories": "c",
    "recipients": "d",
    "transfers": "e",
    "retention": "f",
    "security": "g",
}


def width(column: str) -> int:
    """Width hint of a column, in characters (spreadsheets use it; HTML groups it)."""
    if column in _WIDE:
        return 60
    if column in _NARROW:
        return 12
    return 22 if column == "id" else 30
