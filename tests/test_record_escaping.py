"""Any text in the YAML stays inert text in the record's HTML and Markdown."""

from __future__ import annotations

import re
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st
from support.record_html import html_rows

import harmonien_ropa as hr
from harmonien_ropa.outputs.record_formats.pages import anchor, record_markdown
from harmonien_ropa.record import build_record

_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")
#: Text the model accepts: no C0 controls but tab and line breaks, no DEL or C1 controls, no
#: bidirectional embeddings, overrides or isolates, no U+FFFE/U+FFFF.
_UNWRITABLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]"
)
texts = st.text(min_size=1, max_size=200).filter(
    lambda t: bool(t.split()) and not _UNWRITABLE.search(t)
)


def _with_purpose(small: hr.DataMap, text: str) -> hr.DataMap:
    data: Any = small.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    data["activities"][0]["purpose"] = {"nb": text, "en": text}
    return hr.from_data(data)


@settings(max_examples=60, deadline=None)
@given(text=texts)
@example(text="<script>alert(1)</script> & </td></tr>")
@example(text="| a | b |\n\n# heading\n- item [x](javascript:1) <b>*bold*</b>")
def test_purpose_is_inert(small: hr.DataMap, text: str) -> None:
    record = build_record(_with_purpose(small, text), "en")
    expected = " ".join(text.split())
    # HTML: the purpose cell's text is the value, nothing else; no markup got through.
    rows = html_rows(record)
    section = anchor("activities", "membership")
    (shown,) = [td for sec, _, th, td in rows if sec == section and th.startswith("Purposes")]
    assert shown == expected
    # Markdown: one table row with exactly three cell borders, the value escaped inside.
    markdown = record_markdown(record).decode("utf-8")
    (line,) = [ln for ln in markdown.splitlines() if ln.startswith("| Purposes of the processing")]
    assert len(_UNESCAPED_PIPE.findall(line)) == 3
    assert "<" not in line.split("|", 2)[2]
