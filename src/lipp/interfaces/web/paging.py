"""A long list shown a page at a time, with the GOV.UK pagination component's links (previous, next, numbers,
with ellipses between far-apart pages)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode


@dataclass(frozen=True)
class Pages:
    """Which page of `total` items is shown, and the links to the others."""

    number: int  # from 1
    count: int  # how many pages (at least 1)
    first: int  # index of the page's first item
    total: int
    base: str  # the page's address without its query
    query: tuple[tuple[str, str], ...]  # the rest of the query, kept on every link

    @classmethod
    def of(cls, total: int, asked: str, size: int, base: str, query: dict[str, str]) -> Pages:
        """Page `asked` (text from the address: anything not a page number there is page 1, and a number past
        the end is the last page)."""
        count = max(1, -(-total // size))
        number = int(asked) if asked.isdigit() else 1
        number = min(max(number, 1), count)
        return cls(number, count, (number - 1) * size, total, base, tuple(sorted(query.items())))

    def href(self, number: int) -> str:
        return f"{self.base}?{urlencode([*self.query, ('page', str(number))])}"

    def component(self, label: str) -> dict[str, Any]:
        """The parameters of govukPagination, its landmark named `label`: numbered links, with an ellipsis for
        runs of pages left out."""
        items: list[dict[str, Any]] = []
        near = {1, self.count, self.number - 1, self.number, self.number + 1}
        for number in range(1, self.count + 1):
            if number in near:
                items.append({"number": number, "href": self.href(number), "current": number == self.number})
            elif items and not items[-1].get("ellipsis"):
                items.append({"ellipsis": True})
        found: dict[str, Any] = {"items": items, "landmarkLabel": label}
        if self.number > 1:
            found["previous"] = {"href": self.href(self.number - 1)}
        if self.number < self.count:
            found["next"] = {"href": self.href(self.number + 1)}
        return found
