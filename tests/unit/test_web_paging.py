"""A page of a long list: every item on exactly one page, any typed page number lands on a real page, and the
links name each page at most once, always the first, the last and the neighbours of the one shown."""

from __future__ import annotations

from itertools import pairwise
from urllib.parse import parse_qs, urlsplit

from hypothesis import given
from hypothesis import strategies as st

from lipp.interfaces.web.paging import Pages

totals = st.integers(min_value=0, max_value=500)
sizes = st.integers(min_value=1, max_value=120)


@given(totals, sizes)
def test_the_pages_together_show_every_item_once(total: int, size: int) -> None:
    count = Pages.of(total, "1", size, "/app/x", {}).count
    shown = []
    for number in range(1, count + 1):
        pages = Pages.of(total, str(number), size, "/app/x", {})
        assert pages.number == number
        shown.extend(range(pages.first, min(pages.first + size, total)))
    assert shown == list(range(total))


@given(totals, sizes, st.text(max_size=8))
def test_any_typed_page_number_is_a_page_that_exists(total: int, size: int, typed: str) -> None:
    pages = Pages.of(total, typed, size, "/app/x", {})
    assert 1 <= pages.number <= pages.count
    assert pages.first <= max(0, total - 1)


@given(totals, sizes, st.integers(min_value=1, max_value=100), st.sampled_from(["", "closed", "conduct"]))
def test_the_links_name_the_neighbours_and_keep_the_filter(total: int, size: int, asked: int, stage: str) -> None:
    query = {"stage": stage} if stage else {}
    pages = Pages.of(total, str(asked), size, "/app/boards/ABC", query)
    component = pages.component("Pages")
    numbers = [item["number"] for item in component["items"] if "number" in item]
    assert numbers == sorted(set(numbers))
    assert {1, pages.count, pages.number} <= set(numbers)
    assert [item["number"] for item in component["items"] if item.get("current")] == [pages.number]
    items = component["items"]
    assert not any(a.get("ellipsis") and b.get("ellipsis") for a, b in pairwise(items))
    assert ("previous" in component) == (pages.number > 1)
    assert ("next" in component) == (pages.number < pages.count)
    for item in component["items"]:
        if "href" in item:
            link = urlsplit(item["href"])
            assert link.path == "/app/boards/ABC"
            assert parse_qs(link.query).get("stage") == ([stage] if stage else None)
            assert parse_qs(link.query)["page"] == [str(item["number"])]
