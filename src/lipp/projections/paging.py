"""Pages of a list: which part of it was asked for, and the whole list's length, so nothing is cut silently."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.engine import Connection

from lipp.projections.limits import DEFAULT_LIMIT as DEFAULT_LIMIT  # re-exported: paging is asked for them
from lipp.projections.limits import MAX_LIMIT as MAX_LIMIT

T = TypeVar("T")
U = TypeVar("U")


@dataclass(frozen=True)
class Paging:
    """Up to `limit` items (all of them when None) after skipping `offset`."""

    limit: int | None = None
    offset: int = 0

    def __post_init__(self) -> None:
        if self.offset < 0 or (self.limit is not None and self.limit < 0):
            raise ValueError("limit and offset are not negative")


EVERYTHING = Paging()


class Page(list[T]):
    """One page of a list: a list of its items that also knows the whole list's `total` and where it starts.

    A page is a list, so callers that want every item (`Paging()`, the default) use it as one."""

    def __init__(self, items: Iterable[T], total: int, paging: Paging = EVERYTHING) -> None:
        super().__init__(items)
        self.total = total
        self.offset = paging.offset
        self.limit = paging.limit

    @property
    def is_cut(self) -> bool:
        """Whether items of the list are not on this page."""
        return len(self) < self.total

    @property
    def next_offset(self) -> int | None:
        """Where the next page starts; None on the last page."""
        after = self.offset + len(self)
        return after if after < self.total and len(self) > 0 else None

    def map(self, convert: Callable[[T], U]) -> Page[U]:
        """The same page with each item converted."""
        return Page([convert(item) for item in self], self.total, Paging(self.limit, self.offset))


def page_of(items: list[T], paging: Paging) -> Page[T]:
    """A page of a list already in memory (for lists computed outside SQL)."""
    end = None if paging.limit is None else paging.offset + paging.limit
    return Page(items[paging.offset : end], len(items), paging)


def paged_rows(
    connection: Connection, query: Select[Any], paging: Paging, counted: Select[Any] | None = None
) -> Page[Any]:
    """The page of `query`'s rows (it must be fully ordered) and the count of all its rows. `counted`, when
    given, selects the same rows more cheaply for counting (without outer joins that change no count)."""
    counting = (counted if counted is not None else query).order_by(None).subquery()
    total = connection.execute(select(func.count()).select_from(counting)).scalar_one()
    if paging.limit == 0 or paging.offset >= total:
        return Page([], total, paging)
    if paging.offset:
        query = query.offset(paging.offset)
    if paging.limit is not None:
        query = query.limit(paging.limit)
    return Page(connection.execute(query).all(), total, paging)
