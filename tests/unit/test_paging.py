"""Paging, for any length of list and any limit and offset: a page is the list's slice, paging on from the
first page reaches every item exactly once, and the line under a cut list says truly where it stands."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Column, Engine, Integer, MetaData, Table, create_engine, insert, select

from lipp.interfaces.cli.output import page_note
from lipp.projections.paging import Page, Paging, page_of, paged_rows

lengths = st.integers(min_value=0, max_value=120)
limits = st.integers(min_value=0, max_value=50)
offsets = st.integers(min_value=0, max_value=150)

metadata = MetaData()
numbers = Table("numbers", metadata, Column("n", Integer, primary_key=True))
LONGEST = 120


@pytest.fixture(scope="module")
def engine() -> Iterator[Engine]:
    engine = create_engine("sqlite://")
    metadata.create_all(engine)
    with engine.begin() as connection:
        connection.execute(insert(numbers), [{"n": n} for n in range(LONGEST)])
    yield engine
    engine.dispose()


def sql_page(engine: Engine, length: int, paging: Paging) -> Page[int]:
    query = select(numbers.c.n).where(numbers.c.n < length).order_by(numbers.c.n)
    with engine.connect() as connection:
        return paged_rows(connection, query, paging).map(lambda row: row.n)


def check_page(page: Page[int], items: list[int], paging: Paging) -> None:
    assert list(page) == items[paging.offset : paging.offset + (paging.limit or 0)]
    assert page.total == len(items)
    shown = len(page)
    note = page_note(page)
    if shown == len(items):
        assert not page.is_cut and note is None
        return
    assert page.is_cut and note is not None
    if shown == 0:
        assert note.startswith(f"Showing none of {len(items):,}")
        return
    first, last = paging.offset + 1, paging.offset + shown
    assert note.startswith(f"Showing {first:,}–{last:,} of {len(items):,}")
    assert ("next: --offset" in note) == (last < len(items))
    if last < len(items):
        assert note.endswith(f"next: --offset {last}")
        assert page.next_offset == last


@given(length=lengths, limit=limits, offset=offsets)
def test_a_page_in_memory_is_the_slice_and_says_so(length: int, limit: int, offset: int) -> None:
    items = list(range(length))
    check_page(page_of(items, Paging(limit, offset)), items, Paging(limit, offset))


@given(length=lengths, limit=limits, offset=offsets)
def test_a_page_of_sql_rows_is_the_slice_and_says_so(engine: Engine, length: int, limit: int, offset: int) -> None:
    check_page(sql_page(engine, length, Paging(limit, offset)), list(range(length)), Paging(limit, offset))


@given(length=lengths, limit=st.integers(min_value=1, max_value=50))
def test_paging_on_from_the_first_page_reaches_every_item_once(engine: Engine, length: int, limit: int) -> None:
    seen: list[int] = []
    offset: int | None = 0
    while offset is not None:
        page = sql_page(engine, length, Paging(limit, offset))
        assert len(page) <= limit
        seen.extend(page)
        offset = page.next_offset
    assert seen == list(range(length))


def test_everything_is_one_uncut_page() -> None:
    page = page_of(list(range(7)), Paging())
    assert (list(page), page.total, page.is_cut, page.next_offset, page_note(page)) == (
        list(range(7)),
        7,
        False,
        None,
        None,
    )


@pytest.mark.parametrize(("limit", "offset"), [(-1, 0), (5, -1)])
def test_negative_paging_is_refused(limit: int, offset: int) -> None:
    with pytest.raises(ValueError):
        Paging(limit, offset)
