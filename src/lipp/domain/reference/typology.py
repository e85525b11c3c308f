"""The six Learning Together categories of underlying pattern a finding is filed under."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from lipp.domain.errors import InvalidInput
from lipp.domain.reference.loading import latest_version, read_data

KIND = "patterns"


class UnknownPatternCategory(InvalidInput):
    """A finding's pattern category is one of the typology's six."""


@dataclass(frozen=True)
class PatternCategory:
    id: str
    number: int
    title: str
    description: str


@dataclass(frozen=True)
class Typology:
    """The pattern categories of one version of the data file."""

    version: int
    categories: tuple[PatternCategory, ...]

    def category(self, key: str) -> PatternCategory:
        """Find a category by its id or its number ('3' or 'multi-agency-crisis')."""
        wanted = key.strip().lower()
        for category in self.categories:
            if wanted in (category.id, str(category.number)):
                return category
        known = ", ".join(f"{c.number} {c.id}" for c in self.categories)
        raise UnknownPatternCategory(f"unknown pattern category '{key}' (one of: {known})")


@cache
def typology(version: int | None = None) -> Typology:
    """The typology of `version` (the latest when None)."""
    data = read_data(KIND, version or latest_version(KIND))
    return Typology(
        version=data["version"],
        categories=tuple(PatternCategory(**category) for category in data["categories"]),
    )
