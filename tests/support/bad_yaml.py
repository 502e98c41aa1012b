"""The bad-input corpus: one valid base map plus a small patch per case.

``tests/bad_yaml/base.yaml`` is a small valid data map. Each case of :data:`PATCHES` is that
map with a few edits (old text → new text, each old text found exactly once, applied in
order), so a case shows only what it breaks; cases that share nothing with the base (alias
bombs, other encodings, empty or scalar files, long maps) are files of their own in
``tests/bad_yaml/``. Every case has ``tests/bad_yaml/<case>.expect``: one
``LINE:COL CODE MESSAGE`` line per problem, the positions those of the patched text.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from support.paths import ROOT

FOLDER = ROOT / "tests" / "bad_yaml"
BASE = FOLDER / "base.yaml"


@dataclass(frozen=True)
class Patch:
    """Edits of the base map's text; ``crlf`` writes the result with Windows line ends."""

    edits: tuple[tuple[str, str], ...]
    crlf: bool = False

    def apply(self, base: str) -> str:
        text = base
        for old, new in self.edits:
            found = text.count(old)
            if found != 1:
                raise ValueError(f"patch text found {found} times, not once: {old!r}")
            text = text.replace(old, new)
        return text.replace("\n", "\r\n") if self.crlf else text


PATCHES: dict[str, Patch] = {
    "assumption_unknown_field": Patch(
        (
            (
                "    systems: [crm]\n",
                ("    systems: [crm]\n    assumptions:\n      legal_basiss: Not confirmed.\n"),
            ),
        )
    ),
    "bad_country_code": Patch((('    country: "NO"\n', "    country: Norway\n"),)),
    "bad_date": Patch(
        (
            (
                ('notice:\n  version: "1"\n  effective_date: 2026-01-01\n'),
                ('notice:\n  version: "1"\n  effective_date: 01.01.2026\n'),
            ),
        )
    ),
    "bad_duration": Patch(
        (
            (
                "      text: {nb: Ett år., en: One year.}\n",
                ("      text: {nb: Ett år., en: One year.}\n      period: 1 year\n"),
            ),
        )
    ),
    "bad_email": Patch(
        (("      email: kari@example.org\n", "      email: kari at example.org\n"),)
    ),
    "blank_text": Patch(
        (
            ("    name: CRM\n", '    name: " "\n'),
            (
                "    purpose: {nb: Å selge., en: To sell.}\n",
                '    purpose: {nb: Å selge., en: "  \\t "}\n',
            ),
        )
    ),
    "bom_with_error": Patch(
        (
            ("schema_version: 1\n", "\ufeffschema_version: 1\n"),
            (
                '  org_number: "999999999"\n',
                ('  org_number: "999999999"\n  email: not-an-address\n'),
            ),
        )
    ),
    "bool_where_text_expected": Patch((("  name: Test Org\n", "  name: true\n"),)),
    "control_character": Patch((("    name: Vendor AS\n", '    name: "Vendor\\e[31m AS"\n'),)),
    "crlf_with_error": Patch(
        (("    legal_basis: contract\n", "    legal_basis: contrakt\n"),), crlf=True
    ),
    "custom_tag": Patch((("    legal_basis: contract\n", "    legal_basis: !basis contract\n"),)),
    "cyclic_subprocessors": Patch(
        (
            (
                '    country: "NO"\n',
                (
                    '    country: "NO"\n'
                    "    engaged_by: other\n"
                    "  - id: other\n"
                    "    name: Other AS\n"
                    "    role: sub_processor\n"
                    '    country: "NO"\n'
                    "    engaged_by: vendor\n"
                ),
            ),
        )
    ),
    "cyclic_three_parties": Patch(
        (
            (
                '    country: "NO"\n',
                (
                    '    country: "NO"\n'
                    "    engaged_by: c\n"
                    '  - {id: b, name: B AS, role: sub_processor, country: "NO", engaged_by: vendor}\n'
                    '  - {id: c, name: C AS, role: sub_processor, country: "NO", engaged_by: b}\n'
                ),
            ),
        )
    ),
    "dangling_category": Patch(
        (("    data_categories: [email]\n", "    data_categories: [email, phone]\n"),)
    ),
    "dangling_engaged_by": Patch(
        (('    country: "NO"\n', ('    country: "NO"\n    engaged_by: cloud\n')),)
    ),
    "dangling_on_behalf_of": Patch(
        (
            (
                "    legal_basis: contract\n",
                ("    legal_basis: contract\n    on_behalf_of: client\n"),
            ),
        )
    ),
    "dangling_recipient": Patch(
        (("    systems: [crm]\n", ("    systems: [crm]\n    recipients: [vendr]\n")),)
    ),
    "dangling_subject": Patch(
        (("    data_subjects: [customers]\n", "    data_subjects: [customer]\n"),)
    ),
    "dangling_system": Patch((("    systems: [crm]\n", "    systems: [crn]\n"),)),
    "dangling_transfer_party": Patch(
        (
            (
                "    systems: [crm]\n",
                (
                    "    systems: [crm]\n"
                    "    transfers: [{party: mailhost, country: US, mechanism: scc}]\n"
                ),
            ),
        )
    ),
    "dangling_vendor": Patch((("    vendor: vendor\n", "    vendor: supplier\n"),)),
    "dpo_without_contact": Patch(
        (
            (
                "      email: kari@example.org\n",
                ("      email: kari@example.org\n  dpo:\n    appointed: true\n    name: Ola\n"),
            ),
        )
    ),
    "dpv_unknown_prefix": Patch(
        (
            (
                "    name: {nb: kunder, en: customers}\n",
                ('    name: {nb: kunder, en: customers}\n    dpv: "foaf:Person"\n'),
            ),
            (
                "    name: {nb: e-post, en: e-mail}\n",
                ("    name: {nb: e-post, en: e-mail}\n    dpv: EmailAddress\n"),
            ),
            (
                "    purpose: {nb: Å selge., en: To sell.}\n",
                (
                    "    purpose: {nb: Å selge., en: To sell.}\n"
                    '    dpv: "https://w3id.org/dpv#Sell#More"\n'
                ),
            ),
        )
    ),
    "duplicate_id": Patch((("  - id: health\n", "  - id: email\n"),)),
    "duplicate_id_parties": Patch(
        (
            (
                '    country: "NO"\n',
                (
                    '    country: "NO"\n'
                    "  - id: vendor\n"
                    "    name: Vendor Two AS\n"
                    "    role: processor\n"
                    '    country: "NO"\n'
                ),
            ),
        )
    ),
    "duplicate_key_activity": Patch(
        (
            (
                "    legal_basis: contract\n",
                ("    legal_basis: contract\n    legal_basis: consent\n"),
            ),
        )
    ),
    "duplicate_key_contact": Patch(
        (
            (
                "      email: kari@example.org\n",
                ("      email: kari@example.org\n      name: Kari Nordmann\n"),
            ),
        )
    ),
    "duplicate_key_flow_mapping": Patch(
        (
            (
                "    name: {nb: kunder, en: customers}\n",
                "    name: {nb: kunder, en: customers, nb: klienter}\n",
            ),
        )
    ),
    "duplicate_key_organisation": Patch(
        (("  name: Test Org\n", ("  name: Test Org\n  name: Other Org\n")),)
    ),
    "duplicate_key_party": Patch(
        (('    country: "NO"\n', ('    country: "NO"\n    role: controller\n')),)
    ),
    "duplicate_key_retention": Patch(
        (
            (
                "      text: {nb: Ett år., en: One year.}\n",
                (
                    "      text: {nb: Ett år., en: One year.}\n"
                    "      text: {nb: To år., en: Two years.}\n"
                ),
            ),
        )
    ),
    "duplicate_key_settings": Patch(
        (
            (
                "      text: {nb: Ett år., en: One year.}\n",
                (
                    "      text: {nb: Ett år., en: One year.}\n"
                    "settings:\n"
                    "  check:\n"
                    "    fail_on: error\n"
                    "    fail_on: warning\n"
                ),
            ),
        )
    ),
    "duplicate_key_text": Patch(
        (("    name: {nb: Salg, en: Sales}\n", "    name: {nb: Salg, en: Sales, nb: Sal}\n"),)
    ),
    "duplicate_key_top": Patch(
        (
            (
                "      text: {nb: Ett år., en: One year.}\n",
                (
                    "      text: {nb: Ett år., en: One year.}\n"
                    "notice:\n"
                    '  version: "2"\n'
                    "  effective_date: 2026-01-01\n"
                ),
            ),
        )
    ),
    "empty_required_list": Patch(
        (("    data_categories: [email]\n", "    data_categories: []\n"),)
    ),
    "empty_text_language": Patch(
        (("    name: {nb: kunder, en: customers}\n", "    name: {nb: '', en: customers}\n"),)
    ),
    "enum_art9_condition": Patch(
        (
            (
                "    legal_basis: contract\n",
                ("    legal_basis: contract\n    art9_condition: explicit_concent\n"),
            ),
        )
    ),
    "enum_dpia_status": Patch(
        (
            (
                "      text: {nb: Ett år., en: One year.}\n",
                ("      text: {nb: Ett år., en: One year.}\n    dpia: {status: maybe}\n"),
            ),
        )
    ),
    "enum_legal_basis": Patch((("    legal_basis: contract\n", "    legal_basis: consnt\n"),)),
    "enum_marketing_channel": Patch(
        (
            (
                "    legal_basis: contract\n",
                ("    legal_basis: contract\n    marketing: [email, pigeon]\n"),
            ),
        )
    ),
    "enum_party_role": Patch((("    role: processor\n", "    role: procesor\n"),)),
    "enum_source_kind": Patch(
        (
            (
                "    legal_basis: contract\n",
                ("    legal_basis: contract\n    sources: [{kind: website}]\n"),
            ),
        )
    ),
    "enum_transfer_mechanism": Patch(
        (('    country: "NO"\n', ("    country: US\n    transfer_mechanism: privacy_shield\n")),)
    ),
    "id_with_capitals": Patch(
        (
            ("  - id: crm\n", "  - id: CRM\n"),
            ("    systems: [crm]\n", "    systems: [CRM]\n"),
        )
    ),
    "line_separator": Patch(
        (
            (
                "    name: {nb: kunder, en: customers}\n",
                ("    name: {nb: kunder, en: cus\u2028tomers}\n"),
            ),
        )
    ),
    "list_expected": Patch(
        (("    data_subjects: [customers]\n", "    data_subjects: customers\n"),)
    ),
    "list_where_text_expected": Patch(
        (("    purpose: {nb: Å selge., en: To sell.}\n", "    purpose: [To sell, To ship]\n"),)
    ),
    "literal_fail_on": Patch(
        (
            (
                "      text: {nb: Ett år., en: One year.}\n",
                (
                    "      text: {nb: Ett år., en: One year.}\n"
                    "settings:\n"
                    "  check:\n"
                    "    fail_on: always\n"
                ),
            ),
        )
    ),
    "mapping_expected": Patch(
        (
            (
                (
                    "organisation:\n"
                    "  name: Test Org\n"
                    '  org_number: "999999999"\n'
                    "  contacts:\n"
                    "    - name: Kari\n"
                    "      email: kari@example.org\n"
                ),
                "organisation: Test Org\n",
            ),
        )
    ),
    "mapping_where_id_expected": Patch((("    systems: [crm]\n", "    systems: [{id: crm}]\n"),)),
    "merge_key_duplicates": Patch(
        (
            ("  - id: sales\n", ("  - &sales\n    id: sales\n")),
            (
                "      text: {nb: Ett år., en: One year.}\n",
                (
                    "      text: {nb: Ett år., en: One year.}\n"
                    "  # Overriding a merged key is fine; writing a key twice in the mapping itself, or in a mapping\n"
                    "  # written inside the merge, is a duplicate.\n"
                    "  - <<: *sales\n"
                    "    id: sales-abroad\n"
                    "    id: sales-abroad-2\n"
                    "  - <<: {id: x, id: y}\n"
                    "    name: {nb: Salg 3, en: Sales 3}\n"
                ),
            ),
        )
    ),
    "misleading_characters": Patch(
        (
            ("  - id: health\n", '  - id: "health\u202e"\n'),
            ("    name: Vendor AS\n", '    name: "Vendor\\x9b31m AS"\n'),
            ("    name: CRM\n", '    name: "CRM\\x7f"\n'),
            (
                ("    name: {nb: Salg, en: Sales}\n    purpose: {nb: Å selge., en: To sell.}\n"),
                (
                    '    name: {nb: "Salg \u202egnilas\u202c", en: Sales}\n'
                    '    purpose: {nb: Å selge., en: "To sell \\u2066isolated\\u2069."}\n'
                ),
            ),
        )
    ),
    "missing_organisation": Patch(
        (
            (
                (
                    "organisation:\n"
                    "  name: Test Org\n"
                    '  org_number: "999999999"\n'
                    "  contacts:\n"
                    "    - name: Kari\n"
                    "      email: kari@example.org\n"
                ),
                "",
            ),
        )
    ),
    "missing_required_key": Patch((("    purpose: {nb: Å selge., en: To sell.}\n", ""),)),
    "negative_employees": Patch(
        (('  org_number: "999999999"\n', ('  org_number: "999999999"\n  employees: -3\n')),)
    ),
    "org_number_check_digit": Patch(
        (('  org_number: "999999999"\n', '  org_number: "999 999 998"\n'),)
    ),
    "org_number_not_nine_digits": Patch(
        (('  org_number: "999999999"\n', '  org_number: "NO 99999999 MVA"\n'),)
    ),
    "nul_bytes": Patch((("  contacts:\n", "  cont\x00acts:\n"),)),
    "null_list_item": Patch(
        (("    data_categories: [email]\n", "    data_categories: [email, ~]\n"),)
    ),
    "null_where_mapping_expected": Patch(
        (
            (
                (
                    "  name: Test Org\n"
                    '  org_number: "999999999"\n'
                    "  contacts:\n"
                    "    - name: Kari\n"
                    "      email: kari@example.org\n"
                ),
                "",
            ),
        )
    ),
    "number_where_text_expected": Patch(
        (("    purpose: {nb: Å selge., en: To sell.}\n", "    purpose: 42\n"),)
    ),
    "python_object_tag": Patch(
        (("  name: Test Org\n", '  name: !!python/object/apply:os.system ["echo hacked"]\n'),)
    ),
    "recursive_anchor": Patch(
        (("    data_categories: [email]\n", "    data_categories: &cats [email, *cats]\n"),)
    ),
    "self_engaged_party": Patch(
        (('    country: "NO"\n', ('    country: "NO"\n    engaged_by: vendor\n')),)
    ),
    "source_category_not_in_activity": Patch(
        (
            (
                "    data_categories: [email]\n",
                (
                    "    data_categories: [email]\n"
                    "    sources:\n"
                    "      - kind: data_subject\n"
                    "        categories: [health]\n"
                ),
            ),
        )
    ),
    "syntax_bad_indentation": Patch(
        (('  org_number: "999999999"\n', '    org_number: "999999999"\n'),)
    ),
    "syntax_colon_in_plain_value": Patch(
        (("    name: CRM\n", "    name: CRM: the sales system\n"),)
    ),
    "syntax_list_item_in_mapping": Patch(
        (("    legal_basis: contract\n", ("    legal_basis: contract\n    - consent\n")),)
    ),
    "syntax_unclosed_flow": Patch(
        (("    data_subjects: [customers]\n", "    data_subjects: [customers\n"),)
    ),
    "syntax_unclosed_quote": Patch(
        ((('notice:\n  version: "1"\n'), ('notice:\n  version: "1\n')),)
    ),
    "syntax_undefined_alias": Patch(
        (("    data_subjects: [customers]\n", "    data_subjects: *subjects\n"),)
    ),
    "tab_indentation": Patch((('  org_number: "999999999"\n', '\torg_number: "999999999"\n'),)),
    "text_where_bool_expected": Patch(
        (("    special_category: true\n", "    special_category: maybe\n"),)
    ),
    "text_where_list_expected": Patch(
        (("    data_subjects: [customers]\n", "    data_subjects: customers\n"),)
    ),
    "text_without_languages": Patch((("    name: {nb: e-post, en: e-mail}\n", "    name: {}\n"),)),
    "unknown_key_activity": Patch((("    systems: [crm]\n", "    systms: [crm]\n"),)),
    "unknown_key_address": Patch(
        (
            (
                '  org_number: "999999999"\n',
                ('  org_number: "999999999"\n  address: {street: Gate 1, zip: "5015"}\n'),
            ),
        )
    ),
    "unknown_key_party": Patch(
        (('    country: "NO"\n', ('    country: "NO"\n    contry_of_origin: "SE"\n')),)
    ),
    "unknown_key_retention": Patch(
        (
            (
                "      text: {nb: Ett år., en: One year.}\n",
                ("      text: {nb: Ett år., en: One year.}\n      periode: P1Y\n"),
            ),
        )
    ),
    "unknown_key_system_typo": Patch((("    vendor: vendor\n", "    vendr: vendor\n"),)),
    "unknown_key_text_language": Patch(
        (("    name: {nb: kunder, en: customers}\n", "    name: {no: kunder, en: customers}\n"),)
    ),
    "unknown_key_top": Patch((("activities:\n", "activites:\n"),)),
    "unsupported_schema_version": Patch((("schema_version: 1\n", "schema_version: 3\n"),)),
    "windows_device_ids": Patch(
        (
            ("  - id: customers\n", "  - id: com1\n"),
            ("  - id: crm\n", "  - id: nul\n"),
            ("  - id: sales\n", "  - id: con\n"),
            ("    data_subjects: [customers]\n", "    data_subjects: [com1]\n"),
            ("    systems: [crm]\n", "    systems: [nul]\n"),
        )
    ),
}


def base_text() -> str:
    return BASE.read_text(encoding="utf-8")


def case_names() -> list[str]:
    """Every case: the patches and the files of their own (not the base)."""
    files = {p.stem for p in FOLDER.glob("*.yaml") if p != BASE}
    assert not files & PATCHES.keys(), "a case is both a patch and a file"
    return sorted(files | PATCHES.keys())


def case_bytes(name: str) -> bytes:
    """The YAML file of case ``name``, as bytes."""
    patch = PATCHES.get(name)
    if patch is None:
        return (FOLDER / f"{name}.yaml").read_bytes()
    return patch.apply(base_text()).encode("utf-8")


def case_file(name: str, folder: Path) -> Path:
    """Case ``name`` as a file ``<name>.yaml``: its own file, or its patch written in ``folder``."""
    if name not in PATCHES:
        return FOLDER / f"{name}.yaml"
    path = folder / f"{name}.yaml"
    if not path.exists():
        path.write_bytes(case_bytes(name))
    return path


def expected(name: str) -> Path:
    """The file of the problems case ``name`` must give."""
    return FOLDER / f"{name}.expect"
