"""Lists of ids in messages stay short however large the map: the first few, then a count."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from support.synthetic import synthetic

import harmonien_ropa as hr
from harmonien_ropa.core.errors import HarmonienError
from harmonien_ropa.core.listing import SHOWN, some
from harmonien_ropa.flows.queries import impact


def test_short_lists_are_written_out() -> None:
    assert some([]) == ""
    assert some(["a"]) == "a"
    assert some([str(i) for i in range(SHOWN)]) == ", ".join(str(i) for i in range(SHOWN))


def test_long_lists_name_the_first_and_count_the_rest() -> None:
    assert some([str(i) for i in range(25)]) == "0, 1, 2, 3, 4, 5, 6, 7, 8, 9 … and 15 more"
    assert some(["a", "b", "c"], shown=2) == "a, b … and 1 more"


@given(st.lists(st.from_regex(r"[a-z0-9-]{1,12}", fullmatch=True), max_size=60))
def test_every_item_is_named_or_counted(items: list[str]) -> None:
    text = some(items)
    more = re.search(r" … and (\d+) more$", text)
    named = text[: more.start()] if more else text
    count = len(named.split(", ")) if named else 0
    assert count == min(len(items), SHOWN)
    assert count + (int(more.group(1)) if more else 0) == len(items)


@pytest.mark.parametrize("output", ["dpv", "fides"])
def test_render_messages_are_bounded(output: str) -> None:
    datamap = synthetic(60)
    messages = hr.render(datamap, only=[output]).details
    assert messages
    for message in messages:
        match = re.search(r": (\d+) [^:]+: (.*?)(?: … and (\d+) more)? \(", message)
        assert match, message
        total, named, more = int(match.group(1)), match.group(2).split(", "), match.group(3)
        assert len(named) <= SHOWN
        assert len(named) + int(more or 0) == total
        assert "add '" in message  # the hint how to fix it stays


def test_unknown_name_in_a_query_lists_a_few_known_ones() -> None:
    datamap = synthetic(40, parties=30)
    with pytest.raises(HarmonienError) as caught:
        impact(datamap, party="nobody")
    known = str(caught.value).split("(known: ", 1)[1]
    assert re.fullmatch(r"([^,]+, ){9}[^,]+ … and \d+ more\)", known), known
