"""The Word and PDF documents (``render --only docx``, ``--only pdf``), end to end.

The small map is rendered once per test run through the command line (with another output, as
``--only model,docx,pdf``); the Word files are read back with python-docx and the PDF text is
extracted with pypdf once, in module fixtures. Byte identity is checked by rendering again in
another time zone; the payload corpus goes through both documents once.
"""

from __future__ import annotations

import datetime as dt
import io
import time
import zipfile
from pathlib import Path
from typing import Any

import docx
import pypdf
import pytest
from support.cli import run_cli
from support.formats import check_docx, check_pdf
from support.hardening import PAYLOADS, benign, payload_map
from support.paths import HARMONIEN_YAML, SMALL_YAML

import harmonien_ropa as hr
from harmonien_ropa.notice.view import build, places
from harmonien_ropa.outputs import ON_REQUEST, RENDERERS, RenderOptions, output_names, renderer
from harmonien_ropa.outputs import pdf as render_pdf
from harmonien_ropa.source.i18n import strings

DOCUMENTS = [f"{name}.{lang}.{ext}" for ext in ("docx", "pdf") for name in ("notice", "record") for lang in ("nb", "en")]  # fmt: skip
MM = 72 / 25.4


def _files(out: Path) -> dict[str, bytes]:
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and not p.name.startswith(".harmonien")
    }


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    out = tmp_path_factory.mktemp("documents")
    result = run_cli("render", "--only", "model,docx,pdf", "--data", str(SMALL_YAML), "--out", str(out))  # fmt: skip
    assert result.returncode == 0, result.stderr
    return _files(out)


@pytest.fixture(scope="module")
def pdf_text(rendered: dict[str, bytes]) -> dict[str, list[str]]:
    """Each PDF's text, page by page (extracted once)."""
    return {
        path: [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages]
        for path, data in rendered.items()
        if path.endswith(".pdf")
    }


def _word(data: bytes) -> Any:
    return docx.Document(io.BytesIO(data))


def _word_text(document: Any) -> str:
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def test_documents_are_made_only_when_asked_for(rendered: dict[str, bytes]) -> None:
    assert sorted(rendered) == sorted(["model.json", *DOCUMENTS])
    assert set(ON_REQUEST) == {"docx", "pdf"} <= set(RENDERERS)
    assert not set(output_names()) & ON_REQUEST
    assert output_names(["model", "docx", "pdf"]) == ["model", "docx", "pdf"]


def test_word_notice_has_the_notice_s_sections_and_facts(
    rendered: dict[str, bytes], small: hr.DataMap
) -> None:
    for lang in ("nb", "en"):
        document = _word(rendered[f"notice.{lang}.docx"])
        s = strings("notice", lang)
        headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
        for key in ("controller_heading", "data_heading", "purposes_heading", "rights_heading"):
            assert s[key] in headings
        text = _word_text(document)
        assert small.organisation.name in text
        shown = build(small, lang, places(small)).activities
        assert shown
        for activity in shown:
            assert getattr(activity.name, "text", activity.name) in headings
        # A4 portrait; the map's effective date, not the clock, as the document's dates.
        section = document.sections[0]
        assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
        effective = dt.datetime.combine(small.notice.effective_date, dt.time(), tzinfo=dt.UTC)
        assert document.core_properties.created == effective
        assert document.core_properties.modified == effective
        assert document.core_properties.author == small.organisation.name
        # Links open: the website is a real hyperlink relationship.
        targets = [rel.target_ref for rel in document.part.rels.values() if rel.is_external]
        assert str(small.organisation.website) in targets


def test_word_record_is_landscape_with_the_record_s_tables(
    rendered: dict[str, bytes], small: hr.DataMap
) -> None:
    document = _word(rendered["record.en.docx"])
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 210)
    assert len(document.tables) >= 5
    first = document.tables[0]
    assert [c.text for c in first.rows[0].cells] == ["Item", "Content"]
    text = _word_text(document)
    for activity in small.activities:
        assert activity.name.en in text
    effective = dt.datetime.combine(small.record.effective_date, dt.time(), tzinfo=dt.UTC)
    assert document.core_properties.created == effective


def test_word_zip_members_have_one_fixed_timestamp(rendered: dict[str, bytes]) -> None:
    with zipfile.ZipFile(io.BytesIO(rendered["notice.nb.docx"])) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_pdf_text_can_be_searched_and_copied(
    pdf_text: dict[str, list[str]], small: hr.DataMap
) -> None:
    notice = "\n".join(pdf_text["notice.en.pdf"])
    assert small.organisation.name in notice
    assert strings("notice", "en")["rights_heading"] in notice
    for activity in build(small, "en", places(small)).activities:
        assert getattr(activity.name, "text", activity.name) in notice
    record = "\n".join(pdf_text["record.nb.pdf"])
    assert strings("record", "nb")["title"].split("{")[0].strip()[:20] in record
    for activity in small.activities:
        assert activity.name.nb in record


def test_pdf_pages_fonts_and_metadata(rendered: dict[str, bytes], small: hr.DataMap) -> None:
    for name, size in (("notice", (210, 297)), ("record", (297, 210))):
        reader = pypdf.PdfReader(io.BytesIO(rendered[f"{name}.en.pdf"]))
        box = reader.pages[0].mediabox
        assert (round(float(box.width) / MM), round(float(box.height) / MM)) == size
        fonts = {
            str(font.get_object()["/BaseFont"]).split("+")[-1]
            for page in reader.pages
            for font in page["/Resources"]["/Font"].values()
        }
        assert fonts
        assert all(font.startswith("DejaVu") for font in fonts), fonts
        meta = reader.metadata
        assert meta is not None
        day = small.record.effective_date if name == "record" else small.notice.effective_date
        assert meta["/CreationDate"] == meta["/ModDate"] == f"D:{day:%Y%m%d}"
        assert meta["/Author"] == small.organisation.name


def test_documents_are_byte_identical_for_the_same_map(
    rendered: dict[str, bytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "Pacific/Kiritimati")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    time.tzset()
    try:
        result = run_cli("render", "--only", "docx,pdf", "--data", str(SMALL_YAML), "--out", str(tmp_path))  # fmt: skip
    finally:
        monkeypatch.undo()
        time.tzset()
    assert result.returncode == 0, result.stderr
    again = _files(tmp_path)
    assert sorted(again) == sorted(DOCUMENTS)
    assert [path for path in DOCUMENTS if again[path] != rendered[path]] == []


def test_without_weasyprint_pdf_is_skipped_with_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def missing() -> Any:
        raise OSError("cannot load library 'libpango-1.0-0': error 0x7e")

    monkeypatch.setattr(render_pdf, "_weasyprint", missing)
    result = run_cli("render", "--only", "model,pdf", "--data", str(SMALL_YAML), "--out", str(tmp_path))  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert sorted(_files(tmp_path)) == ["model.json"]
    assert "pdf: skipped" in result.stderr
    assert "apt-get install libpango-1.0-0" in result.stderr
    assert "harmonien-ropa[pdf]" in result.stderr


def _documents(datamap: hr.DataMap) -> dict[str, bytes]:
    files = {}
    for name in ("docx", "pdf"):
        for artifact in renderer(name)(datamap, RenderOptions()).artifacts:
            files[artifact.path] = artifact.content
    return files


def test_payloads_stay_text_in_both_documents() -> None:
    texts = list(PAYLOADS.values())
    files = _documents(payload_map(texts))
    base = _documents(payload_map([benign(t) for t in texts]))
    assert sorted(files) == sorted(base) == sorted(DOCUMENTS)
    problems: list[str] = []
    for path in sorted(files):
        check = check_docx if path.endswith(".docx") else check_pdf
        problems += check(files[path], base[path], texts, path)
    assert problems == []


def test_injection_checks_catch_a_link_made_from_text() -> None:
    from harmonien_ropa.outputs.documents import Page
    from harmonien_ropa.outputs.word import document

    day = dt.date(2026, 1, 1)
    plain = document(Page("notice", "en", "<p>see x</p>", "t", day), "org")
    linked = document(
        Page("notice", "en", '<p>see <a href="javascript:alert(1)">x</a></p>', "t", day), "org"
    )
    assert check_docx(plain, plain, [], "w") == []
    assert any("javascript" in p for p in check_docx(linked, plain, [], "w"))


@pytest.mark.slow
def test_harmonien_word_documents_read_back(tmp_path: Path) -> None:
    result = run_cli("render", "--only", "docx", "--data", str(HARMONIEN_YAML), "--out", str(tmp_path))  # fmt: skip
    assert result.returncode == 0, result.stderr
    datamap = hr.load(HARMONIEN_YAML)
    notice = _word((tmp_path / "notice.nb.docx").read_bytes())
    text = _word_text(notice)
    assert all(activity.name.nb in text for activity in datamap.activities)
    record = _word((tmp_path / "record.en.docx").read_bytes())
    assert len(record.tables) >= 10
