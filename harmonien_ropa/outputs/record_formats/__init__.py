"""The Article 30 record in every format: HTML and Markdown per language, CSV, XLSX and JSON.

The record is built once per language as plain tables (:mod:`harmonien_ropa.record`); each
format only lays those tables out. HTML and Markdown come in every requested language
(``record.<lang>.html``, ``record.<lang>.md``); CSV and XLSX are in the first requested
language (Norwegian by default); JSON carries every requested language side by side.
"""

from __future__ import annotations

from ...model.datamap import DataMap
from ...record import build_records
from .. import RenderOptions, RenderResult
from ..staging import Artifact
from .csv_file import record_csv
from .json_file import record_json
from .pages import record_html, record_markdown
from .xlsx_file import record_xlsx


def render(datamap: DataMap, options: RenderOptions) -> RenderResult:
    """Every record file for ``datamap``.

    The files are made in the order that keeps memory low for a large map: the workbook (whose
    writer needs the most memory of its own) while little else is held, the files that need
    every language, then each language's pages, letting go of a language's tables as soon as
    nothing needs them any more.
    """
    options = options.for_map(datamap)
    records = list(build_records(datamap, options.languages, options.previous))
    primary = records[0]
    result = RenderResult()
    result.add(
        Artifact("record.xlsx", record_xlsx(primary, datamap.record.effective_date)), options
    )
    result.add(Artifact("record.json", record_json(records)), options)
    result.add(Artifact("record.csv", record_csv(primary, primary.activities)), options)
    if primary.processor is not None:
        result.add(
            Artifact("record.processor.csv", record_csv(primary, primary.processor)), options
        )
    while records:
        record = records.pop()
        result.add(Artifact(f"record.{record.lang}.html", record_html(record)), options)
        result.add(Artifact(f"record.{record.lang}.md", record_markdown(record)), options)
    # Kept files are listed pages first, in the order of the languages asked for.
    order = [f"record.{lang}.{ext}" for lang in options.languages for ext in ("html", "md")]
    order += ["record.csv", "record.processor.csv", "record.xlsx", "record.json"]
    result.artifacts.sort(key=lambda artifact: order.index(artifact.path))
    return result
