"""Content of the Article 30 record: every Art. 30 item, provenance, processor record."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support.record_html import html_rows

import harmonien_ropa as hr
from harmonien_ropa.law import requirements
from harmonien_ropa.law.rights import (
    OBJECTION_BASES,
    PORTABILITY_BASES,
    is_direct_marketing,
    rights_of,
)
from harmonien_ropa.law.terms import label_cite
from harmonien_ropa.model import Art9Condition
from harmonien_ropa.outputs import RenderOptions
from harmonien_ropa.outputs.record_formats.pages import anchor
from harmonien_ropa.record import ARTICLE_30_1, CONTROLLER_COLUMNS, build_record
from harmonien_ropa.record.cells import _one_line
from harmonien_ropa.source.i18n import strings

LANGS = ("nb", "en")


@pytest.mark.parametrize("lang", LANGS)
def test_every_article_30_1_item_is_stated_or_visibly_open(
    harmonien: hr.DataMap, lang: str
) -> None:
    record = build_record(harmonien, lang)
    s = strings("record", lang)
    rows = html_rows(record)
    table = record.activities
    assert [row.key for row in table.rows] == [a.id for a in harmonien.controller_activities]
    for row in table.rows:
        section = anchor("activities", row.key)
        shown = {th: (cls, td) for sec, cls, th, td in rows if sec == section}
        for key in ARTICLE_30_1:
            cell = table.cell(row, key)
            column = table.columns[table.column_index(key)]
            assert cell.items, f"{row.key}: Art. 30(1) item '{key}' is empty"
            cls, text = next(v for th, v in shown.items() if th.startswith(column.label))
            assert cls == cell.status
            if cell.status == "missing":
                assert text.startswith(s["missing_badge"]), (row.key, key)
            elif cell.status == "assumed":
                assert s["assumed_badge"] in text, (row.key, key)
                for assumption in cell.assumptions:
                    assert " ".join(assumption.note.split()) in text
            else:
                assert s["assumed_badge"] not in text


def test_missing_items_are_only_the_known_gaps(harmonien: hr.DataMap) -> None:
    """Harmonien's map states every Art. 30(1) item except a few security descriptions."""
    record = build_record(harmonien, "en")
    missing = {
        (row.key, column.key)
        for row in record.activities.rows
        for column, cell in zip(record.activities.columns, row.cells, strict=True)
        if cell.status == "missing"
    }
    assert {key for _, key in missing} <= {"security"}
    for activity, _ in missing:
        act = harmonien.activity(activity)
        assert not act.security_measures
        assert not any(s.security_measures for s in harmonien.systems_of(act))


def test_values_equal_the_model(harmonien: hr.DataMap) -> None:
    record = build_record(harmonien, "nb")
    table = record.activities
    for act, row in zip(harmonien.controller_activities, table.rows, strict=True):
        assert table.cell(row, "name").items == (act.name.get("nb"),)
        assert table.cell(row, "purpose").items == (" ".join(act.purpose.get("nb").split()),)
        assert table.cell(row, "data_subjects").items == tuple(
            d.name.get("nb") for d in harmonien.subjects_of(act)
        )
        assert table.cell(row, "data_categories").items == tuple(
            c.name.get("nb") for c in harmonien.categories_of(act)
        )
        basis = table.cell(row, "legal_basis").items
        assert act.legal_basis is not None
        assert basis[0] == label_cite(act.legal_basis, "nb")
        assert "personvernforordningen art. 6 nr. 1" in basis[0]
        assert act.retention is not None
        retention = table.cell(row, "retention").items[0]
        assert retention == " ".join(act.retention.text.get("nb").split())
        recipients = table.cell(row, "recipients").joined()
        for party in harmonien.all_recipients_of(act):
            assert party.name in recipients
        assert len(table.cell(row, "transfers").items) == max(1, len(act.transfers))
        flags = [item.rsplit(": ", 1)[1] for item in table.cell(row, "profiling").items]
        expected = [act.profiling, act.automated_decisions, act.combines_datasets, act.large_scale]
        assert flags == ["ja" if flag else "nei" for flag in expected]


def test_provenance_follows_the_yaml(harmonien: hr.DataMap) -> None:
    record = build_record(harmonien, "en")
    table = record.activities
    for act, row in zip(harmonien.controller_activities, table.rows, strict=True):
        basis = table.cell(row, "legal_basis")
        if act.is_assumed("legal_basis"):
            assert basis.status == "assumed"
            note = act.provenance("legal_basis").note
            assert any(
                a.note == note and a.path.endswith(".legal_basis") for a in basis.assumptions
            )
        else:
            assert basis.status == "stated"
    # Every open assumption of the map is listed once in the assumptions table.
    paths = [row.key for row in record.assumptions.rows]
    assert len(paths) == len(set(paths)) == sum(1 for _ in harmonien.assumptions())


def test_assumption_paths_exist_in_the_assumptions_table(harmonien: hr.DataMap) -> None:
    record = build_record(harmonien, "nb")
    listed = {row.key for row in record.assumptions.rows}
    for table in record.tables():
        for row in table.rows:
            for cell in row.cells:
                for assumption in cell.assumptions:
                    assert assumption.path in listed


def test_no_processor_record_for_harmonien(harmonien: hr.DataMap) -> None:
    record = build_record(harmonien, "nb")
    assert record.processor is None
    names = [a.path for a in hr.render(harmonien, ["record"], RenderOptions()).artifacts]
    assert "record.processor.csv" not in names


def test_processor_record_from_on_behalf_of(small: hr.DataMap) -> None:
    record = build_record(small, "en")
    assert [row.key for row in record.activities.rows] == ["membership"]
    assert record.processor is not None
    (row,) = record.processor.rows
    table = record.processor
    assert row.key == "ticket-service"
    client = table.cell(row, "client_controller")
    assert client.items == (
        "Konsertarrangør AS (NO)",
        "contact details not stated – to be completed",
    )
    assert client.status == "missing", "Art. 30(2)(a) needs the client's contact details"
    assert table.cell(row, "processor").items[0].startswith("Fjordkor Demo")
    assert "dpo@fjordkor.example" in table.cell(row, "processor").joined()
    assert table.cell(row, "processing").items == ("To sell tickets on behalf of the organiser.",)
    assert table.cell(row, "transfers_2").items == ("No transfers to third countries",)
    assert table.cell(row, "security_2").items == ("encrypted storage",)
    retention = table.cell(row, "retention")
    assert retention.status == "assumed"
    assert retention.assumptions[0].path == "activities[1].retention"
    articles = {c.key: c.article for c in table.columns}
    assert articles["client_controller"] == "Art. 30(2)(a)"
    assert articles["processing"] == "Art. 30(2)(b)"
    assert articles["transfers_2"] == "Art. 30(2)(c)"
    assert articles["security_2"] == "Art. 30(2)(d), 32(1)"


def test_transfers_name_country_and_mechanism(small: hr.DataMap) -> None:
    record = build_record(small, "en")
    row = record.activities.rows[0]
    (transfer,) = record.activities.cell(row, "transfers").items
    assert transfer.startswith("US: Mailhost Inc.; ")
    assert "standard contractual clauses" in transfer
    recipients = record.activities.cell(row, "recipients").items
    assert recipients == ("Mailhost Inc. (processor, US); transfer to third country: US",)


def test_transfer_without_mechanism_is_missing(small: hr.DataMap) -> None:
    data = small.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    del data["activities"][0]["transfers"][0]["mechanism"]
    del data["parties"][0]["transfer_mechanism"]
    datamap = hr.from_data(data)
    record = build_record(datamap, "en")
    cell = record.activities.cell(record.activities.rows[0], "transfers")
    assert cell.status == "missing"
    assert "transfer mechanism not stated" in cell.joined()
    (transfer_row,) = record.transfers.rows
    assert record.transfers.cell(transfer_row, "mechanism").status == "missing"


def test_compelling_interests_transfer_needs_safeguards(small: hr.DataMap) -> None:
    data = small.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    data["activities"][0]["transfers"][0]["mechanism"] = "derogation_compelling_interests"
    record = build_record(hr.from_data(data), "en")
    cell = record.activities.cell(record.activities.rows[0], "transfers")
    assert cell.status == "missing"
    assert "suitable safeguards not documented" in cell.joined()
    data["activities"][0]["transfers"][0]["safeguards"] = {"nb": "Kryptert.", "en": "Encrypted."}
    record = build_record(hr.from_data(data), "en")
    cell = record.activities.cell(record.activities.rows[0], "transfers")
    assert cell.status == "stated"
    assert cell.items[0].endswith("safeguards: Encrypted.")


def test_special_category_needs_art9_condition(small: hr.DataMap) -> None:
    data = small.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    del data["activities"][0]["art9_condition"]
    record = build_record(hr.from_data(data), "en")
    row = record.activities.rows[0]
    assert record.activities.cell(row, "art9_condition").status == "missing"
    assert record.activities.cell(row, "special_categories").items == (
        "health data (special category, Art. 9)",
    )


def test_columns_are_the_documented_set() -> None:
    record_columns = set(CONTROLLER_COLUMNS)
    assert set(ARTICLE_30_1) <= record_columns
    for lang in LANGS:
        s = strings("record", lang)
        assert all(f"col_{key}" in s for key in CONTROLLER_COLUMNS)


def test_rights_follow_the_legal_basis(harmonien: hr.DataMap) -> None:
    """The rights column is the derivation the notice uses (harmonien_ropa.law.rights)."""
    record = build_record(harmonien, "en")
    table = record.activities
    for act, row in zip(harmonien.controller_activities, table.rows, strict=True):
        items = table.cell(row, "rights").items
        assert len(items) == len(rights_of(harmonien, act))
        has = {item.split(" (")[0] for item in items}
        assert ("data portability" in has) == (
            act.legal_basis in PORTABILITY_BASES
            or act.art9_condition is Art9Condition.EXPLICIT_CONSENT
        )
        assert ("objection" in has) == (act.legal_basis in OBJECTION_BASES)
        assert ("objection to direct marketing" in has) == is_direct_marketing(act)
    accounting = next(r for r in table.rows if r.key == "accounting")
    erasure = table.cell(accounting, "rights").items[2]
    assert erasure == ("erasure (Art. 17): limited (GDPR Art. 17(3)(b); bokføringsloven § 13)")


@pytest.mark.parametrize("lang", LANGS)
def test_gaps_list_every_missing_requirement(
    harmonien: hr.DataMap, small: hr.DataMap, lang: str
) -> None:
    """The gaps table is the law layer's list of missing items, activity by activity."""
    for datamap in (harmonien, small):
        record = build_record(datamap, lang)
        expected = [
            f"{act.id}/{item.key}"
            for act in datamap.activities
            for item, _ in requirements.missing(datamap, act)
        ]
        assert expected
        assert [row.key for row in record.gaps.rows] == expected
    assert "ticket-service/30.2a" in expected


def test_transfer_on_the_party_s_mechanism_is_not_a_gap(small: hr.DataMap) -> None:
    """A mechanism set on the party counts in the record as in the notice and the checker."""
    data = small.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    del data["activities"][0]["transfers"][0]["mechanism"]
    datamap = hr.from_data(data)
    record = build_record(datamap, "en")
    cell = record.activities.cell(record.activities.rows[0], "transfers")
    assert cell.status != "missing"
    assert "standard contractual clauses" in cell.joined()
    (transfer_row,) = record.transfers.rows
    assert (
        "standard contractual clauses" in record.transfers.cell(transfer_row, "mechanism").joined()
    )
    assert not [row for row in record.gaps.rows if "30.1e" in row.key]


def test_joint_controller_with_contact(harmonien: hr.DataMap) -> None:
    record = build_record(harmonien, "nb")
    table = record.activities
    row = next(r for r in table.rows if r.key == "ad-targeting")
    cell = table.cell(row, "joint_controllers")
    meta = harmonien.party("meta")
    assert cell.items == (f"{meta.name} ({meta.country}), {meta.privacy_policy}",)
    assert {a.path for a in cell.assumptions} == {"parties[9].role", "parties[9].joint_arrangement"}


_WHITESPACE = [chr(c) for c in range(0x110000) if chr(c).isspace()]


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from([*_WHITESPACE, "a", "å", "\xad", "–"]) | st.characters()))
def test_cell_text_is_one_line(text: str) -> None:
    """Cell text is trimmed with every run of whitespace as one space; printable text already so
    is kept as it is (not copied)."""
    flat = _one_line(text)
    assert flat == " ".join(text.split())
    if flat == text and text.isprintable():
        assert flat is text
