"""The findings library's pages: every page number reachable from any page, the search kept in every link."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

from hypothesis import given
from hypothesis import strategies as st

from lipp.interfaces.web.national_pages import _pagination


@given(pages=st.integers(min_value=1, max_value=400), data=st.data())
def test_pagination_shows_first_last_and_neighbours_and_keeps_the_search(pages: int, data: st.DataObject) -> None:
    number = data.draw(st.integers(min_value=1, max_value=pages))
    criteria = {"q": "strategy meeting", "theme": "NT05", "board": ""}
    shown = _pagination(criteria, number, pages)
    if pages == 1:
        assert shown is None
        return
    assert shown is not None
    numbers = [item["number"] for item in shown["items"] if "number" in item]
    assert numbers == sorted(set(numbers)) and {1, pages, number} <= set(numbers)
    assert {n for n in (number - 1, number + 1) if 1 <= n <= pages} <= set(numbers)
    assert [item["number"] for item in shown["items"] if item.get("current")] == [number]
    gaps = [i for i, item in enumerate(shown["items"]) if item.get("ellipsis")]
    for i in gaps:  # an ellipsis stands only where numbers are left out
        assert shown["items"][i + 1]["number"] - shown["items"][i - 1]["number"] > 1
    assert ("previous" in shown) == (number > 1) and ("next" in shown) == (number < pages)
    for item in [*shown["items"], shown.get("previous"), shown.get("next")]:
        if item and "href" in item:
            query = parse_qs(urlparse(item["href"]).query)
            assert query["q"] == ["strategy meeting"] and query["theme"] == ["NT05"] and "board" not in query
