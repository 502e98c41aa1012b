"""The codes of the problems that stop a data map from loading (ROPA001–ROPA010), in one table.

Every place that reports a load problem (the YAML readers, the loader, the reference checks,
the checker's settings, the Fides import) takes its code from here, and the rule reference
(``docs/rules.md``) documents each from the same table, so that a code, its meaning and its
documentation cannot drift apart. A load problem always exits with 2 (invalid input).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class LoadCode:
    """One kind of load problem: its code, a short name, what it means, the usual fix and a
    fragment of YAML that gives it."""

    code: str
    name: str
    summary: str
    fix: str
    example: str


YAML_SYNTAX = LoadCode(
    "ROPA001",
    "yaml-syntax",
    "The file is not well-formed YAML (an unclosed bracket or quote, a tab used to indent, a "
    "key and a list item at the same level, ...).",
    "fix the YAML at the position given; an editor with YAML support shows the spot",
    "activities:\n  - id: newsletter\n    name: {nb: Nyhetsbrev, en: Newsletter\n",
)
DUPLICATE_KEY = LoadCode(
    "ROPA002",
    "duplicate-key",
    "A mapping has the same key twice; YAML would silently keep only the last one.",
    "keep one of the two entries",
    "organisation:\n  name: Example Choir\n  name: Example Choir Association\n",
)
UNKNOWN_KEY = LoadCode(
    "ROPA003",
    "unknown-key",
    "A key the format does not know (often a typo: a did-you-mean is given), or an assumption "
    "about a field the entry does not have.",
    "use one of the keys listed in the message (see the YAML reference)",
    "activities:\n  - id: membership\n    legal_basiss: contract\n",
)
INVALID_VALUE = LoadCode(
    "ROPA004",
    "invalid-value",
    "A value of the wrong kind or not allowed: text where a list belongs, an unknown legal "
    "basis, a malformed date, e-mail address, country code or duration; also a file that is "
    "empty or not a mapping, a key that is not text, and an invalid checker setting.",
    "write a value of the kind the message names (the fix lists the valid values)",
    "activities:\n  - id: membership\n    legal_basis: contrakt\n",
)
MISSING_KEY = LoadCode(
    "ROPA005",
    "missing-key",
    "A required key is missing (e.g. an activity without a purpose).",
    "add the key the message names",
    "activities:\n"
    "  - id: newsletter  # no purpose\n"
    "    name: {nb: Nyhetsbrev, en: Newsletter}\n"
    "    data_subjects: [members]\n"
    "    data_categories: [email]\n",
)
DANGLING_REFERENCE = LoadCode(
    "ROPA006",
    "dangling-reference",
    "An entry refers to an id that no entry of that kind has (a system, party, data subject or "
    "data category), or a source names a category its activity does not list.",
    "use the id of an existing entry (a did-you-mean is given), or add the entry",
    "activities:\n  - id: membership\n    systems: [mailchimp]  # no system has this id\n",
)
DUPLICATE_ID = LoadCode(
    "ROPA007",
    "duplicate-id",
    "Two entries of the same list have the same id, so references to it would be ambiguous.",
    "give every entry of a list its own id",
    "systems:\n  - {id: crm, name: SuperOffice}\n  - {id: crm, name: Tessitura}\n",
)
UNREADABLE_FILE = LoadCode(
    "ROPA008",
    "unreadable-file",
    "The file cannot be read as a data map: not a regular file, larger than the size limit "
    "(HARMONIEN_ROPA_MAX_BYTES), not UTF-8/UTF-16/UTF-32 text, or holding an invisible line "
    "separator (U+2028, U+2029, U+0085).",
    "give a regular YAML file in UTF-8 within the size limit",
    "# a file saved as Latin-1: navn: Kor på Østlandet\n",
)
REFUSED_YAML = LoadCode(
    "ROPA009",
    "refused-yaml",
    "YAML the loader refuses to read: nesting deeper than the limit, more nodes than "
    "HARMONIEN_ROPA_MAX_NODES, aliases expanding past HARMONIEN_ROPA_MAX_EXPANDED (an "
    "alias bomb), a recursive anchor, or a tag other than the plain YAML types.",
    "write plain YAML values without tags, and repeat a value instead of nesting aliases",
    "organisation:\n  name: !!python/object/apply:os.system [echo]\n",
)
SUBPROCESSOR_CYCLE = LoadCode(
    "ROPA010",
    "subprocessor-cycle",
    "A chain of sub-processors (each party's 'engaged_by') leads back to where it started.",
    "a party cannot (indirectly) engage itself; fix 'engaged_by'",
    "parties:\n"
    "  - {id: a, name: A AS, role: sub_processor, country: 'NO', engaged_by: b}\n"
    "  - {id: b, name: B AS, role: sub_processor, country: 'NO', engaged_by: a}\n",
)

#: Every load code, in code order.
LOAD_CODES: tuple[LoadCode, ...] = (
    YAML_SYNTAX,
    DUPLICATE_KEY,
    UNKNOWN_KEY,
    INVALID_VALUE,
    MISSING_KEY,
    DANGLING_REFERENCE,
    DUPLICATE_ID,
    UNREADABLE_FILE,
    REFUSED_YAML,
    SUBPROCESSOR_CYCLE,
)
