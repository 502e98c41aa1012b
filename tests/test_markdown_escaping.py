"""Markdown escaping: any text stays literal, and only what Markdown would misread is escaped.

Each generated text is escaped and parsed with markdown-it (CommonMark with raw HTML, tables and
strikethrough on) where a value can stand in the notice and the record: alone on a line, as a
list item, in a table cell. The text must come back as plain text, character for character
(spaces collapsed), in the same block structure; and ordinary prose must come out unchanged.
"""

from __future__ import annotations

import string

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from harmonien_ropa.core.escaping import markdown

MD = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
TEXT = st.text(
    alphabet=st.sampled_from(string.punctuation + "ab_1 9.æ–\u00a0" + "\n"), min_size=1, max_size=30
).filter(lambda s: s.strip())


def _inline_text(source: str, structure: list[str]) -> list[str]:
    """The plain text of each inline token of ``source``, which must have ``structure``."""
    tokens = MD.parse(source)
    assert [t.type for t in tokens] == structure, source
    texts = []
    for token in tokens:
        if token.type == "inline":
            children = token.children or []
            assert {child.type for child in children} <= {"text"}, (source, children)
            texts.append("".join(child.content for child in children))
    return texts


@given(TEXT)
def test_any_text_stays_literal_alone_on_a_line(text: str) -> None:
    expected = " ".join(text.split())
    structure = ["paragraph_open", "inline", "paragraph_close"]
    assert _inline_text(f"Intro.\n\n{markdown(text)}\n", [*structure, *structure]) == [
        "Intro.",
        expected,
    ]


@given(TEXT)
def test_any_text_stays_literal_as_a_list_item(text: str) -> None:
    structure = ["bullet_list_open", "list_item_open", "paragraph_open", "inline"]
    structure += ["paragraph_close", "list_item_close", "bullet_list_close"]
    assert _inline_text(f"- {markdown(text)}\n", structure) == [" ".join(text.split())]


@given(TEXT)
def test_any_text_stays_literal_in_a_table_cell(text: str) -> None:
    source = f"| a | b |\n| --- | --- |\n| {markdown(text)} | x |\n"
    cells = _inline_text(
        source,
        [
            "table_open",
            *["thead_open", "tr_open", "th_open", "inline", "th_close"],
            *["th_open", "inline", "th_close", "tr_close", "thead_close"],
            *["tbody_open", "tr_open", "td_open", "inline", "td_close"],
            *["td_open", "inline", "td_close", "tr_close", "tbody_close", "table_close"],
        ],
    )
    assert cells == ["a", "b", " ".join(text.split()), "x"]


@pytest.mark.parametrize(
    "text",
    [
        "Art. 6(1)(b) GDPR – the contract (see www.example.no/personvern).",
        "Personopplysningsloven § 12: fødselsnummer brukes bare ved behov!",
        "e-post, telefon og adresse; 10 år etter avsluttet kundeforhold.",
        "snake_case_id, 2026-01-01, 50 % + mva, a - b = c # 1",
    ],
)
def test_ordinary_prose_is_written_as_it_is(text: str) -> None:
    assert markdown(text) == text


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("*important*", "\\*important\\*"),
        ("[link](https://x.example)", "\\[link\\](https://x.example)"),
        ("1. first", "1\\. first"),
        ("# not a heading", "\\# not a heading"),
        ("<b>bold</b>", "&lt;b>bold&lt;/b>"),
        ("&amp; stays as typed", "&amp;amp; stays as typed"),
        ("_under_ but snake_case", "\\_under\\_ but snake_case"),
        ("a | b", "a \\| b"),
        ("ends in \\", "ends in \\\\"),
    ],
)
def test_what_markdown_would_misread_is_escaped(text: str, escaped: str) -> None:
    assert markdown(text) == escaped
