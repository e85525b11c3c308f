"""The reference data one application works with: a pinned version of each kind."""

from __future__ import annotations

from dataclasses import dataclass

from lipp.domain.reference.markers import MarkerSet, marker_set
from lipp.domain.reference.themes import ThemeList, theme_list
from lipp.domain.reference.typology import Typology, typology


@dataclass(frozen=True)
class ReferenceData:
    """Marker wording, the pattern typology and the theme list in force; events record their versions."""

    markers: MarkerSet
    typology: Typology
    themes: ThemeList

    @classmethod
    def at(cls, *, markers: int | None = None, patterns: int | None = None, themes: int | None = None) -> ReferenceData:
        """The given versions; the latest shipped for any left out."""
        return cls(markers=marker_set(markers), typology=typology(patterns), themes=theme_list(themes))
