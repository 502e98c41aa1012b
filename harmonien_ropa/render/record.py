"""The Article 30 record in every format: HTML and Markdown per language, CSV, XLSX and JSON.

The record is built once per language as plain tables (:mod:`harmonien_ropa.record`); each
format only lays those tables out. HTML and Markdown come in every requested language
(``record.<lang>.html``, ``record.<lang>.md``); CSV and XLSX are in the first requested
language (Norwegian by default); JSON carries every requested language side by side.
"""

from __future__ import annotations

from ..model.datamap import DataMap
from ..output import Artifact
from ..record import Record, build_records
from . import RenderOptions, RenderResult
from .record_csv import record_csv
from .record_json import record_json
from .record_text import record_html, record_markdown
from .record_xlsx import record_xlsx


def render(datamap: DataMap, options: RenderOptions) -> RenderResult:
    """Every record file for ``datamap``."""
    records: dict[str, Record] = dict(
        zip(
            options.languages,
            build_records(datamap, options.languages, options.previous),
            strict=True,
        )
    )
    artifacts: list[Artifact] = []
    for lang, record in records.items():
        artifacts.append(Artifact(f"record.{lang}.html", record_html(record)))
        artifacts.append(Artifact(f"record.{lang}.md", record_markdown(record)))
    primary = records[options.languages[0]]
    artifacts.append(Artifact("record.csv", record_csv(primary, primary.activities)))
    if primary.processor is not None:
        artifacts.append(Artifact("record.processor.csv", record_csv(primary, primary.processor)))
    artifacts.append(Artifact("record.xlsx", record_xlsx(primary, datamap.record.effective_date)))
    artifacts.append(Artifact("record.json", record_json(list(records.values()))))
    return RenderResult(artifacts)
