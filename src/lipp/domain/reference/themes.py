"""National practice themes. Ids are stable across versions, so a renamed theme keeps old findings readable."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from lipp.domain.errors import InvalidInput
from lipp.domain.reference.loading import latest_version, read_data, versions_of

KIND = "themes"


class UnknownTheme(InvalidInput):
    """A finding's themes come from the national theme list."""


@dataclass(frozen=True)
class Theme:
    id: str
    name: str


@dataclass(frozen=True)
class ThemeList:
    """The national themes of one version of the data file."""

    version: int
    themes: tuple[Theme, ...]

    def get(self, theme_id: str) -> Theme | None:
        return next((t for t in self.themes if t.id == theme_id), None)

    def theme(self, key: str) -> Theme:
        """Find a theme by its id ('NT05') or its exact name, ignoring case."""
        wanted = key.strip().casefold()
        for theme in self.themes:
            if wanted in (theme.id.casefold(), theme.name.casefold()):
                return theme
        raise UnknownTheme(f"unknown national theme '{key}' (see 'lipp reference themes' for the list)")


@cache
def theme_list(version: int | None = None) -> ThemeList:
    """The themes of `version` (the latest when None)."""
    data = read_data(KIND, version or latest_version(KIND))
    return ThemeList(version=data["version"], themes=tuple(Theme(**theme) for theme in data["themes"]))


@dataclass(frozen=True)
class ThemeReading:
    """How a theme recorded under one version reads today."""

    id: str
    name: str
    recorded_as: str

    @property
    def renamed(self) -> bool:
        return self.name != self.recorded_as


def read_theme(theme_id: str, recorded_version: int) -> ThemeReading:
    """The theme's name in the newest version that still has it, and the name it was recorded under."""
    recorded = theme_list(recorded_version).get(theme_id)
    recorded_as = recorded.name if recorded else theme_id
    for version in reversed(versions_of(KIND)):
        current = theme_list(version).get(theme_id)
        if current is not None:
            return ThemeReading(id=theme_id, name=current.name, recorded_as=recorded_as)
    return ThemeReading(id=theme_id, name=recorded_as, recorded_as=recorded_as)
