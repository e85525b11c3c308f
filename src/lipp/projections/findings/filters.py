"""What the searcher typed, resolved against the reference data: themes by id or any name they ever had."""

from __future__ import annotations

from lipp.domain.reference.loading import versions_of
from lipp.domain.reference.themes import KIND, UnknownTheme, theme_list
from lipp.domain.reference.typology import typology
from lipp.domain.review.vocabulary import Agency


def theme_ids(key: str) -> list[str]:
    """The stable ids of the theme named by id ('NT04') or by its current or any earlier name, ignoring case."""
    wanted = key.strip().casefold()
    found = {
        theme.id
        for version in versions_of(KIND)
        for theme in theme_list(version).themes
        if wanted in (theme.id.casefold(), theme.name.casefold())
    }
    if not found:
        raise UnknownTheme(f"unknown national theme '{key}' (see 'lipp reference themes' for the list)")
    return sorted(found)


def pattern_id(key: str) -> str:
    """A pattern category's id, from its number ('3') or id."""
    return typology().category(key).id


def agency_sector(key: str) -> str:
    """An agency's sector ('police', 'health' ...); a named organisation is matched by its sector."""
    return Agency.parse(key).sector.value
