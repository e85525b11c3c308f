"""Paging of list routes: `limit` and `offset` query parameters in, the page's facts out in headers.

A list route answers a bare JSON array, as it always has; how the array stands in the whole list travels in
headers: `X-Total-Count` (every item the caller may see), `X-Offset`, `X-Limit`, and a `Link` header with the
`next` and `prev` pages (RFC 8288), so a client that ignores them still reads the first page as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, TypeVar

from fastapi import Depends, Query, Request, Response

from lipp.projections.paging import DEFAULT_LIMIT, MAX_LIMIT, Page, Paging

T = TypeVar("T")
PAGE_HEADERS = ("X-Total-Count", "X-Offset", "X-Limit", "Link")


@dataclass
class Pager:
    """The paging a request asked for, and where to say how the answer stands in the whole list."""

    paging: Paging
    request: Request
    response: Response

    def page(self, page: Page[T]) -> list[T]:
        """The page's items, with its total, offset, limit and links to its neighbours in the headers."""
        headers = self.response.headers
        headers["X-Total-Count"] = str(page.total)
        headers["X-Offset"] = str(page.offset)
        headers["X-Limit"] = str(self.paging.limit)
        limit = self.paging.limit or DEFAULT_LIMIT
        links = []
        if page.next_offset is not None:
            links.append(self._link(page.next_offset, limit, "next"))
        if page.offset > 0:
            links.append(self._link(max(0, min(page.offset, page.total) - limit), limit, "prev"))
        if links:
            headers["Link"] = ", ".join(links)
        return list(page)

    def _link(self, offset: int, limit: int, rel: str) -> str:
        url = self.request.url.include_query_params(offset=offset, limit=limit)
        return f'<{url}>; rel="{rel}"'


def pager(
    request: Request,
    response: Response,
    limit: Annotated[
        int, Query(ge=0, le=MAX_LIMIT, description=f"At most this many items (default {DEFAULT_LIMIT})")
    ] = DEFAULT_LIMIT,
    offset: Annotated[int, Query(ge=0, description="Skip this many items first")] = 0,
) -> Pager:
    return Pager(Paging(limit=limit, offset=offset), request, response)


PagerDep = Annotated[Pager, Depends(pager)]
